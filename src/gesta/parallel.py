"""Code articles on several cores of one machine: :func:`code_parallel`.

Each worker process builds the pipeline once (in the pool initializer) and codes chunks of
articles; coded articles come back detached (no spaCy parses), in input order. At most
``2 * workers`` chunks are in flight, so a long input is read as fast as it is coded (back-
pressure) and memory stays flat. Errors never stop the run: an :class:`InputError` from the
input, or one raised while coding an article, comes out in that article's place.

On KeyboardInterrupt (or when the consumer stops iterating) queued chunks are cancelled, the
chunks being coded are finished, and the workers exit; workers ignore SIGINT themselves so a
Ctrl-C reaches only the parent.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from gesta.document import Article
from gesta.errors import InputError, PipelineError, UsageError
from gesta.settings import Settings

log = logging.getLogger(__name__)

_PIPELINE: Any = None  # the worker's pipeline, built once by _init_worker
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@dataclass(frozen=True, slots=True)
class _Failure:
    """An InputError as plain fields (InputError's own pickling loses source and line)."""

    reason: str
    source: str | None
    line: int | None

    @classmethod
    def of(cls, error: InputError) -> _Failure:
        return cls(error.reason, error.source, error.line)

    def error(self) -> InputError:
        return InputError(self.reason, self.source, self.line)


def mp_context() -> multiprocessing.context.BaseContext:
    """``forkserver`` where available (fast worker start, no inherited threads), else ``spawn``."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _init_worker(settings: Settings) -> None:
    global _PIPELINE
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for var in THREAD_VARS:
        os.environ.setdefault(var, "1")
    from gesta.api import load

    _PIPELINE = load(settings)
    log.debug("worker %d: pipeline loaded", os.getpid())


def _code_chunk(articles: list[Article]) -> list[Article | _Failure]:
    """Code a chunk in a worker; detach articles and flatten errors for the trip back."""
    if _PIPELINE is None:
        raise PipelineError("worker has no pipeline (initializer did not run)")
    out: list[Article | _Failure] = []
    for item in _PIPELINE.pipe(articles):
        if isinstance(item, Article):
            out.append(item.detach())
        else:
            error = item if isinstance(item, InputError) else InputError(str(item))
            out.append(_Failure.of(error))
    return out


@dataclass
class _Chunk:
    """One chunk: its input items in order, and the future coding its articles."""

    items: list[Article | InputError]
    future: Future[list[Article | _Failure]] | None

    def results(self) -> Iterator[Article | InputError]:
        coded = iter(self.future.result() if self.future is not None else [])
        for item in self.items:
            if isinstance(item, InputError):
                yield item
                continue
            result = next(coded)
            yield result.error() if isinstance(result, _Failure) else result


def code_parallel(
    items: Iterable[Article | InputError], settings: Settings, workers: int, chunk_size: int = 16
) -> Iterator[Article | InputError]:
    """Code ``items`` in ``workers`` processes; yield detached articles or errors, in order."""
    if workers < 1 or chunk_size < 1:
        raise UsageError("workers and chunk size must be at least 1")
    executor = ProcessPoolExecutor(workers, mp_context=mp_context(),
                                   initializer=_init_worker, initargs=(settings,))
    window: deque[_Chunk] = deque()
    try:
        for batch in _batches(items, chunk_size):
            window.append(_submit(executor, batch))
            if len(window) >= 2 * workers:
                yield from _drain(window.popleft())
        while window:
            yield from _drain(window.popleft())
    finally:
        _shutdown(executor, window)


def _batches(items: Iterable[Article | InputError], size: int) -> Iterator[list[Article | InputError]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _submit(executor: ProcessPoolExecutor, batch: list[Article | InputError]) -> _Chunk:
    articles = [item for item in batch if isinstance(item, Article)]
    return _Chunk(batch, executor.submit(_code_chunk, articles) if articles else None)


def _drain(chunk: _Chunk) -> Iterator[Article | InputError]:
    try:
        yield from chunk.results()
    except BrokenProcessPool as exc:
        raise PipelineError(f"a worker process died ({exc}); see the log for its error") from exc


def _shutdown(executor: ProcessPoolExecutor, window: deque[_Chunk]) -> None:
    """Cancel queued chunks, let running ones finish, stop the workers."""
    for chunk in window:
        if chunk.future is not None:
            chunk.future.cancel()
    if window:
        log.info("stopping: %d chunk(s) cancelled or finishing", len(window))
    executor.shutdown(wait=True, cancel_futures=True)
