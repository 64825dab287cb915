"""The store interface (evalcheck.store) and the cache that implements it (evalcheck.cache):
what a run keeps, a later run gets back - its records plain Records whose content stays on
disk until something reads it, and its memo of located findings - and a damaged cache is a
miss, never a wrong answer. Real files in a temporary repository."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import time
from pathlib import Path

import pytest
import saltrace
from conftest import write_files
from records_kit import action, evaluation, management_response, owners

from evalcheck import cache, engine, loading
from evalcheck.config import parse_config
from evalcheck.engine import Memo
from evalcheck.records import Record
from evalcheck.store import NoStore, Store

AS_OF = dt.date(2024, 6, 30)


@pytest.fixture(autouse=True)
def own_salt(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("home-cache")))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Files last changed an hour ago: a file changed within the last moments may change
    again in the same clock tick, so the cache does not trust its stat yet."""
    root = write_files(tmp_path, {
        "records/owners.yaml": owners("me-unit"),
        "records/evaluations/EV-1.yaml": evaluation("EV-1", owner=None),
        "records/evaluations/EV-2.yaml": evaluation("EV-2", report_date="2023-01-10",
                                                    addressed_to="u2"),
        "records/responses/MR-1.yaml": management_response(actions=[action(deadline="2023-01")]),
    })
    for path in (root / "records").rglob("*.yaml"):
        os.utime(path, (time.time() - 3600,) * 2)
    return root


def store_of(repo: Path) -> Store:
    got = cache.open_store(repo.resolve(), parse_config({}, repo))
    assert got is not None
    return got


def nothing() -> Record:
    raise AssertionError("the store should not need the file read again")


def test_both_stores_are_stores() -> None:
    stores: list[Store] = [NoStore()]
    assert stores[0].record("x.yaml", "0" * 32, nothing) is None
    assert not stores[0].knows_contents()


def test_what_a_run_keeps_the_next_run_gets_back(repo: Path) -> None:
    config = parse_config({}, repo)
    first = loading.load(config, [], checks=True, as_of=AS_OF)
    store = store_of(repo)
    shown = "records/responses/MR-1.yaml"
    [record] = [r for r in first.records if r.path == shown]
    st = (repo / shown).stat()
    digest = store.unchanged(shown, (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
    assert digest == record.digest == loading.digest_of((repo / shown).read_bytes())
    assert store.facts(digest) == record.facts
    kept = store.record(shown, digest, nothing)
    assert kept is not None
    assert type(kept.record) is Record and kept.record.facts == record.facts
    assert not kept.record.doc.loaded  # its content is read when something asks
    assert kept.memo == first.memo.entries[digest]
    assert kept.record.doc.locate(("evaluation",)) == (3, 13)
    assert not kept.record.doc.loaded  # a top-level field is located without it
    assert kept.record.data == record.data and not kept.record.doc.loaded  # the data alone
    data = kept.record.data
    assert kept.record.doc.locate(("responses", 0, "actions", 0, "deadline")) == \
        record.doc.locate(("responses", 0, "actions", 0, "deadline"))
    assert kept.record.doc.loaded and kept.record.data is data  # the rest, the same data


def test_a_warm_run_replays_located_problems_without_reading_any_content(repo: Path) -> None:
    config = parse_config({}, repo)
    cold = loading.load(config, [], checks=True, as_of=AS_OF)
    expected = engine.lint(cold.records, config, AS_OF, memo=cold.memo)
    cold.keep()
    assert {p.check for p in expected} >= {"missing-owner", "past-due-action",
                                           "response-overdue", "unknown-owner"}
    warm = loading.load(config, [], checks=True, as_of=AS_OF)
    assert warm.memo.cross  # the cross-record checks' findings, kept after the cold lint
    assert engine.lint(warm.records, config, AS_OF, memo=warm.memo) == expected
    assert [r.path for r in warm.records if r.doc.loaded] == []


def test_cross_record_findings_are_replayed_only_while_nothing_changed(repo: Path) -> None:
    config = parse_config({}, repo)
    cold = loading.load(config, [], checks=True, as_of=AS_OF)
    engine.lint(cold.records, config, AS_OF, memo=cold.memo)
    cold.keep()
    (repo / "records" / "owners.yaml").write_text(owners("me-unit", "u2"), encoding="utf-8")
    (repo / "records/evaluations/EV-1.yaml").write_text(
        evaluation("EV-1", owner="u2"), encoding="utf-8")
    warm = loading.load(config, [], checks=True, as_of=AS_OF)
    fresh = loading.load(config, [], cache=False, checks=True, as_of=AS_OF)
    got = engine.lint(warm.records, config, AS_OF, memo=warm.memo)
    assert got == engine.lint(fresh.records, config, AS_OF, memo=fresh.memo)
    assert "unknown-owner" not in {p.check for p in got}


def test_a_new_day_is_worked_out_again(repo: Path) -> None:
    config = parse_config({}, repo)
    loading.load(config, [], checks=True, as_of=AS_OF)
    later = AS_OF + dt.timedelta(days=400)
    warm = loading.load(config, [], checks=True, as_of=later)
    fresh = loading.load(config, [], cache=False, checks=True, as_of=later)
    assert engine.lint(warm.records, config, later, memo=warm.memo) == engine.lint(
        fresh.records, config, later, memo=fresh.memo)


def test_a_damaged_heavy_file_falls_back_to_the_file(repo: Path) -> None:
    config = parse_config({}, repo)
    loading.load(config, [], checks=True, as_of=AS_OF)
    [heavy] = (repo / ".evalcheck_cache").glob("*/heavy")
    blob = heavy.read_bytes()
    heavy.write_bytes(blob[:-10] + b"x" * 10)
    reread: list[str] = []
    store = store_of(repo)
    shown = "records/owners.yaml"
    digest = loading.digest_of((repo / shown).read_bytes())

    def again() -> Record:
        reread.append(shown)
        return loading.read_source(loading.Source(str(repo / shown), shown), repo)

    kept = store.record(shown, digest, again)
    assert kept is not None and kept.record.get("kind") == "owners"
    assert reread in ([], [shown])  # the damaged part may or may not be this record's


def test_the_memo_is_keyed_by_content_check_options_and_date() -> None:
    memo = Memo()
    record = Record("a.yaml", loading.Document(None, loading.Locator(None)), digest="d" * 32)
    memo.put(record, "past-due-action|[]@2024-06-30", ())
    memo.put(record, "past-due-action|[]@2024-07-01", (), replaces="past-due-action|[]@")
    assert list(memo.entries["d" * 32]) == ["past-due-action|[]@2024-07-01"]
    assert memo.changed == {"d" * 32}
    memo.put(Record("b.yaml", loading.Document(None, loading.Locator(None))), "k", ())
    assert "" not in memo.entries  # a record with no digest is never memoised


def _index_files(repo: Path) -> tuple[Path, Path]:
    [index] = (repo / ".evalcheck_cache").glob("*/index")
    return index, index.with_name("index-delta")


def test_a_run_over_one_changed_file_leaves_the_index_alone(
        repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The index of a portfolio is megabytes: what one changed file changes goes beside it."""
    monkeypatch.chdir(repo)
    config = parse_config({}, repo)
    loading.load(config, [], checks=True, as_of=AS_OF).keep()
    index, delta = _index_files(repo)
    written = index.read_bytes()
    shown = "records/responses/MR-1.yaml"
    (repo / shown).write_text(management_response(actions=[action(deadline="2031-01")]),
                              encoding="utf-8")
    os.utime(repo / shown, (time.time() - 60,) * 2)
    loading.load(config, [shown], checks=True, as_of=AS_OF).keep()
    assert index.read_bytes() == written and delta.exists()
    store = store_of(repo)  # the index as the next run sees it: with the change
    st = (repo / shown).stat()
    digest = store.unchanged(shown, (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
    assert digest == loading.digest_of((repo / shown).read_bytes())
    warm = loading.load(config, [], checks=True, as_of=AS_OF)
    fresh = loading.load(config, [], cache=False, checks=True, as_of=AS_OF)
    assert engine.lint(warm.records, config, AS_OF, memo=warm.memo) == engine.lint(
        fresh.records, config, AS_OF, memo=fresh.memo)


@pytest.mark.parametrize("damage", ["delta-of-another-index", "delta-cut-short"])
def test_a_delta_that_does_not_belong_costs_a_read_only(
        repo: Path, damage: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    config = parse_config({}, repo)
    loading.load(config, [], checks=True, as_of=AS_OF).keep()
    index, delta = _index_files(repo)
    shown = "records/responses/MR-1.yaml"
    (repo / shown).write_text(management_response(actions=[action(deadline="2031-01")]),
                              encoding="utf-8")
    os.utime(repo / shown, (time.time() - 60,) * 2)
    loading.load(config, [shown], checks=True, as_of=AS_OF).keep()
    if damage == "delta-of-another-index":
        index.write_bytes(index.read_bytes())  # the same entries, another file
    else:
        delta.write_bytes(delta.read_bytes()[:-5])
    store = store_of(repo)
    st = (repo / shown).stat()
    assert store.unchanged(shown, (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)) \
        is None  # not known: read again
    warm = loading.load(config, [], checks=True, as_of=AS_OF)
    fresh = loading.load(config, [], cache=False, checks=True, as_of=AS_OF)
    assert engine.lint(warm.records, config, AS_OF, memo=warm.memo) == engine.lint(
        fresh.records, config, AS_OF, memo=fresh.memo)


def test_runs_that_start_together_agree_on_the_salt(tmp_path: Path) -> None:
    """Several runs on a machine with no salt yet (a fresh CI machine running test workers,
    two commands run at once) make it at the same moment: every one of them gets the one
    salt that stays, never a salt file created but not yet written (which sent a run to the
    temporary folder's salt, and its cache to misses)."""
    context = multiprocessing.get_context("spawn")
    processes, rounds = 6, 150
    homes = [str(tmp_path / f"home-{i}") for i in range(rounds)]
    barrier, out = context.Barrier(processes), context.Queue()
    children = [context.Process(target=saltrace.salts, args=(homes, barrier, out))
                for _ in range(processes)]
    for child in children:
        child.start()
    got = [out.get(timeout=120) for _ in children]
    for child in children:
        child.join(timeout=60)
    for i, home in enumerate(homes):
        kept = Path(home, "evalcheck", "salt").read_text(encoding="ascii")
        assert {salts[i] for salts in got} == {kept}, home
        assert os.listdir(Path(home, "evalcheck")) == ["salt"]  # no temporary file left
