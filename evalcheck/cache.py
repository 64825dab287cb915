"""Remember what evalcheck learnt about each record file, keyed by the file's content.

What is kept per content (blake2b of the bytes) is the work that depends on nothing else:
the parsed data, the locator's marks, the loader's findings, plain scalars, suppressions, and a
memo of schema findings and record-check findings (engine.check_key: their keys carry the
check's options; a check that reads the as-of date is kept for one date at a time), and the
record's facts (records.Facts). Cross-record checks always run, from the facts.

Layout, under the project root's cache folder (Config.cache_dir, `.evalcheck_cache/`):

    .gitignore          `*`: the folder is never committed
    <namespace>/        blake2b, keyed with a random salt kept in the user's own cache folder
                        (~/.cache/evalcheck/salt), of evalcheck's version and code, the
                        schemas, the limits and the Python version: any change starts an empty
                        namespace, and a cache folder that comes with a checkout (committed
                        by a pull request) is never read, so its entries cannot be forged
        owner           marks the namespace as this user's and this folder's (only those are
                        ever deleted); the folder's inode is in the namespace too, so a copy
                        or clone of the folder starts afresh
        index           {shown path: (stat key, digest, facts)}: unchanged files are not
                        even read, and a run that names a few files builds the corpus
                        indexes from the facts alone (StubRecord), reading nothing else
        light           (token, {digest: (findings, suppressions, memo, facts, offset,
                        length, crc)}): what a warm run needs of every file of the last full
                        write; the token names the heavy file it belongs with
        heavy           the token, then each of those files' data, marks and plain scalars
                        (marshalled one by one at their offset): read only for a record that
                        is reported on or must be checked again, so a warm run reads little
        loose/<digest>  whole entries written since, one file each, until the next repack

Everything is written to a temporary file and renamed into place, so two runs sharing the
folder see old or new files, never half-written ones. Every file carries a CRC-32 (each heavy
part its own): a file or entry that is damaged, cut short or from another write is a miss, and
the record is parsed again. Everything is plain data written with marshal, the fastest format
Python reads back.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import marshal
import os
import re
import stat
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evalcheck.config import Config
from evalcheck.discover import Source
from evalcheck.problems import Finding
from evalcheck.records import Facts, Record, load_record
from evalcheck.suppress import Suppression
from evalcheck.textsafe import name_control
from evalcheck.yamlload import Document, Limits, Locator, PlainScalar

FORMAT = 5
LIMITS = Limits()
REPACK_AT = 64  # records held only in memory or loose before a new heavy file is written
PARALLEL_AT = 100  # files to parse from which two workers beat one process (benchmarks/README)
RACY_NS = 2_000_000_000  # a file changed this recently may change again within one mtime tick

Entry = tuple  # (data, marks blob, findings, plain scalars blob, suppressions, memo, facts)
ENTRY_SIZE = 7
Light = tuple  # (findings, suppressions, memo, facts, offset, length, crc) of the heavy part
HEAVY_MAGIC = b"evalcheck heavy\n"
Todo = tuple  # (index, shown path, bytes or None: read it again, digest, memo so far, path)
StatKey = tuple[int, int, int, int]


class Memo(dict):
    """A record's memo of findings, which knows whether this run changed it (a new day
    replaces the findings of checks that read the date: as many entries as before)."""

    __slots__ = ("changed",)

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.changed = False

    def __setitem__(self, key: str, value: Any) -> None:
        self.changed = True
        super().__setitem__(key, value)

    def __delitem__(self, key: str) -> None:
        self.changed = True
        super().__delitem__(key)


@dataclass(slots=True)
class CachedRecord(Record):
    """A Record that carries a memo of its content-only findings (filled by the engine)."""

    memo: Memo = field(default_factory=Memo)
    digest: str = ""
    new: bool = True  # not read from the cache: to be kept
    where: tuple[int, int, int] | None = None  # its data in the heavy file: offset, length, crc
    blob: bytes | None = None  # its heavy part, marshalled by a worker, not yet written

    @property
    def changed(self) -> bool:
        """Whether there is something new to keep."""
        return self.new or self.memo.changed


class _HeavyDocument(Document):
    """A document whose data, marks and plain scalars stay in the cache's heavy file until
    something asks for them (its findings are at hand)."""

    __slots__ = ("_fetch", "_got")

    def __init__(self, findings: list[Finding], fetch: Callable[[], Document]) -> None:
        self.findings = findings
        self._fetch = fetch
        self._got: Document | None = None

    def _doc(self) -> Document:
        if self._got is None:
            self._got = self._fetch()
        return self._got

    @property
    def data(self) -> Any:
        return self._doc().data

    @property
    def locator(self) -> Locator:  # type: ignore[override]
        return self._doc().locator

    @property
    def plain_scalars(self) -> list[PlainScalar]:  # type: ignore[override]
        return self._doc().plain_scalars

    @property
    def marker_spans(self) -> list[tuple[int, int, int, int]]:  # type: ignore[override]
        return self._doc().marker_spans


class StubRecord(Record):
    """A record the run does not report on, in a run that names files: its facts come from the
    cache's index; its data is read (from the cache, else the file) only if something asks."""

    __slots__ = ("_full", "_load", "digest")

    def __init__(self, path: str, digest: str, facts: Facts,
                 load: Callable[[], Record]) -> None:
        self.path = path
        self.known_facts = facts
        self.digest = digest
        self._full: Record | None = None
        self._load = load

    def full(self) -> Record:
        if self._full is None:
            self._full = self._load()
        return self._full

    @property
    def doc(self) -> Document:  # type: ignore[override]
        return self.full().doc

    @property
    def suppressions(self) -> dict[int, Suppression]:  # type: ignore[override]
        return self.full().suppressions


class _LazyLocator(Locator):
    """A locator whose marks are unmarshalled on first use: most records are never located."""

    __slots__ = ("_blob",)

    def __init__(self, blob: bytes) -> None:
        self._blob = blob

    def locate(self, path: Any, key: bool = False) -> tuple[int, int]:
        try:
            self._root  # noqa: B018
        except AttributeError:
            self._root = marshal.loads(self._blob)
        return super().locate(path, key)

    def blob(self) -> bytes:
        return self._blob


_OUTPUT_SIDE = ("cli", "commands", "report", "formatters", "baseline", "loading", "discover",
                "textsafe", "__main__")


class _LazyScalars(list[PlainScalar]):
    """Document.plain_scalars of a cached record, decoded on first use: only the schema check
    reads them, and its findings are usually in the memo already."""

    __slots__ = ("_blob",)

    def __init__(self, blob: bytes) -> None:
        super().__init__()
        self._blob: bytes | None = blob

    def _load(self) -> None:
        if self._blob is not None:
            blob, self._blob = self._blob, None
            list.extend(self, [PlainScalar(*p) for p in marshal.loads(blob)])

    def blob(self) -> bytes | None:
        return self._blob

    def __iter__(self) -> Any:
        self._load()
        return list.__iter__(self)

    def __len__(self) -> int:
        self._load()
        return list.__len__(self)

    def __getitem__(self, index: Any) -> Any:
        self._load()
        return list.__getitem__(self, index)

    def __eq__(self, other: object) -> bool:
        self._load()
        return list.__eq__(self, other)

    def __repr__(self) -> str:
        self._load()
        return list.__repr__(self)

    __hash__ = None


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
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(os.urandom(16).hex())
    except FileExistsError:
        pass  # made before, perhaps by another run a moment ago
    except OSError:
        return None
    try:
        with open(path, encoding="ascii") as fh:
            salt = fh.read().strip()
    except (OSError, UnicodeDecodeError):
        return None
    return salt if len(salt) == 32 and all(c in "0123456789abcdef" for c in salt) else None


def namespace(salt: str, where: str = "") -> str:
    """What the cached results depend on besides the file itself."""
    import evalcheck
    from evalcheck import __version__
    from evalcheck.schemas import schema_dir
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


def digest_of(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def _stat_key(st: os.stat_result) -> StatKey:
    # ctime cannot be set back by tools that preserve mtimes, so an edit always shows
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


# ---------------------------------------------------------------- entries <-> records


def _heavy_part(record: CachedRecord) -> tuple[Any, bytes, bytes]:
    """(data, marks blob, plain scalars blob): what only a located problem or a check run
    needs."""
    doc = record.doc
    locator = doc.locator
    marks = locator.blob() if isinstance(locator, _LazyLocator) and not hasattr(
        locator, "_root") else marshal.dumps(locator._root)
    plain = doc.plain_scalars
    kept = plain.blob() if isinstance(plain, _LazyScalars) else None
    return (doc.data, marks, kept if kept is not None else marshal.dumps(
        tuple((p.path, p.text, p.value) for p in plain)))


def _light_part(record: CachedRecord) -> tuple[Any, ...]:
    """(findings, suppressions, memo, facts): what a warm run needs of every record."""
    return (tuple((f.message, f.path, f.hint, f.check, f.at, f.key) for f in record.doc.findings),
            tuple((s.line, s.column, s.checks, s.reason, s.directive)
                  for s in record.suppressions.values()),
            dict(record.memo), tuple(record.facts))


def to_entry(record: CachedRecord) -> Entry:
    data, marks, plain = _heavy_part(record)
    findings, suppressions, memo, facts = _light_part(record)
    return (data, marks, findings, plain, suppressions, memo, facts)


def _document(heavy: tuple[Any, bytes, bytes], findings: list[Finding]) -> Document:
    data, marks, plain = heavy
    return Document(data, _LazyLocator(marks), findings, _LazyScalars(plain))


def _record(shown: str, digest: str, light: tuple[Any, ...],
            heavy: tuple[Any, bytes, bytes] | Callable[[], Document], **kept: Any
            ) -> CachedRecord:
    """A record from its light part and its heavy part, or a way to fetch that on first use."""
    findings, suppressions, memo, facts = light
    found = [Finding(*f) for f in findings] if findings else []
    doc = _HeavyDocument(found, heavy) if callable(heavy) else _document(heavy, found)
    return CachedRecord(shown, doc,
                        {s[0]: Suppression(*s) for s in suppressions} if suppressions else {},
                        Facts(*facts), memo=Memo(memo), digest=digest, **kept)


def from_entry(shown: str, digest: str, entry: Entry) -> CachedRecord:
    data, marks, findings, plain, suppressions, memo, facts = entry
    return _record(shown, digest, (findings, suppressions, memo, facts), (data, marks, plain),
                   new=False)


def from_light(shown: str, digest: str, light: Light, store: Store,
               reread: Callable[[], Record]) -> CachedRecord:
    """A record whose data is read from the heavy file when asked for (from the file itself,
    parsed again, if the heavy file fails)."""
    where = light[4:]

    def fetch() -> Document:
        heavy = store.heavy(where)
        return reread().doc if heavy is None else _document(heavy, [])

    return _record(shown, digest, light[:4], fetch, new=False, where=where)


def _from_worker(shown: str, digest: str, entry: tuple[Any, ...]) -> CachedRecord:
    """A record a worker parsed: its light part, and its heavy part as the bytes to keep."""
    blob = entry[4]
    return _record(shown, digest, entry[:4], lambda: _document(marshal.loads(blob), []),
                   blob=blob)


def fresh_record(shown: str, raw: bytes, digest: str,
                 memo: dict[str, Any] | None = None) -> CachedRecord:
    plain = load_record(shown, raw, LIMITS)
    return CachedRecord(plain.path, plain.doc, plain.suppressions, memo=Memo(memo or {}),
                        digest=digest)


# ---------------------------------------------------------------- the store


def _read(path: Path) -> Any:
    """A file _write wrote, or None: missing, cut short or damaged (its CRC-32 differs)."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
        if len(raw) < 4 or zlib.crc32(memoryview(raw)[4:]) != int.from_bytes(raw[:4], "big"):
            return None
        return marshal.loads(memoryview(raw)[4:])
    except (OSError, EOFError, ValueError, TypeError, MemoryError):
        return None


def _write(path: Path, value: Any) -> None:
    data = marshal.dumps(value)
    blob = zlib.crc32(data).to_bytes(4, "big") + data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class Store:
    """One namespace of the cache folder: read lazily, written atomically, errors ignored."""

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
        index = _read(self.dir / "index")
        self.index: dict[str, tuple[StatKey | None, str, tuple[Any, ...]]] = index if \
            isinstance(index, dict) else {}
        self._light: dict[str, Light] | None = None
        self._token = ""
        self._heavy_fd: int | None = None
        try:
            self.loose = set(os.listdir(self.loose_dir))
        except OSError:
            self.loose = set()

    @property
    def light(self) -> dict[str, Light]:
        """The light part of every entry of the last full write (empty when it, or the heavy
        file it belongs with, cannot be read)."""
        if self._light is None:
            self._light = {}
            kept = _read(self.dir / "light")
            if isinstance(kept, tuple) and len(kept) == 2 and isinstance(kept[1], dict) \
                    and isinstance(kept[0], str):
                fd = self._open_heavy(kept[0])
                if fd is not None:
                    self._token, self._light, self._heavy_fd = kept[0], kept[1], fd
        return self._light

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

    def _stored(self, where: tuple[int, int, int]) -> bytes | None:
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

    def heavy(self, where: tuple[int, int, int]) -> tuple[Any, bytes, bytes] | None:
        """One entry's heavy part, or None if it cannot be read or is damaged."""
        blob = self._stored(where)
        try:
            value = marshal.loads(blob) if blob is not None else None
        except (EOFError, ValueError, TypeError, MemoryError):
            return None
        ok = isinstance(value, tuple) and len(value) == 3 and isinstance(value[1], bytes) \
            and isinstance(value[2], bytes)
        return value if ok else None

    def get(self, digest: str) -> Entry | None:
        """A loose entry for this content."""
        entry: Any = _read(self.loose_dir / digest) if digest in self.loose else None
        return entry if isinstance(entry, tuple) and len(entry) == ENTRY_SIZE else None

    def record(self, shown: str, digest: str, stored: bool,
               reread: Callable[[], Record]) -> CachedRecord | None:
        """The cached record of this content: a loose entry, else (with `stored`) the light
        part of the last full write, its data read from the heavy file when needed."""
        entry = self.get(digest)
        if entry is not None:
            return from_entry(shown, digest, entry)
        light = self.light.get(digest) if stored else None
        if isinstance(light, tuple) and len(light) == 7:
            try:
                return from_light(shown, digest, light, self, reread)
            except (TypeError, ValueError):
                return None
        return None

    def facts(self) -> dict[str, tuple[StatKey | None, str, Facts]]:
        """The index, with each file's facts ready; entries that are not well formed left out
        (a damaged index is a slower run, never a wrong one)."""
        out: dict[str, tuple[StatKey | None, str, Facts]] = {}
        for shown, known in self.index.items():
            try:
                key, digest, facts = known
                out[shown] = (key, digest, Facts(*facts))
            except (TypeError, ValueError):
                continue
        return out

    def save(self, records: Sequence[Record], stats: dict[str, StatKey | None]) -> None:
        """Keep what this run learnt: new entries loose, new memos in the light file, or
        everything in a new light and heavy file."""
        # A read-only or full disk, or data marshal cannot write, means no cache, not a failure.
        with contextlib.suppress(OSError, ValueError):
            self._save(records, stats)

    def _save(self, records: Sequence[Record], stats: dict[str, StatKey | None]) -> None:
        cached = [r for r in records if isinstance(r, (CachedRecord, StubRecord)) and r.digest]
        full = [r for r in cached if isinstance(r, CachedRecord)]
        changed = [r for r in full if r.changed]
        index = {r.path: (stats.get(r.path), r.digest, tuple(r.facts)) for r in cached}
        if not changed and index == self.index:
            return
        self._prepare()
        if len(full) < len(cached):
            # a run with stubs holds only some entries: it writes loose ones, and drops the
            # loose entries no file has any more
            for name in self.loose - {r.digest for r in cached}:
                with contextlib.suppress(OSError):
                    os.unlink(self.loose_dir / name)
            self._loose(changed)
        else:
            in_memory = [r for r in full if r.where is None]  # parsed now, or loose entries
            if not self.light or len(in_memory) > max(REPACK_AT, len(full) // 20):
                self._repack(full)
            else:
                self._loose([r for r in changed if r.where is None])
                if any(r.where is not None for r in changed):  # only memos grew: no data
                    self._write_light({r.digest: (*_light_part(r), *r.where)
                                       for r in full if r.where is not None})
        if index != self.index:
            _write(self.dir / "index", index)

    def _loose(self, records: list[CachedRecord]) -> None:
        if records:
            self.loose_dir.mkdir(exist_ok=True)
        for r in records:
            _write(self.loose_dir / r.digest, to_entry(r))

    def _write_light(self, entries: dict[str, Light]) -> None:
        """A new light file for the heavy file this run read (unless another run has
        replaced that heavy file since: then the light file it wrote stays)."""
        fd = self._open_heavy(self._token) if self._token else None
        if fd is not None:
            os.close(fd)
            _write(self.dir / "light", (self._token, entries))

    def _repack(self, records: list[CachedRecord]) -> None:
        """Every entry in a new heavy file and light file. Heavy parts already in the old
        heavy file are copied as bytes, not read and written again."""
        token = os.urandom(16).hex()
        heavy = self.dir / "heavy"
        fd, tmp = tempfile.mkstemp(prefix=".heavy.", suffix=".tmp", dir=self.dir)
        entries: dict[str, Light] = {}
        try:
            with os.fdopen(fd, "wb") as fh:
                head = HEAVY_MAGIC + token.encode() + b"\n"
                fh.write(head)
                offset = len(head)
                for r in records:
                    if r.digest in entries:
                        continue
                    blob = r.blob or (self._stored(r.where) if r.where is not None else None) \
                        or marshal.dumps(_heavy_part(r))
                    fh.write(blob)
                    entries[r.digest] = (*_light_part(r), offset, len(blob), zlib.crc32(blob))
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
            fresh = Store(self.folder, self._salt)  # its inode is known only now
            self.dir, self.owner = fresh.dir, fresh.owner
        self.dir.mkdir(exist_ok=True)
        owner = self.dir / "owner"
        if not owner.exists():
            owner.write_text(self.owner, encoding="ascii")
        for other in self.folder.iterdir():  # our namespaces of other versions or schemas
            if other != self.dir and _is_namespace(other, self.owner):
                _remove_tree(other)


TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
       "# evalcheck's cache (https://bford.info/cachedir/): safe to delete\n")
_NAMESPACE = re.compile(r"[0-9a-f]{20}")


def _is_namespace(folder: Path, owner: str) -> bool:
    """One this user made: a hex name holding nothing but what Store writes, and our mark."""
    if not _NAMESPACE.fullmatch(folder.name) or folder.is_symlink() or not folder.is_dir():
        return False
    try:
        return (folder / "owner").read_text(encoding="ascii") == owner and all(
            p.name in ("index", "light", "heavy", "loose", "owner") or p.name.endswith(".tmp")
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


# ---------------------------------------------------------------- loading


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Building ~10^6 containers triggers the cyclic collector again and again for nothing
    (records hold no cycles); collect once after, and freeze what was built."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.freeze()
            gc.enable()


def _regular(source: Source) -> os.stat_result | None:
    """The stat of a plain file small enough to read whole; None sends it the careful way."""
    try:
        st = os.lstat(source.location)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode) or st.st_size > LIMITS.max_bytes \
            or name_control(source.shown) is not None:
        return None
    return st


def load_sources(sources: Sequence[Source], root: Path, config: Config, use_cache: bool,
                 scope: frozenset[str] | None, checks_too: bool,
                 as_of: dt.date | None = None) -> list[Record]:
    """Records for these sources, from the cache where the content is known, else parsed (in
    worker processes when there are many). `scope` (None: all) are the records whose schema and
    record-scope check findings are worked out now (for checks that read the date, those of
    `as_of`), so they can be kept."""
    from evalcheck import loading

    folder = cache_folder(root, config) if use_cache else None
    salt = _salt() if folder is not None else None
    store = Store(folder, salt) if folder is not None and salt is not None else None
    records: list[Record | None] = [None] * len(sources)
    stats: dict[str, StatKey | None] = {}
    todo: list[Todo] = []
    now = time.time_ns()
    # A run that names files (pre-commit's) needs only the facts of the others: they become
    # stubs, and a few named files are parsed again rather than looked up in the light file.
    thin = store is not None and scope is not None
    index = store.facts() if store is not None and thin else {}
    facts_of_digest = {digest: facts for _, digest, facts in index.values()}
    stored = not thin or len(scope or ()) > PARALLEL_AT
    with _no_gc():
        for i, source in enumerate(sources):
            st = _regular(source)
            if st is None:
                records[i] = loading.read_source(source, root)
                continue
            key = _stat_key(st)
            shown = source.shown
            stats[shown] = key if st.st_mtime_ns < now - RACY_NS else None
            stub = thin and shown not in scope  # type: ignore[operator]
            if store is not None:
                known = store.index.get(shown)
                if known is not None and known[0] == key:
                    if stub and shown in index:
                        records[i] = _stub(source, known[1], index[shown][2], store, root)
                        continue
                    kept = store.record(shown, known[1], stored, _rereader(source, root))
                    if kept is not None:
                        records[i] = kept
                        continue
            try:
                with open(source.location, "rb") as fh:
                    raw = fh.read()
            except OSError:
                records[i] = loading.read_source(source, root)
                continue
            digest = digest_of(raw) if store is not None else ""
            if stub and digest in facts_of_digest:
                records[i] = _stub(source, digest, facts_of_digest[digest], store, root)
                continue
            kept = store.record(shown, digest, stored, _rereader(source, root)) \
                if store is not None else None
            if kept is not None:
                records[i] = kept
            else:
                todo.append((i, source.shown, raw, digest, {}, source.location))
                if len(todo) == PARALLEL_AT:  # workers will read them again: keep no bytes
                    todo[:] = [(*t[:2], None, *t[3:]) for t in todo]
                elif len(todo) > PARALLEL_AT:
                    todo[-1] = (*todo[-1][:2], None, *todo[-1][3:])
        lacking: list[int] = []
        if store is not None:
            lacking = _refill(todo, records, sources, config, scope, checks_too, as_of)
        _parse(todo, records, config, scope, checks_too, store is not None, as_of, root)
        done = [r for r in records if r is not None]
        if store is not None:
            _fill([r for r in (records[i] for i in lacking) if r is not None], config,
                  checks_too, as_of)
            store.save(done, stats)
    return done


def _rereader(source: Source, root: Path) -> Callable[[], Record]:
    """Reads the file again: for a cached record whose data the cache fails to give."""

    def reread() -> Record:
        from evalcheck import loading

        return loading.read_source(source, root)

    return reread


def _stub(source: Source, digest: str, facts: Facts, store: Store | None,
          root: Path) -> StubRecord:
    reread = _rereader(source, root)

    def load() -> Record:
        kept = store.record(source.shown, digest, True, reread) if store is not None else None
        return kept if kept is not None else reread()

    return StubRecord(source.shown, digest, facts, load)


def _refill(todo: list[Todo], records: list[Record | None], sources: Sequence[Source],
            config: Config, scope: frozenset[str] | None, checks_too: bool,
            as_of: dt.date | None) -> list[int]:
    """The cached records whose memo lacks findings this run wants. When many lack
    content-only ones (a check option changed, say), they are parsed again so that the workers
    share the work (their memo goes along); the rest are filled in here (see _fill)."""
    from evalcheck.engine import SCHEMA_KEY, precompute_plan

    missing = precompute_plan(config, checks_too, as_of).missing  # type: ignore[attr-defined]
    lacking = [i for i, r in enumerate(records) if isinstance(r, CachedRecord)
               and not r.new and _in_scope(r, scope) and missing(r) != []]
    if not lacking:
        return lacking

    def content_gap(record: CachedRecord) -> bool:
        gaps = missing(record)
        return gaps is None or SCHEMA_KEY not in record.memo or any(
            not check.reads_as_of for check, _, _ in gaps)

    stale = [i for i in lacking if content_gap(records[i])]  # type: ignore[arg-type]
    if _workers(len(todo) + len(stale)) < 2:
        return lacking
    for i in stale:
        record = records[i]
        assert isinstance(record, CachedRecord)
        try:
            with open(sources[i].location, "rb") as fh:
                raw = fh.read()
        except OSError:
            continue
        if digest_of(raw) == record.digest:
            todo.append((i, record.path, None, record.digest, record.memo,
                         sources[i].location))
            records[i] = None
    return [i for i in lacking if records[i] is not None]


def _in_scope(record: Record, scope: frozenset[str] | None) -> bool:
    return scope is None or record.path in scope


def _fill(records: list[Record], config: Config, checks_too: bool,
          as_of: dt.date | None) -> None:
    """Work out, in this process, what these cached records do not remember yet."""
    from evalcheck.engine import precompute_plan

    fill = precompute_plan(config, checks_too, as_of)
    for record in records:
        fill(record)


def _parse(todo: list[Todo], records: list[Record | None],
           config: Config, scope: frozenset[str] | None, checks_too: bool,
           keep: bool, as_of: dt.date | None, root: Path) -> None:
    from evalcheck.engine import precompute_plan

    workers = _workers(len(todo))
    if workers > 1:
        for i, record in _parallel(todo, config, scope, checks_too, workers, as_of, root):
            records[i] = record
        return
    # in this process, findings wait for the engine unless they are to be kept
    fill = precompute_plan(config, checks_too, as_of) if keep else None
    for i, shown, raw, digest, memo, real in todo:
        raw, digest = _bytes(raw, digest, real)
        if raw is None or len(raw) > LIMITS.max_bytes:
            records[i] = _careful(shown, real, root)
            continue
        record = fresh_record(shown, raw, digest, memo)
        if fill is not None and _in_scope(record, scope):
            fill(record)
        records[i] = record


def _bytes(raw: bytes | None, digest: str, real: str) -> tuple[bytes | None, str]:
    """A file's bytes, read again when they were not kept (a file changed meanwhile gets the
    digest of what is read now); None when it cannot be read any more."""
    if raw is not None:
        return raw, digest
    try:
        with open(real, "rb") as fh:
            raw = fh.read(LIMITS.max_bytes + 1)
    except OSError:
        return None, digest
    return raw, digest if not digest or digest_of(raw) == digest else digest_of(raw)


def _careful(shown: str, real: str, root: Path) -> Record:
    """A file that changed under us: read it the way loading does for odd files."""
    from evalcheck import loading

    return loading.read_source(Source(real, shown), root)


def _workers(files: int) -> int:
    wanted = os.environ.get("EVALCHECK_WORKERS", "")
    if wanted.isdigit():
        return max(1, min(int(wanted), files))
    if files < PARALLEL_AT:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, files // 50))


def _work(chunk: list[Todo], config: Config,
          scope: frozenset[str] | None, checks_too: bool, as_of: dt.date | None) -> bytes:
    """In a worker: parse and work out one chunk; marshal is the cheapest way back."""
    from evalcheck.engine import precompute_plan

    gc.disable()
    fill = precompute_plan(config, checks_too, as_of)
    out: list[tuple[Any, ...]] = []
    for i, shown, raw, digest, memo, real in chunk:
        raw, digest = _bytes(raw, digest, real)
        if raw is None or len(raw) > LIMITS.max_bytes:
            out.append((i, shown, digest, None, real))
            continue
        record = fresh_record(shown, raw, digest, memo)
        if _in_scope(record, scope):
            fill(record)
        # the data goes back marshalled, to be written as it is: the parent reads it only
        # for a record it reports on
        out.append((i, shown, digest, (*_light_part(record),
                                       marshal.dumps(_heavy_part(record))), real))
    try:
        return marshal.dumps(out)
    except ValueError:  # pragma: no cover - data marshal cannot hold: read those in the parent
        return marshal.dumps([item if _marshallable(item) else (*item[:3], None, item[4])
                              for item in out])


def _marshallable(value: Any) -> bool:
    try:
        marshal.dumps(value)
    except ValueError:
        return False
    return True


def _parallel(todo: list[Todo], config: Config,
              scope: frozenset[str] | None, checks_too: bool, workers: int,
              as_of: dt.date | None, root: Path) -> Iterator[tuple[int, Record]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # big files first, dealt round-robin, so the chunks take about the same time
    order = todo  # dealt round-robin: each chunk gets some of every folder
    count = max(workers * 4, len(order) // 200)  # small chunks: little memory per worker
    chunks = [order[k::count] for k in range(count)]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        futures = [pool.submit(_work, chunk, config, scope, checks_too, as_of)
                   for chunk in chunks if chunk]
        for future in futures:
            for i, shown, digest, entry, real in marshal.loads(future.result()):
                if entry is None:
                    yield i, _careful(shown, real, root)
                else:
                    yield i, _from_worker(shown, digest, entry)
