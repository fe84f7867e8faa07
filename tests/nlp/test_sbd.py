"""The news sentence-boundary gold set and the model's score on it."""

from __future__ import annotations

import json

from spacy.language import Language

from gesta.nlp.sbd import evaluate_sbd, gold_boundaries, read_gold

from .conftest import SBD_GOLD

TARGET_F1 = 97.0


def test_gold_set_is_large_and_consistent() -> None:
    records = [json.loads(line) for line in SBD_GOLD.read_text(encoding="utf-8").splitlines()]
    assert sum(len(r["sentences"]) for r in records) >= 300
    for rec in records:
        assert "".join(rec["sentences"]).replace(" ", "") == rec["text"].replace(" ", "").replace("\n", "")
    assert len(read_gold(SBD_GOLD)) == len(records)


def test_gold_boundaries_skip_first_sentence() -> None:
    assert gold_boundaries("A b. C d.", ["A b.", "C d."]) == {5}


def test_model_meets_sbd_target(nlp: Language) -> None:
    result = evaluate_sbd(nlp, SBD_GOLD)
    assert result["f1"] >= TARGET_F1, result["errors"][:5]


def test_model_on_heldout_sbd(nlp: Language) -> None:
    from gesta.nlp.sbd import HELDOUT_SBD_PATH

    result = evaluate_sbd(nlp, HELDOUT_SBD_PATH)
    assert result["sentences"] >= 50
    assert result["f1"] >= 95.0, result["errors"]
