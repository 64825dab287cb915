"""Optional dependencies: a missing one is a one-line instruction, never a traceback."""

from __future__ import annotations

import importlib
from types import ModuleType

from evalcheck.discover import UsageError

# Import name -> the extra that provides it.
EXTRA_OF = {"openpyxl": "office", "docx": "office", "lxml": "office"}


class MissingExtra(UsageError):
    """A command needs a package that is not installed (exit 2 with the pip command)."""


def missing_extra(exc: ImportError) -> MissingExtra:
    """The error to show for an ImportError: which package is missing and what to install."""
    name = (exc.name or "").split(".")[0]
    extra = EXTRA_OF.get(name, "office")
    package = {"docx": "python-docx"}.get(name, name) or "a dependency"
    from evalcheck.about import install_line

    return MissingExtra(f"this command needs {package}, which is not installed: "
                        f"{install_line(extra)}")


def require(name: str) -> ModuleType:
    """Import an optional module, or raise MissingExtra naming the extra to install."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise missing_extra(exc) from None
