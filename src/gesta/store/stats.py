"""Counts over the store: totals, by day, by type (CAMEO root, PLOVER), by country, rejects."""

from __future__ import annotations

from typing import Any

import duckdb

TOTALS_SQL = """
SELECT (SELECT count(*) FROM articles) AS articles,
       (SELECT count(DISTINCT dup_group) FROM articles) AS distinct_stories,
       (SELECT count(*) FROM events) AS events,
       (SELECT count(DISTINCT merged_id) FROM events) AS merged_events,
       (SELECT count(*) FROM merged_events WHERE disputed) AS disputed,
       (SELECT count(*) FROM rejects) AS rejects,
       (SELECT min(day) FROM events) AS first_day,
       (SELECT max(day) FROM events) AS last_day
"""
BY_DAY_SQL = "SELECT day, count(*) AS events, count(DISTINCT merged_id) AS merged FROM events GROUP BY day ORDER BY day NULLS LAST"
BY_CAMEO_SQL = "SELECT cameo_root, count(*) AS events FROM events GROUP BY cameo_root ORDER BY cameo_root"
BY_PLOVER_SQL = "SELECT plover_type, count(*) AS events FROM events GROUP BY plover_type ORDER BY events DESC, plover_type NULLS LAST"
BY_COUNTRY_SQL = """
SELECT coalesce(location_country, source_country, target_country) AS country, count(*) AS events
FROM events GROUP BY country ORDER BY events DESC, country NULLS LAST
"""


def store_stats(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """All counts as JSON-ready values (dates as ISO strings)."""
    totals = _rows(con, TOTALS_SQL)[0]
    return {
        "totals": totals,
        "by_day": _rows(con, BY_DAY_SQL),
        "by_cameo_root": _rows(con, BY_CAMEO_SQL),
        "by_plover": _rows(con, BY_PLOVER_SQL),
        "by_country": _rows(con, BY_COUNTRY_SQL),
    }


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [{k: _plain(v) for k, v in zip(names, row, strict=True)} for row in cursor.fetchall()]


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value
