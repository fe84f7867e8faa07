"""Each export format, parsed back."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pyarrow.dataset as ds
import pytest
from store_helpers import check_records

from gesta.records import event_schema
from gesta.resources import data_dir
from gesta.store import open_store
from gesta.store.export import column_map, export


def run_export(db: Path, fmt: str) -> str:
    con = open_store(db, read_only=True)
    try:
        stream = io.StringIO()
        export(con, fmt, stream)
        return stream.getvalue()
    finally:
        con.close()


def test_gdelt_has_61_columns_in_order(filled_store: Path) -> None:
    columns = column_map("gdelt_events")
    assert len(columns) == 61 and columns[0][0] == "GLOBALEVENTID" and columns[-1][0] == "SOURCEURL"
    rows = [line.split("\t") for line in run_export(filled_store, "gdelt").splitlines()]
    assert len(rows) == 4 and all(len(row) == 61 for row in rows)
    named = [dict(zip([c for c, _ in columns], row, strict=True)) for row in rows]
    first = named[0]
    assert first["SQLDATE"] == "20240304" and first["Actor1Code"] == "RUSMIL" and first["Actor2Code"] == "UKRMIL"
    assert first["EventCode"] == "190" and first["EventRootCode"] == "19" and first["QuadClass"] == "4"
    assert first["NumMentions"] == "1" and first["ActionGeo_Lat"] == "49.99" and first["AvgTone"] == ""
    assert named[3]["EventCode"] == "042"  # a string: the leading zero stays
    assert all(int(r["GLOBALEVENTID"]) > 0 for r in named)


def test_plover_json(filled_store: Path) -> None:
    events = [json.loads(line) for line in run_export(filled_store, "plover").splitlines()]
    assert [e["event_type"] for e in events] == ["ASSAULT", "ASSAULT", "PROTEST", "CONSULT"]
    assert events[0]["mentions"][0]["article_id"] == "k1"
    check_records([e["record"] for e in events])


def test_acled_csv(filled_store: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run_export(filled_store, "acled"))))
    assert [r["event_type"] for r in rows] == ["Battles", "Battles", "Protests"]
    assert rows[0]["country"] == "UKR" and rows[0]["fatalities"] == "3" and rows[0]["latitude"] == "49.99"
    assert rows[1]["civilian_targeting"] == "" and rows[0]["event_date"] == "2024-03-04"


def test_geojson(filled_store: Path) -> None:
    collection = json.loads(run_export(filled_store, "geojson"))
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert len(features) == 3  # the protest has no place
    for feature in features:
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    assert features[0]["geometry"]["coordinates"] == [36.23, 49.99]


def test_csv(filled_store: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run_export(filled_store, "csv"))))
    assert [r["article_id"] for r in rows] == ["k1", "k2", "k3", "k4"]
    assert rows[2]["cameo_code"] == "141"


def test_parquet_partitioned_and_readable(filled_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "pq"
    con = open_store(filled_store, read_only=True)
    assert export(con, "parquet", path=out) == 4
    con.close()
    assert (out / "year=2024" / "month=3").is_dir() and (out / "year=2024" / "month=4").is_dir()
    table = ds.dataset(out, format="parquet", partitioning="hive").to_table()
    assert table.num_rows == 4
    count = duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/**/*.parquet', hive_partitioning = true) "
                       "WHERE month = 4").fetchall()[0][0]
    assert count == 2
    records = [json.loads(r) for r in table.column("record").to_pylist()]
    check_records(records)
    assert event_schema()["title"]


def test_parquet_needs_a_directory(filled_store: Path) -> None:
    from gesta.errors import UsageError

    con = open_store(filled_store, read_only=True)
    with pytest.raises(UsageError):
        export(con, "parquet", io.StringIO())
    con.close()


def test_mapping_files_exist() -> None:
    for name in ("gdelt_events.csv", "acled.csv", "geo_types.csv"):
        assert (data_dir() / "formats" / name).is_file()
