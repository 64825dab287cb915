"""Writing the files people name (-o, --out, --write-baseline, and the records that set,
import, new and codeowners change): atomically when the target is a regular file, in place
when it is anything else.

A regular file is replaced by renaming a finished temporary file over it, so a reader sees
the old content or the new, never half of either. Anything else is written through, never
replaced: renaming over `/dev/null` as root would leave a world-writable regular file there
for the whole machine, renaming over a named pipe would leave its reader waiting forever, and
`/dev/stdout` or a shell's `>(...)` is a link to a pipe that only writing through reaches.
Every failure is a WriteError: one line for the person, never a traceback.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from evalcheck.textsafe import visible


class WriteError(ValueError):
    """A file that cannot be written, in words (the CLI prints it and exits 2)."""


def _reason(path: Path, exc: OSError) -> str:
    why = (exc.strerror or str(exc)).lower()
    return f"cannot write {visible(str(path))}: {why}"


def write_atomic(path: Path, text: str | bytes | Iterable[str]) -> None:
    """Write `text` (one piece, or pieces written as they come) to `path`: a new or regular
    file atomically, anything else (a device, a pipe, a link) in place. Raises WriteError."""
    chunks: Iterable[bytes | str] = (text,) if isinstance(text, (str, bytes)) else text
    try:
        try:
            st: os.stat_result | None = os.lstat(path)
        except FileNotFoundError:
            st = None
        if st is not None and not stat.S_ISREG(st.st_mode):
            _write_through(path, chunks)
        else:
            _replace(path, chunks, st)
    except OSError as exc:
        raise WriteError(_reason(path, exc)) from None


def _encoded(chunks: Iterable[bytes | str]) -> Iterable[bytes]:
    for chunk in chunks:
        yield chunk.encode("utf-8") if isinstance(chunk, str) else chunk


def _write_through(path: Path, chunks: Iterable[bytes | str]) -> None:
    """Open what is there for writing, as a shell's `>` does (never create: a link to
    nothing stays an error), and write into it."""
    fd = os.open(path, os.O_WRONLY | os.O_TRUNC | os.O_NOCTTY)
    with os.fdopen(fd, "wb") as fh:
        for chunk in _encoded(chunks):
            fh.write(chunk)


def _replace(path: Path, chunks: Iterable[bytes | str], st: os.stat_result | None) -> None:
    """A hidden temporary file in the same folder, written, fsynced, given the old file's
    permissions, then renamed over the target."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in _encoded(chunks):
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, st.st_mode & 0o777 if st is not None else 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
