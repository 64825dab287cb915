"""Where evalcheck comes from: its name on the package index, its source and documentation,
and where its JSON Schemas lie.

One place for these, so that no message, output or generated file names another project
(`evalcheck` on the public index is someone else's).
"""

from __future__ import annotations

from pathlib import Path

from evalcheck import __version__

DISTRIBUTION = "evalcheck-mr"  # `pip install evalcheck-mr`; the import name and command stay
REPOSITORY = "https://github.com/evalcheck-mr/evalcheck"
PACKAGE_PAGE = f"https://pypi.org/project/{DISTRIBUTION}/"


def install_line(extra: str | None = None) -> str:
    """The pip command that installs this distribution (with an extra, quoted for shells)."""
    return f"pip install '{DISTRIBUTION}[{extra}]'" if extra else f"pip install {DISTRIBUTION}"


def check_url(name: str) -> str:
    """The documentation of one check, at this version's tag."""
    return f"{REPOSITORY}/blob/v{__version__}/docs/checks.md#{name}"


def schema_dir() -> Path:
    """Where the schemas are: inside the installed package, else the checkout's schema/.
    (Here rather than in evalcheck.schemas, so that the cache can name them without importing
    the validator.)"""
    here = Path(__file__).resolve().parent
    installed = here / "schema"
    return installed if installed.is_dir() else here.parent / "schema"
