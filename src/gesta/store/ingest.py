"""``ingest``: code articles and store them, their evidence and events, in crash-safe batches.

Articles are keyed by content (sha256 of text and title) and checked *before* coding, so
ingesting the same input again codes and adds nothing. Each batch (its articles, sentences,
events, LSH bands and rejects) is written in one transaction: a process killed at any moment
leaves the database as it was after the last committed batch, and re-running the same command
completes the work.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from gesta.api import event_records, load
from gesta.document import Article
from gesta.errors import GestaError, InputError
from gesta.pipeline import Pipeline
from gesta.readers import ReadOptions, read_paths
from gesta.settings import Settings
from gesta.store.db import DEFAULT_DB, open_store
from gesta.store.writer import BatchWriter

log = logging.getLogger(__name__)


@dataclass(slots=True)
class IngestSummary:
    """What one ``ingest`` call did."""

    db_path: str
    articles_new: int = 0
    articles_already_stored: int = 0
    near_duplicates: int = 0
    events: int = 0
    rejects: int = 0
    rejects_new: int = 0
    batches: int = 0
    seconds: float = 0.0
    reject_messages: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def lines(self) -> list[str]:
        """A human summary, ending with commands to try next."""
        rate = self.articles_new / self.seconds if self.seconds else 0.0
        db = self.db_path
        return [
            (f"stored in {db}: {self.articles_new} new article(s) ({rate:.1f}/s), "
             f"{self.articles_already_stored} already stored, {self.near_duplicates} near-duplicate(s)"),
            f"{self.events} event(s) added; {self.rejects} input(s) rejected ({self.rejects_new} new)",
            "try:",
            f"  gesta stats --db {db}",
            f"  gesta events --db {db} --limit 20",
            f"  gesta events --db {db} --plover ASSAULT --format jsonl",
            f"  gesta export --db {db} --format gdelt -o events.gdelt.tsv",
            f"  gesta rejects --db {db}",
        ]


ProgressCallback = Callable[[IngestSummary], None]


def ingest(
    paths: Iterable[str],
    db_path: str | Path = DEFAULT_DB,
    settings: Settings | None = None,
    *,
    pipeline: Pipeline | None = None,
    read_options: ReadOptions | None = None,
    batch_size: int = 32,
    progress: ProgressCallback | None = None,
    workers: int = 1,
) -> IngestSummary:
    """Code and store every article under ``paths``; returns what was done."""
    items = read_paths(paths, read_options or ReadOptions())
    return ingest_items(
        items, db_path, settings, pipeline=pipeline, batch_size=batch_size, progress=progress, workers=workers
    )


def ingest_items(
    items: Iterable[Article | InputError],
    db_path: str | Path = DEFAULT_DB,
    settings: Settings | None = None,
    *,
    pipeline: Pipeline | None = None,
    batch_size: int = 32,
    progress: ProgressCallback | None = None,
    workers: int = 1,
) -> IngestSummary:
    """Code and store articles already read (or the errors reading them gave).

    With ``workers`` > 1 the articles are coded in that many processes (each loading the
    pipeline once) and stored by this one: the store keeps a single writer.
    """
    summary = IngestSummary(str(db_path))
    started = time.perf_counter()
    con = open_store(db_path)
    try:
        writer = BatchWriter(con, summary)
        if workers > 1:
            chosen = settings or (pipeline.settings if pipeline else Settings())
            steps = _coded_in_workers(items, writer, summary, chosen, workers)
        else:
            coder = pipeline or load(settings)
            steps = _coded_here(items, coder, writer, summary)
        for _ in steps:
            if writer.pending_articles >= batch_size:
                writer.commit()
            summary.seconds = time.perf_counter() - started
            if progress is not None:
                progress(summary)
        writer.commit()
    finally:
        con.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _coded_here(items: Iterable[Article | InputError], coder: Pipeline, writer: BatchWriter, summary: IngestSummary) -> Iterator[None]:
    for item in items:
        _handle(item, coder, writer, summary)
        yield None


def _coded_in_workers(
    items: Iterable[Article | InputError], writer: BatchWriter, summary: IngestSummary, settings: Settings, workers: int
) -> Iterator[None]:
    """Store what worker processes code; articles already stored are never sent to them."""
    from gesta.codes import load_codebook
    from gesta.parallel import code_parallel
    from gesta.records import article_records

    def fresh() -> Iterator[Article | InputError]:
        for item in items:
            if isinstance(item, Article) and writer.is_stored(writer.key_of(item)):
                summary.articles_already_stored += 1
                continue
            yield item

    codebook = load_codebook()
    for coded in code_parallel(fresh(), settings, workers):
        if isinstance(coded, InputError):
            writer.add_reject(coded)
        else:
            records = list(article_records(coded, codebook))
            writer.add_article(coded, writer.key_of(coded), records, dt.datetime.now())
        yield None


def _handle(item: Article | InputError, coder: Pipeline, writer: BatchWriter, summary: IngestSummary) -> None:
    if isinstance(item, InputError):
        writer.add_reject(item)
        return
    key = writer.key_of(item)
    if writer.is_stored(key):
        summary.articles_already_stored += 1
        return
    try:
        coded = coder.run(item)
        records = event_records(coded, coder)
    except GestaError as exc:
        error = exc if isinstance(exc, InputError) else InputError(str(exc), item.origin or item.id)
        writer.add_reject(error)
        return
    writer.add_article(coded, key, records, dt.datetime.now())


def store_coded(
    items: Iterable[tuple[Article, list[dict[str, Any]]]],
    db_path: str | Path = DEFAULT_DB,
    batch_size: int = 32,
) -> IngestSummary:
    """Store already-coded articles with their event records (no pipeline needed).

    For importing records coded elsewhere, and for tests that need exact records.
    """
    summary = IngestSummary(str(db_path))
    con = open_store(db_path)
    try:
        writer = BatchWriter(con, summary)
        for article, records in items:
            key = writer.key_of(article)
            if writer.is_stored(key):
                summary.articles_already_stored += 1
                continue
            writer.add_article(article, key, records, dt.datetime.now())
            if writer.pending_articles >= batch_size:
                writer.commit()
        writer.commit()
    finally:
        con.close()
    return summary
