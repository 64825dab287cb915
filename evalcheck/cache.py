"""The cache on disk: what evalcheck learnt about each record file, keyed by the file's content,
and the rules that make a cache folder safe to trust. It implements evalcheck.store.Store;
finding, reading and parsing files is evalcheck.loading's business.

What is kept per content (blake2b of the bytes) is the work that depends on nothing else:
the record's light part (loader findings, suppressions, facts, top-level positions), its heavy
part (data, marks, plain scalars: evalcheck.packing) and the engine's memo of located schema
and record-check findings (engine.Memo: keys carry the check's options, and the date for a
check that reads it). Cross-record checks always run, from the facts.

Layout, under the project root's cache folder (Config.cache_dir, `.evalcheck_cache/`):

    .gitignore          `*`: the folder is never committed
    CACHEDIR.TAG        marks the folder as a cache evalcheck made
    <namespace>/        blake2b, keyed with a random salt kept in the user's own cache folder
                        (~/.cache/evalcheck/salt), of evalcheck's version and code, the
                        schemas, the limits and the Python version: any change starts an empty
                        namespace, and a cache folder that comes with a checkout (committed
                        by a pull request) is never read, so its entries cannot be forged
        owner           marks the namespace as this user's and this folder's (only those are
                        ever deleted); the folder's inode is in the namespace too, so a copy
                        or clone of the folder starts afresh
        index           {shown path: (stat key, digest, facts)}: unchanged files are not
                        even read, and a run that names a few files holds the others by
                        their facts alone, reading nothing else
        index-delta     (the index file's inode, size and mtime, {path: entry, or None for a
                        path gone}): what changed since the index was written, so a run
                        over one changed file does not rewrite a 17 MB index; written anew
                        once it holds INDEX_DELTA_AT entries. Bound to the index file it
                        was made against; each entry stands on its own (checked by stat
                        before use), so a delta lost or mismatched only costs a re-read
        light           (token, {digest: (light part, memo, offset, length, crc)}): what a
                        warm run needs of every file of the last full write; the token names
                        the heavy file it belongs with. Its light parts leave out the facts,
                        which the index holds (a content the index no longer has is a miss):
                        a warm run reads them once, not twice
        heavy           the token, then each of those files' heavy part (marshalled one by
                        one at their offset; in each, the data apart from the positions and
                        plain scalars, so a report decodes the data alone): read only for a
                        record that a check or a report must read again or a problem located
                        below the top level, so a warm lint reads little or nothing of it
        loose/<digest>  whole entries (light part, memo, heavy part) written since, one file
                        each, until the next repack
        cross           the cross-record checks' located findings of the last run, with a
                        fingerprint of every record's path and content (engine.Memo.cross):
                        replayed when nothing changed

Everything is written to a temporary file and renamed into place, so two runs sharing the
folder see old or new files, never half-written ones. Every file carries a CRC-32 (each heavy
part its own): a file or entry that is damaged, cut short or from another write is a miss, and
the record is parsed again. Everything is plain data written with marshal.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import re
import sys
import tempfile
import zlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from evalcheck.config import Config
from evalcheck.document import Document, Fetch
from evalcheck.engine import Memo
from evalcheck.packing import (
    Light,
    is_light,
    pack_heavy,
    pack_light,
    unpack_heavy,
    unpack_record,
)
from evalcheck.records import Facts, Record
from evalcheck.store import Kept, StatKey
from evalcheck.yamlload import Limits

FORMAT = 8
LIMITS = Limits()
REPACK_AT = 64  # records held only in memory or loose before a new heavy file is written
INDEX_DELTA_AT = 512  # index entries kept apart from the index before it is written anew
HEAVY_MAGIC = b"evalcheck heavy\n"
Where = tuple[int, int, int]  # a heavy part in the heavy file: offset, length, crc

# modules whose edits change no cached result: the command line, reports and output formats
_OUTPUT_SIDE = ("cli", "commands", "report", "formatters", "baseline", "discover",
                "textsafe", "__main__")


def _salt() -> str | None:
    """A random value kept outside any repository (the user's cache folder, else the
    machine's temporary folder), created once. It goes into the namespace, so a cache folder
    that arrives with a checkout (committed by a pull request, say) is never read: its
    entries could be forged to hide problems."""
    home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    for base in (os.path.join(home, "evalcheck"),
                 os.path.join(tempfile.gettempdir(), f"evalcheck-{os.getuid()}")
                 if hasattr(os, "getuid") else ""):
        if base:
            salt = _salt_in(os.path.join(base, "salt"))
            if salt is not None:
                return salt
    return None


def _salt_in(path: str) -> str | None:
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        if not os.path.exists(path):
            _make_salt(path)
    except OSError:
        return None
    try:
        with open(path, encoding="ascii") as fh:
            salt = fh.read().strip()
    except (OSError, UnicodeDecodeError):
        return None
    return salt if len(salt) == 32 and all(c in "0123456789abcdef" for c in salt) else None


def _make_salt(path: str) -> None:
    """Write a new salt to a temporary file, then link it to `path` whole: a run that starts
    a moment later (parallel test workers, two commands at once) never reads a salt file
    that is created but not yet written, which would send it to another salt and its cache
    to misses. Whichever run links first wins; the others then read that salt."""
    fd, tmp = tempfile.mkstemp(prefix=".salt.", suffix=".tmp", dir=os.path.dirname(path))
    try:
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(os.urandom(16).hex())
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # made a moment ago by another run
        except OSError:  # a file system without hard links: create it in place
            with contextlib.suppress(FileExistsError):
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "w", encoding="ascii") as fh:
                    fh.write(os.urandom(16).hex())
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def namespace(salt: str, where: str = "") -> str:
    """What the cached results depend on besides the file itself."""
    import evalcheck
    from evalcheck import __version__
    from evalcheck.about import schema_dir
    from evalcheck.yamlload import HAVE_LIBYAML

    h = hashlib.blake2b(digest_size=10, key=bytes.fromhex(salt))
    h.update(f"{FORMAT}|{where}|{__version__}|{sys.version_info[:2]}|{marshal.version}|"
             f"{LIMITS!r}|{HAVE_LIBYAML}".encode())
    # the code that makes cached results, edited in a checkout too: every module but the
    # output side (command line, reports, formats), whose edits change no cached result
    package = Path(evalcheck.__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        name = ".".join(path.relative_to(package).with_suffix("").parts)
        if name.startswith(_OUTPUT_SIDE):
            continue
        with contextlib.suppress(OSError):
            st = path.stat()
            h.update(f"{name}|{st.st_size}|{st.st_mtime_ns}".encode())
    for path in sorted(schema_dir().glob("*.json")):
        h.update(path.read_bytes())
    return h.hexdigest()


def _read(path: Path) -> Any:
    """A file _write wrote, or None: missing, cut short or damaged (its CRC-32 differs)."""
    return _read_keyed(path)[0]


def _read_keyed(path: Path) -> tuple[Any, tuple[int, int, int] | None]:
    """_read, and the file's (inode, size, mtime) as read (None, None when it cannot be
    read)."""
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            raw = fh.read()
    except OSError:
        return None, None
    if len(raw) < 4 or zlib.crc32(memoryview(raw)[4:]) != int.from_bytes(raw[:4], "big"):
        return None, None
    try:
        return marshal.loads(memoryview(raw)[4:]), (st.st_ino, st.st_size, st.st_mtime_ns)
    except (EOFError, ValueError, TypeError, MemoryError):
        return None, None


def _write(path: Path, value: Any) -> None:
    data = marshal.dumps(value)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(zlib.crc32(data).to_bytes(4, "big"))
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class CacheStore:
    """One namespace of the cache folder (an evalcheck.store.Store): read lazily, written
    atomically, errors ignored (a cache that fails is a slower run, never a wrong one)."""

    def __init__(self, folder: Path, salt: str) -> None:
        self.folder = folder
        # the cache folder itself is part of the key: a copy or a clone of it (a new inode)
        # starts afresh, even for the same user
        try:
            st = os.stat(folder)
            where = f"{st.st_dev}:{st.st_ino}"
        except OSError:
            where = "new"
        self._salt = salt
        self.owner = hashlib.blake2b(f"{salt}|{where}".encode(), digest_size=8).hexdigest()
        self.dir = folder / namespace(salt, where)
        self.loose_dir = self.dir / "loose"
        index, self._index_key = _read_keyed(self.dir / "index")
        self._base: dict[str, Any] = index if isinstance(index, dict) else {}
        self.index: dict[str, Any] = self._base
        delta = _read(self.dir / "index-delta") if self._base else None
        if isinstance(delta, tuple) and len(delta) == 2 and delta[0] == self._index_key \
                and isinstance(delta[1], dict):
            self.index = {**self._base, **delta[1]}
            for path, entry in delta[1].items():
                if entry is None:
                    del self.index[path]
        self._facts: dict[str, Facts] | None = None
        self._light: dict[str, Any] | None = None
        self._token = ""
        self._heavy_fd: int | None = None
        self._served: dict[str, Where | None] = {}  # digests given out: where their heavy is
        try:
            self.loose = set(os.listdir(self.loose_dir))
        except OSError:
            self.loose = set()

    # ------------------------------------------------------------ reading

    def unchanged(self, shown: str, stat: StatKey) -> str | None:
        known = self.index.get(shown)
        if isinstance(known, tuple) and len(known) == 3 and known[0] == stat \
                and isinstance(known[1], str):
            return known[1]
        return None

    def facts(self, digest: str) -> Facts | None:
        if self._facts is None:
            self._facts = {}
            for known in self.index.values():
                try:
                    self._facts[known[1]] = Facts(*known[2])
                except (TypeError, ValueError, IndexError):
                    continue  # a damaged entry: that file is read instead
        return self._facts.get(digest)

    def knows_contents(self, whole: bool = True) -> bool:
        return bool(self.index or self.loose) or (whole and bool(self.light))

    @property
    def light(self) -> dict[str, Any]:
        """The light entries of the last full write (empty when they, or the heavy file they
        belong with, cannot be read)."""
        if self._light is None:
            self._light = {}
            kept = _read(self.dir / "light")
            if isinstance(kept, tuple) and len(kept) == 2 and isinstance(kept[1], dict) \
                    and isinstance(kept[0], str):
                fd = self._open_heavy(kept[0])
                if fd is not None:
                    self._token, self._light, self._heavy_fd = kept[0], kept[1], fd
        return self._light

    def record(self, shown: str, digest: str, reread: Callable[[], Record],
               whole: bool = True) -> Kept | None:
        """A loose entry of this content, else (with `whole`) the light entry of the last
        full write, its heavy part read from the heavy file when first asked for."""
        entry: Any = _read(self.loose_dir / digest) if digest in self.loose else None
        if isinstance(entry, tuple) and len(entry) == 3 and is_light(entry[0]) \
                and isinstance(entry[1], dict) and isinstance(entry[2], bytes):
            light, memo, blob = entry
            with contextlib.suppress(TypeError, ValueError):
                kept = Kept(unpack_record(shown, digest, light, _unpacker(blob, reread)), memo)
                self._served[digest] = None
                return kept
        found = self.light.get(digest) if whole else None
        if isinstance(found, tuple) and len(found) == 5 and is_light(found[0]) \
                and isinstance(found[1], dict):
            where, light = found[2:], found[0]
            if light[2] is None:  # the facts are the index's
                facts = self.facts(digest)
                if facts is None:
                    return None
                light = (*light[:2], facts, light[3])
            with contextlib.suppress(TypeError, ValueError):
                kept = Kept(unpack_record(shown, digest, light,
                                          self._fetcher(where, reread)), found[1])
                self._served[digest] = where
                return kept
        return None

    def _fetcher(self, where: Where, reread: Callable[[], Record]) -> Fetch:
        def fetch(whole: bool) -> Document:
            blob = self._stored(where)
            if blob is not None:
                with contextlib.suppress(EOFError, ValueError, TypeError, MemoryError):
                    return unpack_heavy(blob, whole)
            return reread().doc

        return fetch

    def _open_heavy(self, token: str) -> int | None:
        """The heavy file written with this light file (another run may have replaced one of
        the two since: then its token differs, and it is not used)."""
        try:
            fd = os.open(self.dir / "heavy", os.O_RDONLY)
        except OSError:
            return None
        head = HEAVY_MAGIC + token.encode() + b"\n"
        try:
            ok = os.pread(fd, len(head), 0) == head
        except OSError:
            ok = False
        if not ok:
            os.close(fd)
            return None
        return fd

    def _stored(self, where: Where) -> bytes | None:
        """The bytes of one heavy part as written, or None if they cannot be read or are
        damaged."""
        offset, length, crc = where
        if self._heavy_fd is None or not isinstance(offset, int) or not isinstance(length, int):
            return None
        try:
            blob = os.pread(self._heavy_fd, length, offset)
        except (OSError, ValueError, OverflowError):
            return None
        return blob if zlib.crc32(blob) == crc else None

    # ------------------------------------------------------------ writing

    def save(self, records: Sequence[Record], stats: Mapping[str, StatKey | None],
             memo: Memo, packed: Mapping[str, bytes]) -> None:
        """Keep what this run learnt: new entries loose, new memos in the light file, or
        everything in a new light and heavy file."""
        # A read-only or full disk, or data marshal cannot write, means no cache, not a failure.
        with contextlib.suppress(OSError, ValueError):
            self._save(records, stats, memo, packed)

    def _save(self, records: Sequence[Record], stats: Mapping[str, StatKey | None],
              memo: Memo, packed: Mapping[str, bytes]) -> None:
        kept = [r for r in records if r.digest]
        # records held by their facts alone: a run that names files
        whole = [r for r in kept if r.digest in self._served or r.doc.loaded
                 or r.digest in packed]
        new = [r for r in whole if r.digest not in self._served]
        changed = new + [r for r in whole if r.digest in self._served
                         and r.digest in memo.changed]
        index = {r.path: (stats.get(r.path), r.digest, tuple(r.facts)) for r in kept}
        if not changed and index == self.index:
            return
        self._prepare()
        if len(whole) < len(kept):
            # a run with records held by their facts writes loose entries only, and drops
            # the loose entries no file has any more
            for name in self.loose - {r.digest for r in kept}:
                with contextlib.suppress(OSError):
                    os.unlink(self.loose_dir / name)
            self._loose(changed, memo, packed)
        else:
            in_memory = [r for r in whole if self._served.get(r.digest) is None]
            if not self.light or len(in_memory) > max(REPACK_AT, len(whole) // 20):
                self._repack(whole, memo, packed)
            else:
                self._loose([r for r in changed if self._served.get(r.digest) is None],
                            memo, packed)
                if any(self._served.get(r.digest) is not None for r in changed):
                    self._write_light({r.digest: (_factless(r), memo.entries.get(r.digest, {}),
                                                  *where) for r in whole
                                       if (where := self._served.get(r.digest)) is not None})
        if index != self.index:
            self._write_index(index)

    def _write_index(self, index: dict[str, Any]) -> None:
        """The entries that differ from the index file beside it, while they are few; else a
        new index file."""
        base = self._base
        delta: dict[str, Any] = {p: e for p, e in index.items() if base.get(p) != e}
        delta.update((p, None) for p in base if p not in index)
        if self._index_key is not None and len(delta) <= INDEX_DELTA_AT:
            _write(self.dir / "index-delta", (self._index_key, delta))
            return
        _write(self.dir / "index", index)
        with contextlib.suppress(OSError):
            os.unlink(self.dir / "index-delta")

    def cross(self) -> dict[str, Any]:
        kept = _read(self.dir / "cross")
        return kept if isinstance(kept, dict) else {}

    def save_cross(self, cross: Mapping[str, Any]) -> None:
        with contextlib.suppress(OSError, ValueError):
            self._prepare()
            _write(self.dir / "cross", dict(cross))

    def _blob(self, record: Record, packed: Mapping[str, bytes]) -> bytes:
        blob = packed.get(record.digest)
        where = self._served.get(record.digest)
        if blob is None and where is not None:
            blob = self._stored(where)
        return blob if blob is not None else pack_heavy(record.doc)

    def _loose(self, records: list[Record], memo: Memo, packed: Mapping[str, bytes]) -> None:
        if records:
            self.loose_dir.mkdir(exist_ok=True)
        for r in records:
            _write(self.loose_dir / r.digest, (pack_light(r), memo.entries.get(r.digest, {}),
                                               self._blob(r, packed)))

    def _write_light(self, entries: dict[str, Any]) -> None:
        """A new light file for the heavy file this run read (unless another run has
        replaced that heavy file since: then the light file it wrote stays)."""
        fd = self._open_heavy(self._token) if self._token else None
        if fd is not None:
            os.close(fd)
            _write(self.dir / "light", (self._token, entries))

    def _repack(self, records: list[Record], memo: Memo, packed: Mapping[str, bytes]) -> None:
        """Every entry in a new heavy file and light file. Heavy parts already in the old
        heavy file are copied as bytes, not read and written again."""
        token = os.urandom(16).hex()
        heavy = self.dir / "heavy"
        fd, tmp = tempfile.mkstemp(prefix=".heavy.", suffix=".tmp", dir=self.dir)
        entries: dict[str, Any] = {}
        try:
            with os.fdopen(fd, "wb") as fh:
                head = HEAVY_MAGIC + token.encode() + b"\n"
                fh.write(head)
                offset = len(head)
                for r in records:
                    if r.digest in entries:
                        continue
                    blob = self._blob(r, packed)
                    fh.write(blob)
                    entries[r.digest] = (_factless(r), memo.entries.get(r.digest, {}), offset,
                                         len(blob), zlib.crc32(blob))
                    offset += len(blob)
            os.replace(tmp, heavy)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _write(self.dir / "light", (token, entries))
        for name in self.loose:
            with contextlib.suppress(OSError):
                os.unlink(self.loose_dir / name)

    def _prepare(self) -> None:
        if not self.folder.exists():
            self.folder.mkdir(parents=True)
            (self.folder / ".gitignore").write_text(
                "# evalcheck's cache: safe to delete, never to commit\n*\n", encoding="utf-8")
            (self.folder / "CACHEDIR.TAG").write_text(TAG, encoding="utf-8")
            fresh = CacheStore(self.folder, self._salt)  # its inode is known only now
            self.dir, self.owner = fresh.dir, fresh.owner
        self.dir.mkdir(exist_ok=True)
        owner = self.dir / "owner"
        if not owner.exists():
            owner.write_text(self.owner, encoding="ascii")
        for other in self.folder.iterdir():  # our namespaces of other versions or schemas
            if other != self.dir and _is_namespace(other, self.owner):
                _remove_tree(other)


def _factless(record: Record) -> Light:
    """A light part for the light file: its facts are in the index."""
    light = pack_light(record)
    return (*light[:2], None, light[3])


def _unpacker(blob: bytes, reread: Callable[[], Record]) -> Fetch:
    def fetch(whole: bool) -> Document:
        with contextlib.suppress(EOFError, ValueError, TypeError, MemoryError):
            return unpack_heavy(blob, whole)
        return reread().doc

    return fetch


def open_store(root: Path, config: Config) -> CacheStore | None:
    """The project's cache, or None when it must not or cannot be used (see cache_folder)."""
    folder = cache_folder(root, config)
    salt = _salt() if folder is not None else None
    return CacheStore(folder, salt) if folder is not None and salt is not None else None


TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
       "# evalcheck's cache (https://bford.info/cachedir/): safe to delete\n")
_NAMESPACE = re.compile(r"[0-9a-f]{20}")


def _is_namespace(folder: Path, owner: str) -> bool:
    """One this user made: a hex name holding nothing but what Store writes, and our mark."""
    if not _NAMESPACE.fullmatch(folder.name) or folder.is_symlink() or not folder.is_dir():
        return False
    try:
        return (folder / "owner").read_text(encoding="ascii") == owner and all(
            p.name in ("index", "light", "heavy", "loose", "owner", "cross")
            or p.name.endswith(".tmp")
            for p in folder.iterdir())
    except (OSError, UnicodeDecodeError):
        return False


def cache_folder(root: Path, config: Config) -> Path | None:
    """The cache folder, or None when it must not be used: `cache-dir` comes from the
    repository's config (a pull request can set it), so it must stay inside the project and be
    either new or one evalcheck made (its CACHEDIR.TAG), never a folder of records."""
    folder = root / config.cache_dir
    try:
        real = folder.resolve()
    except (OSError, RuntimeError):
        return None
    if real == root or not real.is_relative_to(root):
        return None
    if folder.exists() or folder.is_symlink():
        try:
            if (folder / "CACHEDIR.TAG").read_text(encoding="utf-8") != TAG:
                return None
        except (OSError, UnicodeDecodeError):
            return None
    return real


def _remove_tree(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
