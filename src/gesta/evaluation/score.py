"""Precision, recall and F1 of coded events against gold records.

Three views, each per PLOVER type and overall: the event type; the triple (type, source
country, target country); and actors (is each gold actor's country or IGO among the coded
actors of its sentence). Event-type accuracy compares the gold type with the sentence's main
coded event (the one whose trigger is nearest the root of the parse, statements last).

Gold records list events the text reports as happening, so only asserted events are scored:
an event the text negates or leaves hypothetical ("Sudan must return the helicopter") is kept
by the coder with its modality but is no claim that the event happened. An event recoded for
its modality (an intent, a refusal, a demand) asserts that recoded act and is scored.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gesta.codes import CodeBook
from gesta.document import Article, Event
from gesta.evaluation.gold import Expected, GoldRecord, read_gold
from gesta.pipeline import Pipeline
from gesta.resources import data_dir, read_csv

NONE = "-"


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class EvaluationReport:
    records: int = 0
    type_correct: int = 0
    types: dict[str, Tally] = field(default_factory=dict)
    triples: dict[str, Tally] = field(default_factory=dict)
    actors: Tally = field(default_factory=Tally)
    forbidden_hits: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    location_checked: int = 0
    location_correct: int = 0

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.records if self.records else 0.0

    def overall(self, table: dict[str, Tally]) -> Tally:
        total = Tally()
        for tally in table.values():
            total.tp += tally.tp
            total.fp += tally.fp
            total.fn += tally.fn
        return total

    def summary(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "type_accuracy": round(self.type_accuracy, 4),
            "type": self.overall(self.types).as_dict(),
            "triple": self.overall(self.triples).as_dict(),
            "actor_country_recall": round(self.actors.recall, 4),
            "actors": self.actors.as_dict(),
            "forbidden_hits": self.forbidden_hits,
            "location_country_accuracy": round(self.location_correct / self.location_checked, 4) if self.location_checked else None,
            "per_type": {k: {"type": v.as_dict(), "triple": self.triples.get(k, Tally()).as_dict()} for k, v in sorted(self.types.items())},
            "confusion": {f"{g}->{p}": n for (g, p), n in sorted(self.confusion.items())},
        }


def evaluate(path: Path, pipeline: Pipeline) -> EvaluationReport:
    codebook: CodeBook = pipeline.context.codebook
    report = EvaluationReport()
    legacy = legacy_actor_codes()
    for record in read_gold(path, codebook.modern_plover):
        record = modernise_codes(record, legacy)
        article = pipeline(record.text, published=record.published, article_id=record.id)
        score_record(report, record, article, codebook)
    return report


def legacy_actor_codes() -> dict[str, str]:
    path = data_dir() / "eval" / "legacy_actor_codes.csv"
    return {row["old"]: row["new"] for _, row in read_csv(path, ("old", "new"))}


def modernise_codes(record: GoldRecord, legacy: dict[str, str]) -> GoldRecord:
    """Gold records written with older country codes (JAP, ITL) in today's ISO codes."""
    def fix(codes: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(legacy.get(c[:3], c[:3]) + c[3:] if not c.startswith("IGO") else c for c in codes)

    expected = tuple(dataclasses.replace(e, sources=fix(e.sources), targets=fix(e.targets)) for e in record.expected)
    forbidden = tuple(dataclasses.replace(e, sources=fix(e.sources), targets=fix(e.targets)) for e in record.forbidden)
    return dataclasses.replace(record, expected=expected, forbidden=forbidden)


def score_record(report: EvaluationReport, record: GoldRecord, article: Article, codebook: CodeBook) -> None:
    events = ranked_events(article)
    predicted = [(e, _plover(e, codebook)) for e in events]
    report.records += 1
    gold_types = {t for e in record.expected if (t := e.plover or _cameo_plover(e.cameo, codebook))}
    main = next((t for _, t in predicted if t), NONE)
    gold_main = next(iter(sorted(gold_types)), NONE)
    report.confusion[(gold_main, main)] += 1
    if main in gold_types or (not gold_types and not predicted):
        report.type_correct += 1
    _count_sets(report.types, {t for t in gold_types if t}, {t for _, t in predicted if t})
    gold_triples = _gold_triples(record, codebook)
    predicted_triples = _predicted_triples(predicted)
    if record.any_target_when_none:
        predicted_triples = {_wildcard_target(t, gold_triples) for t in predicted_triples}
    _count_sets(report.triples, gold_triples, predicted_triples)
    _score_actors(report.actors, record, article)
    report.forbidden_hits += sum(1 for f in record.forbidden for e, t in predicted if _matches(f, e, t))
    if record.location_country:
        report.location_checked += 1
        report.location_correct += any(_location_alpha2(e) == record.location_country for e in events)


MODALITY_RECODINGS = (">intent", ">refused", ">obligation")


def ranked_events(article: Article) -> list[Event]:
    """Asserted events of an article, the sentence's main event first (shallow triggers,
    statements last)."""
    def depth(event: Event) -> tuple[int, int]:
        statement = 1 if event.cameo.startswith("01") else 0
        return statement, _trigger_depth(article, event)

    return sorted((e for e in article.events if is_asserted(e)), key=depth)


def is_asserted(event: Event) -> bool:
    """Neither negated nor hypothetical, unless recoded for its modality ("will provide aid"
    is an asserted intent, "refused to meet" an asserted rejection)."""
    recoded = any(mark in event.rule for mark in MODALITY_RECODINGS)
    return recoded or not (event.modality.negated or event.modality.hypothetical)


def _trigger_depth(article: Article, event: Event) -> int:
    span = article.sentences[event.sentence_index].parse
    sentence = article.sentences[event.sentence_index]
    for token in span or []:
        if sentence.original_offset(token.idx) == event.trigger_start:
            level = 0
            while token.head.i != token.i and level < 40:
                token = token.head
                level += 1
            return level
    return 99


def _plover(event: Event, codebook: CodeBook) -> str | None:
    found = codebook.plover_for(event.cameo)
    return found.type if found else None


def _cameo_plover(cameo: str | None, codebook: CodeBook) -> str | None:
    if not cameo:
        return None
    found = codebook.plover_for(cameo)
    return found.type if found else None


def _count_sets(table: dict[str, Tally], gold: set[Any], predicted: set[Any]) -> None:
    for item in gold | predicted:
        key = item if isinstance(item, str) else item[0]
        tally = table.setdefault(key, Tally())
        if item in gold and item in predicted:
            tally.tp += 1
        elif item in predicted:
            tally.fp += 1
        else:
            tally.fn += 1


def _country(code: str | None) -> str:
    if not code:
        return NONE
    return "IGO" if code.startswith("IGO") else code[:3]


def _gold_triples(record: GoldRecord, codebook: CodeBook) -> set[tuple[str, str, str]]:
    triples = set()
    for expected in record.expected:
        kind = expected.plover or _cameo_plover(expected.cameo, codebook)
        if not kind:
            continue
        for source, target in itertools.product(expected.sources or (None,), expected.targets or (None,)):
            triples.add((kind, _country(source), _country(target)))
    return triples


def _wildcard_target(triple: tuple[str, str, str], gold: set[tuple[str, str, str]]) -> tuple[str, str, str]:
    """A coded target counts as the "any target" a gold record left null."""
    open_target = (triple[0], triple[1], NONE)
    return open_target if triple not in gold and open_target in gold else triple


def _predicted_triples(predicted: Iterable[tuple[Event, str | None]]) -> set[tuple[str, str, str]]:
    triples = set()
    for event, kind in predicted:
        if kind:
            source = _actor_country(event.source)
            target = _actor_country(event.target)
            triples.add((kind, source, target))
    return triples


def _actor_country(actor: Any) -> str:
    if actor is None:
        return NONE
    if actor.code.startswith("IGO"):
        return "IGO"
    return actor.country or _country(actor.code)


def _score_actors(tally: Tally, record: GoldRecord, article: Article) -> None:
    found = {_actor_country(m.actor) for m in article.mentions}
    for expected in record.expected:
        for code in (*expected.sources, *expected.targets):
            if _country(code) in found:
                tally.tp += 1
            else:
                tally.fn += 1


def _matches(expected: Expected, event: Event, plover: str | None) -> bool:
    if expected.cameo and not event.cameo.startswith(expected.cameo):
        return False
    if expected.plover and expected.plover != plover:
        return False
    if expected.sources and _actor_country(event.source) not in {_country(c) for c in expected.sources}:
        return False
    return not expected.targets or _actor_country(event.target) in {_country(c) for c in expected.targets}


def _location_alpha2(event: Event) -> str | None:
    if event.location is None or event.location.country is None:
        return None
    import pycountry

    found = pycountry.countries.get(alpha_3=event.location.country)
    return found.alpha_2 if found else None
