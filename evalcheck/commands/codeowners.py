"""`evalcheck codeowners`: write or check .github/CODEOWNERS from the records' owners."""

from __future__ import annotations

import os
import sys
from pathlib import Path, PurePosixPath
from typing import Any

import click

from evalcheck.cli import EXIT_OK, EXIT_PROBLEMS, _config, config_option, friendly_errors
from evalcheck.textsafe import visible


@click.command(short_help="Write or check .github/CODEOWNERS from the records' owners.")
@click.option("--check", is_flag=True,
              help="Write nothing; exit 1 and show the difference when the file is stale.")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="The CODEOWNERS file (default: .github/CODEOWNERS at the repository root).")
@click.option("--office", metavar="HANDLE",
              help="The evaluation office (@org/team) that reviews changes to the "
                   "configuration, the baseline and the workflows (default: the github handle "
                   "of the registry's owner eval-office).")
@config_option
@friendly_errors
def codeowners(check: bool, output: str | None, office: str | None,
               config_path: str | None) -> None:
    """Write .github/CODEOWNERS so a pull request that touches a record asks its owner.

    Each record's `owner` is looked up in the owners registry for its `github` handle
    (@user or @org/team). Records whose owner has no handle get no rule and are listed as
    warnings. The gate's own files (the configuration, the baseline, .github/workflows/ and
    CODEOWNERS) are given to the evaluation office, so that a pull request cannot loosen its
    own checks unreviewed. Only the block between the BEGIN/END markers is generated; other
    lines are kept.
    Exit 0 when written or up to date, 1 with --check when stale, 2 on a usage error.
    """
    import difflib

    from evalcheck import codeowners as co
    from evalcheck import loading
    from evalcheck.records import Corpus

    config = _config(config_path)
    root = config.root.resolve()
    top = co.git_root(root) or root
    target = Path(output) if output else top / ".github" / "CODEOWNERS"
    records = loading.load(config, []).records
    owners = Corpus(records).owners
    generated = co.generate(records, owners, PurePosixPath(root.relative_to(top).as_posix()))
    existing = target.read_text(encoding="utf-8") if target.is_file() else None
    gate = co.gate_rules(_gate_files(config, root, top, target), office or co.office_handle(owners),
                         existing)
    generated = co.Generated(gate.rules + generated.rules, gate.warnings + generated.warnings)
    for warning in generated.warnings:
        click.echo(f"warning: {visible(warning)}", err=True)
    wanted = co.render(generated, existing)
    shown = _shown(target)
    if check:
        if existing == wanted:
            click.echo(f"{shown} is up to date ({_rules(len(generated.rules))}).")
            sys.exit(EXIT_OK)
        diff = difflib.unified_diff((existing or "").splitlines(keepends=True),
                                    wanted.splitlines(keepends=True),
                                    fromfile=f"{shown} (now)", tofile=f"{shown} (wanted)")
        click.echo("".join(diff), nl=False)
        click.echo(f"{shown} is stale: run `evalcheck codeowners` and commit it.", err=True)
        sys.exit(EXIT_PROBLEMS)
    if existing == wanted:
        click.echo(f"{shown} is up to date ({_rules(len(generated.rules))}).")
        return
    loading.write_atomic(target, wanted)
    click.echo(f"Wrote {shown} ({_rules(len(generated.rules))}).")


def _gate_files(config: Any, root: Path, top: Path, target: Path) -> list[str]:
    """The files that decide what the gate lets through, from the repository's top: the
    configuration (.evalcheck.yaml when there is none yet: a pull request could add one), the
    baseline, the workflows and CODEOWNERS itself."""
    name = config.source if config.source not in ("", "defaults") else ".evalcheck.yaml"
    files = [root / name]
    if config.baseline:
        files.append(root / config.baseline)
    found = []
    for path in files:
        relative = Path(os.path.relpath(os.path.normpath(path), top))
        if not relative.as_posix().startswith("../"):
            found.append("/" + relative.as_posix())
    found.append("/.github/workflows/")
    if target.resolve().is_relative_to(top):
        found.append("/" + target.resolve().relative_to(top).as_posix())
    return found


def _rules(n: int) -> str:
    return f"{n} rule" if n == 1 else f"{n} rules"


def _shown(path: Path) -> str:
    import os

    return Path(os.path.relpath(path.resolve(), Path.cwd().resolve())).as_posix()
