"""Store test fixtures: one pipeline per session, a store filled with hand-made events."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from store_helpers import make_article, make_record


@pytest.fixture(scope="session")
def pipeline() -> Any:
    from gesta.api import load

    return load()


@pytest.fixture()
def record_factory() -> Callable[..., dict[str, Any]]:
    return make_record


@pytest.fixture()
def filled_store(tmp_path: Path) -> Path:
    """A store with hand-made events: several days, countries, types and places."""
    from gesta.store import store_coded

    items = []
    specs = [
        ("k1", "site-1", {}),
        ("k2", "site-2", {"date": "2024-03-20", "location": {"name": "Gaza", "country": "PSE", "admin1": None,
                                                              "lat": 31.5, "lon": 34.47, "precision": 3},
                          "source": {"text": "Israeli troops", "code": "ISRMIL", "country": "ISR", "sector": "MIL",
                                     "name": None},
                          "target": {"text": "Hamas", "code": "PSEREB", "country": "PSE", "sector": "REB",
                                     "name": "Hamas"}}),
        ("k3", "site-3", {"date": "2024-04-02", "cameo": {"code": "141", "root": "14", "name": "Demonstrate or rally"},
                          "plover": {"type": "PROTEST", "mode": "demonstrate", "context": None},
                          "acled": {"event_type": "Protests", "sub_event_type": "Peaceful protest"},
                          "quad_class": 3, "goldstein": -6.5, "location": None, "fatalities": None,
                          "source": {"text": "protesters", "code": "GEOOPP", "country": "GEO", "sector": "OPP",
                                     "name": None}, "target": None}),
        ("k4", "site-4", {"date": "2024-04-03", "cameo": {"code": "042", "root": "04", "name": "Make a visit"},
                          "plover": {"type": "CONSULT", "mode": "visit", "context": None}, "acled": None,
                          "quad_class": 1, "goldstein": 1.9, "fatalities": None,
                          "location": {"name": "Nairobi", "country": "KEN", "admin1": "Nairobi", "lat": -1.29,
                                       "lon": 36.82, "precision": 3},
                          "source": {"text": "Scholz", "code": "DEUGOV", "country": "DEU", "sector": "GOV",
                                     "name": "Olaf Scholz"},
                          "target": {"text": "Kenya", "code": "KEN", "country": "KEN", "sector": None, "name": None}}),
    ]
    for i, (aid, outlet, changes) in enumerate(specs):
        article = make_article(aid, outlet, text=f"Independent report number {i} about {aid}. " * 5)
        items.append((article, [make_record(article, 0, **changes)]))
    db = tmp_path / "filled.duckdb"
    store_coded(items, db)
    return db
