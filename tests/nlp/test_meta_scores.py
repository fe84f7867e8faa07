"""The recorded scores of the shipped model meet the issue's targets."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from gesta.nlp import model_info

TARGETS = {"upos": 94.0, "las": 82.0}


@pytest.fixture(scope="module")
def info(nlp: Language) -> dict[str, Any]:
    return model_info(nlp)


def test_recorded_accuracy_meets_targets(info: dict[str, Any]) -> None:
    scores = info["scores"]["ewt_test"]
    for key, target in TARGETS.items():
        assert scores[key] >= target, f"{key} {scores[key]} < {target}"


def test_recorded_sbd_meets_target(info: dict[str, Any]) -> None:
    assert info["sbd"]["f1"] >= 97.0


def test_recorded_speed_and_memory(info: dict[str, Any]) -> None:
    speed = info["speed"]
    assert speed["words_per_s"] >= 20_000
    assert speed["peak_rss_mb"] <= 400


def test_recorded_training_facts(info: dict[str, Any]) -> None:
    assert info["train_wall_time_s"] > 0
    assert info["data"]["counts"]["ewt_train"]["sentences"] > 10_000
    assert info["license"] == "CC BY-SA 4.0"
