"""News conventions in tokenisation and sentence splitting."""

from __future__ import annotations

import pytest
from spacy.language import Language


def _sents(nlp: Language, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. envoy met Mr. Ortega and Gen. Alvarez in St. Louis on Jan. 12.",
        "The book by J. R. R. Tolkien was sold for $1.5 million on Tuesday.",
        "KYIV, Feb 23 (Reuters) - Ukraine said it had shot down 20 drones overnight.",
        "MOSCOW (AP) \u2014 Russia's central bank raised its key rate on Friday.",
        "The report is at https://example.org/a.b/report.html and runs to 40 pages.",
        "Sen. Ruiz and Rep. Lang visited No. 10 Downing Street at 9 a.m. on Monday.",
    ],
)
def test_one_sentence(nlp: Language, text: str) -> None:
    assert _sents(nlp, text) == [text]


def test_headline_without_full_stop(nlp: Language) -> None:
    text = "Army withdraws from border town\nThe army pulled out of the town on Sunday."
    assert _sents(nlp, text) == text.split("\n")


def test_numbered_list(nlp: Language) -> None:
    text = "The plan has two steps:\n1. Stop the fighting.\n2. Open the roads."
    assert _sents(nlp, text) == text.split("\n")


def test_quote_stays_with_its_sentence(nlp: Language) -> None:
    text = 'He said the plan was "a disaster." The minister did not reply.'
    assert _sents(nlp, text) == ['He said the plan was "a disaster."',
                                 "The minister did not reply."]


def test_tokenizer_keeps_abbreviations(nlp: Language) -> None:
    words = [t.text for t in nlp.make_doc("Gen. Lee met Sen. Kay and Mr. Ito in the U.S. on Sept. 3.")]
    for abbr in ("Gen.", "Sen.", "Mr.", "U.S.", "Sept."):
        assert abbr in words
