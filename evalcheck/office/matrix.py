"""The management response matrix inside a document: cell texts in, plain data out.

A document is a sequence of Blocks in reading order (Word tables, loose paragraphs, Excel
sheets). Two layouts are understood, in Spanish, English, French and Portuguese:

- blocks, the usual Word template (seed 002): per recommendation a "Recommendation N" cell,
  "Addressed to", "Priority" and "Management response" labels, then an action table whose
  header row names the columns;
- one row per action, the usual Excel tracker: a header row with a recommendation column
  and an action column; repeated (or merged) recommendation cells group the rows.

Statuses, decisions and deadlines go through `vocabulary` and `when.map_deadline`: the
contract's value where the words name one, and the source's words kept beside it
(status_text, decision_text, deadline_note) where they differ. Words that name nothing
known are kept the same way and become a Note naming the table, row and cell; an empty
decision or status is absent, never guessed. Header lines above or beside the matrix (who
completes it, their post and unit, the date, general comments) are read too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from evalcheck.office.labels import (
    HEADER_ONLY,
    REC_NUMBER,
    column_role,
    match_label,
    read_priority,
    split_number,
    split_support,
)
from evalcheck.words.text import clean, guess_language
from evalcheck.words.vocabulary import map_decision, map_status
from evalcheck.words.when import map_deadline, parse_when

Comment = tuple[str, str]


@dataclass(frozen=True)
class Block:
    """One table, sheet or loose paragraph: rows of cell texts, merged cells repeated in
    every cell they cover; margin comments by (row, column), both 0-based."""

    kind: str
    number: int
    rows: tuple[tuple[str, ...], ...]
    name: str = ""
    comments: Mapping[tuple[int, int], tuple[Comment, ...]] = field(default_factory=dict)


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class Where:
    """A place in the document, as a person finds it: table 3, row 6, cell 2."""

    kind: str
    number: int
    name: str = ""
    row: int | None = None
    cell: int | None = None

    def at(self, cell: int) -> Where:
        return Where(self.kind, self.number, self.name, self.row, cell)

    def __str__(self) -> str:
        if self.kind == "paragraph":
            return f"paragraph {self.number}"
        if self.kind == "sheet":
            sheet = f"sheet {self.name!r}"
            if self.row is None:
                return sheet
            if self.cell is None:
                return f"{sheet}, row {self.row + 1}"
            return f"{sheet}, cell {column_letter(self.cell)}{self.row + 1}"
        text = f"table {self.number}"
        if self.row is not None:
            text += f", row {self.row + 1}"
            if self.cell is not None:
                text += f", cell {self.cell + 1}"
        return text


@dataclass(frozen=True)
class Note:
    """Something in the document that was not read, and why."""

    where: Where
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class Located:
    text: str
    where: Where


@dataclass
class ActionItem:
    id: str
    description: str
    where: Where
    deadline: str | None = None
    deadline_note: str = ""
    responsible: Located | None = None
    supporting: Located | None = None
    status: str | None = None
    status_text: str = ""
    comments: str = ""


@dataclass
class RecommendationItem:
    number: str
    where: Where
    text: str = ""
    addressed_to: Located | None = None
    priority: int | None = None
    decision: str | None = None
    decision_text: str = ""
    remark: str = ""
    margin_notes: list[Comment] = field(default_factory=list)
    actions: list[ActionItem] = field(default_factory=list)


@dataclass
class Matrix:
    title: str = ""
    owner: Located | None = None
    owner_role: str = ""
    owner_unit: Located | None = None
    date: str | None = None
    comments: str = ""
    recommendations: list[RecommendationItem] = field(default_factory=list)
    margin_notes: list[Comment] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    language: str | None = None


def _distinct(row: Sequence[str]) -> list[tuple[int, str]]:
    """(column, text) of each non-empty cell, a merged cell counted once."""
    out: list[tuple[int, str]] = []
    previous = None
    for col, text in enumerate(row):
        if text.strip() and text != previous:
            out.append((col, text))
        previous = text
    return out


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


class _Reader:
    """Walks the rows of every block once, keeping where it is in the matrix."""

    def __init__(self, day_first: bool | None) -> None:
        self.m = Matrix()
        self.day_first = day_first
        self.rec: RecommendationItem | None = None
        self.columns: dict[int, str | None] | None = None
        self.carry: dict[int, str | None] | None = None
        self.flat = False
        self.header_row = -2
        self.pending: tuple[str, Where] | None = None
        self.flat_key = ""

    def note(self, where: Where, message: str) -> None:
        self.m.notes.append(Note(where, message))

    def block(self, b: Block) -> None:
        if b.kind != "paragraph":
            if self.columns is not None:
                self.carry = self.columns
            self.columns, self.header_row, self.flat_key = None, -2, ""
        for r, row in enumerate(b.rows):
            where = Where(b.kind, b.number, b.name, None if b.kind == "paragraph" else r)
            self.row(b, r, row, where)

    def row(self, b: Block, r: int, row: tuple[str, ...], where: Where) -> None:
        cells = _distinct(row)
        comments = list(dict.fromkeys(c for col in range(len(row))
                                      for c in b.comments.get((r, col), ())))
        pending, self.pending = self.pending, None
        if cells:
            if b.kind == "paragraph":
                if not (self._labels(cells, where) or self._fill(pending, cells, where)):
                    self._header_line(cells[0][1], where)
            elif self._header(r, row, cells):
                pass
            elif self.flat and self.columns is not None:
                self._action_row(row, where)
            elif self._labels(cells, where) or self._fill(pending, cells, where):
                pass
            elif self.columns is not None or self._carried(row):
                self._action_row(row, where)
            elif self.rec is None and len(cells) == 1:
                pass  # a heading above the matrix, as in a loose paragraph
            else:
                self.note(where, f"not read: {_short(cells[0][1])!r} (not a label evalcheck "
                                 "knows, and no action table header above it)")
        (self.rec.margin_notes if self.rec else self.m.margin_notes).extend(comments)

    def _header_line(self, text: str, where: Where) -> None:
        """A "Label: value" line above the matrix that names no field evalcheck has ("Cleared
        by: ..."): listed, so that nothing the header says is dropped without trace."""
        label, colon, value = text.partition(":")
        if self.rec is None and colon and value.strip() and 0 < len(label.split()) <= 5:
            self.note(where, f"not read: {_short(text)!r} (a header line evalcheck has no "
                             "field for)")

    def _carried(self, row: tuple[str, ...]) -> bool:
        """A table split across pages: rows that continue the previous table's columns."""
        if self.carry is None or len(row) != len(self.carry):
            return False
        action_col = next((c for c, role in self.carry.items() if role == "action"), None)
        if action_col is None or not split_number(row[action_col].strip())[0]:
            return False
        self.columns = self.carry
        return True

    def _header(self, r: int, row: tuple[str, ...], cells: list[tuple[int, str]]) -> bool:
        roles = [column_role(text) for _, text in cells]
        known = [role for role in roles if role is not None]
        unknown = [text for (_, text), role in zip(cells, roles, strict=True) if role is None]
        continuing = self.columns is not None and self.header_row == r - 1
        if continuing and unknown:
            return False
        if not continuing and (len(known) < 2 or "action" not in known
                               or len(unknown) >= len(known)
                               or any(len(t) > 40 or "\n" in t.strip() for t in unknown)):
            return False
        found = {c: column_role(text) if text.strip() else None for c, text in enumerate(row)}
        if continuing and self.columns is not None:
            for c, role in found.items():
                if (role is not None and role != "follow_up") or c not in self.columns:
                    self.columns[c] = role
        else:
            self.columns = found
            self.flat = "recommendation" in roles
        self.header_row = r
        return True

    def _labels(self, cells: list[tuple[int, str]], where: Where) -> bool:
        found = [match_label(text) for _, text in cells]
        if where.kind != "paragraph" and (self.rec is not None or self.columns is not None):
            found = [f if f is None or f[0] not in HEADER_ONLY else None for f in found]
        if not any(found):
            return False
        used: set[int] = set()
        for i, ((col, _), label) in enumerate(zip(cells, found, strict=True)):
            if label is None or i in used:
                continue
            name, number, value = label
            at = where.at(col) if where.kind != "paragraph" else where
            value = clean(value)
            if not value and i + 1 < len(cells) and found[i + 1] is None \
                    and column_role(cells[i + 1][1]) is None:
                value, at = clean(cells[i + 1][1]), (where.at(cells[i + 1][0])
                                                     if where.kind != "paragraph" else where)
                used.add(i + 1)
            self._set(name, number, value, at)
        for i, ((col, text), label) in enumerate(zip(cells, found, strict=True)):
            if label is None and i not in used:
                self.note(where.at(col), f"not read: {_short(text)!r}")
        return True

    def _fill(self, pending: tuple[str, Where] | None, cells: list[tuple[int, str]],
              where: Where) -> bool:
        """The value of a label left empty, from the next row or paragraph."""
        if pending is None:
            return False
        name = pending[0]
        value = clean("\n".join(text for _, text in cells))
        if where.kind != "paragraph":
            where = where.at(cells[0][0])
        if name == "recommendation":
            if self.rec is not None:
                self.rec.text = value
        else:
            self._set(name, "", value, where)
        return True

    def _set(self, name: str, number: str, value: str, where: Where) -> None:
        waits = name in ("recommendation", "addressed_to", "title", "owner", "comments",
                         "position", "unit", "date")
        if name == "recommendation":
            self._start(number, where)
        if not value:
            if waits:
                self.pending = (name, where)
            return
        if name == "title":
            self.m.title = value
        elif name == "owner":
            self.m.owner = Located(value, where)
        elif name == "position":
            self.m.owner_role = value
        elif name == "unit":
            self.m.owner_unit = Located(value, where)
        elif name == "date":
            self._date(value, where)
        elif name == "comments":
            self.m.comments = value
        elif self.rec is None:
            self.note(where, f"not read: {_short(value)!r} comes before any recommendation")
        elif name == "recommendation":
            self.rec.text = value
        elif name == "addressed_to":
            self.rec.addressed_to = Located(value, where)
        elif name == "priority":
            self._priority(self.rec, value, where)
        elif name == "decision":
            self._decision(self.rec, value, where)

    def _date(self, value: str, where: Where) -> None:
        day = parse_when(value, self.day_first)
        if day is None:
            self.note(where, f"date {_short(value)!r} is not a date evalcheck can read (e.g. "
                             "'15 mars 2024', '2024-03-15'); left out")
        self.m.date = day

    def _priority(self, rec: RecommendationItem, value: str, where: Where) -> None:
        priority = read_priority(value)
        if priority is None:
            self.note(where, f"priority {_short(value)!r} is not 1, 2 or 3 (or high, medium, "
                             "low); left out")
        rec.priority = priority

    def _decision(self, rec: RecommendationItem, value: str, where: Where) -> None:
        reading = map_decision(value)
        if not reading.understood:
            self.note(where, f"management response {_short(value)!r} is not a decision "
                             "evalcheck knows (agree, partially agree, disagree, noted, in any "
                             "of the four languages): kept as decision_text, no decision")
        rec.decision, rec.decision_text, rec.remark = reading.value, reading.text, reading.remark
        if reading.understood and reading.remark and rec.decision_text.endswith(reading.remark):
            # "Agree. The office will ...": decision_text "Agree", the rest is the rationale
            # or comment (build.py), so no word is kept twice
            rec.decision_text = rec.decision_text[:-len(reading.remark)].strip(" .,;:-\u2013")

    def _start(self, number: str, where: Where) -> None:
        if any(rec.number == number for rec in self.m.recommendations):
            self.note(where, f"recommendation {number} appears a second time")
        self.rec = RecommendationItem(number, where)
        self.m.recommendations.append(self.rec)
        if not self.flat:
            if self.columns is not None:
                self.carry = self.columns
            self.columns = None

    def _by_role(self, row: tuple[str, ...], where: Where) -> dict[str, tuple[str, Where]]:
        out: dict[str, tuple[str, Where]] = {}
        assert self.columns is not None
        for c, role in sorted(self.columns.items()):
            text = row[c] if c < len(row) else ""
            if not text.strip():
                continue
            if role is None or role == "follow_up":
                if c == 0 or row[c - 1] != text:
                    self.note(where.at(c), f"not read: {_short(text)!r} (its column has no "
                                           "header evalcheck knows)")
                continue
            if role in out:
                if out[role][0] != text:
                    out[role] = (out[role][0] + "\n" + text, out[role][1])
                continue
            out[role] = (text, where.at(c))
        return out

    def _action_row(self, row: tuple[str, ...], where: Where) -> None:
        cells = self._by_role(row, where)
        if self.flat:
            self._flat_recommendation(cells, where)
        action = cells.get("action")
        if action is None or not clean(action[0]):
            others = [text for role, (text, _) in cells.items() if role not in (
                "recommendation", "addressed_to", "priority", "decision")]
            if others:
                self.note(where, f"not read: {_short(others[0])!r} (the row has no action)")
            return
        number, description = split_number(clean(action[0]))
        if self.rec is None:
            self.note(where, "action before any recommendation: filed under recommendation "
                             + (number.split(".")[0] if "." in number else "1"))
            self._start(number.split(".")[0] if "." in number else "1", where)
        assert self.rec is not None
        rec = self.rec
        if not number:
            number = f"{rec.number}.{len(rec.actions) + 1}"
            self.note(action[1], f"the action has no number; numbered {number} by its position")
        if any(a.id == number for r in self.m.recommendations for a in r.actions):
            self.note(action[1], f"action {number} appears a second time")
        item = ActionItem(number, clean(description), action[1])
        if not item.description:
            self.note(action[1], f"action {number} has no description")
        rec.actions.append(item)
        self._action_fields(item, cells)

    def _action_fields(self, item: ActionItem, cells: dict[str, tuple[str, Where]]) -> None:
        if "deadline" in cells:
            text, where = cells["deadline"]
            deadline = map_deadline(clean(text), self.day_first)
            item.deadline, item.deadline_note = deadline.value, deadline.note
            if not deadline.understood:
                self.note(where, f"deadline {_short(clean(text))!r} is not a date evalcheck can "
                                 "read (e.g. '2023-11', 'T3 2024', 'Q3 2024', '30/06/2023'): "
                                 "kept as deadline_note, no deadline")
        supporting: list[str] = []
        if "responsible" in cells:
            text, where = cells["responsible"]
            responsible, support = split_support(text)
            if clean(responsible):
                item.responsible = Located(clean(responsible), where)
            if clean(support):
                supporting.append(clean(support))
                item.supporting = Located(clean(support), where)
        if "supporting" in cells:
            text, where = cells["supporting"]
            if clean(text):
                supporting.append(clean(text))
                item.supporting = Located("\n".join(supporting), where)
        if "status" in cells:
            text, where = cells["status"]
            reading = map_status(" ".join(clean(text).split()))
            item.status, item.status_text = reading.value, reading.text
            if reading.deadline_note and not item.deadline and not item.deadline_note:
                item.deadline_note = reading.deadline_note
            if not reading.understood:
                self.note(where, f"status {_short(clean(text))!r} is not one evalcheck knows "
                                 "(not started, in progress, completed, no longer applicable, "
                                 "in any of the four languages): kept as status_text, no status")
        if "comments" in cells:
            item.comments = clean(cells["comments"][0])

    def _flat_recommendation(self, cells: dict[str, tuple[str, Where]], where: Where) -> None:
        cell = cells.get("recommendation")
        text = clean(cell[0]) if cell else ""
        if text and text != self.flat_key:
            self.flat_key = text
            label = match_label(text)
            if label and label[0] == "recommendation":
                number, body = label[1], clean(label[2])
            else:
                number, body = split_number(text, REC_NUMBER)
            if not number:
                number = str(len(self.m.recommendations) + 1)
                self.note(cell[1] if cell else where,
                          f"the recommendation has no number; numbered {number} by its position")
            self._start(number, cell[1] if cell else where)
            assert self.rec is not None
            self.rec.text = clean(body)
            fresh = True
        else:
            fresh = False
        if self.rec is None:
            return
        for role in ("addressed_to", "priority", "decision"):
            if role not in cells:
                continue
            value, at = clean(cells[role][0]), cells[role][1]
            if not fresh:
                continue
            if role == "addressed_to":
                self.rec.addressed_to = Located(value, at)
            elif role == "priority":
                self._priority(self.rec, value, at)
            else:
                self._decision(self.rec, value, at)


def read_matrix(blocks: Sequence[Block], day_first: bool | None = None) -> Matrix:
    """The matrix in a document's blocks. day_first decides dates such as 03/04/2023; by
    default it follows the document's language (day first unless it is English)."""
    language = guess_language(text for b in blocks for row in b.rows for text in row)
    if day_first is None and language != "en":
        day_first = True
    reader = _Reader(day_first)
    for b in blocks:
        reader.block(b)
    reader.m.language = language
    return reader.m
