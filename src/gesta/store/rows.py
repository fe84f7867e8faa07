"""Rows of the store's tables, built from a coded article and its event records."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from typing import Any

from gesta.cues import load_cues
from gesta.document import Article

ARTICLE_COLUMNS = ("article_hash", "article_id", "title", "url", "outlet", "published", "language",
                   "origin", "n_events", "seq", "ingested_at", "minhash", "dup_group")
SENTENCE_COLUMNS = ("article_hash", "sentence_index", "section", "field", "start_char", "end_char", "text")
EVENT_COLUMNS = (
    "event_id", "article_hash", "sentence_index", "seq", "date", "day", "published",
    "source_code", "source_country", "target_code", "target_country", "cameo_code", "cameo_root",
    "plover_type", "acled_event_type", "lat", "lon", "location_country", "location_admin1",
    "location_name", "quad_class", "goldstein", "fatalities", "negated", "speaker_code",
    "speaker_text", "cue", "record", "denial",
)
REJECT_COLUMNS = ("reject_key", "file", "line", "reason", "first_seen")


def article_hash(text: str, title: str | None) -> str:
    """The content key of an article: sha256 of its text and title."""
    payload = f"{text}\x1f{title or ''}".encode("utf-8", "surrogatepass")
    return hashlib.sha256(payload).hexdigest()


def reject_key(file: str | None, line: int | None, reason: str) -> str:
    payload = f"{file or ''}\x1f{'' if line is None else line}\x1f{reason}"
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def article_row(article: Article, key: str, seq: int, now: dt.datetime) -> dict[str, Any]:
    return {
        "article_hash": key, "article_id": article.id, "title": article.title, "url": article.url,
        "outlet": article.source, "published": article.published, "language": article.language,
        "origin": article.origin, "n_events": len(article.events), "seq": seq, "ingested_at": now,
        "minhash": None, "dup_group": key,
    }


def sentence_rows(key: str, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The evidence sentences of the records, once each."""
    seen: dict[int, dict[str, Any]] = {}
    for record in records:
        evidence = record["evidence"]
        seen.setdefault(record["sentence_index"], {
            "article_hash": key, "sentence_index": record["sentence_index"], "section": record["section"],
            "field": evidence.get("field", "text"), "start_char": evidence["start"],
            "end_char": evidence["end"], "text": evidence["text"],
        })
    return list(seen.values())


def event_row(record: dict[str, Any], key: str, seq: int) -> dict[str, Any]:
    """The flat, indexed columns of an event plus its full record as JSON."""
    source, target = record.get("source") or {}, record.get("target") or {}
    location, said = record.get("location") or {}, record.get("attribution") or {}
    speaker = said.get("speaker") or {}
    date, published = _date(record.get("date")), _date(record.get("published"))
    return {
        "event_id": record["event_id"], "article_hash": key, "sentence_index": record["sentence_index"],
        "seq": seq, "date": date, "day": date or published, "published": published,
        "source_code": source.get("code"), "source_country": source.get("country"),
        "target_code": target.get("code"), "target_country": target.get("country"),
        "cameo_code": record["cameo"]["code"], "cameo_root": record["cameo"]["root"],
        "plover_type": (record.get("plover") or {}).get("type"),
        "acled_event_type": (record.get("acled") or {}).get("event_type"),
        "lat": location.get("lat"), "lon": location.get("lon"),
        "location_country": location.get("country"), "location_admin1": location.get("admin1"),
        "location_name": location.get("name"), "quad_class": record["quad_class"],
        "goldstein": record["goldstein"], "fatalities": record.get("fatalities"),
        "negated": bool(record["modality"]["negated"]), "speaker_code": speaker.get("code"),
        "speaker_text": speaker.get("text"), "cue": said.get("cue"),
        "record": json.dumps(record, ensure_ascii=False), "denial": is_denial(record),
    }


def is_denial(record: dict[str, Any]) -> bool:
    """Negated, or attributed with a denial cue ("denied", "rejects", ...)."""
    if record["modality"]["negated"]:
        return True
    cue = ((record.get("attribution") or {}).get("cue") or "").lower()
    return bool(cue) and any(word in _denial_forms() for word in cue.split())


@functools.lru_cache(maxsize=1)
def _denial_forms() -> frozenset[str]:
    forms: set[str] = set()
    for verb in load_cues().denial_verbs:
        stem = verb.removesuffix("y")
        base = verb.removesuffix("e")
        forms.update({verb, verb + "s", verb + "es", verb + "d", verb + "ed", base + "ing", stem + "ies", stem + "ied"})
    return frozenset(forms)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
