"""The one writer: a background thread that owns the write connection, codes and stores.

Every POST /api/articles becomes a job on a bounded queue; the thread takes jobs one at a
time, has their new articles coded (by a :mod:`gesta.web.coding` coder: on this thread or in a
child process) and commits each job in one transaction through the store's :class:`BatchWriter`.
Reads never wait for it: they use their own connections (see :mod:`gesta.web.pool`).
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import logging
import queue
import threading
from dataclasses import dataclass, field
from typing import Any

import duckdb

from gesta.document import Article
from gesta.errors import GestaError, InputError, StoreError
from gesta.store import IngestSummary
from gesta.store.writer import BatchWriter
from gesta.web.cache import AddedEvent, CommitLog
from gesta.web.coding import Coded, Coder
from gesta.web.limits import QUEUE_SIZE
from gesta.web.reads import article_events

log = logging.getLogger(__name__)

class WriterBusy(GestaError):
    """The ingest queue is full; the client should retry later."""


@dataclass(slots=True)
class _Job:
    articles: list[Article]
    future: concurrent.futures.Future[dict[str, Any]] = field(default_factory=concurrent.futures.Future)


class StoreWriter:
    """Owns the write connection; ingests jobs one after another on its own thread."""

    def __init__(self, con: duckdb.DuckDBPyConnection, db_path: str, coder: Coder,
                 queue_size: int = QUEUE_SIZE, commits: CommitLog | None = None) -> None:
        self.con = con
        self.commits = commits or CommitLog()
        self.db_path = db_path
        self.coder = coder
        self.jobs: queue.Queue[_Job | None] = queue.Queue(maxsize=queue_size)
        self.batch: BatchWriter | None = None
        self.thread = threading.Thread(target=self._loop, name="gesta-writer", daemon=True)
        self.busy = False
        self.done_jobs = 0

    def start(self, warm: bool = False) -> None:
        self.thread.start()
        if warm:
            self.submit([])  # loads the pipeline in the background

    def submit(self, articles: list[Article]) -> concurrent.futures.Future[dict[str, Any]]:
        """Queue a job; its future resolves to the ingest result. Raises WriterBusy when full."""
        if not self.thread.is_alive():
            raise StoreError("the store writer is not running")
        job = _Job(articles)
        try:
            self.jobs.put_nowait(job)
        except queue.Full:
            raise WriterBusy("too many articles are waiting to be ingested; retry later") from None
        return job.future

    def stop(self, timeout: float = 30.0) -> None:
        """Finish queued jobs, then end the thread."""
        if self.thread.is_alive():
            self.jobs.put(None)
            self.thread.join(timeout)
            if self.thread.is_alive():
                log.warning("the store writer did not stop within %.0f s", timeout)
        self.coder.close()

    def status(self) -> dict[str, Any]:
        return {"alive": self.thread.is_alive(), "queued": self.jobs.qsize(), "busy": self.busy,
                "pipeline_loaded": self.coder.loaded, "jobs_done": self.done_jobs}

    def _loop(self) -> None:
        while (job := self.jobs.get()) is not None:
            if not job.future.set_running_or_notify_cancel():
                continue
            self.busy = True
            try:
                job.future.set_result(self._ingest(job.articles))
            except Exception as exc:  # handed to the waiting request (its 500 handler logs it)
                self._reset()
                job.future.set_exception(exc)
            finally:
                self.busy = False
                self.done_jobs += 1

    def _writer(self) -> BatchWriter:
        if self.batch is None:
            self.batch = BatchWriter(self.con, IngestSummary(self.db_path))
        return self.batch

    def _reset(self) -> None:
        """Forget in-memory writer state after a failed job (it is rebuilt from the store)."""
        self.batch = None

    def _ingest(self, articles: list[Article]) -> dict[str, Any]:
        writer = self._writer()  # before warming: "pipeline_loaded" then means ready to ingest
        if not articles:
            self.coder.warm()
        before = _counts(writer.summary)
        first_seq = writer.event_seq
        keys = [writer.key_of(article) for article in articles]
        new = {key: article for key, article in zip(keys, articles, strict=True) if not writer.is_stored(key)}
        coded = dict(zip(new, self.coder.code_many(list(new.values())), strict=True)) if new else {}
        results: list[dict[str, Any]] = []
        fresh: dict[str, list[dict[str, Any]]] = {}
        for key, article in zip(keys, articles, strict=True):
            results.append(self._one(article, key, coded.get(key), writer, fresh))
        try:
            writer.commit()
        finally:  # cached answers check these events
            self.commits.record(first_seq, writer.event_seq - 1, self._added(first_seq, writer.event_seq - 1))
        for result in results:
            if result["status"] == "stored":  # read back: the store adds the merged id
                result["events"] = article_events(self.con, result["article_hash"])
        after = _counts(writer.summary)
        summary = {k: after[k] - before[k] for k in after}
        return {"articles": results, "summary": summary}

    def _added(self, first_seq: int, last_seq: int) -> list[AddedEvent] | None:
        """The stored events of a commit (sort key and merged id), for the read cache's checks."""
        if first_seq > last_seq:
            return []
        try:
            rows = self.con.execute("SELECT seq, day, merged_id FROM events WHERE seq BETWEEN ? AND ?",
                                    [first_seq, last_seq]).fetchall()
        except duckdb.Error as exc:
            log.warning("cannot read back a commit's events (cached answers are checked by query): %s", exc)
            return None
        return [AddedEvent(*row) for row in rows]

    def _one(self, article: Article, key: str, result: Coded | None, writer: BatchWriter,
             fresh: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
        base = {"id": article.id, "article_hash": key}
        if result is None or writer.is_stored(key):  # stored before, or earlier in this job
            records = fresh[key] if key in fresh else article_events(self.con, key)
            return {**base, "status": "already_stored", "events": records}
        if isinstance(result, InputError):
            writer.add_reject(result)
            return {**base, "status": "rejected", "error": result.reason, "events": []}
        coded, records = result
        writer.add_article(coded, key, records, dt.datetime.now())
        fresh[key] = records
        return {**base, "status": "stored", "events": records}


def _counts(summary: IngestSummary) -> dict[str, int]:
    return {"articles_new": summary.articles_new, "events": summary.events,
            "near_duplicates": summary.near_duplicates, "rejects": summary.rejects}
