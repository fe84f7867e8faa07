from __future__ import annotations

import json
import math
from pathlib import Path

DATA = Path(__file__).parents[1] / "data" / "places" / "place_sentences.jsonl"
FLOOR = 0.90  # measured 0.937 (133/142) when written


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = math.pi / 180
    return 6371 * math.hypot((lon2 - lon1) * r * math.cos((lat1 + lat2) * r / 2), (lat2 - lat1) * r)


def test_stage_on_small_text(pipeline) -> None:
    article = pipeline("Russian forces shelled Rubizhne on Monday, killing two civilians.", published="2022-04-06")
    located = [e.location for e in article.events if e.location]
    assert located and located[0].name == "Rubizhne" and located[0].precision == 1


def test_place_accuracy_within_25_km(pipeline) -> None:
    stage = pipeline.get_stage("places")
    hits = total = 0
    for line in DATA.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        article = pipeline(record["text"], published=record["published"])
        location = next((e.location for e in article.events if e.location), None)
        if location is None and article.sentences:
            location = stage.locate(article, article.sentences[0])
        gold = record["place"]
        tolerance = 75 if gold["precision"] == 3 else 25
        total += 1
        hits += bool(location and _km(location.lat, location.lon, gold["lat"], gold["lon"]) <= tolerance)
    print(f"place accuracy: {hits}/{total} = {hits / total:.3f}")
    assert hits / total >= FLOOR


def test_attribution_phrase_is_no_place_cue(pipeline) -> None:
    """"according to Western sources": 'to' is part of the attribution, and 'Western' no
    place (the gazetteer has a Western region in Uganda, Kenya and elsewhere)."""
    stage = pipeline.get_stage("places")
    article = pipeline("According to Western sources, Russia has gathered troops on the border with Ukraine.",
                       published="2022-02-23")
    found = stage.find(article.sentences[0], [], ())
    assert [p.name for p in found] == ["Ukraine"]


def test_god_is_no_place(pipeline) -> None:
    """"the path of God" is not Göd, Hungary (stop_words in data/grammar/places.yaml)."""
    stage = pipeline.get_stage("places")
    article = pipeline("He spent his life engaging in jihad in the path of God in Iraq.", published="2020-01-03")
    assert [p.name for p in stage.find(article.sentences[0], [], ())] == ["Iraq"]


def test_a_surname_is_no_town(pipeline) -> None:
    """"In Tears of the Sun Willis plays ..." after "Bruce Willis": Willis is his name, not
    Willis, Texas; a sentence's first word and big cities do not make surnames."""
    stage = pipeline.get_stage("places")
    article = pipeline("Actor Bruce Willis is suing the studio in Los Angeles. In the film Willis plays an officer. "
                       "In London on Thursday, the campaign Make London Safer began.", published="2005-01-03")
    surnames = stage.surnames(article)
    assert "Willis" in surnames and "London" not in surnames
    names = [p.name for s in article.sentences for p in stage.find(s, [], (), surnames)]
    assert "Willis" not in names and "London" in names and "Los Angeles" in names


def test_a_place_name_prefix_makes_no_surname(pipeline) -> None:
    """"Upper Darby" (not in the gazetteer) is a place's name, so Darby stays a town
    (name_starts in data/grammar/places.yaml)."""
    stage = pipeline.get_stage("places")
    article = pipeline("A spokesman for the police in Upper Darby said the road was closed. "
                       "Police in Darby arrested a man.", published="2020-01-01")
    assert "Darby" not in stage.surnames(article)



def test_guessed_locals_take_the_country_of_the_event_s_place(pipeline) -> None:
    """Schools whose country was only the article's most-named one (Russia) are the schools
    of the place the event happened in (local_sectors in data/grammar/places.yaml); people
    someone calls theirs keep the guess."""
    text = ("Russia said Moscow would defend Russia's interests. Russian officials met in Moscow. "
            "In Kharkiv, schools were destroyed. Gunmen attacked our citizens in Kharkiv, Moscow said.")
    article = pipeline(text, published="2022-03-01")
    targets = {(e.target.text, e.target.country) for e in article.events if e.target is not None and e.cameo[:2] in ("17", "18")}
    assert targets == {("schools", "UKR"), ("citizens", "RUS")}  # "our citizens" are the speaker's
    guessed = [m for m in article.mentions if m.actor.text == "schools"]
    assert guessed and guessed[0].actor.country == "RUS"  # the mention keeps the actor stage's guess


def test_a_continent_or_a_word_is_no_small_town(pipeline) -> None:
    """"in Asia" is no Asia, Philippines, "in America" no América, Argentina (not_places in
    data/grammar/places.yaml); a longer name keeps the word ("South Africa")."""
    stage = pipeline.get_stage("places")
    article = pipeline("Tsunami victims in Asia received aid. He studied at University in America. "
                       "Voters in South Africa went to the polls.", published="2005-01-03")
    names = [p.name for s in article.sentences for p in stage.find(s, [], ())]
    assert names == ["South Africa"], names
