"""Fixtures shared by the whole suite: one pipeline, the record validator, the shared data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = REPO / "src" / "gesta" / "samples"


@pytest.fixture(scope="session")
def pipeline() -> Any:
    """The default pipeline, built once per session (loading it takes seconds)."""
    import gesta

    return gesta.load()


@pytest.fixture(scope="session")
def validate_record() -> Callable[[dict[str, Any]], None]:
    """Validate one event record against ``gesta schema`` (JSON Schema Draft 2020-12)."""
    from jsonschema import Draft202012Validator

    from gesta.records import event_schema

    schema = event_schema()
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)

    def validate(record: dict[str, Any]) -> None:
        errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
        if errors:
            raise AssertionError(
                "record does not match the schema:\n"
                + "\n".join(f"  {list(e.path)}: {e.message}" for e in errors)
            )

    return validate


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``<repo>/../shared`` (read-only data); skips the test when it is not there."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data directory not available at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    path = shared_dir / "samples" / "seed-article.txt"
    if not path.is_file():
        pytest.skip(f"seed article not available at {path}")
    return path


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    """The sample articles packaged with gesta."""
    return SAMPLES
