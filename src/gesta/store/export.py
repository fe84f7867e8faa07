"""Exports: GDELT 2.0 events, PLOVER JSON, ACLED-style CSV, Parquet, GeoJSON, CSV.

Column mappings live in ``data/formats/`` (see ``docs/formats.md``). GDELT, PLOVER, ACLED and
GeoJSON write one row per merged event (its first mention stands for it, with the counts);
CSV and Parquet write one row per stored event (mention) with its merged id.
"""

from __future__ import annotations

import csv
import functools
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import duckdb

from gesta.errors import UsageError
from gesta.output import make_writer
from gesta.resources import data_dir, read_csv
from gesta.store import formats

log = logging.getLogger(__name__)

FORMATS = ("gdelt", "plover", "acled", "parquet", "geojson", "csv")

MERGED_SQL = """
WITH ml AS (
    SELECT e.merged_id, max(e.fatalities) AS max_fatalities,
           list({'article_id': a.article_id, 'outlet': a.outlet, 'url': a.url, 'published': a.published,
                 'sentence_index': e.sentence_index, 'event_id': e.event_id,
                 'evidence': json_extract_string(e.record, '$.evidence.text'),
                 'denies': e.negated OR e.denial} ORDER BY e.seq) AS mentions
    FROM events e JOIN articles a USING (article_hash) GROUP BY e.merged_id)
SELECT m.merged_id, m.num_mentions, m.num_sources, m.num_articles, m.disputed, m.asserted_by,
       m.denied_by, ml.mentions, ml.max_fatalities, e.record, e.day, a.ingested_at,
       coalesce(a.url, a.article_id) AS source_url
FROM merged_events m JOIN events e ON e.merged_id = m.merged_id AND e.seq = m.first_seq
JOIN articles a ON a.article_hash = e.article_hash JOIN ml ON ml.merged_id = m.merged_id
ORDER BY e.day NULLS LAST, m.merged_id
"""

PARQUET_SQL = """
SELECT e.* EXCLUDE (record, seq), CAST(e.record AS VARCHAR) AS record, a.outlet, a.article_id, a.url,
       year(e.day) AS year, month(e.day) AS month
FROM events e JOIN articles a USING (article_hash)
ORDER BY e.day NULLS LAST, e.event_id
"""


def merged_rows(con: duckdb.DuckDBPyConnection) -> Iterator[dict[str, Any]]:
    """One dict per merged event: counts, mentions and the first mention's record."""
    cursor = con.cursor().execute(MERGED_SQL)
    names = [d[0] for d in cursor.description]
    while batch := cursor.fetchmany(1000):
        for values in batch:
            row = dict(zip(names, values, strict=True))
            row["record"] = json.loads(row["record"])
            yield row


@functools.cache
def column_map(name: str) -> tuple[tuple[str, str], ...]:
    """(column, gesta field) pairs of a format mapping file in ``data/formats``."""
    path = data_dir() / "formats" / f"{name}.csv"
    return tuple((row["column"], row["field"]) for _, row in read_csv(path, ("column", "field")))


def export(con: duckdb.DuckDBPyConnection, fmt: str, stream: TextIO | None = None, path: Path | None = None) -> int:
    """Write the store in ``fmt`` to ``stream`` (or, for Parquet, to the directory ``path``)."""
    if fmt == "parquet":
        if path is None:
            raise UsageError("--format parquet needs -o DIRECTORY")
        return write_parquet(con, path)
    if stream is None:
        raise UsageError(f"--format {fmt} needs an output stream")
    writers = {"gdelt": write_gdelt, "plover": write_plover, "acled": write_acled,
               "geojson": write_geojson, "csv": write_csv}
    if fmt not in writers:
        raise UsageError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    return writers[fmt](con, stream)


def write_gdelt(con: duckdb.DuckDBPyConnection, stream: TextIO) -> int:
    """GDELT 2.0 event rows: 61 tab-separated fields, no header (as GDELT ships them)."""
    columns = column_map("gdelt_events")
    count = 0
    for row in merged_rows(con):
        values = formats.gdelt_values(row)
        stream.write("\t".join(formats.cell(values.get(field)) for _, field in columns) + "\n")
        count += 1
    return count


def write_acled(con: duckdb.DuckDBPyConnection, stream: TextIO) -> int:
    """ACLED-style CSV of the merged events that have an ACLED type."""
    columns = column_map("acled")
    writer = csv.writer(stream)
    writer.writerow([name for name, _ in columns])
    count = 0
    for row in merged_rows(con):
        if not row["record"].get("acled"):
            continue
        values = formats.acled_values(row)
        writer.writerow([formats.cell(values.get(field)) for _, field in columns])
        count += 1
    return count


def write_plover(con: duckdb.DuckDBPyConnection, stream: TextIO) -> int:
    """PLOVER/POLECAT-style JSON Lines, one merged event per line with its mentions."""
    count = 0
    for row in merged_rows(con):
        stream.write(json.dumps(formats.plover_event(row), ensure_ascii=False, default=str) + "\n")
        count += 1
    return count


def write_geojson(con: duckdb.DuckDBPyConnection, stream: TextIO) -> int:
    """A GeoJSON FeatureCollection of the merged events that have coordinates."""
    stream.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for row in merged_rows(con):
        feature = formats.geojson_feature(row)
        if feature is None:
            continue
        stream.write((",\n" if count else "") + json.dumps(feature, ensure_ascii=False, default=str))
        count += 1
    stream.write("\n]}\n")
    return count


def write_csv(con: duckdb.DuckDBPyConnection, stream: TextIO) -> int:
    """Every stored event as a flat CSV row (``gesta code --format csv`` columns)."""
    from gesta.store.query import EventFilter, query_events

    writer = make_writer("csv", stream)
    count = 0
    for record in query_events(con, EventFilter(with_counts=False)):
        writer.write(record)
        count += 1
    writer.close()
    return count


def write_parquet(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """Parquet files partitioned ``year=YYYY/month=M`` (hive style) under the directory ``path``."""
    if path.exists() and not path.is_dir():
        raise UsageError(f"{path}: exists and is not a directory")
    count = int(con.execute("SELECT count(*) FROM events").fetchall()[0][0])
    target = str(path).replace("'", "''")
    con.execute(f"COPY ({PARQUET_SQL}) TO '{target}' "
                "(FORMAT parquet, PARTITION_BY (year, month), OVERWRITE_OR_IGNORE true)")
    return count
