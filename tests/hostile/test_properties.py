"""Property-based tests: the loader and every check never raise, whatever the bytes; records
generated from the schemas get no schema problems; a mutation that breaks the schema is always
reported, at the place it broke.

Runs under the hypothesis profile chosen in conftest.py (`ci` by default, bounded and
derandomized; HYPOTHESIS_PROFILE=long for a longer local search).
"""

from __future__ import annotations

import datetime as dt
import random
import re
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from conftest import REPO
from hypothesis import assume, example, given
from hypothesis import strategies as st

from evalcheck import engine
from evalcheck.config import parse_config
from evalcheck.formatters import FORMATTERS, RunInfo
from evalcheck.problems import Problem
from evalcheck.records import Record, load_record
from evalcheck.yamlload import parse
from hostile.cases import SOURCE_CHECKS
from hostile.conftest import PROFILE
from hostile.schemagen import KINDS, TEXT_CHARS, dump, records, schema, subschema

AS_OF = dt.date(2024, 6, 30)
CONFIG = parse_config({}, REPO)
SEEDS = sorted((REPO / "records").rglob("*.yaml"))
SEED_NAMES = [p.relative_to(REPO).as_posix() for p in SEEDS]

# YAML 1.2 core-schema numbers and YAML 1.1 timestamps: safe_dump leaves these unquoted (PyYAML
# reads them as text) and evalcheck rightly flags them where text is wanted.
YAML12_NUMBER = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+")
TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?")


@cache
def seed_bytes() -> dict[str, bytes]:
    return {name: path.read_bytes() for name, path in zip(SEED_NAMES, SEEDS, strict=True)}


@cache
def seed_records() -> dict[str, Record]:
    """Parsed once: the checks read records, they never change them."""
    return {name: load_record(name, raw) for name, raw in seed_bytes().items()}


def lint(path: str, raw: bytes, with_seeds: bool = False) -> tuple[Record, list[Problem]]:
    """Every check over the record (plus the owners registry, or all seeds), in process: the
    record's own problems."""
    record = load_record(path, raw)
    owners = "records/owners.yaml"
    others = [r for n, r in seed_records().items()
              if n != path and (with_seeds or n == owners)]
    problems = engine.lint([record, *others], CONFIG, AS_OF, targets={path})
    return record, [p for p in problems if p.path == path]  # not what it breaks elsewhere


def assert_well_formed(problems: list[Problem], raw: bytes) -> None:
    """Every problem is located inside the file and every output format renders it."""
    lines = raw.count(b"\n") + raw.count(b"\r") + 2
    for p in problems:
        assert 1 <= p.line <= lines, p
        assert p.column >= 1, p
        assert p.check and p.message, p
    for render in FORMATTERS.values():
        assert isinstance(render(problems, RunInfo(files=1)), str)


# --- the loader never raises -----------------------------------------------------------------

YAML_PIECES = st.sampled_from([
    "kind: evaluation\n", "id: EV-1\n", "title: ", "- ", "  ", "\t", "\n", "\r\n", ": ", "? ",
    "[", "]", "{", "}", ",", "&a ", "*a", "&b ", "*b", "<<: ", "!!python/object:os.system ",
    "!!int ", "!!float ", "!!bool ", "!!str ", "!!binary ", "!!set ", "!foo ", "%TAG ! x\n",
    "%YAML 1.1\n", "---\n", "...\n", '"', "'", "\\", "#", "|\n", ">-\n", "yes", "no", "~",
    "1.10", "0x1F", "1e3", "12:30", "2023-02-30", "9" * 5000, "1:" * 300 + "1", ".inf", ".nan",
    "\x00", "\x80", "\x85", "\u2028", "\ufeff", "é", "\U0001f600", "evalcheck: ignore[schema] x",
])
YAMLISH = st.lists(YAML_PIECES, max_size=60).map("".join)


# Inputs that once raised, kept as explicit examples: a plain integer past Python's 4300-digit
# int-from-text limit, a sexagesimal number beyond float range, and the same behind !!int.
KNOWN_CRASHERS = [b"year: " + b"9" * 5000, b"a: " + b"1:" * 300 + b"1",
                  b"a: !!int " + b"1:" * 300 + b"1"]


@PROFILE
@given(raw=st.one_of(st.binary(max_size=2000), YAMLISH.map(str.encode),
                     st.text(max_size=500).map(str.encode)))
@example(raw=KNOWN_CRASHERS[0])
@example(raw=KNOWN_CRASHERS[1])
@example(raw=KNOWN_CRASHERS[2])
def test_parse_never_raises_and_locates_what_it_finds(raw: bytes) -> None:
    doc = parse(raw)
    for finding in doc.findings:
        assert finding.at is None or (finding.at[0] >= 1 and finding.at[1] >= 1)
        assert finding.check in SOURCE_CHECKS
    if doc.findings and doc.data is None:
        assert all(f.at is not None for f in doc.findings), "a broken file is located"


@PROFILE
@given(raw=st.one_of(YAMLISH.map(str.encode), st.binary(max_size=500)))
def test_every_check_and_format_survives_arbitrary_input(raw: bytes) -> None:
    _, problems = lint("records/fuzz.yaml", raw)
    assert_well_formed(problems, raw)


# --- records generated from the schemas ------------------------------------------------------

def _validator(kind: str) -> jsonschema.protocols.Validator:
    return jsonschema.Draft202012Validator(schema(kind))


@PROFILE
@given(kind=st.sampled_from(KINDS), data=st.data())
def test_generated_valid_records_get_no_source_problems(kind: str, data: st.DataObject) -> None:
    record = data.draw(records(kind))
    assert _validator(kind).is_valid(record), "the generator must make valid records"
    raw = dump(record).encode()
    loaded, problems = lint(f"records/{kind}.yaml", raw)
    assert loaded.data == record, "quoted YAML reads back as written"
    assert [p for p in problems if p.check in SOURCE_CHECKS] == []
    assert_well_formed(problems, raw)


@PROFILE
@given(kind=st.sampled_from(KINDS), data=st.data())
def test_safe_dump_output_gets_at_most_ambiguity_warnings(kind: str,
                                                          data: st.DataObject) -> None:
    """yaml.safe_dump leaves `1e3` or `0o17` unquoted; those, and only those, are flagged."""
    record = data.draw(records(kind))
    raw = dump(record, quoted=False).encode()
    loaded, problems = lint(f"records/{kind}.yaml", raw)
    source = [p for p in problems if p.check in SOURCE_CHECKS]
    for p in source:
        assert p.check == "ambiguous-scalar", p
        text = p.message.split(": ", 1)[1].split(" is read as ", 1)[0]
        assert YAML12_NUMBER.fullmatch(text) or TIMESTAMP.fullmatch(text), p
    if not source:
        assert loaded.data == record


# --- mutations of the bundled records --------------------------------------------------------

def _paths(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every data path in a record, parents before children."""
    out = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            out += _paths(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out += _paths(value, (*path, i))
    return out


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def _seed_data(name: str) -> Any:
    doc = parse(seed_bytes()[name])
    assert doc.data is not None and not doc.findings
    return doc.data


def _kind(name: str) -> str:
    kind = _seed_data(name)["kind"]
    assert kind in KINDS
    return str(kind)


def _text_mutation(raw: bytes, how: str, rng: random.Random) -> bytes:
    lines = raw.split(b"\n")
    if how == "truncate":
        return raw[: rng.randrange(len(raw) + 1)]
    if how == "shuffle-lines":
        rng.shuffle(lines)
        return b"\n".join(lines)
    if how == "delete-line":
        del lines[rng.randrange(len(lines))]
        return b"\n".join(lines)
    if how == "flip-bytes":
        out = bytearray(raw)
        for _ in range(rng.randint(1, 8)):
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
        return bytes(out)
    assert how == "insert-bytes"
    at = rng.randrange(len(raw) + 1)
    return raw[:at] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 6))) + raw[at:]


@PROFILE
@given(name=st.sampled_from(SEED_NAMES),
       how=st.sampled_from(["truncate", "shuffle-lines", "delete-line", "flip-bytes",
                            "insert-bytes"]),
       seed=st.integers(0, 2**32 - 1))
def test_text_mutations_of_bundled_records_never_break_a_check(name: str, how: str,
                                                               seed: int) -> None:
    raw = _text_mutation(seed_bytes()[name], how, random.Random(seed))
    _, problems = lint(name, raw, with_seeds=True)
    assert_well_formed(problems, raw)


SWAPS = [0, -1, 1.5, True, None, "", "x" * 300, [], [1, "a"], {}, {"a": {"b": [None]}}]


@PROFILE
@given(name=st.sampled_from(SEED_NAMES), data=st.data())
def test_swapped_types_never_break_a_check(name: str, data: st.DataObject) -> None:
    record = _seed_data(name)
    path = data.draw(st.sampled_from(_paths(record)[1:]))
    parent = _get(record, path[:-1])
    parent[path[-1]] = data.draw(st.sampled_from(SWAPS))
    raw = dump(record).encode()
    _, problems = lint(name, raw, with_seeds=True)
    assert_well_formed(problems, raw)


def _required_slots(kind: str, data: Any) -> list[tuple[tuple[Any, ...], str]]:
    """(mapping path, key) for every required key present in the record."""
    out = []
    for path in _paths(data):
        node = _get(data, path)
        sub = subschema(kind, path)
        if isinstance(node, dict) and sub:
            out += [(path, key) for key in sub.get("required", []) if key in node]
    return out


def _enum_slots(kind: str, data: Any) -> list[tuple[Any, ...]]:
    return [path for path in _paths(data)[1:]
            if "enum" in (subschema(kind, path) or {})]


def _pattern_slots(kind: str, data: Any) -> list[tuple[Any, ...]]:
    return [path for path in _paths(data)[1:]
            if isinstance(_get(data, path), str) and "pattern" in (subschema(kind, path) or {})]


def _text_slots(kind: str, data: Any) -> list[tuple[Any, ...]]:
    return [path for path in _paths(data)[1:]
            if isinstance(_get(data, path), str)
            and (subschema(kind, path) or {}).get("type") == "string"]


def _reported_at(record: Record, problems: list[Problem], path: tuple[Any, ...],
                 checks: set[str], words: str) -> list[Problem]:
    line, column = record.doc.locator.locate(path)
    return [p for p in problems if (p.line, p.column) == (line, column) and p.check in checks
            and words in p.message]


@PROFILE
@given(name=st.sampled_from(SEED_NAMES), data=st.data())
def test_deleting_a_required_key_is_always_reported(name: str, data: st.DataObject) -> None:
    kind, record = _kind(name), _seed_data(name)
    slots = _required_slots(kind, record)
    assume(slots)
    path, key = data.draw(st.sampled_from(slots))
    del _get(record, path)[key]
    assert not _validator(kind).is_valid(record)
    loaded, problems = lint(name, dump(record).encode(), with_seeds=True)
    words = "kind" if key == "kind" else f"{key} is required"
    assert _reported_at(loaded, problems, path, {"schema", "missing-owner", "unknown-kind"},
                        words), (path, key, problems)


@PROFILE
@given(name=st.sampled_from(SEED_NAMES), data=st.data(),
       bad=st.text(TEXT_CHARS, min_size=1, max_size=20))
def test_an_invalid_enum_value_is_always_reported(name: str, data: st.DataObject,
                                                  bad: str) -> None:
    kind, record = _kind(name), _seed_data(name)
    slots = _enum_slots(kind, record)
    assume(slots)
    path = data.draw(st.sampled_from(slots))
    assume(bad not in subschema(kind, path)["enum"])  # type: ignore[index]
    _get(record, path[:-1])[path[-1]] = bad
    loaded, problems = lint(name, dump(record).encode(), with_seeds=True)
    assert _reported_at(loaded, problems, path, {"schema"}, repr(bad)), (path, bad)


# Control characters a double-quoted YAML string can carry as escapes ("EV-1\n", "2022-11\t").
CONTROLS = st.characters(min_codepoint=0, max_codepoint=0x9F).filter(
    lambda c: c < " " or c >= "\x7f") | st.sampled_from(["\u2028", "\u2029"])


@PROFILE
@given(name=st.sampled_from(SEED_NAMES), data=st.data(), control=CONTROLS)
@example(name="records/evaluations/EV-2018-MEX-PEM.yaml", data=None, control="\n")
def test_a_control_character_in_a_patterned_value_is_always_reported(
        name: str, data: st.DataObject | None, control: str) -> None:
    """Ids, dates, deadlines, owner ids, codes: Python's `$` once let "EV-1\n" through."""
    kind, record = _kind(name), _seed_data(name)
    slots = _pattern_slots(kind, record)
    assume(slots)
    path = data.draw(st.sampled_from(slots)) if data else ("id",)
    value = _get(record, path)
    at = data.draw(st.integers(0, len(value))) if data else len(value)
    _get(record, path[:-1])[path[-1]] = value[:at] + control + value[at:]
    loaded, problems = lint(name, dump(record).encode(), with_seeds=True)
    assert _reported_at(loaded, problems, path, {"schema"}, "control character"), (
        path, control, problems)


@PROFILE
@given(name=st.sampled_from(SEED_NAMES), data=st.data(),
       value=st.one_of(st.integers(), st.booleans(), st.lists(st.integers(), max_size=2)))
def test_a_number_list_or_bool_where_text_belongs_is_always_reported(
        name: str, data: st.DataObject, value: Any) -> None:
    kind, record = _kind(name), _seed_data(name)
    slots = _text_slots(kind, record)
    assume(slots)
    path = data.draw(st.sampled_from(slots))
    _get(record, path[:-1])[path[-1]] = value
    loaded, problems = lint(name, dump(record).encode(), with_seeds=True)
    assert _reported_at(loaded, problems, path, {"schema", "ambiguous-scalar"}, ""), (path, value)


def test_the_seeds_are_what_the_mutations_start_from() -> None:
    """The mutation tests need every bundled record to load cleanly and have a known kind."""
    assert len(SEED_NAMES) >= 5
    assert {_kind(n) for n in SEED_NAMES} == set(KINDS)
    assert all(Path(REPO, n).is_file() for n in SEED_NAMES)


def report_everything(records_: list[Record], problems: list[Problem], day: dt.date) -> None:
    """The report of these records in every format, the terminal summary and the board of
    2024, as of `day`: each must finish and say something."""
    from evalcheck.report import renderer, terminal
    from evalcheck.report.board import build_board
    from evalcheck.report.model import build_report
    from evalcheck.report.periods import parse_period

    period = parse_period("2024")
    assert not isinstance(period, str)
    report = build_report(records_, problems, day)
    report = report.with_board(build_board([r.data for r in records_], report, day, period, 60))
    for fmt in ("md", "html", "json", "csv"):
        assert renderer(fmt)(report)
    assert terminal.render(report)


# every field a management response's action may hold (record-model.md, version 2 included),
# each given a value of every type in turn: a hand-written record has the wrong type anywhere
ACTION_FIELDS = ("id", "description", "responsible", "supporting", "deadline",
                 "original_deadline", "deadline_note", "deadline_changes", "status",
                 "status_text", "completed_on", "updates", "comments", "evidence", "validated")
RESPONSE_FIELDS = ("recommendation", "decision", "decision_text", "rationale", "actions")


@PROFILE
@given(data=st.data(), field=st.sampled_from(ACTION_FIELDS + RESPONSE_FIELDS + ("date",)),
       value=st.sampled_from([*SWAPS, ["completed"], {"on": [1], "by": {}},
                              [{"date": [1], "from": {}, "to": None, "text": 5}, "junk"]]))
def test_a_value_of_any_type_never_breaks_a_check_or_a_report(data: st.DataObject, field: str,
                                                              value: Any) -> None:
    """What the schema reports (a status that is a list, an update that is a number) must not
    stop lint, the report in any format or the board part of a period: the whole record path,
    from a generated valid response whose one field is given a value of the wrong type."""
    mr = data.draw(records("management-response"))
    answers = [a for a in mr.get("responses", []) if isinstance(a, dict)]
    assume(answers)
    target = answers[0]
    if field in ACTION_FIELDS:
        actions = target.get("actions") or [{"id": "1.1", "description": "d",
                                             "responsible": ["me-unit"]}]
        target["actions"] = actions
        actions[0][field] = value
    elif field in RESPONSE_FIELDS:
        target[field] = value
    else:
        mr[field] = value
    raw = dump(mr).encode()
    record, problems = lint("records/responses/mr.yaml", raw, with_seeds=True)
    assert_well_formed(problems, raw)
    for day in (AS_OF, dt.date(2000, 1, 1)):  # today's records, and as they stood long ago
        report_everything([record, *seed_records().values()], problems, day)


EVALUATION_FIELDS = ("id", "title", "status", "owner", "type", "report_date", "year", "period",
                     "project", "ratings", "conclusions", "recommendations", "budget")
RECOMMENDATION_FIELDS = ("id", "text", "title", "addressed_to", "priority")


@PROFILE
@given(data=st.data(), field=st.sampled_from(EVALUATION_FIELDS + RECOMMENDATION_FIELDS),
       on_recommendation=st.booleans(), value=st.sampled_from(SWAPS))
def test_an_evaluation_field_of_any_type_never_breaks_a_check_or_a_report(
        data: st.DataObject, field: str, on_recommendation: bool, value: Any) -> None:
    """The same for an evaluation: one field of the record or of its first recommendation
    given a value of the wrong type; lint, every report format and the board must finish."""
    ev = data.draw(records("evaluation"))
    recs = [r for r in ev.get("recommendations", []) if isinstance(r, dict)]
    if on_recommendation and field in RECOMMENDATION_FIELDS and recs:
        recs[0][field] = value
    elif field in EVALUATION_FIELDS:
        ev[field] = value
    else:
        assume(False)
    raw = dump(ev).encode()
    record, problems = lint("records/evaluations/ev.yaml", raw, with_seeds=True)
    assert_well_formed(problems, raw)
    report_everything([record, *seed_records().values()], problems, AS_OF)


@PROFILE
@given(kind=st.sampled_from(KINDS), data=st.data(), value=st.sampled_from(SWAPS))
def test_any_value_anywhere_in_a_generated_record_never_breaks_a_report(
        kind: str, data: st.DataObject, value: Any) -> None:
    """Any kind, any place: a generated valid record with the value at one of its data paths
    (chosen by hypothesis) replaced by a value of another type; lint, the report in every
    format and the board of a period must finish."""
    record_data = data.draw(records(kind))
    paths = _paths(record_data)[1:]
    assume(paths)
    path = data.draw(st.sampled_from(paths))
    _get(record_data, path[:-1])[path[-1]] = value
    raw = dump(record_data).encode()
    name = "records/owners.yaml" if kind == "owners" else f"records/{kind}/x.yaml"
    record, problems = lint(name, raw, with_seeds=kind != "owners")
    assert_well_formed(problems, raw)
    report_everything([record, *(r for n, r in seed_records().items() if n != name)], problems,
                      AS_OF)
