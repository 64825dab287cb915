"""The I/O edge of `lint --config-from REV`: the configuration and the baseline as committed at
a git revision (so a pull request cannot loosen the gate that checks it), and what the working
tree changed in them and in the records' suppression comments (evalcheck.gate words it)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evalcheck import gate, gitrev
from evalcheck.baseline import BaselineError
from evalcheck.baseline import load as load_baseline
from evalcheck.config import (
    CONFIG_FILES,
    Config,
    ConfigError,
    find_root,
    inside,
    parse_config,
    read_table,
    table_of,
)
from evalcheck.records import Record, load_record


@dataclass(frozen=True)
class AtRevision:
    """The configuration committed at a revision, and where it was found."""

    config: Config
    rev: str
    top: Path
    commit: str
    table: dict[str, Any] = field(default_factory=dict)
    source: str | None = None  # the configuration file, from the top folder (None: defaults)


def _from_top(top: Path, path: Path) -> str:
    return Path(os.path.relpath(os.path.normpath(path), top)).as_posix()


def load(start: Path, rev: str, explicit: str | None = None) -> AtRevision:
    """The configuration as committed at `rev`: the file `explicit` names, else the one found
    from `start` upwards as in the working tree (else the defaults, rooted at the top)."""
    top, commit = gitrev.toplevel(start, rev)
    start = start.resolve()
    if explicit is not None:
        candidates = [Path(os.path.normpath(start / explicit))]
        if not candidates[0].is_relative_to(top):
            raise ConfigError(f"{explicit}: outside the repository")
    else:
        candidates, folder = [], start
        while folder.is_relative_to(top):
            candidates += [folder / name for name in CONFIG_FILES]
            if folder == top:
                break
            folder = folder.parent
    for path in candidates:
        name = _from_top(top, path)
        raw = gitrev.file_at(top, commit, name)
        if raw is None or (path.name == "pyproject.toml" and b"[tool.evalcheck" not in raw):
            continue
        where = f"{name} at {rev}"
        table = table_of(raw, path.name, where)
        return AtRevision(parse_config(table, path.parent, where), rev, top, commit, table, name)
    if explicit is not None:
        raise ConfigError(f"{explicit} is not in {rev} (or holds no [tool.evalcheck] table)")
    return AtRevision(parse_config({}, top, "defaults"), rev, top, commit)


def baseline(at: AtRevision) -> bytes | None:
    """The bytes of the baseline the revision's configuration names, as committed there."""
    if at.config.baseline is None:
        return None
    path = inside(at.config.root, at.config.baseline, "baseline", at.config.source)
    raw = gitrev.file_at(at.top, at.commit, _from_top(at.top, path))
    if raw is None:
        raise ConfigError(f"{at.config.source}: the baseline {at.config.baseline!r} is not in "
                          f"{at.rev}")
    return raw


def _entries(raw: bytes | None, name: str) -> list[tuple[str, str, str]] | None:
    if raw is None:
        return None
    try:
        counts, _ = load_baseline(raw, name)
    except BaselineError:
        return [("(the file cannot be read)", "", "")]
    return list(counts.elements())


def changes(at: AtRevision, start: Path, explicit: str | None,
            records: Sequence[Record]) -> list[str]:
    """What the working tree changes, against the revision, in the configuration, the
    baseline and the suppression comments of the records."""
    out: list[str] = []
    now: dict[str, Any] | None
    error = ""
    try:
        if explicit is not None:
            source: Path | None = Path(explicit)
        else:
            _, source = find_root(start)
        now = read_table(source) if source is not None and source.is_file() else {}
    except ConfigError as exc:
        now, error = None, str(exc)
    out += gate.setting_changes(now, at.table, at.rev, error)
    if at.config.baseline is not None:
        then = _entries(baseline(at), at.config.baseline)
        path = at.config.root / at.config.baseline
        try:
            current = inside(at.config.root, at.config.baseline, "baseline", at.config.source)
            raw = current.read_bytes() if current.is_file() else None
        except (ConfigError, OSError):
            raw = b"entries: [leads outside the repository or cannot be read]"
        out += gate.baseline_changes(_from_top(at.top, path), _entries(raw, str(path)), then,
                                     at.rev)
    out += _suppressions(at, records)
    return out


def _suppressions(at: AtRevision, records: Iterable[Record]) -> list[str]:
    config = at.config
    roots = [_from_top(at.top, config.root / entry) for entry in (*config.records,
                                                                  *config.owners)]
    by_path = {_from_top(at.top, config.root / r.path): r for r in records}
    out: list[str] = []
    for path in gitrev.changed_paths(at.top, at.commit, roots):
        record = by_path.get(path)
        now = record.suppressions if record is not None else {}
        try:
            raw = gitrev.file_at(at.top, at.commit, path)
        except gitrev.GitError:
            raw = None
        then = load_record(path, raw).suppressions if raw is not None else {}
        out += gate.suppression_changes(path, now, then)
    return out
