"""Load gesta's packaged English spaCy pipeline and describe it."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from gesta.errors import ModelError
from gesta.nlp.news import COMPONENT, MERGE_COMPONENT, add_news_special_cases

LOG = logging.getLogger(__name__)

MODEL_NAME = "en_gesta_parser"
DEFAULT_MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / MODEL_NAME
REQUIRED_PIPES = ("tagger", "parser")


def _check_dir(path: Path) -> None:
    if not path.is_dir():
        raise ModelError(
            f"parser model not found at {path}; reinstall gesta or pass the path of a model "
            "trained with tools/train_parser.py"
        )
    if not (path / "config.cfg").is_file() or not (path / "meta.json").is_file():
        raise ModelError(f"{path} is not a spaCy pipeline directory (config.cfg/meta.json missing)")


def _load(path: Path, exclude: tuple[str, ...]) -> Language:
    try:
        return spacy.load(path, exclude=list(exclude))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(
            f"cannot load parser model {path} with spaCy {spacy.__version__}: {exc}"
        ) from exc


def add_news_rules(nlp: Language) -> Language:
    """Add the news tokenizer special cases and sentence rules (idempotent)."""
    add_news_special_cases(nlp)
    if COMPONENT not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe(COMPONENT, before=before)
    if MERGE_COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(MERGE_COMPONENT, after="parser")
    return nlp


def load_parser(
    path: Path | None = None, news_rules: bool = True, exclude: tuple[str, ...] = ()
) -> Language:
    """Load the English pipeline (default: the model packaged with gesta).

    ``news_rules`` adds the ``gesta_news_sentences`` component before the parser.
    ``exclude`` names components not to load (e.g. ``("trainable_lemmatizer",)``).
    Raises :class:`gesta.errors.ModelError` if the model is missing or incompatible.
    """
    model_path = Path(path) if path is not None else DEFAULT_MODEL_PATH
    _check_dir(model_path)
    nlp = _load(model_path, exclude)
    missing = [name for name in REQUIRED_PIPES if name not in nlp.pipe_names]
    if missing:
        raise ModelError(f"parser model {model_path} lacks components: {', '.join(missing)}")
    if news_rules:
        add_news_rules(nlp)
    LOG.debug("loaded %s with pipes %s", model_path, nlp.pipe_names)
    return nlp


def _gesta_meta(nlp: Language) -> dict[str, Any]:
    meta = nlp.meta.get("gesta")
    if isinstance(meta, dict):
        return meta
    path = nlp.path / "gesta_meta.json" if nlp.path else None
    if path is not None and path.is_file():
        return dict(json.loads(path.read_text(encoding="utf-8")))
    return {}


def model_info(nlp: Language) -> dict[str, Any]:
    """Name, version, licence, components, scores, speed and training data of a model."""
    meta = _gesta_meta(nlp)
    return {
        "name": f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', MODEL_NAME)}",
        "version": nlp.meta.get("version", ""),
        "spacy_version": spacy.__version__,
        "path": str(nlp.path) if nlp.path else None,
        "pipeline": list(nlp.pipe_names),
        "license": nlp.meta.get("license", meta.get("licence", "")),
        "scores": meta.get("scores", {}),
        "speed": meta.get("speed", {}),
        "sbd": meta.get("sbd", {}),
        "train_wall_time_s": meta.get("train_wall_time_s"),
        "data": meta.get("data", {}),
        "sources": nlp.meta.get("sources", meta.get("sources", [])),
    }
