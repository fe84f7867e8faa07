"""A user dictionary (``gesta.load(actor_files=...)``) adds actors to the packaged ones."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import gesta

USER_FILE = Path(__file__).resolve().parents[1] / "data" / "actors" / "user-groups.yaml"


@pytest.fixture(scope="module")
def user_pipeline(pipeline: Any) -> Any:
    """One more pipeline with the user dictionary; the session's parser is reused (loading it
    again would only cost time), everything else is built by ``gesta.load``."""
    patcher = pytest.MonkeyPatch()
    patcher.setattr("gesta.nlp.model.load_parser", lambda *args, **kwargs: pipeline.context.nlp)
    try:
        yield gesta.load(actor_files=(USER_FILE,))
    finally:
        patcher.undo()


def test_user_actor_is_recognised(user_pipeline: Any) -> None:
    article = user_pipeline("The Quorvath Liberation Front attacked Russian troops.", published="2022-02-23")
    coded = {m.actor.text: m.actor for m in article.mentions}
    assert coded["Quorvath Liberation Front"].code == "UKRREBQZL"
    assert coded["Quorvath Liberation Front"].sector == "REB"
    assert coded["Russian troops"].code == "RUSMIL"  # the packaged dictionaries are still there
    assert str(USER_FILE) in user_pipeline.context.actors.files


def test_default_pipeline_does_not_know_the_user_actor(pipeline: Any) -> None:
    article = pipeline("The Quorvath Liberation Front attacked Russian troops.")
    assert "UKRREBQZL" not in {m.actor.code for m in article.mentions}
