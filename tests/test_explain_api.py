"""gesta.explain: the parse, the actors, the patterns that fired and those that nearly did."""

from __future__ import annotations

from typing import Any

from gesta.explain import explain


def test_explains_every_sentence(pipeline: Any) -> None:
    explained = explain(pipeline, "France condemned Russia. The weather was mild.", "2022-02-23")
    assert [e.text for e in explained] == ["France condemned Russia.", "The weather was mild."]
    assert explained[1].fired == [] and explained[1].mentions == []


def test_parse_actors_and_fired(pipeline: Any) -> None:
    (item,) = explain(pipeline, "Washington imposed new sanctions on Moscow.")
    words = [t["text"] for t in item.tokens]
    assert words == ["Washington", "imposed", "new", "sanctions", "on", "Moscow", "."]
    assert {"i", "text", "lemma", "pos", "tag", "dep", "head"} <= set(item.tokens[0])
    assert [t["i"] for t in item.tokens] == list(range(len(words)))
    assert all(0 <= t["head"] < len(words) for t in item.tokens)
    assert [(m["text"], m["code"]) for m in item.mentions] == [("Washington", "USA"), ("Moscow", "RUS")]
    assert all(m["why"] for m in item.mentions)
    (fired,) = item.fired
    assert (fired["cameo"], fired["source"], fired["target"]) == ("163", "USA", "RUS")
    assert fired["modality"] == {"negated": False, "hypothetical": False, "future": False}
    known = {p.id for bucket in pipeline.context.patterns.by_trigger.values() for p in bucket}
    assert fired["rule"] in known


def test_near_misses(pipeline: Any) -> None:
    (item,) = explain(pipeline, "Washington imposed new sanctions on Moscow.", near_limit=5)
    assert 0 < len(item.near) <= 5
    fired_rules = {f["rule"] for f in item.fired}
    for near in item.near:
        assert near["rule"] not in fired_rules
        assert near["trigger"] in {"imposed", "sanctions"}
        assert ":" in near["origin"] and near["origin"].split(":")[0].endswith(".yaml")
    reasons = [n["why_not"] for n in item.near]
    assert any(r and "object does not name" in r for r in reasons)
    # patterns that fit but lost to a more specific one come first
    fits = [r is None for r in reasons]
    assert fits == sorted(fits, reverse=True)


def test_speaker_and_modality(pipeline: Any) -> None:
    (item,) = explain(pipeline, "Germany says Russia shelled Ukraine.")
    shell = [f for f in item.fired if f["cameo"].startswith("19")]
    assert shell and shell[0]["speaker"] == "DEU"
    (item,) = explain(pipeline, "Russia could invade Ukraine.")
    assert item.fired and item.fired[0]["modality"]["hypothetical"]


def test_near_limit_zero(pipeline: Any) -> None:
    (item,) = explain(pipeline, "Washington imposed new sanctions on Moscow.", near_limit=0)
    assert item.near == []


def test_pattern_behind_a_derived_rule_is_no_near_miss(pipeline: Any) -> None:
    (item,) = explain(pipeline, "Ukraine refused to sign the agreement with Russia.")
    derived = [f["rule"] for f in item.fired if ">" in f["rule"]]
    assert derived, item.fired
    bases = {rule.partition(">")[0] for rule in derived}
    assert not [n for n in item.near if n["rule"] in bases]


def test_a_game_sentence_says_why_nothing_fired(pipeline: Any) -> None:
    (item,) = explain(pipeline, "Real Madrid beat Borussia Dortmund 2-0 at Wembley on Saturday.")
    assert item.fired == [] and item.note is not None and "game" in item.note
    assert item.near[0]["why_not"] == "fits, but the sentence is about a game", item.near[0]


def test_violence_without_harm_says_why_it_was_withheld(pipeline: Any) -> None:
    (item,) = explain(pipeline, "Floods killed 30 people in Kenya.")
    assert item.fired == [] and item.note is None
    assert "natural cause" in str(item.near[0]["why_not"]), item.near[0]


def test_naming_and_quantities_say_why_they_were_withheld(pipeline: Any) -> None:
    (named,) = explain(pipeline, "French president Jacques Chirac has called the British rebate unjustified.")
    assert named.fired == [] and "names or describes" in str(named.near[0]["why_not"]), named.near[0]
    (grew,) = explain(pipeline, "The number of Europeans with broadband has exploded.")
    assert grew.fired == [] and "doer is abstract" in str(grew.near[0]["why_not"]), grew.near[0]
