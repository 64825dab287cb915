"""One builder for the records tests share: an evaluation, its management response and an
owners registry as YAML text, laid out the same way everywhere, so that a test names only
what it is about (a status, an owner left out, a deadline) and positions stay predictable.

    evaluation("EV-1", status="ongoing")      kind, id, title, status, owner, recommendations
    management_response("MR-1", "EV-1")       kind, id, evaluation, owner, responses
    owners("me-unit")                         an owners registry
"""

from __future__ import annotations

from collections.abc import Sequence

RECOMMENDATIONS = (("R1", "Do it."),)


def head(kind: str, ident: str | None, **fields: str | None) -> str:
    """`kind:` and `id:` lines, then one `name: value` line per field given (None: left out)."""
    lines = [f"kind: {kind}"] + ([f"id: {ident}"] if ident is not None else [])
    lines += [f"{name}: {value}" for name, value in fields.items() if value is not None]
    return "\n".join(lines) + "\n"


def evaluation(ident: str | None = "EV-1", *, title: str = "T", status: str = "completed",
               owner: str | None = "me-unit", report_date: str | None = None,
               recommendations: Sequence[tuple[str, str]] | None = RECOMMENDATIONS,
               addressed_to: str = "me-unit") -> str:
    """An evaluation; its recommendations as one flow mapping a line (None: no list)."""
    text = head("evaluation", ident, title=title, status=status, owner=owner,
                report_date=report_date)
    if recommendations is not None:
        text += "recommendations:\n" + "".join(
            f"  - {{id: {rec}, text: {words}, addressed_to: [{addressed_to}]}}\n"
            for rec, words in recommendations)
    return text


def management_response(ident: str = "MR-1", evaluation: str = "EV-1", *,
                        owner: str | None = "me-unit", deadline: str | None = None,
                        answers: str | None = None) -> str:
    """A management response; by default it accepts R1 with one action (due `deadline`)."""
    text = head("management-response", ident, evaluation=evaluation, owner=owner)
    if answers is not None:
        return text + answers
    due = f", deadline: {deadline}" if deadline is not None else ""
    return text + ("responses:\n  - recommendation: R1\n    decision: accepted\n"
                   "    actions:\n"
                   f"      - {{id: '1.1', description: Hold a meeting, responsible: [me-unit]"
                   f"{due}}}\n")


def owners(*ids: str) -> str:
    """An owners registry of units with these ids."""
    return "kind: owners\nowners:\n" + "".join(
        f"  - {{id: {i}, name: {i}, type: unit}}\n" for i in ids)
