"""A cache of read answers that stays exact while the writer commits.

The writer records each commit in a :class:`CommitLog` (the range of event sequence numbers it
added). A cached answer remembers the commit count it was computed at; when commits happened
since, it is served again only after a cheap check that none of the events they added matches
the answer's filters (nor, for event pages, belongs to one of the page's merged events, whose
counts would change). The check runs on a read connection like any query, so it sees at least
every commit counted.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

import duckdb

Validator = Callable[[duckdb.DuckDBPyConnection, int, int], bool]  # (con, first seq, last seq) -> still exact


class CommitLog:
    """Commits of the writer: ``count`` and the event sequence numbers each one added."""

    def __init__(self) -> None:
        self.count = 0
        self._ranges: list[tuple[int, int]] = []  # per commit: (first seq, last seq); empty if lo > hi
        self._lock = threading.Lock()

    def record(self, first_seq: int, last_seq: int) -> None:
        with self._lock:
            self._ranges.append((first_seq, last_seq))
            self.count += 1

    def added_since(self, count: int) -> tuple[int, int] | None:
        """The sequence range of the events added by commits after ``count`` (None: nothing)."""
        with self._lock:
            ranges = [r for r in self._ranges[count:] if r[0] <= r[1]]
        if not ranges:
            return None
        return min(r[0] for r in ranges), max(r[1] for r in ranges)


@dataclass(slots=True)
class _Entry:
    commits: int
    value: Any
    validate: Validator


class ReadCache:
    """LRU of answers keyed by request."""

    def __init__(self, log: CommitLog, size: int = 1024) -> None:
        self.log = log
        self.size = size
        self._items: OrderedDict[Hashable, _Entry] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = self.revalidated = 0

    def get_or_compute(self, key: Hashable, con: duckdb.DuckDBPyConnection,
                       compute: Callable[[duckdb.DuckDBPyConnection], tuple[Any, Validator]]) -> Any:
        current = self.log.count
        with self._lock:
            entry = self._items.get(key)
        if entry is not None and self._still_exact(entry, con, current):
            with self._lock:
                self.hits += 1
                self._items.move_to_end(key)
            return entry.value
        value, validate = compute(con)
        with self._lock:
            self.misses += 1
            self._items[key] = _Entry(current, value, validate)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def _still_exact(self, entry: _Entry, con: duckdb.DuckDBPyConnection, current: int) -> bool:
        if entry.commits == current:
            return True
        added = self.log.added_since(entry.commits)
        if added is not None and not entry.validate(con, *added):
            return False
        entry.commits = current
        self.revalidated += 1
        return True

    def stats(self) -> dict[str, int]:
        return {"entries": len(self._items), "hits": self.hits, "misses": self.misses,
                "revalidated": self.revalidated}
