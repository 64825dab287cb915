"""The I/O edge for the change report: the records as they were at a git revision.

Reads blobs straight from the object database (one `git ls-tree`, one `git cat-file --batch`),
so the working tree is never touched and each file is parsed once, from the same bytes git has.
"""

from __future__ import annotations

import subprocess
from pathlib import Path, PurePosixPath

from evalcheck.config import Config
from evalcheck.discover import SUFFIXES, UsageError
from evalcheck.records import Record, load_record


class GitError(UsageError):
    """The records at a revision cannot be read: not a repository, or an unknown revision."""


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=root, input=stdin, capture_output=True,
                              check=False)
    except FileNotFoundError:
        raise GitError("git is not installed (needed to compare with a revision)") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {args[0]} failed")
    return done.stdout


def _is_record(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return path.endswith(SUFFIXES) and not any(p.startswith(".") for p in parts)


def records_at(config: Config, rev: str) -> list[Record]:
    """Every record file under the configured roots as committed at `rev`, in path order."""
    root = config.root
    try:
        inside = _git(root, "rev-parse", "--is-inside-work-tree").strip() == b"true"
    except GitError:
        inside = False
    if not inside:
        raise GitError(f"{root} is not in a git repository (needed to compare with {rev!r})")
    if rev.startswith("-"):
        raise GitError(f"{rev!r} is not a revision")
    try:
        commit = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options",
                      f"{rev}^{{commit}}").decode().strip()
    except GitError:
        commit = ""
    if not commit:
        raise GitError(f"unknown revision {rev!r}")
    prefix = _git(root, "rev-parse", "--show-prefix").decode().strip()
    roots = [*config.records, *config.owners]
    listing = _git(root, "ls-tree", "-r", "-z", "--full-name", commit, "--",
                   *roots).decode("utf-8", "surrogateescape")
    # "mode type oid<TAB>path" entries; blobs are asked for by oid, since a path may hold a
    # newline, which would split a `commit:path` request line in two
    blobs = dict(sorted((path, meta.split()[2]) for meta, _, path in
                        (entry.partition("\t") for entry in listing.split("\0") if entry)
                        if _is_record(path)))
    paths = list(blobs)
    if not paths:
        return []
    request = b"".join(f"{blobs[p]}\n".encode() for p in paths)
    out = _git(root, "cat-file", "--batch", stdin=request)
    records, pos = [], 0
    for path in paths:
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        pos = end + 1
        if len(header) != 3 or header[1] != b"blob":
            continue
        size = int(header[2])
        shown = path[len(prefix):] if prefix and path.startswith(prefix) else path
        records.append(load_record(shown, out[pos:pos + size]))
        pos += size + 1
    return records
