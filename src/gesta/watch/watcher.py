"""Poll a directory (and feeds) for new work; code it; commit it to a sink; stop cleanly.

A poller thread finds jobs (a file whose size and mtime held still over one poll interval, or
a new feed entry) and puts them on a bounded queue: when coding falls behind, the poller
waits (back-pressure). The calling thread codes one job at a time, writes its articles to
the sink, flushes, and only then records the job in the ledger. SIGINT/SIGTERM (or ``stop``)
let the job in progress finish and be committed; queued jobs are not recorded, so the next
run takes them up. Nothing is lost; a crash between flush and ledger may redo one job
(the DuckDB store skips articles it already holds).
"""

from __future__ import annotations

import logging
import queue
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gesta.document import Article
from gesta.errors import InputError, UsageError
from gesta.readers import read_paths
from gesta.readers.base import KNOWN_SUFFIXES
from gesta.watch.feeds import entry_article, entry_key, read_feed
from gesta.watch.ledger import Ledger
from gesta.watch.sinks import Sink

log = logging.getLogger(__name__)
STATE_NAME = ".gesta-watch.jsonl"


@dataclass(frozen=True)
class WatchOptions:
    """``settle``: seconds a file's size and mtime must hold still before it is taken (default:
    ``interval``); ``once``: take what is there (waiting for files to settle), then return."""

    directory: Path
    feeds: tuple[str, ...] = ()
    interval: float = 2.0
    queue_size: int = 8
    state_file: Path | None = None
    once: bool = False
    settle: float | None = None


@dataclass
class Job:
    key: str
    items: list[Article | InputError]


@dataclass
class WatchSummary:
    jobs: int = 0
    articles: int = 0
    events: int = 0
    rejects: int = 0
    left: int = 0  # jobs found but not committed (stopped first): the next run takes them
    reject_messages: list[str] = field(default_factory=list)


class Poller:
    """Finds jobs not in the ledger and not yet queued."""

    def __init__(self, options: WatchOptions, ledger: Ledger) -> None:
        self.options = options
        self.ledger = ledger
        self.seen: dict[Path, tuple[int, int, float]] = {}  # size, mtime, since when
        self.settle = options.interval if options.settle is None else options.settle
        self.queued: set[str] = set()
        self.unsettled = 0

    def poll(self) -> list[Job]:
        jobs = self._files()
        for source in self.options.feeds:
            jobs.extend(self._feed(source))
        return jobs

    def _files(self) -> list[Job]:
        jobs, unsettled = [], 0
        for path in sorted(self.options.directory.rglob("*")):
            if not _candidate(path, self.options.directory):
                continue
            stat = path.stat()
            key = f"file:{path.relative_to(self.options.directory)}:{stat.st_size}"
            if key in self.ledger or key in self.queued:
                continue
            if not self._settled(path, stat.st_size, stat.st_mtime_ns):
                unsettled += 1
                continue
            self.queued.add(key)
            jobs.append(Job(key, list(read_paths([str(path)]))))
        self.unsettled = unsettled
        return jobs

    def _settled(self, path: Path, size: int, mtime: int) -> bool:
        """True once the size and mtime have not changed for ``settle`` seconds."""
        now = time.monotonic()
        last = self.seen.get(path)
        if last is None or last[:2] != (size, mtime):
            self.seen[path] = (size, mtime, now)
            return False
        return size > 0 and now - last[2] >= self.settle

    def _feed(self, source: str) -> list[Job]:
        try:
            title, entries = read_feed(source)
        except InputError as exc:
            log.warning("%s", exc)
            return []
        jobs = []
        for entry in entries:
            key = entry_key(source, entry)
            if key not in self.ledger and key not in self.queued:
                self.queued.add(key)
                jobs.append(Job(key, [entry_article(source, title, entry)]))
        return jobs


def _candidate(path: Path, root: Path) -> bool:
    relative = path.relative_to(root)
    hidden = any(part.startswith(".") for part in relative.parts)
    return not hidden and path.is_file() and path.suffix.lower() in KNOWN_SUFFIXES


_DONE = Job("", [])


def run_watch(options: WatchOptions, pipeline: Any, sink: Sink,
              stop: threading.Event | None = None) -> WatchSummary:
    """Watch until ``stop`` is set or a signal arrives (or, with ``once``, the work is done)."""
    if not options.directory.is_dir():
        raise UsageError(f"{options.directory}: not a directory")
    stop = stop or threading.Event()
    ledger = Ledger(options.state_file or options.directory / STATE_NAME)
    jobs: queue.Queue[Job] = queue.Queue(maxsize=max(options.queue_size, 1))
    producer = threading.Thread(target=_produce, args=(Poller(options, ledger), jobs, stop, options),
                                name="gesta-watch-poller", daemon=True)
    summary = WatchSummary()
    with _stop_on_signals(stop):
        producer.start()
        _consume(jobs, producer, stop, lambda job: _commit(job, pipeline, sink, ledger, summary))
        stop.set()
        producer.join()
    summary.left = sum(1 for job in list(jobs.queue) if job is not _DONE)
    log.info("watch stopped: %d job(s) committed, %d left for the next run", summary.jobs, summary.left)
    return summary


def _produce(poller: Poller, jobs: queue.Queue[Job], stop: threading.Event, options: WatchOptions) -> None:
    while not stop.is_set():
        for job in poller.poll():
            if not _put(jobs, job, stop):
                return
        if options.once and poller.unsettled == 0:
            _put(jobs, _DONE, stop)
            return
        stop.wait(options.interval)


def _put(jobs: queue.Queue[Job], job: Job, stop: threading.Event) -> bool:
    """Block while the queue is full (back-pressure); False when told to stop."""
    while not stop.is_set():
        try:
            jobs.put(job, timeout=0.2)
            return True
        except queue.Full:
            continue
    return False


def _consume(jobs: queue.Queue[Job], producer: threading.Thread, stop: threading.Event, commit: Any) -> None:
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.2)
        except queue.Empty:
            if not producer.is_alive():
                return
            continue
        if job is _DONE:
            return
        commit(job)


def _commit(job: Job, pipeline: Any, sink: Sink, ledger: Ledger, summary: WatchSummary) -> None:
    """Code a job's articles, write and flush them, then record the job as done."""
    articles = [item for item in job.items if isinstance(item, Article)]
    errors: list[Any] = [item for item in job.items if isinstance(item, InputError)]
    coded = 0
    for item in pipeline.pipe(articles):
        if isinstance(item, Article):
            sink.write(item)
            summary.events += len(item.events)
            item.detach()
            coded += 1
        else:
            errors.append(item)
    sink.flush()
    ledger.record(job.key, coded)
    summary.jobs += 1
    summary.articles += coded
    summary.rejects += len(errors)
    for error in errors:
        log.warning("%s", error)
        summary.reject_messages.append(str(error))


@contextmanager
def _stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGINT/SIGTERM set ``stop`` (main thread only; elsewhere the caller sets ``stop``)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    def handler(signum: int, frame: Any) -> None:
        log.warning("signal %d: finishing the current job", signum)
        stop.set()

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
