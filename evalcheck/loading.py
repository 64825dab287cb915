"""The I/O edge of a run: find the record files, read their bytes, parse them into Records."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from evalcheck.config import Config
from evalcheck.discover import Source, named_sources, repository_sources
from evalcheck.problems import Finding
from evalcheck.records import Record, load_record
from evalcheck.textsafe import name_control
from evalcheck.writing import write_atomic as write_atomic  # where the commands look for it
from evalcheck.yamlload import Document, Limits, Locator, too_large

LIMITS = Limits()


@dataclass(frozen=True)
class Loaded:
    """The records of a run and which of them the user asked about (None: all)."""

    records: list[Record]
    targets: frozenset[str] | None


def _unreadable(source: Source, message: str, check: str = "yaml-syntax", hint: str = "") -> Record:
    return Record(source.shown, Document(None, Locator(None),
                                         [Finding(message, check=check, at=(1, 1), hint=hint)]))


def unsafe_name(shown: str) -> Record | None:
    """The record for a file whose name holds a control character: not read, a located
    problem (a newline in a name would start a line of its own in CODEOWNERS and logs)."""
    control = name_control(shown)
    if control is None:
        return None
    return _unreadable(Source(shown, shown), "the file name holds a control character "
                       f"(U+{ord(control):04X}), which would break the lines of CODEOWNERS, "
                       "logs and summaries", "unsafe-yaml",
                       "rename the file: letters, digits, '-', '_' and '.'")


def read_source(source: Source, root: Path) -> Record:
    """One file -> Record; unreadable files, links out of the repository and folders become
    located problems instead of exceptions."""
    path = source.real
    refused = unsafe_name(source.shown)
    if refused is not None:
        return refused
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
            raw = fh.read(LIMITS.max_bytes + 1)
            size = max(len(raw), os.fstat(fh.fileno()).st_size)
    except OSError as exc:
        reason = (exc.strerror or str(exc)).lower()
        return _unreadable(source, f"cannot read the file ({reason})",
                           hint="check the file's permissions")
    oversized = too_large(size, LIMITS)
    if oversized is not None:
        return Record(source.shown, oversized)
    return load_record(source.shown, raw, LIMITS)


def _inside(path: Path, root: Path) -> bool:
    """Whether a link leads into the repository; a loop counts as inside: reading it fails
    with a plain message."""
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):
        return True


def load(config: Config, paths: list[str], cache: bool = True, checks: bool = False,
         as_of: dt.date | None = None) -> Loaded:
    """All repository records, plus the named files; targets are the named ones.

    With `cache`, what is known about unchanged files comes from the project's cache folder
    and what is learnt is kept there (evalcheck.cache). With `checks`, the record-scope check
    findings of the targets are worked out while loading too (in parallel when many; those
    that read the date only with `as_of`)."""
    repo = repository_sources(config)
    named = named_sources(paths, config) if paths else []
    seen = {s.shown: s for s in repo}
    for s in named:
        seen.setdefault(s.shown, s)
    root = config.root.resolve()
    targets = frozenset(s.shown for s in named) if paths else None
    from evalcheck.cache import load_sources

    sources = sorted(seen.values(), key=lambda s: s.shown)
    return Loaded(load_sources(sources, root, config, cache, targets, checks, as_of), targets)
