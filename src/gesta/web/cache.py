"""A cache of read answers that stays exact while the writer commits.

The writer records each commit in a :class:`CommitLog`: the range of event sequence numbers it
added and, for recent commits, each added event's sort key and merged id (:class:`AddedEvent`).
A cached answer remembers the commit count it was computed at and a :class:`Validity`: what
can change it. When commits happened since, the added events are first checked in memory:

* an added event of one of the page's merged events makes the answer stale (its counts change);
* an added event outside the answer's day range (``since``/``until``), or sorting after the
  last event of a page that has a next page, cannot change it;
* only the remaining events (usually none) are checked against the full filters by a query on a
  read connection, which sees at least every commit counted.

Answers that need no query are served without a database connection or a worker thread
(:meth:`ReadCache.get_fast`). When the log no longer holds a commit's events (it keeps the
most recent :data:`KEPT_EVENTS`), the whole sequence range is checked by a query, as before.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import duckdb

KEPT_EVENTS = 200_000  # added events remembered for in-memory checks (about 20 MB)
FAST_CHECK_EVENTS = 2_000  # more added events than this are checked on a worker thread, not the event loop
MISSING = object()


class AddedEvent(NamedTuple):
    seq: int
    day: dt.date | None
    merged_id: str


SortKey = tuple[bool, dt.date, int]


def sort_key(day: dt.date | None, seq: int) -> SortKey:
    """The API's event order (day, undated last; then storage sequence) as a comparable tuple."""
    return (day is None, day or dt.date.min, seq)


@dataclass(frozen=True, slots=True)
class Added:
    """Events added by the commits after some count: their sequence range and, if kept, the events."""

    first_seq: int
    last_seq: int
    events: tuple[AddedEvent, ...] | None


# (con, first seq, last seq, seqs) -> one of the events matches the answer's filters. seqs None: every
# event in first..last, and a new mention of one of the answer's merged events counts as a match.
MatchCheck = Callable[[duckdb.DuckDBPyConnection, int, int, list[int] | None], bool]


@dataclass(frozen=True, slots=True)
class Validity:
    """What can make an answer out of date: new events matching its filters (``matches``, a query),
    limited to its day range, and, for event pages, new mentions of its merged events or new
    events sorting before its last event (``last_key``, when the page has a next page)."""

    matches: MatchCheck
    since: dt.date | None = None
    until: dt.date | None = None
    merged_ids: frozenset[str] = frozenset()
    last_key: SortKey | None = None

    def may_change(self, event: AddedEvent) -> bool:
        """Whether ``event`` could change the answer if it matched the filters (in memory, conservative)."""
        if self.since is not None and (event.day is None or event.day < self.since):
            return False
        if self.until is not None and (event.day is None or event.day > self.until):
            return False
        return self.last_key is None or sort_key(event.day, event.seq) < self.last_key


class CommitLog:
    """Commits of the writer: ``count``, the event sequence numbers each one added and recent events."""

    def __init__(self, kept_events: int = KEPT_EVENTS) -> None:
        self.count = 0
        self._ranges: list[tuple[int, int]] = []  # per commit: (first seq, last seq); empty if lo > hi
        self._events: list[tuple[AddedEvent, ...] | None] = []  # per commit, None once forgotten
        self._kept, self._oldest_kept, self._limit = 0, 0, kept_events
        self._lock = threading.Lock()

    def record(self, first_seq: int, last_seq: int, events: Sequence[AddedEvent] | None = None) -> None:
        """A commit that added the events ``first_seq..last_seq`` (``events``: all of them, if known)."""
        kept = tuple(events) if events is not None else None
        with self._lock:
            self._ranges.append((first_seq, last_seq))
            self._events.append(kept)
            self._kept += len(kept) if kept else 0
            while self._kept > self._limit and self._oldest_kept < len(self._events):
                dropped = self._events[self._oldest_kept]
                self._kept -= len(dropped) if dropped else 0
                self._events[self._oldest_kept] = None
                self._oldest_kept += 1
            self.count += 1

    def added_since(self, count: int) -> Added | None:
        """The events added by commits after ``count`` (None: nothing was added)."""
        with self._lock:
            ranges = self._ranges[count:]
            events = self._events[count:]
        spans = [(r, e) for r, e in zip(ranges, events, strict=True) if r[0] <= r[1]]
        if not spans:
            return None
        first, last = min(r[0] for r, _ in spans), max(r[1] for r, _ in spans)
        if any(e is None for _, e in spans):
            return Added(first, last, None)
        return Added(first, last, tuple(ev for _, e in spans for ev in e or ()))


@dataclass(slots=True)
class _Entry:
    commits: int
    value: Any
    validity: Validity


class ReadCache:
    """LRU of answers keyed by request."""

    def __init__(self, log: CommitLog, size: int = 1024) -> None:
        self.log = log
        self.size = size
        self._items: OrderedDict[Hashable, _Entry] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = self.revalidated = self.checked_by_query = 0

    def get_fast(self, key: Hashable) -> Any:
        """The cached answer when it is known exact without a query, else :data:`MISSING`."""
        current = self.log.count
        with self._lock:
            entry = self._items.get(key)
        if entry is None:
            return MISSING
        if entry.commits != current:
            added = self.log.added_since(entry.commits)
            if added is not None and (added.events is None or len(added.events) > FAST_CHECK_EVENTS
                                      or _in_memory(entry.validity, added) != []):
                return MISSING
            self._revalidated(entry, current)
        return self._hit(key, entry)

    def get_or_compute(self, key: Hashable, con: duckdb.DuckDBPyConnection,
                       compute: Callable[[duckdb.DuckDBPyConnection], tuple[Any, Validity]]) -> Any:
        current = self.log.count
        with self._lock:
            entry = self._items.get(key)
        if entry is not None and self._still_exact(entry, con, current):
            return self._hit(key, entry)
        value, validity = compute(con)
        with self._lock:
            self.misses += 1
            self._items[key] = _Entry(current, value, validity)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def _hit(self, key: Hashable, entry: _Entry) -> Any:
        with self._lock:
            self.hits += 1
            if key in self._items:
                self._items.move_to_end(key)
        return entry.value

    def _revalidated(self, entry: _Entry, current: int) -> None:
        entry.commits = max(entry.commits, current)
        with self._lock:
            self.revalidated += 1

    def _still_exact(self, entry: _Entry, con: duckdb.DuckDBPyConnection, current: int) -> bool:
        if entry.commits == current:
            return True
        added = self.log.added_since(entry.commits)
        if added is not None:
            if added.events is None:  # forgotten: the whole range (merged ids included) by query
                seqs = None
            else:
                seqs = _in_memory(entry.validity, added)
                if seqs is None:
                    return False
            if seqs != []:
                with self._lock:
                    self.checked_by_query += 1
                first, last = (added.first_seq, added.last_seq) if seqs is None else (min(seqs), max(seqs))
                if entry.validity.matches(con, first, last, seqs):
                    return False
        self._revalidated(entry, current)
        return True

    def stats(self) -> dict[str, int]:
        return {"entries": len(self._items), "hits": self.hits, "misses": self.misses,
                "revalidated": self.revalidated, "checked_by_query": self.checked_by_query}


def _in_memory(validity: Validity, added: Added) -> list[int] | None:
    """Sequence numbers of added events that a query must still check (None: the answer is stale)."""
    seqs: list[int] = []
    for event in added.events or ():
        if event.merged_id in validity.merged_ids:
            return None
        if validity.may_change(event):
            seqs.append(event.seq)
    return seqs
