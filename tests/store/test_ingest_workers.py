"""`gesta ingest --workers 2` stores exactly what one process stores, and re-running adds nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from gesta.readers import ReadOptions, read_paths
from gesta.store.ingest import ingest_items

ARTICLES = [
    '{"id": "w1", "text": "Russian troops shelled Kharkiv on Monday.", "published": "2022-03-01"}',
    '{"id": "w2", "text": "The EU imposed sanctions on Russia.", "published": "2022-03-02"}',
    '{"id": "w3", "text": "Ukraine asked NATO for air defence systems.", "published": "2022-03-03"}',
    '{"id": "w4", "text": ',  # not JSON: a reject
]


def _event_ids(db: Path) -> set[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {row[0] for row in con.execute("select event_id from events").fetchall()}


def test_two_workers_store_what_one_stores(tmp_path: Path, pipeline: Any) -> None:
    source = tmp_path / "articles.jsonl"
    source.write_text("\n".join(ARTICLES) + "\n", encoding="utf-8")
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    first = ingest_items(read_paths([str(source)], ReadOptions()), one, pipeline=pipeline)
    second = ingest_items(read_paths([str(source)], ReadOptions()), two, pipeline.settings, workers=2)
    assert (second.articles_new, second.rejects, second.events) == (first.articles_new, first.rejects, first.events)
    assert first.articles_new == 3 and first.rejects == 1 and first.events > 0
    assert _event_ids(one) == _event_ids(two)
    again = ingest_items(read_paths([str(source)], ReadOptions()), two, pipeline.settings, workers=2)
    assert again.articles_new == 0 and again.articles_already_stored == 3
