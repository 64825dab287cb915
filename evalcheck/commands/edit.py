"""`evalcheck set RESPONSE_ID#ACTION_ID key=value ...`: find the action, edit the record in
place, refuse an edit that would make it invalid, write atomically."""

from __future__ import annotations

import datetime as dt
import difflib
import sys
from pathlib import Path

import click

from evalcheck.cli import EXIT_OK, EXIT_PROBLEMS, _as_of, _config, config_option, friendly_errors
from evalcheck.discover import UsageError
from evalcheck.problems import Finding
from evalcheck.records import Corpus, Record, load_record


def _findings(path: str, text: str) -> list[Finding]:
    from evalcheck.schemas import validate

    record = load_record(path, text.encode("utf-8"))
    return [*record.doc.findings, *validate(record)]


def _refusals(record: Record, old: str, new: str, corpus: Corpus, values: dict[str, str],
              today: dt.date) -> list[str]:
    """Why the new text must not be written: schema problems the old text did not have,
    owner ids the registry does not know, a completion date in the future."""
    before = {(f.check, f.message) for f in _findings(record.path, old)}
    reasons = [f.message + (f" ({f.hint})" if f.hint else "")
               for f in _findings(record.path, new) if (f.check, f.message) not in before]
    if corpus.has_registry:
        for key in ("responsible", "supporting"):
            for ident in (p.strip() for p in values.get(key, "").split(",") if p.strip()):
                if ident not in corpus.owners:
                    close = difflib.get_close_matches(ident, list(corpus.owners), n=2)
                    hint = f"; did you mean {' or '.join(close)}?" if close else \
                        "; add it to the owners registry first"
                    reasons.append(f"{key}: {ident!r} is not in the owners registry{hint}")
    done = values.get("completed_on", "")
    from evalcheck.dates import parse_date
    from evalcheck.office.when import parse_when

    day = parse_date(parse_when(done, day_first=None) or "", month_end=False) if done else None
    if day is not None and day > today:
        reasons.append(f"completed_on {done} is after today ({today.isoformat()}); "
                       "use --as-of if today is not the day to judge by")
    return reasons


@click.command("set")
@click.argument("action")
@click.argument("assignments", nargs=-1, required=False)
@click.option("--note", metavar="TEXT", help="Add a follow-up note to the action's updates.")
@click.option("--as-of", metavar="YYYY-MM-DD",
              help="The date of the note and of 'today' (default: today).")
@click.option("--dry-run", is_flag=True, help="Show the change as a diff; write nothing.")
@config_option
@friendly_errors
def set_(action: str, assignments: tuple[str, ...], note: str | None, as_of: str | None,
         dry_run: bool, config_path: str | None) -> None:
    """Update one action of a management response, in place.

    ACTION is RESPONSE_ID#ACTION_ID, e.g. MR-2022-ROBA-UNNM#4.1 (or
    RESPONSE_ID#RECOMMENDATION/ACTION_ID when action ids repeat, e.g. MR-1#R2/1).
    ASSIGNMENTS are status=, completed_on=, deadline=, responsible= and supporting=
    (owner ids, comma-separated); an empty value removes the field. Moving a deadline keeps
    the first one in original_deadline. Comments and layout of the file are kept.

    Exit 0 when written, 1 when the edit was refused (the file is left as it was), 2 when the
    action or a field is unknown.
    """
    from evalcheck import loading
    from evalcheck.actionedit import apply, find_action, parse_assignments, parse_ref
    from evalcheck.roundtrip import EditError

    ref = parse_ref(action)
    values = parse_assignments(assignments)
    if not values and not note:
        raise UsageError("nothing to change: give key=value pairs and/or --note")
    today = _as_of(as_of)
    config = _config(config_path)
    records = loading.load(config, []).records
    record, response, position = find_action(records, ref)
    path = Path(record.path) if Path(record.path).is_absolute() else config.root / record.path
    raw = path.read_bytes()
    old = raw.decode("utf-8")
    try:
        new, changes = apply(old, response, position, values, note, today)
    except EditError as exc:
        raise UsageError(f"{record.path}: {exc}") from None
    if not changes:
        click.echo(f"{ref}: nothing changed (the values are already so).")
        sys.exit(EXIT_OK)
    reasons = _refusals(record, old, new, Corpus(records), values, today)
    if reasons:
        click.echo(f"evalcheck: refused: the edit would make {record.path} invalid; "
                   "nothing was written:", err=True)
        for reason in reasons:
            click.echo(f"  {reason}", err=True)
        sys.exit(EXIT_PROBLEMS)
    if dry_run:
        click.echo("".join(difflib.unified_diff(old.splitlines(True), new.splitlines(True),
                                                record.path, record.path)), nl=False)
        sys.exit(EXIT_OK)
    if path.read_bytes() != raw:
        raise UsageError(f"{record.path} changed while it was being edited; run again")
    loading.write_atomic(path, new)
    click.echo(f"Updated {ref} in {record.path}:")
    for c in changes:
        click.echo(f"  {c.field}: {c.new}" if c.field == "updates"
                   else f"  {c.field}: {c.old} -> {c.new}")
    final = load_record(record.path, new.encode("utf-8"))
    target = final.data["responses"][response]["actions"][position]
    if target.get("status") == "completed" and not target.get("completed_on"):
        click.echo("  tip: say when with completed_on=YYYY-MM-DD", err=True)
