"""`evalcheck set RESPONSE_ID#ACTION_ID key=value ...`: find the action, edit the record in
place, refuse an edit that would make it invalid, write atomically."""

from __future__ import annotations

import datetime as dt
import difflib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from evalcheck.cli import EXIT_OK, EXIT_PROBLEMS, _as_of, _config, config_option, friendly_errors
from evalcheck.discover import UsageError
from evalcheck.problems import Finding
from evalcheck.records import Corpus, Record, load_record

if TYPE_CHECKING:
    from evalcheck.actionedit import Log


def _findings(path: str, text: str) -> list[Finding]:
    from evalcheck.schemas import validate

    record = load_record(path, text.encode("utf-8"))
    return [*record.doc.findings, *validate(record)]


_WORDS_HINT = {
    "status": "to keep words that name no status, use status_text=\"...\"",
    "decision": "to keep words that give no decision, use decision_text=\"...\"",
    "deadline": "to keep words that are no date (an event, \"Continuous\"), use "
                "deadline_note=\"...\"",
}


def _refusals(record: Record, old: str, new: str, corpus: Corpus, values: dict[str, str],
              today: dt.date, log: Log) -> list[str]:
    """Why the new text must not be written: schema problems the old text did not have,
    owner ids the registry does not know, a completion or note date in the future."""
    before = {(f.check, f.message) for f in _findings(record.path, old)}
    reasons = [f.message + (f" ({f.hint})" if f.hint else "")
               for f in _findings(record.path, new) if (f.check, f.message) not in before]
    for key, hint in _WORDS_HINT.items():
        if reasons and values.get(key) and any(f"{key} " in r or f"{key}:" in r
                                               for r in reasons):
            reasons.append(hint)
    owners = {key: values.get(key, "") for key in ("responsible", "supporting", "validated")}
    owners["--approved-by"] = log.approved_by or ""
    if corpus.has_registry:
        for key, listed in owners.items():
            for ident in (p.strip() for p in listed.split(",") if p.strip()):
                if ident not in corpus.owners:
                    close = difflib.get_close_matches(ident, list(corpus.owners), n=2)
                    hint = f"; did you mean {' or '.join(close)}?" if close else \
                        "; add it to the owners registry first"
                    reasons.append(f"{key}: {ident!r} is not in the owners registry{hint}")
    done = values.get("completed_on", "")
    from evalcheck.dates import parse_date
    from evalcheck.words.when import parse_when

    day = parse_date(parse_when(done, day_first=None) or "", month_end=False) if done else None
    if day is not None and day > today:
        reasons.append(f"completed_on {done} is after today ({today.isoformat()}); "
                       "use --as-of if today is not the day to judge by")
    if log.note_date is not None and log.note_date > today:
        reasons.append(f"--note-date {log.note_date.isoformat()} is after today "
                       f"({today.isoformat()}); use --as-of if today is not the day to judge by")
    return reasons


def _day(text: str | None, option: str) -> dt.date | None:
    """A full date given on the command line (2025-01-15, 15/01/2025, 15 January 2025)."""
    if text is None:
        return None
    from evalcheck.words.when import parse_when

    iso = parse_when(text, day_first=None)
    if iso is None or len(iso) != 10:
        raise UsageError(f"{option} {text!r} is not a day: write it as YYYY-MM-DD, "
                         "e.g. 2025-01-15")
    return dt.date.fromisoformat(iso)


@click.command("set")
@click.argument("action")
@click.argument("assignments", nargs=-1, required=False)
@click.option("--note", metavar="TEXT", help="Add a follow-up note to the action's updates.")
@click.option("--note-date", metavar="YYYY-MM-DD",
              help="The day the note's event happened (default: --as-of, else today).")
@click.option("--reason", metavar="TEXT",
              help="Why the deadline moves: logged in deadline_changes with the old and new "
                   "deadline.")
@click.option("--approved-by", metavar="OWNER_ID",
              help="Who agreed the new deadline (with --reason).")
@click.option("--as-of", metavar="YYYY-MM-DD",
              help="The date of the note and of 'today' (default: today).")
@click.option("--dry-run", is_flag=True, help="Show the change as a diff; write nothing.")
@config_option
@friendly_errors
def set_(action: str, assignments: tuple[str, ...], note: str | None, note_date: str | None,
         reason: str | None, approved_by: str | None, as_of: str | None, dry_run: bool,
         config_path: str | None) -> None:
    """Update one action of a management response, or its decision on a recommendation,
    in place.

    ACTION is RESPONSE_ID#ACTION_ID, e.g. MR-2022-ROBA-UNNM#4.1 (or
    RESPONSE_ID#RECOMMENDATION/ACTION_ID when action ids repeat, e.g. MR-1#R2/1). For
    decision=, decision_text= and rationale= it is RESPONSE_ID#RECOMMENDATION_ID (MR-1#R2):
    decision=Agree -> accepted, keeping "Agree" in decision_text; decision=Noted -> no
    decision, "Noted" in decision_text.

    ASSIGNMENTS are field=value: status= and deadline= take the contract's values or the
    words a matrix uses (status=Initiée -> in-progress, keeping "Initiée" in status_text;
    deadline="T3 2025" -> 2025-Q3; deadline="No due date" -> deadline_note); also
    status_text=, deadline_note=, completed_on=, comments=, responsible=, supporting= and
    evidence= (comma-separated lists), validated=OWNER_ID (closure accepted today). An empty
    value removes the field.

    Moving a deadline keeps the first one in original_deadline; with --reason it is also
    logged in deadline_changes (date, from, to, reason). Only the edited lines change:
    comments, indentation and line endings of the file are kept; an action shared through a
    YAML anchor/alias is not edited.

    Exit 0 when written, 1 when the edit was refused (the file is left as it was), 2 when the
    action or a field is unknown, or the file cannot be edited line by line.
    """
    from evalcheck import loading
    from evalcheck.actionedit import (
        RESPONSE_SETTABLE,
        Log,
        apply,
        apply_decision,
        find_action,
        find_response,
        parse_assignments,
        parse_ref,
    )
    from evalcheck.roundtrip import EditError

    ref = parse_ref(action)
    values = parse_assignments(assignments)
    if not values and not note:
        raise UsageError("nothing to change: give key=value pairs and/or --note")
    on_response = [key for key in values if key in RESPONSE_SETTABLE]
    if on_response and (len(on_response) < len(values) or note or reason or approved_by):
        raise UsageError(f"{', '.join(RESPONSE_SETTABLE)} belong to the response to a "
                         "recommendation: set them on their own, naming the recommendation "
                         "(e.g. MR-1#R2 decision=accepted)")
    if note_date is not None and not note:
        raise UsageError("--note-date dates a note: give the note with --note")
    if (reason is not None or approved_by is not None) and not values.get("deadline"):
        raise UsageError("--reason and --approved-by explain a moved deadline: give the new "
                         "one with deadline=")
    if approved_by is not None and reason is None:
        raise UsageError("--approved-by goes with --reason (why the deadline moved)")
    today = _as_of(as_of)
    log = Log(today, note, _day(note_date, "--note-date"), reason, approved_by)
    config = _config(config_path)
    records = loading.load(config, []).records
    if on_response:
        record, response = find_response(records, ref)
        position = None
    else:
        record, response, position = find_action(records, ref)
    path = Path(record.path) if Path(record.path).is_absolute() else config.root / record.path
    raw = path.read_bytes()
    old = raw.decode("utf-8")
    try:
        new, changes = apply_decision(old, response, values) if position is None else \
            apply(old, response, position, values, log)
    except EditError as exc:
        raise UsageError(f"{record.path}: {exc}") from None
    if not changes:
        click.echo(f"{ref}: nothing changed (the values are already so).")
        sys.exit(EXIT_OK)
    reasons = _refusals(record, old, new, Corpus(records), values, today, log)
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
        click.echo(f"  {c.field}: {c.new}" if c.field in ("updates", "deadline_changes")
                   else f"  {c.field}: {c.old} -> {c.new}")
    _tips(load_record(record.path, new.encode("utf-8")), response, position)


def _tips(record: Record, response: int, position: int | None) -> None:
    """What the edited item still lacks that a check would ask for."""
    answer = record.data["responses"][response]
    if position is None:
        if answer.get("decision") == "rejected" and not answer.get("rationale"):
            click.echo("  tip: say why with rationale=\"...\"", err=True)
        return
    target = answer["actions"][position]
    if target.get("status") == "completed" and not target.get("completed_on"):
        click.echo("  tip: say when with completed_on=YYYY-MM-DD", err=True)
