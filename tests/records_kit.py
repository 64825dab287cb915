"""One builder for the records tests share: an evaluation, its management response and an
owners registry as YAML text, laid out the same way everywhere, so that a test names only
what it is about (a status, an owner left out, a deadline) and positions stay predictable.

    evaluation("EV-1", status="ongoing")      kind, id, title, status, owner, report_date,
                                              other fields, conclusions, recommendations
                                              (recommendations=("R1", "R2"): ids alone)
    management_response("MR-1", "EV-1")       kind, id, evaluation, owner, other fields, responses
    response("R2", decision="rejected")       one item of `responses:`
    action("1.2", deadline="2030-01")         one action, as a flow mapping (block=True: a field
                                              a line); a field given as None left out
    owners("me-unit")                         an owners registry; owner("x", review="true") one
                                              entry of it; UNITS the registry of the two units
                                              most tests name (UNIT_OWNERS, their entries)
    head("project", "PRJ-1", title="P")       any record's top lines

The layout, for tests that assert a line or a column: one top-level field a line from line 1
in the order above, a field given as None left out; a list item two spaces in (`  - `, its
first key on column 5). A conclusion, a recommendation, an owner and a response without
actions are one flow mapping a line (evaluation(block=True): a conclusion or recommendation
one field a line, `  - id: R1`, `    text: ...`, `    addressed_to: [...]`); a response with
actions is `  - recommendation: R1`,
`    decision: accepted`, its other fields, `    actions:`, then one action a line at
`      - ` (its first key on column 9); a block action's further fields are on column 9 and the
items of a list field on `          - ` (column 13). So in management_response() the first
action is on line 9, and in evaluation() the first recommendation is on line 7 (with a
report_date, line 8).
"""

from __future__ import annotations

from collections.abc import Sequence

RECOMMENDATIONS = (("R1", "Do it."),)
Recommendation = str | tuple[str, ...]
"""(id, text[, its own addressed_to]), or an id alone (text "Do it.")."""


def head(kind: str, ident: str | None, **fields: str | None) -> str:
    """`kind:` and `id:` lines, then one `name: value` line per field given (None: left out)."""
    lines = [f"kind: {kind}"] + ([f"id: {ident}"] if ident is not None else [])
    lines += [f"{name}: {value}" for name, value in fields.items() if value is not None]
    return "\n".join(lines) + "\n"


def evaluation(ident: str | None = "EV-1", *, title: str = "T", status: str | None = "completed",
               owner: str | None = "me-unit", report_date: str | None = None,
               recommendations: Sequence[Recommendation] | None = RECOMMENDATIONS,
               addressed_to: str | None = "me-unit",
               conclusions: Sequence[tuple[str, str]] | None = None, block: bool = False,
               **fields: str | None) -> str:
    """An evaluation; `fields` (year, period, managed_by...) follow report_date; conclusions
    (id, text) and recommendations (id, text[, its own addressed_to], or an id alone: text
    "Do it.") one flow mapping a line (None: none; addressed_to None: left out), or with
    block=True one field a line (`  - id: R1`, `    text: ...`, `    addressed_to: [...]`)."""
    text = head("evaluation", ident, title=title, status=status, owner=owner,
                report_date=report_date, **fields)
    if conclusions is not None:
        text += "conclusions:\n" + "".join(_item({"id": key, "text": words}, block)
                                           for key, words in conclusions)
    if recommendations is not None:
        text += "recommendations:\n" + "".join(
            _item({"id": key, "text": words} | _to(own[0] if own else addressed_to), block)
            for key, words, *own in map(_recommendation, recommendations))
    return text


def _recommendation(given: Recommendation) -> tuple[str, ...]:
    return (given, "Do it.") if isinstance(given, str) else given


def _to(addressed_to: str | None) -> dict[str, str]:
    return {} if addressed_to is None else {"addressed_to": f"[{addressed_to}]"}


def _item(fields: dict[str, str], block: bool) -> str:
    """A list item two spaces in: one flow mapping, or block style one field a line."""
    if not block:
        return "  - {" + ", ".join(f"{name}: {value}" for name, value in fields.items()) + "}\n"
    return "".join(f"{'  - ' if i == 0 else '    '}{name}: {value}\n"
                   for i, (name, value) in enumerate(fields.items()))


def action(ident: str = "1.1", description: str = "Do it", responsible: str | None = "me-unit",
           *, block: bool = False, **fields: str | Sequence[str] | None) -> str:
    """One action: {id: "1.1", description: ..., responsible: [...], <fields>} (responsible or
    a field None: left out). A field given as a list is a flow list, or with block=True a block
    list."""
    pairs: list[tuple[str, str | Sequence[str]]] = [("id", f'"{ident}"'),
                                                   ("description", description)]
    pairs += [("responsible", f"[{responsible}]")] if responsible is not None else []
    pairs += [(name, value) for name, value in fields.items() if value is not None]
    if not block:
        return "{" + ", ".join(f"{name}: {_flow(value)}" for name, value in pairs) + "}"
    return "\n        ".join(
        f"{name}: {value}" if isinstance(value, str)
        else f"{name}:" + "".join(f"\n          - {item}" for item in value)
        for name, value in pairs)


def _flow(value: str | Sequence[str]) -> str:
    return value if isinstance(value, str) else "[" + ", ".join(value) + "]"


def response(recommendation: str = "R1", *, decision: str | None = "accepted",
             actions: Sequence[str] = (), **fields: str | None) -> str:
    """One item of `responses:`: without actions one flow mapping line
    `  - {recommendation: R1, decision: accepted, <fields>}`, with actions block style."""
    pairs = {"recommendation": recommendation, "decision": decision, **fields}
    given = {name: value for name, value in pairs.items() if value is not None}
    return _item(given, block=bool(actions)) + (
        "    actions:\n" + "".join(f"      - {a}\n" for a in actions) if actions else "")


def management_response(ident: str | None = "MR-1", evaluation: str | None = "EV-1", *,
                        owner: str | None = "me-unit", decision: str | None = "accepted",
                        actions: Sequence[str] = (action(deadline="2030-01"),),
                        responses: Sequence[str] | None = None, **fields: str | None) -> str:
    """A management response answering R1 with these actions (`responses`, each a response(),
    instead: those); `fields` (date...) follow owner."""
    if responses is None:
        responses = (response("R1", decision=decision, actions=actions),)
    return (head("management-response", ident, evaluation=evaluation, owner=owner, **fields)
            + "responses:\n" + "".join(responses))


def owner(ident: str, *, name: str | None = None, type: str = "unit", **fields: str) -> str:
    """One owners-registry entry as a flow mapping {id, name (the id unless given), type,
    <fields>}."""
    extra = "".join(f", {key}: {value}" for key, value in fields.items())
    return f"{{id: {ident}, name: {name or ident}, type: {type}{extra}}}"


def owners(*entries: str) -> str:
    """An owners registry of these entries: an id (a unit named by its id) or an owner()."""
    return "kind: owners\nowners:\n" + "".join(
        f"  - {e if e.startswith('{') else owner(e)}\n" for e in entries)


# The two units records name; UNITS, their registry, is the `repo` fixture's and the hostile
# repositories' (the report tests add people to it).
UNIT_OWNERS = (owner("me-unit", name="M&E Unit"), owner("programme-unit", name="Programme Unit"))
UNITS = owners(*UNIT_OWNERS)
