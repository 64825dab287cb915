"""Records whose every text field carries an injection payload, built by walking schema/.

Each text field gets its own numbered payload (P017 ...), so a test can tell which field
leaked; the ids and references that must match (owner ids, the evaluation a response answers,
the recommendation it answers) are valid, so the reports show everything.
"""

from __future__ import annotations

from typing import Any

from hostile.schemagen import resolve, schema

# Every trick at once: script and event-handler HTML, Markdown links, images and autolinks,
# mentions, a table break, code fences, a closing </details>, attribute break-outs, GitHub
# workflow-command text, a right-to-left override, template syntax.
TRICKS = ('<script>alert({n})</script> <img src=x onerror=alert({n})> '
          '[click](javascript:alert({n})) ![x](http://evil.example/{n}) '
          '<https://evil.example/{n}> @everyone | table | break `tick` ``` fence '
          '</details></summary> "><svg onload=alert({n})> \' onmouseover=\'alert({n}) '
          '%0A::error::forged {n}% \u202eRLO {{{{ t }}}} ${{{{ secrets.TOKEN }}}} '
          '# heading > quote ***bold*** &amp; &lt;b&gt;')
# CSV formula starters, one per field in turn (the first character is what counts).
FORMULAS = ('=HYPERLINK("http://evil.example/{n}","x")', "+1+cmd|' /C calc'!A{n}",
            "-2+3+{n}", "@SUM(A{n})", "\t=1+{n}", "\r=1+{n}")
LONG = "L" * 5000
OWNER = "me-unit"
IDS = {"evaluation": "EV-H1", "management-response": "MR-H1", "project": "PRJ-H1",
       "owners": "owners-h1"}
RECOMMENDATION = "R<img src=x onerror=alert(9)>"  # an item id: any text up to 40 characters


class Payloads:
    """Hands out numbered payloads and remembers them."""

    def __init__(self) -> None:
        self.given: list[str] = []

    def next(self) -> str:
        n = len(self.given)
        base = FORMULAS[n % len(FORMULAS)] if n % 3 == 0 else TRICKS
        text = f"{base.format(n=n)} P{n:03d}" + (" " + LONG if n % 7 == 6 else "")
        self.given.append(text)
        return text


def _ref_name(node: Any) -> str:
    return str(node.get("$ref", "")).rsplit("/", 1)[-1] if isinstance(node, dict) else ""


def fill(kind: str, node: Any, key: str, payloads: Payloads, depth: int = 0) -> Any:
    """A value for one schema node: payloads in text, valid ids and references elsewhere."""
    ref = _ref_name(node)
    node = resolve(schema(kind), node)
    if ref == "ownerId":
        return OWNER
    if ref == "recordId":
        return {"evaluation": IDS["evaluation"], "project": IDS["project"]}.get(key, IDS[kind])
    if ref in ("date", "deadline"):
        return "2024-03-01"
    if "const" in node:
        return node["const"]
    if "enum" in node:
        return next(v for v in node["enum"] if v is not None)
    kind_of = node.get("type")
    if kind_of == "object":
        props = node.get("properties") or {"x-1": {"type": "string"}}
        extra = node.get("additionalProperties")
        if not node.get("properties") and isinstance(extra, dict):
            return {"1": fill(kind, extra, "1", payloads, depth + 1)}
        return {k: fill(kind, v, k, payloads, depth + 1) for k, v in props.items()}
    if kind_of == "array":
        return [] if depth > 6 else [fill(kind, node.get("items", {}), key, payloads, depth + 1)]
    if kind_of in ("integer", "number"):
        return int(node.get("minimum", 1)) or 1
    if kind_of == "boolean":
        return False
    if ref == "itemId" or key in ("recommendation",):
        return RECOMMENDATION if key in ("id", "recommendation") else payloads.next()[:40]
    if "pattern" in node or node.get("format"):
        return {"currency": "USD", "language": "en", "email": "me@example.org",
                "github": "@me-unit"}.get(key, "x")
    return payloads.next()


def hostile_record(kind: str, payloads: Payloads) -> dict[str, Any]:
    record: dict[str, Any] = fill(kind, schema(kind), "", payloads)
    if kind == "owners":
        record["owners"][0]["id"] = OWNER
        record["owners"][0].pop("parent", None)
    if kind == "management-response":
        for response in record["responses"]:
            for action in response["actions"]:
                action["status"] = "in-progress"
                action.pop("completed_on", None)
    return record
