"""``gesta info``, in process."""

from __future__ import annotations

import json
from typing import Any

import pytest

from gesta.cli import main
from gesta.nlp.model import DEFAULT_MODEL_PATH


@pytest.fixture
def fast_load(pipeline: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import gesta.cli.info

    def load(settings: Any = None, **overrides: Any) -> Any:
        assert settings is None or (not settings.actor_files and not settings.pattern_files)
        return pipeline

    monkeypatch.setattr(gesta.cli.info, "load", load)


def test_text_output(fast_load: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("gesta ")
    for part in ("parser:", "components:", "actor dictionaries:", "event patterns:", "CAMEO codes", "stages:", "cache:",
                 "classifier (--ml):"):
        assert part in out
    assert "gesta.actors.v1 -> gesta.events.v1" in out
    ewt = json.loads((DEFAULT_MODEL_PATH / "gesta_meta.json").read_text(encoding="utf-8"))["scores"]["ewt_test"]
    for key in ("las", "las_gold_sentences", "las_universal_gold_sentences"):
        assert f"{key} {ewt[key]}" in out  # the packaged model's recorded scores, as recorded


def test_json_output(fast_load: None, pipeline: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["actors"]["phrases"] == len(pipeline.context.actors.index) > 1000
    assert len(info["actors"]["files"]) == 7
    assert info["patterns"]["patterns"] == len(pipeline.context.patterns)
    assert all(f.endswith(".yaml") for f in info["patterns"]["files"])
    assert info["cameo_codes"] == len(pipeline.context.codebook.cameo)
    assert "gesta.actors.v1" in info["stages"] and "gesta.events.v1" in info["stages"]
    assert {"name", "version"} <= set(info["parser"])
    from gesta.ml.heads import load_heads

    meta = load_heads().meta
    assert info["ml"]["encoder"] == meta["encoder"]
    assert info["ml"]["cv_accuracy"]["plover"] == meta["cv"]["plover"]["accuracy"]
    assert info["ml"]["tuned_layers"] == meta.get("tuned_layers", {}).get("layers", [])


def test_missing_heads_are_reported_not_fatal(fast_load: None, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    import gesta.ml.heads

    monkeypatch.setattr(gesta.ml.heads, "packaged_heads_dir", lambda: tmp_path)
    assert main(["info"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("classifier (--ml):"))
    assert "heads: " in line and "classifier heads missing" in line


def test_cache_off_is_reported(fast_load: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GESTA_CACHE_DIR", "off")
    assert main(["info", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["cache"] == "off"
    assert main(["info"]) == 0
    assert "cache: off" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["info", "extra"], ["info", "--jsn"]])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert "usage:" in capsys.readouterr().err
