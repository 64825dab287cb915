"""The hostile and broken input corpus, with the exact outcome each member must get.

Small files live in corpus/ (committed byte for byte: corpus/.gitattributes turns off line-end
conversion); large and special ones (50 MB, 10,000-deep, alias bombs, links, pipes, unreadable
files) are made by generate.py in each test's temporary repository.

Each case is one file placed at records/<name> in a repository that also holds an owners
registry and the evaluation EV-2024-00 that the corpus's management responses answer. `expected`
lists every problem `evalcheck lint --as-of 2024-06-30` reports for that file, as
(line, column, check); `validate` must report the subset of them that the yaml and schema
families own. `says` is a phrase the file's messages must contain, so a case cannot pass by
an unrelated problem at the same place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hostile import generate

Located = tuple[int, int, str]

# What `evalcheck validate` runs: the loader and the schema validator (rules.md families yaml
# and schema, and missing-owner which the schema's `required` produces).
SOURCE_CHECKS = frozenset({"yaml-syntax", "duplicate-key", "ambiguous-scalar", "unsafe-yaml",
                           "schema", "unknown-kind", "missing-owner"})


@dataclass(frozen=True)
class Case:
    """One corpus member and what evalcheck must say about it."""

    name: str
    what: str
    expected: tuple[Located, ...]
    says: str
    corpus: str | None = None
    make: Callable[[Path, Path], None] | None = None
    shown: str = ""  # the path problems are reported at, when not records/<name>
    unreadable: bool = False  # needs a reader that cannot override file modes
    no_marker: bool = False  # a constructing tag that would create ./pwned-by-evalcheck

    @property
    def path(self) -> str:
        return self.shown or f"records/{self.name}"

    @property
    def lint_exit(self) -> int:
        """1 when an expected problem is an error by default (rules.md), else 0."""
        from evalcheck.checks import get

        return 1 if any(get(c).severity.value == "error" for _, _, c in self.expected) else 0

    @property
    def validate_expected(self) -> tuple[Located, ...]:
        return tuple(p for p in self.expected if p[2] in SOURCE_CHECKS)

    @property
    def validate_exit(self) -> int:
        return 1 if self.validate_expected else 0


def _c(name: str, what: str, expected: list[Located], says: str, **kw: object) -> Case:
    if "make" not in kw:
        kw["corpus"] = name
    return Case(name, what, tuple(sorted(expected)), says, **kw)  # type: ignore[arg-type]


CASES: list[Case] = [
    # --- broken YAML and encodings -----------------------------------------------------------
    _c("truncated.yaml", "cut off inside a quoted string",
       [(7, 43, "yaml-syntax")], "end of stream"),
    _c("tabs.yaml", "a tab used for indentation",
       [(7, 1, "yaml-syntax")], "not valid YAML"),
    _c("utf16le-bom.yaml", "UTF-16 little-endian with a byte-order mark",
       [(1, 1, "unsafe-yaml")], "UTF-16"),
    _c("utf16be-bom.yaml", "UTF-16 big-endian with a byte-order mark",
       [(1, 1, "unsafe-yaml")], "UTF-16"),
    _c("utf16le-no-bom.yaml", "UTF-16 without a byte-order mark: NULs between the letters",
       [(1, 2, "unsafe-yaml")], "U+0000"),
    _c("latin1.yaml", "Latin-1: the ó of Evaluación is byte 0xF3",
       [(3, 16, "unsafe-yaml")], "0xF3"),
    _c("utf8-bom.yaml", "a UTF-8 byte-order mark: accepted", [], ""),
    _c("crlf.yaml", "Windows line ends: accepted", [], ""),
    _c("crlf-located.yaml", "Windows line ends do not shift locations",
       [(4, 9, "schema")], "'finished'"),
    _c("nul-byte.yaml", "a NUL byte inside the title",
       [(3, 13, "unsafe-yaml")], "U+0000"),
    _c("line-separator.yaml", "U+2028, which YAML counts as a line break and editors do not",
       [(3, 13, "unsafe-yaml")], "U+2028"),
    _c("multi-document.yaml", "two documents in one file",
       [(6, 1, "yaml-syntax")], "more than one YAML document"),
    _c("undefined-alias.yaml", "an alias with no anchor",
       [(3, 8, "yaml-syntax")], "*title"),
    # --- size, depth and alias bombs (generated) ----------------------------------------------
    _c("big-50mb.yaml", "a 50 MiB file", [(1, 1, "unsafe-yaml")], "more than the limit",
       make=generate.big_50mb),
    _c("deep-flow.yaml", "10,000-deep flow nesting [[[[...]]]]",
       [(3, 71, "unsafe-yaml")], "nested more than 64", make=generate.deep_flow),
    _c("deep-block-indented.yaml", "10,000-deep block nesting by indentation (~50 MB)",
       [(1, 1, "unsafe-yaml")], "more than the limit", make=generate.deep_block_indented),
    _c("deep-block-compact.yaml", "10,000-deep block sequences `- - - ...`",
       [(7, 127, "unsafe-yaml")], "nested more than 64", make=generate.deep_block_compact),
    _c("deep-block-small.yaml", "200-deep block nesting by indentation",
       [(70, 65, "unsafe-yaml")], "nested more than 64", make=generate.deep_block_small),
    _c("billion-laughs.yaml", "nine levels of ten aliases",
       [(8, 47, "unsafe-yaml")], "aliases", make=generate.billion_laughs),
    _c("alias-fanout.yaml", "one 5,000-item anchor aliased 1,000 times",
       [(9, 5, "unsafe-yaml")], "aliases", make=generate.alias_fanout),
    _c("too-many-values.yaml", "20,001 findings", [(19994, 5, "unsafe-yaml")],
       "more than 20,000 values", make=generate.too_many_values),
    _c("too-many-comments.yaml", "20,001 suppression comments", [(1, 1, "unsafe-yaml")],
       "evalcheck comments", make=generate.too_many_comments),
    # --- constructing tags: reported, never constructed ---------------------------------------
    _c("python-object.yaml", "!!python/object:os.system",
       [(3, 8, "schema"), (3, 8, "unsafe-yaml")], "!!python/object:os.system", no_marker=True),
    _c("python-object-apply-os-system.yaml", "!!python/object/apply:os.system [touch ...]",
       [(3, 8, "schema"), (3, 8, "unsafe-yaml")], "!!python/object/apply:os.system",
       no_marker=True),
    _c("python-object-new.yaml", "!!python/object/new:subprocess.check_output",
       [(3, 8, "schema"), (3, 8, "unsafe-yaml")], "!!python/object/new:subprocess",
       no_marker=True),
    _c("python-name.yaml", "!!python/name:os.system",
       [(3, 8, "schema"), (3, 8, "unsafe-yaml")], "!!python/name:os.system", no_marker=True),
    _c("python-module.yaml", "!!python/module:os",
       [(3, 8, "schema"), (3, 8, "unsafe-yaml")], "!!python/module:os", no_marker=True),
    _c("python-tag-directive.yaml", "%TAG !py! aliasing the python tags",
       [(5, 8, "schema"), (5, 8, "unsafe-yaml")], "!!python/object/apply:os.system",
       no_marker=True),
    _c("binary-and-set.yaml", "!!binary and !!set",
       [(3, 8, "schema"), (3, 8, "unsafe-yaml"), (6, 13, "schema"), (6, 13, "unsafe-yaml")],
       "!!set"),
    # --- YAML that loads, but not as written ---------------------------------------------------
    _c("merge-keys.yaml", "a merge key pulling status from an anchor",
       [(1, 1, "schema"), (7, 1, "unsafe-yaml")], "merge keys"),
    _c("duplicate-key-deep.yaml", "status twice inside an action, three levels down",
       [(14, 9, "duplicate-key")], "'status' appears twice"),
    _c("text-as-bool-and-number.yaml", "title: yes and id: 1.10",
       [(2, 5, "ambiguous-scalar"), (3, 8, "ambiguous-scalar")], "1.10 is read as the number"),
    _c("huge-integer.yaml", "a 5,000-digit year (past Python's int-from-text limit)",
       [(6, 7, "schema")], "whole number"),
    # --- dates ---------------------------------------------------------------------------------
    _c("impossible-date.yaml", "report_date: 2023-02-30",
       [(6, 14, "schema")], "not a real calendar date"),
    _c("deadline-in-words.yaml", "deadline: Noviembre 2023",
       [(11, 19, "schema")], "'Noviembre 2023' is not a deadline in the form"),
    # --- empty and incomplete ------------------------------------------------------------------
    _c("empty.yaml", "an empty file", [(1, 1, "unknown-kind")], "empty"),
    _c("comment-only.yaml", "only a comment", [(1, 1, "unknown-kind")], "empty"),
    _c("kind-only.yaml", "kind: evaluation and nothing else",
       [(1, 1, "missing-owner"), (1, 1, "schema"), (1, 1, "schema"), (1, 1, "schema")],
       "status is required"),
    # --- the file system -----------------------------------------------------------------------
    _c("folder.yaml", "a folder whose name ends in .yaml: walked, its record checked",
       [(4, 9, "schema")], "'finished'", make=generate.folder,
       shown="records/folder.yaml/inner.yaml"),
    _c("symlink-outside.yaml", "a link to a file outside the repository",
       [(1, 1, "unsafe-yaml")], "link to outside the repository",
       make=generate.symlink_outside),
    _c("symlink-loop.yaml", "two links pointing at each other",
       [(1, 1, "yaml-syntax")], "too many levels of symbolic links",
       make=generate.symlink_loop),
    _c("dangling-symlink.yaml", "a link to nothing",
       [(1, 1, "yaml-syntax")], "no such file", make=generate.dangling_symlink),
    _c("unreadable.yaml", "chmod 000", [(1, 1, "yaml-syntax")], "permission denied",
       make=generate.unreadable, unreadable=True),
    _c("fifo.yaml", "a named pipe", [(1, 1, "unsafe-yaml")], "not a regular file",
       make=generate.fifo),
]
