"""A token-sequence index: find the longest dictionary phrases in a token list quickly."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass
class PhraseIndex(Generic[T]):
    """Maps token tuples (lowercase) to payloads; lookups start from each token."""

    phrases: dict[tuple[str, ...], list[T]] = field(default_factory=lambda: defaultdict(list))
    lengths: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    def add(self, tokens: tuple[str, ...], payload: T) -> None:
        if not tokens:
            return
        self.phrases[tokens].append(payload)
        known = self.lengths[tokens[0]]
        if len(tokens) not in known:
            known.append(len(tokens))
            known.sort(reverse=True)

    def __len__(self) -> int:
        return len(self.phrases)

    def longest_at(self, keys: Sequence[str], start: int) -> tuple[int, list[T]] | None:
        """The longest phrase starting at ``start``: (length, payloads) or None."""
        for length in self.lengths.get(keys[start], ()):
            if start + length <= len(keys):
                found = self.phrases.get(tuple(keys[start : start + length]))
                if found is not None:
                    return length, found
        return None

    def find(self, *key_rows: Sequence[str]) -> list[tuple[int, int, list[T]]]:
        """Non-overlapping longest matches, trying each row of keys (e.g. forms, lemmas)."""
        matches: list[tuple[int, int, list[T]]] = []
        position = 0
        size = len(key_rows[0]) if key_rows else 0
        while position < size:
            best: tuple[int, list[T]] | None = None
            for keys in key_rows:
                hit = self.longest_at(keys, position)
                if hit is not None and (best is None or hit[0] > best[0]):
                    best = hit
            if best is None:
                position += 1
                continue
            matches.append((position, position + best[0], best[1]))
            position += best[0]
        return matches
