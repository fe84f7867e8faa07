"""Fine-tune the top layers of the sentence encoder with one linear head per label set.

Used by ``train_classifiers.py --tune-layers K``. The lower layers stay frozen, so their
output is computed once per sentence (``BaseStates``) and every epoch runs only the top ``K``
layers, mean pooling, L2 normalisation and the heads (a multi-task loss: the sum of the
heads' cross-entropies, each over the rows that have its label). The result is what the
library loads: the tuned layers' weights (``gesta.ml.tuned_layers``) and linear heads
(``gesta.ml.heads.LinearHead``) on the normalised sentence embedding.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from gesta.ml.heads import LinearHead

log = logging.getLogger("train_classifiers")


@dataclass(frozen=True)
class TuningOptions:
    layers: int = 2  # top transformer layers tuned
    epochs: int = 4
    batch_size: int = 32
    layer_lr: float = 5e-5
    head_lr: float = 2e-3
    weight_decay: float = 0.01
    scale: float = 10.0  # the normalised embedding is multiplied by this before the heads
    max_tokens: int = 128
    seed: int = 0


@dataclass(frozen=True)
class LabelSet:
    """One head's rows (indices into the data) and class index per row."""

    rows: np.ndarray
    targets: np.ndarray
    classes: tuple[str, ...]


@dataclass
class BaseStates:
    """Per sentence: hidden states entering the first tuned layer, and the attention mask."""

    hidden: list[Any]  # torch tensors (tokens, dim), unpadded
    first_tuned: int
    model: Any  # the SentenceTransformer (its top layers are the ones tuned)


@dataclass(frozen=True)
class TunedModel:
    layers: dict[int, dict[str, Any]]  # layer index -> state dict
    heads: dict[str, LinearHead]


def label_set(index: np.ndarray, labels: Sequence[str]) -> LabelSet:
    classes = tuple(sorted(set(labels)))
    position = {label: i for i, label in enumerate(classes)}
    return LabelSet(np.asarray(index), np.array([position[label] for label in labels]), classes)


def base_states(model: Any, texts: Sequence[str], options: TuningOptions, runner: Any = None) -> BaseStates:
    """Run the frozen lower layers once over all sentences: those of ``runner`` when given (the
    int8-quantized encoder, which is what the library runs below the tuned layers), else of
    ``model``, whose top layers are the ones tuned."""
    import torch

    bert = (runner or model)[0].auto_model
    tokenizer = model[0].tokenizer
    first = len(bert.encoder.layer) - options.layers
    hidden: list[Any] = []
    started = time.perf_counter()
    with torch.no_grad():
        for start in range(0, len(texts), 64):
            batch = tokenizer(list(texts[start:start + 64]), padding=True, truncation=True,
                              max_length=options.max_tokens, return_tensors="pt")
            states = bert(**batch, output_hidden_states=True).hidden_states[first]
            for row, length in zip(states, batch["attention_mask"].sum(1).tolist(), strict=True):
                hidden.append(row[:length].clone())
    log.info("encoded %d sentences up to layer %d in %.0fs", len(texts), first, time.perf_counter() - started)
    return BaseStates(hidden, first, model)


def _padded(base: BaseStates, rows: Sequence[int]) -> tuple[Any, Any]:
    import torch

    states = [base.hidden[r] for r in rows]
    length = max(s.shape[0] for s in states)
    batch = torch.zeros(len(states), length, states[0].shape[1])
    mask = torch.zeros(len(states), length)
    for i, s in enumerate(states):
        batch[i, : s.shape[0]] = s
        mask[i, : s.shape[0]] = 1.0
    return batch, mask


class _TopEncoder:
    """The tuned layers plus pooling: sentence rows -> scaled, normalised embeddings."""

    def __init__(self, base: BaseStates, layers: Any, scale: float) -> None:
        self.base, self.layers, self.scale = base, layers, scale

    def __call__(self, rows: Sequence[int]) -> Any:
        import torch

        hidden, mask = _padded(self.base, rows)
        additive = (1.0 - mask[:, None, None, :]) * torch.finfo(torch.float32).min
        for layer in self.layers:
            out = layer(hidden, attention_mask=additive)
            hidden = out[0] if isinstance(out, tuple) else out
        pooled = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
        return torch.nn.functional.normalize(pooled, dim=1) * self.scale


def fine_tune(base: BaseStates, labels: dict[str, LabelSet], train: np.ndarray, options: TuningOptions) -> TunedModel:
    """Tune copies of the top layers and fresh linear heads on the rows in ``train``."""
    import copy

    import torch

    torch.manual_seed(options.seed)
    source = base.model[0].auto_model.encoder.layer
    layers = torch.nn.ModuleList([copy.deepcopy(source[i]) for i in range(base.first_tuned, len(source))])
    dim = base.hidden[0].shape[1]
    linear = torch.nn.ModuleDict({name: torch.nn.Linear(dim, len(s.classes)) for name, s in labels.items()})
    optimizer = torch.optim.AdamW([{"params": layers.parameters(), "lr": options.layer_lr},
                                   {"params": linear.parameters(), "lr": options.head_lr}],
                                  weight_decay=options.weight_decay)
    encode = _TopEncoder(base, layers, options.scale)
    targets = _row_targets(labels, len(base.hidden))
    rng = np.random.default_rng(options.seed)
    for epoch in range(options.epochs):
        layers.train()
        started, total = time.perf_counter(), 0.0
        order = rng.permutation(train)
        for start in range(0, len(order), options.batch_size):
            rows = order[start:start + options.batch_size]
            loss = _loss(encode(rows), linear, targets, rows)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += float(loss.detach())
        log.info("  epoch %d: loss %.3f (%.0fs)", epoch + 1, total / max(1, len(order) // options.batch_size),
                 time.perf_counter() - started)
    layers.eval()
    states = {base.first_tuned + i: {k: v.detach().clone() for k, v in layer.state_dict().items()}
              for i, layer in enumerate(layers)}
    return TunedModel(states, _linear_heads(linear, labels, options.scale))


def _row_targets(labels: dict[str, LabelSet], n: int) -> dict[str, Any]:
    """Per head, the class of every row (-1 where the row has no label for that head)."""
    import torch

    table = {}
    for name, found in labels.items():
        column = np.full(n, -1)
        column[found.rows] = found.targets
        table[name] = torch.tensor(column)
    return table


def _loss(embedded: Any, linear: Any, targets: dict[str, Any], rows: np.ndarray) -> Any:
    import torch

    total = embedded.new_zeros(())
    index = torch.as_tensor(rows)
    for name, head in linear.items():
        wanted = targets[name][index]
        keep = wanted >= 0
        if bool(keep.any()):
            total = total + torch.nn.functional.cross_entropy(head(embedded[keep]), wanted[keep])
    return total


def _linear_heads(linear: Any, labels: dict[str, LabelSet], scale: float) -> dict[str, LinearHead]:
    """Fold the embedding scale into the weights: the heads read the unscaled embedding."""
    heads = {}
    for name, layer in linear.items():
        weights = layer.weight.detach().numpy().T * scale
        heads[name] = LinearHead(labels[name].classes, weights.astype(np.float32), layer.bias.detach().numpy().astype(np.float32))
    return heads


def embed(base: BaseStates, tuned: TunedModel, rows: Sequence[int]) -> np.ndarray:
    """Normalised embeddings of ``rows`` through the tuned layers (what the library computes)."""
    import copy

    import torch

    source = base.model[0].auto_model.encoder.layer
    layers = torch.nn.ModuleList([copy.deepcopy(source[i]) for i in sorted(tuned.layers)])
    for layer, index in zip(layers, sorted(tuned.layers), strict=True):
        layer.load_state_dict(tuned.layers[index])
    layers.eval()
    encode = _TopEncoder(base, layers, 1.0)
    rows = list(rows)
    with torch.no_grad():
        parts = [encode(rows[s:s + 256]).numpy() for s in range(0, len(rows), 256)]
    return np.concatenate(parts).astype(np.float32) if parts else np.zeros((0, base.hidden[0].shape[1]), np.float32)
