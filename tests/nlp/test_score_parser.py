"""tools/score_parser.py on a tiny synthetic treebank and a copy of the packaged model."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import spacy

from gesta.nlp import model_info
from gesta.nlp.model import DEFAULT_MODEL_PATH

from .conftest import load_tool, write_tiny_treebank


def test_scores_are_recorded_in_the_model(tmp_path: Path) -> None:
    write_tiny_treebank(tmp_path / "ud")
    model = tmp_path / "model"
    shutil.copytree(DEFAULT_MODEL_PATH, model)
    assert load_tool("score_parser").main(["--model", str(model), "--ud-dir", str(tmp_path / "ud"), "--update-meta"]) == 0
    scores = json.loads((model / "gesta_meta.json").read_text(encoding="utf-8"))["scores"]
    ewt = scores["ewt_test"]
    assert ewt["tokens"] == 20 * 6  # the tiny treebank, not the packaged figures
    assert 0 <= ewt["las"] <= ewt["uas"] <= 100
    assert ewt["las_gold_sentences"] >= ewt["las"]  # the 20 one-clause sentences are easy to split
    assert "gum_ccby_test" not in scores  # the tiny treebank has no GUM test file
    assert f"las_gold_sentences {ewt['las_gold_sentences']}" in (model / "README.md").read_text(encoding="utf-8")
    assert model_info(spacy.load(model))["scores"] == scores  # what ``gesta info`` shows
