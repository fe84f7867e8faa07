"""Embeddings keyed by a hash of (encoder name, sentence text): an in-memory LRU and an
optional sqlite store under the gesta cache directory (``GESTA_CACHE_DIR``)."""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from gesta.cache import cache_dir

log = logging.getLogger(__name__)


def sentence_key(encoder_name: str, text: str) -> str:
    return hashlib.sha256(f"{encoder_name}\x1f{text}".encode("utf-8", "surrogatepass")).hexdigest()


class DiskStore:
    """A sqlite table key -> float32 vector; failures are logged, never raised."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), timeout=10, check_same_thread=False)
        self.db.execute("CREATE TABLE IF NOT EXISTS embedding (key TEXT PRIMARY KEY, vector BLOB NOT NULL)")

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), 500):
            chunk = list(keys[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(f"SELECT key, vector FROM embedding WHERE key IN ({marks})", chunk)
            found.update((key, np.frombuffer(blob, dtype=np.float32)) for key, blob in rows)
        return found

    def put_many(self, items: dict[str, np.ndarray]) -> None:
        try:
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO embedding VALUES (?, ?)",
                                    [(k, v.astype(np.float32).tobytes()) for k, v in items.items()])
        except sqlite3.Error as exc:
            log.info("cannot write embedding cache %s: %s", self.path, exc)


class EmbeddingCache:
    """Embeds texts through ``encode`` (one batch for all misses) and remembers the results."""

    def __init__(self, encoder_name: str, size: int = 20_000, disk: bool = False) -> None:
        self.encoder_name = encoder_name
        self.size = size
        self.memory: OrderedDict[str, np.ndarray] = OrderedDict()
        self.disk = _open_store() if disk else None
        self.hits = 0
        self.misses = 0

    def embed(self, texts: Sequence[str], encode: Callable[[Sequence[str]], np.ndarray]) -> np.ndarray:
        keys = [sentence_key(self.encoder_name, t) for t in texts]
        found = {k: self.memory[k] for k in keys if k in self.memory}
        for key in found:
            self.memory.move_to_end(key)
        if self.disk is not None and len(found) < len(set(keys)):
            found |= self.disk.get_many([k for k in keys if k not in found])
        todo = list(dict.fromkeys(k for k in keys if k not in found))
        self.hits += len(keys) - len(todo)
        self.misses += len(todo)
        if todo:
            first = {k: t for k, t in zip(keys, texts)}
            fresh = dict(zip(todo, encode([first[k] for k in todo])))
            found |= fresh
            if self.disk is not None:
                self.disk.put_many(fresh)
        for key in keys:
            self._remember(key, found[key])
        return np.stack([found[k] for k in keys]) if keys else np.zeros((0, 0), dtype=np.float32)

    def _remember(self, key: str, vector: np.ndarray) -> None:
        self.memory[key] = vector
        self.memory.move_to_end(key)
        while len(self.memory) > self.size:
            self.memory.popitem(last=False)


def _open_store() -> DiskStore | None:
    directory = cache_dir()
    if directory is None:
        return None
    try:
        return DiskStore(directory / "ml-embeddings.sqlite3")
    except (OSError, sqlite3.Error) as exc:
        log.info("embedding disk cache unavailable: %s", exc)
        return None
