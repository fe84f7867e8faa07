"""Property tests: any text or bytes give articles or gesta's own errors, never a crash."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gesta
from gesta.document import Article
from gesta.errors import GestaError
from gesta.readers import ReadOptions, read_bytes
from gesta.text import decode, looks_binary, normalize

BOUNDED = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# news-like pieces mixed with arbitrary characters, so the coder sees real sentences too
PIECES = st.sampled_from([
    "Russia imposed sanctions on Ukraine.", "Separatists ask Putin for military assistance",
    "Kyiv protested on Monday.", "\n", "\n\n", "\r\n", " ", "\u00ad", "\u200b", "\u201c", "\u201d",
    "\u2019", "\u00a0", "\ufeff", "Photo: AP/dpa", "\u00a9 dpa-infocom GmbH", "source site-3",
    "The EU and the US imposed far-reaching sanctions on Russia.", "Putin", "said", ".", "\ud800", "\udfff",
])
NEWSY_TEXT = st.lists(st.one_of(PIECES, st.text(max_size=40)), max_size=40).map("".join).filter(
    lambda t: len(t) <= 2_000
)
ANY_TEXT = st.one_of(st.text(max_size=2_000), NEWSY_TEXT)


@BOUNDED
@given(ANY_TEXT)
def test_normalize_offsets_map_into_original(text: str) -> None:
    norm = normalize(text)
    assert len(norm.text) <= len(text)
    previous = -1
    for i in range(len(norm.text)):
        j = norm.offsets.to_original(i)
        assert previous < j < len(text)
        assert normalize(text[j]).text == norm.text[i]
        previous = j
    assert norm.offsets.to_original(len(norm.text)) <= len(text)
    assert norm.offsets.end_to_original(len(norm.text)) <= len(text)


@BOUNDED
@given(st.binary(max_size=2_000))
def test_decode_any_bytes(data: bytes) -> None:
    try:
        text = decode(data, "x")
    except GestaError:
        return
    assert isinstance(text, str)


def _read(data: bytes, fmt: str | None) -> list[Article | GestaError]:
    results = list(read_bytes(data, "input", ReadOptions(format=fmt)))
    assert results, "every input yields an article or an error"
    for result in results:
        assert isinstance(result, (Article, GestaError))
        if isinstance(result, Article):
            assert result.text.strip()
    return results


@BOUNDED
@given(st.binary(max_size=2_000), st.sampled_from([None, "text", "jsonl", "html"]))
def test_readers_on_any_bytes(data: bytes, fmt: str | None) -> None:
    _read(data, fmt)


@BOUNDED
@given(ANY_TEXT, st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]), st.sampled_from([None, "text", "jsonl", "html"]))
def test_readers_on_any_text(text: str, encoding: str, fmt: str | None) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:  # lone surrogates
        return
    results = _read(data, fmt)
    expected = text if encoding == "utf-8-sig" else text.removeprefix("\ufeff")
    if fmt == "text" and expected.strip() and encoding != "utf-16" and not looks_binary(data):
        [article] = results
        assert isinstance(article, Article), article
        assert article.text == expected


def check_article(article: Article, records: list[dict[str, Any]], validate_record: Any) -> None:
    for section in article.sections:
        assert 0 <= section.start <= section.end <= len(article.field_text(section.field))
    for sentence in article.sentences:
        text = article.field_text(sentence.field)
        assert 0 <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.text
    for mention in article.mentions:
        sentence = article.sentences[mention.sentence_index]
        assert sentence.start <= mention.start <= mention.end <= sentence.end
    for record in records:
        validate_record(record)
        evidence = record["evidence"]
        text = article.field_text(evidence["field"])
        assert 0 <= evidence["start"] < evidence["end"] <= len(text)
        assert text[evidence["start"] : evidence["end"]] == evidence["text"]
        trigger = evidence["trigger"]
        if trigger is not None:
            assert evidence["start"] <= trigger["start"] <= trigger["end"] <= evidence["end"]
            assert text[trigger["start"] : trigger["end"]] == trigger["text"]


@BOUNDED
@given(text=ANY_TEXT, title=st.one_of(st.none(), st.text(max_size=100)))
def test_pipeline_on_any_text(pipeline: Any, validate_record: Any, text: str, title: str | None) -> None:
    try:
        article = pipeline(text, published="2022-02-23", title=title)
    except GestaError:
        return
    check_article(article, gesta.event_records(article, pipeline), validate_record)


@BOUNDED
@given(st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=20).map("".join))
def test_jsonl_escaped_text_is_encodable(text: str) -> None:
    import json

    for item in read_bytes(json.dumps({"text": text, "title": text}).encode(), "x.jsonl"):
        if isinstance(item, Article):
            item.text.encode("utf-8")
            (item.title or "").encode("utf-8")


@BOUNDED
@given(st.binary(max_size=2_000))
def test_pipeline_on_any_bytes(pipeline: Any, validate_record: Any, data: bytes) -> None:
    for item in read_bytes(data, "input.txt"):
        if isinstance(item, GestaError):
            continue
        try:
            article = pipeline.run(item)
        except GestaError:
            continue
        check_article(article, gesta.event_records(article, pipeline), validate_record)


@pytest.mark.parametrize(
    "text",
    [
        "\u00ad" * 50 + "\n\nPutin",  # a text of only invisible characters but one word
        "\ufeff\r\n\r\nRussia imposed sanctions on Ukraine.\u00ad\r\n",
        "Photo: AP\n\n\u00a9 x\n\nsource site-1",  # nothing coded but layout
        "a" * 3000,  # one long token line
        ".\n" * 500,
    ],
)
def test_pipeline_edge_texts(pipeline: Any, validate_record: Any, text: str) -> None:
    try:
        article = pipeline(text)
    except GestaError:
        return
    check_article(article, gesta.event_records(article, pipeline), validate_record)
