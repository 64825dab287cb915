"""`evalcheck import matrix` and `evalcheck export xlsx`: option plumbing, checks before any
write, and what to tell the person. The work is in evalcheck.office."""

from __future__ import annotations

import difflib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from evalcheck.cli import (
    EXIT_OK,
    EXIT_PROBLEMS,
    _as_of,
    _config,
    as_of_option,
    config_option,
    friendly_errors,
)
from evalcheck.discover import UsageError
from evalcheck.records import Corpus, Record

if TYPE_CHECKING:
    from evalcheck.office.build import Imported
    from evalcheck.office.importing import Output
    from evalcheck.office.matrix import Matrix


@click.group("import")
def import_() -> None:
    """Create records from office documents (needs: pip install 'evalcheck-mr[office]')."""


@click.group("export")
def export() -> None:
    """Write records out as office documents (needs: pip install 'evalcheck-mr[office]')."""


def _find_evaluation(corpus: Corpus, ident: str) -> Record:
    record = corpus.find("evaluation", ident)
    if record is not None:
        return record
    known = sorted(i for kind, i in corpus.by_kind_id if kind == "evaluation")
    close = difflib.get_close_matches(ident, known, n=3, cutoff=0.6)
    hint = f"; did you mean {' or '.join(close)}?" if close else (
        f"; the evaluations are: {', '.join(known)}" if known else
        "; create the evaluation record first (evalcheck new evaluation)")
    raise UsageError(f"no evaluation with id {ident!r} in the records{hint}")


def _registry(corpus: Corpus, root: Path, option: str | None
              ) -> tuple[Path, str | None, list[dict[str, Any]]]:
    """The owners file new owners go to, its text (None if it does not exist yet), and the
    owners to match names against (every registry of the repository, plus that file)."""
    from evalcheck.yamlload import parse

    owners = list(corpus.owners.values())
    if option:
        path = Path(option)
    else:
        found = next((r for r in corpus.records if r.kind == "owners"), None)
        path = _real(root, found.path) if found else root / "records" / "owners.yaml"
    if not path.exists():
        return path, None, owners
    text = path.read_text(encoding="utf-8-sig")
    data = parse(text.encode("utf-8")).data
    if isinstance(data, dict) and isinstance(data.get("owners"), list):
        known = {o.get("id") for o in owners}
        owners += [o for o in data["owners"] if isinstance(o, dict) and o.get("id") not in known]
    return path, text, owners


def _real(root: Path, shown: str) -> Path:
    path = Path(shown)
    return path if path.is_absolute() else root / path


def _response_target(corpus: Corpus, root: Path, response_id: str, evaluation: str,
                     out: str | None, force: bool) -> Path:
    path = Path(out) if out else root / "records" / "responses" / f"{response_id}.yaml"
    if path.exists() and not force:
        raise UsageError(f"{path} already exists; use --force to replace it")
    resolved = path.resolve()
    for record in corpus.of_kind("management-response"):
        elsewhere = _real(root, record.path).resolve() != resolved
        if elsewhere and record.id == response_id:
            raise UsageError(f"a management response with id {response_id!r} is already in "
                             f"{record.path}; use --out {record.path} --force to replace it, "
                             "or --id to choose another id")
        if elsewhere and record.get("evaluation") == evaluation and not force:
            raise UsageError(f"{record.path} already answers {evaluation}; use --force to add "
                             "a second management response anyway")
    return path


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


@import_.command("matrix")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--evaluation", "evaluation_id", required=True, metavar="ID",
              help="The evaluation the matrix answers (its record must exist).")
@click.option("--id", "response_id", metavar="ID",
              help="Id of the new management response (default: MR- and the evaluation id "
                   "without its EV- prefix).")
@click.option("--out", type=click.Path(dir_okay=False),
              help="Where to write it (default: records/responses/ID.yaml).")
@click.option("--owners", "owners_path", type=click.Path(dir_okay=False),
              help="The owners registry to add unknown names to (default: the repository's).")
@click.option("--force", is_flag=True, help="Replace an existing file at --out.")
@config_option
@friendly_errors
def matrix(file: str, evaluation_id: str, response_id: str | None, out: str | None,
           owners_path: str | None, force: bool, config_path: str | None) -> None:
    """Read a management response matrix (.docx or .xlsx) into a management-response record.

    Recognises labels and columns in Spanish, English, French and Portuguese, maps names
    to owner ids (adding unknown ones to the owners registry with review: true), and fills
    in the evaluation's recommendations when its record has none. What it cannot read it
    lists by table, row and cell, and leaves out. Exit 0 when everything was read, 1 when
    the records were written but something needs a look, 2 on a usage error.
    """
    from evalcheck import loading
    from evalcheck.office.build import build, default_response_id
    from evalcheck.office.importing import outputs
    from evalcheck.office.matrix import read_matrix
    from evalcheck.office.owners import OwnerIndex
    from evalcheck.office.readers import read_document

    config = _config(config_path)
    root = config.root
    corpus = Corpus(loading.load(config, []).records)
    evaluation = _find_evaluation(corpus, evaluation_id)
    response_id = response_id or default_response_id(evaluation_id)
    target = _response_target(corpus, root, response_id, evaluation_id, out, force)
    registry_path, registry_text, known = _registry(corpus, root, owners_path)

    source = Path(file)
    read = read_matrix(read_document(source))
    if not read.recommendations:
        click.echo(f"evalcheck: found no management response matrix in {file} (no "
                   "'Recommendation N' label and no table with an action column)", err=True)
        for note in read.notes[:20]:
            click.echo(f"  {note}", err=True)
        sys.exit(EXIT_PROBLEMS)
    imported = build(read, evaluation.data, OwnerIndex(known), response_id, source.name)
    evaluation_path = _real(root, evaluation.path)
    files = outputs(imported, target, evaluation_path,
                    evaluation_path.read_text(encoding="utf-8"), registry_path, registry_text)

    from evalcheck.loading import write_atomic

    for output in files:
        write_atomic(output.path, output.text)
    _tell(read, imported, files, root)
    trouble = imported.notes or any(o.findings for o in files)
    sys.exit(EXIT_PROBLEMS if trouble else EXIT_OK)


def _tell(read: Matrix, imported: Imported, files: Sequence[Output], root: Path) -> None:
    recs = read.recommendations
    actions = [a for r in recs for a in r.actions]
    click.echo(f"Read {len(recs)} recommendations and {len(actions)} actions.")
    for output in files:
        where = _shown(output.path, root)
        if output.what == "response":
            click.echo(f"Wrote {where}")
        elif output.what == "evaluation":
            click.echo(f"Added the {len(recs)} recommendations to {where}")
        else:
            names = ", ".join(f"{o['id']} ({o['name']})" for o in imported.new_owners)
            click.echo(f"Added {len(imported.new_owners)} owners to {where} with review: true "
                       f"(check their type and name): {names}")
    missing = []
    undecided = sum(r.decision is None and not r.decision_text for r in recs)
    if undecided:
        missing.append(f"no decision on {undecided} of {len(recs)} recommendations")
    unreported = sum(a.status is None and not a.status_text for a in actions)
    if unreported and actions:
        missing.append(f"no status for {unreported} of {len(actions)} actions")
    if missing:
        click.echo("Left out because the matrix leaves them empty: " + "; ".join(missing) + ".")
    kept = _kept_as_written(read)
    if kept:
        click.echo(f"Kept in the matrix's own words, with no value of the record model "
                   f"({len(kept)}):")
        for line in kept:
            click.echo(f"  {line}")
    if imported.notes:
        click.echo(f"Needs a look ({len(imported.notes)}):")
        for note in imported.notes:
            click.echo(f"  {note}")
    for output in files:
        if output.findings:
            click.echo(f"Schema problems in {_shown(output.path, root)} (fix them in the YAML):")
            for finding in output.findings:
                click.echo(f"  {finding.message}")


def _kept_as_written(read: Matrix) -> list[str]:
    """What the record holds only in the source's words: a decision that is no decision
    ("Noted"), a status that is none ("En retard"), a deadline that is no date ("Continu")."""
    out = []
    for rec in read.recommendations:
        if rec.decision is None and rec.decision_text:
            out.append(f"recommendation {rec.number}: decision_text {rec.decision_text!r} "
                       "(no decision)")
        for a in rec.actions:
            if a.status is None and a.status_text:
                out.append(f"action {a.id}: status_text {a.status_text!r} (no status)")
            if a.deadline is None and a.deadline_note:
                out.append(f"action {a.id}: deadline_note {a.deadline_note!r} (no date)")
    return out


@export.command("xlsx")
@click.argument("file", type=click.Path(dir_okay=False))
@click.argument("paths", nargs=-1, type=click.Path())
@as_of_option
@config_option
@friendly_errors
def xlsx(file: str, paths: tuple[str, ...], as_of: str | None, config_path: str | None) -> None:
    """Write the action tracker workbook: a Summary sheet and one row per action (and per
    recommendation without one), with names, decisions, latest updates and comments.

    PATHS limits it to those record files or folders (default: every record). Overdue rows
    are highlighted as of --as-of (default: today).
    """
    from evalcheck import loading
    from evalcheck.office.tracker import report_of, rows
    from evalcheck.office.workbook import tracker_workbook

    if not file.lower().endswith((".xlsx", ".xlsm")):
        raise UsageError(f"{file}: the workbook's name should end in .xlsx")
    config = _config(config_path)
    day = _as_of(as_of)
    loaded = loading.load(config, list(paths))
    records = loaded.records if loaded.targets is None else [
        r for r in loaded.records if r.path in loaded.targets or r.kind in ("owners", "evaluation")]
    wanted = None if loaded.targets is None else {
        str(r.get("evaluation") if r.kind == "management-response" else r.id)
        for r in loaded.records if r.path in loaded.targets}
    full = report_of(records, day)
    loading.write_atomic(Path(file), tracker_workbook(full, rows(full, wanted), day))
    report = full.implementation
    rate = f"{report.rate:.0%}" if report.rate is not None else "n/a"
    click.echo(f"Wrote {file}: {report.total} actions, {len(report.overdue)} overdue as of "
               f"{day.isoformat()}, implementation rate {rate}.")
