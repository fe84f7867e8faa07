"""``gesta evaluate``, in process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gesta.cli import main


@pytest.fixture
def fast_load(pipeline: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import gesta.cli.evaluate

    def load(settings: Any = None, **overrides: Any) -> Any:
        assert settings is None or (not settings.actor_files and not settings.pattern_files)
        return pipeline

    monkeypatch.setattr(gesta.cli.evaluate, "load", load)


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    records = [
        {"id": "1", "text": "France condemned Russia.", "published": "2022-02-23",
         "expected": [{"source": "FRA", "target": "RUS", "plover": "ACCUSE"}]},
        {"id": "2", "text": "Russia threatened Ukraine.", "event": "THREATEN",
         "source": [{"actorText": "Russia", "code": "RUS"}], "target": [{"actorText": "Ukraine", "code": "UKR"}]},
        {"id": "3", "text": "Washington imposed new sanctions on Moscow.",
         "expected": [{"source": "USA", "target": "RUS", "cameo": "163"}], "forbidden": [{"cameo": "19"}]},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    return path


def test_report_and_json_figures(fast_load: None, gold: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    figures = tmp_path / "out" / "figures.json"
    figures.parent.mkdir()
    assert main(["evaluate", str(gold), "--json", str(figures)]) == 0
    out = " ".join(capsys.readouterr().out.split())  # rich wraps long lines
    assert f"{gold}: 3 records" in out
    assert "event-type accuracy 1.000" in out
    assert "PLOVER type" in out and "overall" in out and "confusion" in out
    data = json.loads(figures.read_text())
    summary = data[str(gold)]
    assert summary["records"] == 3
    assert summary["type_accuracy"] == 1.0
    assert summary["triple"]["tp"] == 3 and summary["triple"]["fn"] == 0
    assert summary["forbidden_hits"] == 0
    assert set(summary["per_type"]) >= {"ACCUSE", "THREATEN", "SANCTION"}


def test_several_gold_files(fast_load: None, gold: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"text": "Russia threatened Ukraine.", "expected": [{"plover": "CONSULT"}]}) + "\n")
    figures = tmp_path / "f.json"
    assert main(["evaluate", str(gold), str(other), "--json", str(figures)]) == 0
    data = json.loads(figures.read_text())
    assert list(data) == [str(gold), str(other)]
    assert data[str(other)]["type_accuracy"] == 0.0
    assert data[str(other)]["confusion"] == {"CONSULT->THREATEN": 1}


def test_bad_gold_line_is_an_input_error(fast_load: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"text": "Russia threatened Ukraine.", "event": "THREATEN"}) + "\n{oops\n")
    assert main(["evaluate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:2: bad gold record" in err and "Traceback" not in err


def test_missing_gold_file_is_a_usage_error(fast_load: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(tmp_path / "absent.jsonl")]) == 2
    assert "no such gold file" in capsys.readouterr().err


def test_missing_second_gold_file_fails_before_scoring(
    gold: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import gesta.cli.evaluate

    def no_load(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the pipeline was loaded before the gold paths were checked")

    monkeypatch.setattr(gesta.cli.evaluate, "load", no_load)
    figures = tmp_path / "f.json"
    assert main(["evaluate", str(gold), str(tmp_path / "absent.jsonl"), "--json", str(figures)]) == 2
    captured = capsys.readouterr()
    assert "absent.jsonl: no such gold file" in captured.err
    assert captured.out == "" and not figures.exists()


@pytest.mark.parametrize("argv", [["evaluate"], ["evaluate", "g.jsonl", "--json"]])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert "usage:" in capsys.readouterr().err
