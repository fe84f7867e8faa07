"""Reading events back: :class:`EventFilter` and :func:`query_events` (reused by the HTTP API).

Every value reaches SQL as a parameter; the SQL text is built only from fixed fragments.
Order is stable: ``day`` (event date, else publication date), then ``event_id``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from gesta.errors import UsageError
from gesta.store.db import open_store

EARTH_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to return. ``None`` means no constraint.

    ``country`` (ISO3) matches the source's, the target's or the location's country; ``actor``
    is a CAMEO actor code prefix matched on source or target; ``cameo`` a CAMEO code prefix
    ("19" matches root 19 and 190-196); ``near`` is (lat, lon, km). ``merged`` returns one
    record per merged event (its first mention) instead of one per mention.
    """

    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None
    actor: str | None = None
    cameo: str | None = None
    plover: str | None = None
    acled: str | None = None
    near: tuple[float, float, float] | None = None
    limit: int | None = None
    offset: int = 0
    merged: bool = False
    with_counts: bool = True


def where_clause(f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE conditions (on table alias ``e``) and their parameters."""
    parts: list[str] = []
    params: list[Any] = []
    _add(parts, params, f.since, "e.day >= ?")
    _add(parts, params, f.until, "e.day <= ?")
    if f.country:
        parts.append("(e.location_country = ? OR e.source_country = ? OR e.target_country = ?)")
        params += [f.country.upper()] * 3
    if f.actor:
        parts.append("(starts_with(e.source_code, ?) OR starts_with(e.target_code, ?))")
        params += [f.actor.upper()] * 2
    _add(parts, params, f.cameo, "starts_with(e.cameo_code, ?)")
    _add(parts, params, f.plover.upper() if f.plover else None, "e.plover_type = ?")
    _add(parts, params, f.acled.lower() if f.acled else None, "lower(e.acled_event_type) = ?")
    if f.near:
        parts.append(_NEAR_SQL)
        params += _near_params(*f.near)
    return (" AND ".join(parts) or "true"), params


_NEAR_SQL = (
    "(e.lat BETWEEN ? AND ? AND 2 * ? * asin(sqrt(pow(sin(radians(e.lat - ?) / 2), 2)"
    " + cos(radians(?)) * cos(radians(e.lat)) * pow(sin(radians(e.lon - ?) / 2), 2))) <= ?)"
)


def _near_params(lat: float, lon: float, km: float) -> list[Any]:
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise UsageError(f"--near needs LAT,LON,KM with a valid point and KM > 0 (got {lat},{lon},{km})")
    span = km / 111.0  # degrees of latitude
    return [lat - span, lat + span, EARTH_KM, lat, lat, lon, km]


def _add(parts: list[str], params: list[Any], value: Any, sql: str) -> None:
    if value is not None and value != "":
        parts.append(sql)
        params.append(value)


def events_sql(f: EventFilter) -> tuple[str, list[Any]]:
    """The SELECT of matching events (record, merged id, counts), ordered and paged."""
    where, params = where_clause(f)
    first = " QUALIFY row_number() OVER (PARTITION BY e.merged_id ORDER BY e.seq) = 1" if f.merged else ""
    page = ""
    if f.limit is not None:
        page += " LIMIT ?"
        params.append(int(f.limit))
    if f.offset:
        page += " OFFSET ?"
        params.append(int(f.offset))
    counts = ", e.num_mentions, e.num_sources, e.num_articles, e.disputed, e.asserted_by, e.denied_by"
    sql = (f"SELECT e.record, e.merged_id{counts if f.with_counts else ''} FROM events e WHERE {where}{first}"
           f" ORDER BY e.day NULLS LAST, e.seq{page}")
    return sql, params


def query_events(db: duckdb.DuckDBPyConnection | str | Path, filters: EventFilter = EventFilter()) -> Iterator[dict[str, Any]]:
    """Event records (``gesta schema``) matching ``filters``, with their merged-event counts."""
    con = db if isinstance(db, duckdb.DuckDBPyConnection) else open_store(db, read_only=True)
    try:
        sql, params = events_sql(filters)
        cursor = con.cursor().execute(sql, params)
        columns = [d[0] for d in cursor.description]
        while batch := cursor.fetchmany(1000):
            for row in batch:
                yield _record(dict(zip(columns, row, strict=True)))
    finally:
        if con is not db:
            con.close()


def _record(row: dict[str, Any]) -> dict[str, Any]:
    record: dict[str, Any] = json.loads(row.pop("record"))
    record["merged_id"] = row.pop("merged_id")
    record.update(row)  # the merged event's counts, when asked for
    return record
