"""Games are no conflict: violent events in sentences about sport are dropped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from gesta.cues import load_cues
from gesta.errors import DataFileError
from gesta.resources import data_dir

DAY = dt.date(2024, 8, 5)
VIOLENT = ("17", "18", "19", "20")


def violent(pipeline: Any, text: str) -> list[tuple[str, str | None, str | None]]:
    article = pipeline(text, published=DAY, article_id="games-test")
    return [(e.cameo, e.source and e.source.code, e.target and e.target.code)
            for e in article.events if e.cameo[:2] in VIOLENT]


@pytest.mark.parametrize("text", [
    "Real Madrid beat Borussia Dortmund 2-0 at Wembley on Saturday.",
    "Novak Djokovic defeated Carlos Alcaraz to win the Olympic gold medal in Paris.",
    "South Korean Hyung-Taik Lee defeated American Jan-Michael Gambill 6-3 7-6 (7-4).",
    "Morgan Freeman beat British actor Clive Owen to the prize for best supporting actor.",
])
def test_a_game_is_no_attack(pipeline: Any, text: str) -> None:
    assert violent(pipeline, text) == []


def test_the_same_verbs_in_war_news_stay(pipeline: Any) -> None:
    """Date and number ranges are no scores."""
    found = violent(pipeline, "Russian troops attacked Kharkiv from 3-8 May, killing 20-30 civilians.")
    assert ("190", "RUSMIL", "UKR") in found, found


def test_violence_against_police_at_a_game_stays(pipeline: Any) -> None:
    found = violent(pipeline, "Fans attacked police after the World Cup match in Paris.")
    assert any(target == "FRACOP" for _, _, target in found), found


def test_a_sports_report_is_read_as_one(pipeline: Any) -> None:
    """A sentence with no sport word of its own is read with the rest of the report."""
    line = "Italy hit back hard against Ireland."
    assert violent(pipeline, line)  # alone, the patterns read an attack
    report = ("Italy met Ireland in the Six Nations on Saturday. " + line
              + " Ireland won 18-12 and stay on course for the Grand Slam.")
    assert violent(pipeline, report) == []


def test_a_team_named_after_its_country_makes_no_event_of_any_kind(pipeline: Any) -> None:
    """Statements, threats and talks of teams in a sports report are no political events; a
    government's part in it stays."""
    report = ("Wales met Italy in the Six Nations in Rome. Wales twice threatened further scores. "
              "England will have to negotiate their way through a tough draw at the World Cup. "
              "The British prime minister congratulated Wales.")
    events = pipeline(report, published=DAY, article_id="games-test").events
    assert [(e.source and e.source.code) for e in events] == ["GBRGOV"], [(e.cameo, e.rule) for e in events]


def test_a_broken_score_pattern_names_the_field(tmp_path: Path) -> None:
    text = (data_dir() / "grammar" / "cues.yaml").read_text(encoding="utf-8")
    broken = text.replace(r"'\b\d{1,3}(?:st|nd|rd|th)\s+minute\b'", r"'\b(\d minute'")
    assert broken != text
    path = tmp_path / "cues.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_cues(path)
    assert caught.value.field == "games.score_patterns" and caught.value.line is not None
