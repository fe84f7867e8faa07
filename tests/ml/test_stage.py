"""The classify stage on real parses with a tiny stand-in model: it confirms, corrects and
proposes events, sets decided_by and classifier_score, and its records validate."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import pytest

from gesta.api import event_records
from gesta.document import Article
from gesta.errors import ModelError
from gesta.ml.classifier import SentenceClassifier
from gesta.ml.combine import Rules, is_vague
from gesta.ml.config import MLConfig
from gesta.ml.stage import ClassifyStage, build_rules, classify_factory, pattern_specificity
from gesta.settings import Settings

from .helpers import FakeEncoder, fixed_heads

ATTACK = "Russian troops attacked Ukrainian positions."
NO_EVENT = "Germany and France were in the news."


def code(pipeline: Any, text: str) -> Article:
    return pipeline(text, published="2024-05-01")


def stage_for(root: str, rules: Rules | None = None, **heads: Any) -> tuple[ClassifyStage, FakeEncoder]:
    encoder = FakeEncoder()
    return ClassifyStage(SentenceClassifier(encoder, fixed_heads(root, **heads)), rules or Rules()), encoder


def first_pattern_event(pipeline: Any, texts: list[str]) -> tuple[Article, str]:
    for text in texts:
        article = code(pipeline, text)
        if article.events:
            return article, article.events[0].cameo[:2]
    pytest.skip("the pattern coder codes none of the sample sentences")


def test_confirms_pattern_events(pipeline: Any, validate_record: Callable[[dict[str, Any]], None]) -> None:
    article, root = first_pattern_event(pipeline, [ATTACK, "Japan urged China to resume talks."])
    stage, _ = stage_for(root)
    coded = stage(article)
    assert coded.events and all(e.decided_by == "both" for e in coded.events if e.cameo.startswith(root))
    assert all(e.classifier_score is not None and 0 <= e.classifier_score <= 1 for e in coded.events)
    for record in event_records(coded, pipeline):
        validate_record(record)
        assert record["decided_by"] in ("pattern", "both", "classifier")


def test_corrects_when_confident_and_disagreeing(pipeline: Any, validate_record: Callable[[dict[str, Any]], None]) -> None:
    article, root = first_pattern_event(pipeline, [ATTACK, "Japan urged China to resume talks."])
    other = "14" if root != "14" else "19"
    stage, _ = stage_for(other, Rules(correct_vague=0.5, correct_specific=0.5, event=0.5))
    rules_before = {e.rule for e in article.events}
    coded = stage(article)
    corrected = [e for e in coded.events if e.decided_by == "classifier"]
    assert len(corrected) == 1
    event = corrected[0]
    assert event.cameo == f"{other}0" and event.rule.endswith("+classifier")
    assert event.rule.removesuffix("+classifier") in rules_before
    for record in event_records(coded, pipeline):
        validate_record(record)


def test_does_not_correct_specific_patterns_below_threshold(pipeline: Any) -> None:
    article, root = first_pattern_event(pipeline, [ATTACK])
    other = "04" if root != "04" else "05"
    stage, _ = stage_for(other, Rules(correct_vague=1.01, correct_specific=1.01))
    coded = stage(article)
    assert all(e.decided_by == "pattern" for e in coded.events)
    assert all(e.cameo[:2] == root for e in coded.events)


def test_proposes_an_event_when_patterns_find_none(pipeline: Any, validate_record: Callable[[dict[str, Any]], None]) -> None:
    article = code(pipeline, NO_EVENT)
    if article.events or not article.mentions:
        pytest.skip("the sample sentence has pattern events or no actors")
    stage, encoder = stage_for("19", Rules(event=0.5, propose_root=0.5))
    coded = stage(article)
    assert len(coded.events) == 1
    event = coded.events[0]
    assert (event.rule, event.decided_by, event.cameo) == ("classifier:19", "classifier", "190")
    assert event.source is not None and event.source.code == article.mentions[0].actor.code
    assert event.target is None or event.target.code != event.source.code or event.target.text != event.source.text
    assert event.trigger_start >= 0
    assert encoder.calls == [[article.sentences[0].text]]
    for record in event_records(coded, pipeline):
        validate_record(record)


def test_no_proposal_when_the_classifier_sees_no_event(pipeline: Any) -> None:
    article = code(pipeline, NO_EVENT)
    stage, _ = stage_for("19", Rules(event=0.5), event="no")
    before = len(article.events)
    assert len(stage(article).events) == before


def test_plover_head_chooses_the_code_within_the_root(pipeline: Any) -> None:
    article = code(pipeline, NO_EVENT)
    if article.events or not article.mentions:
        pytest.skip("the sample sentence has pattern events or no actors")
    stage, _ = stage_for("08", Rules(event=0.5, propose_root=0.5, codes={"08/RETREAT": "084"}), plover="RETREAT")
    assert [e.cameo for e in stage(article).events] == ["084"]


def test_only_candidate_sentences_are_embedded_and_cached(pipeline: Any) -> None:
    text = f"{ATTACK} Temperatures stayed low all week. {ATTACK}"
    article = code(pipeline, text)
    stage, encoder = stage_for("19")
    stage(article)
    candidates = {s.text for s in article.sentences if any(m.sentence_index == s.index for m in article.mentions)}
    embedded = [t for call in encoder.calls for t in call]
    assert set(embedded) == candidates and "Temperatures stayed low all week." not in embedded
    assert len(embedded) == len(set(embedded))  # the repeated sentence is embedded once
    stage(code(pipeline, text))
    assert sum(len(call) for call in encoder.calls) == len(embedded)  # second article: all cached


def test_vague_events(pipeline: Any) -> None:
    rules = Rules(specificity={"x.default": 0, "x.specific": 2})
    from gesta.document import Event

    assert is_vague(Event(0, "190", "x.specific"), rules)
    assert is_vague(Event(0, "193", "x.default"), rules)
    assert not is_vague(Event(0, "193", "x.specific"), rules)


def test_factory_builds_the_stage(pipeline: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    from gesta.ml import encoder as encoder_module

    from .helpers import save_random_heads

    save_random_heads(tmp_path)
    asked: list[Any] = []
    monkeypatch.setattr(encoder_module, "load_encoder", lambda config, tuned=None: asked.append(tuned) or FakeEncoder())
    settings = Settings(extra={"ml_heads": str(tmp_path), "ml_confirm": 0.25})
    pipeline.context.settings, saved = settings, pipeline.context.settings
    try:
        stage = classify_factory(pipeline.context)
    finally:
        pipeline.context.settings = saved
    assert stage.name == "classify" and stage.rules.confirm == 0.25 and stage.rules.propose_root == pytest.approx(0.42)
    assert stage.rules.specificity == pattern_specificity(pipeline.context)
    assert "events" in stage.requires
    coded = stage(code(pipeline, ATTACK))
    assert all(e.decided_by in ("pattern", "both", "classifier") for e in coded.events)
    assert asked == [None]  # these heads read the stock encoder


def test_factory_loads_the_tuned_layers_the_heads_name(pipeline: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    import json

    import numpy as np

    from gesta.ml import encoder as encoder_module
    from gesta.ml.tuned_layers import LAYERS_FILE, save_layers

    from .helpers import save_random_heads

    save_random_heads(tmp_path)
    save_layers(tmp_path / LAYERS_FILE, {5: {"output.dense.bias": np.ones(4)}})
    meta = json.loads((tmp_path / "meta.json").read_text())
    (tmp_path / "meta.json").write_text(json.dumps(meta | {"tuned_layers": {"file": LAYERS_FILE}}))
    asked: list[Any] = []
    monkeypatch.setattr(encoder_module, "load_encoder", lambda config, tuned=None: asked.append(tuned) or FakeEncoder())
    pipeline.context.settings, saved = Settings(extra={"ml_heads": str(tmp_path)}), pipeline.context.settings
    try:
        classify_factory(pipeline.context)
    finally:
        pipeline.context.settings = saved
    assert len(asked) == 1 and set(asked[0].weights) == {5}
    np.testing.assert_allclose(asked[0].weights[5]["output.dense.bias"], np.ones(4))


def test_settings_override_tuned_thresholds() -> None:
    meta = {"thresholds": {"confirm": 0.2, "event": 0.8}, "codes": {"08/RETREAT": "084"}}
    rules = build_rules(meta, MLConfig(event=0.6), None)
    assert (rules.confirm, rules.event, rules.codes["08/RETREAT"]) == (0.2, 0.6, "084")


def test_without_the_extra_the_error_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    from gesta.ml.encoder import load_encoder

    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    with pytest.raises(ModelError, match=r"pip install 'gesta\[ml\]'"):
        load_encoder(MLConfig())


def test_statements_are_never_proposed(pipeline: Any) -> None:
    article = code(pipeline, NO_EVENT)
    if article.events or not article.mentions:
        pytest.skip("the sample sentence has pattern events or no actors")
    stage, _ = stage_for("01", Rules(event=0.5, propose_root=0.5))
    assert stage(article).events == []


def test_no_correction_when_the_classifier_sees_no_event(pipeline: Any) -> None:
    article, root = first_pattern_event(pipeline, [ATTACK, "Japan urged China to resume talks."])
    other = "14" if root != "14" else "19"
    stage, _ = stage_for(other, Rules(correct_vague=0.5, correct_specific=0.5, event=0.5), event="no")
    coded = stage(article)
    assert all(e.decided_by == "pattern" and e.cameo[:2] == root for e in coded.events)
