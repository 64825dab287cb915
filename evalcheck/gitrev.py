"""The I/O edge for the change report: the records as they were at a git revision.

Reads blobs straight from the object database (one `git ls-tree`, one `git cat-file --batch`),
so the working tree is never touched and each file is parsed once, from the same bytes git has.
"""

from __future__ import annotations

import subprocess
from pathlib import Path, PurePosixPath

from evalcheck.config import Config
from evalcheck.discover import SUFFIXES, UsageError
from evalcheck.problems import Finding
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


_REGULAR = ("100644", "100755")  # a gitlink (160000) or a link (120000) is not a record file


def _commit(root: Path, rev: str) -> str:
    """The commit `rev` names, checked: inside a work tree, not an option, known."""
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
    return commit


def _regular_blobs(root: Path, commit: str, paths: list[str]) -> dict[str, str]:
    """{path from the repository root: blob id} of the regular files under `paths`; gitlinks
    (submodules), links and trees named like files are left out."""
    listing = _git(root, "ls-tree", "-r", "-z", "--full-name", commit, "--",
                   *paths).decode("utf-8", "surrogateescape")
    blobs: dict[str, str] = {}
    for entry in listing.split("\0"):
        meta, _, path = entry.partition("\t")
        parts = meta.split()
        if len(parts) == 3 and parts[0] in _REGULAR and parts[1] == "blob":
            blobs[path] = parts[2]
    return blobs


def _sizes(root: Path, oids: list[str]) -> dict[str, int]:
    """Each blob's size, asked before any content is read (`cat-file --batch-check`)."""
    out = _git(root, "cat-file", "--batch-check",
               stdin=b"".join(f"{oid}\n".encode() for oid in oids))
    sizes: dict[str, int] = {}
    for line in out.decode("ascii", "replace").splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] == "blob" and parts[2].isdigit():
            sizes[parts[0]] = int(parts[2])
    return sizes


def _contents(root: Path, oids: list[str]) -> dict[str, bytes]:
    """The bytes of these blobs (`cat-file --batch`). Every object's content is consumed by its
    size whatever its type, so one odd object cannot shift the ones after it."""
    if not oids:
        return {}
    out = _git(root, "cat-file", "--batch", stdin=b"".join(f"{o}\n".encode() for o in oids))
    found: dict[str, bytes] = {}
    pos = 0
    while pos < len(out):
        end = out.find(b"\n", pos)
        if end == -1:
            break
        header = out[pos:end].split()
        pos = end + 1
        if len(header) != 3 or not header[2].isdigit():  # "<oid> missing": no content follows
            continue
        size = int(header[2])
        if header[1] == b"blob":
            found[header[0].decode("ascii", "replace")] = out[pos:pos + size]
        pos += size + 1
    return found


def records_at(config: Config, rev: str) -> list[Record]:
    """Every record file under the configured roots as committed at `rev`, in path order,
    read with the working tree's limits: a name with a control character or a blob over the
    size limit is a located problem, as it is in the working tree."""
    from evalcheck.loading import LIMITS, unsafe_name
    from evalcheck.yamlload import Document, Locator, too_large

    root = config.root
    commit = _commit(root, rev)
    prefix = _git(root, "rev-parse", "--show-prefix").decode("utf-8", "surrogateescape").strip()
    roots = [*config.records, *config.owners]
    # blobs are asked for by id, since a path may hold a newline, which would split a
    # `commit:path` request line in two
    blobs = {p: oid for p, oid in sorted(_regular_blobs(root, commit, roots).items())
             if _is_record(p)}
    sizes = _sizes(root, sorted(set(blobs.values()))) if blobs else {}
    wanted = sorted({oid for p, oid in blobs.items() if unsafe_name(p) is None
                     and oid in sizes and sizes[oid] <= LIMITS.max_bytes})
    contents = _contents(root, wanted)
    records = []
    for path, oid in blobs.items():
        shown = path[len(prefix):] if prefix and path.startswith(prefix) else path
        refused = unsafe_name(shown)
        if refused is not None:
            records.append(refused)
            continue
        oversized = too_large(sizes.get(oid, 0), LIMITS)
        if oversized is not None:
            records.append(Record(shown, oversized))
        elif oid in contents:
            records.append(load_record(shown, contents[oid], LIMITS))
        else:
            records.append(Record(shown, Document(None, Locator(None), [Finding(
                f"git could not give this file's content at {rev}", check="yaml-syntax",
                at=(1, 1))])))
    return records
