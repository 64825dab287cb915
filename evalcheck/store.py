"""What the loader asks of a cache (the Store interface), and the store that keeps nothing.

The loader (evalcheck.loading) finds, reads and parses record files; a store only answers
"what do you know of this file or this content?" and keeps what a run learnt. evalcheck.cache
implements it on disk; NoStore is `--no-cache`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple, Protocol

from evalcheck.engine import Memo
from evalcheck.records import Facts, Record

StatKey = tuple[int, int, int, int]  # size, mtime, ctime, inode: a file unchanged since


class Kept(NamedTuple):
    """A record known from a store, and its memo entries (engine.Memo.entries' values)."""

    record: Record
    memo: dict[str, Any]


class Store(Protocol):
    def unchanged(self, shown: str, stat: StatKey) -> str | None:
        """The content digest of the file at `shown` if it has this stat key as when kept."""

    def facts(self, digest: str) -> Facts | None:
        """The facts of this content, if known without reading more than the index."""

    def knows_contents(self, whole: bool = True) -> bool:
        """Whether a file whose stat changed may still be known by its content (if not, the
        loader need not read it to look it up)."""

    def record(self, shown: str, digest: str, reread: Callable[[], Record],
               whole: bool = True) -> Kept | None:
        """The record of this content, its data fetched when first asked for (`reread`, the
        file parsed again, if the store fails to give it). Without `whole`, only what is kept
        one file at a time is looked at (a run that names a few files)."""

    def save(self, records: Sequence[Record], stats: Mapping[str, StatKey | None],
             memo: Memo, packed: Mapping[str, bytes]) -> None:
        """Keep what this run learnt (`packed`: heavy parts already packed, by digest)."""

    def cross(self) -> dict[str, Any]:
        """The cross-record checks' findings kept last time (engine.Memo.cross)."""

    def save_cross(self, cross: Mapping[str, Any]) -> None:
        """Keep the cross-record checks' findings of this run."""


class NoStore:
    """Knows nothing, keeps nothing."""

    def unchanged(self, shown: str, stat: StatKey) -> str | None:
        return None

    def facts(self, digest: str) -> Facts | None:
        return None

    def knows_contents(self, whole: bool = True) -> bool:
        return False

    def record(self, shown: str, digest: str, reread: Callable[[], Record],
               whole: bool = True) -> Kept | None:
        return None

    def save(self, records: Sequence[Record], stats: Mapping[str, StatKey | None],
             memo: Memo, packed: Mapping[str, bytes]) -> None:
        return None

    def cross(self) -> dict[str, Any]:
        return {}

    def save_cross(self, cross: Mapping[str, Any]) -> None:
        return None
