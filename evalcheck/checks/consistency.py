"""The consistency family: numbers that add up, dates in order, ratings on their scale."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from evalcheck.checks import Context, check
from evalcheck.dates import parse_date
from evalcheck.problems import DataPath, Finding, Severity
from evalcheck.records import Record, describe, iter_actions, mappings, text_of


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) \
        else None


def _money(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _sum(items: Any) -> tuple[float, int] | None:
    amounts = [_number(item.get("amount")) for _, item in mappings(items)]
    if not amounts or any(a is None for a in amounts):
        return None
    return sum(a for a in amounts if a is not None), len(amounts)


def _mismatch(what: str, total: float, expected: float, label: str) -> str:
    gap = total - expected
    side = "over" if gap > 0 else "short"
    return (f"{what} add up to {_money(total)} but {label} is {_money(expected)} "
            f"({_money(abs(gap))} {side})")


@check("sum-mismatch", family="consistency", severity=Severity.ERROR,
       applies_to=("project",), reads_as_of=False)
def sum_mismatch(record: Record, ctx: Context) -> Iterator[Finding]:
    """Budget sub-lines that do not add up to their line, lines to the total, or financing to
    the total.

    Why: a budget whose parts do not add up was mistyped or is missing a line; boards and
    donors notice, and reports built on it are wrong.

    Bad:
        kind: project
        total: 130000
        financing:
          - {source: Member countries, amount: 65000}
          - {source: OAS contribution, amount: 46000}
    Good:
        kind: project
        total: 111000
        financing:
          - {source: Member countries, amount: 65000}
          - {source: OAS contribution, amount: 46000}
    """
    total = _number(record.get("total"))
    if total is not None:
        for field, what in (("financing", "financing sources"), ("budget", "budget lines")):
            summed = _sum(record.get(field))
            if summed is not None and abs(summed[0] - total) > 0.005:
                yield Finding(_mismatch(f"the {summed[1]} {what}", summed[0], total,
                                        "the total"), path=(field,),
                              hint="correct the amounts or the total, as the source says")
    stack: list[tuple[DataPath, Any]] = [(("budget",), record.get("budget"))]
    while stack:
        base, items = stack.pop()
        for i, line in mappings(items):
            amount = _number(line.get("amount"))
            summed = _sum(line.get("lines"))
            if amount is not None and summed is not None and abs(summed[0] - amount) > 0.005:
                yield Finding(_mismatch(f"the {summed[1]} sub-lines of "
                                        f"{describe(record.data, (*base, i))}", summed[0],
                                        amount, "its amount"), path=(*base, i, "amount"))
            stack.append(((*base, i, "lines"), line.get("lines")))


def _periods(data: Any) -> Iterator[tuple[DataPath, dict[str, Any]]]:
    """Every `period` mapping, wherever it is (a loop, not recursion: records are large)."""
    stack: list[tuple[DataPath, Any]] = [((), data)] if isinstance(data, (dict, list)) else []
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "period" and isinstance(value, dict):
                    yield (*path, key), value
                elif isinstance(value, (dict, list)):
                    stack.append(((*path, key), value))
        else:
            for i, item in enumerate(node):
                if isinstance(item, (dict, list)):
                    stack.append(((*path, i), item))


@check("date-order", family="consistency", severity=Severity.ERROR,
       reads_as_of=True)
def date_order(record: Record, ctx: Context) -> Iterator[Finding]:
    """A period that ends before it starts; a management response, `completed_on`, an update,
    a deadline change or a validation dated after the as-of date; a closure validated before
    the action was closed.

    A month (YYYY-MM) is after the as-of date only when it has not begun by then: it is not
    "after today" while it lasts.
    Why: dates out of order are typing mistakes (a swapped month and day, a wrong year) that
    make overdue and ageing figures wrong; a report as of a date leaves out a response dated
    after it, so a mistyped year would hide a whole matrix.

    Bad (as of 2024-06-30):
        kind: evaluation
        period: {start: 2019-06-01, end: 2018-05-31}
    Good (as of 2024-06-30):
        kind: evaluation
        period: {start: 2016-11-01, end: 2018-10-31}
    """
    for path, period in _periods(record.data):
        start = parse_date(period.get("start"), month_end=False)
        end = parse_date(period.get("end"))
        if start and end and end < start:
            yield Finding(f"the period ends ({period['end']}) before it starts "
                          f"({period['start']})", path=(*path, "end"))
    if record.kind == "management-response":  # a report as of today would leave it out
        yield from _future(record.get("date"), ("date",), ctx,
                           lambda words: f"the management response {words}", "is dated")
    for path, _, action in iter_actions(record):
        def what(words: str, path: DataPath = path) -> str:  # named only for a finding
            return f"{describe(record.data, path)} {words}"

        yield from _future(action.get("completed_on"), (*path, "completed_on"), ctx,
                           what, "is completed on")
        for u, update in mappings(action.get("updates")):
            yield from _future(update.get("date"), (*path, "updates", u, "date"), ctx,
                               what, "has an update dated")
        for c, change in mappings(action.get("deadline_changes")):
            yield from _future(change.get("date"), (*path, "deadline_changes", c, "date"), ctx,
                               what, "has a deadline change dated")
        validated = action.get("validated")
        if isinstance(validated, dict):
            on = validated.get("on")
            yield from _future(on, (*path, "validated", "on"), ctx,
                               what, "has its closure validated on")
            closed = parse_date(action.get("completed_on"), month_end=False)
            day = parse_date(on)
            if closed and day and day < closed:
                yield Finding(f"{what('has its closure validated on')} {on}, before it was "
                              f"closed ({action['completed_on']})",
                              path=(*path, "validated", "on"))


def _future(value: Any, path: DataPath, ctx: Context, what: Callable[[str], str],
            words: str) -> Iterator[Finding]:
    """A date after the as-of date: a day after it, or a month that has not begun by then."""
    day = parse_date(value, month_end=False)
    if day is not None and day > ctx.as_of:
        yield Finding(f"{what(words)} {value}, after today ({ctx.as_of.isoformat()})",
                      path=path)


@check("rating-out-of-scale", family="consistency", severity=Severity.ERROR,
       applies_to=("evaluation",), reads_as_of=False)
def rating_out_of_scale(record: Record, ctx: Context) -> Iterator[Finding]:
    """A rating outside its declared scale.

    Why: a score of 5 on a 1-4 scale is a typing mistake, or the scale is wrong; averages
    across evaluations would be wrong either way.

    Bad:
        kind: evaluation
        ratings:
          scale: {min: 1, max: 4}
          scores:
            - {criterion: relevance, score: 5}
    Good:
        kind: evaluation
        ratings:
          scale: {min: 1, max: 4}
          scores:
            - {criterion: relevance, score: 4}
    """
    ratings = record.get("ratings")
    if not isinstance(ratings, dict) or not isinstance(ratings.get("scale"), dict):
        return
    low, high = _number(ratings["scale"].get("min")), _number(ratings["scale"].get("max"))
    if low is None or high is None:
        return
    if low > high:
        yield Finding(f"the rating scale runs from {low:g} down to {high:g}",
                      path=("ratings", "scale", "max"))
        return
    for i, score in mappings(ratings.get("scores")):
        value = _number(score.get("score"))
        if value is not None and not low <= value <= high:
            yield Finding(f"the {score.get('criterion', 'rating')} score {value:g} is outside "
                          f"the scale {low:g}-{high:g}", path=("ratings", "scores", i, "score"))


@check("completed-without-date", family="consistency", severity=Severity.WARNING,
       applies_to=("management-response",), reads_as_of=False)
def completed_without_date(record: Record, ctx: Context) -> Iterator[Finding]:
    """An action with status `completed` but no `completed_on`.

    Why: the completion date is what shows whether actions finish on time; without it the
    implementation rate is known but not the delay.

    Bad:
        kind: management-response
        responses:
          - recommendation: R1
            actions:
              - {id: "1.1", description: Hold a meeting, responsible: [u], status: completed}
    Good:
        kind: management-response
        responses:
          - recommendation: R1
            actions:
              - {id: "1.1", description: Hold a meeting, responsible: [u], status: completed,
                 completed_on: 2024-03-02}
    """
    for path, _, action in iter_actions(record):
        if action.get("status") == "completed" and "completed_on" not in action:
            yield Finding(f"{describe(record.data, path)} is completed with no completed_on",
                          path=(*path, "status"), hint="add completed_on: YYYY-MM-DD")


# What an update says when an action was not done after all, in English, Spanish, French and
# Portuguese, written without accents (text is compared with its accents removed, in lower
# case), with the usual inflections.
DROPPED_WORDS = (
    # English
    r"dropped(?!\s+(?:by|to|from|below|under|sharply|significantly|slightly)\b)",
    r"cancel(?:l?ed|lation)", r"disband(?:ed|ment)", r"abandon(?:ed|ment)",
    r"discontinued", r"called off", r"overtaken by events",
    r"not (?:been )?(?:done|carried out|implemented)",
    r"no longer (?:applicable|relevant|needed|required)", r"suspend(?:ed|ing)|suspension",
    # Spanish
    r"descartad[oa]s?", r"cancelad[oa]s?", r"cancelacion", r"anulad[oa]s?",
    r"disuelt[oa]s?", r"abandonad[oa]s?",
    r"no (?:se )?(?:ha |han |fue |fueron )?(?:realizad[oa]s?|realizo|ejecutad[oa]s?|ejecuto"
    r"|llevo a cabo|implementad[oa]s?)",
    r"(?:ya )?no (?:aplica|es aplicable|procede)", r"sin efecto", r"suspendid[oa]s?",
    # French
    r"abandonne(?:e|s|es)?", r"annule(?:e|s|es)?|annulation", r"dissou(?:s|te|tes)",
    r"(?:pas|non|jamais) (?:ete )?(?:realise|effectue|execute|mise? en (?:oe|\u0153)uvre)"
    r"(?:e|s|es)?", r"sans objet", r"n'est plus (?:applicable|pertinente?|d'actualite)",
    r"suspendue?s?",
    # Portuguese
    r"cancelamento", r"dissolvid[oa]s?", r"extint[oa]s?",
    r"nao (?:foi |foram )?(?:realizad[oa]s?|executad[oa]s?|implementad[oa]s?|feit[oa]s?)",
    r"(?:ja nao|deixou de) (?:se )?(?:aplica|ser aplicavel)", r"nao se aplica",
    r"suspens[oa]s?",
)
_DROPPED = re.compile(r"\b(?:" + "|".join(DROPPED_WORDS) + r")\b")
# a word that, among the three before, turns "cancelled" into "not cancelled"
_NEGATIONS = frozenset({
    "not", "never", "no", "without", "nor", "isn't", "wasn't", "weren't", "hasn't", "haven't",
    "hadn't", "didn't", "doesn't", "won't", "cannot", "nunca", "sin", "ni", "jamais", "sans",
    "pas", "nao", "sem", "nem"})
_TOKEN = re.compile(r"[\w']+")


def _fold(text: str) -> str:
    """Lower case without accents, one character for one (so positions match the text)."""
    return "".join(unicodedata.normalize("NFD", c)[0] for c in text.lower().replace("\u2019", "'"))


def _user_words(words: Iterable[str]) -> re.Pattern[str] | None:
    parts = [r"\s+".join(map(re.escape, _fold(w).split())) for w in words if w.strip()]
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b") if parts else None


def says_dropped(text: str, extra: re.Pattern[str] | None = None) -> str | None:
    """The words of `text` saying the action was dropped, cancelled, not done... (not those
    negated: "was not cancelled"), or None."""
    folded = _fold(text)
    for pattern in (_DROPPED, extra):
        for m in pattern.finditer(folded) if pattern is not None else ():
            before = _TOKEN.findall(folded[:m.start()])[-3:]
            if not _NEGATIONS.intersection(before):
                return text[m.start():m.end()] if len(folded) == len(text) else m.group()
    return None


@check("status-contradicts-update", family="consistency", severity=Severity.WARNING,
       options={"words": (tuple, ())}, applies_to=("management-response",), reads_as_of=False)
def status_contradicts_update(record: Record, ctx: Context) -> Iterator[Finding]:
    """An action marked completed while its latest update says it was dropped, cancelled,
    disbanded, abandoned, suspended, not done or no longer applicable.

    The words are known in English, Spanish, French and Portuguese, with their inflections
    and without regard to accents or case ("cancelled", "cancelada", "annulée", "não foi
    realizado"); words negated just before ("was not cancelled") do not count. More words or
    phrases are added with `[tool.evalcheck.checks.status-contradicts-update] words =
    ["put on hold"]`. The latest update is the one with the latest date (the last one listed
    when they have none); an action with no updates is judged on its `comments` (a matrix's
    Comments column, as `evalcheck import matrix` keeps it).
    Why: an action counted as completed when it was dropped inflates the implementation rate
    that boards read; it should be closed as no-longer-applicable.

    Bad:
        kind: management-response
        responses:
          - recommendation: R1
            actions:
              - id: "1.1"
                description: Set up a task force
                responsible: [u]
                status: completed
                completed_on: 2025-03-10
                updates:
                  - {date: 2025-03-02, text: The task force was disbanded.}
    Good:
        kind: management-response
        responses:
          - recommendation: R1
            actions:
              - id: "1.1"
                description: Set up a task force
                responsible: [u]
                status: no-longer-applicable
                completed_on: 2025-03-10
                updates:
                  - {date: 2025-03-02, text: The task force was disbanded.}
    """
    extra = _user_words(ctx.options.get("words", ()))
    for path, _, action in iter_actions(record):
        if action.get("status") != "completed":
            continue
        latest: tuple[Any, int, dict[str, Any]] | None = None
        for u, update in mappings(action.get("updates")):
            when = parse_date(update.get("date"))
            key = (when or dt.date.min, u, update)
            if latest is None or key[:2] > latest[:2]:
                latest = key
        if latest is not None:
            said, dated = text_of(latest[2].get("text")), latest[2].get("date")
            where = f"its latest update{f' ({dated})' if isinstance(dated, str) else ''} says"
        else:  # a matrix's Comments column is its only progress note
            said, where = text_of(action.get("comments")), "its comments say"
        words = says_dropped(said, extra)
        if words is None:
            continue
        yield Finding(f"{describe(record.data, path)} is completed but {where} {words!r}",
                      path=(*path, "status"),
                      hint="if it was not done, set status: no-longer-applicable (completed_on "
                           "is then the day it was closed); if it was, add an update saying so")
