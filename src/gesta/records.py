"""Event records: the JSON-ready form of an :class:`~gesta.document.Event` (the contract
described by ``data/schema/event.schema.json``; ``gesta schema`` prints it)."""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterator
from typing import Any

from gesta.codes import CodeBook
from gesta.document import Article, Event, Sentence
from gesta.resources import data_dir
from gesta.version import __version__


@functools.lru_cache(maxsize=1)
def event_schema() -> dict[str, Any]:
    """The JSON Schema of an event record."""
    schema: dict[str, Any] = json.loads((data_dir() / "schema" / "event.schema.json").read_text("utf-8"))
    return schema


def event_id(article: Article, event: Event) -> str:
    """Stable id: the same article text, event and gesta version give the same id."""
    parts = (
        __version__,
        article.id,
        hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest(),
        str(event.sentence_index),
        event.cameo,
        event.rule,
        event.source.code if event.source else "",
        event.source.text if event.source else "",
        event.target.code if event.target else "",
        event.target.text if event.target else "",
        str(event.trigger_start),
    )
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:24]


def article_records(article: Article, codebook: CodeBook) -> Iterator[dict[str, Any]]:
    """The records of every event of an article, in article order."""
    for event in article.events:
        yield event_record(article, event, codebook)


def event_record(article: Article, event: Event, codebook: CodeBook) -> dict[str, Any]:
    sentence = article.sentences[event.sentence_index]
    cameo = codebook.describe(event.cameo)
    plover = codebook.plover_for(event.cameo)
    acled = codebook.acled_for(
        event.cameo, event.source.sector if event.source else None, event.target.sector if event.target else None
    )
    return {
        "event_id": event.event_id or event_id(article, event),
        "article_id": article.id,
        "section": sentence.section,
        "sentence_index": sentence.index,
        "evidence": _evidence(article, sentence, event),
        "date": event.date.isoformat() if event.date else None,
        "date_text": event.date_text,
        "source": event.source.to_record() if event.source else None,
        "target": event.target.to_record() if event.target else None,
        "cameo": {"code": cameo.code, "root": cameo.root, "name": cameo.name},
        "plover": {"type": plover.type, "mode": plover.mode, "context": plover.context} if plover else None,
        "acled": {"event_type": acled.event_type, "sub_event_type": acled.sub_event_type} if acled else None,
        "quad_class": cameo.quad_class,
        "goldstein": cameo.goldstein,
        "location": event.location.to_record() if event.location else None,
        "fatalities": event.fatalities,
        "injured": event.injured,
        "size": event.size,
        "attribution": event.attribution.to_record() if event.attribution else None,
        "modality": event.modality.to_record(),
        "rule": event.rule,
        "decided_by": event.decided_by,
        "classifier_score": event.classifier_score,
        "published": article.published.isoformat() if article.published else None,
        "outlet": article.source,
        "gesta_version": __version__,
    }


def _evidence(article: Article, sentence: Sentence, event: Event) -> dict[str, Any]:
    text = article.field_text(sentence.field)
    trigger = None
    if event.trigger_start >= 0:
        trigger = {
            "text": text[event.trigger_start : event.trigger_end],
            "start": event.trigger_start,
            "end": event.trigger_end,
        }
    return {
        "text": text[sentence.start : sentence.end],
        "start": sentence.start,
        "end": sentence.end,
        "field": sentence.field,
        "trigger": trigger,
    }
