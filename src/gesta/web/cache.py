"""A small cache of read answers, emptied by every commit of the writer.

Reads see committed data only, and the writer bumps ``generation`` after each commit; an
answer is stored under the generation read *before* its query ran, so an answer computed from
an older snapshot is never served after a newer commit.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class Generation:
    """A counter the writer bumps after each commit."""

    def __init__(self) -> None:
        self.value = 0
        self._lock = threading.Lock()

    def bump(self) -> None:
        with self._lock:
            self.value += 1


class ReadCache:
    """LRU of answers keyed by request, valid for one store generation."""

    def __init__(self, generation: Generation, size: int = 1024) -> None:
        self.generation = generation
        self.size = size
        self._items: OrderedDict[Hashable, tuple[int, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get_or_compute(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        current = self.generation.value
        with self._lock:
            found = self._items.get(key)
            if found is not None and found[0] == current:
                self._items.move_to_end(key)
                self.hits += 1
                return found[1]
            self.misses += 1
        value = compute()
        with self._lock:
            self._items[key] = (current, value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def stats(self) -> dict[str, int]:
        return {"entries": len(self._items), "hits": self.hits, "misses": self.misses}
