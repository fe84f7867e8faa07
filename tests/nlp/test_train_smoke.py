"""Smoke test of tools/train_parser.py on a tiny synthetic treebank."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest
import spacy

from .conftest import load_tool, write_tiny_treebank


def _load_tool() -> ModuleType:
    return load_tool("train_parser")


def test_train_parser_smoke(tmp_path: Path) -> None:
    tool = _load_tool()
    write_tiny_treebank(tmp_path / "ud")
    out, dest = tmp_path / "run", tmp_path / "model"
    argv = ["--ud-dir", str(tmp_path / "ud"), "--out", str(out), "--package-dir", str(dest),
            "--width", "16", "--depth", "1", "--embed-rows", "100", "--hidden-width", "16",
            "--max-steps", "4", "--eval-frequency", "2", "--skip", "bench"]
    assert tool.main(argv) == 0
    stats = json.loads((out / "corpus_stats.json").read_text())
    assert stats["ewt_train"]["sentences"] == 20
    assert stats["gum_ccby_train_dev"]["sentences"] == 5  # whow dropped
    meta = json.loads((dest / "gesta_meta.json").read_text())
    assert set(meta["scores"]["ewt_test"]) >= {"upos", "tag", "lemma", "uas", "las", "sents_f",
                                               "las_gold_sentences", "las_universal_gold_sentences"}
    assert meta["train_wall_time_s"] > 0
    assert (dest / "LICENSE").is_file() and (dest / "README.md").is_file()
    nlp = spacy.load(dest)
    assert len(nlp("The army blocked the road.")) == 6

    # spaCy does not rebuild the lemmatizer's tree -> label map on load; the callback does
    best = out / "output" / "model-best"
    loaded = spacy.load(best)
    lemmatizer = loaded.get_pipe("trainable_lemmatizer")
    assert lemmatizer.cfg["labels"] and not lemmatizer.tree2label
    tool._restore_lemma_labels()(loaded)
    assert len(lemmatizer.tree2label) == len(lemmatizer.cfg["labels"])

    resumed = tmp_path / "resumed"
    argv = [*argv[:2], "--out", str(resumed), "--resume-from", str(best), "--lr-decay",
            *argv[6:], "--skip", "bench,package"]
    assert tool.main(argv) == 0
    config = (resumed / "config.cfg").read_text()
    assert config.count(f'source = "{best.resolve().as_posix()}"') == 5
    assert "gesta.restore_lemma_labels.v1" in config and "warmup_linear.v1" in config


def test_nc_genres_are_refused(tmp_path: Path) -> None:
    tool = _load_tool()
    with pytest.raises(SystemExit):
        tool.convert(tmp_path, tmp_path / "c", frozenset({"news", "whow"}))


def test_gold_sentences_are_kept_when_scoring(nlp: spacy.language.Language) -> None:
    """With ``gold_sentences`` the parser sees the treebank's boundaries and adds none."""
    tool = _load_tool()
    words = ["Police", "came", "the", "crowd", "left", "and", "rain", "fell"]
    # a boundary inside "the crowd", where no parser would put one
    gold = spacy.tokens.Doc(nlp.vocab, words=words, sent_starts=[True, False, False, True, False,
                                                                 False, False, False])
    free, kept = (tool._pipe_gold(nlp, [gold], gold_sentences=flag)[0] for flag in (False, True))
    assert [s.start for s in kept.sents] == [0, 3]
    assert [t.text for t in kept] == words
    assert 3 not in [s.start for s in free.sents]
