"""Stage layout: the parts of an article, and what is never coded as body."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gesta.document import Article
from gesta.stages.layout import LayoutStage, unwrap
from gesta.stages.normalize import NormalizeStage


def layout(text: str, source: str | None = None, title: str | None = None) -> Article:
    article = Article(id="t", text=text, source=source, title=title)
    return LayoutStage()(NormalizeStage()(article))


def kinds(article: Article) -> list[tuple[str, str]]:
    return [(s.kind, article.field_text(s.field)[s.start : s.end]) for s in article.sections]


@pytest.fixture(scope="module")
def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")


def test_seed_sections(seed_text: str) -> None:
    article = layout(seed_text)
    found = kinds(article)
    assert found[0] == ("title", "Russia-Ukraine conflict: Separatists ask Putin for military assistance")
    assert found[1] == ("kicker", "Russia-Ukraine conflict")
    assert found[2] == ("headline", "Separatists ask Putin for military assistance")
    assert found[3][0] == "caption" and found[3][1].startswith("The picture released by")
    assert found[3][1].endswith("via AP/dpa")
    assert found[4] == ("credit", "\u00a9 dpa-infocom GmbH")
    assert found[-1] == ("source_tag", "source site-3")
    body = [text for kind, text in found if kind == "body"]
    assert len(body) == 8
    assert body[0].startswith("After Russia\u2019s recognition")
    assert body[1] == (
        "Separatist leaders in eastern Ukraine have asked Russian President Vladimir Putin "
        "for military assistance."
    )
    assert "\u201cPeople\u2019s republics\u201d thank Putin" in body
    assert body[-1].startswith("The West accuses Putin")
    assert [k for k, _ in found[5:-1]] == ["body"] * 8


def test_seed_source_tag_becomes_source(seed_text: str) -> None:
    assert layout(seed_text).source == "site-3"
    assert layout(seed_text, source="given").source == "given"


def test_seed_sections_are_ordered_and_disjoint(seed_text: str) -> None:
    sections = layout(seed_text).sections
    for before, after in zip(sections, sections[1:]):
        assert before.start < before.end <= after.start
    for section in sections:
        chunk = seed_text[section.start : section.end]
        assert chunk == chunk.strip() and chunk


def test_seed_with_crlf_line_ends_has_same_layout(seed_text: str) -> None:
    crlf = seed_text.replace("\n", "\r\n")
    assert [(k, t) for k, t in kinds(layout(crlf))] == kinds(layout(seed_text))


def test_seed_with_invisible_characters_keeps_layout(seed_text: str) -> None:
    noisy = seed_text.replace("Separatists", "Sepa\u00adra\u200btists").replace("Kremlin", "\ufeffKremlin")
    plain = [k for k, _ in kinds(layout(seed_text))]
    found = kinds(layout(noisy))
    assert [k for k, _ in found] == plain
    assert found[2] == ("headline", "Sepa\u00adra\u200btists ask Putin for military assistance")


def test_captions_credits_tags_never_coded_as_body(pipeline: Any, seed_text: str) -> None:
    article = pipeline(seed_text, published="2022-02-23")
    excluded = [s for s in article.sections if s.kind in ("caption", "credit", "source_tag", "kicker")]
    assert {s.kind for s in excluded} >= {"caption", "credit", "source_tag"}
    body = [s for s in article.sentences if s.section == "body"]
    assert body
    for sentence in body:
        for section in excluded:
            assert sentence.end <= section.start or sentence.start >= section.end, (
                sentence.text,
                section.kind,
            )
    assert not any("Photo:" in s.text or "dpa-infocom" in s.text or "site-3" in s.text
                   for s in article.sentences)


def test_samples_captions_never_coded_as_body(pipeline: Any, samples_dir: Path) -> None:
    for path in sorted(samples_dir.glob("*.txt")):
        article = pipeline(path.read_text(encoding="utf-8"))
        fenced = [s for s in article.sections if s.kind in ("caption", "credit", "source_tag")]
        for sentence in article.sentences:
            assert sentence.section in ("headline", "body")
            for section in fenced:
                assert sentence.end <= section.start or sentence.start >= section.end, (path.name, sentence.text)


def test_plain_paragraphs_are_body() -> None:
    text = (
        "Russia imposed sanctions on Ukraine.\n\n"
        "Kyiv protested on Monday and summoned the ambassador. The ministry said so.\n"
    )
    found = kinds(layout(text))
    assert found == [
        ("body", "Russia imposed sanctions on Ukraine."),
        ("body", "Kyiv protested on Monday and summoned the ambassador. The ministry said so."),
    ]
    assert layout(text).source is None


def test_single_sentence_is_body() -> None:
    assert kinds(layout("  Russia imposed sanctions on Ukraine.  ")) == [
        ("body", "Russia imposed sanctions on Ukraine.")
    ]


def test_first_short_line_is_a_heading() -> None:
    text = "Kyiv summons envoy\n\nUkraine summoned the Russian ambassador on Monday.\n"
    found = kinds(layout(text))
    assert found[0][0] in ("title", "headline") and found[0][1] == "Kyiv summons envoy"
    assert found[1:] == [("body", "Ukraine summoned the Russian ambassador on Monday.")]


def test_short_title_is_coded_as_headline(pipeline: Any) -> None:
    text = "Kyiv summons envoy\n\nUkraine summoned the Russian ambassador on Monday.\n"
    article = pipeline(text)
    assert [s.section for s in article.sentences] == ["headline", "body"]
    assert article.sentences[0].text == "Kyiv summons envoy"


def test_lines_of_one_paragraph_stay_together() -> None:
    text = (
        "Ukraine summoned the Russian ambassador on Monday,\n"
        "the foreign ministry said.\n\nMoscow did not comment.\n"
    )
    found = kinds(layout(text))
    assert [k for k, _ in found] == ["body", "body"]
    assert found[0][1] == "Ukraine summoned the Russian ambassador on Monday,\nthe foreign ministry said."


def test_source_tag_only_at_the_end() -> None:
    text = "Source: Kremlin\n\nPutin said he would respond.\n\nsource site-7"
    article = layout(text)
    found = kinds(article)
    assert found[-1] == ("source_tag", "source site-7")
    assert all(kind != "source_tag" for kind, _ in found[:-1])
    assert article.source == "site-7"


def test_article_title_field_section() -> None:
    article = layout("Ukraine summoned the Russian ambassador.", title="Kyiv \u00adsummons envoy\u200b")
    title = article.sections[0]
    assert (title.kind, title.field) == ("title", "title")
    assert article.title is not None
    assert article.title[title.start : title.end] == "Kyiv \u00adsummons envoy"


def test_credit_and_caption_lines() -> None:
    text = (
        "Ukraine summoned the Russian ambassador on Monday.\n\n"
        "Demonstrators in Tbilisi. Photo: Jane Doe/AP\n\n"
        "Copyright 2024 Example Wire\n\n"
        "Moscow did not comment.\n"
    )
    assert [k for k, _ in kinds(layout(text))] == ["body", "caption", "credit", "body"]


WRAPPED = (
    "Standard Oil Co and BP North America\nInc said they plan to form a venture to manage the money market\n"
    "borrowing and investment activities of both companies.\n    BP North America is a subsidiary of British "
    "Petroleum Co\nPlc, which also owns a 55 pct interest in Standard Oil."
)


def test_hard_wrapped_lines_are_joined_and_paragraphs_kept() -> None:
    joined = unwrap(WRAPPED)
    assert len(joined) == len(WRAPPED)  # offsets into the original still hold
    assert "America Inc said" in joined and "Co Plc, which" in joined
    assert "companies.\n    BP North America" in joined  # an indented line starts a paragraph
    headings = "Ukraine crisis\nSeparatists ask Putin for help\nMoscow, Feb 23"
    assert unwrap(headings) == headings  # short lines: headings, not wrapped text
    items = ("- Russia moved more troops close to the border with Ukraine\n"
             "- NATO raised the alert level of its forces in eastern Europe\n- Talks go on")
    assert unwrap(items) == items  # list items stay apart


def test_wrapped_wire_copy_is_parsed_in_whole_sentences(pipeline: Any) -> None:
    article = pipeline(WRAPPED, published="1987-03-02")
    assert [s.text.split()[0] for s in article.sentences] == ["Standard", "BP"], [s.text for s in article.sentences]
