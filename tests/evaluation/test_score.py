"""gesta.evaluation.score on tiny cases whose figures are computed by hand."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from gesta.codes import CodeBook, load_codebook
from gesta.document import Actor, Article, Event, Mention, Modality, Sentence
from gesta.evaluation import evaluate
from gesta.evaluation.score import Tally

RUSMIL = Actor("Russian troops", "RUSMIL", "RUS", "MIL")
UKR = Actor("Ukraine", "UKR", "UKR")
USAGOV = Actor("the White House", "USAGOV", "USA", "GOV")
WHO = Actor("the WHO", "IGOUNOHLHWHO", None, None)


def article(text: str, events: list[Event], actors: list[Actor]) -> Article:
    built = Article(id=text, text=text)
    built.sentences = [Sentence(0, 0, len(text), text, "body")]
    built.mentions = [Mention(0, 0, 1, a) for a in actors]
    built.events = events
    return built


@dataclass
class FakeContext:
    codebook: CodeBook


@dataclass
class FakePipeline:
    """Answers each gold text with a hand-built coded article."""

    articles: dict[str, Article]
    context: FakeContext = field(default_factory=lambda: FakeContext(load_codebook()))
    calls: list[tuple[str, Any]] = field(default_factory=list)

    def __call__(self, text: str, *, published: Any = None, article_id: str = "") -> Article:
        self.calls.append((article_id, published))
        return self.articles[text]


GOLD = [
    {"id": "a", "text": "a", "published": "2022-02-23",
     "expected": [{"source": "RUS", "target": "UKR", "cameo": "190"}],
     "forbidden": [{"cameo": "11", "source": "UKR"}]},
    {"id": "b", "text": "b", "date": "2020-01-05T00:00:00", "event": "DEMAND",
     "source": [{"actorText": "US", "code": "USA"}], "target": [{"actorText": "WHO", "code": "IGOUNOHLHWHO"}],
     "eventLoc": {"country code": "SY"}},
    {"id": "c", "text": "c", "expected": []},
]

ARTICLES = {
    "a": article("a", [Event(0, "190", "r1", RUSMIL, UKR), Event(0, "111", "r2", UKR, RUSMIL)], [RUSMIL, UKR]),
    "b": article("b", [Event(0, "130", "r3", USAGOV, WHO)], [USAGOV]),
    "c": article("c", [], []),
}


@pytest.fixture
def report(tmp_path: Path) -> Any:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in GOLD) + "\n")
    fake = FakePipeline(ARTICLES)
    result = evaluate(path, fake)  # type: ignore[arg-type]
    assert [c[0] for c in fake.calls] == ["a", "b", "c"]
    return result


def test_tally() -> None:
    tally = Tally(tp=1, fp=2, fn=1)
    assert tally.precision == pytest.approx(1 / 3)
    assert tally.recall == pytest.approx(1 / 2)
    assert tally.f1 == pytest.approx(0.4)
    assert Tally().as_dict() == {"tp": 0, "fp": 0, "fn": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_type_accuracy(report: Any) -> None:
    # a: main event ASSAULT = gold; b: THREATEN != REQUEST; c: nothing expected, nothing coded
    assert report.records == 3
    assert report.type_correct == 2
    assert report.type_accuracy == pytest.approx(2 / 3)


def test_type_and_triple_tallies(report: Any) -> None:
    assert {k: (v.tp, v.fp, v.fn) for k, v in report.types.items()} == {
        "ASSAULT": (1, 0, 0), "ACCUSE": (0, 1, 0), "THREATEN": (0, 1, 0), "REQUEST": (0, 0, 1),
    }
    assert {k: (v.tp, v.fp, v.fn) for k, v in report.triples.items()} == {
        "ASSAULT": (1, 0, 0), "ACCUSE": (0, 1, 0), "THREATEN": (0, 1, 0), "REQUEST": (0, 0, 1),
    }
    summary = report.summary()
    assert summary["type"] == {"tp": 1, "fp": 2, "fn": 1, "precision": 0.3333, "recall": 0.5, "f1": 0.4}
    assert summary["triple"] == summary["type"]
    assert summary["per_type"]["REQUEST"]["type"]["recall"] == 0.0


def test_confusion(report: Any) -> None:
    assert dict(report.confusion) == {("ASSAULT", "ASSAULT"): 1, ("REQUEST", "THREATEN"): 1, ("-", "-"): 1}
    assert report.summary()["confusion"] == {"-->-": 1, "ASSAULT->ASSAULT": 1, "REQUEST->THREATEN": 1}


def test_actor_country_recall(report: Any) -> None:
    # RUS, UKR found in a; USA found, the WHO (IGO) not mentioned in b
    assert (report.actors.tp, report.actors.fn) == (3, 1)
    assert report.summary()["actor_country_recall"] == 0.75


def test_forbidden_hits(report: Any) -> None:
    assert report.forbidden_hits == 1


def test_location(report: Any) -> None:
    assert (report.location_checked, report.location_correct) == (1, 0)
    assert report.summary()["location_country_accuracy"] == 0.0


def test_negated_events_make_no_triples(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"text": "n", "expected": [{"source": "RUS", "target": "UKR", "cameo": "190"}]}) + "\n")
    negated = Event(0, "190", "r", RUSMIL, UKR, modality=Modality(negated=True))
    result = evaluate(path, FakePipeline({"n": article("n", [negated], [RUSMIL, UKR])}))  # type: ignore[arg-type]
    triple = result.triples["ASSAULT"]
    assert (triple.tp, triple.fp, triple.fn) == (0, 0, 1)


def test_only_asserted_events_are_scored(tmp_path: Path) -> None:
    # "Russia must attack" asserts no attack; "Russia would attack if ..." recoded as a threat
    # asserts the threat; the main event is chosen among asserted events only
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"text": "h", "expected": [{"source": "RUS", "target": "UKR", "cameo": "138"}]}) + "\n")
    obliged = Event(0, "190", "190.attack", RUSMIL, UKR, modality=Modality(hypothetical=True))
    threat = Event(0, "138", "190.attack>intent", RUSMIL, UKR, modality=Modality(hypothetical=True))
    result = evaluate(path, FakePipeline({"h": article("h", [obliged, threat], [RUSMIL, UKR])}))  # type: ignore[arg-type]
    assert "ASSAULT" not in result.triples and "ASSAULT" not in result.types
    assert (result.triples["THREATEN"].tp, result.type_correct) == (1, 1)


def test_real_sentences(pipeline: Any, tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    records = [
        {"id": "r1", "text": "France condemned Russia.", "expected": [{"source": "FRA", "target": "RUS", "cameo": "111"}]},
        {"id": "r2", "text": "Russia threatened Ukraine.", "expected": [{"source": "RUS", "target": "UKR", "plover": "THREATEN"}],
         "forbidden": [{"source": "UKR", "target": "RUS"}]},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    result = evaluate(path, pipeline)
    assert result.type_accuracy == 1.0
    overall = result.overall(result.triples)
    assert (overall.tp, overall.fp, overall.fn) == (2, 0, 0)
    assert result.forbidden_hits == 0
