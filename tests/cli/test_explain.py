"""``gesta explain``, in process."""

from __future__ import annotations

import json
from typing import Any

import pytest

from gesta.cli import main


@pytest.fixture
def fast_load(pipeline: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import gesta.cli.explain

    def load(settings: Any = None, **overrides: Any) -> Any:
        assert settings is None or (not settings.actor_files and not settings.pattern_files)
        return pipeline

    monkeypatch.setattr(gesta.cli.explain, "load", load)


SENTENCE = "The EU and the US imposed sanctions on Russia."


def test_rich_output(fast_load: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", SENTENCE]) == 0
    out = capsys.readouterr().out
    for title in ("parse", "actors", "patterns that fired", "patterns that nearly fired"):
        assert title in out
    assert SENTENCE in out
    assert "imposed" in out and "impose" in out  # form and lemma
    assert "IGOEUREEC" in out and "USA" in out and "RUS" in out
    assert "163" in out


def test_json_output(fast_load: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", SENTENCE, "--json", "--published", "2022-02-23", "--near", "3"]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert item["text"] == SENTENCE
    assert set(item) == {"text", "tokens", "mentions", "fired", "near", "note"}
    assert item["note"] is None
    assert [m["code"] for m in item["mentions"]] == ["IGOEUREEC", "USA", "RUS"]
    assert any(f["cameo"] == "163" and f["target"] == "RUS" for f in item["fired"])
    assert len(item["near"]) <= 3
    assert all({"trigger", "rule", "cameo", "why_not", "origin"} <= set(n) for n in item["near"])


def test_nothing_to_explain_is_an_error(fast_load: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "   "]) == 1
    err = capsys.readouterr().err
    assert err.startswith("gesta: error:") and "empty" in err and "Traceback" not in err


@pytest.mark.parametrize("argv", [["explain"], ["explain", "x", "--published", "23.02.2022"],
                                  ["explain", "x", "--near", "many"], ["explain", "x", "--bogus"]])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert "usage:" in capsys.readouterr().err
