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
import threading
from collections import OrderedDict
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
                     cursor: str | None, articles: ArticleInfo | None = None) -> Page:
    """:func:`events_page` as JSON bytes, built around the stored record texts (no re-parsing).

    Three narrow steps: the page's keys (filters, order, limit: integer columns only), the
    page's records with their merged ids, then every mention of those merged events (for the
    counts, within the page's day range so DuckDB skips the other row groups).
    """
    keys = _page_keys(con, filters, limit + 1, offset, cursor)
    more = len(keys) > limit
    keys = keys[:limit]
    days = [day for day, _seq in keys]
    records = _records(con, days, [seq for _day, seq in keys])
    merged_ids = sorted({merged_id for merged_id, _record in records.values()})
    counts = _counts(con, _mentions(con, merged_ids, days), articles)
    events = [_with_fields(record, {"merged_id": merged_id, **counts.get(merged_id, dict.fromkeys(AGG_COLUMNS))})
              for merged_id, record in (records[seq] for _day, seq in keys)]
    last = keys[-1] if keys and more else None
    next_cursor = encode_cursor(*last) if last else None
    tail = json.dumps({"count": len(events), "limit": limit, "offset": offset, "next_cursor": next_cursor})
    body = ('{"events": [' + ", ".join(events) + "], " + tail[1:]).encode("utf-8")
    return Page(body, frozenset(merged_ids), sort_key(*last) if last else None)


def _page_keys(con: duckdb.DuckDBPyConnection, filters: Filters, count: int, offset: int,
               cursor: str | None) -> list[tuple[dt.date | None, int]]:
    """(day, seq) of the ``count`` matching events from ``offset`` (or after ``cursor``) on, in order."""
    where, params = filtered_where(filters)
    first = " QUALIFY row_number() OVER (PARTITION BY e.merged_id ORDER BY e.seq) = 1" if filters.store.merged else ""
    after, after_params = _after(cursor)
    hits = f"(SELECT e.day, e.seq FROM events e WHERE {where}{first}) h"
    sql = f"SELECT h.day, h.seq FROM {hits} WHERE {after} ORDER BY {ORDER} LIMIT ? OFFSET ?"
    return con.execute(sql, [*params, *after_params, count, offset]).fetchall()


def _records(con: duckdb.DuckDBPyConnection, days: list[dt.date | None], seqs: list[int]) -> dict[int, tuple[str, str]]:
    """seq -> (merged id, record JSON) of the events ``seqs``, read within their day and sequence ranges."""
    if not seqs:
        return {}
    day_sql, day_params = _day_condition(days)
    rows = con.execute(f"SELECT seq, merged_id, record FROM events WHERE ({day_sql}) AND seq BETWEEN ? AND ? "
                       "AND list_contains(?, seq)", [*day_params, min(seqs), max(seqs), seqs]).fetchall()
    return {seq: (merged_id, record) for seq, merged_id, record in rows}


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


def _day_condition(days: list[dt.date | None]) -> tuple[str, list[Any]]:
    """A condition on ``day`` that keeps every row whose day is among ``days`` (lets DuckDB skip row groups)."""
    dated = sorted(d for d in days if d is not None)
    parts = ["day IS NULL"] if any(d is None for d in days) else []
    if dated:
        parts.append("day BETWEEN ? AND ?")
    return (" OR ".join(parts) or "false"), ([dated[0], dated[-1]] if dated else [])


def _mentions(con: duckdb.DuckDBPyConnection, merged_ids: list[str],
              days: list[dt.date | None] | None) -> list[tuple[Any, ...]]:
    """Mentions (merged id, article hash, denies, speaker) of ``merged_ids``.

    Every mention of a merged event has the same day (the day is part of the merge key; undated
    events merge only within one article), so the events' days let DuckDB skip row groups.
    """
    if not merged_ids:
        return []
    day_sql, day_params = _day_condition(days) if days is not None else ("true", [])
    return con.execute(f"SELECT merged_id, article_hash, negated OR denial, speaker_text FROM events "
                       f"WHERE ({day_sql}) AND list_contains(?, merged_id)", [*day_params, merged_ids]).fetchall()


def merged_counts(con: duckdb.DuckDBPyConnection, merged_ids: list[str],
                  days: list[dt.date | None] | None = None) -> dict[str, dict[str, Any]]:
    """The store's ``merged_events`` aggregates, computed for a few merged ids only.

    The view aggregates every mention before filtering (about 1 s per call at a million
    events). Here the mentions are looked up first, by merged id and day (see :func:`_mentions`).
    Same values as the view (tests/web/test_api.py::test_page_counts_equal_the_store_view).
    """
    return _counts(con, _mentions(con, merged_ids, days))


def _counts(con: duckdb.DuckDBPyConnection, mentions: list[tuple[Any, ...]],
            known: ArticleInfo | None = None) -> dict[str, dict[str, Any]]:
    lookup = known.lookup if known is not None else _articles_by_hash
    articles = lookup(con, {m[1] for m in mentions})
    originals = lookup(con, {a[1] for a in articles.values()} - set(articles))
    originals.update(articles)
    grouped: dict[str, list[tuple[Any, ...]]] = {}
    for mention in mentions:
        grouped.setdefault(mention[0], []).append(mention)
    return {merged_id: _aggregate(rows, articles, originals) for merged_id, rows in grouped.items()}


class ArticleInfo:
    """(outlet, near-duplicate group) per article hash, remembered (least recently used first out).

    Exact for as long as it is kept: a stored article's row never changes (the writer only
    inserts articles), so what was read once stays true.
    """

    def __init__(self, size: int = 100_000) -> None:
        self.size = size
        self._items: OrderedDict[str, tuple[str | None, str]] = OrderedDict()
        self._lock = threading.Lock()

    def preload(self, con: duckdb.DuckDBPyConnection) -> int:
        """Remember the most recently stored articles (up to ``size``), so that the first pages
        asked for need no article look-up (a scan of the whole articles table each)."""
        rows = con.execute("SELECT article_hash, outlet, dup_group FROM articles ORDER BY seq DESC LIMIT ?",
                           [self.size]).fetchall()
        with self._lock:
            for article_hash, outlet, group in reversed(rows):
                self._items[article_hash] = (outlet, group)
                self._items.move_to_end(article_hash)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return len(rows)

    def lookup(self, con: duckdb.DuckDBPyConnection, hashes: set[str]) -> dict[str, tuple[str | None, str]]:
        found: dict[str, tuple[str | None, str]] = {}
        with self._lock:
            for key in hashes:
                if (value := self._items.get(key)) is not None:
                    found[key] = value
                    self._items.move_to_end(key)
        missing = _articles_by_hash(con, hashes - set(found))
        if missing:
            with self._lock:
                self._items.update(missing)
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return {**found, **missing}


def _articles_by_hash(con: duckdb.DuckDBPyConnection, hashes: set[str]) -> dict[str, tuple[str | None, str]]:
    """article hash -> (outlet, near-duplicate group)."""
    if not hashes:
        return {}
    rows = con.execute("SELECT article_hash, outlet, dup_group FROM articles WHERE list_contains(?, article_hash)",
                       [sorted(hashes)]).fetchall()
    return {row[0]: (row[1], row[2]) for row in rows}


def _aggregate(rows: list[tuple[Any, ...]], articles: dict[str, tuple[str | None, str]],
               originals: dict[str, tuple[str | None, str]]) -> dict[str, Any]:
    def source_key(article_hash: str) -> str | None:
        _outlet, group = articles[article_hash]
        original = originals.get(group)
        return original[0] if original and original[0] is not None else group

    def who(denies: bool) -> list[str] | None:
        found = (r[3] if r[3] is not None else articles[r[1]][0] for r in rows if bool(r[2]) == denies)
        names: set[str] = {str(name) for name in found if name is not None}
        return sorted(names) or None

    flags = [bool(r[2]) for r in rows]
    return {"num_mentions": len(rows), "num_sources": len({source_key(r[1]) for r in rows}),
            "num_articles": len({r[1] for r in rows}), "disputed": any(flags) and not all(flags),
            "asserted_by": who(False), "denied_by": who(True)}


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
    merged = merged_counts(con, [merged_id]).get(merged_id, dict.fromkeys(AGG_COLUMNS))  # one id: no day needed
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
