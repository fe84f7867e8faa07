"""In-process API tests: every endpoint, filters, pagination, errors, auth, limits, escaping."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from gesta.web.limits import MAX_BATCH, MAX_BODY_BYTES

pytest.importorskip("fastapi")


def all_events(client: Any, **params: Any) -> list[dict[str, Any]]:
    found, cursor = [], None
    while True:
        query = {**params, "limit": 7, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/events", params=query).json()
        found += page["events"]
        cursor = page["next_cursor"]
        if not cursor:
            return found


def test_health(client: Any) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["events"] > 50 and body["articles"] >= 10
    assert body["writer"]["alive"] is True


def test_openapi_lists_every_endpoint(client: Any) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/stats", "/api/actors", "/api/articles", "/api/health"):
        assert path in paths


def test_events_are_records_with_counts(client: Any, validate_record: Any) -> None:
    page = client.get("/api/events", params={"limit": 20}).json()
    assert page["count"] == 20 and page["next_cursor"]
    for record in page["events"]:
        extra = {k: record.pop(k) for k in ("merged_id", "num_mentions", "num_sources", "num_articles",
                                             "disputed", "asserted_by", "denied_by")}
        validate_record(record)
        assert extra["num_mentions"] >= 1


def test_cursor_pages_cover_everything_once_in_stable_order(client: Any) -> None:
    total = client.get("/api/health").json()["events"]
    paged = all_events(client)
    assert len(paged) == total
    assert len({(e["event_id"], e["article_id"]) for e in paged}) == total
    offset_pages = []
    for offset in range(0, total, 50):
        offset_pages += client.get("/api/events", params={"limit": 50, "offset": offset}).json()["events"]
    assert [e["event_id"] for e in offset_pages] == [e["event_id"] for e in paged]
    days = [e["date"] or e["published"] for e in paged]
    assert [d for d in days if d] == sorted(d for d in days if d)


def test_same_query_same_order(client: Any) -> None:
    first = client.get("/api/events", params={"limit": 100}).json()["events"]
    second = client.get("/api/events", params={"limit": 100}).json()["events"]
    assert [e["event_id"] for e in first] == [e["event_id"] for e in second]


def _country_of(record: dict[str, Any]) -> set[str | None]:
    return {(record.get("location") or {}).get("country"), (record.get("source") or {}).get("country"),
            (record.get("target") or {}).get("country")}


@pytest.mark.parametrize("params, check", [
    ({"country": "KEN"}, lambda r: "KEN" in _country_of(r)),
    ({"country": "ken"}, lambda r: "KEN" in _country_of(r)),
    ({"cameo": "19"}, lambda r: r["cameo"]["code"].startswith("19")),
    ({"plover": "ASSAULT"}, lambda r: (r["plover"] or {}).get("type") == "ASSAULT"),
    ({"since": "2023-05-01", "until": "2023-12-31"},
     lambda r: "2023-05-01" <= (r["date"] or r["published"]) <= "2023-12-31"),
    ({"actor": "DEU"}, lambda r: any((r.get(k) or {}).get("code", "").startswith("DEU") for k in ("source", "target"))),
    ({"near": "-1.29,36.82,50"}, lambda r: r["location"] and abs(r["location"]["lat"] + 1.29) < 1),
    ({"q": "ruto"}, lambda r: "ruto" in json.dumps(r).lower()),
])
def test_filters(client: Any, params: dict[str, str], check: Any) -> None:
    found = all_events(client, **params)
    assert found, f"no events for {params}"
    assert all(check(r) for r in found)
    assert len(found) < client.get("/api/health").json()["events"]


def test_acled_filter_and_merged(client: Any) -> None:
    acled = {r["acled"]["event_type"] for r in all_events(client) if r.get("acled")}
    chosen = sorted(acled)[0]
    found = all_events(client, acled=chosen.lower())
    assert found and all(r["acled"]["event_type"] == chosen for r in found)
    merged = all_events(client, merged="true")
    assert len({r["merged_id"] for r in merged}) == len(merged)


def test_filters_match_the_store_query(client: Any) -> None:
    from gesta.store import EventFilter, query_events

    with client.app.state.pool.reader() as con:  # the server holds the file: same process, same instance
        expected = [r["event_id"] for r in query_events(con, EventFilter(country="RUS", cameo="0"))]
    assert [r["event_id"] for r in all_events(client, country="RUS", cameo="0")] == expected


def test_event_detail(client: Any) -> None:
    record = client.get("/api/events", params={"country": "KEN", "limit": 1}).json()["events"][0]
    detail = client.get(f"/api/events/{record['event_id']}").json()
    assert detail["event"]["event_id"] == record["event_id"]
    assert detail["merged"]["num_mentions"] == len(detail["mentions"]) >= 1
    article = detail["article"]
    assert article["article_id"] == record["article_id"]
    evidence = record["evidence"]
    assert any(s["start"] == evidence["start"] and s["text"] == evidence["text"] for s in article["sentences"])
    assert detail["outlets"] == sorted({m["outlet"] for m in detail["mentions"] if m["outlet"]})
    by_merged = client.get(f"/api/events/{record['merged_id']}").json()
    assert by_merged["merged"]["merged_id"] == record["merged_id"]


def test_unknown_event_is_404(client: Any) -> None:
    answer = client.get("/api/events/0123456789abcdef01234567")
    assert answer.status_code == 404
    assert answer.json()["error"]["message"] == "no event with this id"


def test_stats(client: Any) -> None:
    whole = client.get("/api/stats").json()
    assert whole["totals"]["events"] == client.get("/api/health").json()["events"]
    assert sum(r["events"] for r in whole["by_cameo_root"]) == whole["totals"]["events"]
    assert {r["quad_class"] for r in whole["by_day"]} <= {1, 2, 3, 4}
    assert whole["places"] and all(-90 <= p["lat"] <= 90 for p in whole["places"])
    kenya = client.get("/api/stats", params={"country": "KEN"}).json()
    assert 0 < kenya["totals"]["events"] < whole["totals"]["events"]


def test_actors(client: Any) -> None:
    body = client.get("/api/actors", params={"top": 5}).json()
    assert 0 < len(body["actors"]) <= 5
    counts = [a["events"] for a in body["actors"]]
    assert counts == sorted(counts, reverse=True)
    for dyad in body["dyads"]:
        assert dyad["source"] != dyad["target"] and dyad["quad_class"] in (1, 2, 3, 4)
    assert set(body["names"]) <= {a["code"] for a in body["actors"]} | {d["source"] for d in body["dyads"]} | {
        d["target"] for d in body["dyads"]}


@pytest.mark.parametrize("params", [
    {"limit": 0}, {"limit": 100000}, {"offset": -1}, {"since": "yesterday"}, {"country": "UKRAINE"},
    {"cameo": "1'; DROP TABLE events; --"}, {"near": "1,2"}, {"near": "100,0,5"}, {"cursor": "garbage!"},
    {"since": "2024-02-01", "until": "2024-01-01"},
])
def test_bad_parameters_are_422_with_a_message(client: Any, params: dict[str, Any]) -> None:
    answer = client.get("/api/events", params=params)
    assert answer.status_code == 422
    body = answer.json()
    assert body["error"]["status"] == 422 and body["error"]["message"]
    assert "Traceback" not in answer.text


def test_sql_metacharacters_are_just_values(client: Any) -> None:
    for value in ("x' OR '1'='1", "%", "_", "\\"):
        answer = client.get("/api/events", params={"q": value, "actor": value})
        assert answer.status_code == 200
        assert answer.json()["events"] == []
    assert client.get("/api/health").json()["events"] > 0


ARTICLE = {
    "id": "web-test-1", "title": "Kenya and Germany sign deal", "published": "2024-05-02", "source": "test-wire",
    "text": "German Chancellor Olaf Scholz met Kenyan President William Ruto in Nairobi on Wednesday. "
            "Germany promised aid to Kenya, officials said.",
}


def test_post_article_codes_stores_and_returns_events(client: Any) -> None:
    before = client.get("/api/health").json()["events"]
    answer = client.post("/api/articles", json=ARTICLE)
    assert answer.status_code == 200, answer.text
    result = answer.json()["articles"][0]
    assert result["status"] == "stored" and result["events"]
    assert all(e["merged_id"] for e in result["events"])
    assert client.get("/api/health").json()["events"] == before + len(result["events"])
    shown = client.get(f"/api/events/{result['events'][0]['event_id']}").json()
    assert shown["article"]["article_id"] == "web-test-1"
    again = client.post("/api/articles", json=[ARTICLE]).json()["articles"][0]
    assert again["status"] == "already_stored"
    assert [e["event_id"] for e in again["events"]] == [e["event_id"] for e in result["events"]]


@pytest.mark.parametrize("body, status", [
    ({"title": "no text"}, 422), ({"text": ""}, 422), ({"text": "   "}, 422), ({"text": 5}, 422),
    ({"text": "x", "published": "not a date"}, 422), ([], 422), ("just a string", 422),
])
def test_bad_articles(client: Any, body: Any, status: int) -> None:
    answer = client.post("/api/articles", json=body)
    assert answer.status_code == status
    assert answer.json()["error"]["message"]


def test_batch_limit_is_413(client: Any) -> None:
    answer = client.post("/api/articles", json=[{"text": f"Article {n}."} for n in range(MAX_BATCH + 1)])
    assert answer.status_code == 413
    assert "too many articles" in answer.json()["error"]["message"]


def test_body_limit_is_413(client: Any) -> None:
    answer = client.post("/api/articles", content=b"[" + b" " * MAX_BODY_BYTES + b"]",
                         headers={"content-type": "application/json"})
    assert answer.status_code == 413
    assert answer.json()["error"]["status"] == 413


def test_streamed_body_over_the_limit_is_413(client: Any) -> None:
    def chunks() -> Any:
        for _ in range(MAX_BODY_BYTES // 65536 + 2):
            yield b" " * 65536

    answer = client.post("/api/articles", content=chunks(), headers={"content-type": "application/json"})
    assert answer.status_code == 413


def test_malformed_json_is_422(client: Any) -> None:
    answer = client.post("/api/articles", content=b"{not json", headers={"content-type": "application/json"})
    assert answer.status_code == 422
    assert "Traceback" not in answer.text


def test_token_required_for_post_only(store_copy: Path, pipeline: Any) -> None:
    from fastapi.testclient import TestClient

    from gesta.web import create_app

    app = create_app(store_copy, token="s3cret", pipeline_factory=lambda: pipeline)
    with TestClient(app) as client:
        assert client.get("/api/events", params={"limit": 1}).status_code == 200
        missing = client.post("/api/articles", json=ARTICLE)
        assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
        wrong = client.post("/api/articles", json=ARTICLE, headers={"authorization": "Bearer nope"})
        assert wrong.status_code == 401
        right = client.post("/api/articles", json=ARTICLE, headers={"authorization": "Bearer s3cret"})
        assert right.status_code == 200
        assert client.get("/api/health").json()["auth_required_for_writes"] is True


def test_unexpected_error_is_a_generic_500(client: Any, monkeypatch: pytest.MonkeyPatch,
                                           caplog: pytest.LogCaptureFixture) -> None:
    from gesta.web import reads

    def broken(*args: Any) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(reads, "stats", broken)
    answer = client.get("/api/stats")
    assert answer.status_code == 500
    assert answer.json() == {"error": {"status": 500, "message": "internal server error; see the server log"}}
    assert "secret internals" not in answer.text
    assert "secret internals" in caplog.text


class SlowPipeline:
    """Wraps the real pipeline; each article takes at least ``delay`` seconds to code."""

    def __init__(self, inner: Any, delay: float) -> None:
        self.inner, self.delay, self.context = inner, delay, inner.context

    def run(self, article: Any) -> Any:
        time.sleep(self.delay)
        return self.inner.run(article)


def test_queries_answer_while_an_ingest_runs(store_copy: Path, pipeline: Any) -> None:
    from fastapi.testclient import TestClient

    from gesta.web import create_app

    app = create_app(store_copy, pipeline_factory=lambda: SlowPipeline(pipeline, 0.4))
    with TestClient(app) as client:
        before = client.get("/api/health").json()["events"]
        batch = [{**ARTICLE, "id": f"slow-{n}", "text": f"{ARTICLE['text']} Report {n}."} for n in range(5)]
        posted: dict[str, Any] = {}
        poster = threading.Thread(target=lambda: posted.update(r=client.post("/api/articles", json=batch)))
        poster.start()
        time.sleep(0.2)
        latencies = []
        while poster.is_alive():
            started = time.perf_counter()
            page = client.get("/api/events", params={"country": "KEN", "limit": 20})
            latencies.append(time.perf_counter() - started)
            assert page.status_code == 200
            assert client.get("/api/health").json()["writer"]["busy"] in (True, False)
        poster.join()
        assert len(latencies) >= 5, "queries did not run while the ingest was busy"
        assert max(latencies) < 1.0
        assert posted["r"].status_code == 200
        assert client.get("/api/health").json()["events"] > before


def test_script_in_article_is_returned_as_data(client: Any) -> None:
    hostile = {"id": "<script>alert(1)</script>", "title": "<img src=x onerror=alert(2)>",
               "text": "Russian forces attacked Ukrainian troops near <b>Kharkiv</b> on Monday, officials said "
                       "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">."}
    result = client.post("/api/articles", json=hostile).json()["articles"][0]
    assert result["id"] == hostile["id"]
    page = client.get("/", headers={"accept": "text/html"})
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"


def test_dashboard_files_are_served(client: Any) -> None:
    assert client.get("/").status_code == 200
    for path in ("/static/js/main.js", "/static/style.css", "/static/data/countries.geojson"):
        answer = client.get(path)
        assert answer.status_code == 200 and answer.content
    assert client.get("/static/../pyproject.toml").status_code == 404


def test_page_counts_equal_the_store_view(client: Any) -> None:
    """The counts the writer keeps on every mention equal the merged_events view's aggregates."""
    from gesta.web import reads

    page = all_events(client)
    with client.app.state.pool.reader() as con:
        names = ", ".join(reads.AGG_COLUMNS)
        view = {row[0]: dict(zip(reads.AGG_COLUMNS, row[1:], strict=True))
                for row in con.execute(f"SELECT merged_id, {names} FROM merged_events").fetchall()}
    for record in page:
        mine = {k: record[k] for k in reads.AGG_COLUMNS}
        theirs = view[record["merged_id"]]
        for key in ("asserted_by", "denied_by"):
            mine[key], theirs[key] = sorted(mine[key] or []), sorted(theirs[key] or [])
        assert mine == theirs


def test_coding_in_a_child_process_gives_the_same_events(store_copy: Path, pipeline: Any) -> None:
    """What `gesta serve` does: the pipeline runs in a spawned child; same records as in-process."""
    from fastapi.testclient import TestClient

    from gesta.api import event_records
    from gesta.web import create_app
    from gesta.web.app import default_pipeline

    expected = event_records(pipeline.run(ArticleIn_to_article(ARTICLE)), pipeline)
    app = create_app(store_copy, pipeline_factory=default_pipeline, code_in_process=True)  # type: ignore[arg-type]
    with TestClient(app) as client:
        result = client.post("/api/articles", json=ARTICLE).json()["articles"][0]
        assert client.get("/api/health").json()["writer"]["pipeline_loaded"] is True
    assert result["status"] == "stored"
    assert [e["event_id"] for e in result["events"]] == [e["event_id"] for e in expected]


def ArticleIn_to_article(payload: dict[str, Any]) -> Any:  # noqa: N802
    from gesta.web.models import ArticleIn

    return ArticleIn.model_validate(payload).to_article(0)


def test_cached_answers_follow_commits(client: Any) -> None:
    """Answers are cached, yet a POST that adds matching events is seen by the next query."""
    query = {"country": "KEN", "limit": 500}
    first = client.get("/api/events", params=query).json()
    other = client.get("/api/events", params={"country": "VEN", "limit": 500}).json()
    assert client.get("/api/events", params=query).json() == first
    hits = client.get("/api/health").json()["cache"]["hits"]
    assert hits >= 1
    stats_before = client.get("/api/stats", params={"country": "KEN"}).json()
    added = client.post("/api/articles", json=ARTICLE).json()["articles"][0]["events"]
    assert any("KEN" in _country_of(e) for e in added)
    after = client.get("/api/events", params=query).json()
    assert len(after["events"]) > len(first["events"])
    assert {e["event_id"] for e in added if "KEN" in _country_of(e)} <= {e["event_id"] for e in after["events"]}
    assert client.get("/api/stats", params={"country": "KEN"}).json()["totals"]["events"] > stats_before["totals"]["events"]
    assert client.get("/api/events", params={"country": "VEN", "limit": 500}).json() == other  # still exact
    assert client.get("/api/health").json()["cache"]["revalidated"] >= 1


def test_cached_answers_equal_fresh_ones_after_commits(client: Any) -> None:
    """Answers kept across commits (checked in memory or by query) equal freshly computed ones."""
    queries = [("/api/events", {"limit": 3}), ("/api/events", {"country": "KEN", "limit": 2}),
               ("/api/events", {"merged": "true", "limit": 4}), ("/api/events", {"since": "2024-05-01", "limit": 5}),
               ("/api/events", {"until": "2024-04-30", "limit": 2}), ("/api/events", {"limit": 500}),
               ("/api/events", {"q": "met", "limit": 2}), ("/api/events", {"country": "DEU", "offset": 1, "limit": 1}),
               ("/api/stats", {"country": "DEU"}), ("/api/stats", {"until": "2024-01-31"})]
    for path, params in queries:
        client.get(path, params=params)
    later = {**ARTICLE, "id": "web-test-2", "published": "2024-05-20", "text": ARTICLE["text"] + " Talks go on."}
    for body in (ARTICLE, later):
        assert client.post("/api/articles", json=body).status_code == 200
        kept = [client.get(path, params=params).json() for path, params in queries]
        client.app.state.cache._items.clear()
        assert kept == [client.get(path, params=params).json() for path, params in queries]
    assert client.get("/api/health").json()["cache"]["revalidated"] >= 1


def test_ready_means_ready_to_ingest(store_copy: Path, pipeline: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """`pipeline_loaded` is reported only once the writer's state is loaded too (that took the GIL
    for a while at a million events, stalling the first queries after start)."""
    from fastapi.testclient import TestClient

    from gesta.store.writer import BatchWriter
    from gesta.web import create_app, writer

    class SlowBatchWriter(BatchWriter):
        def __init__(self, *args: Any) -> None:
            time.sleep(0.5)
            super().__init__(*args)

    monkeypatch.setattr(writer, "BatchWriter", SlowBatchWriter)

    app = create_app(store_copy, pipeline_factory=lambda: pipeline, warm=True)
    with TestClient(app) as client:
        deadline = time.monotonic() + 60
        while not client.get("/api/health").json()["writer"]["pipeline_loaded"] and time.monotonic() < deadline:
            time.sleep(0.05)
        assert app.state.writer.batch is not None

