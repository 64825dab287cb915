"""Issue 14, item 1: every file evalcheck writes on request (-o/--output, --write-baseline,
report --out, export, codeowners -o, schema --export) is written in place when it is not a
regular file - a device, a named pipe, a link such as /dev/stdout or a shell's `>(...)` - and
never replaced; any failure to write is one line and exit 2.

Everything happens in the test's temporary folder: the device is a node made there with
os.mknod (needs root, as CI images run), the pipe a mkfifo there, /dev/stdout a link there.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, run_cli

from hostile.kit import AS_OF, new_repo

BROKEN = "kind: evaluation\nid: EV-2024-01\ntitle: Broken\nstatus: finished\nowner: me-unit\n"
ROOT = os.geteuid() == 0
needs_root = pytest.mark.skipif(not ROOT, reason="os.mknod needs root (CI images run as root)")


def _repo(tmp_path: Path) -> Path:
    return new_repo(tmp_path / "repo", {"records/broken.yaml": BROKEN})


def _null_device(path: Path) -> Path:
    """A character device node like /dev/null (1, 3), world-writable, in the temporary folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    os.chmod(path, 0o666)
    return path


def _is_null_device(path: Path) -> bool:
    st = path.lstat()
    return stat.S_ISCHR(st.st_mode) and st.st_rdev == os.makedev(1, 3) \
        and stat.S_IMODE(st.st_mode) == 0o666


def _one_line_error(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("evalcheck: error: "), result.stderr


@needs_root
@pytest.mark.parametrize("args", [
    ("lint", "--as-of", AS_OF, "-o", "{node}"),
    ("lint", "--as-of", AS_OF, "--format", "sarif", "--output", "{node}"),
    ("validate", "-o", "{node}"),
    ("lint", "--as-of", AS_OF, "--write-baseline", "{node}"),
    ("codeowners", "-o", "{node}"),
    ("export", "xlsx", "{node}.xlsx", "--as-of", AS_OF),
], ids=["lint", "lint-sarif", "validate", "write-baseline", "codeowners", "export"])
def test_a_device_is_written_to_never_replaced(tmp_path: Path, args: tuple[str, ...]) -> None:
    repo = _repo(tmp_path)
    node = tmp_path / "dev" / "null"
    target = Path(str(node) + (".xlsx" if args[0] == "export" else ""))
    _null_device(target)
    result = run_cli(*(a.format(node=node) for a in args), cwd=repo)
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1), result.stderr
    assert _is_null_device(target), "the device was replaced by a regular file"
    assert [p.name for p in target.parent.iterdir()] == [target.name], "a temporary file is left"


@needs_root
def test_report_out_writes_into_devices_in_its_folder(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    out = tmp_path / "site"
    names = ["index.html", "report.md", "actions.csv", "report.json"]
    for name in names:
        _null_device(out / name)
    result = run_cli("report", "--as-of", AS_OF, "--out", str(out), cwd=repo)
    assert result.returncode == 0, result.stderr
    assert all(_is_null_device(out / name) for name in names)
    assert sorted(p.name for p in out.iterdir()) == sorted(names)


@needs_root
def test_schema_export_writes_into_a_device(tmp_path: Path) -> None:
    out = tmp_path / "schema"
    node = _null_device(out / "evaluation.schema.json")
    result = run_cli("schema", "--export", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert _is_null_device(node)
    assert (out / "project.schema.json").is_file()


def _reader(fifo: Path) -> subprocess.Popen[bytes]:
    """`cat` on the pipe, as a CI step reading evalcheck's output would be."""
    return subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _read_all(reader: subprocess.Popen[bytes]) -> bytes:
    try:
        out, _ = reader.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        reader.kill()
        reader.communicate()
        pytest.fail("the pipe's reader is still waiting: the pipe was replaced, not written to")
    return out


@pytest.mark.parametrize("via_link", [False, True], ids=["fifo", "link-named-stdout-to-fifo"])
def test_a_named_pipe_gets_the_output(tmp_path: Path, via_link: bool) -> None:
    repo = _repo(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    target = fifo
    if via_link:  # what /dev/stdout is when a step's output goes to a pipe
        target = tmp_path / "dev" / "stdout"
        target.parent.mkdir()
        target.symlink_to(fifo)
    reader = _reader(fifo)
    result = run_cli("lint", "--as-of", AS_OF, "--format", "json", "-o", str(target), cwd=repo)
    got = _read_all(reader)
    assert result.returncode == 1, result.stderr
    assert [p["check"] for p in json.loads(got)] == ["schema"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    if via_link:
        assert target.is_symlink() and os.readlink(target) == str(fifo)


def test_a_link_to_the_process_own_stdout_writes_to_stdout(tmp_path: Path) -> None:
    """`-o /dev/stdout` and `-o >(tee x)` (bash's /dev/fd/63) are links that each process
    resolves to its own open file: here a link in the temporary folder to /proc/self/fd/N,
    where N is the write end of a pipe the test reads."""
    repo = _repo(tmp_path)
    read_end, write_end = os.pipe()
    link = tmp_path / "dev" / "fd" / "63"
    link.parent.mkdir(parents=True)
    link.symlink_to(f"/proc/self/fd/{write_end}")
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO)}
    env.pop("GITHUB_ACTIONS", None)
    child = subprocess.Popen(
        [sys.executable, "-m", "evalcheck", "lint", "--as-of", AS_OF, "--format", "sarif",
         "-o", str(link)], cwd=repo, env=env, pass_fds=(write_end,),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        got = pipe.read()
    _, err = child.communicate(timeout=60)
    assert b"Traceback" not in err, err.decode()
    assert child.returncode == 1, err.decode()
    assert json.loads(got)["runs"][0]["results"][0]["ruleId"] == "schema"
    assert link.is_symlink()
    assert sorted(p.name for p in link.parent.iterdir()) == ["63"]


@pytest.mark.parametrize("make", ["under-a-file", "dangling-link", "folder"])
def test_a_target_that_cannot_be_written_is_one_line_and_exit_2(tmp_path: Path,
                                                                make: str) -> None:
    repo = _repo(tmp_path)
    if make == "under-a-file":
        (tmp_path / "plain").write_text("x")
        target = tmp_path / "plain" / "out.json"
    elif make == "dangling-link":  # never created through a link
        target = tmp_path / "link.json"
        target.symlink_to(tmp_path / "nowhere" / "out.json")
    else:
        target = tmp_path / "folder.json"
        target.mkdir()
    for args in (("lint", "--as-of", AS_OF, "-o", str(target)),
                 ("lint", "--as-of", AS_OF, "--write-baseline", str(target))):
        result = run_cli(*args, cwd=repo)
        if make == "folder":  # click refuses it before evalcheck runs: a usage error
            assert result.returncode == 2 and "is a directory" in result.stderr
            assert "Traceback" not in result.stderr
            continue
        _one_line_error(result)
        assert "cannot write" in result.stderr, result.stderr
    assert not (tmp_path / "nowhere").exists()


def test_report_out_that_cannot_be_written_is_one_line_and_exit_2(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (tmp_path / "plain").write_text("a file, not a folder")
    result = run_cli("report", "--as-of", AS_OF, "--out", str(tmp_path / "plain" / "site"),
                     cwd=repo)
    _one_line_error(result)
    assert "cannot write" in result.stderr
