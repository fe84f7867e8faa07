"""Where watch mode puts coded articles: a :class:`Sink` (``write`` then ``flush`` commits).

:class:`StoreSink` stores into the DuckDB event store (``gesta.store.ingest.store_coded``,
which skips articles already stored); :class:`JsonlSink` appends one JSON line per article
(its id, origin and event records), for tests and for piping elsewhere.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from gesta.document import Article
from gesta.errors import StoreError, UsageError


@runtime_checkable
class Sink(Protocol):
    """Takes coded articles; what was written is durable once :meth:`flush` returns."""

    def write(self, article: Article) -> None: ...

    def flush(self) -> None: ...


class JsonlSink:
    """Appends ``{"article_id", "origin", "title", "events": [records]}`` lines to a file."""

    def __init__(self, path: str | Path, pipeline: Any = None) -> None:
        self.path = Path(path)
        self.pipeline = pipeline
        self.pending: list[str] = []
        self.written = 0
        if self.path.parent and not self.path.parent.is_dir():
            raise UsageError(f"cannot write {self.path}: no such directory")

    def write(self, article: Article) -> None:
        from gesta.api import event_records

        records = event_records(article, self.pipeline)
        line = {"article_id": article.id, "origin": article.origin, "title": article.title,
                "events": records}
        self.pending.append(json.dumps(line, ensure_ascii=False, default=str) + "\n")

    def flush(self) -> None:
        if not self.pending:
            return
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write("".join(self.pending))
            handle.flush()
            os.fsync(handle.fileno())
        self.written += len(self.pending)
        self.pending.clear()


class StoreSink:
    """Stores articles and their events in the DuckDB store, one transaction per flush."""

    def __init__(self, db_path: str | Path, pipeline: Any = None) -> None:
        self.db_path = Path(db_path)
        self.pipeline = pipeline
        self.pending: list[tuple[Article, list[dict[str, Any]]]] = []
        self.written = 0

    def write(self, article: Article) -> None:
        from gesta.api import event_records

        self.pending.append((article, event_records(article, self.pipeline)))

    def flush(self) -> None:
        if not self.pending:
            return
        from gesta.store.ingest import store_coded

        try:
            store_coded(self.pending, self.db_path, batch_size=max(len(self.pending), 1))
        except StoreError:
            raise
        except Exception as exc:  # duckdb errors: keep the pending articles for a retry
            raise StoreError(f"cannot store into {self.db_path}: {exc}") from exc
        self.written += len(self.pending)
        self.pending.clear()
