"""gesta's English NLP layer: the packaged spaCy parser and its news rules."""

from __future__ import annotations

from gesta.nlp.imports import import_spacy_without_torch

import_spacy_without_torch()  # before any spaCy import below

from gesta.nlp.model import DEFAULT_MODEL_PATH, load_parser, model_info

__all__ = ["DEFAULT_MODEL_PATH", "load_parser", "model_info"]
