"""The packaged parser loads offline and describes itself."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from gesta.errors import ModelError
from gesta.nlp import DEFAULT_MODEL_PATH, load_parser, model_info

EXPECTED_PIPES = {"tok2vec", "tagger", "morphologizer", "trainable_lemmatizer", "parser"}


def test_packaged_model_is_present_and_small() -> None:
    assert (DEFAULT_MODEL_PATH / "config.cfg").is_file()
    assert (DEFAULT_MODEL_PATH / "LICENSE").is_file()
    assert "CC BY-SA 4.0" in (DEFAULT_MODEL_PATH / "LICENSE").read_text(encoding="utf-8")
    size = sum(p.stat().st_size for p in DEFAULT_MODEL_PATH.rglob("*") if p.is_file())
    assert size < 15_000_000


def test_plain_spacy_load_works_offline() -> None:
    nlp = spacy.load(DEFAULT_MODEL_PATH)
    assert EXPECTED_PIPES <= set(nlp.pipe_names)
    doc = nlp("The army said it had withdrawn.")
    assert doc.has_annotation("DEP")


def test_load_parser_adds_news_rules(nlp: Language) -> None:
    assert EXPECTED_PIPES <= set(nlp.pipe_names)
    names = nlp.pipe_names
    assert names.index("gesta_news_sentences") < names.index("parser")


def test_missing_model_raises_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="not found"):
        load_parser(tmp_path / "nope")


def test_incompatible_model_raises_model_error(tmp_path: Path) -> None:
    (tmp_path / "config.cfg").write_text("[nlp]\nlang = 'xx_unknown'\n", encoding="utf-8")
    (tmp_path / "meta.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ModelError):
        load_parser(tmp_path)


def test_model_info(nlp: Language) -> None:
    info = model_info(nlp)
    assert info["name"] == "en_gesta_parser"
    assert info["license"] == "CC BY-SA 4.0"
    assert "ewt_test" in info["scores"]
    assert "news" in info["data"]["gum_genres"]
    assert not {"whow", "fiction"} & set(info["data"]["gum_genres"])
