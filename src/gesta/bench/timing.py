"""Wrap pipeline stages so each call is timed; sample the process's memory."""

from __future__ import annotations

import os
import resource
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from gesta.document import Article


@dataclass
class StageClock:
    """Seconds spent per stage name (and anything else timed with :meth:`add`)."""

    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def add(self, name: str, elapsed: float) -> None:
        self.seconds[name] += elapsed

    def shares(self) -> dict[str, float]:
        """Each name's share of the total time (0..1), in insertion order."""
        total = sum(self.seconds.values()) or 1.0
        return {name: round(value / total, 4) for name, value in self.seconds.items()}


class TimedStage:
    """A stage proxy: same name, requires and provides; its calls are timed into a clock."""

    def __init__(self, stage: Any, clock: StageClock) -> None:
        self.stage = stage
        self.clock = clock
        self.name: str = stage.name
        self.requires: frozenset[str] = stage.requires
        self.provides: frozenset[str] = stage.provides

    def __call__(self, article: Article) -> Article:
        started = time.perf_counter()
        try:
            return self.stage(article)  # type: ignore[no-any-return]
        finally:
            self.clock.add(self.name, time.perf_counter() - started)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stage, name)


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def current_rss_mb(pid: int | None = None) -> float:
    """Current resident set size of a process (this one by default), in MB."""
    try:
        import psutil  # type: ignore[import-untyped]

        return float(psutil.Process(pid or os.getpid()).memory_info().rss) / 2**20
    except ImportError:
        with open(f"/proc/{pid or os.getpid()}/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
