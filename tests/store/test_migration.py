"""Schema versions: a v1 database (written by migration 1 only) is migrated on open."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from store_helpers import make_article, make_record

from gesta.errors import StoreError
from gesta.store import EventFilter, open_store, query_events
from gesta.store.schema import LATEST, current_version, migrate


def _v1_database(path: Path) -> None:
    con = duckdb.connect(str(path))
    assert migrate(con, target=1) == 1
    article = make_article("old", "site-1")
    record = make_record(article)
    con.execute("INSERT INTO articles (article_hash, article_id, outlet, published, seq) VALUES ('h1', 'old', 'site-1', '2024-03-05', 0)")
    con.execute("""INSERT INTO events (event_id, article_hash, sentence_index, seq, date, day, published,
                   source_code, target_code, cameo_code, cameo_root, location_country, location_admin1,
                   location_name, negated, record)
                   VALUES (?, 'h1', 1, 0, '2024-03-04', '2024-03-04', '2024-03-05', 'RUSMIL', 'UKRMIL', '190', '19',
                   'UKR', 'Kharkiv Oblast', 'Kharkiv', false, ?)""", [record["event_id"], json.dumps(record)])
    con.close()


def test_v1_database_is_migrated(tmp_path: Path) -> None:
    db = tmp_path / "v1.duckdb"
    _v1_database(db)
    raw = duckdb.connect(str(db), read_only=True)
    assert current_version(raw) == 1
    raw.close()
    [record] = list(query_events(db, EventFilter()))  # a read-only open migrates first
    assert record["article_id"] == "old" and record["num_articles"] == 1 and len(record["merged_id"]) == 24
    con = open_store(db, read_only=True)
    assert current_version(con) == LATEST
    versions = [v for (v,) in con.execute("SELECT version FROM schema_version ORDER BY version").fetchall()]
    assert versions == list(range(1, LATEST + 1))
    assert con.execute("SELECT dup_group FROM articles").fetchall() == [("h1",)]
    # migration 3: the merged event's counts are on its row
    assert con.execute("SELECT num_mentions, num_sources, num_articles, disputed, asserted_by FROM events").fetchall() \
        == [(1, 1, 1, False, ["site-1"])]
    con.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "new.duckdb"
    open_store(db).close()
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO schema_version VALUES (?, now())", [LATEST + 1])
    con.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(db, read_only=True)
