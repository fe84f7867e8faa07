"""What runs in a Dask worker: code one partition, write its Parquet files atomically.

The pipeline is cached per worker process (module level, keyed by the settings), so each
worker loads it once however many partitions it codes. Files are written under a temporary
name unique to the attempt and renamed into place, so a worker killed midway leaves no
partial partition, and a partition coded twice (a rescheduled task) is simply replaced.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gesta.batch.partitions import Partition, read_partition
from gesta.document import Article
from gesta.errors import InputError
from gesta.readers import ReadOptions
from gesta.settings import Settings

log = logging.getLogger(__name__)
_PIPELINES: dict[Settings, Any] = {}
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@dataclass(frozen=True, slots=True)
class PartitionResult:
    """What a finished partition holds (recorded in the manifest)."""

    partition: str
    articles: int
    events: int
    rejects: int
    worker_pid: int


def cached_pipeline(settings: Settings) -> Any:
    """This process's pipeline for ``settings``, built on first use."""
    pipeline = _PIPELINES.get(settings)
    if pipeline is None:
        for var in THREAD_VARS:
            os.environ.setdefault(var, "1")
        from gesta.api import load

        pipeline = _PIPELINES[settings] = load(settings)
        log.info("worker %d: pipeline loaded", os.getpid())
    return pipeline


def code_partition(partition: Partition, settings: Settings, out_dir: str,
                   options: ReadOptions | None = None) -> PartitionResult:
    """Code every article of ``partition``; write events, articles and rejects files."""
    from gesta.api import event_records

    pipeline = cached_pipeline(settings)
    events: list[dict[str, Any]] = []
    articles: list[dict[str, Any]] = []
    rejects: list[dict[str, Any]] = []
    items = read_partition(partition, options or ReadOptions())
    for item in pipeline.pipe(_readable(items, rejects)):
        if isinstance(item, Article):
            records = event_records(item, pipeline)
            events.extend(records)
            articles.append(_article_row(item, len(records), partition.id))
            item.detach()
        else:
            rejects.append(_reject_row(item))
    _write_outputs(Path(out_dir), partition.id, events, articles, rejects)
    return PartitionResult(partition.id, len(articles), len(events), len(rejects), os.getpid())


def _readable(items: Any, rejects: list[dict[str, Any]]) -> Any:
    for item in items:
        if isinstance(item, InputError):
            rejects.append(_reject_row(item))
        else:
            yield item


def _article_row(article: Article, events: int, partition: str) -> dict[str, Any]:
    return {"article_id": article.id, "origin": article.origin, "partition": partition,
            "sentences": len(article.sentences), "events": events}


def _reject_row(error: Exception) -> dict[str, Any]:
    if isinstance(error, InputError):
        return {"source": error.source, "line": error.line, "reason": error.reason}
    return {"source": None, "line": None, "reason": str(error)}


def _write_outputs(out: Path, pid: str, events: list[dict[str, Any]], articles: list[dict[str, Any]],
                   rejects: list[dict[str, Any]]) -> None:
    """Rejects and articles first, events last: the events file marks the partition written."""
    from gesta.batch.tables import articles_table, events_table

    rows = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rejects)
    _atomic(out / "rejects" / f"part-{pid}.jsonl", lambda tmp: tmp.write_text(rows, encoding="utf-8"))
    _atomic(out / "articles" / f"part-{pid}.parquet", lambda tmp: _write_parquet(articles_table(articles), tmp))
    _atomic(out / "events" / f"part-{pid}.parquet", lambda tmp: _write_parquet(events_table(events), tmp))


def _write_parquet(table: Any, path: Path) -> None:
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    pq.write_table(table, path)


def _atomic(path: Path, write: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        write(tmp)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
