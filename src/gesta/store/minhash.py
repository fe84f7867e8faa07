"""Near-duplicate articles: MinHash signatures over word shingles, with LSH bands.

Syndicated copies (the same wire story republished by another site, perhaps with another
headline, credit line or a few edited words) get a Jaccard similarity near 1 on word
3-shingles; independent reports of the same event stay far below the threshold.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import numpy as np

NUM_PERM = 128
BANDS = 32  # 32 bands of 4 rows: a pair at Jaccard 0.8 shares a band with probability > 0.99
ROWS = NUM_PERM // BANDS
SHINGLE = 3
THRESHOLD = 0.8
_MASK32 = np.uint64(0xFFFFFFFF)
_WORD = re.compile(r"\w+", re.UNICODE)

_rng = np.random.default_rng(20240501)  # fixed: signatures must be stable across runs
_A = _rng.integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) | np.uint64(1)
_B = _rng.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64)


@dataclass(frozen=True, slots=True)
class Signature:
    values: np.ndarray  # NUM_PERM uint32

    def to_bytes(self) -> bytes:
        return self.values.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        return cls(np.frombuffer(data, dtype="<u4").astype(np.uint32))

    def similarity(self, other: Signature) -> float:
        """Estimated Jaccard similarity of the two shingle sets."""
        return float(np.mean(self.values == other.values))

    def band_keys(self) -> list[int]:
        """One 64-bit key per band (band number mixed in), for candidate lookup."""
        rows = self.values.reshape(BANDS, ROWS)
        return [zlib.crc32(rows[i].tobytes(), i) | (i << 32) for i in range(BANDS)]


def shingles(text: str) -> np.ndarray:
    """32-bit hashes of the word 3-shingles of ``text`` (lower-cased)."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        words = words + [""] * (SHINGLE - len(words))
    grams = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    return np.fromiter((zlib.crc32(g.encode("utf-8", "surrogatepass")) for g in grams), dtype=np.uint64)


def signature(text: str) -> Signature:
    """The MinHash signature of a text (multiply-shift hashing, one minimum per permutation)."""
    hashes = shingles(text)
    mixed = (hashes[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)
    return Signature((mixed & _MASK32).min(axis=0).astype(np.uint32))
