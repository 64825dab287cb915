"""Which files are records: everything under the configured roots plus what the user names."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from evalcheck.config import Config

SUFFIXES = (".yaml", ".yml")


class UsageError(ValueError):
    """A path on the command line that does not exist."""


@dataclass(frozen=True, slots=True)
class Source:
    """A file to read: its real location and the path shown to people."""

    real: Path
    shown: str


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


def _walk(folder: Path) -> list[Path]:
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found.extend(Path(dirpath, f) for f in sorted(filenames)
                     if f.endswith(SUFFIXES) and not f.startswith("."))
    return found


def repository_sources(config: Config) -> list[Source]:
    """Every record file of the repository, in a stable order."""
    seen: dict[str, Source] = {}
    for entry in (*config.records, *config.owners):
        base = config.root / entry
        if config.source != "defaults" and not base.exists():
            raise UsageError(f"{config.source}: the records path {entry!r} does not exist "
                             f"in {config.root}")
        paths = _walk(base) if base.is_dir() else [base] if base.is_file() else []
        for path in paths:
            source = Source(path, _shown(path, config.root))
            seen.setdefault(source.shown, source)
    return list(seen.values())


def named_sources(paths: list[str], config: Config) -> list[Source]:
    """The files the user named: folders are walked; a missing path is a usage error."""
    out: list[Source] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            out.extend(Source(p, _shown(p, config.root)) for p in _walk(path))
        elif path.exists() or path.is_symlink():
            out.append(Source(path, _shown(path, config.root)))
        else:
            raise UsageError(f"no such file or folder: {name}")
    return out
