"""Hand-made articles and records for store tests (exact, schema-valid, no pipeline needed)."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
from typing import Any

import jsonschema

from gesta.document import Article
from gesta.records import event_schema

BASE_RECORD: dict[str, Any] = {
    "event_id": "0" * 24, "article_id": "a", "section": "body", "sentence_index": 1,
    "evidence": {"text": "Russian forces attacked Ukrainian troops near Kharkiv.", "start": 0, "end": 54,
                 "field": "text", "trigger": {"text": "attacked", "start": 15, "end": 23}},
    "date": "2024-03-04", "date_text": "Monday",
    "source": {"text": "Russian forces", "code": "RUSMIL", "country": "RUS", "sector": "MIL", "name": None},
    "target": {"text": "Ukrainian troops", "code": "UKRMIL", "country": "UKR", "sector": "MIL", "name": None},
    "cameo": {"code": "190", "root": "19", "name": "Use conventional military force, not specified below"},
    "plover": {"type": "ASSAULT", "mode": None, "context": "military"},
    "acled": {"event_type": "Battles", "sub_event_type": "Armed clash"},
    "quad_class": 4, "goldstein": -10.0,
    "location": {"name": "Kharkiv", "country": "UKR", "admin1": "Kharkiv Oblast", "lat": 49.99, "lon": 36.23,
                 "precision": 3},
    "fatalities": 3, "injured": None, "size": None, "attribution": None,
    "modality": {"negated": False, "hypothetical": False, "future": False},
    "rule": "190.attack.default", "published": "2024-03-05", "outlet": "site-1", "gesta_version": "0.1.0",
}

WIRE_TEXT = (
    "Russian forces attacked Ukrainian troops near Kharkiv on Monday, the army said. The shelling "
    "began before dawn and lasted for several hours, according to local officials who spoke to reporters "
    "in the city centre. Three soldiers were killed and a school was damaged, the regional governor said. "
    "Residents were told to stay in shelters while emergency services cleared the rubble. "
)


def make_record(article: Article, n: int = 0, **changes: Any) -> dict[str, Any]:
    """A valid record for ``article`` with ``changes`` applied (nested dicts replaced whole)."""
    record = copy.deepcopy(BASE_RECORD)
    record.update(copy.deepcopy(changes))
    record["article_id"] = article.id
    record["outlet"] = article.source
    record["published"] = article.published.isoformat() if article.published else None
    record["event_id"] = hashlib.sha256(f"{article.id}/{n}".encode()).hexdigest()[:24]
    jsonschema.validate(record, event_schema())
    return record


def make_article(article_id: str, outlet: str, text: str = WIRE_TEXT, title: str | None = None,
                 published: dt.date = dt.date(2024, 3, 5)) -> Article:
    return Article(id=article_id, text=text, title=title, published=published, source=outlet, origin=article_id)


def check_records(records: list[dict[str, Any]]) -> None:
    validator = jsonschema.Draft202012Validator(event_schema())
    for record in records:
        validator.validate(record)
