"""``gesta actors lookup``, in process."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gesta.cli import main

DATA = Path(__file__).resolve().parents[1] / "data" / "actors"


@pytest.fixture
def fast_load(pipeline: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Default settings get the session pipeline; other settings build one with its parser."""
    import gesta.api
    import gesta.cli.actors

    real_load = gesta.api.load

    def load(settings: Any = None, **overrides: Any) -> Any:
        if settings is None or (not settings.actor_files and not settings.pattern_files):
            return pipeline
        return real_load(settings, **overrides)

    monkeypatch.setattr(gesta.cli.actors, "load", load)
    monkeypatch.setattr("gesta.nlp.model.load_parser", lambda *args, **kwargs: pipeline.context.nlp)


def test_lookup_person_on_date(fast_load: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actors", "lookup", "Putin", "--date", "2010-01-01"]) == 0
    out = capsys.readouterr().out
    assert "'Putin' on 2010-01-01:" in out
    assert "person" in out and "name=Vladimir Putin" in out and "people.yaml:" in out
    role_lines = [line for line in out.splitlines() if "role " in line]
    active = [line for line in role_lines if "* " in line]
    assert len(active) == 1 and "head_of_government" in active[0] and "2008-05-08" in active[0]
    assert "coded in context:" in out and "-> RUSGOV" in out


def test_lookup_composed_phrase(fast_load: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actors", "lookup", "Russian troops"]) == 0
    out = capsys.readouterr().out
    assert "no dictionary entry for this exact phrase" in out
    assert "'Russian troops' -> RUSMIL" in out


def test_lookup_leading_article_skipped(fast_load: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actors", "lookup", "the Kremlin"]) == 0
    out = capsys.readouterr().out
    assert "seat" in out and "country=RUS" in out


def test_lookup_nothing(fast_load: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actors", "lookup", "a quiet valley"]) == 0
    out = capsys.readouterr().out
    assert "coded in context: nothing" in out


def test_lookup_with_user_dictionary(fast_load: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actors", "lookup", "Quorvath Front", "--actors", str(DATA / "user-groups.yaml")]) == 0
    out = capsys.readouterr().out
    assert "UKRREBQZL" in out and "user-groups.yaml:" in out


def test_bad_user_dictionary_is_a_clear_error(
    fast_load: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # only the user file: the packaged dictionaries would take ~20 s to parse before the error
    monkeypatch.setattr("gesta.actors.dictionary.packaged_actor_files", lambda: [])
    bad = DATA / "bad-people.yaml"
    assert main(["actors", "lookup", "Putin", "--actors", str(bad)]) == 1
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert "Traceback" not in captured.err
    assert len(err.splitlines()) == 1
    assert err.startswith("gesta: error: ")
    assert f"{bad}:9" in err and "'end'" in err and "ends before it starts" in err


def test_missing_user_dictionary_is_a_usage_error(fast_load: None, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["actors", "lookup", "Putin", "--actors", str(tmp_path / "absent.yaml")]) == 2
    assert "no such file" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["actors"], ["actors", "lookup"], ["actors", "lookup", "Putin", "--date", "yesterday"]])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert "usage:" in capsys.readouterr().err
