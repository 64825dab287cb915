"""A run that names files (as pre-commit's does) says exactly what the full run says of them,
and what they break in other files, from a warm cache holding only the other records' facts.
The CLI runs as a real subprocess."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import run_cli

AS_OF = "2025-06-30"
Problems = list[dict[str, object]]


def lint(root: Path, *args: str) -> Problems:
    result = run_cli("lint", "--as-of", AS_OF, "--format", "json", "--no-baseline", *args,
                     cwd=root)
    assert result.returncode in (0, 1), result.stderr
    problems: Problems = json.loads(result.stdout)
    return problems


def of(problems: Problems, *paths: str) -> Problems:
    return [p for p in problems if p["path"] in paths]


def agrees(alone: Problems, full: Problems, *paths: str) -> bool:
    """The named files get what the full run gives them; other files only what it gives."""
    return of(alone, *paths) == of(full, *paths) and all(p in full for p in alone)


def shown(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def first(root: Path, folder: str, skip: int = 0) -> Path:
    return sorted((root / "records" / folder).rglob("*.yaml"))[skip]


def pack(root: Path) -> bytes:
    """The entries of the last full write."""
    return b"".join(p.read_bytes() for p in sorted(
        (root / ".evalcheck_cache").glob("*/[lh][ie][ga][hv]*")))


def test_named_files_get_what_the_full_run_gives_them(corpus: Path) -> None:
    full = lint(corpus)
    with_problems = sorted({str(p["path"]) for p in full})
    every = sorted(shown(corpus, p) for p in (corpus / "records").rglob("*.yaml"))
    clean = [p for p in every if p not in with_problems][:4]
    assert with_problems and clean
    for path in [*with_problems[:6], *clean, "records/owners.yaml"]:
        assert agrees(lint(corpus, path), full, path), path
    assert agrees(lint(corpus, *with_problems), full, *with_problems)


def _evaluation_id_taken(root: Path) -> Path:
    """The second evaluation takes the first one's id."""
    taken = re.search(r"^id: (\S+)", first(root, "evaluations").read_text(), re.M)
    victim = first(root, "evaluations", 1)
    assert taken
    victim.write_text(re.sub(r"^id: \S+", f"id: {taken.group(1)}", victim.read_text(),
                             count=1, flags=re.M))
    return victim


def _unknown_recommendation(root: Path) -> Path:
    victim = first(root, "responses")
    victim.write_text(victim.read_text().replace("- recommendation: R1\n",
                                                 "- recommendation: R99\n", 1))
    return victim


def _unknown_owner(root: Path) -> Path:
    victim = first(root, "responses")
    victim.write_text(re.sub(r"^owner: \S+", "owner: nobody-we-know", victim.read_text(),
                             count=1, flags=re.M))
    return victim


def _recommendation_dropped(root: Path) -> Path:
    """The evaluation of the first response loses the R1 its response answers."""
    response = first(root, "responses").read_text()
    ident = re.search(r"^evaluation: (\S+)", response, re.M)
    assert ident and "- recommendation: R1\n" in response
    victim = next(p for p in sorted((root / "records" / "evaluations").rglob("*.yaml"))
                  if re.search(rf"^id: {re.escape(ident.group(1))}$", p.read_text(), re.M))
    victim.write_text(victim.read_text().replace("- id: R1\n", "- id: R1-renamed\n", 1))
    return victim


def _second_response(root: Path) -> Path:
    """A second matrix for an evaluation that has one, under another id."""
    original = first(root, "responses")
    copy = original.with_name("zz-copy.yaml")
    copy.write_text(re.sub(r"^id: (\S+)", r"id: \1-copy", original.read_text(), count=1,
                           flags=re.M))
    return copy


def _owner_defined_twice(root: Path) -> Path:
    registry = root / "records" / "owners.yaml"
    text = registry.read_text()
    entry = re.search(r"^  - id: .*?(?=^  - id: )", text, re.M | re.S)
    assert entry
    registry.write_text(text + entry.group(0))
    return registry


EDITS: list[tuple[str, Callable[[Path], Path], str, bool]] = [
    ("evaluation-id-taken", _evaluation_id_taken, "duplicate-id", True),
    ("unknown-recommendation", _unknown_recommendation, "unknown-reference", True),
    ("unknown-owner", _unknown_owner, "unknown-owner", True),
    ("second-response", _second_response, "duplicate-record", True),
    ("owner-defined-twice", _owner_defined_twice, "duplicate-id", True),
    # the problem is in the response, which the run does not name: reported there
    ("recommendation-dropped", _recommendation_dropped, "unknown-reference", False),
]


@pytest.mark.parametrize(("edit", "check", "in_named"), [e[1:] for e in EDITS],
                         ids=[e[0] for e in EDITS])
def test_a_cross_record_problem_the_named_file_makes(
        corpus: Path, edit: Callable[[Path], Path], check: str, in_named: bool) -> None:
    lint(corpus)  # warm
    before = pack(corpus)
    path = shown(corpus, edit(corpus))
    alone = lint(corpus, path)
    assert any(p["check"] == check and (p["path"] == path) is in_named for p in alone), alone
    assert agrees(alone, lint(corpus, "--no-cache"), path)
    assert pack(corpus) == before, "a run naming files rewrote the light or heavy file"
    assert lint(corpus, path) == alone  # and again, from what it kept
