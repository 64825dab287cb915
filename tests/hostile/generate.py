"""The large and special corpus members, made by the tests instead of committed.

Each maker takes the path the file must appear at (inside records/) and a folder outside the
repository it may use; they write what a careless or hostile contributor could put there.
"""

from __future__ import annotations

import os
from pathlib import Path

HEAD = "kind: evaluation\nid: EV-2024-01\n"
VALID = HEAD + "title: Final evaluation of the RICOMI project\nstatus: planned\nowner: me-unit\n"
DEPTH = 10_000


def big_50mb(path: Path, outside: Path) -> None:
    """A well-formed record padded to 50 MiB with findings: over the 10 MB limit."""
    line = b"  - " + b"x" * 92 + b"\n"
    with path.open("wb") as fh:
        fh.write((VALID + "findings:\n").encode())
        fh.write(line * (50 * 1024 * 1024 // len(line)))


def deep_flow(path: Path, outside: Path) -> None:
    """10,000 nested flow lists: `title: [[[[...]]]]`."""
    path.write_text(VALID.replace("title: Final evaluation of the RICOMI project",
                                  "title: " + "[" * DEPTH + "]" * DEPTH))


def deep_block_indented(path: Path, outside: Path) -> None:
    """10,000 nested block mappings, one more space of indentation each: ~50 MB of spaces."""
    with path.open("w") as fh:
        fh.write(VALID + "x-deep:\n")
        for i in range(1, DEPTH + 1):
            fh.write(" " * i + f"k{i}:\n")


def deep_block_compact(path: Path, outside: Path) -> None:
    """10,000 nested block sequences written compactly: `- - - - ... x` (20 KB)."""
    path.write_text(VALID + "findings:\n" + "- " * DEPTH + "x\n")


def deep_block_small(path: Path, outside: Path) -> None:
    """200 nested block mappings by indentation: small enough that the depth limit speaks."""
    path.write_text(VALID + "x-deep:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 201)))


def billion_laughs(path: Path, outside: Path) -> None:
    """The classic: nine levels of ten aliases each, 10^9 strings once expanded."""
    lines = [HEAD + "status: planned\nowner: me-unit",
             'x-a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"x-a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    lines.append("title: *a8")
    path.write_text("\n".join(lines) + "\n")


def alias_fanout(path: Path, outside: Path) -> None:
    """One 5,000-item list referenced 1,000 times: quadratic, not exponential, blow-up."""
    items = ", ".join(f"f{i}" for i in range(5_000))
    path.write_text(HEAD + "status: planned\nowner: me-unit\ntitle: t\n"
                    f"x-base: &base [{items}]\nx-copies:\n" + "  - *base\n" * 1_000)


def too_many_values(path: Path, outside: Path) -> None:
    """20,001 tiny findings (120 KB): each costs the checks time, so the count is bounded."""
    path.write_text(VALID + "findings:\n" + "  - x\n" * 20_001)


def too_many_comments(path: Path, outside: Path) -> None:
    """20,001 suppression comments: each unused one would become a problem of its own."""
    path.write_text(VALID + "# evalcheck: ignore[schema] copied from the template\n" * 20_001)


def folder(path: Path, outside: Path) -> None:
    """A folder named like a record file, holding a record: it is walked, not read."""
    path.mkdir()
    (path / "inner.yaml").write_text(HEAD + "title: Inner\nstatus: finished\nowner: me-unit\n")


def symlink_outside(path: Path, outside: Path) -> None:
    """A link to a file outside the repository (a secret, say); it must not be read."""
    secret = outside / "secret.yaml"
    secret.write_text("kind: evaluation\nid: SECRET-TOKEN-1234\ntitle: leaked secret\n")
    path.symlink_to(secret)


def symlink_loop(path: Path, outside: Path) -> None:
    other = path.with_name("loop-other.link")
    path.symlink_to(other.name)
    other.symlink_to(path.name)


def dangling_symlink(path: Path, outside: Path) -> None:
    path.symlink_to("no-such-record.yaml")


def unreadable(path: Path, outside: Path) -> None:
    """chmod 000; the tests also take away root's override so that it means something."""
    path.write_text(VALID)
    path.chmod(0)


def fifo(path: Path, outside: Path) -> None:
    """A named pipe: opening it for reading would wait for a writer forever."""
    os.mkfifo(path)
