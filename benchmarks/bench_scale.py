"""Multi-core scaling: code_parallel (--workers 2 vs 1) and a Dask local cluster (2 vs 1 worker).

Throughput is measured after the pipelines are loaded (code_parallel: from the first coded
chunk to the last; Dask: workers warmed with ``cached_pipeline`` before the timed run).
Writes benchmarks/results/<date>-scale.json.

    .venv/bin/python benchmarks/bench_scale.py [--articles 500] [--skip-dask] [--skip-parallel]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import logging
import os
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from gesta.bench import default_corpus
from gesta.bench.machine import machine_info
from gesta.bench.timing import current_rss_mb, peak_rss_mb
from gesta.document import Article
from gesta.parallel import code_parallel
from gesta.readers import read_paths
from gesta.settings import Settings

RESULTS = Path(__file__).resolve().parent / "results"
log = logging.getLogger("bench_scale")


def cpu_seconds() -> float:
    """This process's CPU seconds (run in Dask workers: the work itself, free of contention)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def descendants_cpu() -> float:
    """CPU seconds of this process's descendants (the pool workers are the forkserver's children)."""
    import psutil

    total = 0.0
    for child in psutil.Process().children(recursive=True):
        try:
            times = child.cpu_times()
            total += times.user + times.system
        except psutil.Error:
            continue
    return total


def parallel_rate(articles: list[Article], workers: int, chunk: int) -> dict[str, Any]:
    """Articles/s once every worker has returned work (so no pipeline is still loading), and
    the workers' CPU seconds over the same window (robust to other load on the machine)."""
    warm = 2 * workers * chunk  # the first window: by then every worker has loaded and coded
    started = time.perf_counter()
    first = end = None
    cpu0 = cpu1 = 0.0
    done = 0
    for _item in code_parallel(iter(articles), Settings(), workers=workers, chunk_size=chunk):
        done += 1
        if done == warm:
            first, cpu0 = time.perf_counter(), descendants_cpu()
        if done == len(articles):
            end, cpu1 = time.perf_counter(), descendants_cpu()
    timed = done - warm
    steady = timed / (end - first) if first and end and end > first else 0.0
    return {"workers": workers, "articles": done, "timed_articles": timed,
            "startup_s": round((first or 0.0) - started, 2), "timed_s": round((end or 0.0) - (first or 0.0), 2),
            "articles_per_s": round(steady, 3), "workers_cpu_s": round(cpu1 - cpu0, 1),
            "articles_per_cpu_s": round(timed / (cpu1 - cpu0), 3) if cpu1 > cpu0 else None}


def dask_rate(corpus: Path, n: int, workers: int, partition: int) -> dict[str, Any]:
    from distributed import Client, LocalCluster

    from gesta.batch import run_batch
    from gesta.batch.worker import cached_pipeline

    with tempfile.TemporaryDirectory(prefix="gesta-scale-") as tmp:
        subset = Path(tmp) / "subset.jsonl"
        with corpus.open(encoding="utf-8") as src:
            subset.write_text("".join(itertools.islice(src, n)), encoding="utf-8")
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            client.run(cached_pipeline, Settings())  # load the pipelines before timing
            cpu_before = client.run(cpu_seconds)
            started = time.perf_counter()
            summary = run_batch([str(subset)], Path(tmp) / "out", partition_size=partition, client=client)
            elapsed = time.perf_counter() - started
            cpu = {k: v - cpu_before.get(k, 0.0) for k, v in client.run(cpu_seconds).items()}
            peaks = client.run(peak_rss_mb)
            current = client.run(current_rss_mb)
    return {"workers": workers, "articles": summary.articles, "wall_s": round(elapsed, 2),
            "articles_per_s": round(summary.articles / elapsed, 3),
            "workers_cpu_s": round(sum(cpu.values()), 1),
            "articles_per_cpu_s": round(summary.articles / max(sum(cpu.values()), 1e-9), 3),
            "worker_peak_rss_mb": {k: round(v, 1) for k, v in peaks.items()},
            "worker_rss_after_mb": {k: round(v, 1) for k, v in current.items()}}


def _efficiency(runs: list[dict[str, Any]]) -> float | None:
    """Articles per CPU second with 2 workers / with 1: near 1.0 means the work parallelises and
    an otherwise idle 2-core machine would give a speed-up near 2 x this."""
    one, two = runs[0].get("articles_per_cpu_s"), runs[1].get("articles_per_cpu_s")
    return round(two / one, 3) if one and two else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--chunk", type=int, default=8)
    parser.add_argument("--partition-size", type=int, default=25)
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--skip-parallel", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    corpus = default_corpus()
    articles = [a for a in itertools.islice(read_paths([str(corpus)]), args.articles) if isinstance(a, Article)]
    result: dict[str, Any] = {"date": dt.date.today().isoformat(), "machine": machine_info(),
                              "load_average_start": os.getloadavg(), "articles": len(articles)}
    if not args.skip_parallel:
        runs = [parallel_rate(articles, w, args.chunk) for w in (1, 2)]
        result["parallel"] = {"runs": runs, "speedup": round(runs[1]["articles_per_s"] / runs[0]["articles_per_s"], 2),
                              "cpu_efficiency": _efficiency(runs)}
        log.info("parallel: %s", result["parallel"])
    if not args.skip_dask:
        runs = [dask_rate(corpus, args.articles, w, args.partition_size) for w in (1, 2)]
        result["dask"] = {"runs": runs, "speedup": round(runs[1]["articles_per_s"] / runs[0]["articles_per_s"], 2),
                          "cpu_efficiency": _efficiency(runs)}
        log.info("dask: %s", result["dask"])
    result["load_average_end"] = os.getloadavg()
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"{result['date']}-scale.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
