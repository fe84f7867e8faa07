"""The store commands end to end: ingest, events, stats, sql, export, rejects."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import jsonschema
import pytest

from gesta.cli import main
from gesta.records import event_schema

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from store_helpers import make_article, make_record

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "gesta" / "samples" / "articles.jsonl"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from gesta.store import store_coded

    db = tmp_path_factory.mktemp("cli") / "cli.duckdb"
    items = []
    for i, outlet in enumerate(("site-1", "site-2")):
        article = make_article(f"c{i}", outlet, text=f"Report {i} on the attack near Kharkiv. " * 4)
        items.append((article, [make_record(article)]))
    store_coded(items, db)
    return db


def test_ingest_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.duckdb"
    assert main(["ingest", str(SAMPLES), str(tmp_path / "missing.txt"), "--db", str(db)]) == 1
    out, err = capsys.readouterr()
    assert "new article(s)" in out and "gesta events --db" in out and "missing.txt" in err
    assert main(["ingest", str(SAMPLES), "--db", str(db), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["articles_new"] == 0 and summary["articles_already_stored"] > 0
    assert main(["rejects", "--db", str(db)]) == 0
    assert "missing.txt: no such file" in capsys.readouterr().out


def test_events_command(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--db", str(store), "--format", "jsonl", "--cameo", "19", "--country", "UKR",
                 "--near", "50,36.2,30", "--since", "2024-03-01", "--plover", "ASSAULT", "--acled", "Battles",
                 "--actor", "RUS", "--limit", "5"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(records) == 2 and records[0]["num_articles"] == 2
    for record in records:
        jsonschema.validate(record, event_schema())
    assert main(["events", "--db", str(store), "--merged", "--format", "csv"]) == 0
    assert len(list(csv.DictReader(io.StringIO(capsys.readouterr().out)))) == 1
    assert main(["events", "--db", str(store), "--near", "nonsense"]) == 2


def test_stats_sql_export(store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--db", str(store), "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["totals"]["events"] == 2 and stats["totals"]["merged_events"] == 1
    assert main(["sql", "SELECT count(*) AS n FROM events", "--db", str(store), "--format", "csv"]) == 0
    assert capsys.readouterr().out.split() == ["n", "2"]
    assert main(["sql", "DROP TABLE events", "--db", str(store)]) == 2
    assert "read-only" in capsys.readouterr().err
    out = tmp_path / "e.tsv"
    assert main(["export", "--db", str(store), "--format", "gdelt", "-o", str(out)]) == 0
    assert [len(line.split("\t")) for line in out.read_text().splitlines()] == [61]
    assert main(["export", "--db", str(store), "--format", "parquet"]) == 2


def test_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--db", str(tmp_path / "none.duckdb")]) == 1
    assert "gesta ingest" in capsys.readouterr().err
