"""What is wrong, in two immutable types: a Finding is what a check, the loader or the schema
validator says (in terms of the record's data), a Problem what the engine makes of it (located,
named, graded) and every output format prints."""

from __future__ import annotations

import enum
import operator
from collections.abc import Iterable
from dataclasses import dataclass, fields

PathPart = str | int
DataPath = tuple[PathPart, ...]


class Severity(str, enum.Enum):
    """How much a problem matters; `error` blocks a pull request, `warning` does not by default."""

    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return 1 if self is Severity.ERROR else 0

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Finding:
    """What a check says before the engine locates it and stamps its name and severity.

    `path` points into the record's data; `at` (1-based line, column) is for problems found
    below the data level (YAML syntax), where no data path exists.
    """

    message: str
    path: DataPath = ()
    hint: str = ""
    check: str = ""
    at: tuple[int, int] | None = None
    key: bool = False


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """A located, named, graded problem: what every output format prints.

    Field order is the sort order: file, then position, then check.
    `record` and `item` give the stable key baselines use (record id, item inside it).
    """

    path: str
    line: int
    column: int
    check: str
    severity: Severity
    message: str
    hint: str = ""
    record: str = ""
    item: str = ""

    @staticmethod
    def order(problems: Iterable[Problem]) -> list[Problem]:
        """Sorted by the field order, as `sorted(problems)` would, with the comparison in C
        (tuples) rather than the dataclass's Python `__lt__`: tens of thousands of problems
        on a neglected portfolio."""
        return sorted(problems, key=_FIELDS)

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "check": self.check,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
            "record": self.record,
            "item": self.item,
        }


def item_label(path: DataPath) -> str:
    """Render a data path as people write it: `responses[2].actions[0].deadline`."""
    out: list[str] = []
    for part in path:
        if isinstance(part, int):
            out.append(f"[{part}]")
        else:
            out.append(f".{part}" if out else part)
    return "".join(out)


_FIELDS = operator.attrgetter(*(f.name for f in fields(Problem)))
