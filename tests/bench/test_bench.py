"""gesta bench: the figures it reports (keys and sane values; no timing thresholds)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gesta.bench import BenchOptions, run_bench
from gesta.bench.timing import StageClock, TimedStage
from gesta.errors import UsageError

ARTICLES = [
    ("Rebels attack army base", ("Rebels attacked an army base in northern Mali on Monday, officials said.\n\n"
                                 "The government condemned the attack. Talks with the rebels were suspended.")),
    ("Leaders meet in Paris", ("The French president met the German chancellor in Paris on Tuesday.\n\n"
                               "They discussed trade and security.")),
    ("Protest in Nairobi", "Thousands of students protested in Nairobi against higher fees."),
]
REQUIRED = ("sentences_per_s", "articles_per_s", "words_per_s", "floor_words_per_s",
            "fraction_of_floor", "peak_rss_mb", "stage_shares")


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    lines = [json.dumps({"id": f"a{i}", "title": t, "text": x}) for i, (t, x) in enumerate(ARTICLES)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_full_pass_reports_every_figure(corpus: Path, pipeline: Any) -> None:
    result = run_bench(BenchOptions(corpus), pipeline=pipeline)
    for key in REQUIRED:
        assert key in result, key
    assert result["articles"] == len(ARTICLES)
    assert result["sentences"] >= len(ARTICLES)
    assert result["words"] > 20 and result["words_per_s"] > 0 and result["floor_words_per_s"] > 0
    assert 0 < result["fraction_of_floor"] < 1.5
    assert result["peak_rss_mb"] > 50
    shares = result["stage_shares"]
    assert {"read", "parse", "events"} <= set(shares)
    assert sum(shares.values()) == pytest.approx(1.0, abs=0.01)
    assert all(0 <= share <= 1 for share in shares.values())
    assert result["machine"]["cores"] >= 1


def test_stage_cuts_the_pipeline(corpus: Path, pipeline: Any) -> None:
    result = run_bench(BenchOptions(corpus, stage="parse", floor=False), pipeline=pipeline)
    assert result["stages"][-1] == "parse"
    assert "events" not in result["stage_shares"]
    assert result["fraction_of_floor"] is None
    read = run_bench(BenchOptions(corpus, stage="read", floor=False), pipeline=pipeline)
    assert read["stages"] == [] and read["articles"] == len(ARTICLES)


def test_limit_and_bad_stage(corpus: Path, pipeline: Any) -> None:
    result = run_bench(BenchOptions(corpus, stage="actors", limit=1, floor=False), pipeline=pipeline)
    assert result["articles"] == 1
    with pytest.raises(UsageError):
        run_bench(BenchOptions(corpus, stage="nonsense"), pipeline=pipeline)


def test_timed_stage_keeps_the_stage_interface() -> None:
    class Upper:
        name = "upper"
        requires: frozenset[str] = frozenset()
        provides = frozenset({"upper"})

        def __call__(self, article: Any) -> Any:
            return article

    clock = StageClock()
    timed = TimedStage(Upper(), clock)
    assert timed.name == "upper" and timed.provides == frozenset({"upper"})
    timed("x")
    assert clock.seconds["upper"] >= 0 and clock.shares() == {"upper": 1.0}


def test_cli_writes_json(corpus: Path, tmp_path: Path, pipeline: Any, monkeypatch: pytest.MonkeyPatch,
                         capsys: pytest.CaptureFixture[str]) -> None:
    from gesta.bench import run as bench_run
    from gesta.cli import main

    monkeypatch.setattr(bench_run, "_load", lambda settings: pipeline)
    out = tmp_path / "bench.json"
    assert main(["bench", str(corpus), "--no-pin", "--json", str(out)]) == 0
    figures = json.loads(out.read_text(encoding="utf-8"))
    for key in REQUIRED:
        assert key in figures, key
    assert "sentences/s" in capsys.readouterr().out


def test_cli_missing_corpus_is_a_usage_error(tmp_path: Path) -> None:
    from gesta.cli import main

    assert main(["bench", str(tmp_path / "missing.jsonl"), "--no-pin"]) in (1, 2)
