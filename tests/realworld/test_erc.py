"""evalcheck on real management responses: four pages of UNDP's Evaluation Resource Centre
(ERC), transcribed in tests/realworld/records/ (texts paraphrased, facts as on the pages; each
file says where it comes from and what part of the page it holds), and a fifth evaluation
transcribed without its response, whose first three recommendations ERC 2925 repeats word for
word (test_recurring.py is about those).

Every expected number below was counted by hand on the pages, and the comment beside it says
how. Where evalcheck's answer differed from the hand count, the test kept the hand count and
was marked xfail(strict=True) until the tool was fixed: five such defects were found here and
fixed (a month-dated report answered "before" it, comments unread by status-contradicts-update,
and three of import matrix's readings of ERC's notation); none is left.

The pages (read 2026-12-02, from a stored copy that holds the beginning of each page only):
  ERC 9724  Mid-Term Evaluation: UN-REDD Programme National Programme Myanmar
            report 01/2019, response [Added: 2019/05/08]; recommendation 1, actions 1.1-1.2
  ERC 9722  Mid term Evaluation: Strengthening Sustainability of Protected Area Management in
            Myanmar; report 12/2018, response [Added: 2019/01/02]; R1, action R1.1
  ERC 2925  Joint UNDAF Evaluation (Fiji); report 10/2010, response [Added: 2012/10/07];
            recommendations 1-3, the actions of 1 and 2
  ERC 9790  Tuvalu Ridge to Reef (mid-term review); report 10/2019, response
            [Added: 2019/10/22]; recommendations 1-3, the actions of 1 and 2
  ERC 5135  UNDAF Mid Term Evaluation (Samoa); report 07/2010; the evaluation's page only
            (its response page was not in the store): recommendations 1-5, the fifth cut short.
            It has no response record, and its record suppresses response-overdue with that
            reason; the report still counts its five recommendations as not answered.
"""

from __future__ import annotations

import json
from collections import Counter
from copy import deepcopy
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli
from erckit import RECORDS, cli_json, isolated
from openpyxl import Workbook

from evalcheck.records import load_record

LINT_AS_OF = "2021-07-31"
"""After every dated line of the four pages (the latest: 2021/02/23), and a month after the
one open action with a deadline fell due (9790's 2.1, due 2021/06)."""

MR = {n: f"records/responses/MR-ERC-{n}.yaml" for n in ("9724", "9722", "2925", "9790")}
EV = {n: f"records/evaluations/EV-ERC-{n}.yaml" for n in ("9724", "9722", "2925", "9790", "5135")}




@pytest.fixture(scope="module")
def erc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return isolated(tmp_path_factory.mktemp("erc"))




def _lint(root: Path, as_of: str = LINT_AS_OF) -> list[dict[str, Any]]:
    return list(cli_json(root, "lint", "--no-cache", "--as-of", as_of))


def _report(root: Path, *args: str) -> Any:
    return cli_json(root, "report", *args)


def _data(path: Path) -> Any:
    return load_record(path.name, path.read_bytes()).data


# --- the records -----------------------------------------------------------------------------

def test_records_are_valid(erc: Path) -> None:
    done = run_cli("validate", cwd=erc)
    assert done.returncode == 0, done.stdout + done.stderr
    # 5 evaluations + 4 management responses + the owners registry
    assert "10 files checked" in done.stdout


def test_the_repository_lint_does_not_see_them() -> None:
    """The repository's config lints records/ only; these records live under tests/."""
    done = run_cli("lint", "--as-of", "2026-11-22", "--format", "json", "--exit-zero")
    assert done.returncode == 0, done.stderr
    assert not [p for p in json.loads(done.stdout) if "realworld" in p["path"]]


# --- what lint says ---------------------------------------------------------------------------

# (file, check) -> how many, as of LINT_AS_OF, counted on the pages:
EXPECTED_FINDINGS = Counter({
    # 9724. Recommendation 1's answer ("the TWG ToRs are planned to be reviewed as Myanmar moves
    # into phase 2") carries no decision word: no Agree/Disagree anywhere on the page.
    (MR["9724"], "unanswered-recommendation"): 1,
    # Action 1.1 was [Added: 2019/05/08] with DueDate 2019/03: due (31 March) before the
    # response that set it.
    (MR["9724"], "deadline-before-response"): 1,
    # Both actions are "Completed", and ERC gives no completion date for either.
    (MR["9724"], "completed-without-date"): 2,
    # Action 1.2 is "Completed" while its comment ([Last Updated: 2020/12/09]) says the Task Force
    # and its working groups "have now been disbanded".
    (MR["9724"], "status-contradicts-update"): 1,
    # 9722. R1's answer only lists what it is relevant to and who is responsible: no decision.
    (MR["9722"], "unanswered-recommendation"): 1,
    # R1.1 is "Completed" (due 2019/06, after the response of 2019/01/02): no completion date.
    (MR["9722"], "completed-without-date"): 1,
    # 2925. Recommendation 1's action: DueDate "No due date", Status "No deadline established":
    # open, with a note and no date.
    (MR["2925"], "no-fixed-deadline"): 1,
    # ... and last updated 2012/11/13, so without news for 3,182 days on 2021-07-31 (not past
    # due: it has no deadline).
    (MR["2925"], "stale-action"): 1,
    # Recommendation 2's action was due 2010/12, but the response is of 2012/10/07.
    (MR["2925"], "deadline-before-response"): 1,
    # ... and it is "Completed" with no completion date.
    (MR["2925"], "completed-without-date"): 1,
    # (Recommendation 3, "Partially agree", shows no action because the stored copy ends there:
    # the record suppresses accepted-without-action with that reason.)
    # 9790. None of the three answers has a decision word.
    (MR["9790"], "unanswered-recommendation"): 3,
    # Action 1.1 is "Completed" with no completion date.
    (MR["9790"], "completed-without-date"): 1,
    # Action 2.1, "Initiated", due 2021/06: 31 days past due on 2021-07-31.
    (MR["9790"], "past-due-action"): 1,
    # 2925 (report 10/2010) makes again, word for word, recommendations 1, 2 and 3 of 5135
    # (report 07/2010): one finding each, on 2925 (test_recurring.py has them one by one).
    (EV["2925"], "recurring-recommendation"): 3,
    # (5135 has no response record: its record suppresses response-overdue, with the reason.)
})


def test_lint_findings_are_the_hand_counted_ones(erc: Path) -> None:
    found = Counter((p["path"], p["check"]) for p in _lint(erc))
    assert found == EXPECTED_FINDINGS
    # and nothing else about the evaluations, nor about the owners registry: every unit is in
    # the registry. 16 about the responses, 3 recurring recommendations.
    assert sum(found.values()) == 19


def test_lint_numbers_in_the_messages(erc: Path) -> None:
    messages = {(p["path"], p["check"]): p["message"] for p in _lint(erc)
                if p["check"] in ("stale-action", "past-due-action", "deadline-before-response",
                                  "status-contradicts-update")}
    # 2012-11-13 -> 2020-11-13: 8 years and 2 leap days, 2,922 days; -> 2021-07-31: 17 + 31 + 31
    # + 28 + 31 + 30 + 31 + 30 + 31 = 260 days. 3,182 in all.
    assert "for 3,182 days (last: 2012-11-13)" in messages[(MR["2925"], "stale-action")]
    # 2021/06 falls due on 30 June; 31 July is 31 days later
    assert "action 2.1 is 31 days past due (deadline 2021-06, status in-progress)" in messages[
        (MR["9790"], "past-due-action")]
    assert "action 2.1 was due 2010-12, before the response of 2012-10-07" in messages[
        (MR["2925"], "deadline-before-response")]
    assert "action 1.1 was due 2019-03, before the response of 2019-05-08" in messages[
        (MR["9724"], "deadline-before-response")]
    assert "action 1.2" in messages[(MR["9724"], "status-contradicts-update")]
    assert "disbanded" in messages[(MR["9724"], "status-contradicts-update")]


# --- what the report says ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def report(erc: Path) -> Any:
    return _report(erc, "--as-of", LINT_AS_OF)


def test_waiting_for_the_fiji_response(erc: Path) -> None:
    """On 2012-06-30, 20 months after the 10/2010 report, the response of 2012/10/07 was not
    written: the report as of that day lists the evaluation as waiting (the three project
    evaluations were not reported yet). The Samoa evaluation (report 07/2010) is listed too,
    as it is on any day: the records hold no response for it (ERC has one, not transcribed)."""
    waiting = _report(erc, "--as-of", "2012-06-30")["missing_responses"]
    assert [(w["evaluation"], w["since"], w["days"], w["recommendations"]) for w in waiting] == [
        # 2010-07-31 -> 2012-06-30: 365 (to 2011-07-31) + 31 + 30 + 31 + 30 + 31 + 31 + 29 + 31
        # + 30 + 31 + 30 = 700
        ("EV-ERC-5135", "2010-07-31", 700, 5),
        # 2010-10-31 -> 2012-06-30: 365 (to 2011-10-31) + 30 + 31 + 31 + 29 + 31 + 30 + 31 + 30
        ("EV-ERC-2925", "2010-10-31", 608, 3)]


def test_recommendations_and_decisions(report: Any) -> None:
    # 1 (9724) + 1 (9722) + 3 (2925) + 3 (9790) recommendations, every one with an answer,
    # and the 5 of 5135, whose response is not transcribed
    assert report["coverage"]["total"] == 13
    assert report["coverage"]["answered"] == 8
    by_evaluation = {e["evaluation"]: (e["total"], e["decisions"])
                     for e in report["coverage"]["by_evaluation"]}
    none = {"accepted": 0, "partially-accepted": 0, "rejected": 0, "no-decision": 0,
            "not-answered": 0}
    assert by_evaluation == {
        # 2925: "Agree", "Agree", "Partially agree as ..."
        "EV-ERC-2925": (3, {**none, "accepted": 2, "partially-accepted": 1}),
        # no response record
        "EV-ERC-5135": (5, {**none, "not-answered": 5}),
        # the three project responses write no decision word at all
        "EV-ERC-9722": (1, {**none, "no-decision": 1}),
        "EV-ERC-9724": (1, {**none, "no-decision": 1}),
        "EV-ERC-9790": (3, {**none, "no-decision": 3}),
    }


def test_actions_per_status(report: Any) -> None:
    zero = {"not-started": 0, "in-progress": 0, "completed": 0, "no-longer-applicable": 0,
            "not-reported": 0}
    by_evaluation = {e["evaluation"]: (e["total"], e["statuses"], e["overdue"])
                     for e in report["implementation"]["by_evaluation"]}
    assert by_evaluation == {
        # 2.1 "Completed"; 1.1 "No deadline established", which is no status
        "EV-ERC-2925": (2, {**zero, "completed": 1, "not-reported": 1}, 0),
        # R1.1 "Completed"
        "EV-ERC-9722": (1, {**zero, "completed": 1}, 0),
        # 1.1 and 1.2 "Completed"
        "EV-ERC-9724": (2, {**zero, "completed": 2}, 0),
        # 1.1 "Completed"; 2.1 "Initiated", past due since 2021-06-30
        "EV-ERC-9790": (2, {**zero, "completed": 1, "in-progress": 1}, 1),
    }
    # 7 actions, 5 completed, none dropped: 5 / 7 = 0.7143
    implementation = report["implementation"]
    assert (implementation["total"], implementation["completed"],
            implementation["applicable"], implementation["rate"]) == (7, 5, 7, 0.7143)


@pytest.mark.parametrize(("evaluation", "expected"), [
    ("EV-ERC-9724", (2, 2, 100.0, 0)),   # both actions completed
    ("EV-ERC-9722", (1, 1, 100.0, 0)),   # R1.1 completed
    ("EV-ERC-2925", (1, 2, 50.0, 1)),    # 2.1 completed; 1.1 has no status (shown apart)
    ("EV-ERC-9790", (1, 2, 50.0, 0)),    # 1.1 completed; 2.1 initiated
])
def test_implementation_rate_of_each_response(erc: Path, evaluation: str,
                                              expected: tuple[int, int, float, int]) -> None:
    board = _report(erc, "--evaluation", evaluation, "--period", "2021", "--as-of", LINT_AS_OF)
    rate = board["indicators"]["implementation_rate"]
    assert (rate["numerator"], rate["denominator"], rate["value"], rate["not_reported"]) == \
        expected


RECOMMENDATION_STATUS = {
    # no decision word on the page: no decision, whatever the actions say
    ("EV-ERC-9724", "R1"): "no-decision",
    ("EV-ERC-9722", "R1"): "no-decision",
    # accepted; its one action has no status reported and no deadline: nothing has begun that
    # anyone reported, and nothing makes it "not yet due"
    ("EV-ERC-2925", "R1"): "not-started",
    # accepted; its one action completed
    ("EV-ERC-2925", "R2"): "implemented",
    # partially accepted; the transcription holds no action (the stored copy ends there)
    ("EV-ERC-2925", "R3"): "no-action",
    ("EV-ERC-9790", "R1"): "no-decision",
    ("EV-ERC-9790", "R2"): "no-decision",
    ("EV-ERC-9790", "R3"): "no-decision",
    # no response record: no decision on any of the five
    **{("EV-ERC-5135", f"R{n}"): "no-decision" for n in range(1, 6)},
}


def test_recommendation_status(report: Any) -> None:
    rows = report["recommendation_status"]["recommendations"]
    assert {(r["evaluation"], r["recommendation"]): r["status"] for r in rows} == \
        RECOMMENDATION_STATUS
    assert report["recommendation_status"]["total"] == {
        "implemented": 1, "partially-implemented": 0, "not-started": 1, "not-yet-due": 0,
        "no-action": 1, "not-accepted": 0, "no-decision": 10}
    # one recommendation (2925's R1) counts an action whose status nobody reported
    assert report["recommendation_status"]["not_reported"] == 1


def test_recommendation_status_before_the_fiji_response(erc: Path) -> None:
    """On 2012-10-06 the Fiji response of 2012/10/07 was not written: no decision yet on any of
    its three recommendations (nor on the later evaluations', nor on Samoa's, which have none
    at any date)."""
    rows = _report(erc, "--as-of", "2012-10-06")["recommendation_status"]["recommendations"]
    assert {(r["evaluation"], r["recommendation"]): r["status"] for r in rows} == \
        dict.fromkeys(RECOMMENDATION_STATUS, "no-decision")


# Response timeliness: evaluations reported in the period with a response dated within 60 days
# of the report. A report month counts as its last day (the record model's "by the end of that
# month"). (period, as-of or None for the period's end) -> (timely, reported, no response yet)
TIMELINESS = {
    # 9722: 12/2018 -> 2018-12-31, response 2019-01-02: 2 days, timely. 9724: 01/2019 ->
    # 2019-01-31, its response of 2019-05-08 not written yet on 2019-01-31.
    ("2018-12-01..2019-01-31", None): (1, 2, 1),
    # later, 9724's response is there: 2019-01-31 -> 2019-05-08 = 28 + 31 + 30 + 8 = 97 days,
    # late
    ("2018-12-01..2019-01-31", LINT_AS_OF): (1, 2, 0),
    # 2925: report 10/2010, and 5135: report 07/2010; no response at all in 2010
    ("2010", None): (0, 2, 2),
    # 2925's response of 2012/10/07: 707 days after 2010-10-31 (731 days to 2012-10-31, less
    # 24): late. 5135 has no response record at any date.
    ("2010", "2012-12-31"): (0, 2, 1),
    # 9790: report 10/2019, response 2019/10/22, in the report's own month: timely however the
    # month is read (between 0 and 21 days)
    ("2019-10", None): (1, 1, 0),
}
MEDIAN_DELAY = {
    ("2018-12-01..2019-01-31", None): 2,
    ("2018-12-01..2019-01-31", LINT_AS_OF): 49.5,   # (2 + 97) / 2
    ("2010", None): None,                            # no dated response yet
    ("2010", "2012-12-31"): 707,
}


def _timeliness(root: Path, period: str, as_of: str | None) -> Any:
    args = ["--period", period, *(("--as-of", as_of) if as_of else ())]
    return _report(root, *args)["indicators"]["response_timeliness"]


@pytest.mark.parametrize(("period", "as_of"), list(TIMELINESS))
def test_response_timeliness(erc: Path, period: str, as_of: str | None) -> None:
    found = _timeliness(erc, period, as_of)
    assert (found["numerator"], found["denominator"], found["no_response"]) == \
        TIMELINESS[period, as_of]
    assert found["days"] == 60


@pytest.mark.parametrize(("period", "as_of"), list(MEDIAN_DELAY))
def test_median_delay(erc: Path, period: str, as_of: str | None) -> None:
    assert _timeliness(erc, period, as_of)["median_delay_days"] == MEDIAN_DELAY[period, as_of]


def test_a_response_in_the_report_month_is_not_early(erc: Path) -> None:
    # 9790: report 2019-10 (ERC's "Completion Date: 10/2019"), response 2019/10/22: the least
    # delay the two dates allow is 0 days (it was -9 when a month was read as its last day)
    median = _timeliness(erc, "2019-10", None)["median_delay_days"]
    assert median == 0


def test_the_other_indicators_of_2010(erc: Path) -> None:
    """2010, measured on 2021-07-31, from the records as they are."""
    found = _report(erc, "--period", "2010", "--as-of", LINT_AS_OF)["indicators"]
    pairs = {k: (v["numerator"], v["denominator"]) for k, v in found.items()}
    # Due in 2010: 2925's 2.1 (2010/12). It is "Completed", but ERC gives no completion date, so
    # it cannot count as closed by the end of 2010 (the definition asks for completed_on).
    assert pairs["closure_rate"] == (0, 1)
    # nothing has a completed_on: nothing closed in 2010
    assert pairs["on_time_closure_rate"] == (0, 0)
    assert pairs["validated_closure_share"] == (0, 0)
    # open with a deadline on 2021-07-31: only 9790's 2.1 (2925's 1.1 has none), 31 days over
    assert pairs["overdue_share"] == (1, 1)
    assert found["overdue_share"]["ageing"]["31-90"] == 1
    # open: 2925's 1.1 and 9790's 2.1, neither deadline ever moved
    assert pairs["extended_share"] == (0, 2)
    # all seven actions agreed by then; 5 completed, 1 with no status
    assert pairs["implementation_rate"] == (5, 7)
    assert found["implementation_rate"]["not_reported"] == 1


# --- the office import of the same matrices ---------------------------------------------------

# The pages' key-action tables as an evaluation office would paste them into Excel, one row per
# action: the responses' text and the actions' descriptions and comments come from the records
# (so they are the same paraphrases), the rest is written as the pages write it.
HEADER = ("Recommendation", "Management response", "Key Action", "Responsible", "DueDate",
          "Status", "Comments")
# per page: (Prepared by, Date), and per recommendation the number written before its text and,
# per action, (the number written before its description, Responsible, DueDate, Status)
TABLES: dict[str, tuple[tuple[str, str], dict[str, tuple[tuple[str, str, str, str], ...]]]] = {
    "9724": (("Myanmar", "2019/05/08"), {
        "R1": (("1.1. ", "Project Team", "2019/03", "Completed"),
               ("1.2. ", "Project Team", "2020/10", "Completed"))}),
    "9722": (("Myanmar", "2019/01/02"), {
        # the page lists "1. PT / WCS" and "2. UNDP" in one cell
        "R1": (("R1.1: ", "1. PT / WCS\n2. UNDP", "2019/06", "Completed"),)}),
    "2925": (("Fiji", "2012/10/07"), {
        "R1": (("", "UN Agencies and UNDAF ME TWG", "No due date", "No deadline established"),),
        "R2": (("", "CPG", "2010/12", "Completed"),),
        "R3": ()}),
    "9790": (("Fiji", "2019/10/22"), {
        "R1": (("1.1 ", "Project Implementation Unit (PIU)", "2020/04", "Completed"),),
        "R2": (("", "PMU", "2021/06", "Initiated"),),
        "R3": ()}),
}


def _answer(response: dict[str, Any]) -> str:
    """The Management response cell: the decision word, then the rest of the answer."""
    words = [response.get("decision_text", ""), response.get("rationale", ""),
             response.get("comments", "")]
    if response.get("decision_text") and response.get("comments"):
        words[0] += " -"
    return " ".join(w for w in words if w)


def _table(page: str, path: Path) -> Path:
    (prepared_by, date), actions = TABLES[page]
    evaluation = _data(RECORDS / "evaluations" / f"EV-ERC-{page}.yaml")
    response = _data(RECORDS / "responses" / f"MR-ERC-{page}.yaml")
    texts = {r["id"]: r["text"] for r in evaluation["recommendations"]}
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Prepared by:", prepared_by])
    sheet.append(["Date:", date])
    sheet.append([])
    sheet.append(list(HEADER))
    for answer in response["responses"]:
        rec = answer["recommendation"]
        first = sheet.max_row + 1
        written = actions[rec] or (("", "", "", ""),)
        for (number, responsible, due, status), action in zip(
                written, answer.get("actions") or [{}], strict=True):
            updates = action.get("updates") or [{}]
            sheet.append(["", "", number + action.get("description", "") if action else "",
                          responsible, due, status, updates[-1].get("text", "")])
        sheet.cell(first, 1, f"{rec[1:]}. {texts[rec]}")
        sheet.cell(first, 2, _answer(answer))
        if sheet.max_row > first:
            for column in (1, 2):
                sheet.merge_cells(start_row=first, start_column=column, end_row=sheet.max_row,
                                  end_column=column)
    book.save(str(path))
    return path


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The four tables imported into a copy of the records without their responses; returns
    the copy and what each import printed."""
    root = isolated(tmp_path_factory.mktemp("imported"), responses=False)
    printed = {}
    for page in TABLES:
        table = _table(page, root / f"erc-{page}.xlsx")
        done = run_cli("import", "matrix", table.name, "--evaluation", f"EV-ERC-{page}",
                       cwd=root)
        # 1: written, with something to look at (at least: actions numbered by place, or an
        # answer that is no decision)
        assert done.returncode == 1, done.stdout + done.stderr
        printed[page] = done.stdout
    return root, printed


def _what_the_import_can_hold(page: str) -> dict[str, Any]:
    """The committed record, less what a one-row-per-action table cannot carry. This is the
    list of what the import path loses against the hand-written records."""
    record = deepcopy(_data(RECORDS / "responses" / f"MR-ERC-{page}.yaml"))
    record["source"] = f"erc-{page}.xlsx"    # the table, not the ERC page's address
    for answer in record["responses"]:
        answer.pop("notes", None)            # our note that the stored copy ends
        if "decision" not in answer and "comments" in answer:
            # an answer with no decision word is kept whole as decision_text ("not a decision
            # evalcheck knows"), not as the response's comments
            answer["decision_text"] = answer.pop("comments")
        for action in answer.get("actions", []):
            if "updates" in action:
                # the Comments column becomes `comments`: the date of the comment (ERC's
                # [Last Updated: ...]) has no column, so the update and its date are lost
                action["comments"] = action.pop("updates")[-1]["text"]
    return record


@pytest.mark.parametrize("page", list(TABLES))
def test_the_import_reads_the_tables(imported: tuple[Path, dict[str, str]], page: str) -> None:
    root, _ = imported
    found = _data(root / "records" / "responses" / f"MR-ERC-{page}.yaml")
    expected = _what_the_import_can_hold(page)
    # The ERC dates (YYYY/MM/DD) are not read: test_the_import_reads_erc_dates.
    found.pop("date", None)
    expected.pop("date")
    if page == "2925":
        # "UN Agencies" loses its "UN": test_the_import_keeps_the_un_of_un_agencies.
        found["responses"][0]["actions"][0].pop("responsible")
        expected["responses"][0]["actions"][0].pop("responsible")
    if page == "9722":
        # "R1.1:" is not read as the action's number: test_the_import_reads_r_numbered_actions.
        for record in (found, expected):
            action = record["responses"][0]["actions"][0]
            action.pop("id")
            action["description"] = action["description"].removeprefix("R1.1: ")
    assert found == expected


def test_the_import_adds_no_owner_but_one(imported: tuple[Path, dict[str, str]]) -> None:
    """Every unit the tables name is in the registry (by name or alias); the one addition is
    the defect test_the_import_keeps_the_un_of_un_agencies is about."""
    root, _ = imported
    before = {o["id"] for o in _data(RECORDS / "owners.yaml")["owners"]}
    after = {o["id"] for o in _data(root / "records" / "owners.yaml")["owners"]}
    assert after - before <= {"agencies"}
    assert before <= after


def test_the_import_reads_erc_dates(imported: tuple[Path, dict[str, str]]) -> None:
    root, printed = imported
    dates = {page: _data(root / "records" / "responses" / f"MR-ERC-{page}.yaml").get("date")
             for page in TABLES}
    assert dates == {"9724": "2019-05-08", "9722": "2019-01-02", "2925": "2012-10-07",
                     "9790": "2019-10-22"}
    assert not any("is not a date evalcheck can read" in out for out in printed.values())


def test_the_import_keeps_the_un_of_un_agencies(imported: tuple[Path, dict[str, str]]) -> None:
    root, _ = imported
    found = _data(root / "records" / "responses" / "MR-ERC-2925.yaml")
    assert found["responses"][0]["actions"][0]["responsible"] == ["un-agencies", "undaf-me-twg"]


def test_the_import_reads_r_numbered_actions(imported: tuple[Path, dict[str, str]]) -> None:
    root, _ = imported
    action = _data(root / "records" / "responses" / "MR-ERC-9722.yaml")[
        "responses"][0]["actions"][0]
    assert not action["description"].startswith("R1.1")
    assert action["id"] in ("R1.1", "1.1")


def test_lint_sees_the_contradiction_in_the_imported_comments(
        imported: tuple[Path, dict[str, str]]) -> None:
    root, _ = imported
    found = [(p["path"], p["message"]) for p in _lint(root)
             if p["check"] == "status-contradicts-update"]
    assert len(found) == 1
    assert found[0][0] == MR["9724"]
    assert "action 1.2" in found[0][1] and "its comments say 'disbanded'" in found[0][1]
