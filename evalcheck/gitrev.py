"""The I/O edge for the change report and the trend: the records as they were at git
revisions.

Reads blobs straight from the object database (`git ls-tree`, one `git cat-file --batch`), so
the working tree is never touched and each file is parsed once, from the same bytes git has; a
trend over many commits reads and parses each distinct blob once.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from evalcheck.config import Config
from evalcheck.discover import SUFFIXES, UsageError
from evalcheck.document import Document, Locator
from evalcheck.problems import Finding
from evalcheck.records import Record, load_record
from evalcheck.yamlload import Limits, too_large

LIMITS = Limits()  # the working tree's (evalcheck.loading)
_REGULAR = ("100644", "100755")  # a gitlink (160000) or a link (120000) is not a record file


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


def _root(config: Config | Path, why: str) -> Path:
    root = config if isinstance(config, Path) else config.root
    try:
        inside = _git(root, "rev-parse", "--is-inside-work-tree").strip() == b"true"
    except GitError:
        inside = False
    if not inside:
        raise GitError(f"{root} is not in a git repository (needed {why})")
    return root


def _listing(config: Config, commit: str) -> dict[str, tuple[str, int]]:
    """{repository path: (blob id, size)} of the record files under the configured roots at
    `commit`, in path order: regular files only (a gitlink, that is a submodule, or a link
    named like a record is left out)."""
    roots = [*config.records, *config.owners]
    listing = _git(config.root, "ls-tree", "-r", "-l", "-z", "--full-name", commit, "--",
                   *roots).decode("utf-8", "surrogateescape")
    # "mode type oid size<TAB>path" entries; blobs are asked for by oid, since a path may hold
    # a newline, which would split a `commit:path` request line in two
    found = {}
    for meta, _, path in (entry.partition("\t") for entry in listing.split("\0") if entry):
        fields = meta.split()
        if len(fields) == 4 and fields[0] in _REGULAR and fields[1] == "blob" \
                and fields[3].isdigit() and _is_record(path):
            found[path] = (fields[2], int(fields[3]))
    return dict(sorted(found.items()))


def _readable(blobs: Iterable[tuple[str, int]]) -> list[str]:
    """The blob ids worth reading: a file over the size limit is never read into memory (a
    commit of a pull request may hold one)."""
    return list(dict.fromkeys(oid for oid, size in blobs if too_large(size, LIMITS) is None))


def _blobs(root: Path, oids: list[str]) -> dict[str, bytes]:
    """The content of each blob, read in one `git cat-file --batch`. Every object's content is
    consumed by its size whatever its type, so one odd object cannot shift the ones after it."""
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


def _commit(config: Config | Path, rev: str) -> tuple[Path, str]:
    """The root and the commit `rev` names, checked: inside a work tree, not an option, known."""
    root = _root(config, f"to compare with {rev!r}")
    if rev.startswith("-"):
        raise GitError(f"{rev!r} is not a revision")
    try:
        commit = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options",
                      f"{rev}^{{commit}}").decode().strip()
    except GitError:
        commit = ""
    if not commit:
        raise GitError(f"unknown revision {rev!r}")
    return root, commit


def records_at(config: Config, rev: str) -> list[Record]:
    """Every record file under the configured roots as committed at `rev`, in path order,
    read with the working tree's limits: a name with a control character or a blob past the
    size limit is a located problem there too, and is never read."""
    from evalcheck.loading import unsafe_name

    root, commit = _commit(config, rev)
    prefix = _git(root, "rev-parse", "--show-prefix").decode("utf-8", "surrogateescape").strip()
    blobs = _listing(config, commit)
    content = _blobs(root, _readable(b for p, b in blobs.items() if unsafe_name(p) is None))
    records = []
    for path, (oid, size) in blobs.items():
        shown = path[len(prefix):] if prefix and path.startswith(prefix) else path
        refused = unsafe_name(shown)
        oversized = too_large(size, LIMITS)
        if refused is not None:
            records.append(refused)
        elif oversized is not None:
            records.append(Record(shown, oversized))
        elif oid in content:
            records.append(load_record(shown, content[oid], LIMITS))
        else:
            records.append(Record(shown, Document(None, Locator(None), [Finding(
                f"git could not give this file's content at {rev}", check="yaml-syntax",
                at=(1, 1))])))
    return records


def toplevel(start: Path, rev: str) -> tuple[Path, str]:
    """The work tree's top folder and the commit `rev` names (GitError when either is not
    there)."""
    root, commit = _commit(start, rev)
    top = _git(root, "rev-parse", "--show-toplevel").decode("utf-8", "surrogateescape").strip()
    return Path(top), commit


def file_at(top: Path, commit: str, path: str) -> bytes | None:
    """One file's bytes at `commit` (`path` from the top folder), None when it is not there;
    GitError when it is there but not a regular file or past the size limit."""
    listing = _git(top, "ls-tree", "-l", "-z", "--full-name", commit, "--", path
                   ).decode("utf-8", "surrogateescape")
    for entry in listing.split("\0"):
        meta, _, name = entry.partition("\t")
        fields = meta.split()
        if name != path or len(fields) != 4:
            continue
        if fields[0] not in _REGULAR or fields[1] != "blob" or not fields[3].isdigit():
            raise GitError(f"{path} is not a regular file at {commit[:12]}")
        if too_large(int(fields[3]), LIMITS) is not None:
            raise GitError(f"{path} is larger than {LIMITS.max_bytes:,} bytes at {commit[:12]}")
        return _blobs(top, [fields[2]]).get(fields[2])
    return None


def changed_paths(top: Path, commit: str, paths: list[str]) -> list[str]:
    """The files under `paths` (from the top folder) that differ between `commit` and the work
    tree, untracked ones included: where a suppression may have been added or removed."""
    changed = _git(top, "diff", "--name-only", "-z", "--no-renames", commit, "--", *paths)
    untracked = _git(top, "ls-files", "-z", "--others", "--exclude-standard", "--", *paths)
    names = (changed + b"\0" + untracked).decode("utf-8", "surrogateescape").split("\0")
    return sorted({n for n in names if n and _is_record(n)})


def history(config: Config) -> list[tuple[str, dt.date]]:
    """(commit, the day it was committed, in its committer's time zone) along the first-parent
    line of HEAD, newest first: one `git log`. Empty for a repository with no commits."""
    root = _root(config, "for a trend")
    try:
        _git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    except GitError:
        return []
    out = _git(root, "log", "--first-parent", "--format=%H %cI", "HEAD").decode()
    found = []
    for line in out.splitlines():
        commit, _, when = line.partition(" ")
        found.append((commit, dt.date.fromisoformat(when[:10])))
    return found


def data_at(config: Config, commits: Iterable[str],
            known: Mapping[str, Any] | None = None) -> dict[str, list[Any]]:
    """{commit: the parsed data of each record file at it}. Each distinct blob is read once (one
    `git cat-file --batch` for all of them) and parsed once, however many commits hold it; a
    blob whose content the run has already loaded (`known`: the loader's content digest ->
    data, as the cache keys it) is not parsed again."""
    from evalcheck.loading import digest_of
    from evalcheck.textsafe import name_control

    # names with a control character are left out, as the working tree's are not read
    listings = {c: {p: b for p, b in _listing(config, c).items() if name_control(p) is None}
                for c in dict.fromkeys(commits) if c}
    content = _blobs(config.root, _readable(b for blobs in listings.values()
                                            for b in blobs.values()))
    parsed: dict[str, Any] = {}
    for blobs in listings.values():
        for path, (oid, _) in blobs.items():
            if oid in parsed or oid not in content:
                continue  # read already, or too large to read (it counts for nothing)
            raw = content.pop(oid)
            digest = digest_of(raw) if known else ""
            parsed[oid] = known[digest] if known and digest in known else \
                load_record(path, raw, LIMITS).data
    return {c: [parsed[oid] for oid, _ in blobs.values() if oid in parsed]
            for c, blobs in listings.items()}
