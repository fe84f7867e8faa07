"""Every filter of query_events, ordering and pagination; records stay schema-valid."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from store_helpers import check_records

from gesta.errors import StoreError, UsageError
from gesta.store import EventFilter, query_events


def ids(db: Path, **filters: object) -> list[str]:
    records = list(query_events(db, EventFilter(**filters)))  # type: ignore[arg-type]
    check_records(records)
    return [r["article_id"] for r in records]


def test_no_filter_returns_all_in_date_order(filled_store: Path) -> None:
    assert ids(filled_store) == ["k1", "k2", "k3", "k4"]


@pytest.mark.parametrize(("filters", "expected"), [
    ({"since": dt.date(2024, 3, 20)}, ["k2", "k3", "k4"]),
    ({"until": dt.date(2024, 3, 20)}, ["k1", "k2"]),
    ({"since": dt.date(2024, 4, 1), "until": dt.date(2024, 4, 2)}, ["k3"]),
    ({"country": "ukr"}, ["k1"]),
    ({"country": "PSE"}, ["k2"]),
    ({"country": "KEN"}, ["k4"]),
    ({"actor": "ISR"}, ["k2"]),
    ({"actor": "RUSMIL"}, ["k1"]),
    ({"actor": "PSEREB"}, ["k2"]),
    ({"cameo": "19"}, ["k1", "k2"]),
    ({"cameo": "190"}, ["k1", "k2"]),
    ({"cameo": "14"}, ["k3"]),
    ({"cameo": "04"}, ["k4"]),
    ({"plover": "assault"}, ["k1", "k2"]),
    ({"plover": "PROTEST"}, ["k3"]),
    ({"acled": "Battles"}, ["k1", "k2"]),
    ({"acled": "protests"}, ["k3"]),
    ({"near": (50.0, 36.2, 25.0)}, ["k1"]),
    ({"near": (31.5, 34.5, 10.0)}, ["k2"]),
    ({"near": (0.0, 0.0, 100.0)}, []),
    ({"plover": "ASSAULT", "country": "UKR"}, ["k1"]),
])
def test_filters(filled_store: Path, filters: dict, expected: list[str]) -> None:
    assert ids(filled_store, **filters) == expected


def test_pagination_is_stable(filled_store: Path) -> None:
    pages = [ids(filled_store, limit=2, offset=o) for o in (0, 2, 4)]
    assert pages == [["k1", "k2"], ["k3", "k4"], []]


def test_counts_are_attached(filled_store: Path) -> None:
    record = next(query_events(filled_store, EventFilter(limit=1)))
    assert (record["num_mentions"], record["num_articles"], record["num_sources"]) == (1, 1, 1)
    assert len(record["merged_id"]) == 24


def test_bad_near_is_a_usage_error(filled_store: Path) -> None:
    with pytest.raises(UsageError):
        list(query_events(filled_store, EventFilter(near=(100.0, 0.0, 5.0))))


def test_missing_database_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        list(query_events(tmp_path / "none.duckdb"))
