"""Throughput of the ML stage (gesta.classify.v1) on one core, and the share of candidate
sentences (sentences with at least one actor mention) in the BBC corpus.

    python benchmarks/bench_ml.py [--articles 60] [--corpus PATH] [--out benchmarks/results/DATE-ml.json]

The pattern pipeline runs first (not timed); then the classify stage is timed alone on the
coded articles with a cold cache (every candidate sentence embedded), then again warm.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "data" / "corpus" / "bbc_fulltext" / "articles.jsonl"

log = logging.getLogger("bench_ml")


def read_articles(path: Path, limit: int) -> list[dict[str, Any]]:
    """Every n-th article so all five categories are represented."""
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    step = max(1, len(rows) // limit)
    return rows[::step][:limit]


def code_articles(rows: list[dict[str, Any]]) -> list[Any]:
    import gesta

    pipeline = gesta.load()
    return [pipeline(r["text"], article_id=r["id"], title=r.get("title")) for r in rows]


def time_stage(stage: Any, articles: list[Any]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of this process (CPU time is what one core would take)."""
    started, cpu = time.perf_counter(), time.process_time()
    for article in articles:
        stage(article)
    return time.perf_counter() - started, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--extra", default="{}", help='ML settings as JSON, e.g. {"ml_batch_size": 16}')
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / f"{dt.date.today()}-ml.json")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = "1"
    from gesta.ml.stage import classify_factory
    from gesta.registry import StageContext
    from gesta.settings import Settings

    rows = read_articles(args.corpus, args.articles)
    articles = code_articles(rows)
    sentences = sum(len(a.sentences) for a in articles)
    candidates = sum(len({m.sentence_index for m in a.mentions}) for a in articles)
    events_before = sum(len(a.events) for a in articles)
    stage = classify_factory(StageContext(Settings(extra={"ml_threads": 1, **json.loads(args.extra)})))
    cold = time_stage(stage, articles)
    warm = time_stage(stage, articles)
    decided: dict[str, int] = {}
    for article in articles:
        for event in article.events:
            decided[event.decided_by] = decided.get(event.decided_by, 0) + 1
    result = {
        "date": str(dt.date.today()), "machine": platform.processor() or platform.machine(),
        "python": sys.version.split()[0], "threads": 1, "corpus": str(args.corpus.name if args.corpus else ""),
        "corpus_dir": args.corpus.parent.name, "articles": len(articles), "sentences": sentences,
        "candidate_sentences": candidates, "candidate_share": round(candidates / sentences, 4) if sentences else None,
        "encoder": stage.classifier.encoder.name, "settings": {"ml_threads": 1, **json.loads(args.extra)},
        "cold_wall_seconds": round(cold[0], 3), "cold_cpu_seconds": round(cold[1], 3),
        "candidates_per_second_cold_wall": round(candidates / cold[0], 1),
        "candidates_per_second_cold_cpu": round(candidates / cold[1], 1),
        "warm_wall_seconds": round(warm[0], 4), "candidates_per_second_warm_wall": round(candidates / warm[0], 1),
        "events_before": events_before, "events_after": sum(len(a.events) for a in articles),
        "decided_by": decided,
        "note": "cold: every candidate sentence embedded (one batch per article); warm: all from the in-memory cache. "
                "torch and BLAS limited to one thread; the machine is shared (see load_average), so wall-clock "
                "figures understate the speed on an idle core and CPU-time figures are the one-core measure.",
        "load_average": list(os.getloadavg()),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    log.info("%s", json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
