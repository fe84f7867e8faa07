"""The pipeline: stage chain checks, coding a text, offsets, stable event ids."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import gesta
from gesta.document import Article
from gesta.errors import InputError, PipelineError, UsageError
from gesta.pipeline import Pipeline, check_chain
from gesta.settings import Settings
from gesta.text import normalize

SEED_LIKE = (
    "Russia-Ukraine conflict: Separatists ask Putin for military assistance\n\n"
    "Russia-Ukraine conflict\n"
    "Separatists ask Putin for military assistance\n\n"
    "Separatist leaders in eastern Ukraine have asked Russian President Vladimir Putin for "
    "military assistance.\n\n"
    "The EU and the US imposed far-reaching sanctions on Russia. Ukraine declared a state of "
    "emergency across the country.\n"
)


@dataclass
class FakeStage:
    name: str
    requires: frozenset[str] = frozenset()
    provides: frozenset[str] = frozenset()

    def __call__(self, article: Article) -> Article:
        return article


def test_chain_accepts_satisfied_requirements() -> None:
    check_chain([FakeStage("a", provides=frozenset({"x"})), FakeStage("b", requires=frozenset({"x"}))])


def test_chain_rejects_missing_requirement() -> None:
    stages = [FakeStage("a", provides=frozenset({"x"})), FakeStage("b", requires=frozenset({"x", "y"}))]
    with pytest.raises(PipelineError, match="'b'.*'y'"):
        check_chain(stages)
    with pytest.raises(PipelineError):
        Pipeline(Settings(), stages)


def test_chain_order_matters() -> None:
    with pytest.raises(PipelineError):
        check_chain([FakeStage("b", requires=frozenset({"x"})), FakeStage("a", provides=frozenset({"x"}))])


def test_default_stages_out_of_order_are_rejected() -> None:
    with pytest.raises(PipelineError, match="layout"):
        gesta.load(stages=("gesta.layout.v1", "gesta.normalize.v1"))


def test_unknown_stage_name() -> None:
    with pytest.raises(PipelineError, match="gesta.nothing.v9"):
        gesta.load(stages=("gesta.normalize.v1", "gesta.nothing.v9"))


def test_unknown_setting() -> None:
    with pytest.raises(UsageError):
        gesta.load(no_such_setting=True)


def test_get_stage(pipeline: Pipeline) -> None:
    assert pipeline.get_stage("layout").name == "layout"
    with pytest.raises(PipelineError):
        pipeline.get_stage("nope")
    assert pipeline.stage_names[:2] == ["normalize", "layout"]


def test_light_pipeline_without_parser() -> None:
    light = gesta.load(stages=("gesta.normalize.v1", "gesta.layout.v1"))
    article = light("Kyiv summons envoy\n\nUkraine summoned the ambassador.\n")
    assert article.done == {"normalize", "layout"}
    assert [s.kind for s in article.sections][-1] == "body"
    assert article.events == []


def test_code_a_text(pipeline: Pipeline) -> None:
    article = pipeline(SEED_LIKE, published="2022-02-23", source="wire")
    assert isinstance(article, Article)
    assert article.published == dt.date(2022, 2, 23)
    assert article.source == "wire"
    assert article.sentences and article.mentions and article.events
    assert set(pipeline.stage_names) <= article.done
    assert all(e.event_id for e in article.events)
    assert all(0 <= e.sentence_index < len(article.sentences) for e in article.events)
    assert [s.index for s in article.sentences] == list(range(len(article.sentences)))


def test_published_as_date_or_datetime(pipeline: Pipeline) -> None:
    text = "Russia imposed sanctions on Ukraine."
    assert pipeline(text, published=dt.date(2022, 2, 23)).published == dt.date(2022, 2, 23)
    assert pipeline(text, published=dt.datetime(2022, 2, 23, 10)).published == dt.date(2022, 2, 23)
    assert pipeline(text, published="2022-02-23T10:00:00Z").published == dt.date(2022, 2, 23)
    with pytest.raises(InputError, match="published"):
        pipeline(text, published="last Tuesday")


@pytest.mark.parametrize("text", ["", "   \n\t\n"])
def test_empty_text_is_input_error(pipeline: Pipeline, text: str) -> None:
    with pytest.raises(InputError, match="empty"):
        pipeline(text)


def test_pipe_yields_errors_in_place(pipeline: Pipeline) -> None:
    articles = [Article(id="a", text="Russia imposed sanctions on Ukraine."), Article(id="b", text=" "),
                Article(id="c", text="Kyiv protested.")]
    results = list(pipeline.pipe(articles))
    assert [type(r) for r in results] == [Article, InputError, Article]


def test_code_files_streams_articles_and_errors(pipeline: Pipeline, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SEED_LIKE, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        '{"id": "j1", "text": "Russia imposed sanctions on Ukraine."}\n{"id": 1, "text": 5}\n', encoding="utf-8"
    )
    (tmp_path / "c.txt").write_text("  \n", encoding="utf-8")
    stream = gesta.code_files(
        [str(tmp_path), str(tmp_path / "missing.txt")], pipeline, published=dt.date(2022, 2, 23), source="wire"
    )
    assert iter(stream) is stream  # a generator: results come as they are coded
    results = list(stream)
    articles = [r for r in results if isinstance(r, Article)]
    errors = [r for r in results if isinstance(r, InputError)]
    assert [a.id for a in articles] == [str(tmp_path / "a.txt"), "j1"]
    assert all(a.published == dt.date(2022, 2, 23) and a.source == "wire" for a in articles)
    assert articles[0].events
    assert {(Path(e.source).name, e.line) for e in errors} == {("b.jsonl", 2), ("c.txt", None), ("missing.txt", None)}


def check_offsets(article: Article, records: list[dict[str, Any]]) -> None:
    """Every offset lies inside its field's original text; evidence slices are exact."""
    for sentence in article.sentences:
        text = article.field_text(sentence.field)
        assert 0 <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text.strip()
    for mention in article.mentions:
        sentence = article.sentences[mention.sentence_index]
        assert sentence.start <= mention.start < mention.end <= sentence.end, mention
    for event in article.events:
        sentence = article.sentences[event.sentence_index]
        if event.trigger_start >= 0:
            assert sentence.start <= event.trigger_start < event.trigger_end <= sentence.end
    for record in records:
        evidence = record["evidence"]
        text = article.field_text(evidence["field"])
        assert 0 <= evidence["start"] < evidence["end"] <= len(text)
        assert text[evidence["start"] : evidence["end"]] == evidence["text"]
        trigger = evidence["trigger"]
        if trigger is not None:
            assert evidence["start"] <= trigger["start"] < trigger["end"] <= evidence["end"]
            assert text[trigger["start"] : trigger["end"]] == trigger["text"]
            assert trigger["text"].strip()


def test_offsets_inside_original_text(pipeline: Pipeline, validate_record: Any) -> None:
    article = pipeline(SEED_LIKE, published="2022-02-23")
    records = gesta.event_records(article, pipeline)
    assert records
    check_offsets(article, records)
    for record in records:
        validate_record(record)


NOISY = (
    SEED_LIKE.replace("Separatist leaders", "\u201cSepa\u00adratist\u201d lea\u200bders")
    .replace("Vladimir Putin", "Vladimir\u00a0Pu\u00adtin")
    .replace("imposed", "im\u00adposed")
    .replace("The EU", "\ufeffThe EU")
    .replace("\n", "\r\n")
)


def test_offsets_with_curly_quotes_soft_hyphens_and_crlf(pipeline: Pipeline, validate_record: Any) -> None:
    article = pipeline(NOISY, published="2022-02-23")
    records = gesta.event_records(article, pipeline)
    check_offsets(article, records)
    for record in records:
        validate_record(record)
    # the same events are found as in the text the matcher sees (typography normalised)
    clean = pipeline(normalize(NOISY).text, published="2022-02-23")
    assert clean.events
    assert [(e.cameo, e.source and e.source.code, e.target and e.target.code) for e in article.events] == [
        (e.cameo, e.source and e.source.code, e.target and e.target.code) for e in clean.events
    ]
    assert any("\u00ad" in r["evidence"]["text"] for r in records)


def test_offsets_in_seed(pipeline: Pipeline, seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    article = pipeline(text, published="2022-02-23")
    check_offsets(article, gesta.event_records(article, pipeline))


def test_event_ids_are_stable_and_distinct(pipeline: Pipeline) -> None:
    first = pipeline(SEED_LIKE, published="2022-02-23", article_id="seed-like")
    second = pipeline(SEED_LIKE, published="2022-02-23", article_id="seed-like")
    ids = [e.event_id for e in first.events]
    assert len(ids) >= 2
    assert ids == [e.event_id for e in second.events]
    assert len(set(ids)) == len(ids)
    records = gesta.event_records(second, pipeline)
    assert [r["event_id"] for r in records] == ids


def test_event_ids_depend_on_the_article(pipeline: Pipeline) -> None:
    one = pipeline(SEED_LIKE, article_id="one")
    other = pipeline(SEED_LIKE, article_id="other")
    changed = pipeline(SEED_LIKE + "\nMoscow did not comment.\n", article_id="one")
    assert one.events and other.events and changed.events
    assert {e.event_id for e in one.events}.isdisjoint(e.event_id for e in other.events)
    assert {e.event_id for e in one.events}.isdisjoint(e.event_id for e in changed.events)
