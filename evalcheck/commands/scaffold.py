"""`evalcheck new` (skeleton records, owners) and `evalcheck schema` (the JSON Schemas for
editors and other tools).

New files are never written over an existing one and are written atomically; the owners
registry is edited in place only through a round trip that keeps every other line.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import click

from evalcheck.cli import _config, friendly_errors
from evalcheck.records import KINDS

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,79}$")
_GITHUB = re.compile(r"^@?[A-Za-z0-9][A-Za-z0-9-]{0,38}(/[A-Za-z0-9._-]+)?$")


def _usage(message: str) -> None:
    from evalcheck.discover import UsageError

    raise UsageError(message)


def _check_id(value: str, what: str) -> None:
    if not _ID.match(value):
        _usage(f"{what} {value!r} is not a valid id: letters, digits and . _ / - (no spaces), "
               "starting with a letter or digit, at most 80 characters")


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


class _Repo:
    """The records repository a `new` command writes into, and what it already holds."""

    def __init__(self) -> None:
        from evalcheck import loading
        from evalcheck.records import Corpus

        self.config = _config(None)
        self.root = self.config.root
        self.records = loading.load(self.config, []).records
        self.corpus = Corpus(self.records)

    def refuse_duplicate(self, kind: str, ident: str) -> None:
        found = self.corpus.find(kind, ident)
        if found is not None:
            noun = kind.replace("-", " ")
            article = "an" if noun[0] in "aeiou" else "a"
            _usage(f"{article} {noun} with id {ident} already exists: {found.path}")

    def target(self, kind: str, ident: str, out: str | None) -> Path:
        from evalcheck.skeleton import FOLDERS

        if out:
            path = Path(out)
        else:
            path = (self.root / self.config.records[0] / FOLDERS[kind]
                    / (ident.replace("/", "-") + ".yaml"))
        if path.exists() or path.is_symlink():
            _usage(f"{_shown(path)} already exists; evalcheck new never writes over a file "
                   "(choose another id or --out)")
        return path

    def schema_ref(self, kind: str, target: Path, schema_dir: str) -> str:
        """The modeline's schema path, relative to the new file; a note when it is missing."""
        schema = Path(schema_dir)
        schema = schema if schema.is_absolute() else self.root / schema
        file = schema / f"{kind}.schema.json"
        if not file.is_file():
            click.echo(f"note: {_shown(file)} is not there yet, so editors cannot read the "
                       f"schema: run `evalcheck schema --export {_shown(schema)}` once and "
                       "commit it", err=True)
        return Path(os.path.relpath(file.resolve(), target.parent.resolve())).as_posix()

    def warn_unknown_owner(self, owner: str) -> None:
        if owner not in self.corpus.owners:
            click.echo(f"warning: owner {owner} is not in the owners registry; add it with "
                       f"`evalcheck new owner {owner} --name NAME --type unit|person|external`",
                       err=True)


def _write(path: Path, skeleton: Any, what: str) -> None:
    from evalcheck.loading import write_atomic

    write_atomic(path, skeleton.text)
    click.echo(f"Wrote {_shown(path)} ({what}).")
    if skeleton.placeholders:
        click.echo("Fill these placeholders (your editor explains each field):")
        for p in skeleton.placeholders:
            click.echo(f"  line {p.line:<4} {p.field}: {p.value}" + (f"  - {p.help}"
                                                                    if p.help else ""))
    click.echo(f"Then check it: evalcheck lint {_shown(path)}")


out_option = click.option("--out", type=click.Path(dir_okay=False),
                          help="Write here instead of records/<kind folder>/<ID>.yaml.")
owner_option = click.option("--owner", required=True, metavar="OWNER_ID",
                            help="Who keeps this record true: an id from the owners registry.")
schema_dir_option = click.option(
    "--schema-dir", default="schema", show_default=True, metavar="DIR",
    help="Where the JSON Schemas are, relative to the repository root (for the modeline).")


@click.group(short_help="Start a record from a skeleton, or add an owner.")
def new() -> None:
    """Start a record from a skeleton that passes lint once its TODO- values are filled."""


@new.command("evaluation")
@click.argument("ident", metavar="ID")
@owner_option
@click.option("--title", help="The evaluation's title (else a TODO- placeholder).")
@click.option("--status", type=click.Choice(["planned", "ongoing", "completed"]),
              default="planned", show_default=True)
@out_option
@schema_dir_option
@friendly_errors
def new_evaluation(ident: str, owner: str, title: str | None, status: str, out: str | None,
                   schema_dir: str) -> None:
    """Write a new evaluation record with id ID.

    ID is stable and unique among evaluations, e.g. EV-2024-ROBA-PMM.
    """
    from evalcheck import skeleton

    _check_id(ident, "evaluation id")
    _check_id(owner, "owner")
    repo = _Repo()
    repo.refuse_duplicate("evaluation", ident)
    target = repo.target("evaluation", ident, out)
    repo.warn_unknown_owner(owner)
    ref = repo.schema_ref("evaluation", target, schema_dir)
    _write(target, skeleton.evaluation(ident, owner, ref, title, status), f"evaluation {ident}")


@new.command("management-response")
@click.argument("ident", metavar="ID")
@click.option("--evaluation", "evaluation_id", required=True, metavar="EVALUATION_ID",
              help="The evaluation this responds to; its recommendations become the responses.")
@owner_option
@out_option
@schema_dir_option
@friendly_errors
def new_management_response(ident: str, evaluation_id: str, owner: str, out: str | None,
                            schema_dir: str) -> None:
    """Write a new management response with id ID.

    It answers each recommendation of the evaluation, with one action to complete per answer.
    """
    from evalcheck import skeleton

    _check_id(ident, "management response id")
    _check_id(evaluation_id, "evaluation id")
    _check_id(owner, "owner")
    repo = _Repo()
    repo.refuse_duplicate("management-response", ident)
    existing = repo.corpus.responses_for.get(evaluation_id)
    if existing:
        _usage(f"{evaluation_id} already has a management response: {existing[0].path}")
    target = repo.target("management-response", ident, out)
    repo.warn_unknown_owner(owner)
    evaluation = repo.corpus.find("evaluation", evaluation_id)
    recommendations = skeleton.recommendation_ids(evaluation.data) if evaluation else []
    if evaluation is None:
        click.echo(f"warning: evaluation {evaluation_id} is not in the records yet; "
                   "fill in the recommendation ids", err=True)
    elif not recommendations:
        click.echo(f"warning: evaluation {evaluation_id} lists no recommendations yet; "
                   "fill in the recommendation ids", err=True)
    ref = repo.schema_ref("management-response", target, schema_dir)
    _write(target, skeleton.management_response(ident, evaluation_id, owner, ref,
                                                 recommendations),
           f"management response {ident} to {evaluation_id}")


@new.command("project")
@click.argument("ident", metavar="ID")
@owner_option
@click.option("--title", help="The project's title (else a TODO- placeholder).")
@out_option
@schema_dir_option
@friendly_errors
def new_project(ident: str, owner: str, title: str | None, out: str | None,
                schema_dir: str) -> None:
    """Write a new project record with id ID.

    ID is stable and unique among projects, e.g. PRJ-RICOMI.
    """
    from evalcheck import skeleton

    _check_id(ident, "project id")
    _check_id(owner, "owner")
    repo = _Repo()
    repo.refuse_duplicate("project", ident)
    target = repo.target("project", ident, out)
    repo.warn_unknown_owner(owner)
    ref = repo.schema_ref("project", target, schema_dir)
    _write(target, skeleton.project(ident, owner, ref, title), f"project {ident}")


@new.command("owner")
@click.argument("ident", metavar="ID")
@click.option("--name", required=True, help="The unit's or person's full name.")
@click.option("--type", "type_", required=True,
              type=click.Choice(["unit", "person", "external"]))
@click.option("--email", help="A contact email.")
@click.option("--github", metavar="HANDLE",
              help="@user or @org/team, used by `evalcheck codeowners`.")
@click.option("--parent", metavar="OWNER_ID", help="The unit this owner belongs to.")
@click.option("--role", help="The role or job title.")
@click.option("--aliases", "aliases", multiple=True, metavar="NAMES",
              help="Other spellings of this owner in source documents, separated by ';' "
                   "(or give the option again): `import matrix` maps them to this id.")
@click.option("--registry", type=click.Path(dir_okay=False),
              help="The owners registry file (default: the repository's only one).")
@friendly_errors
def new_owner(ident: str, name: str, type_: str, email: str | None, github: str | None,
              parent: str | None, role: str | None, aliases: tuple[str, ...],
              registry: str | None) -> None:
    """Add an owner to the owners registry.

    --aliases "PFs PMM; Puntos focales" lists other spellings of the owner that matrices
    use; `evalcheck import matrix` maps a cell naming any of them to this id. The registry
    keeps its comments and layout; evalcheck refuses rather than reformat it.
    """
    from evalcheck.loading import write_atomic
    from evalcheck.registry_edit import Entry, RegistryEditError, add_owner

    _check_id(ident, "owner id")
    if not name.strip():
        _usage("--name is empty")
    if github is not None and not _GITHUB.match(github):
        _usage(f"--github {github!r} is not a GitHub handle like @user or @org/team")
    if email is not None and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", email):
        _usage(f"--email {email!r} is not an email address")
    repo = _Repo()
    if ident in repo.corpus.owners:
        _usage(f"owner {ident} is already in the owners registry")
    if parent is not None and parent not in repo.corpus.owners:
        _usage(f"--parent {parent} is not in the owners registry")
    path = _registry_path(repo, registry)
    entry: Entry = {"id": ident, "name": name.strip(), "type": type_}
    for key, value in (("email", email), ("github", github), ("parent", parent), ("role", role)):
        if value:
            entry[key] = value
    spellings = list(dict.fromkeys(" ".join(part.split()) for given in aliases
                                   for part in given.split(";") if part.strip()))
    if aliases and not spellings:
        _usage("--aliases is empty: give other spellings separated by ';'")
    if spellings:
        entry["aliases"] = spellings
    if path.exists():
        try:
            text = add_owner(path.read_text(encoding="utf-8"), entry)
        except (RegistryEditError, UnicodeDecodeError) as exc:
            _usage(f"{_shown(path)}: {exc}")
            return
    else:
        from evalcheck.registry_edit import entry_yaml

        text = "kind: owners\nowners:\n" + entry_yaml(entry)
    write_atomic(path, text)
    click.echo(f"Added owner {ident} to {_shown(path)}.")


def _registry_path(repo: _Repo, registry: str | None) -> Path:
    if registry:
        return Path(registry)
    found = sorted(r.path for r in repo.records if r.kind == "owners")
    if len(found) > 1:
        _usage("there are several owners registries (" + ", ".join(found) + "); "
               "choose one with --registry")
    if found:
        return repo.root / found[0]
    return repo.root / repo.config.records[0] / "owners.yaml"


@click.command(short_help="Print or export the JSON Schemas of the records.")
@click.argument("kind", required=False, type=click.Choice(KINDS))
@click.option("--export", "export_dir", type=click.Path(file_okay=False), metavar="DIR",
              help="Write the schema files (all kinds, or KIND) into DIR, as shipped.")
@click.option("--check", is_flag=True,
              help="With --export: write nothing; exit 1 when a file in DIR is missing or "
                   "differs from this evalcheck's (for a pre-commit hook or CI).")
@friendly_errors
def schema(kind: str | None, export_dir: str | None, check: bool) -> None:
    """Print KIND's JSON Schema, or export the schemas for editors and other tools.

    Editors with the YAML language server validate and complete records that start with
    `# yaml-language-server: $schema=<path>`; `evalcheck new` writes that line. Export again
    after upgrading evalcheck; `--export DIR --check` says when that is due.
    """
    from evalcheck import __version__
    from evalcheck.schemas import schema_dir

    kinds = [kind] if kind else list(KINDS)
    if check and not export_dir:
        _usage("--check compares the files of --export DIR: give both")
    if export_dir and check:
        folder = Path(export_dir)
        stale = []
        for k in kinds:
            target = folder / f"{k}.schema.json"
            shipped = (schema_dir() / f"{k}.schema.json").read_bytes()
            if not target.is_file():
                stale.append(f"{_shown(target)} is missing")
            elif target.read_bytes() != shipped:
                stale.append(f"{_shown(target)} differs from evalcheck {__version__}'s")
        for line in stale:
            click.echo(line)
        if stale:
            click.echo(f"The schemas in {_shown(folder)} are not evalcheck {__version__}'s: run "
                       f"`evalcheck schema --export {_shown(folder)}` and commit them.", err=True)
            raise SystemExit(1)
        click.echo(f"The {len(kinds)} schema file(s) in {_shown(folder)} are evalcheck "
                   f"{__version__}'s.")
    elif export_dir:
        from evalcheck.loading import write_atomic

        folder = Path(export_dir)
        for k in kinds:
            write_atomic(folder / f"{k}.schema.json",
                         (schema_dir() / f"{k}.schema.json").read_bytes())
        click.echo(f"Wrote {len(kinds)} schema file(s) to {_shown(folder)}.")
    elif kind:
        click.echo((schema_dir() / f"{kind}.schema.json").read_text(encoding="utf-8"), nl=False)
    else:
        for k in kinds:
            click.echo(f"{k:<21}{schema_dir() / f'{k}.schema.json'}")
