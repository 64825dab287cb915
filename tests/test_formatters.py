"""Output formats: json (the contract), github annotations, SARIF 2.1.0, markdown, text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import lint_text
from jsonschema import Draft7Validator
from records_kit import evaluation

from evalcheck import checks
from evalcheck.formatters import (
    FORMATTERS,
    RunInfo,
    checks_reference,
    format_statistics,
    sarif_failure,
    totals,
)
from evalcheck.problems import Problem, Severity

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"

PROBLEMS = [
    Problem("records/a.yaml", 3, 7, "duplicate-text", Severity.ERROR,
            "conclusion C2 repeats conclusion C1 word for word", "delete the copy",
            "EV-1", "conclusions[C2].text"),
    Problem("records/a.yaml", 9, 1, "missing-deadline", Severity.WARNING,
            "action 1.1 has no deadline", "", "MR-1", "responses[R1].actions[1.1]"),
    Problem("records/b, c: d.yaml", 1, 1, "yaml-syntax", Severity.ERROR,
            "not valid YAML: 100% broken\r\nsecond line: here, too", "hint: a, b", "", ""),
]
BAD_STATUS = evaluation(status="done", owner="u", recommendations=None)  # schema: 4:9
HOSTILE = Problem("records/x.yaml", 2, 3, "schema", Severity.ERROR,
                  "title: <script>alert(1)</script> and [x](http://evil) @someone | pipe",
                  "", "EV-9", "title")


def render(name: str, problems: list[Problem], **info: object) -> str:
    return FORMATTERS[name](problems, RunInfo(**info))  # type: ignore[arg-type]


def test_every_cli_format_has_a_formatter() -> None:
    assert set(FORMATTERS) == {"text", "json", "github", "sarif", "markdown", "concise",
                               "junit", "gitlab"}


def test_json_contract() -> None:
    data = json.loads(render("json", PROBLEMS))
    assert isinstance(data, list) and len(data) == len(PROBLEMS)
    for item, problem in zip(data, PROBLEMS, strict=True):
        assert {"path", "line", "column", "check", "severity", "message"} <= set(item)
        assert item["path"] == problem.path and item["check"] == problem.check
        assert item["severity"] in ("error", "warning")
        assert item["line"] >= 1 and item["column"] >= 1
    assert json.loads(render("json", [])) == []


def test_json_columns_are_one_based_from_real_lint() -> None:
    problems = lint_text(BAD_STATUS, only="schema")
    (item,) = json.loads(render("json", problems))
    assert (item["line"], item["column"]) == (4, 9)


GITHUB_LINE = re.compile(r"^::(error|warning) file=[^,]+,line=\d+,col=\d+,title=[^:]+::.+$")


def test_github_annotations_match_the_workflow_command_syntax() -> None:
    lines = render("github", [*PROBLEMS, HOSTILE]).splitlines()
    annotations, summary = lines[:-1], lines[-1]
    assert len(annotations) == len(PROBLEMS) + 1
    assert all(GITHUB_LINE.match(line) for line in annotations), annotations
    assert summary == totals([*PROBLEMS, HOSTILE], RunInfo())
    assert annotations[0].startswith("::error file=records/a.yaml,line=3,col=7,"
                                     "title=evalcheck duplicate-text::conclusion C2")
    assert annotations[1].startswith("::warning ")


def test_github_escapes_data_and_properties() -> None:
    line = render("github", [PROBLEMS[2]]).splitlines()[0]
    assert "file=records/b%2C c%3A d.yaml," in line
    assert "100%25 broken%0D%0Asecond line: here, too" in line
    assert "\r" not in line


def _sarif(problems: list[Problem]) -> dict:
    return json.loads(render("sarif", problems))


def _sarif_validator() -> Draft7Validator:
    return Draft7Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))


def test_vendored_sarif_schema_is_the_oasis_one() -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert schema["$id"] == ("https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/"
                             "Schemata/sarif-schema-2.1.0.json")
    assert schema["required"] == ["version", "runs"] and "result" in schema["definitions"]


@pytest.mark.parametrize("problems", [PROBLEMS, [HOSTILE], []], ids=["mixed", "hostile", "none"])
def test_sarif_validates_against_the_sarif_schema(problems: list[Problem]) -> None:
    log = _sarif(problems)
    errors = sorted(_sarif_validator().iter_errors(log), key=str)
    assert errors == [], errors[0].message if errors else ""
    assert log["version"] == "2.1.0"


def test_sarif_from_a_real_lint_validates_and_points_at_rules() -> None:
    problems = lint_text(BAD_STATUS)
    log = _sarif(problems)
    assert list(_sarif_validator().iter_errors(log)) == []
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} == set(checks.registry())
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1


def test_sarif_rules_carry_markdown_help_a_link_and_tags() -> None:
    rules = _sarif(PROBLEMS)["runs"][0]["tool"]["driver"]["rules"]
    by_id = {r["id"]: r for r in rules}
    past_due = by_id["past-due-action"]
    assert past_due["helpUri"].endswith("/docs/checks.md#past-due-action")
    assert past_due["helpUri"].startswith("https://github.com/evalcheck-mr/evalcheck/blob/v")
    assert "```yaml\nkind: management-response\n" in past_due["help"]["markdown"]
    assert past_due["help"]["markdown"].startswith("An open action whose deadline")
    assert past_due["properties"]["tags"] == ["evalcheck", "deadlines", "warning"]
    assert all(r["help"]["markdown"] and r["properties"]["tags"] for r in rules)


def test_docs_checks_md_is_the_generated_reference() -> None:
    """The page SARIF's helpUri points at; after adding or changing a check, regenerate it:
    evalcheck rules --format reference > docs/checks.md"""
    page = (Path(__file__).parent.parent / "docs" / "checks.md").read_text(encoding="utf-8")
    assert page == checks_reference()
    for name in checks.registry():
        assert f"\n## {name}\n" in page


def test_sarif_of_a_failed_run_says_why() -> None:
    log = json.loads(sarif_failure("config.yaml: unknown setting 'selekt'"))
    assert list(_sarif_validator().iter_errors(log)) == []
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "selekt" in note["message"]["text"]
    assert log["runs"][0]["results"] == []


def test_sarif_levels_and_uris() -> None:
    results = _sarif(PROBLEMS)["runs"][0]["results"]
    assert [r["level"] for r in results] == ["error", "warning", "error"]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
    assert uris[0] == "records/a.yaml"
    # a URI reference: spaces and other characters outside RFC 3986 are percent-encoded
    assert all(re.fullmatch(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+", u) for u in uris), uris


def test_markdown_shows_record_text_literally() -> None:
    text = render("markdown", [HOSTILE, *PROBLEMS])
    assert not re.search(r"(?<!\\)<script", text) and "\\<script\\>" in text
    assert not re.search(r"(?<!\\)\]\(", text) and "http://" not in text
    assert "@someone" not in text
    assert "\\| pipe" in text  # a bare | would break the table row
    rows = [line for line in text.splitlines() if line.startswith("| 2:3 ")]
    assert len(rows) == 1 and rows[0].count(" | ") == 3


def test_markdown_summary_counts_by_check() -> None:
    text = render("markdown", PROBLEMS)
    assert text.startswith("## evalcheck lint\n")
    assert "| `duplicate-text` | error | 1 |" in text
    assert "Found 2 errors and 1 warning in 2 files." in text


def test_text_groups_by_file_and_ends_with_totals() -> None:
    text = render("text", PROBLEMS, files=5)
    lines = text.splitlines()
    assert lines[0] == "records/a.yaml"
    assert lines[1].split()[:3] == ["3:7", "error", "duplicate-text"]
    assert "hint: delete the copy" in lines[2]
    assert lines[3].split()[:3] == ["9:1", "warning", "missing-deadline"]
    assert lines.count("records/a.yaml") == 1 and "records/b, c: d.yaml" in lines
    assert lines[-1] == "Found 2 errors and 1 warning in 2 files (5 files checked)."
    assert "\x1b[" not in text
    assert "second line" in text and "\r" not in text


def test_text_colour_only_when_asked() -> None:
    assert "\x1b[" in render("text", PROBLEMS, color=True)


@pytest.mark.parametrize(("problems", "info", "expected"), [
    ([], RunInfo(files=3), "No problems found (3 files checked)."),
    ([], RunInfo(files=1, suppressed_by_baseline=2),
     "No problems found (1 file checked); 2 known problems accepted by the baseline."),
    (PROBLEMS[:1], RunInfo(), "Found 1 error and 0 warnings in 1 file."),
    (PROBLEMS, RunInfo(files=1, named=frozenset({"records/a.yaml"})),
     "Found 2 errors and 1 warning in 2 files (1 file checked; 1 other file broken by it)."),
    (PROBLEMS, RunInfo(files=2, named=frozenset({"records/n.yaml", "records/m.yaml"})),
     "Found 2 errors and 1 warning in 2 files (2 files checked; 2 other files broken by "
     "them)."),
    (PROBLEMS[:2], RunInfo(files=1, named=frozenset({"records/a.yaml"})),
     "Found 1 error and 1 warning in 1 file (1 file checked)."),
])
def test_totals(problems: list[Problem], info: RunInfo, expected: str) -> None:
    assert totals(problems, info) == expected


def test_concise_is_one_line_each_and_quiet_drops_the_summary() -> None:
    lines = render("concise", PROBLEMS).splitlines()
    assert lines[0] == ("records/a.yaml:3:7: error [duplicate-text] conclusion C2 repeats "
                        "conclusion C1 word for word")
    assert lines[2].startswith("records/b, c: d.yaml:1:1: error [yaml-syntax] not valid YAML: "
                               "100% broken second line")
    assert len(lines) == len(PROBLEMS) + 1
    assert render("concise", PROBLEMS, quiet=True).count("\n") == len(PROBLEMS)
    assert render("concise", [], quiet=True) == ""


def test_junit_is_well_formed_xml_even_with_hostile_text() -> None:
    from xml.etree import ElementTree

    nasty = Problem("records/x.yaml", 1, 1, "schema", Severity.ERROR,
                    'title: ]]></failure><x a="1"> \x1b[31m & \x00', "", "EV-9", "title")
    root = ElementTree.fromstring(render("junit", [*PROBLEMS, nasty]))
    assert root.get("tests") == "4" and root.get("failures") == "4"
    failures = [c.find("failure") for c in root.iter("testcase")]
    assert [f.get("type") for f in failures] == [  # type: ignore[union-attr]
        "duplicate-text", "missing-deadline", "yaml-syntax", "schema"]
    assert "\\x1b" in failures[3].text  # type: ignore[union-attr,operator]
    clean = ElementTree.fromstring(render("junit", [], files=3))
    assert clean.get("failures") == "0" and len(list(clean.iter("testcase"))) == 1


def test_gitlab_code_quality_fingerprints_are_stable_and_unique() -> None:
    report = json.loads(render("gitlab", [*PROBLEMS, PROBLEMS[0]]))
    assert [i["severity"] for i in report] == ["major", "minor", "major", "major"]
    assert len({i["fingerprint"] for i in report}) == 4
    assert report == json.loads(render("gitlab", [*PROBLEMS, PROBLEMS[0]]))
    assert report[0]["location"] == {"path": "records/a.yaml", "lines": {"begin": 3}}
    assert all({"description", "check_name", "fingerprint", "severity", "location"} <= set(i)
               for i in report)


def test_text_show_source_and_quiet() -> None:
    sources = {"records/a.yaml": ["kind: evaluation", "", "title:   x  y"]}
    text = render("text", PROBLEMS[:1], sources=sources, quiet=True)
    assert text.splitlines()[-2:] == ["     3 | title:   x  y", "       |       ^"]
    assert "Found" not in text



@pytest.mark.parametrize("check", ["schema", "rejected-without-rationale",
                                   "deadline-moved-without-reason"])
def test_text_and_statistics_keep_a_space_after_the_check_name(check: str) -> None:
    problem = Problem("records/a.yaml", 1, 1, check, Severity.WARNING, "the message")
    line = render("text", [problem], color=False).splitlines()[1]
    assert re.search(rf" {re.escape(check)} +the message$", line), line
    if len(check) < 27:  # names that fit keep the column where the hints start too
        assert line.index("the message") == 45
    stats = format_statistics([problem], RunInfo(quiet=True)).splitlines()[0]
    assert re.fullmatch(rf"1  {re.escape(check)} +warning", stats), stats
