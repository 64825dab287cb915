"""Baselines: today's problems accepted by record, item and check, so only new ones fail."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
import yaml
from conftest import run_cli, write_files
from records_kit import evaluation

from evalcheck import baseline
from evalcheck.problems import Problem, Severity

EVALUATION = evaluation(status="ongoing", recommendations=None, conclusions=[
    ("C1", "The programme is relevant."), ("C2", "The programme is relevant.")])


def lint(repo: Path, *args: str) -> tuple[int, list[dict[str, object]]]:
    result = run_cli("lint", "--format", "json", "--as-of", "2024-06-30", *args, cwd=repo)
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, json.loads(result.stdout)


def test_baseline_accepts_known_problems_and_only_new_ones_fire(repo: Path) -> None:
    record = repo / "records" / "EV-1.yaml"
    record.write_text(EVALUATION, encoding="utf-8")
    assert [p["check"] for p in lint(repo)[1]] == ["duplicate-text"]

    written = run_cli("lint", "--write-baseline", "baseline.yaml", cwd=repo)
    assert written.returncode == 0 and "Wrote 1 accepted problem" in written.stderr
    entries = yaml.safe_load((repo / "baseline.yaml").read_text(encoding="utf-8"))["entries"]
    assert entries == [{"record": "EV-1", "item": "conclusions[C2].text",
                        "check": "duplicate-text",
                        "message": "conclusion C2 repeats conclusion C1 word for word",
                        "reason": ""}]
    assert lint(repo, "--baseline", "baseline.yaml") == (0, [])

    # Lines inserted above the problem move it; the baseline still matches.
    record.write_text(EVALUATION.replace("owner: me-unit\n", "owner: me-unit\ntype: final\n"
                                         "evaluators: [A, B]\nmethodology: Interviews.\n")
                      .replace("conclusions:\n", "conclusions:\n  - {id: C0, text: New.}\n"),
                      encoding="utf-8")
    assert lint(repo, "--baseline", "baseline.yaml") == (0, [])

    # A new problem still fires, alone.
    record.write_text(record.read_text(encoding="utf-8")
                      + "  - {id: C3, text: 'The programme is relevant!'}\n", encoding="utf-8")
    code, problems = lint(repo, "--baseline", "baseline.yaml")
    assert code == 1
    assert [(p["check"], p["item"]) for p in problems] == [("duplicate-text",
                                                           "conclusions[C3].text")]


def test_reasons_survive_a_rewrite(repo: Path) -> None:
    write_files(repo, {"records/EV-1.yaml": EVALUATION})
    path = repo / "baseline.yaml"
    path.write_text(baseline.HEADER + yaml.safe_dump({"version": 1, "entries": [
        {"record": "EV-1", "item": "conclusions[C2].text", "check": "duplicate-text",
         "reason": "The report prints it twice."},
        {"record": "EV-9", "item": "title", "check": "schema", "reason": "Gone since."},
    ]}), encoding="utf-8")
    assert run_cli("lint", "--write-baseline", "baseline.yaml", cwd=repo).returncode == 0
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]
    assert [(e["item"], e["reason"]) for e in entries] == [
        ("conclusions[C2].text", "The report prints it twice.")]
    assert path.read_text(encoding="utf-8").startswith("# evalcheck baseline")


@pytest.mark.parametrize(("text", "message"), [
    ("entries: [\n", "not valid YAML"),
    ("entries: {a: 1}\n", "expected `entries:` with a list"),
    ("- just a list\n", "expected `entries:` with a list"),
    ("entries:\n  - {record: EV-1, check: schema}\n", "entry 1 needs record, item and check"),
])
def test_malformed_baseline(text: str, message: str) -> None:
    with pytest.raises(baseline.BaselineError, match=message):
        baseline.load(text.encode(), "b.yaml")


def test_malformed_or_missing_baseline_is_exit_2(repo: Path) -> None:
    (repo / "baseline.yaml").write_text("entries:\n  - {record: EV-1}\n", encoding="utf-8")
    bad = run_cli("lint", "--baseline", "baseline.yaml", cwd=repo)
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr == "evalcheck: error: baseline.yaml: entry 1 needs record, item and check\n"
    missing = run_cli("lint", "--baseline", "nope.yaml", cwd=repo)
    assert missing.returncode == 2
    assert missing.stderr == "evalcheck: error: baseline file not found: nope.yaml\n"


def _problem(line: int, record: str = "EV-1", item: str = "conclusions[C2].text") -> Problem:
    return Problem("records/EV-1.yaml", line, 5, "duplicate-text", Severity.ERROR, "m", "",
                   record, item)


def test_key_ignores_lines_and_paths() -> None:
    assert baseline.key(_problem(8)) == baseline.key(_problem(80)) == (
        "EV-1", "conclusions[C2].text", "duplicate-text")
    assert baseline.key(_problem(3, record="", item="")) == (
        "records/EV-1.yaml", "line 3", "duplicate-text")


def test_each_entry_accepts_one_occurrence() -> None:
    accepted = Counter({baseline.key(_problem(8)): 1})
    assert baseline.filter_new([_problem(8), _problem(9)], accepted) == [_problem(9)]
    assert baseline.filter_new([_problem(8)], accepted) == []


def test_dump_and_load_round_trip() -> None:
    problems = [_problem(8), _problem(9, item="conclusions[C3].text")]
    text = baseline.dump(problems, {baseline.key(problems[0]): "kept: the source repeats it"})
    counts, reasons = baseline.load(text.encode(), "b.yaml")
    assert counts == Counter(baseline.key(p) for p in problems)
    assert reasons[baseline.key(problems[0])] == "kept: the source repeats it"
