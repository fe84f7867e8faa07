"""The driver of ``gesta batch``: plan partitions, skip finished ones, run the rest on Dask."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gesta.batch.manifest import Manifest, check_plan, remove_temporaries
from gesta.batch.partitions import Partition, plan_partitions
from gesta.batch.worker import PartitionResult, code_partition
from gesta.errors import UsageError
from gesta.readers import ReadOptions
from gesta.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class BatchSummary:
    """What one ``run_batch`` call did."""

    out_dir: str
    partitions: int = 0
    skipped: int = 0
    coded: int = 0
    articles: int = 0
    events: int = 0
    rejects: int = 0
    seconds: float = 0.0
    failed: dict[str, str] = field(default_factory=dict)

    def lines(self) -> list[str]:
        rate = self.articles / self.seconds if self.seconds else 0.0
        lines = [(
            f"{self.out_dir}: {self.partitions} partition(s), {self.skipped} already finished, "
            f"{self.coded} coded now ({self.articles} articles, {rate:.1f}/s, {self.events} events, "
            f"{self.rejects} rejected)"
        )]
        lines += [f"partition {pid} failed: {why}" for pid, why in self.failed.items()]
        if self.failed:
            lines.append("re-run the same command to retry the failed partitions")
        return lines


def run_batch(
    inputs: Sequence[str], out_dir: str | Path, settings: Settings | None = None, *,
    scheduler: str | None = None, workers: int = 2, partition_size: int = 500,
    client: Any = None, read_options: ReadOptions | None = None,
) -> BatchSummary:
    """Code ``inputs`` into ``out_dir`` on a Dask cluster; finished partitions are skipped."""
    out = Path(out_dir)
    check_plan(out, partition_size, list(inputs))
    manifest = Manifest(out)
    plan = plan_partitions(inputs, partition_size)
    todo = [p for p in plan if not manifest.finished(p.id)]
    summary = BatchSummary(str(out), partitions=len(plan), skipped=len(plan) - len(todo))
    started = time.perf_counter()
    if todo:
        with _client(scheduler, workers, client) as dask_client:
            _run(dask_client, todo, settings or Settings(), out, read_options, manifest, summary)
        remove_temporaries(out)
    summary.seconds = time.perf_counter() - started
    return summary


@contextmanager
def _client(scheduler: str | None, workers: int, client: Any) -> Iterator[Any]:
    """The given client, one for ``scheduler``, or a LocalCluster of ``workers`` processes."""
    if client is not None:
        yield client
        return
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as remote:
            yield remote
        return
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as local:
        yield local


def _run(client: Any, todo: list[Partition], settings: Settings, out: Path,
         options: ReadOptions | None, manifest: Manifest, summary: BatchSummary) -> None:
    from distributed import as_completed

    futures = {client.submit(code_partition, p, settings, str(out.resolve()), options, pure=False): p.id
               for p in todo}
    try:
        for future in as_completed(futures):
            partition_id = futures[future]
            try:
                result: PartitionResult = future.result()
            except Exception as exc:  # noqa: BLE001 - a task error is reported, the other partitions go on
                summary.failed[partition_id] = f"{type(exc).__name__}: {exc}"
                log.error("partition %s failed: %s", partition_id, exc)
                continue
            manifest.record(result)
            _count(summary, result)
    except KeyboardInterrupt:
        log.warning("interrupted: finished partitions are recorded; re-run to complete")
        client.cancel(list(futures))
        raise


def _count(summary: BatchSummary, result: PartitionResult) -> None:
    summary.coded += 1
    summary.articles += result.articles
    summary.events += result.events
    summary.rejects += result.rejects
    log.info("partition %s: %d articles, %d events", result.partition, result.articles, result.events)
