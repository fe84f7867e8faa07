"""Full crash test: SIGKILL `gesta ingest` 20 times on 2,000 generated articles, then compare.

Each run is killed a random moment after a random number of committed batches; the last run
completes. The result must equal an uninterrupted ingest of the same input (articles,
events, merged ids, sentences, rejects, LSH bands).
Usage: .venv/bin/python benchmarks/kill_test.py [--articles 2000] [--kills 20]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gesta.store.db import SNAPSHOT_QUERIES, store_snapshot
from gesta.store.synthetic import write_synthetic_jsonl


def command(source: Path, db: Path, batch: int) -> list[str]:
    return [sys.executable, "-c", "import sys; from gesta.cli import main; sys.exit(main())",
            "-v", "ingest", str(source), "--db", str(db), "--batch-size", str(batch)]


def killed_run(source: Path, db: Path, batch: int, rng: random.Random) -> int:
    process = subprocess.Popen(command(source, db, batch), stderr=subprocess.PIPE,
                               stdout=subprocess.DEVNULL, text=True)
    wanted, seen = rng.randint(1, 4), 0
    assert process.stderr is not None
    for line in process.stderr:
        seen += "committed batch" in line
        if seen >= wanted:
            time.sleep(rng.uniform(0, 0.3))
            break
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    return seen


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    return store_snapshot(db)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()
    rng = random.Random(11)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        source = write_synthetic_jsonl(Path(tmp) / "in.jsonl", args.articles, bad_every=97)
        db, reference = Path(tmp) / "killed.duckdb", Path(tmp) / "reference.duckdb"
        for _ in range(args.kills):
            killed_run(source, db, args.batch_size, rng)
        subprocess.run(command(source, db, args.batch_size), capture_output=True, check=False)
        subprocess.run(command(source, reference, args.batch_size), capture_output=True, check=False)
        got, want = snapshot(db), snapshot(reference)
    same = got == want
    result = {"benchmark": "kill_test", "date": dt.date.today().isoformat(), "articles": args.articles,
              "kills": args.kills, "identical": same, "articles_stored": len(got["articles"]),
              "events_stored": len(got["events"]), "rejects": len(got["rejects"]),
              "differences": [name for name in SNAPSHOT_QUERIES if got[name] != want[name]],
              "seconds": round(time.perf_counter() - started, 1)}
    print(json.dumps(result, indent=2))
    out = Path(__file__).parent / "results" / f"{dt.date.today().isoformat()}-store.json"
    existing = json.loads(out.read_text()) if out.exists() else {}
    existing["kill_test"] = result
    out.write_text(json.dumps(existing, indent=2) + "\n")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
