"""Actor recognition and within-article resolution, end to end through the default pipeline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from gesta.document import Mention

DAY = dt.date(2022, 2, 23)


def mentions(pipeline: Any, text: str, day: dt.date | None = DAY) -> list[Mention]:
    return pipeline(text, published=day, article_id="t").mentions


def by_text(found: list[Mention]) -> dict[str, Mention]:
    return {m.actor.text: m for m in found}


def test_president_with_name(pipeline: Any) -> None:
    (putin,) = mentions(pipeline, "Russian President Vladimir Putin spoke on Tuesday.")
    assert putin.actor.code == "RUSGOV"
    assert putin.actor.name == "Vladimir Putin"
    assert putin.actor.text == "Russian President Vladimir Putin"


def test_person_role_depends_on_date(pipeline: Any) -> None:
    (as_pm,) = mentions(pipeline, "Putin spoke.", dt.date(2010, 1, 1))
    assert as_pm.actor.code == "RUSGOV"
    assert "head_of_government" in as_pm.why
    (as_president,) = mentions(pipeline, "Putin spoke.", DAY)
    assert "head_of_state" in as_president.why


def test_adjective_and_agent_compose(pipeline: Any) -> None:
    found = by_text(mentions(pipeline, "Russian troops crossed the border."))
    assert found["Russian troops"].actor.code == "RUSMIL"
    assert found["Russian troops"].actor.sector == "MIL"


def test_agent_takes_country_from_modifier(pipeline: Any) -> None:
    found = mentions(pipeline, "Separatist leaders in eastern Ukraine asked for help.")
    (leaders,) = [m for m in found if "leaders" in m.actor.text]
    assert leaders.actor.code == "UKRREB"
    assert leaders.actor.text == "Separatist leaders in eastern Ukraine"
    assert not any(m.actor.text == "Ukraine" for m in found)  # consumed by the composed mention


def test_coordinated_names_are_two_mentions(pipeline: Any) -> None:
    found = mentions(pipeline, "The EU and the US imposed sanctions on Russia.")
    assert [(m.actor.text, m.actor.code) for m in found] == [
        ("EU", "IGOEUREEC"), ("US", "USA"), ("Russia", "RUS"),
    ]
    for mention in found:  # offsets point into the text
        assert "The EU and the US imposed sanctions on Russia."[mention.start : mention.end] == mention.actor.text


def test_surname_resolved_after_full_mention(pipeline: Any, seed_path: Path) -> None:
    seed = seed_path.read_text(encoding="utf-8")
    sentence = next(line for line in seed.splitlines() if "Kremlin spokesman Dmitry Peskov" in line)
    text = sentence + " Peskov also criticised the West."
    found = mentions(pipeline, text)
    full = [m for m in found if m.actor.text == "Kremlin spokesman Dmitry Peskov"]
    assert full and full[0].actor.code == "RUSGOV" and full[0].actor.name == "Dmitry Peskov"
    later = [m for m in found if m.actor.text == "Peskov"]
    assert later, [m.actor.text for m in found]
    assert later[0].actor.code == "RUSGOV" and later[0].actor.name == "Dmitry Peskov"
    assert later[0].sentence_index > full[0].sentence_index


def test_title_resolves_to_office_holder_on_date(pipeline: Any) -> None:
    found = mentions(pipeline, "On Monday, the Kremlin chief recognized the separatist areas.")
    (chief,) = [m for m in found if "Kremlin chief" in m.actor.text]
    assert chief.actor.name == "Vladimir Putin"
    assert chief.actor.code == "RUSGOV"
    (in_2010,) = [m for m in mentions(pipeline, "The Kremlin chief spoke.", dt.date(2010, 1, 1))]
    assert in_2010.actor.name == "Dmitry Medvedev"


def test_pronoun_refers_to_country(pipeline: Any) -> None:
    found = mentions(pipeline, "Ukraine refuses to be at war with Donbass. She sees Russia as an aggressor.")
    (she,) = [m for m in found if m.actor.text == "She"]
    assert she.actor.code == "UKR"
    assert she.kind == "pronoun"
    assert she.refers_to is not None and she.refers_to.actor.text == "Ukraine"


def test_bare_agent_takes_the_articles_country(pipeline: Any) -> None:
    text = "Ukraine declared a state of emergency. Kyiv says Ukraine is ready. The government condemned the attack."
    found = mentions(pipeline, text)
    (government,) = [m for m in found if m.actor.text.lower().endswith("government")]
    assert government.actor.code == "UKRGOV"


def test_bare_agents_take_the_country_last_named_with_the_same_noun(pipeline: Any) -> None:
    """Soldiers of two countries: "the soldiers" are the Russian ones named just before, not
    the article's main country (Ukraine) nor the first army it names."""
    text = ("Ukrainian troops shelled the town. Russian soldiers crossed the border. "
            "The soldiers were seen near Kharkiv. Ukraine said the troops retreated.")
    found = [(m.actor.text, m.actor.code) for m in mentions(pipeline, text)]
    assert ("soldiers", "RUSMIL") in found and ("troops", "UKRMIL") in found, found


def test_a_state_organ_keeps_the_articles_country_when_another_is_named_later(pipeline: Any) -> None:
    """A US official quoted at the end of a story about Venezuela does not make Venezuela's
    government American; "Latin American governments" are the region, not the US; the
    separatists of a headline still take the country the body gives them (not a state organ)."""
    text = ("Venezuela's opposition accused the government of fraud. President Nicolás Maduro denied it. "
            "Venezuela's electoral council confirmed the result. "
            "US Secretary of State Antony Blinken voiced concern. Several Latin American governments refused to "
            "recognise the result.")
    found = {m.actor.text: m.actor.code for m in mentions(pipeline, text, dt.date(2024, 7, 30))}
    assert found["government"] == "VENGOV" and found["President Nicolás Maduro"] == "VENGOV", found
    assert found["Latin American governments"] == "LAM", found
    seed = mentions(pipeline, "Separatists ask Putin for help\n\nSeparatist leaders in eastern Ukraine asked Putin for help.")
    assert seed[0].actor.code == "UKRREB"


def test_an_agent_coordinated_with_a_national_one_shares_its_country(pipeline: Any) -> None:
    found = {m.actor.text: m.actor.code for m in mentions(
        pipeline, "Taiwan put its armed forces on alert as Chinese warships and aircraft surrounded the island. "
                  "Russian troops and civilians fled.")}
    assert found["aircraft"] == "CHNMIL" and found["armed forces"] == "TWNMIL", found
    assert not found["civilians"].startswith("RUS"), found  # another sector: no shared country


def test_the_uks_nations_are_the_uk(pipeline: Any) -> None:
    found = {m.actor.text: m.actor.code for m in mentions(
        pipeline, "Iraq was named often. The Scottish regiments will merge, Scotland's first minister said.")}
    assert found["Scottish regiments"] == "GBRMIL" and found["Scotland"] == "GBR", found


def test_british_parties_by_their_short_names(pipeline: Any) -> None:
    found = {m.actor.text: m.actor.code for m in mentions(
        pipeline, "The Tories and the Lib Dems attacked Labour. The Scottish National Party criticised the Conservatives.",
        dt.date(2005, 3, 1))}
    assert {found.get(n) for n in ("Tories", "Lib Dems", "Labour", "Scottish National Party", "Conservatives")} == {"GBRPTY"}, found
    # a shadow minister is the opposition's, of the party named before the title, whatever country the story is about
    (ancram,) = [m for m in mentions(pipeline, "China protested. Beijing warned. Conservative shadow foreign secretary "
                                               "Michael Ancram said the move was wrong.", dt.date(2005, 3, 1))
                 if "Ancram" in m.actor.text]
    assert ancram.actor.code == "GBRPTY", ancram


def test_acronyms_are_case_sensitive(pipeline: Any) -> None:
    assert mentions(pipeline, "Let us talk about them.") == []
    (us,) = mentions(pipeline, "The US criticised the plan.")
    assert us.actor.code == "USA"


def test_weather_it_is_no_actor(pipeline: Any) -> None:
    found = mentions(pipeline, "France condemned Russia. It rained all day.")
    assert [m.actor.text for m in found] == ["France", "Russia"]


def test_no_actor_in_plain_text(pipeline: Any) -> None:
    assert mentions(pipeline, "It rained all day in the valley.") == []


@pytest.mark.parametrize("text", [
    "Youth unemployment rose sharply last year.",
    "Return to the city was slow after the storm.",
    "The Tigers stormed ahead within 18 minutes.",
    "Lightning struck the old barn.",
])
def test_ordinary_words_are_no_armed_groups(pipeline: Any, text: str) -> None:
    # one-word group names that are ordinary words (group_words in tools/actor_overrides/drop.yaml)
    assert mentions(pipeline, text) == []


def test_a_group_keeps_its_full_names_when_a_one_word_alias_goes(pipeline: Any) -> None:
    (found,) = mentions(pipeline, "The Night Avengers claimed the attack.")
    assert found.actor.sector == "REB", found.actor


def test_an_organisations_secretary_general_is_the_organisation_not_a_military_general(pipeline: Any) -> None:
    found = mentions(pipeline, "The Arab League Secretary General met the Egyptian president in Cairo.")
    codes = {m.actor.code for m in found}
    assert "IGOMEAARL" in codes and not any(c.endswith("MIL") for c in codes), codes


def test_palestinian_territories_and_african_regions_are_not_the_west(pipeline: Any) -> None:
    """"West" alone is the Western countries (WST); "West Bank" and "West Africans" are not."""
    codes = {m.actor.text: m.actor.code for m in mentions(
        pipeline, "Israel reimposed blockades in the West Bank and Gaza, while West Africans left Nigeria.")}
    assert codes.get("West Bank") == "PSE" and codes.get("Gaza") == "PSE", codes
    assert codes.get("West Africans") == "WAF", codes
    assert "WST" not in codes.values(), codes


def test_anti_country_is_what_an_actor_opposes_not_its_side(pipeline: Any) -> None:
    found = {m.actor.text: m.actor.code for m in mentions(pipeline, "An anti-Syria journalist was killed in Beirut.")}
    assert "SYR" not in {code[:3] for code in found.values()}, found
    pro = {m.actor.text: m.actor.code for m in mentions(pipeline, "A Syrian journalist was killed in Beirut.")}
    assert "SYRMED" in pro.values(), pro


def test_an_armed_group_gives_the_article_its_country_when_no_country_is_named(pipeline: Any) -> None:
    """UNITA is Angolan (PETRARCH's old code ANG is converted to ISO AGO); a bare "President"
    in an article that names only UNITA is Angola's."""
    found = {m.actor.text: m.actor.code for m in mentions(pipeline, "President Dos Sontas conceded to demands from UNITA.")}
    assert found.get("UNITA") == "AGOREB", found
    assert found.get("President Dos Sontas") == "AGOGOV", found


def test_prisoners_are_civilians_of_their_country(pipeline: Any) -> None:
    found = {m.actor.text: m.actor.code for m in mentions(pipeline, "Kenyan prisoners rioted at a jail in Nairobi.")}
    assert "KENCVL" in found.values(), found


def test_title_and_a_surname_known_to_the_dictionary_name_that_person(pipeline: Any) -> None:
    (mugabe,) = mentions(pipeline, "President Mugabe attacked the opposition.", dt.date(2015, 6, 1))
    assert (mugabe.actor.code, mugabe.actor.name) == ("ZWEGOV", "Robert Mugabe")
    assert mugabe.actor.text == "President Mugabe"  # one mention, the surname is not counted again


def test_a_surname_named_earlier_is_not_counted_twice_after_a_title(pipeline: Any) -> None:
    found = mentions(pipeline, "Robert Mugabe spoke. President Mugabe attacked the opposition.", dt.date(2015, 6, 1))
    assert [m.actor.text for m in found] == ["Robert Mugabe", "President Mugabe"]


def test_a_name_with_a_lowercase_article_and_hyphen_is_recognised(pipeline: Any) -> None:
    found = by_text(mentions(pipeline, "Drone strikes killed two al-Qaeda commanders in Yemen."))
    assert any(m.actor.code.startswith("IMG") for m in found.values()), {t: m.actor.code for t, m in found.items()}


def test_a_multiword_country_is_no_person(pipeline: Any) -> None:
    # the converter once read the blocks of "Sri Lanka" or "Sierra Leone" as people (LKAELI)
    found = mentions(pipeline, "The Sri Lankan army and troops from Sierra Leone met in Colombo.")
    codes = {m.actor.text: m.actor.code for m in found}
    assert [c for t, c in codes.items() if "Sri Lankan army" in t] == ["LKAMIL"], codes
    assert not any(c.endswith("ELI") for c in codes.values()), codes


@pytest.mark.parametrize(("text", "code"), [
    ("Several hundred ethnic Hungarians rallied in Romania on Sunday.", "ROUETH"),
    ("The Hungarians of northern Serbia demanded more schools.", "SRBETH"),
    ("Hungarians protested in Budapest.", "HUN"),  # at home they are no minority
])
def test_an_ethnic_minority_is_coded_by_the_country_it_lives_in(pipeline: Any, text: str, code: str) -> None:
    found = mentions(pipeline, text)
    assert [m.actor.code for m in found if m.actor.text == "Hungarians"] == [code], [(m.actor.text, m.actor.code) for m in found]
