"""Opening the store: a DuckDB file, migrated to the latest schema, read-write or read-only."""

from __future__ import annotations

import logging
from pathlib import Path

import duckdb

from gesta.errors import StoreError
from gesta.store.schema import LATEST, current_version, migrate

log = logging.getLogger(__name__)

DEFAULT_DB = "gesta.duckdb"


def open_store(path: str | Path = DEFAULT_DB, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to the store at ``path`` (created and migrated when opened for writing).

    A read-only open of a database with an older schema migrates it first (briefly opening it
    for writing), then reopens it read-only.
    """
    location = Path(path)
    if read_only and not location.exists():
        raise StoreError(f"{location}: no such database (create it with `gesta ingest PATH... --db {location}`)")
    if not read_only:
        location.parent.mkdir(parents=True, exist_ok=True)
    con = _connect(location, read_only)
    if current_version(con) < LATEST:
        if read_only:
            con.close()
            _migrate_file(location)
            con = _connect(location, True)
        else:
            migrate(con)
    elif current_version(con) > LATEST:
        con.close()
        raise StoreError(f"{location}: schema is newer than this gesta supports (v{LATEST}); upgrade gesta")
    return con


def _migrate_file(location: Path) -> None:
    con = _connect(location, False)
    try:
        migrate(con)
    finally:
        con.close()


def _connect(location: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        con = duckdb.connect(str(location), read_only=read_only)
    except duckdb.Error as exc:
        raise StoreError(f"{location}: cannot open the database: {exc}") from exc
    con.execute("SET enable_progress_bar = false")  # a library draws no bars on the user's terminal
    return con


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version of an open store."""
    return current_version(con)


# What makes two stores the same: what a crash must never lose or duplicate.
SNAPSHOT_QUERIES = {
    "articles": "SELECT article_hash, article_id, seq, dup_group, n_events FROM articles ORDER BY seq",
    "events": "SELECT event_id, article_hash, seq, merged_id FROM events ORDER BY seq",
    "sentences": "SELECT article_hash, sentence_index, text FROM sentences ORDER BY ALL",
    "rejects": "SELECT reject_key, file, line, reason FROM rejects ORDER BY reject_key",
    "bands": "SELECT band_key, article_hash FROM article_bands ORDER BY ALL",
}


def store_snapshot(path: str | Path) -> dict[str, list[tuple[object, ...]]]:
    """The rows that define a store's content, in a stable order (for crash and resume checks)."""
    con = open_store(path, read_only=True)
    try:
        return {name: con.execute(sql).fetchall() for name, sql in SNAPSHOT_QUERIES.items()}
    finally:
        con.close()
