"""`--ml` adds the classify stage; without the extra it says how to enable it."""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

import pytest

from gesta.cli import main
from gesta.cli.common import add_settings_options, settings_from


def test_ml_flag_adds_the_classify_stage_after_events() -> None:
    parser = argparse.ArgumentParser()
    add_settings_options(parser)
    stages = settings_from(parser.parse_args(["--ml"])).stages
    assert stages.index("gesta.classify.v1") == stages.index("gesta.events.v1") + 1
    assert "gesta.classify.v1" not in settings_from(parser.parse_args([])).stages


@pytest.mark.skipif(importlib.util.find_spec("torch") is not None, reason="the ml extra is installed here")
def test_without_the_extra_ml_says_how_to_install(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Russia attacked Ukraine.\n", encoding="utf-8")
    assert main(["code", "--ml", "--format", "jsonl", str(article)]) == 1
    err = capsys.readouterr().err
    assert "gesta[ml]" in err and "Traceback" not in err
