"""Find, read and validate configuration: `.evalcheck.yaml` or `[tool.evalcheck]` in pyproject.toml.

Every key and option is checked against the registry; anything wrong is a ConfigError that the
CLI turns into a one-line message and exit code 2.
"""

from __future__ import annotations

import fnmatch
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evalcheck import checks
from evalcheck.problems import Severity

CONFIG_FILES = (".evalcheck.yaml", ".evalcheck.yml", "pyproject.toml")
_KEYS = {"records", "owners", "select", "ignore", "severity", "per-path-ignores", "checks",
         "fail-on", "baseline", "cache-dir", "exclude"}


# The gate's floor: a file evalcheck cannot read safely is an error whatever a configuration,
# a suppression or a baseline says, since a pull request can change all three (SECURITY.md).
LOCKED = frozenset({"unsafe-yaml", "yaml-syntax"})
_LOCKED_WHY = ("cannot be turned off, lowered or ignored: they stop files evalcheck cannot "
               "read safely (a pull request could otherwise switch its own gate off)")


class ConfigError(ValueError):
    """The configuration cannot be used as written."""


@dataclass(frozen=True)
class Config:
    """Resolved settings: where records are, which checks run, at what severity, with what
    options. Paths are relative to `root`."""

    root: Path
    source: str = ""
    records: tuple[str, ...] = ("records",)
    owners: tuple[str, ...] = ()
    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    severity: dict[str, Severity] = field(default_factory=dict)
    per_path_ignores: tuple[tuple[str, frozenset[str]], ...] = ()
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    fail_on: Severity = Severity.ERROR
    baseline: str | None = None
    cache_dir: str = ".evalcheck_cache"
    exclude: tuple[str, ...] = ()

    def excluded(self, path: str) -> bool:
        """Whether a file (its path from the root) is left out of every run: a pattern that
        matches it or one of its folders (`records/archive`, `records/*/draft-*.yaml`)."""
        parts = path.split("/")
        prefixes = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
        return any(fnmatch.fnmatchcase(prefix, pattern.rstrip("/"))
                   for pattern in self.exclude for prefix in prefixes)

    def enabled(self, check: str) -> bool:
        if check in LOCKED:
            return True
        c = checks.get(check)
        if self.select is not None and check not in self.select and c.family not in self.select:
            return False
        return check not in self.ignore and c.family not in self.ignore

    def severity_of(self, check: str) -> Severity:
        if check in LOCKED:
            return Severity.ERROR
        return self.severity.get(check) or checks.get(check).severity

    def ignored_at(self, path: str, check: str) -> bool:
        if check in LOCKED:
            return False
        family = checks.get(check).family
        return any(fnmatch.fnmatch(path, pattern) and (check in names or family in names)
                   for pattern, names in self.per_path_ignores)

    def options_for(self, check: str) -> dict[str, Any]:
        declared = checks.get(check).options
        return {name: self.options.get(check, {}).get(name, default)
                for name, (_, default) in declared.items()}

    def with_cli(self, select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
                 fail_on: str | None = None) -> Config:
        """Overlay command-line choices, validated like the file's."""
        from dataclasses import replace

        return replace(
            self,
            select=frozenset(_names(list(select), "--select")) if select else self.select,
            ignore=self.ignore | frozenset(_unlocked(_names(list(ignore), "--ignore"),
                                                     "--ignore")),
            fail_on=_severity(fail_on, "--fail-on") if fail_on else self.fail_on,
        )


def inside(root: Path, entry: str, key: str, where: str) -> Path:
    """root / entry, checked to stay inside the repository once links are followed: a path in
    the configuration comes from the repository (a pull request can set it), so `../..`,
    `/etc/passwd` or a committed link to a folder elsewhere must not make evalcheck read, and
    print, files of the machine it runs on."""
    path = root / entry
    try:
        real = path.resolve()
        top = root.resolve()
    except (OSError, RuntimeError):
        raise ConfigError(f"{where}: {key} {entry!r} cannot be resolved (a loop of links?)"
                          ) from None
    if real != top and not real.is_relative_to(top):
        raise ConfigError(f"{where}: {key} {entry!r} leads outside the repository "
                          f"({top}); evalcheck reads only files inside it")
    return path


def find_root(start: Path) -> tuple[Path, Path | None]:
    """The project root: the nearest folder with evalcheck config, else the git root, else start."""
    start = start.resolve()
    git_root = None
    for folder in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return folder, candidate
        if git_root is None and (folder / ".git").exists():
            git_root = folder
    return (git_root or start), None


def _has_tool_table(path: Path) -> bool:
    try:
        return "[tool.evalcheck" in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def read_table(path: Path) -> dict[str, Any]:
    """The settings table of a configuration file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    return table_of(raw, path.name, str(path))


def table_of(raw: bytes, name: str, where: str) -> dict[str, Any]:
    """The settings table of a configuration file's bytes (`name` tells TOML from YAML)."""
    if name == "pyproject.toml":
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover
            import tomli as tomllib
        try:
            table = tomllib.loads(raw.decode("utf-8")).get("tool", {}).get("evalcheck", {})
        except (ValueError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{where}: not valid TOML: {exc}") from None
        return table if isinstance(table, dict) else {}
    from evalcheck.yamlload import parse

    doc = parse(raw)
    if doc.findings:
        f = doc.findings[0]
        at = f"{where}:{f.at[0]}:{f.at[1]}" if f.at else where
        raise ConfigError(f"{at}: {f.message}")
    if doc.data is None:
        return {}
    if not isinstance(doc.data, dict):
        raise ConfigError(f"{where}: expected a mapping of settings")
    return doc.data


def load_config(start: Path, explicit: Path | None = None) -> Config:
    """Find and validate the configuration for a run started in `start`."""
    source: Path | None
    if explicit is not None:
        root, source = explicit.resolve().parent, explicit
    else:
        root, source = find_root(start)
        if source is not None:  # found, not chosen: a link out of the repository is refused
            inside(root, source.name, "the configuration file", source.name)
    table = read_table(source) if source else {}
    where = str(source.name if source else "defaults")
    return parse_config(table, root, where)


def _names(value: Any, key: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key}: expected a list of check names")
    families = {c.family for c in checks.registry().values()}
    out = []
    for name in value:
        for part in (p.strip() for p in name.split(",")):
            if part and part not in families:
                try:
                    checks.get(part)
                except checks.UnknownCheck as exc:
                    raise ConfigError(f"{key}: {exc}") from None
            if part:
                out.append(part)
    return out


def _unlocked(names: list[str], key: str) -> list[str]:
    """The names, unless one is a check of the gate's floor (a family name is fine: its other
    checks are turned off, the floor stays)."""
    locked = sorted(LOCKED.intersection(names))
    if locked:
        raise ConfigError(f"{key}: {' and '.join(locked)} {_LOCKED_WHY}")
    return names


def _severity(value: Any, key: str) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise ConfigError(f"{key}: {value!r} is not a severity (error or warning)") from None


def _strings(value: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key}: expected a list of paths")
    return tuple(value)


def parse_config(table: dict[str, Any], root: Path, where: str = "config") -> Config:
    """Validate a settings table against the registry (pure: no file access)."""
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown setting {unknown[0]!r} "
                          f"(known: {', '.join(sorted(_KEYS))})")
    severity = {}
    for name, level in _mapping(table.get("severity", {}), f"{where}: severity").items():
        _names([name], f"{where}: severity")
        severity[name] = _severity(level, f"{where}: severity.{name}")
        if name in LOCKED and severity[name] is not Severity.ERROR:
            _unlocked([name], f"{where}: severity")
    per_path = []
    for pattern, names in _mapping(table.get("per-path-ignores", {}),
                                   f"{where}: per-path-ignores").items():
        per_path.append((pattern, frozenset(_unlocked(_names(names, f"{where}: per-path-ignores"),
                                                      f"{where}: per-path-ignores"))))
    options: dict[str, dict[str, Any]] = {}
    for name, opts in _mapping(table.get("checks", {}), f"{where}: checks").items():
        declared = _check(name, where).options
        for opt, value in _mapping(opts, f"{where}: checks.{name}").items():
            if opt not in declared:
                known = ", ".join(declared) or "none"
                raise ConfigError(f"{where}: unknown option {opt!r} for check {name!r} "
                                  f"(its options: {known})")
            kind, _ = declared[opt]
            if kind is tuple:  # a list of words or phrases
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise ConfigError(f"{where}: checks.{name}.{opt} should be a list of text")
                options.setdefault(name, {})[opt] = tuple(value)
                continue
            if isinstance(value, bool) or not isinstance(value, (kind, int) if kind is float
                                                         else kind):
                raise ConfigError(f"{where}: checks.{name}.{opt} should be {kind.__name__}")
            options.setdefault(name, {})[opt] = kind(value)
        threshold = options.get(name, {}).get("threshold")
        if threshold is not None and not 0 < threshold <= 1:
            raise ConfigError(f"{where}: checks.{name}.threshold must be between 0 and 1")
        days = options.get(name, {}).get("days")
        if days is not None and days < 0:
            raise ConfigError(f"{where}: checks.{name}.days must be 0 or more")
    select = table.get("select")
    return Config(
        root=root, source=where,
        records=_strings(table.get("records", ["records"]), f"{where}: records"),
        owners=_strings(table.get("owners", []), f"{where}: owners"),
        select=frozenset(_names(select, f"{where}: select")) if select is not None else None,
        ignore=frozenset(_unlocked(_names(table.get("ignore", []), f"{where}: ignore"),
                                   f"{where}: ignore")),
        severity=severity, per_path_ignores=tuple(per_path), options=options,
        fail_on=_severity(table.get("fail-on", "error"), f"{where}: fail-on"),
        baseline=_optional_path(table.get("baseline"), f"{where}: baseline"),
        cache_dir=_optional_path(table.get("cache-dir"), f"{where}: cache-dir")
        or ".evalcheck_cache",
        exclude=_strings(table.get("exclude", []), f"{where}: exclude"),
    )


def _optional_path(value: Any, key: str) -> str | None:
    """A single path setting: absent, or text (a number or list here is a mistake, not a no)."""
    if value is None or isinstance(value, str):
        return value
    raise ConfigError(f"{key}: expected a path")


def _mapping(value: Any, key: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{key}: expected a table of settings")
    return value


def _check(name: str, where: str) -> checks.Check:
    try:
        return checks.get(name)
    except checks.UnknownCheck as exc:
        raise ConfigError(f"{where}: {exc}") from None
