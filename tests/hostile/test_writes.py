"""Writes: an interrupted write leaves the original record intact, and lint/validate/report
never write to records at all."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO, git

from hostile.cases import CASES
from hostile.kit import AS_OF, CORPUS, new_repo, run_limited, snapshot

ORIGINAL = b"kind: evaluation\nid: EV-2024-01\ntitle: Original\nstatus: planned\nowner: me-unit\n"
CHILD = ("import sys\nfrom pathlib import Path\nfrom evalcheck.loading import write_atomic\n"
         "write_atomic(Path(sys.argv[1]), b'N' * int(sys.argv[2]))\n")


def _child(target: Path, size: int, **kw: object) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-c", CHILD, str(target), str(size)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            **kw)  # type: ignore[call-overload]


def _temporaries(folder: Path, name: str) -> list[Path]:
    return [p for p in folder.iterdir() if p.name != name]


def _kill_mid_write(target: Path, size: int) -> bool:
    """Start a write of `size` bytes and SIGKILL it once its temporary file has data.
    False when the write finished before it could be caught (the caller tries a bigger one)."""
    child = _child(target, size)
    deadline = time.monotonic() + 30
    try:
        while child.poll() is None and time.monotonic() < deadline:
            started = [p for p in _temporaries(target.parent, target.name)
                       if p.exists() and p.stat().st_size > 0]
            if started:
                child.send_signal(signal.SIGKILL)
                break
            time.sleep(0.0005)
    finally:
        child.communicate(timeout=30)
    return child.returncode == -signal.SIGKILL


def test_a_write_killed_midway_leaves_the_original_intact(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    target = folder / "EV-2024-01.yaml"
    target.write_bytes(ORIGINAL)
    target.chmod(0o640)
    for size in (64 << 20, 256 << 20, 1 << 30):
        if _kill_mid_write(target, size):
            break
        target.write_bytes(ORIGINAL)  # the write won the race: put the original back, go bigger
        for leftover in _temporaries(folder, target.name):
            leftover.unlink()
    else:
        raise AssertionError("could not interrupt a write of 1 GiB: nothing was tested")
    assert target.read_bytes() == ORIGINAL
    assert target.stat().st_mode & 0o777 == 0o640
    leftovers = _temporaries(folder, target.name)
    assert leftovers, "the kill landed while the temporary file was being written"
    for p in leftovers:  # hidden, beside the target, and never taken for a record
        assert p.name.startswith(f".{target.name}.") and p.name.endswith(".tmp"), p.name
        assert p.parent == folder


def test_leftover_temporary_files_are_not_read_as_records(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    (repo / "records" / ".EV-2024-01.yaml.k3j9x2.tmp").write_bytes(b"kind: evaluation\n[[")
    run = run_limited("lint", "--format", "json", "--as-of", AS_OF, cwd=repo)
    assert (run.returncode, run.stdout.strip()) == (0, "[]"), run


def test_a_failed_write_cleans_up_and_keeps_the_original(tmp_path: Path) -> None:
    """Past the file-size limit the write fails (EFBIG): the error surfaces, the temporary file
    is removed and the original is untouched."""
    folder = tmp_path / "records"
    folder.mkdir()
    target = folder / "EV-2024-01.yaml"
    target.write_bytes(ORIGINAL)

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, 1 << 20))

    child = _child(target, 8 << 20, preexec_fn=small_files)
    _, err = child.communicate(timeout=30)
    assert child.returncode == 1
    assert b"file too large" in err.lower()
    assert target.read_bytes() == ORIGINAL
    assert _temporaries(folder, target.name) == []


def test_a_completed_write_replaces_the_file_whole_and_keeps_its_mode(tmp_path: Path) -> None:
    """The other half of the promise: after a write that finishes, the new bytes are there."""
    target = tmp_path / "EV-2024-01.yaml"
    target.write_bytes(ORIGINAL)
    target.chmod(0o600)
    child = _child(target, 1000)
    _, err = child.communicate(timeout=30)
    assert child.returncode == 0, err
    assert target.read_bytes() == b"N" * 1000
    assert target.stat().st_mode & 0o777 == 0o600
    assert _temporaries(tmp_path, target.name) == []


def test_a_write_in_pieces_that_fails_midway_keeps_the_original(tmp_path: Path) -> None:
    """Reports are written in pieces as they are made (report.json); a renderer that fails
    after some pieces leaves the old file whole and no temporary file behind."""
    from evalcheck.loading import write_atomic

    target = tmp_path / "report.json"
    target.write_bytes(ORIGINAL)

    def pieces() -> Iterator[str]:
        yield "{\n" * 1000
        raise RuntimeError("the renderer broke")

    with pytest.raises(RuntimeError, match="renderer broke"):
        write_atomic(target, pieces())
    assert target.read_bytes() == ORIGINAL
    assert _temporaries(tmp_path, target.name) == []
    write_atomic(target, iter(["é", "\n", b"bytes too"]))  # type: ignore[list-item]
    assert target.read_bytes() == "é\nbytes too".encode()


# Too big to commit to a throw-away repository quickly (50 MB each), or not a file git keeps.
NOT_HERE = {"big-50mb.yaml", "deep-block-indented.yaml", "fifo.yaml"}


def test_lint_validate_and_report_never_modify_a_record(tmp_path: Path) -> None:
    """The whole committed corpus, the small generated cases and the bundled records in one
    repository; every read-only command in every format; not one byte, mode or link changes."""
    repo = new_repo(tmp_path / "repo")
    shutil.copytree(REPO / "records", repo / "records" / "seeds")
    corpus, outside = _mkdir(repo / "records" / "corpus"), _mkdir(tmp_path / "outside")
    for case in CASES:
        if case.corpus:
            shutil.copyfile(CORPUS / case.corpus, corpus / case.name)
        elif case.make is not None and case.name not in NOT_HERE:
            case.make(repo / "records" / case.name, outside)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "corpus")
    before = snapshot(repo)
    assert sum(k.startswith("records/corpus/") for k in before) == sum(
        bool(c.corpus) for c in CASES)
    dated = [["validate", "--format", fmt] for fmt in ("text", "json", "github")]
    dated += [["lint", "--format", fmt] for fmt in ("text", "json", "github", "sarif",
                                                    "markdown")]
    if (REPO / "evalcheck" / "commands" / "report.py").exists():
        dated += [["report", "--out", str(tmp_path / "site")], ["report"],
                  ["report", "--base", "HEAD", "--format", "json"]]
    commands = [[*args, "--as-of", AS_OF] for args in dated]
    if (REPO / "evalcheck" / "commands" / "report.py").exists():
        commands.append(["diff", "HEAD"])
    for args in commands:
        run = run_limited(*args, cwd=repo, timeout=30)
        assert "Traceback" not in run.stderr, (args, run.stderr)
        assert run.returncode in (0, 1), (args, run.returncode, run.stderr)
    assert snapshot(repo) == before
    assert git(repo, "status", "--porcelain") == ""


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def test_a_cache_dir_over_the_records_never_deletes_or_hides_a_record(tmp_path: Path) -> None:
    """`cache-dir` comes from the repository's config, so a pull request can set it. Pointed at
    records/, the cache must not remove record folders nor write a `*` .gitignore there."""
    repo = new_repo(tmp_path / "repo")
    folder = repo / "records" / "evaluations-2024-q1x"  # 20 characters, like a namespace
    folder.mkdir()
    (folder / "EV-2024-01.yaml").write_bytes(ORIGINAL)
    (repo / ".evalcheck.yaml").write_text("cache-dir: records\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "records")
    before = snapshot(repo / "records")
    for _ in range(2):
        run_limited("lint", "--as-of", AS_OF, cwd=repo, timeout=30)
    after = snapshot(repo / "records")
    assert {k: v for k, v in after.items() if k in before} == before, "a record was lost"
    assert git(repo, "status", "--porcelain", "--ignored", "records") == ""


def test_a_cache_committed_with_the_records_is_not_trusted(tmp_path: Path) -> None:
    """A pull request can commit `.evalcheck_cache/` (git add -f). Its entries are keyed by a
    record's content digest, so a forged entry can say a broken record is clean."""
    from evalcheck import cache, loading

    repo = new_repo(tmp_path / "repo")
    broken = ORIGINAL.replace(b"status: planned", b"status: finished")
    (repo / "records" / "EV-2024-01.yaml").write_bytes(ORIGINAL)
    run_limited("lint", "--as-of", AS_OF, cwd=repo, timeout=30)  # the attacker's own run
    [light] = (repo / ".evalcheck_cache").glob("*/light")
    token, entries = cache._read(light)  # the attacker knows the format
    entries[loading.digest_of(broken)] = entries[loading.digest_of(ORIGINAL)]
    cache._write(light, (token, entries))
    (repo / "records" / "EV-2024-01.yaml").write_bytes(broken)
    git(repo, "add", "-A")
    git(repo, "add", "-f", ".evalcheck_cache")
    git(repo, "commit", "-qm", "a pull request with a forged cache")
    clone = tmp_path / "ci-checkout"
    git(tmp_path, "clone", "-q", str(repo), str(clone))
    run = run_limited("lint", "--format", "json", "--as-of", AS_OF, cwd=clone, timeout=30)
    assert "'finished'" in run.stdout, "the forged cache entry hid the record's schema error"
    assert run.returncode == 1
