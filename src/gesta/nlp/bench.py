"""Parser throughput benchmark over a JSONL corpus (one article per line, ``text``)."""

from __future__ import annotations

import json
import logging
import os
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from gesta.errors import InputError

LOG = logging.getLogger(__name__)
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def pin_threads(n: int = 1) -> None:
    """Ask numpy/BLAS/torch for ``n`` threads (best effort; env vars work before import)."""
    for var in THREAD_VARS:
        os.environ.setdefault(var, str(n))
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.set_num_threads(n)


def read_texts(corpus: Path, limit: int | None = None) -> Iterator[str]:
    """Yield the ``text`` of each JSONL record (at most ``limit``)."""
    if not corpus.is_file():
        raise InputError("corpus file not found", source=str(corpus))
    with corpus.open(encoding="utf-8") as handle:
        count = 0
        for lineno, line in enumerate(handle, 1):
            if limit is not None and count >= limit:
                return
            if not line.strip():
                continue
            try:
                text = json.loads(line)["text"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise InputError(f"bad JSONL record: {exc}", str(corpus), lineno) from exc
            count += 1
            yield str(text)


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB.

    Uses ``VmHWM`` from ``/proc/self/status`` (reset by exec, unlike ``ru_maxrss`` which a
    child started by a big parent inherits); falls back to ``getrusage``.
    """
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def bench_parse(
    corpus: Path, limit: int | None = None, model_path: Path | None = None,
    batch_size: int = 16,
) -> dict[str, Any]:
    """Parse ``corpus`` once (after a warm-up article); return throughput and memory.

    Words are non-space tokens. Keys: ``words_per_s`` (wall clock), ``words_per_cpu_s``
    (process CPU time: less disturbed by other load on the machine), ``sentences_per_s``,
    ``peak_rss_mb``, ``n_words``, ``n_sentences``, ``n_docs``, ``elapsed_s``, ``cpu_s``,
    ``load_avg_1min`` (machine load while measuring), ``loaded_rss_mb`` (peak after
    imports and model load, before the timed run) and ``torch_imported`` (thinc imports
    torch when it is installed, which adds about 150 MB).
    """
    pin_threads(1)
    from gesta.nlp.model import load_parser

    nlp = load_parser(model_path)
    texts = list(read_texts(corpus, limit))
    if texts:
        nlp(texts[0])
    loaded_rss = peak_rss_mb()
    n_words = n_sents = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for doc in nlp.pipe(texts, batch_size=batch_size):
        n_words += sum(1 for tok in doc if not tok.is_space)
        n_sents += sum(1 for _ in doc.sents)
    elapsed = max(time.perf_counter() - start, 1e-9)
    cpu = max(time.process_time() - cpu_start, 1e-9)
    result = {
        "words_per_s": round(n_words / elapsed),
        "words_per_cpu_s": round(n_words / cpu),
        "sentences_per_s": round(n_sents / elapsed, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "loaded_rss_mb": round(loaded_rss, 1),
        "torch_imported": "torch" in sys.modules,
        "n_words": n_words, "n_sentences": n_sents, "n_docs": len(texts),
        "elapsed_s": round(elapsed, 2), "cpu_s": round(cpu, 2), "batch_size": batch_size,
        "load_avg_1min": round(os.getloadavg()[0], 2),
        "pipeline": list(nlp.pipe_names),
    }
    LOG.info("bench parse: %s", result)
    return result
