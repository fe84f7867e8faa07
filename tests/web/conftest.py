"""Web test fixtures: a store filled from the bundled samples (through the store), apps on copies."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Path:
    """A store with every bundled sample article, coded by the real pipeline (built once)."""
    from gesta.api import event_records
    from gesta.errors import InputError
    from gesta.samples import sample_articles
    from gesta.store import store_coded

    items = []
    for article in sample_articles():
        if isinstance(article, InputError):
            continue
        coded = pipeline.run(article)
        items.append((coded, event_records(coded, pipeline)))
    db = tmp_path_factory.mktemp("web") / "samples.duckdb"
    store_coded(items, db)
    return db


@pytest.fixture()
def store_copy(sample_store: Path, tmp_path: Path) -> Path:
    """A private copy of the sample store (tests may write to it)."""
    target = tmp_path / "store.duckdb"
    shutil.copy(sample_store, target)
    return target


@pytest.fixture()
def client(store_copy: Path, pipeline: Any) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from gesta.web import create_app

    app = create_app(store_copy, pipeline_factory=lambda: pipeline)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
