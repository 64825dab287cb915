"""The board part in words the terminal, Markdown and HTML share: each indicator's name, and a
sentence saying what it counts ("2 of 5 actions due in the period closed within it"). Plain
text: each renderer escapes for its medium."""

from __future__ import annotations

import datetime as dt

from evalcheck.report.indicators import AGEING, Ratio
from evalcheck.report.periods import Period

TITLES = {
    "closure_rate": "Closure rate",
    "on_time_closure_rate": "On-time closure rate",
    "implementation_rate": "Implementation rate",
    "response_timeliness": "Response timeliness",
    "overdue_share": "Overdue share",
    "extended_share": "Extended share",
    "validated_closure_share": "Validated closures",
}
SHORT = {"closure_rate": "closure", "on_time_closure_rate": "on time",
         "implementation_rate": "implem.", "response_timeliness": "response",
         "overdue_share": "overdue", "extended_share": "extended",
         "validated_closure_share": "validated"}
"""Column heads for a trend table in 80 columns."""
SOURCES = {
    "closure_rate": "WFP evaluation action closure rate",
    "on_time_closure_rate": "Global Fund agreed management actions",
    "implementation_rate": "completed of applicable actions",
    "response_timeliness": "UNICEF and UNDP management response timeliness",
    "overdue_share": "open actions past due",
    "extended_share": "open actions with a moved deadline",
    "validated_closure_share": "closures validated by the evaluation office",
}
REC_STATUS = {
    "implemented": "Implemented",
    "partially-implemented": "Partially implemented",
    "not-started": "Not started",
    "not-yet-due": "Not yet due",
    "no-action": "Accepted, no action",
    "not-accepted": "Not accepted",
    "no-decision": "No decision",
}
AGEING_WORDS = {"1-30": "1\u201330", "31-90": "31\u201390", "91-180": "91\u2013180",
                "181-365": "181\u2013365", "over-365": "over 365"}
DIMENSIONS = {"unit": "Unit", "region": "Region", "year": "Evaluation year",
              "type": "Evaluation type", "priority": "Recommendation priority"}


def value(ratio: Ratio | None) -> str:
    """45.5%, or n/a when there is nothing to measure."""
    if ratio is None or ratio.value is None:
        return "n/a"
    return f"{ratio.value:.1f}%"


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else many or one + 's'}"


def counts(name: str, r: Ratio) -> str:
    """What the ratio counts, in a sentence."""
    n, d = r.numerator, r.denominator
    x = r.extra
    if name == "closure_rate":
        early = x.get("closed_earlier", 0)
        return (f"{n:,} of {_n(d, 'action')} due in the period closed within it"
                + (f" ({early:,} more closed before it began)" if early else ""))
    if name == "on_time_closure_rate":
        out = (f"{n:,} of {_n(d, 'action')} closed in the period closed by their first "
               f"agreed deadline")
        gone = x.get("without_deadline", 0)
        return out + (f" ({gone:,} of them had no deadline)" if gone else "")
    if name == "implementation_rate":
        out = f"{n:,} of {_n(d, 'applicable action')} completed"
        missing = x.get("not_reported", 0)
        return out + (f"; {missing:,} of them with no status reported" if missing else "")
    if name == "response_timeliness":
        out = (f"{n:,} of {_n(d, 'evaluation')} reported in the period answered within "
               f"{x.get('days', 0)} days")
        extra = []
        if x.get("median_delay_days") is not None:
            extra.append(f"median delay {x['median_delay_days']:g} days")
        if x.get("no_response"):
            extra.append(f"{x['no_response']:,} with no response yet")
        if x.get("response_undated"):
            extra.append(f"{x['response_undated']:,} with an undated response")
        return out + (f"; {', '.join(extra)}" if extra else "")
    if name == "overdue_share":
        out = f"{n:,} of {_n(d, 'open action')} with a deadline past due"
        ages = [f"{AGEING_WORDS[k]} days: {x['ageing'][k]:,}" for k in AGEING
                if x.get("ageing", {}).get(k)]
        return out + (f" ({'; '.join(ages)})" if ages else "")
    if name == "extended_share":
        out = f"{n:,} of {_n(d, 'open action')} with the deadline moved"
        many = x.get("moved_more_than_twice", 0)
        return out + (f"; {many:,} moved more than twice" if many else "")
    return f"{n:,} of {_n(d, 'action')} closed in the period validated"


def span(period: Period) -> str:
    """1 January 2025 to 31 December 2025."""
    return f"{long_date(period.start)} to {long_date(period.end)}"


def long_date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"
