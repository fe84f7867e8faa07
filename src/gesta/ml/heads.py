"""Classifier heads: softmax regression (optionally one hidden ReLU layer) in numpy.

Each head is one ``.npz`` file with ``labels`` and the weights; ``meta.json`` beside them
records the encoder they were trained on, cross-validated scores and tuned thresholds.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from gesta.errors import ModelError

log = logging.getLogger(__name__)
HEAD_NAMES = ("event", "cameo_root", "plover", "acled_event", "acled_sub_event")
NONE_LABEL = "-"  # the class "no such label" (no event, no ACLED type)


def packaged_heads_dir() -> Path:
    from importlib import resources

    return Path(str(resources.files("gesta") / "models" / "ml_heads"))


@dataclass(frozen=True)
class LinearHead:
    """``softmax(relu(x @ hidden + hidden_bias) @ weights + bias)``; no hidden layer when absent."""

    labels: tuple[str, ...]
    weights: np.ndarray
    bias: np.ndarray
    hidden: np.ndarray | None = None
    hidden_bias: np.ndarray | None = None

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        if self.hidden is not None and self.hidden_bias is not None:
            x = np.maximum(x @ self.hidden + self.hidden_bias, 0.0)
        logits = x @ self.weights + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        result: np.ndarray = exp / exp.sum(axis=1, keepdims=True)
        return result

    def save(self, path: Path) -> None:
        """Weights stored as float16 (half the size; loaded back as float32)."""
        arrays: dict[str, Any] = {"labels": np.array(self.labels), "weights": self.weights.astype(np.float16),
                                  "bias": self.bias.astype(np.float16)}
        if self.hidden is not None and self.hidden_bias is not None:
            arrays |= {"hidden": self.hidden.astype(np.float16), "hidden_bias": self.hidden_bias.astype(np.float16)}
        np.savez_compressed(path, **arrays)

    @classmethod
    def load(cls, path: Path) -> LinearHead:
        try:
            with np.load(path, allow_pickle=False) as data:
                arrays = {k: data[k].astype(np.float32) for k in data.files if k != "labels"}
                head = cls(tuple(str(x) for x in data["labels"]), arrays["weights"], arrays["bias"],
                           arrays.get("hidden"), arrays.get("hidden_bias"))
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(f"{path}: not a classifier head: {exc}") from None
        if head.weights.shape[1] != len(head.labels):
            raise ModelError(f"{path}: {head.weights.shape[1]} outputs for {len(head.labels)} labels")
        return head

    @property
    def input_dim(self) -> int:
        return int((self.hidden if self.hidden is not None else self.weights).shape[0])


@dataclass(frozen=True)
class Heads:
    """All heads plus their meta data (encoder, thresholds, CAMEO code table)."""

    heads: dict[str, LinearHead]
    meta: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, name: str) -> LinearHead:
        return self.heads[name]

    @property
    def dim(self) -> int:
        return self.heads["cameo_root"].input_dim

    def threshold(self, name: str, default: float) -> float:
        return float(self.meta.get("thresholds", {}).get(name, default))

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        for name, head in self.heads.items():
            head.save(directory / f"{name}.npz")
        (directory / "meta.json").write_text(json.dumps(self.meta, indent=2, sort_keys=True) + "\n", "utf-8")


def load_heads(directory: Path | None = None) -> Heads:
    """The heads in ``directory`` (default: the packaged ones); a :class:`ModelError` if incomplete."""
    base = directory or packaged_heads_dir()
    missing = [n for n in HEAD_NAMES if not (base / f"{n}.npz").is_file()]
    if missing:
        raise ModelError(f"{base}: classifier heads missing: {', '.join(missing)} (train them with tools/train_classifiers.py)")
    heads = {name: LinearHead.load(base / f"{name}.npz") for name in HEAD_NAMES}
    meta_path = base / "meta.json"
    try:
        meta = json.loads(meta_path.read_text("utf-8")) if meta_path.is_file() else {}
    except json.JSONDecodeError as exc:
        raise ModelError(f"{meta_path}: {exc}") from None
    dims = {h.input_dim for h in heads.values()}
    if len(dims) != 1:
        raise ModelError(f"{base}: heads disagree on the embedding size: {sorted(dims)}")
    return Heads(heads, meta)
