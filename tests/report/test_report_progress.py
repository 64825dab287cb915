"""The progress story in every output (issue 13, item 5): per action its latest update (date and
text), comments, status in the source's words and evidence; per recommendation its decision in
the source's words, rationale and the response's date. One repository, `report --out`, every
file read back."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from conftest import run_cli, write_files
from records_kit import action, evaluation, management_response, owner, owners, response

from evalcheck.report.rows import latest_update

EVALUATION = evaluation("EV-1", title="Évaluation finale du programme d'appui",
                        report_date="2024-01-31", recommendations=(
                            ("R1", "Renforcer le suivi-évaluation."),
                            ("R2", "Créer un fonds commun.", "programme-unit"),
                            ("R3", "Publier un rapport annuel.")))
RESPONSE = management_response(date="2024-03-15", responses=(
    response("R1", decision_text="Acceptée", actions=[
        action("1.1", "Former les partenaires de mise en œuvre", block=True, deadline="2024-Q3",
               status_text="En retard",
               comments="Reportée à cause de la saison des pluies (S&E d'appui).",
               evidence=["https://example.org/rapport-atelier.pdf", '"javascript:alert(1)"',
                         "docs/evidence/liste-de-presence.pdf"],
               updates=["{date: 2024-05-02, text: Premier atelier tenu à Thiès.}",
                        "{date: 2024-09-30, text: Deuxième atelier reporté à janvier.}",
                        "{date: 2024-07-01, text: Salles réservées.}"]),
        action("1.2", "Recruter un chargé de suivi-évaluation", "programme-unit", block=True,
               deadline="2024-12", status="completed", completed_on="2024-07-15")]),
    response("R2", decision="rejected", decision_text="Rejetée",
             rationale="Le cadre juridique national ne permet pas un fonds commun."),
    response("R3", decision=None, decision_text="Pris note")))
LATEST = ("2024-09-30", "Deuxième atelier reporté à janvier.")
RATIONALE = "Le cadre juridique national ne permet pas un fonds commun."


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import git

    root = tmp_path_factory.mktemp("progress")
    git(root, "init", "-q", "-b", "main")
    write_files(root, {
        "records/owners.yaml": owners(owner("me-unit", name="Unité S&E"),
                                      owner("programme-unit", name="Programme d'appui")),
        "records/ev.yaml": EVALUATION, "records/mr.yaml": RESPONSE})
    done = run_cli("report", "--as-of", "2025-01-31", "--out", "site", cwd=root)
    assert done.returncode in (0, 1), done.stderr
    return root / "site"


@pytest.mark.parametrize(("updates", "expected"), [
    ([], ("", "")),
    ([{"date": "2024-05-02", "text": "a"}, {"date": "2024-09-30", "text": "b"},
      {"date": "2024-07-01", "text": "c"}], ("2024-09-30", "b")),
    ([{"date": "2024-05-02", "text": "first"}, {"date": "2024-05-02", "text": "second"}],
     ("2024-05-02", "second")),
    ([{"text": "undated"}, {"date": "2024-01-01", "text": "dated"}], ("2024-01-01", "dated")),
    ([{"text": "undated only"}], ("", "undated only")),
    ("not a list", ("", "")),
])
def test_latest_update_is_the_latest_by_date(updates: object,
                                              expected: tuple[str, str]) -> None:
    assert latest_update(updates) == expected


def test_json_has_the_story(site: Path) -> None:
    data = json.loads((site / "report.json").read_text(encoding="utf-8"))
    action = next(a for a in data["implementation"]["actions"] if a["id"] == "1.1")
    assert (action["latest_update_date"], action["latest_update"]) == LATEST
    assert action["status_text"] == "En retard"
    assert action["comments"].startswith("Reportée à cause")
    assert action["evidence"] == ["https://example.org/rapport-atelier.pdf",
                                  "javascript:alert(1)", "docs/evidence/liste-de-presence.pdf"]
    recs = {r["id"]: r for r in data["coverage"]["recommendations"]}
    assert (recs["R2"]["decision"], recs["R2"]["decision_text"], recs["R2"]["rationale"],
            recs["R2"]["response_date"]) == ("rejected", "Rejetée", RATIONALE, "2024-03-15")
    assert (recs["R3"]["decision"], recs["R3"]["decision_text"]) == ("no-decision", "Pris note")


def test_csv_has_the_story(site: Path) -> None:
    raw = (site / "actions.csv").read_bytes().decode("utf-8-sig")
    rows = {r["action_id"]: r for r in csv.DictReader(io.StringIO(raw, newline=""))}
    first = rows["1.1"]
    assert (first["latest_update_date"], first["latest_update"]) == LATEST
    assert (first["status_text"], first["decision_text"], first["response_date"]) == (
        "En retard", "Acceptée", "2024-03-15")
    assert first["evidence"].split() == ["https://example.org/rapport-atelier.pdf",
                                         "javascript:alert(1)",
                                         "docs/evidence/liste-de-presence.pdf"]
    assert rows["1.2"]["latest_update"] == "" and rows["1.2"]["rationale"] == ""


def test_markdown_has_the_story_in_plain_characters(site: Path) -> None:
    md = (site / "report.md").read_text(encoding="utf-8")
    progress = md[md.index("## Progress on actions"):md.index("## Deadlines moved")]
    assert "| EV-1 Évaluation finale du programme d'appui | R1 | 1.1 | Not reported (En " \
           "retard) | 2024-09-30: Deuxième atelier reporté à janvier. | Reportée à cause de la " \
           "saison des pluies (S&E d'appui). |" in progress
    assert "1 action with an update, comment or evidence; 1 action with none." in progress
    assert f"| Rejected (Rejetée) | {RATIONALE} | 2024-03-15 | 0 |" in md
    assert "| No decision yet (Pris note) |  | 2024-03-15 | 0 |" in md
    assert "Évaluation finale du programme d'appui" in md and "Unité S&E" in md
    assert "&#x27;" not in md and "&amp;" not in md


def test_html_has_the_story_and_only_web_links_are_links(site: Path) -> None:
    page = (site / "index.html").read_text(encoding="utf-8")
    table = page[page.index('id="t-actions"'):]
    table = table[:table.index("</table>")]
    assert '<span class="when">2024-09-30</span>' in table
    assert "Deuxième atelier reporté à janvier." in table
    assert '<span class="words">En retard</span>' in table
    assert "Reportée à cause de la saison des pluies (S&amp;E d&#x27;appui)." in table
    links = re.findall(r'<a href="([^"]*)"', table)
    assert links == ["https://example.org/rapport-atelier.pdf"]
    assert "<code>javascript:alert(1)</code>" in table
    assert "<code>docs/evidence/liste-de-presence.pdf</code>" in table
    recs = page[page.index('id="t-recommendations"'):]
    recs = recs[:recs.index("</table>")]
    assert RATIONALE in recs and '<span class="words">Rejetée</span>' in recs
    assert "2024-03-15" in recs
