"""`set` changes only the lines it edits (issue 14 item 11): a file's own indentation and line
endings stay, byte for byte, on every line it did not edit, and an action shared through a
YAML anchor and alias is refused rather than silently changing its twin."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import run_cli
from records_kit import evaluation

from hostile.kit import new_repo

PATH = "records/mr.yaml"
EVALUATION = evaluation("EV-2024-01", title="Final evaluation", recommendations=[
    ("R1", "Hire an officer."), ("R2", "Publish the results.")])
# Four spaces everywhere, dashes indented and followed by three spaces, as some editors write.
FOUR = """\
kind: management-response
id: MR-2024-01
evaluation: EV-2024-01
owner: me-unit   # four-space file
responses:
    -   recommendation: R1
        decision: accepted
        actions:
            -   id: "1.1"
                description: Hire an officer.
                deadline: 2024-03
                responsible: [me-unit]
            -   id: "1.2"
                description: Train the team.
                responsible: [me-unit]
    -   recommendation: R2
        decision: accepted
        actions:
            -   id: "2.1"
                description: Publish.
                responsible: [me-unit]
"""
EDIT = ("set", "MR-2024-01#1.1", "status=completed", "completed_on=2024-05-01",
        "--note", "Officer hired.", "--as-of", "2024-06-01")


def _repo(tmp_path: Path, record: bytes) -> Path:
    root = new_repo(tmp_path / "repo", {"records/ev.yaml": EVALUATION})
    (root / PATH).write_bytes(record)
    return root


def _lines(raw: bytes) -> list[bytes]:
    """Lines with their own ends (LF, CRLF or CR)."""
    return re.findall(rb"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", raw)


def _kept_in_order(old: bytes, new: bytes) -> list[bytes]:
    """Check every line of old is in new, byte for byte and in order; return the added lines."""
    added, rest = [], _lines(new)
    for line in _lines(old):
        while rest and rest[0] != line:
            added.append(rest.pop(0))
        assert rest, f"line {line!r} was changed or lost"
        rest.pop(0)
    return added + rest


def test_a_four_space_file_keeps_its_indentation(tmp_path: Path) -> None:
    root = _repo(tmp_path, FOUR.encode())
    result = run_cli(*EDIT, cwd=root)
    assert result.returncode == 0, result.stderr
    new = (root / PATH).read_bytes()
    assert _kept_in_order(FOUR.encode(), new) == [
        b"                status: completed\n",
        b"                completed_on: 2024-05-01\n",
        b"                updates:\n",
        b"                    -   date: 2024-06-01\n",
        b"                        text: Officer hired.\n",
    ]
    assert run_cli("validate", cwd=root).returncode == 0


def test_mixed_line_endings_stay_mixed(tmp_path: Path) -> None:
    lines = FOUR.splitlines()
    old = "".join(line + ("\r\n" if i % 2 else "\n") for i, line in enumerate(lines)).encode()
    root = _repo(tmp_path, old)
    assert run_cli(*EDIT, cwd=root).returncode == 0
    new = (root / PATH).read_bytes()
    added = _kept_in_order(old, new)
    assert len(added) == 5
    # new lines follow the line they come after: 'responsible' (line 12) ends in CRLF
    assert all(line.endswith(b"\r\n") for line in added), added
    assert new.count(b"\r\n") == old.count(b"\r\n") + 5
    assert new.count(b"\n") - new.count(b"\r\n") == old.count(b"\n") - old.count(b"\r\n")


def test_crlf_and_no_final_newline_stay(tmp_path: Path) -> None:
    old = FOUR.rstrip("\n").replace("\n", "\r\n").encode()
    root = _repo(tmp_path, old)
    assert run_cli("set", "MR-2024-01#2.1", "status=in-progress", cwd=root).returncode == 0
    new = (root / PATH).read_bytes()
    assert _kept_in_order(old + b"\r\n", new + b"\r\n") == [
        b"                status: in-progress\r\n"]
    assert not new.endswith(b"\n")
    assert b"\n" not in new.replace(b"\r\n", b"")


def test_cr_only_line_ends_stay_cr_only_or_the_file_is_refused(tmp_path: Path) -> None:
    """A file with bare CR line ends: kept CR-only, or, where the loader refuses such files as
    unsafe, refused in one line. Never written with other line ends."""
    old = FOUR.replace("\n", "\r").encode()
    root = _repo(tmp_path, old)
    result = run_cli(*EDIT, cwd=root)
    new = (root / PATH).read_bytes()
    if result.returncode == 0:
        assert b"\n" not in new
        assert len(_kept_in_order(old, new)) == 5
        assert run_cli("validate", cwd=root).returncode == 0
    else:
        assert result.returncode == 2, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert new == old


SHARED = """\
kind: management-response
id: MR-2024-01
evaluation: EV-2024-01
owner: me-unit
responses:
  - recommendation: R1
    decision: accepted
    actions:
      - &hire
        id: "1.1"
        description: Hire an officer.
        responsible: &who [me-unit]
  - recommendation: R2
    decision: accepted
    actions:
      - *hire
      - id: "2.2"
        description: Publish.
        responsible: *who
"""


@pytest.mark.parametrize(("action", "args", "named"), [
    ("MR-2024-01#R1/1.1", ["status=completed"], "action 1.1 is shared through the YAML "
                                                "anchor &hire"),
    ("MR-2024-01#R2/1.1", ["--note", "hired"], "action 1.1 is shared through the YAML "
                                               "anchor &hire"),
    ("MR-2024-01#2.2", ["responsible=programme-unit"], "action 2.2's responsible is shared "
                                                       "through the YAML anchor &who"),
])
def test_an_edit_through_an_alias_is_refused(tmp_path: Path, action: str, args: list[str],
                                             named: str) -> None:
    root = _repo(tmp_path, SHARED.encode())
    result = run_cli("set", action, *args, cwd=root)
    assert result.returncode == 2, result.stdout + result.stderr
    assert named in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert (root / PATH).read_bytes() == SHARED.encode()


def test_a_field_beside_an_alias_can_still_be_edited(tmp_path: Path) -> None:
    root = _repo(tmp_path, SHARED.encode())
    assert run_cli("set", "MR-2024-01#2.2", "status=in-progress", cwd=root).returncode == 0
    new = (root / PATH).read_bytes()
    assert _kept_in_order(SHARED.encode(), new) == [b"        status: in-progress\n"]
