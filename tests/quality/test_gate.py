"""The coder's quality gate: scores on the gold files must not fall below quality/floors.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gesta.evaluation import evaluate

REPO = Path(__file__).resolve().parents[2]
FLOORS = json.loads((REPO / "quality" / "floors.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_scores_stay_above_floors(name: str, pipeline: Any) -> None:
    floor = FLOORS[name]
    gold = (REPO / floor["gold"]).resolve()
    if not gold.is_file():
        pytest.skip(f"gold file {gold} not available")
    summary = evaluate(gold, pipeline).summary()
    assert summary["type_accuracy"] >= floor["type_accuracy"], summary["confusion"]
    assert summary["triple"]["f1"] >= floor["triple_f1"]
    assert summary["actor_country_recall"] >= floor["actor_country_recall"]
    if "forbidden_hits_max" in floor:
        assert summary["forbidden_hits"] <= floor["forbidden_hits_max"]


def test_every_floor_names_its_metrics() -> None:
    for name, floor in FLOORS.items():
        assert {"gold", "type_accuracy", "triple_f1", "actor_country_recall"} <= set(floor), name
