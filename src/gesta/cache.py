"""A content-addressed cache for compiled data (actor dictionaries, pattern sets).

Compiling the dictionaries (YAML parsing, validation, tokenising phrases) takes seconds; the
compiled form loads in a fraction of that. Entries are keyed by the bytes of every input
file, the gesta version and a caller-given tag (e.g. the tokenizer's model), so an edited
file or a new version never reads a stale entry. ``GESTA_CACHE_DIR`` moves the cache;
``GESTA_CACHE_DIR=off`` disables it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from gesta.version import __version__

log = logging.getLogger(__name__)
T = TypeVar("T")


def cache_dir() -> Path | None:
    configured = os.environ.get("GESTA_CACHE_DIR")
    if configured == "off":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "gesta"


def content_key(kind: str, files: Iterable[Path], tag: str = "") -> str:
    digest = hashlib.sha256(f"{kind}\x1f{__version__}\x1f{tag}".encode())
    for path in sorted(files, key=str):
        digest.update(str(path.name).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return f"{kind}-{digest.hexdigest()[:32]}"


def cached(key: str, build: Callable[[], T]) -> T:
    """The cached value for ``key``, building and storing it when absent or unreadable."""
    directory = cache_dir()
    path = directory / f"{key}.pickle" if directory else None
    if path is not None and path.exists():
        try:
            with path.open("rb") as handle:
                value: T = pickle.load(handle)
            return value
        except Exception as exc:  # a truncated or foreign file: rebuild it
            log.warning("ignoring unreadable cache entry %s: %s", path, exc)
    value = build()
    if path is not None:
        _store(path, value)
    return value


def _store(path: Path, value: object) -> None:
    """Write atomically so a concurrent reader never sees half a file."""
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            temporary = handle.name
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError) as exc:
        # a value that cannot be pickled is still a good value: return it, leave no half file
        log.info("cannot write cache entry %s: %s", path, exc)
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)
