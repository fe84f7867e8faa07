"""The seed article through the real command: the headline event, and nothing from the caption."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

import pytest

CAPTION_START = "The picture released by the Russian state news agency Sputnik"


@pytest.fixture(scope="module")
def seed_records(seed_path: Path, pipeline: Any) -> list[dict[str, Any]]:
    """``gesta code --published 2022-02-23 SEED --format jsonl``, run in-process with the session
    pipeline (tests/cli runs the real entry point as a subprocess)."""
    import gesta.cli.code
    from gesta.cli import main

    with pytest.MonkeyPatch.context() as patch, redirect_stdout(io.StringIO()) as out:
        patch.setattr(gesta.cli.code, "load", lambda settings=None: pipeline)
        code = main(["code", "--published", "2022-02-23", str(seed_path), "--format", "jsonl"])
    assert code == 0
    return [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]


def test_seed_records_validate(seed_records: list[dict[str, Any]], validate_record: Any, seed_path: Path) -> None:
    assert seed_records
    text = seed_path.read_text(encoding="utf-8")
    for record in seed_records:
        validate_record(record)
        assert record["published"] == "2022-02-23"
        assert record["outlet"] == "site-3"
        evidence = record["evidence"]
        assert text[evidence["start"] : evidence["end"]] == evidence["text"]


def test_seed_has_a_headline_event(seed_records: list[dict[str, Any]]) -> None:
    headline = [r for r in seed_records if r["section"] == "headline"]
    assert headline
    assert all(r["evidence"]["text"] == "Separatists ask Putin for military assistance" for r in headline)


def _is_headline_event(record: dict[str, Any]) -> bool:
    source, target = record["source"] or {}, record["target"] or {}
    return (
        record["section"] == "headline"
        and source.get("country") == "UKR"
        and source.get("sector") == "REB"
        and target.get("country") == "RUS"
        and target.get("name") == "Vladimir Putin"
        and record["cameo"]["code"] == "0232"
        and (record["plover"] or {}).get("type") == "REQUEST"
    )


def test_seed_headline_event_ukr_rebels_ask_putin_for_military_aid(seed_records: list[dict[str, Any]]) -> None:
    matching = [r for r in seed_records if _is_headline_event(r)]
    assert matching, [
        (r["section"], r["source"], r["target"], r["cameo"]["code"]) for r in seed_records if r["section"] == "headline"
    ]
    record = matching[0]
    assert record["source"]["code"].startswith("UKR") and "REB" in record["source"]["code"]
    assert record["target"]["code"].startswith("RUS")
    assert record["evidence"]["trigger"] and record["evidence"]["trigger"]["text"] == "ask"


def test_no_event_from_the_photo_caption(seed_records: list[dict[str, Any]], seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    caption_start = text.index(CAPTION_START)
    caption_end = text.index("\n", caption_start)
    for record in seed_records:
        assert record["section"] != "caption"
        evidence = record["evidence"]
        assert evidence["end"] <= caption_start or evidence["start"] >= caption_end, evidence["text"]
        assert "Photo:" not in evidence["text"] and "Tomb of the Unknown Soldier" not in evidence["text"]


def test_captions_option_labels_caption_events(pipeline: Any, seed_path: Path) -> None:
    from gesta.pipeline import Pipeline
    from gesta.settings import Settings
    from gesta.stages.parse import ParseStage

    # the default pipeline with only the parse stage told to code captions (no second load)
    settings = Settings(code_captions=True)
    stages = [ParseStage(settings, pipeline.context.nlp) if s.name == "parse" else s for s in pipeline.stages]
    with_captions = Pipeline(settings, stages, pipeline.context)
    article = with_captions(seed_path.read_text(encoding="utf-8"), published="2022-02-23")
    caption_sentences = [s for s in article.sentences if s.text.startswith(CAPTION_START)]
    assert caption_sentences and all(s.section == "caption" for s in caption_sentences)
    assert not [s for s in article.sentences if s.section == "body" and "Photo:" in s.text]


def _dyads_of(records: list[dict[str, Any]], words: str) -> set[tuple[str, str | None, str | None]]:
    return {
        (r["cameo"]["code"], (r["source"] or {}).get("code"), (r["target"] or {}).get("code"))
        for r in records
        if words in r["evidence"]["text"]
    }


def test_seed_people_s_republics_ask_russia_and_thank_putin(seed_records: list[dict[str, Any]]) -> None:
    # "the heads of the “People’s Republics” asking for help from Russia to avoid casualties
    # among the peaceful population": the republics appeal to Russia, not to the population
    assert ("023", "UKRREB", "RUS") in _dyads_of(seed_records, "asking for help from Russia")
    # "they thanked Putin": the republics of the sentence before, not the Russian armed forces
    assert _dyads_of(seed_records, "they thanked Putin") == {("051", "UKRREB", "RUSGOV")}
    assert ("051", "UKRREB", "RUSGOV") in _dyads_of(seed_records, "thank Putin")


def test_seed_purpose_clause_is_no_addressee(seed_records: list[dict[str, Any]]) -> None:
    # "letters asking for help to ward off attacks by the Ukrainian army": help is not asked of the army
    asked = [d for d in _dyads_of(seed_records, "asking for help to ward off") if d[0].startswith("02")]
    assert asked and all(target != "UKRMIL" for _, _, target in asked)


def test_seed_schools_in_luhansk_are_ukrainian(seed_records: list[dict[str, Any]]) -> None:
    records = [r for r in seed_records if "including schools" in r["evidence"]["text"] and r["target"]]
    assert records and all(r["target"]["country"] == "UKR" for r in records)
