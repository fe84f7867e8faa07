from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def pipeline():
    import gesta.api as api

    return api.load()
