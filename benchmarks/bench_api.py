"""HTTP API latency under load: ``/api/events`` (country + month) from 20 concurrent clients
while 1,000 articles are ingested through ``POST /api/articles`` (coded by the real pipeline).

1. Generates N synthetic events (default 1,000,000) straight into a store with SQL ``range()``
   (articles, evidence sentences and events with full JSON records; sorted by day, as a store
   filled in time order is), unless the file already holds them; every run then works on a fresh
   copy of it, so that runs start from the same store.
2. Starts ``gesta serve`` on a free loopback port (a separate process: the one writer, reader
   pool and pipeline as in production) and waits until the pipeline is loaded.
3. Runs the ingest (``store.synthetic`` articles, posted in batches) and, at the same time,
   ``--clients`` clients that each send ``--requests`` queries (bounded loops; stops by itself),
   spread over ``--client-processes`` processes.
4. Writes p50/p90/p99/max, the server's CPU time per query (user + system of the server
   process, which does not depend on how busy the machine is) and the load average before,
   during and after to ``benchmarks/results/<date>-api.json`` (or ``--out``).

Usage: .venv/bin/python benchmarks/bench_api.py [--events 1000000] [--articles 1000] [--clients 20]
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime as dt
import importlib.util
import json
import shutil
import logging
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import psutil

from gesta.store import open_store
from gesta.store.schema import MERGED_ID_SQL, refresh_merged_counts
from gesta.store.synthetic import synthetic_article

log = logging.getLogger("bench_api")
ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
COUNTRIES = ["USA", "RUS", "UKR", "CHN", "IND", "IRN", "ISR", "SYR", "SDN", "NGA", "BRA", "FRA", "DEU", "TUR",
             "PAK", "AFG", "IRQ", "YEM", "ETH", "MEX"]
FIRST_DAY = dt.date(2024, 1, 1)
DAYS = 366
PER_ARTICLE = 10
TARGET_P99_MS = 150.0

EVENTS_SQL = """
CREATE OR REPLACE TEMP TABLE gen AS
SELECT i, printf('%024x', i) AS event_id, printf('%064x', i // {per}) AS article_hash, (i % {per})::INTEGER AS sent,
       DATE '{first}' + (i * {days} // {total})::INTEGER AS day,
       {countries}[(hash(i * 7) % 20 + 1)::INTEGER] AS c1, {countries}[(hash(i * 13) % 20 + 1)::INTEGER] AS c2,
       ['190','193','141','042','111','173','057','036'][(hash(i * 3) % 8 + 1)::INTEGER] AS cam
FROM range(?, ?) t(i)
"""
INSERT_SQL = """
INSERT INTO events (event_id, article_hash, sentence_index, seq, date, day, published, source_code, source_country,
    target_code, target_country, cameo_code, cameo_root, plover_type, acled_event_type, lat, lon, location_country,
    location_admin1, location_name, quad_class, goldstein, fatalities, negated, speaker_code, speaker_text, cue,
    record, denial, merged_id)
SELECT event_id, article_hash, sent, i, day, day, day, c1 || 'GOV', c1, c2 || 'MIL', c2, cam, substr(cam, 1, 2),
       plover, NULL, lat, lon, c2, NULL, c2 || ' city', quad, gold, NULL, false, NULL, NULL, NULL,
       json_object('event_id', event_id, 'article_id', 'bench-' || (i // {per}), 'section', 'body',
         'sentence_index', sent,
         'evidence', json_object('text', c1 || ' officials and ' || c2 || ' troops, event ' || i, 'start', sent * 60,
                                 'end', sent * 60 + 40, 'field', 'text', 'trigger', NULL),
         'date', CAST(day AS VARCHAR), 'date_text', NULL,
         'source', json_object('text', c1 || ' officials', 'code', c1 || 'GOV', 'country', c1, 'sector', 'GOV', 'name', NULL),
         'target', json_object('text', c2 || ' troops', 'code', c2 || 'MIL', 'country', c2, 'sector', 'MIL', 'name', NULL),
         'cameo', json_object('code', cam, 'root', substr(cam, 1, 2), 'name', 'synthetic'),
         'plover', json_object('type', plover, 'mode', NULL, 'context', NULL), 'acled', NULL,
         'quad_class', quad, 'goldstein', gold,
         'location', json_object('name', c2 || ' city', 'country', c2, 'admin1', NULL, 'lat', lat, 'lon', lon, 'precision', 3),
         'fatalities', NULL, 'injured', NULL, 'size', NULL, 'attribution', NULL,
         'modality', json_object('negated', false, 'hypothetical', false, 'future', false),
         'rule', 'bench', 'decided_by', 'pattern', 'classifier_score', NULL, 'published', CAST(day AS VARCHAR),
         'outlet', 'outlet-' || (i // {per}) % 50, 'gesta_version', 'bench'),
       false, {merged}
FROM (SELECT *, c1 || 'GOV' AS source_code, c2 || 'MIL' AS target_code, cam AS cameo_code,
             c2 AS location_country, NULL::VARCHAR AS location_admin1, c2 || ' city' AS location_name,
             CASE WHEN cam < '06' THEN 1 WHEN cam < '09' THEN 2 WHEN cam < '14' THEN 3 ELSE 4 END AS quad,
             CASE WHEN cam < '09' THEN 3.0 ELSE -8.0 END AS gold,
             CASE WHEN cam < '09' THEN 'CONSULT' ELSE 'ASSAULT' END AS plover,
             (hash(i) % 1200)::DOUBLE / 10 - 60 AS lat, (hash(i + 1) % 3600)::DOUBLE / 10 - 180 AS lon FROM gen)
"""
ARTICLES_SQL = """
INSERT INTO articles (article_hash, article_id, title, url, outlet, published, language, origin, n_events, seq,
                      ingested_at, minhash, dup_group)
SELECT article_hash, 'bench-' || (min(i) // {per}), 'synthetic', NULL, 'outlet-' || (min(i) // {per}) % 50, min(day),
       'en', 'bench', count(*), min(i) // {per}, now(), NULL, article_hash FROM gen GROUP BY article_hash
"""
SENTENCES_SQL = """
INSERT INTO sentences SELECT article_hash, sent, 'body', 'text', sent * 60, sent * 60 + 40,
       c1 || ' officials and ' || c2 || ' troops, event ' || i FROM gen
"""


def generate(db: Path, total: int, chunk: int = 250_000) -> float:
    """Fill ``db`` with ``total`` synthetic events (skipped when it already has them)."""
    started = time.perf_counter()
    con = open_store(db)
    try:
        have = int(con.execute("SELECT count(*) FROM events").fetchall()[0][0])
        if have == total:
            log.info("%s already holds %d events", db, have)
            return 0.0
        if have:
            raise SystemExit(f"{db} holds {have} events, not {total}: delete it first")
        countries = "[" + ", ".join(f"'{c}'" for c in COUNTRIES) + "]"  # constants
        fmt = {"per": PER_ARTICLE, "first": FIRST_DAY.isoformat(), "days": DAYS, "total": total,
               "countries": countries, "merged": MERGED_ID_SQL}
        for start in range(0, total, chunk):
            con.execute("BEGIN TRANSACTION")
            con.execute(EVENTS_SQL.format(**fmt), [start, min(total, start + chunk)])
            con.execute(INSERT_SQL.format(**fmt))
            con.execute(ARTICLES_SQL.format(**fmt))
            con.execute(SENTENCES_SQL)
            con.execute("COMMIT")
            log.info("generated %d / %d events", min(total, start + chunk), total)
        refresh_merged_counts(con)  # what the writer keeps on every row, for the rows made here
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


SERVE = ("import sys, uvicorn; from gesta.web import create_app; "
         "uvicorn.run(create_app(sys.argv[1], warm=True, code_in_process=True), host='127.0.0.1', port=int(sys.argv[2]), log_level='warning', access_log=False)")


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    """What ``gesta serve --db DB --port PORT`` runs, in its own process."""
    return subprocess.Popen([sys.executable, "-c", SERVE, str(db), str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_ready(base: str, server: subprocess.Popen[bytes], timeout: float = 300.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gesta serve exited: {server.stderr.read().decode()[-2000:] if server.stderr else ''}")
        try:
            health: dict[str, Any] = httpx.get(f"{base}/api/health", timeout=5).json()
            if health["writer"]["pipeline_loaded"]:
                return health
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit("the server did not get ready in time")


def month_query(rng: random.Random) -> dict[str, Any]:
    month = rng.randrange(1, 13)
    last = (dt.date(2024 + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return {"country": rng.choice(COUNTRIES), "since": f"2024-{month:02d}-01", "until": f"2024-{month:02d}-{last}",
            "limit": 50}


class CpuMeter:
    """CPU seconds (user + system) of the server process and of its coding child between marks."""

    def __init__(self, pid: int) -> None:
        self.server = psutil.Process(pid)

    def read(self) -> tuple[float, float]:
        own = self.server.cpu_times()
        children = 0.0
        for child in self.server.children(recursive=True):
            try:
                times = child.cpu_times()
                children += times.user + times.system
            except psutil.NoSuchProcess:
                continue
        return own.user + own.system, children


class LoadSampler(threading.Thread):
    """The 1-minute load average every few seconds while the queries run."""

    def __init__(self, every: float = 2.0) -> None:
        super().__init__(daemon=True)
        self.every, self.done = every, threading.Event()
        self.samples: list[float] = []

    def run(self) -> None:
        while not self.done.wait(self.every):
            self.samples.append(os.getloadavg()[0])


def query_client(base: str, requests: int, seed: int, out: list[float], errors: list[str],
                 trace: list[tuple[float, float, str]] | None = None) -> None:
    """``requests`` queries, one after another; latencies (ms) to ``out``, (start, ms, query) to ``trace``.

    Every answer is checked for a 200 and a non-empty page; only the first is parsed as JSON (a
    parse costs the load generator about as much CPU as a cached answer costs the server).
    """
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=30) as client:
        for n in range(requests):
            params = month_query(rng)
            started = time.perf_counter()
            answer = client.get("/api/events", params=params)
            elapsed = (time.perf_counter() - started) * 1000
            empty = not answer.json()["events"] if n == 0 else answer.content.startswith(b'{"events": []')
            if answer.status_code != 200 or empty:
                errors.append(f"{answer.status_code}: {answer.text[:200]}")
            out.append(elapsed)
            if trace is not None:
                trace.append((started, elapsed, f"{params['country']} {params['since']}"))


def client_process(base: str, requests: int, seeds: list[int]) -> tuple[list[float], list[str], list[tuple[float, float, str]]]:
    """One load-generating process: a thread per client in ``seeds``. Clients are spread over
    processes so that the load generator's own GIL does not add to the latencies measured."""
    latencies: list[float] = []
    errors: list[str] = []
    trace: list[tuple[float, float, str]] = []
    threads = [threading.Thread(target=query_client, args=(base, requests, seed, latencies, errors, trace))
               for seed in seeds]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, trace


def first_and_repeated(trace: list[tuple[float, float, str]]) -> dict[str, Any]:
    """Latency of each query's first request (the server computes it) and of repeated ones (cached)."""
    seen: set[str] = set()
    first: list[float] = []
    again: list[float] = []
    for _started, elapsed, query in sorted(trace):
        (again if query in seen else first).append(elapsed)
        seen.add(query)
    return {"first_requests": len(first), "first_p50_ms": round(statistics.median(first), 1) if first else None,
            "first_p99_ms": round(percentile(first, 99), 1) if first else None,
            "repeated_p50_ms": round(statistics.median(again), 1) if again else None,
            "repeated_p99_ms": round(percentile(again, 99), 1) if again else None}


def ingest(base: str, articles: int, batch: int, result: dict[str, Any]) -> None:
    rng = random.Random(11)
    items = [synthetic_article(n, rng) for n in range(articles)]
    for item in items:
        item["id"] = f"bench-api-{time.time_ns()}-{item['id']}"
        item["text"] = f"{item['text']}\n\nRun {time.time_ns()}."  # new content each run: really coded
    started = time.perf_counter()
    stored = events = 0
    with httpx.Client(base_url=base, timeout=600) as client:
        for start in range(0, articles, batch):
            answer = client.post("/api/articles", json=items[start:start + batch])
            answer.raise_for_status()
            body = answer.json()
            stored += body["summary"]["articles_new"]
            events += body["summary"]["events"]
    result.update(ingest_seconds=round(time.perf_counter() - started, 1), ingest_articles_stored=stored,
                  ingest_events_stored=events)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def _http_implementation() -> str:
    """What uvicorn's ``http="auto"`` picks in this environment."""
    return "httptools" if importlib.util.find_spec("httptools") else "h11"


def _git_commit() -> str | None:
    try:
        out = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                             check=False, timeout=10)
    except OSError:
        return None
    return out.stdout.strip() or None


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=1_000)
    parser.add_argument("--batch", type=int, default=20, help="articles per POST")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=150, help="queries per client")
    parser.add_argument("--client-processes", type=int, default=4, help="load-generating processes")
    parser.add_argument("--db", type=Path, default=Path("/tmp/gesta-bench-api.duckdb"))
    parser.add_argument("--out", type=Path, default=None, help="result file (default: results/<date>-api.json)")
    args = parser.parse_args()

    generated_s = generate(args.db, args.events)
    run_db = args.db.with_suffix(".run.duckdb")  # a copy: the ingest must not grow the generated store
    shutil.copyfile(args.db, run_db)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(run_db, port)
    try:
        health = wait_ready(base, server)
        log.info("server ready: %d events stored", health["events"])
        load_before = os.getloadavg()
        meter = CpuMeter(server.pid)
        alone: list[float] = []
        cpu_alone = meter.read()[0]
        query_client(base, 40, 1000, alone, [])  # one client, no ingest: the cost of one query
        cpu_alone = meter.read()[0] - cpu_alone
        ingest_result: dict[str, Any] = {}
        ingester = threading.Thread(target=ingest, args=(base, args.articles, args.batch, ingest_result))
        ingester.start()
        time.sleep(1.0)  # let the first batch start coding
        latencies: list[float] = []
        errors: list[str] = []
        trace: list[tuple[float, float, str]] = []
        seeds = [[n + 1 for n in range(args.clients) if n % args.client_processes == p]
                 for p in range(args.client_processes)]
        sampler = LoadSampler()
        sampler.start()
        cpu_start = meter.read()
        started = time.perf_counter()
        with concurrent.futures.ProcessPoolExecutor(args.client_processes) as pool:
            for part in pool.map(client_process, [base] * len(seeds), [args.requests] * len(seeds), seeds):
                latencies += part[0]
                errors += part[1]
                trace += part[2]
        query_seconds = time.perf_counter() - started
        cpu_end = meter.read()
        sampler.done.set()
        ingest_running_at_end = ingester.is_alive()
        ingester.join()
        cache = httpx.get(f"{base}/api/health", timeout=30).json().get("cache", {})
    finally:
        server.terminate()
        server.wait(30)
        run_db.unlink(missing_ok=True)
        run_db.with_suffix(".duckdb.wal").unlink(missing_ok=True)
    result = {
        "benchmark": "api", "date": dt.date.today().isoformat(), "events_stored": health["events"],
        "generate_seconds": round(generated_s, 1), "clients": args.clients,
        "client_processes": args.client_processes, "requests": len(latencies),
        "query": "GET /api/events?country=XXX&since=2024-MM-01&until=2024-MM-last&limit=50",
        "errors": len(errors), "first_errors": errors[:3],
        "p50_ms": round(statistics.median(latencies), 1), "p90_ms": round(percentile(latencies, 90), 1),
        "p99_ms": round(percentile(latencies, 99), 1), "max_ms": round(max(latencies), 1),
        "requests_per_s": round(len(latencies) / query_seconds, 1), "query_seconds": round(query_seconds, 1),
        "ingest_articles": args.articles, "ingest_batch": args.batch, **ingest_result,
        "ingest_still_running_when_queries_ended": ingest_running_at_end,
        "target_p99_ms": TARGET_P99_MS, "meets_target": percentile(latencies, 99) <= TARGET_P99_MS,
        "by_query": first_and_repeated(trace),
        "single_client_no_ingest_p50_ms": round(statistics.median(alone), 1),
        "single_client_no_ingest_p99_ms": round(percentile(alone, 99), 1),
        "single_client_server_cpu_ms_per_request": round(cpu_alone * 1000 / max(1, len(alone)), 2),
        "server_cpu_ms_per_request_during_ingest": round((cpu_end[0] - cpu_start[0]) * 1000 / max(1, len(latencies)), 2),
        "server_cpu_note": "server process only (queries, HTTP, writer thread storing); coding child separate",
        "coding_child_cpu_seconds_during_queries": round(cpu_end[1] - cpu_start[1], 1),
        "server_cache": cache,
        "cpus": os.cpu_count(), "load_average_before": [round(x, 1) for x in load_before],
        "load_average_during_max": round(max(sampler.samples, default=0.0), 1),
        "load_average_during_mean": round(statistics.fmean(sampler.samples), 1) if sampler.samples else None,
        "load_average_after": [round(x, 1) for x in os.getloadavg()],
        "python": sys.version.split()[0], "http": _http_implementation(), "git_commit": _git_commit(),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = args.out or RESULTS / f"{result['date']}-api.json"
    out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
