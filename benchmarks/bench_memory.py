"""Memory over a long run: code N articles (cycling the BBC corpus) in one process, sampling RSS
every 1,000 articles. The full run (--articles 50000) takes hours on one core; it is not a unit test.
Writes benchmarks/results/<date>-scale-memory.json.

    .venv/bin/python benchmarks/bench_memory.py [--articles 50000] [--every 1000]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import itertools
import json
import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from gesta.api import load
from gesta.bench import default_corpus
from gesta.bench.machine import machine_info, single_thread_env
from gesta.bench.timing import current_rss_mb, peak_rss_mb
from gesta.document import Article
from gesta.readers import read_paths

RESULTS = Path(__file__).resolve().parent / "results"
log = logging.getLogger("bench_memory")


def cycled(corpus: Path, n: int) -> Iterator[Article]:
    """``n`` articles, going round the corpus; each round gets fresh ids."""
    base = [a for a in read_paths([str(corpus)]) if isinstance(a, Article)]
    for i, article in enumerate(itertools.islice(itertools.cycle(base), n)):
        yield dataclasses.replace(article, id=f"{article.id}#{i // len(base)}", sentences=[], mentions=[],
                                  events=[], sections=[], warnings=[], done=set())


def write_result(out: Path, planned: int, samples: list[dict[str, Any]]) -> dict[str, Any]:
    rss = [s["rss_mb"] for s in samples[1:]] or [samples[0]["rss_mb"]]
    result = {"date": dt.date.today().isoformat(), "machine": machine_info(), "articles": planned,
              "articles_done": samples[-1]["articles"], "samples": samples, "peak_rss_mb": round(peak_rss_mb(), 1),
              "growth_after_first_sample_mb": round(rss[-1] - rss[0], 1), "load_average": os.getloadavg()}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--every", type=int, default=1_000)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    single_thread_env()
    pipeline = load()
    samples: list[dict[str, Any]] = [{"articles": 0, "rss_mb": round(current_rss_mb(), 1), "s": 0.0}]
    out = args.out or RESULTS / f"{dt.date.today().isoformat()}-scale-memory.json"
    started = time.perf_counter()
    for i, item in enumerate(pipeline.pipe(cycled(default_corpus(), args.articles)), start=1):
        if isinstance(item, Article):
            item.detach()
        if i % args.every == 0:
            samples.append({"articles": i, "rss_mb": round(current_rss_mb(), 1),
                            "s": round(time.perf_counter() - started, 1)})
            log.info("%s", samples[-1])
            write_result(out, args.articles, samples)  # a run cut short keeps what it measured
    result = write_result(out, args.articles, samples)
    print(json.dumps({k: v for k, v in result.items() if k != "samples"}, indent=2))


if __name__ == "__main__":
    main()
