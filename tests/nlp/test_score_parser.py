"""tools/score_parser.py on a tiny synthetic treebank and a copy of the packaged model."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path
from types import ModuleType

import spacy

from gesta.nlp import model_info
from gesta.nlp.model import DEFAULT_MODEL_PATH

from .conftest import REPO
from .test_train_smoke import _treebank


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_parser", REPO / "tools" / "score_parser.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_parser"] = module
    spec.loader.exec_module(module)
    return module


def test_scores_are_recorded_in_the_model(tmp_path: Path) -> None:
    _treebank(tmp_path / "ud")
    model = tmp_path / "model"
    shutil.copytree(DEFAULT_MODEL_PATH, model)
    assert _load_tool().main(["--model", str(model), "--ud-dir", str(tmp_path / "ud"), "--update-meta"]) == 0
    scores = json.loads((model / "gesta_meta.json").read_text(encoding="utf-8"))["scores"]
    ewt = scores["ewt_test"]
    assert ewt["tokens"] == 20 * 6  # the tiny treebank, not the packaged figures
    assert 0 <= ewt["las"] <= ewt["uas"] <= 100
    assert ewt["las_gold_sentences"] >= ewt["las"]  # the 20 one-clause sentences are easy to split
    assert "gum_ccby_test" not in scores  # the tiny treebank has no GUM test file
    assert f"las_gold_sentences {ewt['las_gold_sentences']}" in (model / "README.md").read_text(encoding="utf-8")
    assert model_info(spacy.load(model))["scores"] == scores  # what ``gesta info`` shows
