"""The check registry: every check's name, family, default severity, options and documentation.

Adding a check is one decorated function in a family module, with its documentation as its
docstring (summary, why, a Bad and a Good example). The registry itself needs nothing more:
FAMILY_MODULES lists the modules, third-party checks join through the `evalcheck.checks`
entry-point group. tests/test_registry.py compares the registry with the catalogue of
shared/design/rules.md (copied there), so a new check is added to both.
A check whose findings depend on the as-of date says so (`reads_as_of=True`); left out, that
is read from its code (see `uses_as_of`).
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import itertools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from evalcheck.problems import Finding, Severity

Scope = Literal["record", "corpus", "source"]

# One module per family; "syntax" holds the yaml family, "structure" the schema family.
FAMILY_MODULES = ("syntax", "structure", "owners", "duplicates", "deadlines", "references",
                  "consistency", "templates", "suppressions")


@dataclass(frozen=True, slots=True)
class Context:
    """What a check may know beyond the data: the as-of date and its own options."""

    as_of: dt.date
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Check:
    """One entry of the catalogue. `scope` says what `func` takes: one record, the whole
    corpus, or nothing (`source`: the loader or the schema validator produces its findings).

    A corpus-scope check (and the `across` half of a record-scope one) reports on
    `corpus.targets` only, reading other records through their `facts` alone, so that its
    findings on a file are the same whether the run names that file or lints everything."""

    name: str
    family: str
    severity: Severity
    scope: Scope
    doc: str
    func: Callable[..., Iterable[Any]] | None = None
    options: Mapping[str, tuple[type, Any]] = field(default_factory=dict)
    applies_to: tuple[str, ...] = ()
    # the cross-record half of a record-scope check (see `across`)
    across: Callable[..., Iterable[Any]] | None = None
    # whether its findings may depend on the as-of date (the engine keeps them per date then)
    reads_as_of: bool = True
    # the same for its cross-record half
    across_reads_as_of: bool = True

    @property
    def summary(self) -> str:
        """The doc's first paragraph on one line (some wrap over two lines in the source)."""
        return " ".join(self.doc.strip().split("\n\n", 1)[0].split())


_DEFINED: list[Check] = []


def check(name: str, *, family: str, severity: Severity, scope: Scope = "record",
          options: Mapping[str, tuple[type, Any]] | None = None,
          applies_to: tuple[str, ...] = (), reads_as_of: bool | None = None
          ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Declare a check; the function's docstring is its user documentation.

    `reads_as_of` says whether its findings may depend on the as-of date; left out, it is
    read from the function's code (see `uses_as_of`)."""

    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        # built-in checks declare it, so the code is read for plugins alone (reading the
        # bytecode costs a few ms a check on every run)
        dated = uses_as_of(func) if reads_as_of is None else reads_as_of
        _DEFINED.append(Check(name, family, severity, scope, func.__doc__ or "",
                              func if scope != "source" else None, dict(options or {}),
                              applies_to, reads_as_of=dated))
        return func

    return register


def uses_as_of(func: Callable[..., Any]) -> bool:
    """Whether a check function may read the as-of date, from its code (as flake8 reads what a
    plugin wants from its parameters): any use of its context other than `ctx.options` (handing
    the context to a helper, say) counts, so a check that does not declare it is never wrongly
    taken for one whose findings hold on every date."""
    import dis  # plugins only: the built-in checks declare it

    code = getattr(func, "__code__", None)
    if code is None or code.co_argcount < 2:
        return code is None
    ctx = code.co_varnames[1]
    if ctx in code.co_cellvars:  # a nested function or generator expression reads it
        return True
    instructions = list(dis.get_instructions(code))
    for here, after in itertools.pairwise(instructions):
        if not here.opname.startswith("LOAD_FAST"):
            continue
        names = here.argval if isinstance(here.argval, tuple) else (here.argval,)
        if ctx in names and (len(names) > 1 or after.argval != "options"
                             or not after.opname.startswith("LOAD_ATTR")):
            return True
    return False


def across(name: str, *, reads_as_of: bool | None = None
           ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Declare the cross-record half of a record-scope check defined just before.

    The record half sees one record, so its findings depend on the content alone and the cache
    keeps them; this half takes the Corpus and yields (record, finding) for its targets.
    `reads_as_of` as for `check`.
    """

    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        dated = uses_as_of(func) if reads_as_of is None else reads_as_of
        for i, defined in enumerate(_DEFINED):
            if defined.name == name and defined.scope == "record":
                _DEFINED[i] = replace(defined, across=func, across_reads_as_of=dated)
                return func
        raise LookupError(f"across({name!r}): no record-scope check of that name yet")

    return register


def source_check(name: str, family: str, severity: Severity, doc: str) -> None:
    """Declare a check whose findings come from the loader or the schema validator."""
    _DEFINED.append(Check(name, family, severity, "source", doc))


class UnknownCheck(ValueError):
    """A check name that is in no family and no plugin."""


def _build() -> dict[str, Check]:
    for module in FAMILY_MODULES:
        importlib.import_module(f"evalcheck.checks.{module}")
    _load_plugins()
    registry: dict[str, Check] = {}
    for c in _DEFINED:
        registry.setdefault(c.name, c)
    return registry


class PluginError(RuntimeError):
    """A plugin in the `evalcheck.checks` group that cannot be loaded."""


def _may_have_plugins() -> bool:
    """Whether an installed distribution may declare an `evalcheck.checks` entry point.

    A quick look at the metadata folders on sys.path, so that a run with no plugin installed
    does not import importlib.metadata and read every distribution's metadata (about 40 ms of
    every `evalcheck lint FILE`, whose target is half a second). Whatever this look cannot
    see (a zip file on the path, a metadata finder other than the standard one) answers yes,
    and importlib.metadata decides."""
    import importlib.machinery
    import os
    import sys

    if any(hasattr(f, "find_distributions") and f is not importlib.machinery.PathFinder
           for f in sys.meta_path):
        return True
    for entry in sys.path:
        folder = entry or os.curdir
        try:
            names = os.listdir(folder)
        except NotADirectoryError:
            return True
        except OSError:
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            try:
                with open(os.path.join(folder, name, "entry_points.txt"), "rb") as fh:
                    if b"evalcheck.checks" in fh.read():
                        return True
            except OSError:
                continue
    return False


def _load_plugins() -> None:
    if not _may_have_plugins():
        return
    from importlib.metadata import entry_points

    for ep in entry_points(group="evalcheck.checks"):
        try:
            ep.load()
        except Exception as exc:  # a third party's bug must not look like evalcheck's
            raise PluginError(f"the plugin {ep.name!r} ({ep.value}) failed to load: "
                              f"{type(exc).__name__}: {exc}") from None


@functools.cache
def registry() -> dict[str, Check]:
    """Every known check by name, built once (the family modules and plugins are imported on
    the first call, not when this module is)."""
    return _build()


def get(name: str) -> Check:
    try:
        return registry()[name]
    except KeyError:
        import difflib

        close = difflib.get_close_matches(name, list(registry()), n=1)
        raise UnknownCheck(f"no such check: {name!r}" +
                           (f" (did you mean {close[0]!r}?)" if close else "")) from None


__all__ = ["Check", "Context", "Finding", "Severity", "across", "check", "get", "registry"]
