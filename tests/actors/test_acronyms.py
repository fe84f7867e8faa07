"""Acronyms an article defines for itself (gesta.actors.acronyms), through the default pipeline."""

from __future__ import annotations

import datetime as dt
from typing import Any

DAY = dt.date(2023, 6, 14)


def codes_of(pipeline: Any, text: str) -> list[tuple[int, str, str]]:
    article = pipeline(text, published=DAY, article_id="t")
    return [(m.sentence_index, m.actor.text, m.actor.code) for m in article.mentions]


def test_an_acronym_defined_in_the_article_means_what_the_article_says(pipeline: Any) -> None:
    # the dictionary also knows Reporters Without Borders as RSF
    found = codes_of(pipeline, "RSF fighters shelled Omdurman. The paramilitary Rapid Support Forces (RSF) attacked the army. "
                               "RSF said the army had bombed its own people.")
    rsf = [(sentence, code) for sentence, text, code in found if text.startswith("RSF")]
    assert rsf and {code for _, code in rsf} == {"SDNREB"}
    assert {sentence for sentence, _ in rsf} >= {0, 2}  # before the definition too (a headline)


def test_an_acronym_defined_as_something_unknown_is_not_the_dictionarys(pipeline: Any) -> None:
    found = codes_of(pipeline, "The Rural Support Fund (RSF) criticised the plan. RSF said prices were rising.")
    assert not [code for _, text, code in found if text == "RSF"], found


def test_a_bracketed_capital_that_spells_no_name_defines_nothing(pipeline: Any) -> None:
    # "MOSCOW (AP)" is a dateline, not a definition: AP stays the news agency wherever it is
    without = codes_of(pipeline, "AP reported that Russia had shelled Kharkiv.")
    with_dateline = codes_of(pipeline, "MOSCOW (AP) - Russia said. AP reported that Russia had shelled Kharkiv.")
    assert [c for _, t, c in without if t == "AP"] == [c for s, t, c in with_dateline if t == "AP" and s == 1] == ["MED"]


def test_a_credit_after_a_persons_name_defines_nothing(pipeline: Any) -> None:
    # only organisations, groups and countries have acronyms: "(RIA)" after a name is a credit
    found = codes_of(pipeline, "Kremlin spokesman Dmitry Peskov (RIA) said the talks failed. RIA reported shelling.")
    assert {code for _, text, code in found if text == "RIA"} == {"RUSMED"}, found
