"""A tiny stand-in model for the ML stage: a hashing encoder and heads with chosen outputs."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from gesta.ml.heads import HEAD_NAMES, Heads, LinearHead

DIM = 16
ROOTS = tuple(f"{n:02d}" for n in range(1, 21))
PLOVER = ("-", "ACCUSE", "ASSAULT", "COERCE", "CONSULT", "PROTEST", "REQUEST", "RETREAT", "CONCEDE")
ACLED = ("-", "Battles", "Protests")
ACLED_SUB = ("-", "Armed clash", "Peaceful protest")


class FakeEncoder:
    """Deterministic unit vectors from a hash of the text; counts what it was asked to embed."""

    name = "fake-encoder"

    def __init__(self, dim: int = DIM) -> None:
        self.dim = dim
        self.calls: list[list[str]] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        rows = []
        for text in texts:
            seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "little")
            vector = np.random.default_rng(seed).normal(size=self.dim)
            rows.append(vector / np.linalg.norm(vector))
        return np.asarray(rows, dtype=np.float32)


def fixed_head(labels: Sequence[str], winner: str, strength: float = 8.0, dim: int = DIM) -> LinearHead:
    """Zero weights, a bias that makes ``winner`` win with probability near 1 whatever the input."""
    bias = np.zeros(len(labels))
    bias[list(labels).index(winner)] = strength
    return LinearHead(tuple(labels), np.zeros((dim, len(labels))), bias)


def random_head(labels: Sequence[str], seed: int, dim: int = DIM, hidden: int = 0) -> LinearHead:
    rng = np.random.default_rng(seed)
    if hidden:
        return LinearHead(tuple(labels), rng.normal(size=(hidden, len(labels))), rng.normal(size=len(labels)),
                          rng.normal(size=(dim, hidden)), rng.normal(size=hidden))
    return LinearHead(tuple(labels), rng.normal(size=(dim, len(labels))), rng.normal(size=len(labels)))


def fixed_heads(root: str, event: str = "yes", plover: str = "-", codes: dict[str, str] | None = None) -> Heads:
    heads = {
        "event": fixed_head(("no", "yes"), event),
        "cameo_root": fixed_head(ROOTS, root),
        "plover": fixed_head(PLOVER, plover),
        "acled_event": fixed_head(ACLED, "-"),
        "acled_sub_event": fixed_head(ACLED_SUB, "-"),
    }
    assert set(heads) == set(HEAD_NAMES)
    return Heads(heads, {"encoder": FakeEncoder.name, "codes": codes or {}})


def save_random_heads(directory: Path) -> Heads:
    labels = {"event": ("no", "yes"), "cameo_root": ROOTS, "plover": PLOVER, "acled_event": ACLED,
              "acled_sub_event": ACLED_SUB}
    heads = Heads({n: random_head(labels[n], i, hidden=8 if n == "plover" else 0) for i, n in enumerate(HEAD_NAMES)},
                  {"encoder": FakeEncoder.name, "thresholds": {"propose_root": 0.42}})
    heads.save(directory)
    return heads
