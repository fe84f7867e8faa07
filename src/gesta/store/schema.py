"""The store's tables, numbered migrations and the ``schema_version`` table.

Each migration is a function ``(connection) -> None`` that moves the schema up by one version.
They run in order, each in its own transaction, so a database written by any older gesta is
brought up to date when it is opened for writing (read-only opens migrate a copy first; see
:func:`gesta.store.db.open_store`).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

import duckdb

from gesta.errors import StoreError

log = logging.getLogger(__name__)

Migration = Callable[[duckdb.DuckDBPyConnection], None]

# The merge key of an event: (day, source code, target code, CAMEO code, place). Events without
# any date are never merged across articles (their key carries the article hash instead).
PLACE_SQL = (
    "lower(coalesce(location_country, '')) || '/' || lower(coalesce(location_admin1, ''))"
    " || '/' || lower(coalesce(location_name, ''))"
)
MERGED_ID_SQL = (
    "substr(md5(concat_ws(chr(31), coalesce(CAST(day AS VARCHAR), 'article:' || article_hash),"
    " coalesce(source_code, ''), coalesce(target_code, ''), cameo_code, " + PLACE_SQL + ")), 1, 24)"
)

# A mention is one event row with its article's outlet and near-duplicate group; the source
# of a mention is the outlet of its group's original article (a copy repeats its source).
MENTIONS_SQL = """
        SELECT e.merged_id, e.event_id, e.article_hash, a.article_id, e.sentence_index,
               a.outlet, a.url, a.published, a.dup_group,
               coalesce(r.outlet, a.dup_group) AS source_key,
               e.negated OR e.denial AS denies, e.speaker_code, e.speaker_text, e.cue, e.seq,
               json_extract_string(e.record, '$.evidence.text') AS evidence, e.day
        FROM events e JOIN articles a USING (article_hash)
        LEFT JOIN articles r ON r.article_hash = a.dup_group"""
# What a merged event's mentions add up to (over ``mentions m``)
AGGREGATES_SQL = """count(*) AS num_mentions,
               count(DISTINCT m.source_key) AS num_sources,
               count(DISTINCT m.article_hash) AS num_articles,
               bool_or(m.denies) AND bool_or(NOT m.denies) AS disputed,
               list(DISTINCT coalesce(m.speaker_text, m.outlet)) FILTER (WHERE NOT m.denies) AS asserted_by,
               list(DISTINCT coalesce(m.speaker_text, m.outlet)) FILTER (WHERE m.denies) AS denied_by"""
AGGREGATE_TYPES = {"num_mentions": "INTEGER", "num_sources": "INTEGER", "num_articles": "INTEGER",
                   "disputed": "BOOLEAN", "asserted_by": "VARCHAR[]", "denied_by": "VARCHAR[]"}


def migration_1(con: duckdb.DuckDBPyConnection) -> None:
    """Articles, evidence sentences, events (flat columns + full record) and rejects."""
    con.execute("""
        CREATE TABLE articles (
            article_hash VARCHAR PRIMARY KEY, article_id VARCHAR, title VARCHAR, url VARCHAR,
            outlet VARCHAR, published DATE, language VARCHAR, origin VARCHAR,
            n_events INTEGER, seq BIGINT, ingested_at TIMESTAMP)""")
    con.execute("""
        CREATE TABLE sentences (
            article_hash VARCHAR, sentence_index INTEGER, section VARCHAR, field VARCHAR,
            start_char INTEGER, end_char INTEGER, text VARCHAR,
            PRIMARY KEY (article_hash, sentence_index))""")
    con.execute("""
        CREATE TABLE events (
            event_id VARCHAR, article_hash VARCHAR, sentence_index INTEGER, seq BIGINT,
            date DATE, day DATE, published DATE,
            source_code VARCHAR, source_country VARCHAR, target_code VARCHAR, target_country VARCHAR,
            cameo_code VARCHAR, cameo_root VARCHAR, plover_type VARCHAR, acled_event_type VARCHAR,
            lat DOUBLE, lon DOUBLE, location_country VARCHAR, location_admin1 VARCHAR,
            location_name VARCHAR, quad_class INTEGER, goldstein DOUBLE, fatalities INTEGER,
            negated BOOLEAN, speaker_code VARCHAR, speaker_text VARCHAR, cue VARCHAR,
            record JSON)""")
    con.execute("""
        CREATE TABLE rejects (
            reject_key VARCHAR PRIMARY KEY, file VARCHAR, line INTEGER, reason VARCHAR,
            first_seen TIMESTAMP)""")


def migration_2(con: duckdb.DuckDBPyConnection) -> None:
    """Merging: merged event ids, denials, near-duplicate groups (MinHash LSH bands)."""
    con.execute("ALTER TABLE events ADD COLUMN denial BOOLEAN DEFAULT false")
    con.execute("ALTER TABLE events ADD COLUMN merged_id VARCHAR")
    con.execute(f"UPDATE events SET merged_id = {MERGED_ID_SQL}")
    con.execute("UPDATE events SET denial = coalesce(negated, false)")
    con.execute("ALTER TABLE articles ADD COLUMN minhash BLOB")
    con.execute("ALTER TABLE articles ADD COLUMN dup_group VARCHAR")
    con.execute("UPDATE articles SET dup_group = article_hash")
    con.execute("CREATE TABLE article_bands (band_key UBIGINT, article_hash VARCHAR)")
    con.execute("CREATE INDEX bands_key ON article_bands (band_key)")
    _create_views(con)


def migration_3(con: duckdb.DuckDBPyConnection) -> None:
    """Each event row carries its merged event's counts, kept up to date by the writer, so that
    reading a page of events aggregates nothing (the ``mentions`` view gains ``day``)."""
    for name, kind in AGGREGATE_TYPES.items():
        con.execute(f"ALTER TABLE events ADD COLUMN {name} {kind}")  # names and types: constants
    _create_views(con)
    refresh_merged_counts(con)


def _create_views(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"CREATE OR REPLACE VIEW mentions AS {MENTIONS_SQL}")
    con.execute(f"""
        CREATE OR REPLACE VIEW merged_events AS
        SELECT m.merged_id, {AGGREGATES_SQL},
               min(m.seq) AS first_seq,
               min(m.published) AS first_published
        FROM mentions m GROUP BY m.merged_id""")


def refresh_merged_counts(con: duckdb.DuckDBPyConnection, merged_ids: list[str] | None = None,
                          days: list[dt.date | None] | None = None) -> None:
    """Write the counts of merged events (all, or ``merged_ids``) onto every one of their mentions.

    Every mention of a merged event has the same day (the day is part of the merge key), so the
    merged events' ``days``, when given, let DuckDB skip the row groups of other days.
    """
    conditions: list[str] = []
    params: list[Any] = []
    if merged_ids is not None:
        conditions.append("list_contains(?, m.merged_id)")
        params.append(merged_ids)
    if days is not None:
        dated = sorted(d for d in days if d is not None)
        spans = ["m.day IS NULL"] if len(dated) < len(days) else []
        spans += ["m.day BETWEEN ? AND ?"] if dated else []
        conditions.append(f"({' OR '.join(spans) or 'false'})")
        params += [dated[0], dated[-1]] if dated else []
    chosen = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    assignments = ", ".join(f"{name} = a.{name}" for name in AGGREGATE_TYPES)
    con.execute(f"""
        UPDATE events SET {assignments}
        FROM (SELECT m.merged_id, any_value(m.day) AS day, {AGGREGATES_SQL}
              FROM mentions m {chosen} GROUP BY m.merged_id) a
        WHERE events.merged_id = a.merged_id AND events.day IS NOT DISTINCT FROM a.day""", params)


MIGRATIONS: tuple[Migration, ...] = (migration_1, migration_2, migration_3)
LATEST = len(MIGRATIONS)


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version of a database (0: empty, no gesta tables)."""
    tables = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if "schema_version" not in tables:
        if tables & {"events", "articles"}:
            raise StoreError("database has gesta-like tables but no schema_version table")
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchall()[0]
    return int(row[0]) if row and row[0] is not None else 0


def migrate(con: duckdb.DuckDBPyConnection, target: int = LATEST) -> int:
    """Apply the missing migrations up to ``target``; returns the version reached."""
    version = current_version(con)
    if version > LATEST:
        raise StoreError(f"database schema v{version} is newer than this gesta (v{LATEST}); upgrade gesta")
    for number in range(version + 1, target + 1):
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)")
            MIGRATIONS[number - 1](con)
            con.execute("INSERT INTO schema_version VALUES (?, now())", [number])
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"migration {number} failed: {exc}") from exc
        log.info("store schema migrated to v%d", number)
    return max(version, target)
