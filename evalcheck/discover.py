"""Which files are records: everything under the configured roots plus what the user names."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from evalcheck.config import Config, inside

SUFFIXES = (".yaml", ".yml")


class UsageError(ValueError):
    """A path on the command line that does not exist."""


@dataclass(frozen=True, slots=True)
class Source:
    """A file to read: where it is (as given or found) and the path shown to people."""

    location: str
    shown: str

    @property
    def real(self) -> Path:
        return Path(self.location)


def _shown(path: Path, root: Path) -> str:
    """Relative to the root. A link that leads out of the repository, nowhere, or in a loop
    is shown where it sits (its folder resolved, its own name kept): its problem points at it."""
    for candidate in (path, path.parent):
        try:
            real = candidate.resolve(strict=True)
        except (OSError, RuntimeError):  # missing, or a loop (RuntimeError before Python 3.13)
            continue
        try:
            return (real if candidate is path else real / path.name).relative_to(root).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def _folder_prefix(folder: str, root: Path) -> str | None:
    """What a plain file of this folder is shown under ("" at the root, "a/b/" below it), or
    None when its files must go the careful way (a folder outside the root, say)."""
    try:
        real = Path(folder or ".").resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if real == root:
        return ""
    try:
        return real.relative_to(root).as_posix() + "/"
    except ValueError:
        return None


def _is_record_file(name: str) -> bool:
    return name.endswith(SUFFIXES) and not name.startswith(".")


def _walk(folder: Path, root: Path) -> list[Source]:
    """Record files under a folder, sorted as os.walk would give them (links to folders not
    followed, hidden folders skipped). Each folder is resolved once, not each file: a
    repository of 10,000 records would otherwise spend a second in lstat."""
    found: list[Source] = []
    pending = [str(folder)]
    while pending:
        path = pending.pop()
        try:
            with os.scandir(path) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            continue
        prefix = _folder_prefix(path, root)
        folders = []
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if not entry.name.startswith(".") and not entry.is_symlink():
                    folders.append(entry.path)
            elif _is_record_file(entry.name):
                if prefix is not None and not entry.is_symlink():
                    found.append(Source(entry.path, prefix + entry.name))
                else:
                    found.append(Source(entry.path, _shown(Path(entry.path), root)))
        pending.extend(reversed(folders))
    return found


def repository_sources(config: Config) -> list[Source]:
    """Every record file of the repository, in a stable order."""
    seen: dict[str, Source] = {}
    for key, entry in [*(("records path", e) for e in config.records),
                       *(("owners path", e) for e in config.owners)]:
        base = inside(config.root, entry, key, config.source or "defaults")
        if config.source != "defaults" and not base.exists():
            raise UsageError(f"{config.source}: the records path {entry!r} does not exist "
                             f"in {config.root}")
        found = _walk(base, config.root) if base.is_dir() else \
            [Source(str(base), _shown(base, config.root))] if base.is_file() else []
        for source in found:
            seen.setdefault(source.shown, source)
    return list(seen.values())


def named_sources(paths: list[str], config: Config) -> list[Source]:
    """The files the user named: folders are walked; a missing path is a usage error."""
    out: list[Source] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            out.extend(_walk(path, config.root))
        elif path.exists() or path.is_symlink():
            out.append(Source(name, _shown(path, config.root)))
        else:
            raise UsageError(f"no such file or folder: {name}")
    return out
