"""The loader (evalcheck.loading) with the store that keeps nothing: files in, Records and a
filled memo out, the parser a replaceable function. Real files in a temporary repository."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import write_files
from records_kit import action, evaluation, management_response, owners

from evalcheck import engine, loading
from evalcheck.config import parse_config
from evalcheck.document import Document
from evalcheck.records import Record
from evalcheck.yamlload import Limits, parse

AS_OF = dt.date(2024, 6, 30)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return write_files(tmp_path, {
        "records/owners.yaml": owners("me-unit"),
        "records/evaluations/EV-1.yaml": evaluation("EV-1", owner=None),
        "records/responses/MR-1.yaml": management_response(actions=[action(deadline="2023-01")]),
        "records/broken.yaml": "kind: [unclosed\n",
    })


def test_the_no_op_store_loads_every_record_and_keeps_nothing(repo: Path) -> None:
    config = parse_config({}, repo)
    loaded = loading.load(config, [], cache=False, checks=True, as_of=AS_OF)
    assert [r.path for r in loaded.records] == [
        "records/broken.yaml", "records/evaluations/EV-1.yaml", "records/owners.yaml",
        "records/responses/MR-1.yaml"]
    assert loaded.targets is None
    assert not (repo / ".evalcheck_cache").exists()
    # the record-scope work is done while loading, keyed by content digest
    assert all(r.digest and r.digest in loaded.memo.entries for r in loaded.records)
    problems = engine.lint(loaded.records, config, AS_OF, memo=loaded.memo)
    fresh = engine.lint(loading.load(config, [], cache=False).records, config, AS_OF)
    assert problems == fresh
    assert {p.check for p in problems} >= {"yaml-syntax", "missing-owner", "past-due-action"}


def test_named_files_are_the_targets(repo: Path) -> None:
    config = parse_config({}, repo)
    loaded = loading.load(config, [str(repo / "records/responses/MR-1.yaml")], cache=False,
                          checks=True, as_of=AS_OF)
    assert loaded.targets == {"records/responses/MR-1.yaml"}
    memoised = {r.path for r in loaded.records if r.digest in loaded.memo.entries}
    assert memoised == {"records/responses/MR-1.yaml"}  # only the targets' work is done


def test_the_parser_is_one_replaceable_function(repo: Path) -> None:
    seen: list[bytes] = []

    def parser(raw: bytes, limits: Limits) -> Document:
        seen.append(raw)
        return parse(raw, limits)

    config = parse_config({}, repo)
    records = loading.load(config, [], cache=False, parser=parser).records
    assert len(seen) == len(records) == 4
    assert isinstance(records[0], Record) and type(records[0]) is Record


def test_a_link_out_of_the_repository_is_a_located_problem(
        repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    outside = tmp_path_factory.mktemp("outside") / "secret.yaml"
    outside.write_text("kind: owners\n", encoding="utf-8")
    (repo / "records" / "link.yaml").symlink_to(outside)
    config = parse_config({}, repo)
    problems = engine.lint(loading.load(config, [], cache=False).records, config, AS_OF)
    assert [(p.line, p.column, p.check) for p in problems
            if p.path == "records/link.yaml"] == [(1, 1, "unsafe-yaml")]
