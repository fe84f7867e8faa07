"""Fixed Parquet schemas for batch output (the same columns in every partition)."""

from __future__ import annotations

import json
from typing import Any

EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "string"), ("article_id", "string"), ("section", "string"),
    ("sentence_index", "int64"), ("date", "string"), ("published", "string"),
    ("cameo", "string"), ("plover", "string"), ("quad_class", "int64"), ("goldstein", "float64"),
    ("source_code", "string"), ("target_code", "string"), ("country", "string"),
    ("rule", "string"), ("record", "string"),
)
ARTICLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "string"), ("origin", "string"), ("partition", "string"),
    ("sentences", "int64"), ("events", "int64"),
)


def _schema(columns: tuple[tuple[str, str], ...]) -> Any:
    import pyarrow as pa  # type: ignore[import-untyped]

    return pa.schema([(name, getattr(pa, kind)()) for name, kind in columns])


def _get(record: dict[str, Any], *path: str) -> Any:
    value: Any = record
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def event_row(record: dict[str, Any]) -> dict[str, Any]:
    """A flat row of the most queried fields, plus the whole record as JSON."""
    return {
        "event_id": record.get("event_id"), "article_id": record.get("article_id"),
        "section": record.get("section"), "sentence_index": record.get("sentence_index"),
        "date": record.get("date"), "published": record.get("published"),
        "cameo": _get(record, "cameo", "code"), "plover": _get(record, "plover", "type"),
        "quad_class": record.get("quad_class"), "goldstein": record.get("goldstein"),
        "source_code": _get(record, "source", "code"), "target_code": _get(record, "target", "code"),
        "country": _get(record, "location", "country"), "rule": record.get("rule"),
        "record": json.dumps(record, ensure_ascii=False, default=str),
    }


def events_table(records: list[dict[str, Any]]) -> Any:
    import pyarrow as pa  # type: ignore[import-untyped]

    return pa.Table.from_pylist([event_row(r) for r in records], schema=_schema(EVENT_COLUMNS))


def articles_table(rows: list[dict[str, Any]]) -> Any:
    import pyarrow as pa  # type: ignore[import-untyped]

    return pa.Table.from_pylist(rows, schema=_schema(ARTICLE_COLUMNS))
