"""Encoder + embedding cache + heads: sentence texts in, :class:`Prediction` out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from gesta.errors import ModelError
from gesta.ml.cache import EmbeddingCache
from gesta.ml.encoder import Encoder
from gesta.ml.heads import NONE_LABEL, Heads


@dataclass(frozen=True, slots=True)
class Prediction:
    """What the heads say about one sentence (probabilities in [0, 1])."""

    event: float  # P(the sentence reports a political event)
    roots: Mapping[str, float]  # CAMEO root -> P
    plover: Mapping[str, float]  # PLOVER type ("-": none) -> P
    acled_event: str | None
    acled_sub_event: str | None

    @property
    def root(self) -> str:
        return max(self.roots, key=lambda r: self.roots[r])

    @property
    def root_score(self) -> float:
        return self.roots[self.root]

    @property
    def plover_type(self) -> str | None:
        best = max(self.plover, key=lambda p: self.plover[p])
        return None if best == NONE_LABEL else best


class SentenceClassifier:
    def __init__(self, encoder: Encoder, heads: Heads, cache: EmbeddingCache | None = None) -> None:
        self.encoder = encoder
        self.heads = heads
        self.cache = cache or EmbeddingCache(encoder.name)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self.cache.embed(texts, self.encoder.encode)
        if len(texts) and vectors.shape[1] != self.heads.dim:
            raise ModelError(f"encoder {self.encoder.name!r} gives {vectors.shape[1]}-dimensional embeddings; "
                             f"the heads expect {self.heads.dim} (retrain them with tools/train_classifiers.py)")
        return vectors

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        if not texts:
            return []
        x = self.embed(texts)
        scores = {name: self.heads[name].probabilities(x) for name in self.heads.heads}
        return [self._prediction(scores, i) for i in range(len(texts))]

    def _prediction(self, scores: dict[str, np.ndarray], i: int) -> Prediction:
        def table(name: str) -> dict[str, float]:
            return {label: float(p) for label, p in zip(self.heads[name].labels, scores[name][i])}

        event = table("event").get("yes", 0.0)
        acled = table("acled_event")
        sub = table("acled_sub_event")
        best_type = max(acled, key=lambda k: acled[k])
        best_sub = max(sub, key=lambda k: sub[k])
        return Prediction(event, table("cameo_root"), table("plover"),
                          None if best_type == NONE_LABEL else best_type, None if best_sub == NONE_LABEL else best_sub)
