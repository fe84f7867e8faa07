"""Describe the machine and pin the process to one core for single-core figures."""

from __future__ import annotations

import logging
import os
import platform
import sys
from typing import Any

from gesta.errors import UsageError

log = logging.getLogger(__name__)
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")


def single_thread_env() -> None:
    """Ask numpy/BLAS/torch for one thread (env vars act on libraries imported later)."""
    for var in THREAD_VARS:
        os.environ[var] = "1"
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.set_num_threads(1)


def pin_to_core(core: int | None = None) -> int:
    """Pin this process to one core (default: the last one it may run on); return it."""
    allowed = sorted(os.sched_getaffinity(0))
    chosen = allowed[-1] if core is None else core
    if chosen not in allowed:
        raise UsageError(f"cannot pin to core {chosen}; allowed cores: {allowed}")
    os.sched_setaffinity(0, {chosen})
    log.info("pinned to core %d", chosen)
    return chosen


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine_info() -> dict[str, Any]:
    """Cores, CPU, memory and versions, recorded with every result."""
    import spacy

    from gesta.version import __version__

    info: dict[str, Any] = {
        "cores": os.cpu_count(),
        "cores_allowed": len(os.sched_getaffinity(0)),
        "cpu": cpu_model(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "gesta": __version__,
    }
    try:
        import psutil  # type: ignore[import-untyped]

        info["memory_gb"] = round(psutil.virtual_memory().total / 2**30, 1)
    except ImportError:
        pass
    return info
