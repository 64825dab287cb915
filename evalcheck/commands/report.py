"""`evalcheck report` and `evalcheck diff`: option plumbing only; the work is in
evalcheck.report (pure) and evalcheck.gitrev (reading a revision)."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from evalcheck.cli import _as_of, _config, as_of_option, config_option, friendly_errors
from evalcheck.config import Config
from evalcheck.discover import UsageError
from evalcheck.records import Record, mappings, owner_refs
from evalcheck.report import ALIASES, FILES, pieces
from evalcheck.report.periods import STEPS, Period, parse_period
from evalcheck.textsafe import shown_path

if TYPE_CHECKING:
    from evalcheck.report.board import TrendPoint
    from evalcheck.report.changes import ChangeReport


def _formats(values: Sequence[str]) -> list[str]:
    chosen: list[str] = []
    for value in values:
        for part in (p.strip().lower() for p in value.split(",")):
            name = ALIASES.get(part, part)
            if not part:
                continue
            if name not in FILES:
                raise click.BadParameter(f"{part!r} is not one of {', '.join(FILES)}",
                                         param_hint="--format")
            if name not in chosen:
                chosen.append(name)
    return chosen


def _check_filters(records: Sequence[Record], owner: str | None,
                   evaluation: str | None) -> None:
    """A misspelt filter would give an empty report that looks like good news: refuse it."""
    if evaluation:
        known: set[object] = {r.id for r in records if r.kind == "evaluation"}
        known |= {r.get("evaluation") for r in records if r.kind == "management-response"}
        if evaluation not in known:
            raise UsageError(f"no evaluation {evaluation!r} in the records")
    if owner:
        known = {ref for r in records for _, ref in owner_refs(r.data)}
        for r in records:
            if r.kind == "owners":
                known |= {o.get("id") for _, o in mappings(r.get("owners"))}
        if owner not in known:
            raise UsageError(f"no owner {owner!r} in the records or the owners registry")


def _changes(config: Config, base: str, records: Sequence[Record],
             targets: frozenset[str] | None, owner: str | None, evaluation: str | None
             ) -> ChangeReport:
    from evalcheck import gitrev
    from evalcheck.report.changes import compare, narrow

    old = gitrev.records_at(config, base)
    if targets is not None:
        old = [r for r in old if r.path in targets]
    return narrow(compare(old, records, base), owner, evaluation)


def _period(text: str | None) -> Period | None:
    if text is None:
        return None
    found = parse_period(text)
    if isinstance(found, str):
        raise click.BadParameter(found, param_hint="--period")
    return found


def _trend(config: Config, step: str, since: str | None, until: dt.date, days: int,
           records: Sequence[Record]) -> tuple[TrendPoint, ...]:
    """The trend's points: one `git log`, then each distinct blob of the chosen commits read
    and parsed once (not at all when its content is one of the loaded `records`)."""
    from evalcheck import gitrev
    from evalcheck.report.trend import plan, points

    commits = gitrev.history(config)
    try:
        start = dt.date.fromisoformat(since) if since else (
            commits[-1][1] if commits else until)
    except ValueError:
        raise click.BadParameter(f"{since!r} is not a date in the form YYYY-MM-DD",
                                 param_hint="--since") from None
    if start > until:
        raise UsageError(f"--since {start} is after the as-of date {until}")
    planned = plan(step, start, until, commits)
    known = {r.digest: r.data for r in records if r.digest}
    return points(planned, gitrev.data_at(config, (c for _, _, c in planned), known), days)


owner_option = click.option("--owner", metavar="ID",
                            help="Only what concerns this owner id (as in the owners registry).")
evaluation_option = click.option("--evaluation", metavar="ID",
                                 help="Only this evaluation and its management response.")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@as_of_option
@owner_option
@evaluation_option
@click.option("--out", "out_dir", type=click.Path(file_okay=False),
              help="Write the report files (index.html, report.md, actions.csv, report.json) "
                   "into this folder.")
@click.option("--format", "formats", multiple=True, metavar="FORMATS",
              help="Which of html, md, csv, json to write (comma-separated or repeated; "
                   "default: all four with --out). Without --out, one format prints to stdout.")
@click.option("--base", metavar="REV",
              help="Add what changed in the records since this git revision.")
@click.option("--period", "period_text", metavar="PERIOD",
              help="Add the board indicators of a reporting period: 2025, 2025-Q3, 2025-07 or "
                   "2025-01-01..2025-06-30 (the as-of date defaults to its end).")
@click.option("--trend", type=click.Choice(STEPS), default=None,
              help="Add the indicators at the end of each quarter, month or year, from the "
                   "records as committed then (git history).")
@click.option("--since", metavar="YYYY-MM-DD",
              help="Where the trend starts (default: the first commit).")
@click.option("--max-rows", type=click.IntRange(min=0), default=None, metavar="N",
              help="Rows of each long table in index.html (default 1,000; 0 for all). "
                   "actions.csv and report.json always hold every row.")
@config_option
@friendly_errors
def report(paths: tuple[str, ...], as_of: str | None, owner: str | None,
           evaluation: str | None, out_dir: str | None, formats: tuple[str, ...],
           base: str | None, period_text: str | None, trend: str | None, since: str | None,
           max_rows: int | None, config_path: str | None) -> None:
    """Report on the records: portfolio, responses, implementation, overdue actions.

    PATHS limits the report to these record files or folders (default: the repository's
    records). Prints a summary, or writes the report files with --out. Exit 0 on success
    (problems in the records show in the report's data-quality section), 2 on a usage error.
    """
    from evalcheck import engine, loading
    from evalcheck.report.board import build_board
    from evalcheck.report.model import build_report

    config = _config(config_path)
    period = _period(period_text)
    day = period.end if period is not None and as_of is None else _as_of(as_of)
    if since and not trend:
        raise click.UsageError("--since goes with --trend")
    if trend and (owner or evaluation or paths):
        raise click.UsageError("--trend covers every record: leave out --owner, --evaluation "
                               "and PATHS")
    chosen = _formats(formats)
    if not out_dir and len(chosen) > 1:
        raise click.UsageError("give --out DIR to write more than one format")
    loaded = loading.load(config, list(paths), checks=True, as_of=day)
    records = loaded.records if loaded.targets is None else [
        r for r in loaded.records if r.path in loaded.targets or r.kind == "owners"]
    _check_filters(records, owner, evaluation)
    changes = _changes(config, base, records, loaded.targets, owner, evaluation) if base else None
    problems = [p for p in engine.lint(loaded.records, config, day, loaded.targets,
                                       memo=loaded.memo)
                if loaded.targets is None or p.path in loaded.targets]  # not those elsewhere
    loaded.keep()
    # file names shown as people see them (a name that is not UTF-8, or holds a control
    # character, escaped): the report's files are UTF-8 text
    problems = [replace(p, path=shown_path(p.path)) for p in problems]
    data = build_report(records, problems, day, owner, evaluation)
    if changes is not None:
        data = data.with_changes(changes)
    days = int(config.options_for("response-overdue")["days"])
    board = build_board([r.data for r in records], data, day, period, days)
    if trend:
        board = board.with_trend(trend, _trend(config, trend, since, day, days, records))
    data = data.with_board(board)
    if out_dir:
        from evalcheck.loading import write_atomic

        folder = Path(out_dir)
        written = []
        for name in chosen or list(FILES):
            target = folder / FILES[name]
            write_atomic(target, pieces(name, max_rows)(data))
            written.append(FILES[name])
        click.echo(f"Wrote {', '.join(written)} to {folder}", err=True)
    elif chosen:
        for piece in pieces(chosen[0], max_rows)(data):  # report.json a piece at a time
            click.echo(piece, nl=False)
    else:
        from evalcheck.report.terminal import render

        click.echo(render(data), nl=False)
    sys.exit(0)


@click.command()
@click.argument("rev")
@click.option("--format", "fmt", type=click.Choice(["markdown", "json", "text"]),
              default="markdown", show_default=True)
@owner_option
@evaluation_option
@config_option
@friendly_errors
def diff(rev: str, fmt: str, owner: str | None, evaluation: str | None,
         config_path: str | None) -> None:
    """What changed in the records since git revision REV (e.g. origin/main, HEAD~1).

    Compares the records committed at REV with the working tree: records added or removed,
    decisions, actions added, closed or reopened, deadlines moved, owners changed.
    """
    from evalcheck import loading

    config = _config(config_path)
    records = loading.load(config, []).records
    changes = _changes(config, rev, records, None, owner, evaluation)
    if fmt == "json":
        from evalcheck.report.jsonout import render_changes
    elif fmt == "text":
        from evalcheck.report.terminal import render_changes
    else:
        from evalcheck.report.markdown import render_changes
    click.echo(render_changes(changes), nl=False)
