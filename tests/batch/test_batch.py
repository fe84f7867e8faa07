"""gesta batch on a real local Dask cluster of two worker processes.

One cluster serves every test (starting workers and loading their pipelines takes seconds).
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

distributed = pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")

from gesta.batch import plan_partitions, run_batch
from gesta.batch.manifest import Manifest

PLACES = ["Mali", "Paris", "Nairobi", "Kampala", "Aleppo", "Kabul", "Lima", "Manila"]
N_ARTICLES, PARTITION = 40, 5


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as c:
        yield c


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    lines = []
    for i in range(N_ARTICLES):
        place = PLACES[i % len(PLACES)]
        text = f"Police arrested {i + 2} protesters in {place} on Monday. The government condemned the protest."
        lines.append(json.dumps({"id": f"art-{i:02d}", "title": f"Arrests in {place}", "text": text}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def coded_ids(out: Path) -> list[str]:
    return list(pq.read_table(out / "articles").column("article_id").to_pylist())


def assert_each_article_once(out: Path) -> None:
    ids = coded_ids(out)
    assert sorted(ids) == [f"art-{i:02d}" for i in range(N_ARTICLES)]
    assert len(Manifest(out).entries) == N_ARTICLES // PARTITION
    assert not list(out.glob("*/.part-*.tmp"))


def test_partitions_are_stable(corpus: Path) -> None:
    first = plan_partitions([str(corpus)], PARTITION)
    assert [p.id for p in first] == [p.id for p in plan_partitions([str(corpus)], PARTITION)]
    assert len(first) == N_ARTICLES // PARTITION and len({p.id for p in first}) == len(first)


def test_every_article_coded_once_and_resume(corpus: Path, tmp_path: Path, client: Any) -> None:
    out = tmp_path / "out"
    summary = run_batch([str(corpus)], out, partition_size=PARTITION, client=client)
    assert summary.coded == 8 and summary.articles == N_ARTICLES and not summary.failed
    assert_each_article_once(out)
    events = pq.read_table(out / "events")
    assert events.num_rows > 0 and json.loads(events.column("record")[0].as_py())["event_id"]
    again = run_batch([str(corpus)], out, partition_size=PARTITION)  # nothing to do: no cluster needed
    assert again.skipped == 8 and again.coded == 0
    # an interrupted run: the last partition's manifest line never got written
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    (out / "manifest.jsonl").write_text("\n".join(lines[:-1]) + "\n" + lines[-1][:10], encoding="utf-8")
    resumed = run_batch([str(corpus)], out, partition_size=PARTITION, client=client)
    assert resumed.coded == 1 and resumed.skipped == 7
    assert_each_article_once(out)


def test_killed_worker_run_completes(corpus: Path, tmp_path: Path, client: Any) -> None:
    out = tmp_path / "out"
    pids = list(client.run(os.getpid).values())
    result: dict[str, Any] = {}
    runner = threading.Thread(target=lambda: result.update(
        summary=run_batch([str(corpus)], out, partition_size=PARTITION, client=client)))
    runner.start()
    deadline = time.monotonic() + 40
    while not (out / "manifest.jsonl").is_file() and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(pids[0], signal.SIGKILL)
    runner.join(timeout=50)
    assert not runner.is_alive()
    summary = result["summary"]
    assert not summary.failed and summary.coded == 8
    assert_each_article_once(out)


def test_other_partition_size_is_refused(corpus: Path, tmp_path: Path) -> None:
    from gesta.errors import UsageError

    out = tmp_path / "out"
    out.mkdir()
    (out / "plan.json").write_text(json.dumps({"partition_size": 3}), encoding="utf-8")
    with pytest.raises(UsageError):
        run_batch([str(corpus)], out, partition_size=PARTITION)
