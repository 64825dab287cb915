"""One builder for the records tests share: an evaluation, its management response and an
owners registry as YAML text, laid out the same way everywhere, so that a test names only
what it is about (a status, an owner left out, a deadline) and positions stay predictable.

    evaluation("EV-1", status="ongoing")      kind, id, title, status, owner, recommendations
    management_response("MR-1", "EV-1")       kind, id, evaluation, owner, responses
    action("1.2", deadline="2030-01")         one action, as a flow mapping
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
               addressed_to: str = "me-unit",
               conclusions: Sequence[tuple[str, str]] | None = None) -> str:
    """An evaluation; conclusions and recommendations one flow mapping a line (None: none)."""
    text = head("evaluation", ident, title=title, status=status, owner=owner,
                report_date=report_date)
    if conclusions is not None:
        text += "conclusions:\n" + "".join(f"  - {{id: {c}, text: {words}}}\n"
                                           for c, words in conclusions)
    if recommendations is not None:
        text += "recommendations:\n" + "".join(
            f"  - {{id: {rec}, text: {words}, addressed_to: [{addressed_to}]}}\n"
            for rec, words in recommendations)
    return text


def action(ident: str = "1.1", description: str = "Do it", responsible: str = "me-unit",
           **fields: str) -> str:
    """One action as a flow mapping: {id: "1.1", description: ..., responsible: [...], ...}."""
    extra = "".join(f", {name}: {value}" for name, value in fields.items())
    return f'{{id: "{ident}", description: {description}, responsible: [{responsible}]{extra}}}'


def management_response(ident: str = "MR-1", evaluation: str = "EV-1", *,
                        owner: str | None = "me-unit", decision: str = "accepted",
                        actions: Sequence[str] = (action(deadline="2030-01"),)) -> str:
    """A management response answering R1 with these actions."""
    return head("management-response", ident, evaluation=evaluation, owner=owner) + (
        f"responses:\n  - recommendation: R1\n    decision: {decision}\n    actions:\n"
        + "".join(f"      - {a}\n" for a in actions))


def owners(*ids: str) -> str:
    """An owners registry of units with these ids."""
    return "kind: owners\nowners:\n" + "".join(
        f"  - {{id: {i}, name: {i}, type: unit}}\n" for i in ids)
