"""Read queries of the API: event pages (offset or cursor), one event in full, stats, actors.

Built on :func:`gesta.store.query.where_clause` so filters mean exactly what they mean for
``gesta events``. Every value is a SQL parameter; SQL text comes only from fixed fragments.
Order is stable: ``day`` (nulls last), then the storage sequence ``seq`` (integers only: sorting
on the event id's text cost more than the rest of a page).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import math
from typing import Any, NamedTuple

import duckdb
from starlette.exceptions import HTTPException

from gesta.store.query import where_clause
from gesta.web.cache import SortKey, sort_key
from gesta.web.models import Filters

ORDER = "h.day NULLS LAST, h.seq"
SEARCH_SQL = (
    "contains(lower(concat_ws(' ', json_extract_string(e.record, '$.evidence.text'),"
    " json_extract_string(e.record, '$.source.text'), json_extract_string(e.record, '$.target.text'),"
    " json_extract_string(e.record, '$.source.name'), json_extract_string(e.record, '$.target.name'),"
    " e.source_code, e.target_code, e.location_name, e.speaker_text)), ?)"
)
AGG_COLUMNS = ("num_mentions", "num_sources", "num_articles", "disputed", "asserted_by", "denied_by")


def filtered_where(filters: Filters) -> tuple[str, list[Any]]:
    """The store's WHERE clause (alias ``e``) plus the text search."""
    where, params = where_clause(filters.store)
    if filters.q:
        where = f"{where} AND {SEARCH_SQL}"
        params = [*params, filters.q]
    return where, params


# --- cursors -------------------------------------------------------------------------------

def encode_cursor(day: dt.date | None, seq: int) -> str:
    raw = json.dumps([day.isoformat() if day else None, seq]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[dt.date | None, int]:
    """The (day, seq) after which a page starts; 422 when the cursor is not ours."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        day, seq = json.loads(raw)
        if not isinstance(seq, int) or isinstance(seq, bool):
            raise ValueError
        return (dt.date.fromisoformat(day) if day is not None else None), seq
    except (ValueError, TypeError, json.JSONDecodeError, UnicodeDecodeError):
        raise HTTPException(422, "cursor is not valid (pass next_cursor of a previous page)") from None


def _after(cursor: str | None) -> tuple[str, list[Any]]:
    if not cursor:
        return "true", []
    day, seq = decode_cursor(cursor)
    if day is None:
        return "(h.day IS NULL AND h.seq > ?)", [seq]
    return "(h.day IS NULL OR h.day > ? OR (h.day = ? AND h.seq > ?))", [day, day, seq]


# --- event pages -----------------------------------------------------------------------------

class Page(NamedTuple):
    """An event page as JSON bytes, its merged ids and, when it has a next page, its last event's key."""

    body: bytes
    merged_ids: frozenset[str]
    last_key: SortKey | None


def events_page(con: duckdb.DuckDBPyConnection, filters: Filters, limit: int, offset: int,
                cursor: str | None) -> dict[str, Any]:
    """One page of matching events, with merged-event counts and the cursor of the next page."""
    page: dict[str, Any] = json.loads(events_page_json(con, filters, limit, offset, cursor).body)
    return page


def events_page_json(con: duckdb.DuckDBPyConnection, filters: Filters, limit: int, offset: int,
                     cursor: str | None) -> Page:
    """:func:`events_page` as JSON bytes, built around the stored record texts (no re-parsing).

    One query: the page's row ids are found on narrow columns (filters, order, limit), then
    only those rows' records are read, with their merged ids and merged-event counts (which
    the writer keeps on every mention, see :func:`gesta.store.schema.refresh_merged_counts`).
    """
    rows = _page_rows(con, filters, limit + 1, offset, cursor)
    more = len(rows) > limit
    rows = rows[:limit]
    names = ("merged_id", *AGG_COLUMNS)
    events = [_with_fields(row[2], dict(zip(names, row[3:], strict=True))) for row in rows]
    last = (rows[-1][0], rows[-1][1]) if rows and more else None
    next_cursor = encode_cursor(*last) if last else None
    tail = json.dumps({"count": len(events), "limit": limit, "offset": offset, "next_cursor": next_cursor})
    body = ('{"events": [' + ", ".join(events) + "], " + tail[1:]).encode("utf-8")
    return Page(body, frozenset(str(row[3]) for row in rows), sort_key(*last) if last else None)


def _page_rows(con: duckdb.DuckDBPyConnection, filters: Filters, count: int, offset: int,
               cursor: str | None) -> list[tuple[Any, ...]]:
    """(day, seq, record, merged id, counts...) of the ``count`` matching events from ``offset``
    (or after ``cursor``) on, in order. Sorting on the integer columns alone and reading the
    wide record column for the chosen rows only is what keeps a page cheap."""
    where, params = filtered_where(filters)
    first = " QUALIFY row_number() OVER (PARTITION BY e.merged_id ORDER BY e.seq) = 1" if filters.store.merged else ""
    after, after_params = _after(cursor)
    hits = f"(SELECT e.rowid AS row_id, e.day, e.seq FROM events e WHERE {where}{first}) h"
    wanted = f"SELECT h.row_id FROM {hits} WHERE {after} ORDER BY {ORDER} LIMIT ? OFFSET ?"
    sql = (f"SELECT day, seq, record, merged_id, {', '.join(AGG_COLUMNS)} FROM events "
           f"WHERE rowid IN ({wanted}) ORDER BY day NULLS LAST, seq")
    return con.execute(sql, [*params, *after_params, count, offset]).fetchall()


def new_events_match(con: duckdb.DuckDBPyConnection, filters: Filters, first_seq: int, last_seq: int,
                     merged_ids: frozenset[str] | list[str] | None = None, seqs: list[int] | None = None) -> bool:
    """Whether an event stored with a sequence number in the range (and among ``seqs``, if given)
    matches ``filters`` (or belongs to one of ``merged_ids``): then a cached answer for them is out of date."""
    where, params = filtered_where(filters)
    extra, extra_params = "", []
    if merged_ids:
        extra, extra_params = " OR list_contains(?, e.merged_id)", [sorted(merged_ids)]
    among, among_params = (" AND list_contains(?, e.seq)", [seqs]) if seqs is not None else ("", [])
    rows = con.execute(f"SELECT 1 FROM events e WHERE e.seq BETWEEN ? AND ?{among} AND (({where}){extra}) LIMIT 1",
                       [first_seq, last_seq, *among_params, *params, *extra_params]).fetchall()
    return bool(rows)


def _with_fields(record_json: str, extra: dict[str, Any]) -> str:
    """A stored record's JSON object text with ``extra`` keys appended (records never hold them)."""
    body = record_json.rstrip()
    if not body.endswith("}") or body.replace(" ", "") == "{}":
        return json.dumps({**json.loads(record_json), **extra}, ensure_ascii=False)
    return body[:-1] + ", " + json.dumps(extra, ensure_ascii=False, default=str)[1:]


# --- one event in full -----------------------------------------------------------------------

def event_detail(con: duckdb.DuckDBPyConnection, ident: str) -> dict[str, Any] | None:
    """An event (by event id, else by merged id) with its article, mentions, outlets and disputes."""
    found = con.execute("SELECT record, merged_id, article_hash FROM events WHERE event_id = ? "
                        "ORDER BY seq LIMIT 1", [ident]).fetchall()
    if not found:
        found = con.execute("SELECT record, merged_id, article_hash FROM events WHERE merged_id = ? "
                            "ORDER BY seq LIMIT 1", [ident]).fetchall()
    if not found:
        return None
    record_json, merged_id, article_hash = found[0]
    record = json.loads(record_json)
    record["merged_id"] = merged_id
    merged = _dicts(con, f"SELECT {', '.join(AGG_COLUMNS)} FROM events WHERE merged_id = ? LIMIT 1", [merged_id])[0]
    mentions = _dicts(con, "SELECT event_id, article_id, outlet, url, published, sentence_index, denies, "
                           "speaker_text, cue, evidence FROM mentions WHERE merged_id = ? ORDER BY seq", [merged_id])
    return {
        "event": record,
        "merged": {"merged_id": merged_id, **merged},
        "mentions": mentions,
        "outlets": sorted({m["outlet"] for m in mentions if m["outlet"]}),
        "article": _article(con, article_hash),
    }


def _article(con: duckdb.DuckDBPyConnection, article_hash: str) -> dict[str, Any]:
    rows = _dicts(con, "SELECT article_id, title, url, outlet, published, language, ingested_at "
                       "FROM articles WHERE article_hash = ?", [article_hash])
    article = rows[0] if rows else {}
    article["sentences"] = _dicts(con, "SELECT sentence_index AS index, section, field, start_char AS start, "
                                       "end_char AS \"end\", text FROM sentences WHERE article_hash = ? "
                                       "ORDER BY field DESC, start_char", [article_hash])
    article["events"] = [_summary(json.loads(r[0])) for r in con.execute(
        "SELECT record FROM events WHERE article_hash = ? ORDER BY seq", [article_hash]).fetchall()]
    return article


def _summary(record: dict[str, Any]) -> dict[str, Any]:
    def label(actor: dict[str, Any] | None) -> str | None:
        return (actor.get("name") or actor.get("text")) if actor else None

    return {"event_id": record["event_id"], "sentence_index": record["sentence_index"],
            "cameo": record["cameo"], "quad_class": record["quad_class"],
            "source": label(record.get("source")), "target": label(record.get("target"))}


def article_events(con: duckdb.DuckDBPyConnection, article_hash: str) -> list[dict[str, Any]]:
    """Full records of a stored article's events (for an article posted again)."""
    rows = con.execute("SELECT record, merged_id FROM events WHERE article_hash = ? ORDER BY seq",
                       [article_hash]).fetchall()
    return [{**json.loads(r), "merged_id": m} for r, m in rows]


# --- aggregates ------------------------------------------------------------------------------

def stats(con: duckdb.DuckDBPyConnection, filters: Filters, top: int = 250) -> dict[str, Any]:
    """Totals and counts by day (per quad class), type, country and place of matching events."""
    where, params = filtered_where(filters)
    base = f"FROM events e WHERE {where}"
    country = "coalesce(e.location_country, e.source_country, e.target_country)"
    return {
        "totals": _dicts(con, "SELECT count(*) AS events, count(DISTINCT e.merged_id) AS merged_events, "
                              "count(DISTINCT e.article_hash) AS articles, min(e.day) AS first_day, "
                              f"max(e.day) AS last_day {base}", params)[0],
        "by_day": _dicts(con, f"SELECT e.day, e.quad_class, count(*) AS events {base} AND e.day IS NOT NULL "
                              "GROUP BY ALL ORDER BY e.day, e.quad_class", params),
        "by_cameo_root": _dicts(con, f"SELECT e.cameo_root, count(*) AS events {base} GROUP BY ALL "
                                     "ORDER BY e.cameo_root", params),
        "by_plover": _dicts(con, f"SELECT e.plover_type, count(*) AS events {base} GROUP BY ALL "
                                 "ORDER BY events DESC, e.plover_type NULLS LAST", params),
        "by_acled": _dicts(con, f"SELECT e.acled_event_type, count(*) AS events {base} GROUP BY ALL "
                                "ORDER BY events DESC, e.acled_event_type NULLS LAST", params),
        "by_country": _dicts(con, f"SELECT {country} AS country, count(*) AS events {base} GROUP BY ALL "
                                  "ORDER BY events DESC, country NULLS LAST LIMIT ?", [*params, top]),
        "places": _dicts(con, "SELECT round(e.lat, 1) AS lat, round(e.lon, 1) AS lon, count(*) AS events, "
                              "min(e.location_name) AS name, round(avg(e.quad_class), 2) AS quad_class "
                              f"{base} AND e.lat IS NOT NULL AND e.lon IS NOT NULL GROUP BY 1, 2 "
                              "ORDER BY events DESC, lat, lon LIMIT ?", [*params, top * 8]),
    }


def actors(con: duckdb.DuckDBPyConnection, filters: Filters, top: int = 30) -> dict[str, Any]:
    """The most frequent actors (source or target) and source-target dyads of matching events."""
    where, params = filtered_where(filters)
    top_actors = _dicts(con, f"""
        SELECT code, count(*) AS events, sum((role = 'source')::INT) AS as_source,
               sum((role = 'target')::INT) AS as_target
        FROM (SELECT e.source_code AS code, 'source' AS role FROM events e WHERE {where}
              UNION ALL SELECT e.target_code, 'target' FROM events e WHERE {where}) t
        WHERE code IS NOT NULL GROUP BY code ORDER BY events DESC, code LIMIT ?""", [*params, *params, top])
    dyads = _dicts(con, f"""
        SELECT e.source_code AS source, e.target_code AS target, count(*) AS events,
               round(avg(e.goldstein), 2) AS goldstein, mode(e.quad_class) AS quad_class
        FROM events e WHERE {where} AND e.source_code IS NOT NULL AND e.target_code IS NOT NULL
          AND e.source_code <> e.target_code
        GROUP BY ALL ORDER BY events DESC, source, target LIMIT ?""", [*params, top])
    codes = sorted({a["code"] for a in top_actors} | {d["source"] for d in dyads} | {d["target"] for d in dyads})
    return {"actors": top_actors, "dyads": dyads, "names": actor_names(con, codes)}


def actor_names(con: duckdb.DuckDBPyConnection, codes: list[str]) -> dict[str, str]:
    """A readable label per actor code: the most frequent mention text stored for it."""
    if not codes:
        return {}
    marks = ", ".join("?" for _ in codes)
    rows = con.execute(f"""
        SELECT code, mode(label) FROM (
          SELECT source_code AS code, coalesce(json_extract_string(record, '$.source.name'),
                 json_extract_string(record, '$.source.text')) AS label
          FROM (SELECT * FROM events WHERE source_code IN ({marks}) LIMIT 20000)
          UNION ALL
          SELECT target_code, coalesce(json_extract_string(record, '$.target.name'),
                 json_extract_string(record, '$.target.text'))
          FROM (SELECT * FROM events WHERE target_code IN ({marks}) LIMIT 20000)) GROUP BY code""",
                       [*codes, *codes]).fetchall()
    return {code: label for code, label in rows if label}


def health(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    row = con.execute("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM articles)").fetchall()[0]
    return {"events": int(row[0]), "articles": int(row[1])}


def _dicts(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = con.execute(sql, params)
    names = [d[0].removeprefix("e.") for d in cursor.description]
    return [{k: _plain(v) for k, v in zip(names, row, strict=True)} for row in cursor.fetchall()]


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value
