"""`evalcheck init [DIR]`: a records repository that works at once.

It writes an owners registry with one example evaluation and its management response, the
settings, a pre-commit configuration and the pull-request and publish workflows pinned to
the evalcheck that runs it, the schemas and editor settings, CODEOWNERS and a README. It never
writes over anything: if one of its files is already there, it writes none of them.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path, PurePosixPath

import click

from evalcheck.cli import friendly_errors

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "init"

# Where each template goes, relative to DIR.
FILES = {
    "README.md": "README.md",
    "evalcheck.yaml": ".evalcheck.yaml",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "gitignore": ".gitignore",
    "owners.yaml": "records/owners.yaml",
    "evaluation.yaml": "records/evaluations/EV-EXAMPLE-1.yaml",
    "response.yaml": "records/responses/MR-EXAMPLE-1.yaml",
    "pull-request.yml": ".github/workflows/pull-request.yml",
    "publish.yml": ".github/workflows/publish.yml",
    "vscode-settings.json": ".vscode/settings.json",
    "vscode-extensions.json": ".vscode/extensions.json",
}
CODEOWNERS = ".github/CODEOWNERS"


def rendered(version: str, today: dt.date) -> dict[str, str]:
    """Every file init writes except the schemas and CODEOWNERS: {path: text}. The example
    evaluation reported a month ago, and its action is due at the end of next year, so the
    example lints clean today (no overdue action, no response missing)."""
    report = today - dt.timedelta(days=30)
    values = {"__VERSION__": version, "__REPORT_DATE__": report.isoformat(),
              "__DEADLINE__": f"{today.year + 1}-12"}
    out = {}
    for template, target in FILES.items():
        text = (TEMPLATES / template).read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace(key, value)
        out[target] = text
    return out


def _taken(root: Path, paths: list[str]) -> list[str]:
    """The paths that are already there (a link counts, even a broken one)."""
    return [p for p in paths if os.path.lexists(root / p)]


@click.command(short_help="Create a records repository that works at once.")
@click.argument("directory", default=".", type=click.Path(file_okay=False))
@friendly_errors
def init(directory: str) -> None:
    """Create a records repository in DIRECTORY (default: here).

    Writes records/ (an owners registry, one example evaluation and its management response),
    .evalcheck.yaml, .pre-commit-config.yaml and the pull-request and publish workflows pinned
    to this evalcheck's version, schema/, .vscode/settings.json for the YAML extension,
    .github/CODEOWNERS and a README. Writes nothing if any of these files exists (exit 2).
    """
    from evalcheck import __version__, codeowners
    from evalcheck.discover import UsageError
    from evalcheck.loading import write_atomic
    from evalcheck.records import KINDS, Corpus, load_record
    from evalcheck.schemas import schema_dir

    root = Path(directory)
    files = rendered(__version__, dt.date.today())
    schemas = {f"schema/{k}.schema.json": (schema_dir() / f"{k}.schema.json").read_text(
        encoding="utf-8") for k in KINDS}
    records = [load_record(path, text.encode()) for path, text in files.items()
               if path.startswith("records/")]
    generated = codeowners.generate(records, Corpus(records).owners, PurePosixPath("."))
    files = {**files, **schemas, CODEOWNERS: codeowners.render(generated, None)}
    taken = _taken(root, sorted(files))
    if taken:
        more = f" and {len(taken) - 1} more" if len(taken) > 1 else ""
        raise UsageError(f"{(root / taken[0]).as_posix()}{more} already exist"
                         f"{'s' if len(taken) == 1 else ''}; evalcheck init never writes over "
                         "a file (choose an empty folder)")
    for path, text in sorted(files.items()):
        write_atomic(root / path, text)
    shown = "." if directory in (".", "") else directory
    click.echo(f"Created a records repository in {shown} ({len(files)} files), for evalcheck "
               f"{__version__}. Next:")
    steps = [] if shown == "." else [f"cd {shown}"]
    steps += ["git init && git add -A", "pip install pre-commit && pre-commit install",
              "evalcheck lint", 'git commit -m "Records repository from evalcheck init"']
    for step in steps:
        click.echo(f"  {step}")
