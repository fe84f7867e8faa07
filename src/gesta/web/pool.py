"""Connections to one DuckDB store: an anchor, the writer's connection and a pool of readers.

DuckDB allows one read-write process per file; inside this process every connection comes
from the same database instance (``anchor.cursor()``), so readers see each committed batch
while the single writer works in its own transaction.
"""

from __future__ import annotations

import logging
import queue
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from gesta.errors import StoreError
from gesta.store import open_store

log = logging.getLogger(__name__)


class StorePool:
    """Owns the anchor connection; hands out reader connections, one per request at a time."""

    def __init__(self, db_path: str | Path, readers: int = 8) -> None:
        self.db_path = Path(db_path)
        self.anchor = open_store(self.db_path)
        self.writer_connection = self.anchor.cursor()
        self._idle: queue.Queue[duckdb.DuckDBPyConnection] = queue.Queue()
        for _ in range(readers):
            self._idle.put(self.anchor.cursor())
        self._readers = readers
        self.closed = False

    @contextmanager
    def reader(self, timeout: float = 30.0) -> Iterator[duckdb.DuckDBPyConnection]:
        """A reader connection for the duration of a ``with`` block."""
        if self.closed:
            raise StoreError("the store is closed")
        try:
            con = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise StoreError("no reader connection became free in time") from None
        try:
            yield con
        finally:
            self._idle.put(con)

    def close(self) -> None:
        """Close every connection (readers first, then the writer's and the anchor)."""
        if self.closed:
            return
        self.closed = True
        for _ in range(self._readers):
            try:
                self._idle.get(timeout=5).close()
            except queue.Empty:
                log.warning("a reader connection was still in use at shutdown")
        self.writer_connection.close()
        self.anchor.close()
