"""Query speed on 10 million synthetic events: one country + one month.

Generates events straight into a DuckDB store (SQL ``range()``, sorted by day so DuckDB's
zonemaps skip row groups outside the month), then times ``query_events`` and a count.
Usage: .venv/bin/python benchmarks/bench_query.py [--events 10000000] [--db /tmp/bench-query.duckdb]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import time
from pathlib import Path

from gesta.store import EventFilter, open_store, query_events

GENERATE = """
INSERT INTO events (event_id, article_hash, sentence_index, seq, date, day, published, source_code,
    source_country, target_code, target_country, cameo_code, cameo_root, plover_type, acled_event_type,
    lat, lon, location_country, location_admin1, location_name, quad_class, goldstein, fatalities,
    negated, denial, record, merged_id)
SELECT printf('%024x', i), printf('%064x', i // 5), (i % 5)::INTEGER, i, d, d, d,
       c1 || 'GOV', c1, c2 || 'MIL', c2, cam, substr(cam, 1, 2), 'ASSAULT', 'Battles',
       (hash(i) % 180)::DOUBLE - 90, (hash(i + 1) % 360)::DOUBLE - 180, c2, NULL, NULL, 4, -10.0, NULL,
       false, false, '{}', printf('%024x', i)
FROM (SELECT i, DATE '2015-01-01' + (i * 3650 // ?)::INTEGER AS d,
             ['USA','RUS','UKR','CHN','IND','IRN','ISR','SYR','SDN','NGA','BRA','FRA','DEU','TUR','PAK',
              'AFG','IRQ','YEM','ETH','MEX'][(hash(i * 7) % 20 + 1)::INTEGER] AS c1,
             ['USA','RUS','UKR','CHN','IND','IRN','ISR','SYR','SDN','NGA','BRA','FRA','DEU','TUR','PAK',
              'AFG','IRQ','YEM','ETH','MEX'][(hash(i * 13) % 20 + 1)::INTEGER] AS c2,
             ['190','193','141','042','111','173'][(hash(i * 3) % 6 + 1)::INTEGER] AS cam
      FROM range(?, ?) t(i))
"""


def generate(db: Path, total: int, chunk: int = 2_000_000) -> float:
    started = time.perf_counter()
    con = open_store(db)
    have = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    for start in range(have, total, chunk):
        con.execute(GENERATE, [total, start, min(total, start + chunk)])
    con.execute("CHECKPOINT")
    con.close()
    return time.perf_counter() - started


def timed(fn, repeat: int = 7) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/bench-query.duckdb"))
    args = parser.parse_args()
    seconds = generate(args.db, args.events)
    con = open_store(args.db, read_only=True)
    month = EventFilter(country="UKR", since=dt.date(2020, 3, 1), until=dt.date(2020, 3, 31), with_counts=False)
    plain_ms, rows = timed(lambda: list(query_events(con, month)))
    counted = EventFilter(country="UKR", since=month.since, until=month.until)
    counted_ms, _ = timed(lambda: list(query_events(con, counted)), repeat=3)
    count_ms, count = timed(lambda: con.execute(
        "SELECT count(*) FROM events WHERE day BETWEEN ? AND ? AND (location_country = ? OR source_country = ? "
        "OR target_country = ?)", [month.since, month.until, "UKR", "UKR", "UKR"]).fetchall()[0][0])
    con.close()
    result = {"benchmark": "bench_query", "date": dt.date.today().isoformat(), "events": args.events,
              "generate_seconds": round(seconds, 1), "query": "country=UKR, 2020-03",
              "rows": len(rows), "count": count, "query_events_ms": round(plain_ms, 1),
              "query_events_with_merge_counts_ms": round(counted_ms, 1), "count_ms": round(count_ms, 1),
              "target_ms": 200, "db_bytes": args.db.stat().st_size}
    print(json.dumps(result, indent=2))
    out = Path(__file__).parent / "results" / f"{dt.date.today().isoformat()}-store.json"
    existing = json.loads(out.read_text()) if out.exists() else {}
    existing["bench_query"] = result
    out.write_text(json.dumps(existing, indent=2) + "\n")


if __name__ == "__main__":
    main()
