"""`evalcheck new` and `evalcheck schema`, through the real CLI in temporary repositories.

The promise tested: a new record lints clean once exactly the placeholders that `new` lists are
replaced, and before that every problem lint reports is on a placeholder's line.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO, run_cli, write_files
from records_kit import evaluation

AS_OF = "2024-06-30"
LISTED = re.compile(r"^\s+line (\d+)\s+(.+?): (TODO-[\w.-]+)", re.M)
EVALUATION_WITH_RECOMMENDATIONS = evaluation(
    "EV-2023-PMM", title="Final evaluation of the regional migration project",
    report_date="2024-05-15", block=True, recommendations=[
        ("R1", "Strengthen the data collection of the country offices."),
        ('"2"', "Publish the guidance on child migration in three languages.", "programme-unit")])
REAL_VALUES = {
    "title": "Mid-term review of the border management programme",
    "decision": "accepted",
    "deadline": "2030-12",
    "responsible": "programme-unit",
}
ACTION_TEXTS = (
    "Run a survey of country offices on their data needs before the next regional meeting.",
    "Translate and publish the child migration guidance in English, Spanish and Portuguese.",
)


def lint_json(repo: Path, path: str) -> list[dict[str, object]]:
    result = run_cli("lint", "--as-of", AS_OF, "--format", "json", path, cwd=repo)
    assert result.returncode in (0, 1), result.stderr
    problems: list[dict[str, object]] = json.loads(result.stdout)
    return problems


def listed_placeholders(stdout: str) -> list[tuple[int, str]]:
    return [(int(line), value) for line, _, value in LISTED.findall(stdout)]


def real_value(placeholder: str, actions: Iterator[str]) -> str:
    if placeholder.endswith("-action"):
        return next(actions)
    return REAL_VALUES[placeholder.rsplit("-", 1)[-1]]


@pytest.mark.parametrize(("args", "path"), [
    (["evaluation", "EV-2024-01", "--owner", "me-unit"], "records/evaluations/EV-2024-01.yaml"),
    (["project", "PRJ-7", "--owner", "programme-unit"], "records/projects/PRJ-7.yaml"),
    (["management-response", "MR-2023-PMM", "--evaluation", "EV-2023-PMM", "--owner", "me-unit"],
     "records/responses/MR-2023-PMM.yaml"),
], ids=["evaluation", "project", "management-response"])
def test_new_record_lints_clean_once_the_listed_placeholders_are_filled(
        repo: Path, args: list[str], path: str) -> None:
    write_files(repo, {"records/evaluations/EV-2023-PMM.yaml": EVALUATION_WITH_RECOMMENDATIONS})
    assert run_cli("schema", "--export", "schema", cwd=repo).returncode == 0
    result = run_cli("new", *args, cwd=repo)
    assert result.returncode == 0, result.stderr
    assert f"Wrote {path}" in result.stdout
    assert result.stderr == ""  # owner known, schema exported: nothing to warn about
    target = repo / path
    text = target.read_text(encoding="utf-8")
    lines = text.splitlines()

    # The modeline points at the schema, relative to the new file.
    kind = args[0]
    modeline = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", lines[0])
    assert modeline, lines[0]
    assert (target.parent / modeline.group(1)).resolve() == \
        (repo / "schema" / f"{kind}.schema.json").resolve()

    # Every TODO- outside comments is listed, on the line the listing says.
    placeholders = listed_placeholders(result.stdout)
    assert placeholders
    for line, value in placeholders:
        assert value in lines[line - 1]
    in_values = [m for ln in lines if not ln.lstrip().startswith("#")
                 for m in re.findall(r"TODO-[\w.-]+", ln.split("  #")[0])]
    assert sorted(in_values) == sorted(v for _, v in placeholders)

    # Before: only the placeholders' lines have problems.
    placeholder_lines = {line for line, _ in placeholders}
    before = lint_json(repo, path)
    assert {p["line"] for p in before} <= placeholder_lines, before
    if kind == "management-response":  # decisions, deadlines and owners are checked values
        assert {p["check"] for p in before} >= {"schema", "unknown-owner"}

    # After replacing exactly those placeholders: nothing to report.
    actions = iter(ACTION_TEXTS)
    for _, value in placeholders:
        assert text.count(value) == 1
        text = text.replace(value, real_value(value, actions))
    target.write_text(text, encoding="utf-8")
    assert lint_json(repo, path) == []


def test_management_response_answers_each_recommendation_of_its_evaluation(repo: Path) -> None:
    write_files(repo, {"records/evaluations/EV-2023-PMM.yaml": EVALUATION_WITH_RECOMMENDATIONS})
    result = run_cli("new", "management-response", "MR-1", "--evaluation", "EV-2023-PMM",
                     "--owner", "me-unit", cwd=repo)
    assert result.returncode == 0, result.stderr
    text = (repo / "records/responses/MR-1.yaml").read_text(encoding="utf-8")
    assert re.findall(r"- recommendation: (\S+)", text) == ["R1", '"2"']
    assert re.findall(r"- id: (\S+)", text) == ['"1.1"', '"2.1"']


def test_without_known_recommendations_the_recommendation_id_is_a_placeholder(
        repo: Path) -> None:
    result = run_cli("new", "management-response", "MR-1", "--evaluation", "EV-NOT-YET",
                     "--owner", "me-unit", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert "evaluation EV-NOT-YET is not in the records yet" in result.stderr
    values = [v for _, v in listed_placeholders(result.stdout)]
    assert "TODO-recommendation-id" in values


def test_new_never_writes_over_a_file_or_a_known_id(repo: Path) -> None:
    write_files(repo, {"records/evaluations/EV-2023-PMM.yaml": EVALUATION_WITH_RECOMMENDATIONS,
                       "notes/mine.yaml": "kind: project\n"})
    original = (repo / "records/evaluations/EV-2023-PMM.yaml").read_bytes()

    same_id = run_cli("new", "evaluation", "EV-2023-PMM", "--owner", "me-unit",
                      "--out", "elsewhere.yaml", cwd=repo)
    assert same_id.returncode == 2
    assert "an evaluation with id EV-2023-PMM already exists" in same_id.stderr
    assert not (repo / "elsewhere.yaml").exists()

    same_file = run_cli("new", "project", "PRJ-9", "--owner", "me-unit",
                        "--out", "notes/mine.yaml", cwd=repo)
    assert same_file.returncode == 2
    assert "notes/mine.yaml already exists" in same_file.stderr
    assert (repo / "notes/mine.yaml").read_text() == "kind: project\n"

    second = run_cli("new", "management-response", "MR-1", "--evaluation", "EV-2023-PMM",
                     "--owner", "me-unit", cwd=repo)
    assert second.returncode == 0
    again = run_cli("new", "management-response", "MR-2", "--evaluation", "EV-2023-PMM",
                    "--owner", "me-unit", cwd=repo)
    assert again.returncode == 2 and "already has a management response" in again.stderr
    assert (repo / "records/evaluations/EV-2023-PMM.yaml").read_bytes() == original
    assert sorted(p.name for p in repo.rglob("*.tmp")) == []


def test_bad_ids_are_usage_errors(repo: Path) -> None:
    result = run_cli("new", "evaluation", "EV 1", "--owner", "me-unit", cwd=repo)
    assert result.returncode == 2
    assert result.stderr.startswith("evalcheck: error: evaluation id 'EV 1' is not a valid id")
    assert not (repo / "records" / "evaluations").exists()


def test_unknown_owner_and_missing_schema_are_pointed_out(repo: Path) -> None:
    result = run_cli("new", "evaluation", "EV-1", "--owner", "nobody", "--title", "A title",
                     cwd=repo)
    assert result.returncode == 0
    assert "owner nobody is not in the owners registry" in result.stderr
    assert "evalcheck new owner nobody" in result.stderr
    assert "run `evalcheck schema --export schema`" in result.stderr
    assert "Fill these placeholders" not in result.stdout  # the title was given
    assert "title: A title\n" in (repo / "records/evaluations/EV-1.yaml").read_text()


def test_values_that_yaml_would_misread_are_quoted(repo: Path) -> None:
    result = run_cli("new", "project", "PRJ-1", "--owner", "me-unit",
                     "--title", "Yes: a project # with a hash", cwd=repo)
    assert result.returncode == 0
    assert lint_json(repo, "records/projects/PRJ-1.yaml") == []
    assert 'title: "Yes: a project # with a hash"' in \
        (repo / "records/projects/PRJ-1.yaml").read_text()


COMMENTED_REGISTRY = """\
# Who owns what. Keep ids stable: records refer to them.
kind: owners
owners:
  # Units
  - id: me-unit        # the M&E unit
    name: M&E Unit
    type: unit
  - id: programme-unit
    name: Programme Unit
    type: unit
notes: >-
  A folded note that a reformatting writer would
  re-wrap or re-indent.
"""


def test_new_owner_appends_and_keeps_everything_else(repo: Path) -> None:
    registry = repo / "records/owners.yaml"
    registry.write_text(COMMENTED_REGISTRY, encoding="utf-8")
    result = run_cli("new", "owner", "jane-doe", "--name", "Jane Doe", "--type", "person",
                     "--github", "@acme/me-team", "--parent", "me-unit", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert "Added owner jane-doe to records/owners.yaml" in result.stdout
    new = registry.read_text(encoding="utf-8")
    added = [line for tag, line in ((d[0], d[2:]) for d in
                                    difflib.ndiff(COMMENTED_REGISTRY.splitlines(),
                                                  new.splitlines())) if tag == "+"]
    removed = [d for d in difflib.ndiff(COMMENTED_REGISTRY.splitlines(), new.splitlines())
               if d.startswith("- ")]
    assert removed == []
    assert added == ["  - id: jane-doe", "    name: Jane Doe", "    type: person",
                     "    github: '@acme/me-team'", "    parent: me-unit"]
    assert new.index("jane-doe") < new.index("notes:")
    assert lint_json(repo, "records/owners.yaml") == []

    # The new owner is usable at once.
    assert run_cli("new", "evaluation", "EV-1", "--owner", "jane-doe", cwd=repo).stderr \
        .find("not in the owners registry") == -1


def test_new_owner_follows_a_flow_style_registry(repo: Path) -> None:
    result = run_cli("new", "owner", "donor", "--name", "The Donor", "--type", "external",
                     cwd=repo)
    assert result.returncode == 0, result.stderr
    text = (repo / "records/owners.yaml").read_text()
    assert text.endswith("  - {id: programme-unit, name: Programme Unit, type: unit}\n"
                         "  - {id: donor, name: The Donor, type: external}\n")


def test_new_owner_with_aliases_that_the_importer_maps(repo: Path) -> None:
    result = run_cli("new", "owner", "pmm-focal-points", "--name", "PMM focal points", "--type",
                     "unit", "--aliases", "PFs PMM; Puntos focales, PMM", "--aliases",
                     "Points focaux", cwd=repo)
    assert result.returncode == 0, result.stderr
    text = (repo / "records/owners.yaml").read_text()
    assert text.endswith('  - {id: pmm-focal-points, name: PMM focal points, type: unit, '
                         "aliases: [PFs PMM, 'Puntos focales, PMM', Points focaux]}\n")
    assert lint_json(repo, "records/owners.yaml") == []
    from evalcheck.office.owners import OwnerIndex
    from evalcheck.yamlload import parse

    index = OwnerIndex(parse(text.encode()).data["owners"])
    assert index.resolve("POINTS FOCAUX").ids == ["pmm-focal-points"]
    assert index.resolve("PFS PMM").ids == ["pmm-focal-points"]


def test_new_owner_aliases_in_a_block_style_registry(repo: Path) -> None:
    registry = repo / "records/owners.yaml"
    registry.write_text(COMMENTED_REGISTRY, encoding="utf-8")
    result = run_cli("new", "owner", "me-team", "--name", "M&E Team", "--type", "unit",
                     "--aliases", "Équipe S&E", cwd=repo)
    assert result.returncode == 0, result.stderr
    new = registry.read_text(encoding="utf-8")
    assert "  - id: me-team\n    name: M&E Team\n    type: unit\n    aliases: [Équipe S&E]\n" \
        in new
    assert lint_json(repo, "records/owners.yaml") == []


@pytest.mark.parametrize(("args", "message"), [
    (["me-unit", "--name", "Again", "--type", "unit"], "owner me-unit is already in the owners"),
    (["x", "--name", "X", "--type", "unit", "--aliases", " ; "], "--aliases is empty"),
    (["x", "--name", "X", "--type", "unit", "--github", "not a handle"], "is not a GitHub handle"),
    (["x", "--name", "X", "--type", "unit", "--parent", "nobody"], "--parent nobody is not in"),
    (["x", "--name", " ", "--type", "unit"], "--name is empty"),
])
def test_new_owner_refuses_what_lint_would_reject(repo: Path, args: list[str],
                                                  message: str) -> None:
    before = (repo / "records/owners.yaml").read_bytes()
    result = run_cli("new", "owner", *args, cwd=repo)
    assert result.returncode == 2
    assert message in result.stderr
    assert (repo / "records/owners.yaml").read_bytes() == before


def test_new_owner_refuses_rather_than_reformat_the_registry(repo: Path) -> None:
    odd = "kind: owners\nowners:\n  - id: a\n    name:    Spaced   out\n    type: unit\n"
    (repo / "records/owners.yaml").write_text(odd)
    result = run_cli("new", "owner", "b", "--name", "B", "--type", "unit", cwd=repo)
    assert result.returncode == 2
    assert "cannot add the owner without reformatting the registry" in result.stderr
    assert "  - id: b" in result.stderr  # the entry to paste by hand
    assert (repo / "records/owners.yaml").read_text() == odd


def test_new_owner_creates_the_registry_when_there_is_none(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    result = run_cli("new", "owner", "me-unit", "--name", "M&E Unit", "--type", "unit",
                     cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert lint_json(tmp_path, "records/owners.yaml") == []


def test_schema_export_writes_the_shipped_files_byte_for_byte(tmp_path: Path) -> None:
    result = run_cli("schema", "--export", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    shipped = sorted((REPO / "schema").glob("*.schema.json"))
    assert len(shipped) == 4
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [p.name for p in shipped]
    for path in shipped:
        assert (tmp_path / "out" / path.name).read_bytes() == path.read_bytes()


def test_schema_kind_prints_that_schema() -> None:
    result = run_cli("schema", "management-response")
    assert result.returncode == 0
    assert result.stdout == (REPO / "schema/management-response.schema.json").read_text()
    assert run_cli("schema", "nonsense").returncode == 2
