"""The I/O edge of a run: find the record files, read their bytes, parse them into Records."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from evalcheck.config import Config
from evalcheck.discover import Source, named_sources, repository_sources
from evalcheck.problems import Finding
from evalcheck.records import Record, load_record
from evalcheck.yamlload import Document, Limits, Locator, too_large

_LIMITS = Limits()


@dataclass(frozen=True)
class Loaded:
    """The records of a run and which of them the user asked about (None: all)."""

    records: list[Record]
    targets: frozenset[str] | None


def _unreadable(source: Source, message: str, check: str = "yaml-syntax", hint: str = "") -> Record:
    return Record(source.shown, Document(None, Locator(None),
                                         [Finding(message, check=check, at=(1, 1), hint=hint)]))


def read_source(source: Source, root: Path) -> Record:
    """One file -> Record; unreadable files, links out of the repository and folders become
    located problems instead of exceptions."""
    path = source.real
    if path.is_symlink() and not _inside(path, root):
        return _unreadable(source, "the file is a link to outside the repository",
                           "unsafe-yaml", "copy the record into the repository instead")
    if path.is_dir():
        return _unreadable(source, "this is a folder, not a record file")
    if path.exists() and not path.is_file():  # opening a FIFO would wait forever
        return _unreadable(source, "this is not a regular file (a pipe, socket or device)",
                           "unsafe-yaml")
    try:
        with path.open("rb") as fh:  # never more than the limit in memory
            raw = fh.read(_LIMITS.max_bytes + 1)
            size = max(len(raw), os.fstat(fh.fileno()).st_size)
    except OSError as exc:
        reason = (exc.strerror or str(exc)).lower()
        return _unreadable(source, f"cannot read the file ({reason})",
                           hint="check the file's permissions")
    oversized = too_large(size, _LIMITS)
    if oversized is not None:
        return Record(source.shown, oversized)
    return load_record(source.shown, raw, _LIMITS)


def _inside(path: Path, root: Path) -> bool:
    """Whether a link leads into the repository; a loop counts as inside: reading it fails
    with a plain message."""
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):
        return True


def load(config: Config, paths: list[str], cache: bool = True, checks: bool = False,
         as_of: dt.date | None = None, stdin: tuple[str, bytes] | None = None) -> Loaded:
    """All repository records, plus the named files; targets are the named ones. Files that
    the configuration's `exclude` patterns match are left out, named or not.

    With `cache`, what is known about unchanged files comes from the project's cache folder
    and what is learnt is kept there (evalcheck.cache). With `checks`, the record-scope check
    findings of the targets are worked out while loading too (in parallel when many; those
    that read the date only with `as_of`). `stdin` is a record read from standard input, as
    (the path it stands for, its bytes): a target that replaces that file's content."""
    repo = repository_sources(config)
    named = named_sources(paths, config) if paths else []
    seen = {s.shown: s for s in repo if not config.excluded(s.shown)}
    for s in named:
        if not config.excluded(s.shown):
            seen.setdefault(s.shown, s)
    root = config.root.resolve()
    wanted = {s.shown for s in named if s.shown in seen}
    if stdin is not None:
        seen.pop(stdin[0], None)
        wanted.add(stdin[0])
    targets = frozenset(wanted) if paths or stdin is not None else None
    from evalcheck.cache import load_sources

    sources = sorted(seen.values(), key=lambda s: s.shown)
    records = load_sources(sources, root, config, cache, targets, checks, as_of)
    if stdin is not None:
        records.append(_from_bytes(stdin[0], stdin[1]))
        records.sort(key=lambda r: r.path)
    return Loaded(records, targets)


def _from_bytes(shown: str, raw: bytes) -> Record:
    """A record from bytes that are not a file (standard input), under the same limits."""
    oversized = too_large(len(raw), _LIMITS)
    return Record(shown, oversized) if oversized is not None else load_record(shown, raw, _LIMITS)


def write_atomic(path: Path, text: str | bytes | Iterable[str]) -> None:
    """Write a file so that readers see the old content or the new, never half of it; text
    may come in pieces, written as they come."""
    import tempfile

    chunks: Iterable[bytes | str] = (text,) if isinstance(text, (str, bytes)) else text
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
