"""One benchmark pass: read, code (each stage timed), optionally store; then the floor pass."""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import resource
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gesta.bench.floor import FloorResult, run_floor
from gesta.bench.machine import machine_info, pin_to_core, single_thread_env
from gesta.bench.timing import StageClock, TimedStage, current_rss_mb, peak_rss_mb
from gesta.document import Article
from gesta.errors import InputError, UsageError
from gesta.pipeline import Pipeline
from gesta.readers import ReadOptions, read_paths
from gesta.settings import Settings

log = logging.getLogger(__name__)

STAGE_CHOICES = ("all", "read", "parse", "actors", "events", "geo", "store")
# the last pipeline stage each --stage level runs through (the first one present wins)
STAGE_LAST: dict[str, tuple[str, ...]] = {
    "parse": ("parse",),
    "actors": ("actors",),
    "events": ("numbers", "dates", "events"),
    "geo": ("places",),
}
DEFAULT_CORPUS = Path("shared") / "data" / "corpus" / "bbc_fulltext" / "articles.jsonl"


@dataclass(frozen=True)
class BenchOptions:
    """What to benchmark. ``pin_core``: ``-1`` leaves the process unpinned."""

    corpus: Path
    stage: str = "all"
    limit: int | None = None
    settings: Settings = field(default_factory=Settings)
    pin_core: int | None = -1
    floor: bool = True


@dataclass
class PassCounts:
    articles: int = 0
    rejected: int = 0
    sentences: int = 0
    parsed_words: int = 0
    events: int = 0


def default_corpus(repo: Path | None = None) -> Path:
    """``<repo>/../shared/data/corpus/bbc_fulltext/articles.jsonl``; a UsageError when absent."""
    base = repo or Path(__file__).resolve().parents[3]
    path = base.parent / DEFAULT_CORPUS
    if not path.is_file():
        raise UsageError(f"no corpus given and the default corpus is not there: {path}")
    return path


def run_bench(options: BenchOptions, pipeline: Pipeline | None = None) -> dict[str, Any]:
    """Benchmark one pass over ``options.corpus``; return the figures (see docs/performance.md)."""
    if options.stage not in STAGE_CHOICES:
        raise UsageError(f"--stage must be one of {', '.join(STAGE_CHOICES)}")
    single_thread_env()
    core = pin_to_core(options.pin_core) if options.pin_core != -1 else None
    clock = StageClock()
    articles = _read(options, clock)
    if not articles:
        raise InputError("no article could be read", str(options.corpus))
    coder = pipeline or _load(options.settings)
    timed = _timed_pipeline(coder, options.stage, clock)
    rss_before, cpu_before = current_rss_mb(), cpu_seconds()
    counts, elapsed = _code_pass(timed, coder, articles, options.stage, clock)
    result = _figures(counts, clock, elapsed + clock.seconds["read"])
    _add_cpu(result, counts, cpu_seconds() - cpu_before)
    result.update(stage=options.stage, corpus=str(options.corpus), pinned_core=core,
                  stages=[s.name for s in timed.stages], rss_after_load_mb=round(rss_before, 1),
                  peak_rss_mb=round(peak_rss_mb(), 1), date=dt.date.today().isoformat(),
                  machine=machine_info())
    if options.floor:
        _add_floor(result, run_floor(coder.context.nlp, articles))
    log.info("bench: %s", result)
    return result


def _load(settings: Settings) -> Pipeline:
    from gesta.api import load

    return load(settings)


def _read(options: BenchOptions, clock: StageClock) -> list[Article]:
    started = time.perf_counter()
    items: Iterator[Article | InputError] = read_paths([str(options.corpus)], ReadOptions())
    found = [item for item in itertools.islice(items, options.limit) if isinstance(item, Article)]
    clock.add("read", time.perf_counter() - started)
    return found


def _timed_pipeline(coder: Pipeline, stage: str, clock: StageClock) -> Pipeline:
    stages = list(coder.stages)
    if stage == "read":
        stages = []
    elif stage in STAGE_LAST:
        names = [s.name for s in stages]
        last = next((n for n in STAGE_LAST[stage] if n in names), None)
        if last is None:
            raise UsageError(f"--stage {stage}: this pipeline has no {'/'.join(STAGE_LAST[stage])} stage")
        stages = stages[: names.index(last) + 1]
    return Pipeline(coder.settings, [TimedStage(s, clock) for s in stages], coder.context)


def _fresh(article: Article) -> Article:
    return Article(id=article.id, text=article.text, title=article.title, published=article.published,
                   source=article.source, url=article.url, origin=article.origin)


def _code_pass(
    timed: Pipeline, coder: Pipeline, articles: list[Article], stage: str, clock: StageClock
) -> tuple[PassCounts, float]:
    """Code every article (a warm-up article first, untimed); count what came out."""
    counts = PassCounts()
    if timed.stages:
        list(timed.pipe([_fresh(articles[0])]))
        _reset_stages(clock)
    coded: list[tuple[Article, list[dict[str, Any]]]] = []
    started = time.perf_counter()
    for item in timed.pipe(_fresh(a) for a in articles) if timed.stages else iter(articles):
        if not isinstance(item, Article):
            counts.rejected += 1
            continue
        _count(item, counts)
        if stage == "store":
            coded.append((item, _records(item, coder, clock)))
        item.detach()
    if coded:
        _store(coded, clock)
    return counts, time.perf_counter() - started


def _reset_stages(clock: StageClock) -> None:
    read = clock.seconds.get("read", 0.0)
    clock.seconds.clear()
    clock.seconds["read"] = read


def _count(article: Article, counts: PassCounts) -> None:
    counts.articles += 1
    counts.sentences += len(article.sentences)
    counts.events += len(article.events)
    for sentence in article.sentences:
        if sentence.parse is not None:
            counts.parsed_words += sum(1 for token in sentence.parse if not token.is_space)


def _records(article: Article, coder: Pipeline, clock: StageClock) -> list[dict[str, Any]]:
    from gesta.api import event_records

    started = time.perf_counter()
    records = event_records(article, coder)
    clock.add("records", time.perf_counter() - started)
    return records


def _store(coded: list[tuple[Article, list[dict[str, Any]]]], clock: StageClock) -> None:
    from gesta.store.ingest import store_coded

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="gesta-bench-") as tmp:
        store_coded(coded, Path(tmp) / "bench.duckdb")
    clock.add("store", time.perf_counter() - started)


def _figures(counts: PassCounts, clock: StageClock, elapsed: float) -> dict[str, Any]:
    elapsed = max(elapsed, 1e-9)
    other = elapsed - sum(clock.seconds.values())
    if other > 0:
        clock.add("other", other)
    return {
        "articles": counts.articles, "rejected": counts.rejected, "sentences": counts.sentences,
        "parsed_words": counts.parsed_words, "events": counts.events, "elapsed_s": round(elapsed, 3),
        "articles_per_s": round(counts.articles / elapsed, 2),
        "sentences_per_s": round(counts.sentences / elapsed, 1),
        "words_per_s": round(counts.parsed_words / elapsed, 1),
        "floor_words_per_s": None, "fraction_of_floor": None,
        "stage_seconds": {name: round(value, 3) for name, value in clock.seconds.items()},
        "stage_shares": clock.shares(),
    }


def cpu_seconds() -> float:
    """CPU seconds this process has used (user + system)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _add_cpu(result: dict[str, Any], counts: PassCounts, cpu: float) -> None:
    """Per CPU second figures: what one core gives when nothing else runs on it."""
    result["cpu_s"] = round(cpu, 3)
    result["articles_per_cpu_s"] = round(counts.articles / cpu, 2) if cpu > 0 else None
    result["sentences_per_cpu_s"] = round(counts.sentences / cpu, 1) if cpu > 0 else None
    result["cpu_share"] = round(cpu / max(result["elapsed_s"], 1e-9), 3)


def _add_floor(result: dict[str, Any], floor: FloorResult) -> None:
    """Words are the floor tokenizer's non-space tokens of title and text, for both passes."""
    elapsed = result["elapsed_s"]
    result["words"] = floor.words
    result["words_per_s"] = round(floor.words / elapsed, 1)
    result["floor_words_per_s"] = round(floor.words / floor.seconds, 1)
    result["floor_sentences_per_s"] = round(floor.sentences / floor.seconds, 1)
    result["floor_elapsed_s"] = round(floor.seconds, 3)
    result["fraction_of_floor"] = round(floor.seconds / elapsed, 5)
