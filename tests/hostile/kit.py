"""Helpers for the hostile-input tests: the CLI under hard limits, throw-away repositories.

Limits are enforced, not measured: the child gets an address-space rlimit of 500 MiB and the
parent a 5-second timeout, so a case that needs more memory dies with a MemoryError (and a
traceback the tests look for) and a case that takes longer raises TimeoutExpired.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import resource
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from conftest import REPO, git, write_files
from records_kit import UNITS, evaluation

CORPUS = Path(__file__).resolve().parent / "corpus"
MEMORY_LIMIT = 500 * 1024 * 1024
TIME_LIMIT = 5.0
AS_OF = "2024-06-30"

OWNERS = UNITS
# The evaluation the corpus's management responses answer (EV-2024-00, recommendation R1).
COMPANION = evaluation("EV-2024-00", title="Mid-term evaluation of the companion project",
                       status="ongoing", block=True,
                       recommendations=[("R1", "Share the findings with every country office.")])

_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


@dataclass(frozen=True)
class Run:
    """What one limited CLI run returned."""

    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str


def _limit(drop_file_override: bool) -> Callable[[], None]:
    """The child's preexec: cap its address space and, when asked, take away root's power to
    read files whatever their mode (so chmod 000 means unreadable even for root)."""

    def preexec() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        if drop_file_override:
            libc = ctypes.CDLL(None, use_errno=True)
            for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
                if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
                    raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")

    return preexec


def can_drop_root_file_access() -> bool:
    """Whether this process may drop CAP_DAC_OVERRIDE from a child (needs CAP_SETPCAP)."""
    try:
        subprocess.run(["true"], preexec_fn=_limit(True), check=True, timeout=TIME_LIMIT)
    except (subprocess.SubprocessError, OSError):
        return False
    return True


def run_limited(*args: str, cwd: Path, timeout: float = TIME_LIMIT,
                drop_file_override: bool = False) -> Run:
    """`python -m evalcheck ARGS` in cwd under the memory rlimit; TimeoutExpired past timeout."""
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO)}
    env.pop("GITHUB_ACTIONS", None)
    result = subprocess.run([sys.executable, "-m", "evalcheck", *args], cwd=cwd, env=env,
                            capture_output=True, text=True, timeout=timeout,
                            preexec_fn=_limit(drop_file_override))
    return Run(tuple(args), result.returncode, result.stdout, result.stderr)


def new_repo(root: Path, extra: dict[str, str] | None = None) -> Path:
    """A git repository with an owners registry and the companion evaluation."""
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "-q", "-b", "main")
    write_files(root, {"records/owners.yaml": OWNERS, "records/companion.yaml": COMPANION,
                       **(extra or {})})
    return root


def snapshot(root: Path) -> dict[str, str]:
    """Every file, link and folder under root (except .git and the cache) and what it holds:
    links by their target, unreadable files by their mode, others by their SHA-256."""
    out: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in (".git", ".evalcheck_cache")]
        for name in [*dirnames, *filenames]:
            path = Path(dirpath, name)
            out[path.relative_to(root).as_posix()] = _fingerprint(path)
    return out


def _fingerprint(path: Path) -> str:
    st = path.lstat()
    if path.is_symlink():
        return f"link -> {os.readlink(path)}"
    if path.is_dir():
        return f"dir {st.st_mode:o}"
    if not path.is_file():
        return f"special {st.st_mode:o}"
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        digest = "unreadable"
    return f"file {st.st_mode:o} {st.st_size} {digest}"


def located(problems: Iterable[dict[str, object]], path: str) -> list[tuple[int, int, str]]:
    """(line, column, check) of the problems of one file, sorted."""
    return sorted((int(p["line"]), int(p["column"]), str(p["check"]))  # type: ignore[call-overload]
                  for p in problems if p["path"] == path)
