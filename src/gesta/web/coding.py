"""Coders for the writer: the pipeline on the writer thread, or in a child process.

Coding is CPU-bound Python (spaCy, patterns) and holds the GIL; in a child process it leaves
the server's threads free to answer queries while articles are coded. The child returns
detached articles (no parses) and their records; the writer thread stores them.
"""

from __future__ import annotations

import logging
import multiprocessing
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Protocol

from gesta.api import event_records
from gesta.document import Article
from gesta.errors import GestaError, InputError
from gesta.pipeline import Pipeline

log = logging.getLogger(__name__)

PipelineFactory = Callable[[], Pipeline]
Coded = tuple[Article, list[dict[str, Any]]] | InputError


class Coder(Protocol):
    loaded: bool

    def code_many(self, articles: list[Article]) -> list[Coded]: ...

    def warm(self) -> None: ...

    def close(self) -> None: ...


def code_one(pipeline: Pipeline, article: Article) -> Coded:
    """An article coded with its records, or the InputError that stands for it."""
    try:
        coded = pipeline.run(article)
        return coded, event_records(coded, pipeline)
    except GestaError as exc:
        return exc if isinstance(exc, InputError) else InputError(str(exc), article.origin or article.id)


class ThreadCoder:
    """The pipeline on the calling (writer) thread, built on first use."""

    def __init__(self, factory: PipelineFactory) -> None:
        self.factory = factory
        self.pipeline: Pipeline | None = None
        self.loaded = False

    def warm(self) -> None:
        if self.pipeline is None:
            started = time.perf_counter()
            self.pipeline = self.factory()
            self.loaded = True
            log.info("pipeline loaded in %.1f s", time.perf_counter() - started)

    def code_many(self, articles: list[Article]) -> list[Coded]:
        self.warm()
        assert self.pipeline is not None
        return [code_one(self.pipeline, article) for article in articles]

    def close(self) -> None:
        self.pipeline = None


_CHILD_PIPELINE: Pipeline | None = None


def _child_init(factory: PipelineFactory) -> None:
    global _CHILD_PIPELINE
    _CHILD_PIPELINE = factory()


def _child_code(articles: list[Article]) -> list[tuple[Article, list[dict[str, Any]]] | tuple[None, str, str]]:
    assert _CHILD_PIPELINE is not None
    out: list[tuple[Article, list[dict[str, Any]]] | tuple[None, str, str]] = []
    for article in articles:
        result = code_one(_CHILD_PIPELINE, article)
        if isinstance(result, InputError):  # exceptions with custom __init__ do not pickle well
            out.append((None, result.reason, result.source or article.id))
        else:
            out.append((result[0].detach(), result[1]))
    return out


class ProcessCoder:
    """The pipeline in one child process (spawned; ``factory`` must be picklable)."""

    def __init__(self, factory: PipelineFactory) -> None:
        context = multiprocessing.get_context("spawn")
        self.executor = ProcessPoolExecutor(1, mp_context=context, initializer=_child_init, initargs=(factory,))
        self.loaded = False

    def warm(self) -> None:
        if not self.loaded:
            started = time.perf_counter()
            self.executor.submit(_child_code, []).result()
            self.loaded = True
            log.info("pipeline loaded in a child process in %.1f s", time.perf_counter() - started)

    def code_many(self, articles: list[Article]) -> list[Coded]:
        results = self.executor.submit(_child_code, articles).result()
        self.loaded = True
        return [InputError(r[1], r[2]) if r[0] is None else r for r in results]  # type: ignore[misc]

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
