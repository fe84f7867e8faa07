"""gesta watch: files arriving while it runs, feeds, restarts, and a stop signal that loses nothing."""

from __future__ import annotations

import json
import os
import queue
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gesta.watch import JsonlSink, StoreSink, WatchOptions, run_watch
from gesta.watch.watcher import STATE_NAME, _put

FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire</title>
<item><guid>e1</guid><title>Rebels attack base</title><link>http://example.org/1</link>
<pubDate>Mon, 02 Sep 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Rebels attacked an army base in northern Mali on Monday.&lt;/p&gt;</description></item>
<item><guid>e2</guid><title>Talks</title><link>http://example.org/2</link>
<description>The French president met the German chancellor in Paris.</description></item>
</channel></rss>
"""


def article_line(i: int) -> str:
    return json.dumps({"id": f"w{i}", "title": f"Arrests {i}",
                       "text": f"Police arrested {i + 2} protesters in Kampala on Monday."}) + "\n"


def coded_ids(path: Path) -> list[str]:
    if not path.is_file():
        return []
    return [json.loads(line)["article_id"] for line in path.read_text(encoding="utf-8").splitlines()]


def wait_for(condition: Callable[[], bool], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.05)


def test_files_arriving_are_coded_once(tmp_path: Path, pipeline: Any) -> None:
    inbox, out = tmp_path / "in", tmp_path / "out.jsonl"
    inbox.mkdir()
    stop = threading.Event()

    def producer() -> None:
        (inbox / "a.jsonl").write_text(article_line(0) + article_line(1), encoding="utf-8")
        with (inbox / "b.jsonl").open("w", encoding="utf-8") as handle:  # written in two steps
            handle.write(article_line(2))
            handle.flush()
            time.sleep(0.3)
            handle.write(article_line(3))
        (inbox / "c.txt").write_text("Troops shelled the town of Idlib on Sunday.", encoding="utf-8")
        (inbox / ".hidden.txt").write_text("ignored", encoding="utf-8")
        wait_for(lambda: len(coded_ids(out)) >= 5)
        stop.set()

    helper = threading.Thread(target=producer)
    helper.start()
    options = WatchOptions(inbox, interval=0.1, settle=1.0)
    summary = run_watch(options, pipeline, JsonlSink(out, pipeline), stop)
    helper.join()
    ids = coded_ids(out)
    assert sorted(ids) == sorted(["w0", "w1", "w2", "w3", str(inbox / "c.txt")])
    assert summary.articles == 5 and summary.jobs == 3
    again = run_watch(WatchOptions(inbox, interval=0.05, once=True), pipeline, JsonlSink(out, pipeline))
    assert again.jobs == 0 and len(coded_ids(out)) == 5  # a restart redoes nothing


def test_feed_entries_from_a_local_file(tmp_path: Path, pipeline: Any) -> None:
    inbox, out, feed = tmp_path / "in", tmp_path / "out.jsonl", tmp_path / "feed.xml"
    inbox.mkdir()
    feed.write_text(FEED, encoding="utf-8")
    options = WatchOptions(inbox, feeds=(str(feed),), interval=0.05, once=True)
    summary = run_watch(options, pipeline, JsonlSink(out, pipeline))
    assert summary.articles == 2
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {line["article_id"] for line in lines} == {"e1", "e2"}
    assert any(line["events"] for line in lines)
    assert run_watch(options, pipeline, JsonlSink(out, pipeline)).articles == 0


def test_sigterm_finishes_the_current_job_and_loses_nothing(tmp_path: Path, pipeline: Any) -> None:
    inbox, out = tmp_path / "in", tmp_path / "out.jsonl"
    inbox.mkdir()
    for n in range(6):
        (inbox / f"f{n}.jsonl").write_text(article_line(n), encoding="utf-8")
    previous = signal.getsignal(signal.SIGTERM)

    def stopper() -> None:
        wait_for(lambda: len(coded_ids(out)) >= 1)
        os.kill(os.getpid(), signal.SIGTERM)

    helper = threading.Thread(target=stopper)
    helper.start()
    options = WatchOptions(inbox, interval=0.05, queue_size=2)
    first = run_watch(options, pipeline, JsonlSink(out, pipeline))
    helper.join()
    assert signal.getsignal(signal.SIGTERM) == previous  # the handler is restored
    ledger = (inbox / STATE_NAME).read_text(encoding="utf-8").splitlines()
    assert len(ledger) == first.jobs == len(coded_ids(out))  # every committed job is recorded
    rest = run_watch(WatchOptions(inbox, interval=0.05, once=True), pipeline, JsonlSink(out, pipeline))
    assert first.jobs + rest.jobs == 6
    assert sorted(coded_ids(out)) == [f"w{n}" for n in range(6)]


def test_full_queue_waits_and_gives_up_on_stop() -> None:
    jobs: queue.Queue[Any] = queue.Queue(maxsize=1)
    stop = threading.Event()
    assert _put(jobs, "first", stop)
    stop.set()
    assert not _put(jobs, "second", stop) and jobs.qsize() == 1


def test_store_sink(tmp_path: Path, pipeline: Any) -> None:
    duckdb = pytest.importorskip("duckdb")
    db = tmp_path / "w.duckdb"
    sink = StoreSink(db, pipeline)
    sink.write(pipeline("Rebels attacked an army base in northern Mali.", article_id="s1"))
    sink.flush()
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    finally:
        con.close()
