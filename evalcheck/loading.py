"""The load path: find the record files, read their bytes, parse them into Records, in
worker processes when there are many, asking a store (evalcheck.store) what it already knows.

files (discover) -> bytes -> Document (the parser: yamlload.parse, replaceable) -> Record
(records) -> the engine's record-scope work (engine.Plan) -> the store keeps what is new.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import marshal
import os
import stat
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evalcheck import engine
from evalcheck.config import Config
from evalcheck.discover import Source, named_sources, repository_sources
from evalcheck.document import Document, Fetch, Locator
from evalcheck.engine import Memo
from evalcheck.packing import pack_heavy, pack_light, unpack_heavy, unpack_record
from evalcheck.problems import Finding
from evalcheck.records import Parser, Record, load_record
from evalcheck.store import NoStore, StatKey, Store
from evalcheck.textsafe import name_control
from evalcheck.writing import write_atomic as write_atomic  # where the commands look for it
from evalcheck.yamlload import Limits, parse, too_large

_LIMITS = Limits()
PARALLEL_AT = 100  # files to parse from which two workers beat one process (benchmarks/README)
RACY_NS = 2_000_000_000  # a file changed this recently may change again within one mtime tick


@dataclass(frozen=True)
class Loaded:
    """The records of a run and which of them the user asked about (None: all)."""

    records: list[Record]
    targets: frozenset[str] | None
    memo: Memo = field(default_factory=Memo)
    store: Store = field(default_factory=NoStore)

    def keep(self) -> None:
        """Keep what engine.lint learnt after loading: the cross-record checks' findings."""
        if self.memo.cross_changed:
            self.store.save_cross(self.memo.cross)


def _unreadable(source: Source, message: str, check: str = "yaml-syntax", hint: str = "") -> Record:
    return Record(source.shown, Document(None, Locator(None),
                                         [Finding(message, check=check, at=(1, 1), hint=hint)]))


def unsafe_name(shown: str) -> Record | None:
    """The record for a file whose name holds a control character: not read, a located
    problem (a newline in a name would start a line of its own in CODEOWNERS and logs)."""
    control = name_control(shown)
    if control is None:
        return None
    return _unreadable(Source(shown, shown), "the file name holds a control character "
                       f"(U+{ord(control):04X}), which would break the lines of CODEOWNERS, "
                       "logs and summaries", "unsafe-yaml",
                       "rename the file: letters, digits, '-', '_' and '.'")


def read_source(source: Source, root: Path, parser: Parser = parse) -> Record:
    """One file -> Record; unreadable files, links out of the repository and folders become
    located problems instead of exceptions."""
    path = source.real
    refused = unsafe_name(source.shown)
    if refused is not None:
        return refused
    if path.is_symlink() and not _inside(path, root):
        return _unreadable(source, "the file is a link to outside the repository",
                           "unsafe-yaml", "copy the record into the repository instead")
    if path.is_dir():
        return _unreadable(source, "this is a folder, not a record file")
    if path.exists() and not path.is_file():  # opening a FIFO would wait forever
        return _unreadable(source, "this is not a regular file (a pipe, socket or device)",
                           "unsafe-yaml")
    try:
        with path.open("rb") as fh:  # never more than the limit in memory
            raw = fh.read(_LIMITS.max_bytes + 1)
            size = max(len(raw), os.fstat(fh.fileno()).st_size)
    except OSError as exc:
        reason = (exc.strerror or str(exc)).lower()
        return _unreadable(source, f"cannot read the file ({reason})",
                           hint="check the file's permissions")
    oversized = too_large(size, _LIMITS)
    if oversized is not None:
        return Record(source.shown, oversized)
    return load_record(source.shown, raw, _LIMITS, parser)


def _inside(path: Path, root: Path) -> bool:
    """Whether a link leads into the repository; a loop counts as inside: reading it fails
    with a plain message."""
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):
        return True


def load(config: Config, paths: list[str], cache: bool = True, checks: bool = False,
         as_of: dt.date | None = None, parser: Parser = parse,
         stdin: tuple[str, bytes] | None = None) -> Loaded:
    """All repository records, plus the named files; targets are the named ones. Files that
    the configuration's `exclude` patterns match are left out, named or not.

    With `cache`, what is known about unchanged files comes from the project's cache folder
    and what is learnt is kept there (evalcheck.cache). The schema findings of the targets,
    and with `checks` their record-scope check findings (of those that read the date, only
    with `as_of`), are worked out while loading, in worker processes when there are many
    files to parse, into the returned memo (engine.Memo) that engine.lint reads. `stdin` is a
    record read from standard input, as (the path it stands for, its bytes): a target that
    replaces that file's content (the engine works out its findings itself)."""
    repo = repository_sources(config)
    named = named_sources(paths, config) if paths else []
    seen = {s.shown: s for s in repo if not config.excluded(s.shown)}
    for s in named:
        if not config.excluded(s.shown):
            seen.setdefault(s.shown, s)
    root = config.root.resolve()
    wanted = {s.shown for s in named if s.shown in seen}
    if stdin is not None:
        seen.pop(stdin[0], None)
        wanted.add(stdin[0])
    targets = frozenset(wanted) if paths or stdin is not None else None
    sources = sorted(seen.values(), key=lambda s: s.shown)
    store: Store = NoStore()
    if cache:
        from evalcheck.cache import open_store

        store = open_store(root, config) or store
    run = _Load(root, store, Memo(), engine.plan(config, checks, as_of), targets, parser)
    with _no_gc():
        records = run.records(sources)
        store.save(records, run.stats, run.memo, run.packed)
    if stdin is not None:
        records.append(_from_bytes(stdin[0], stdin[1], parser))
        records.sort(key=lambda r: r.path)
    run.memo.cross = store.cross()
    return Loaded(records, targets, run.memo, store)


def _from_bytes(shown: str, raw: bytes, parser: Parser) -> Record:
    """A record from bytes that are not a file (standard input), under the same limits."""
    oversized = too_large(len(raw), _LIMITS)
    return Record(shown, oversized) if oversized is not None else \
        load_record(shown, raw, _LIMITS, parser)


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


def digest_of(raw: bytes) -> str:
    """The key of everything known about a file's content."""
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def _stat_key(st: os.stat_result) -> StatKey:
    # ctime cannot be set back by tools that preserve mtimes, so an edit always shows
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def _regular(source: Source) -> os.stat_result | None:
    """The stat of a plain file small enough to read whole; None sends it the careful way."""
    try:
        st = os.lstat(source.location)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode) or st.st_size > _LIMITS.max_bytes \
            or name_control(source.shown) is not None:
        return None
    return st


# (index, shown path, bytes or None: read it again, digest or "" (work it out), real path)
Todo = tuple[int, str, bytes | None, str, str]


class _Load:
    """One run's loading: sources in, records out, the memo and what to keep filled."""

    def __init__(self, root: Path, store: Store, memo: Memo, plan: engine.Plan,
                 targets: frozenset[str] | None, parser: Parser) -> None:
        self.root, self.store, self.memo, self.plan = root, store, memo, plan
        self.targets, self.parser = targets, parser
        self.stats: dict[str, StatKey | None] = {}
        self.packed: dict[str, bytes] = {}
        self.keeps = not isinstance(store, NoStore)  # a run with a cache

    def in_scope(self, record: Record) -> bool:
        return self.targets is None or record.path in self.targets

    def records(self, sources: Sequence[Source]) -> list[Record]:
        records: list[Record | None] = [None] * len(sources)
        todo: list[Todo] = []
        now = time.time_ns()
        # A run that names files (pre-commit's) needs only the facts of the others: they stay
        # unread unless a check asks; a few named files are parsed again rather than looked up
        # in the cache's light file.
        thin = self.keeps and self.targets is not None
        whole = not thin or len(self.targets or ()) > PARALLEL_AT
        for i, source in enumerate(sources):
            st = _regular(source)
            if st is None:
                records[i] = read_source(source, self.root, self.parser)
                continue
            key = _stat_key(st)
            shown = source.shown
            self.stats[shown] = key if st.st_mtime_ns < now - RACY_NS else None
            stub = thin and shown not in (self.targets or ())
            digest = self.store.unchanged(shown, key)
            if digest is not None:
                found = self._known(source, digest, stub, whole)
                if found is not None:
                    records[i] = found
                    continue
            if not self.store.knows_contents(whole):
                # nothing to look up by content: the workers read and digest the file
                todo.append((i, shown, None, "", source.location))
                continue
            try:
                with open(source.location, "rb") as fh:
                    raw = fh.read()
            except OSError:
                records[i] = read_source(source, self.root, self.parser)
                continue
            digest = digest_of(raw)
            found = self._known(source, digest, stub, whole)
            if found is not None:
                records[i] = found
            else:
                # past PARALLEL_AT the workers read the files again: keep no bytes
                todo.append((i, shown, raw if len(todo) < PARALLEL_AT else None, digest,
                             source.location))
        if len(todo) > PARALLEL_AT:
            todo = [(*t[:2], None, *t[3:]) for t in todo]
        lacking = self._lacking(todo, records, sources)
        self._parse(todo, records)
        for i in lacking:  # few: worked out here, reading their data
            record = records[i]
            if record is not None:
                self.plan.fill(self.memo, record)
        return [r for r in records if r is not None]

    def _known(self, source: Source, digest: str, stub: bool, whole: bool) -> Record | None:
        """The record of a content the store knows; None: parse it."""
        if stub:
            facts = self.store.facts(digest)
            if facts is not None:
                return Record(source.shown, Document.deferred(self._fetcher(source, digest)),
                              known_facts=facts, digest=digest)
        kept = self.store.record(source.shown, digest, self._rereader(source), whole)
        if kept is None:
            return None
        self.memo.entries[digest] = kept.memo
        return kept.record

    def _rereader(self, source: Source) -> Callable[[], Record]:
        """Reads the file again: for a record whose data the store fails to give."""

        def reread() -> Record:
            return read_source(source, self.root, self.parser)

        return reread

    def _fetcher(self, source: Source, digest: str) -> Fetch:
        """The document of a record held by its facts alone (deferred in turn, when the store
        has it: what is read of it is what is asked)."""
        reread = self._rereader(source)

        def fetch(whole: bool) -> Document:
            kept = self.store.record(source.shown, digest, reread)
            return (kept.record if kept is not None else reread()).doc

        return fetch

    def _lacking(self, todo: list[Todo], records: list[Record | None],
                 sources: Sequence[Source]) -> list[int]:
        """The known records in scope whose memo lacks what this run wants. Many lacking
        content-only findings (a check option changed, say) are parsed again, so the workers
        share the work; the others are filled in this process."""
        lacking = [i for i, r in enumerate(records) if r is not None and r.digest
                   and self.in_scope(r) and self.plan.missing(self.memo, r) != []]
        if not lacking:
            return lacking

        def content_gap(record: Record | None) -> bool:
            gaps = self.plan.missing(self.memo, record) if record is not None else []
            return gaps is None or any(not spec[0].reads_as_of for spec in gaps)

        stale = [i for i in lacking if content_gap(records[i])]
        if _workers(len(todo) + len(stale)) < 2:
            return lacking
        for i in stale:
            record = records[i]
            assert record is not None
            todo.append((i, record.path, None, record.digest, sources[i].location))
            records[i] = None
        return [i for i in lacking if records[i] is not None]

    def _parse(self, todo: list[Todo], records: list[Record | None]) -> None:
        workers = _workers(len(todo))
        if workers > 1:
            self._parallel(todo, records, workers)
            return
        for i, shown, raw, digest, real in todo:
            raw, digest = _bytes(raw, digest, real)
            if raw is None or len(raw) > _LIMITS.max_bytes:
                records[i] = read_source(Source(real, shown), self.root, self.parser)
                continue
            record = load_record(shown, raw, _LIMITS, self.parser)
            record.digest = digest
            if self.in_scope(record):
                self.plan.fill(self.memo, record)
            records[i] = record

    def _parallel(self, todo: list[Todo], records: list[Record | None], workers: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # dealt round-robin, so that each chunk gets some of every folder; small chunks keep
        # little in memory per worker
        count = max(workers * 4, len(todo) // 200)
        chunks = [todo[k::count] for k in range(count)]
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            futures = [pool.submit(_work, chunk, self.plan, self.targets, self.parser)
                       for chunk in chunks if chunk]
            futures.reverse()
            while futures:  # each reply dropped once read: they add up to the whole corpus
                reply = futures.pop().result()
                for i, shown, digest, light, memo, blob, real in marshal.loads(reply):
                    if light is None:
                        records[i] = read_source(Source(real, shown), self.root, self.parser)
                        continue
                    records[i] = unpack_record(shown, digest, light, _unpacker(blob))
                    if memo is not None:
                        self.memo.entries[digest] = memo
                        self.memo.changed.add(digest)
                    self.packed[digest] = blob


def _unpacker(blob: bytes) -> Fetch:
    return lambda whole: unpack_heavy(blob, whole)


def _bytes(raw: bytes | None, digest: str, real: str) -> tuple[bytes | None, str]:
    """A file's bytes, read again when they were not kept (a file changed meanwhile gets the
    digest of what is read now); None when it cannot be read any more."""
    if raw is None:
        try:
            with open(real, "rb") as fh:
                raw = fh.read(_LIMITS.max_bytes + 1)
        except OSError:
            return None, digest
        digest = digest_of(raw)
    return raw, digest


def _workers(files: int) -> int:
    wanted = os.environ.get("EVALCHECK_WORKERS", "")
    if wanted.isascii() and wanted.isdigit():
        return max(1, min(int(wanted), files))
    if files < PARALLEL_AT:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, files // 50))


def _work(chunk: list[Todo], plan: engine.Plan, targets: frozenset[str] | None,
          parser: Parser) -> bytes:
    """In a worker: parse one chunk and work out what the plan asks; marshal is the cheapest
    way back. Each record returns as its light part, its memo entries and its heavy part
    already packed: the parent unpacks that only for a record it reads."""
    gc.disable()
    memo = Memo()
    out: list[tuple[Any, ...]] = []
    for i, shown, raw, digest, real in chunk:
        raw, digest = _bytes(raw, digest, real)
        if raw is None or len(raw) > _LIMITS.max_bytes:
            out.append((i, shown, digest, None, None, None, real))
            continue
        record = load_record(shown, raw, _LIMITS, parser)
        record.digest = digest
        if targets is None or shown in targets:
            plan.fill(memo, record)
        out.append((i, shown, digest, pack_light(record), memo.entries.pop(digest, None),
                    pack_heavy(record.doc), real))
    try:
        return marshal.dumps(out)
    except ValueError:  # pragma: no cover - data marshal cannot hold: read those in the parent
        return marshal.dumps([item if _marshallable(item) else (*item[:3], None, None, None,
                                                                  item[6]) for item in out])


def _marshallable(value: Any) -> bool:
    try:
        marshal.dumps(value)
    except ValueError:
        return False
    return True
