"""Fine-tuned top layers of the sentence encoder, shipped beside the classifier heads.

``tools/train_classifiers.py --tune-layers K`` fine-tunes the top ``K`` transformer layers of
the encoder together with the heads and writes their weights to ``encoder_layers.npz`` in the
heads directory (float16; keys ``<layer index>.<parameter name>``). The heads' ``meta.json``
names the file under ``tuned_layers``. At load time the stock encoder is read from its
package and these layers replace its own, so only a few MB ship with gesta.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from gesta.errors import ModelError

LAYERS_FILE = "encoder_layers.npz"


@dataclass(frozen=True, slots=True)
class TunedLayers:
    """Weights for some of the encoder's transformer layers, by layer index."""

    weights: dict[int, dict[str, np.ndarray]]
    digest: str  # SHA-256 of the file: part of the encoder's name, so cached embeddings never mix

    @property
    def tag(self) -> str:
        return f"tuned-{self.digest[:12]}"

    @classmethod
    def load(cls, path: Path) -> TunedLayers:
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            with np.load(path, allow_pickle=False) as data:
                arrays = {key: data[key].astype(np.float32) for key in data.files}
        except (OSError, ValueError) as exc:
            raise ModelError(f"{path}: not a file of encoder layers: {exc}") from None
        weights: dict[int, dict[str, np.ndarray]] = {}
        for key, array in arrays.items():
            index, _, name = key.partition(".")
            if not index.isdigit() or not name:
                raise ModelError(f"{path}: key {key!r} is not '<layer index>.<parameter>'")
            weights.setdefault(int(index), {})[name] = array
        if not weights:
            raise ModelError(f"{path}: no layers")
        return cls(weights, digest)

    def apply(self, transformer_layers: Any) -> None:
        """Load the weights into a torch ``ModuleList`` of transformer layers (in place)."""
        import torch

        for index, state in sorted(self.weights.items()):
            if index >= len(transformer_layers):
                raise ModelError(f"tuned layer {index} does not exist: the encoder has {len(transformer_layers)} layers")
            tensors = {name: torch.from_numpy(array) for name, array in state.items()}
            try:
                transformer_layers[index].load_state_dict(tensors, strict=True)
            except RuntimeError as exc:
                raise ModelError(f"tuned layer {index} does not fit the encoder: {exc}") from None


def save_layers(path: Path, layers: dict[int, dict[str, Any]]) -> None:
    """Write ``{layer index: state dict}`` (torch tensors or arrays) as float16 arrays."""
    arrays = {f"{index}.{name}": np.asarray(value.detach().cpu().numpy() if hasattr(value, "detach") else value,
                                            dtype=np.float16)
              for index, state in sorted(layers.items()) for name, value in sorted(state.items())}
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        np.savez_compressed(handle, **arrays)  # type: ignore[arg-type]  # numpy's stub reads **kwds as allow_pickle


def tuned_layers_of(heads_dir: Path, meta: dict[str, Any]) -> TunedLayers | None:
    """The tuned layers the heads' meta data names, or None when the heads use the stock encoder."""
    entry = meta.get("tuned_layers")
    if not entry:
        return None
    path = heads_dir / str(entry.get("file", LAYERS_FILE))
    if not path.is_file():
        raise ModelError(f"{heads_dir}: meta.json names tuned encoder layers {path.name}, which is missing")
    return TunedLayers.load(path)
