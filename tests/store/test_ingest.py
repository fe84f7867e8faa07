"""Ingest with the real pipeline: idempotence, rejects, and a SIGKILL crash test."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
from store_helpers import check_records

from gesta.readers import ReadOptions
from gesta.resources import data_dir
from gesta.store import EventFilter, ingest, query_events
from gesta.store.db import store_snapshot
from gesta.store.synthetic import write_synthetic_jsonl

SAMPLES = data_dir().parent / "samples" / "articles.jsonl"


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    return store_snapshot(db)


def test_ingest_twice_adds_nothing(tmp_path: Path, pipeline: Any) -> None:
    db = tmp_path / "s.duckdb"
    first = ingest([str(SAMPLES)], db, pipeline=pipeline, batch_size=3)
    assert first.articles_new > 0 and first.events > 0 and first.rejects == 0
    before = snapshot(db)
    second = ingest([str(SAMPLES)], db, pipeline=pipeline)
    assert (second.articles_new, second.events, second.articles_already_stored) == (0, 0, first.articles_new)
    assert snapshot(db) == before
    records = list(query_events(db, EventFilter()))
    assert len(records) == first.events
    check_records(records)


def test_rejects_recorded_once(tmp_path: Path, pipeline: Any) -> None:
    source = write_synthetic_jsonl(tmp_path / "in.jsonl", 6, bad_every=3)
    db = tmp_path / "s.duckdb"
    paths = [str(source), str(tmp_path / "missing.txt")]
    first = ingest(paths, db, pipeline=pipeline, read_options=ReadOptions())
    assert (first.articles_new, first.rejects, first.rejects_new) == (4, 3, 3)
    second = ingest(paths, db, pipeline=pipeline)
    assert (second.rejects, second.rejects_new) == (3, 0)
    rows = duckdb.connect(str(db), read_only=True).execute(
        "SELECT file, line, reason FROM rejects ORDER BY file, line").fetchall()
    assert [(Path(f).name, line) for f, line, _ in rows] == [("in.jsonl", 3), ("in.jsonl", 6), ("missing.txt", None)]
    assert all(reason for _, _, reason in rows)


def _command(source: Path, db: Path) -> list[str]:
    return [sys.executable, "-c", "import sys; from gesta.cli import main; sys.exit(main())",
            "-v", "ingest", str(source), "--db", str(db), "--batch-size", "3"]


def _killed_run(source: Path, db: Path, commits: int, delay: float) -> None:
    """Start `gesta ingest`, SIGKILL it ``delay`` s after its ``commits``-th committed batch."""
    process = subprocess.Popen(_command(source, db), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    seen = 0
    assert process.stderr is not None
    for line in process.stderr:
        seen += "committed batch" in line
        if seen >= commits:
            time.sleep(delay)
            break
    os.kill(process.pid, signal.SIGKILL)
    process.wait()


def test_killed_ingest_resumes_to_the_same_database(tmp_path: Path) -> None:
    # every run is a subprocess, so all of them code with the same (current) pipeline code
    source = write_synthetic_jsonl(tmp_path / "in.jsonl", 40, bad_every=9)
    db = tmp_path / "killed.duckdb"
    for commits, delay in ((2, 0.0), (2, 0.05), (1, 0.11)):
        _killed_run(source, db, commits, delay)
    partial = snapshot(db)
    assert 0 < len(partial["articles"]) < 36
    reference = tmp_path / "reference.duckdb"
    for target in (db, reference):
        done = subprocess.run(_command(source, target), capture_output=True, text=True, check=False)
        assert done.returncode == 1, done.stderr  # 1: the malformed lines were rejected
    assert "already stored" in done.stdout
    assert snapshot(db) == snapshot(reference)
