"""Ingest throughput: how much does storing add to coding? (target: <= 10 %)

Codes N BBC articles with the pipeline alone, then ingests the same articles into a fresh
store (same pipeline, so the parser is warm in both), and reports the overhead.
Usage: .venv/bin/python benchmarks/bench_store.py [--articles 300]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import tempfile
import time
from pathlib import Path

from gesta.api import event_records, load
from gesta.readers import ReadOptions, read_paths
from gesta.store import ingest

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpus" / "bbc_fulltext" / "articles.jsonl"


def sample(count: int, folder: Path) -> Path:
    path = folder / "bbc.jsonl"
    with CORPUS.open(encoding="utf-8") as source, path.open("w", encoding="utf-8") as target:
        for line in itertools.islice(source, count):
            record = json.loads(line)
            record.setdefault("published", "2005-01-01")
            record.setdefault("source", "BBC")
            target.write(json.dumps(record) + "\n")
    return path


def code_only(path: Path, pipeline) -> tuple[float, int]:
    started = time.perf_counter()
    events = 0
    for article in read_paths([str(path)], ReadOptions()):
        events += len(event_records(pipeline.run(article), pipeline))
    return time.perf_counter() - started, events


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    pipeline = load()
    with tempfile.TemporaryDirectory() as tmp:
        path = sample(args.articles, Path(tmp))
        coding, events = code_only(path, pipeline)
        started = time.perf_counter()
        summary = ingest([str(path)], Path(tmp) / "bench.duckdb", pipeline=pipeline)
        storing = time.perf_counter() - started
        coding_again, _ = code_only(path, pipeline)
    coding = min(coding, coding_again)
    result = {"benchmark": "bench_store", "date": dt.date.today().isoformat(), "articles": args.articles,
              "events": events, "stored_events": summary.events, "coding_seconds": round(coding, 2),
              "ingest_seconds": round(storing, 2), "overhead_percent": round(100 * (storing / coding - 1), 1),
              "articles_per_second": round(args.articles / storing, 1), "target_percent": 10}
    print(json.dumps(result, indent=2))
    out = Path(__file__).parent / "results" / f"{dt.date.today().isoformat()}-store.json"
    existing = json.loads(out.read_text()) if out.exists() else {}
    existing["bench_store"] = result
    out.write_text(json.dumps(existing, indent=2) + "\n")


if __name__ == "__main__":
    main()
