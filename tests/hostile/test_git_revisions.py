"""Issue 14, items 7 and 10: what `evalcheck diff REV` and `report --base REV` read from git.

Only regular blobs are records (a submodule entry named like a record once shifted the
`cat-file --batch` stream, so unchanged records showed as added and the real change was
hidden), and blobs are sized before they are read (`git ls-tree -l`), with the working tree's
limits (a 200 MB blob at the base revision once took 626 MB).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from conftest import git, run_cli, write_files

from hostile.kit import new_repo, run_limited

RECORD = "kind: evaluation\nid: {id}\ntitle: Evaluation {id}\nstatus: planned\nowner: me-unit\n"


def _commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message)


def _changes(repo: Path, rev: str = "HEAD~1") -> dict[str, list[str]]:
    run = run_limited("diff", rev, "--format", "json", cwd=repo, timeout=60)
    assert run.returncode == 0 and "Traceback" not in run.stderr, run
    data = json.loads(run.stdout)
    return {"added": [r["id"] for r in data["added"]],
            "removed": [r["id"] for r in data["removed"]]}


def test_a_gitlink_named_like_a_record_does_not_shift_the_others(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    write_files(repo, {f"records/ev-{n}.yaml": RECORD.format(id=f"EV-2024-0{n}")
                       for n in range(1, 6)})
    _commit(repo, "records")
    head = git(repo, "rev-parse", "HEAD").strip()
    # a submodule entry sorted before the records, pointing at a commit (whose content, read
    # as a blob, would be a few lines of text)
    git(repo, "update-index", "--add", "--cacheinfo", f"160000,{head},records/aaa-sub.yaml")
    git(repo, "commit", "-qm", "a gitlink named like a record")
    (repo / "records" / "ev-3.yaml").unlink()
    write_files(repo, {"records/ev-6.yaml": RECORD.format(id="EV-2024-06")})
    assert _changes(repo, "HEAD") == {"added": ["EV-2024-06"], "removed": ["EV-2024-03"]}


def test_a_link_at_the_revision_is_not_read_as_a_record(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    write_files(repo, {"records/ev-1.yaml": RECORD.format(id="EV-2024-01")})
    (repo / "records" / "ev-link.yaml").symlink_to("ev-1.yaml")
    _commit(repo, "a record and a link to it")
    (repo / "records" / "ev-link.yaml").unlink()
    assert _changes(repo, "HEAD") == {"added": [], "removed": []}


def _logging_git(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """PATH with a `git` that notes what each `git cat-file` is asked on its input, then runs
    the real git: what evalcheck reads from the object database, seen from outside."""
    real = shutil.which("git")
    assert real is not None
    folder = tmp_path / "bin"
    folder.mkdir()
    log = tmp_path / "cat-file"
    shim = folder / "git"
    shim.write_text(f"""#!/bin/sh
if [ "$1" = cat-file ]; then
  tee -a "{log}$2" | exec "{real}" "$@"
fi
exec "{real}" "$@"
""")
    shim.chmod(0o755)
    return {"PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}, log


def test_a_huge_blob_at_the_revision_is_sized_not_read(tmp_path: Path) -> None:
    """A blob past the size limit at the base is sized (`ls-tree -l`) and never read, like a
    working-tree file past the limit (a 200 MB one once took 626 MB)."""
    repo = new_repo(tmp_path / "repo")
    write_files(repo, {"records/ev-1.yaml": RECORD.format(id="EV-2024-01")})
    big = repo / "records" / "big.yaml"
    big.write_bytes((b"# " + b"x" * 97 + b"\n") * 100_001)  # 10,000,100 bytes
    _commit(repo, "a record past the size limit")
    oid = git(repo, "rev-parse", "HEAD:records/big.yaml").strip()
    small = git(repo, "rev-parse", "HEAD:records/ev-1.yaml").strip()
    big.unlink()
    write_files(repo, {"records/ev-2.yaml": RECORD.format(id="EV-2024-02")})
    env, log = _logging_git(tmp_path)
    result = run_cli("diff", "HEAD", "--format", "json", cwd=repo, env=env)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert [r["id"] for r in json.loads(result.stdout)["added"]] == ["EV-2024-02"]
    read = Path(f"{log}--batch").read_text()  # sizes come from `git ls-tree -l` first
    assert small in read and oid not in read
