"""Words and number formats the human-readable renderers share, so the terminal, Markdown and
HTML call things by the same names. Returns plain text: each renderer escapes for its medium."""

from __future__ import annotations

from evalcheck.report.model import ReportData

STATUS = {
    "not-started": "Not started",
    "in-progress": "In progress",
    "completed": "Completed",
    "no-longer-applicable": "No longer applicable",
    "not-reported": "Not reported",
}
DECISION = {
    "accepted": "Accepted",
    "partially-accepted": "Partially accepted",
    "rejected": "Rejected",
    "no-decision": "No decision yet",
    "not-answered": "Not answered",
}
AGEING = {
    "no-deadline": "No deadline",
    "not-yet-due": "Not yet due",
    "1-90": "1\u201390 days overdue",
    "91-180": "91\u2013180 days overdue",
    "181-365": "181\u2013365 days overdue",
    "over-365": "Over 365 days overdue",
}
EVALUATION_STATUS = {"planned": "Planned", "ongoing": "Ongoing", "completed": "Completed",
                     "not-stated": "Not stated"}
FOLLOW_UP = {
    "recurring-recommendation": "Recommendations an earlier evaluation already made",
    "stale-action": "Open actions nobody has reported on for months",
    "status-contradicts-update": "Actions marked completed that their latest update says "
                                 "were dropped",
    "deadline-moved-without-reason": "Deadlines moved with no reason recorded",
    "deadline-before-response": "Deadlines already past when the response set them",
}


DASH = "\u2013"


def span(low: float | None, high: float | None) -> str:
    """A scale as `1-4` (with an en dash); "" when either end is unknown."""
    return "" if low is None or high is None else f"{number(low)}{DASH}{number(high)}"


def follow_up(check: str) -> str:
    return FOLLOW_UP.get(check, check)


def status(value: str) -> str:
    return STATUS.get(value, value)


def decision(value: str) -> str:
    return DECISION.get(value, value)


def key(value: str) -> str:
    """A count's key as a label: `not-stated` reads "Not stated"; other keys are record text."""
    return EVALUATION_STATUS.get(value, value)


def percent(value: float | None, digits: int = 0) -> str:
    return "n/a" if value is None else f"{value * 100:.{digits}f}%"


def number(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def days(n: int | None) -> str:
    return "" if n is None else f"{n:,} day" + ("" if n == 1 else "s")


def shift(n: int | None) -> str:
    """A signed number of days: `+90 days` (later) or `-31 days` (earlier)."""
    return "" if n is None else f"{n:+,} day" + ("" if abs(n) == 1 else "s")


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else many or word + 's'}"


def people(report: ReportData, ids: tuple[str, ...]) -> str:
    return ", ".join(report.owner_name(i) for i in ids)


def scope(report: ReportData) -> str:
    """"all records", or what the report is narrowed to."""
    parts = []
    if report.filters.evaluation:
        parts.append(f"evaluation {report.filters.evaluation}")
    if report.filters.owner:
        owner = report.filters.owner
        name = report.owner_name(owner)
        parts.append(f"owner {name} ({owner})" if name != owner else f"owner {owner}")
    return " and ".join(parts) if parts else "all records"


def short(text: str, limit: int = 140) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
