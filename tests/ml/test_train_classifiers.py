"""tools/train_classifiers.py: threshold tuning on a gold file (no torch needed: a stand-in classifier)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

import train_classifiers

from gesta.ml.classifier import SentenceClassifier

from .helpers import FakeEncoder, fixed_heads

CODES = {"14/PROTEST": "140", "19/ASSAULT": "190"}
OFF = {"event": 1.01, "confirm": 1.01, "correct_vague": 1.01, "correct_specific": 1.01, "propose_root": 1.01}
EAGER = {"vote": "root", "event": 0.5, "confirm": 0.5, "correct_vague": 0.5, "correct_specific": 0.5, "propose_root": 0.5}


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    record = {"id": "t1", "text": "Russian troops attacked Ukrainian positions near Kharkiv.", "published": "2024-05-01",
              "expected": [{"source": "RUS", "target": "UKR", "cameo": "190", "plover": "ASSAULT"}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record) + "\n", "utf-8")
    return path


def test_gold_scorer_scores_what_the_classify_stage_does(pipeline: Any, gold: Path) -> None:
    wrong_opinion = SentenceClassifier(FakeEncoder(), fixed_heads("14", plover="PROTEST"))
    scorer = train_classifiers.gold_scorer(gold, wrong_opinion, CODES, pipeline)
    assert scorer.weights == [1.0] and "gold.jsonl" in scorer.metric
    assert scorer.accuracy(OFF) == 1.0  # the patterns alone get the attack right
    assert scorer.accuracy(EAGER) == 0.0  # a confident, wrong classifier overrules them
    assert scorer.trial(EAGER, False) == 0.0 and scorer.trial(OFF, True) == 1.0  # the record has pattern events


def test_tuning_keeps_a_wrong_classifier_from_overruling_the_patterns(pipeline: Any, gold: Path) -> None:
    wrong_opinion = SentenceClassifier(FakeEncoder(), fixed_heads("14", plover="PROTEST"))
    scorer = train_classifiers.gold_scorer(gold, wrong_opinion, CODES, pipeline)
    thresholds, report = train_classifiers.tune(scorer)
    assert report["patterns_only"] == 1.0 and report["combined"] == 1.0
    assert scorer.accuracy(thresholds) == 1.0
    assert thresholds["correct_specific"] > 0.99  # only "never" keeps this classifier out


def test_tuning_lets_a_right_classifier_correct_the_patterns(pipeline: Any, tmp_path: Path) -> None:
    # a gold record that reads the sentence as a protest: the patterns (an attack) are wrong
    record = {"id": "t2", "text": "Russian troops attacked Ukrainian positions near Kharkiv.", "published": "2024-05-01",
              "expected": [{"source": "RUS", "target": "UKR", "cameo": "140", "plover": "PROTEST"}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record) + "\n", "utf-8")
    agreeing_with_gold = SentenceClassifier(FakeEncoder(), fixed_heads("14", plover="PROTEST"))
    scorer = train_classifiers.gold_scorer(path, agreeing_with_gold, CODES, pipeline)
    thresholds, report = train_classifiers.tune(scorer)
    assert report["patterns_only"] == 0.0 and report["combined"] == 1.0
    assert thresholds["correct_specific"] <= 0.95
