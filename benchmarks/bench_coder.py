"""Coding speed after parsing: the events stage alone, in sentences per CPU second.

The issue-6 target is >= 2,000 sentences/s on one core on the BBC corpus. The earlier stages
(read, layout, parse, actors) run first and are not timed; CPU time of this single-threaded
process is reported next to wall time because the machine may be shared.

    .venv/bin/python benchmarks/bench_coder.py [--articles N] [--json FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from pathlib import Path

import gesta

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpus" / "bbc_fulltext" / "articles.jsonl"


def prepared(pipeline: gesta.Pipeline, limit: int) -> list[gesta.Article]:
    """Articles run through every stage before `events`."""
    articles = []
    with CORPUS.open(encoding="utf-8") as handle:
        for line, _ in zip(handle, range(limit)):
            raw = json.loads(line)
            article = gesta.Article(id=raw["id"], text=raw["text"], title=raw.get("title"))
            for stage in pipeline.stages:
                if stage.name == "events":
                    break
                article = stage(article)
            articles.append(article)
    return articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    pipeline = gesta.load()
    articles = prepared(pipeline, args.articles)
    events = pipeline.get_stage("events")
    sentences = sum(len(a.sentences) for a in articles)
    cpu, wall = time.process_time(), time.perf_counter()
    for article in articles:
        events(article)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    figures = {
        "date": dt.date.today().isoformat(), "articles": len(articles), "sentences": sentences,
        "events": sum(len(a.events) for a in articles), "wall_s": round(wall, 3), "cpu_s": round(cpu, 3),
        "sentences_per_cpu_s": round(sentences / cpu), "sentences_per_wall_s": round(sentences / wall),
    }
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
