"""Browser tests: the dashboard in Debian's Chromium, driven by Playwright, against a live server.

The server runs in this process (uvicorn on a free loopback port) over a store of the bundled
samples. Screenshots go to docs/img/ for the README. Skips (with the reason) when Chromium is
missing and ``tests/web/ensure_chromium.sh`` cannot install it; Playwright never downloads one.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
playwright_api = pytest.importorskip("playwright.sync_api")

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SHOTS = REPO / "docs" / "img"
CHROMIUM = Path(os.environ.get("GESTA_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
HOSTILE_SENTENCE = ('Russian forces attacked Ukrainian troops near Kharkiv on Monday '
                    '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">, officials said.')


def chromium_or_skip() -> Path:
    if not CHROMIUM.exists():
        subprocess.run(["sh", str(HERE / "ensure_chromium.sh")], check=False, timeout=900)
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not found at {CHROMIUM} and tests/web/ensure_chromium.sh could not install it")
    return CHROMIUM


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(sample_store: Path, pipeline: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from gesta.web import create_app

    db = tmp_path_factory.mktemp("browser") / "store.duckdb"
    shutil.copy(sample_store, db)
    port = free_port()
    app = create_app(db, pipeline_factory=lambda: pipeline)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = chromium_or_skip()
    with playwright_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(executable), args=ARGS)
        yield instance
        instance.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, device_scale_factor=1)
    tab = context.new_page()
    tab.errors = []
    tab.dialogs = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    yield tab
    context.close()


def wait_ready(page: Any, what: str) -> None:
    page.wait_for_selector(f"body[data-ready='{what}']", timeout=30_000)


def test_dashboard_filter_click_event(page: Any, server: str) -> None:
    page.goto(server + "/")
    wait_ready(page, "dashboard")
    assert page.locator("svg.map path.country").count() > 150
    assert page.locator("svg.map circle.dot").count() > 0
    assert page.locator("svg.timeline rect").count() > 0
    assert page.locator("svg.network g.node").count() > 1
    assert page.locator("#event-table tbody tr").count() == 25
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "dashboard.png"), full_page=True)

    page.fill("input[name=country]", "ken")
    page.click("#filters button[type=submit]")
    page.wait_for_function("location.hash.includes('country=KEN')")
    wait_ready(page, "dashboard")
    expected = page.evaluate("fetch('/api/events?country=KEN&limit=25').then(r => r.json())")["events"]
    rows = page.locator("#event-table tbody tr")
    assert rows.count() == len(expected) > 0
    assert [rows.nth(i).get_attribute("data-event") for i in range(rows.count())] == [e["event_id"] for e in expected]
    assert page.locator("svg.map path.country.selected").get_attribute("data-iso3") == "KEN"

    first = expected[0]
    rows.first.click()
    wait_ready(page, "event")
    mark = page.locator(".event-page .article mark.evidence")
    assert mark.count() == 1
    assert mark.inner_text() == first["evidence"]["text"]
    if first["evidence"]["trigger"]:
        assert page.locator(".event-page .article strong.trigger").inner_text() == first["evidence"]["trigger"]["text"]
    assert first["cameo"]["name"] in page.locator(".event-head h2").inner_text()
    assert page.locator("table.list.compact tbody tr").count() >= 1
    page.screenshot(path=str(SHOTS / "event.png"), full_page=True)
    assert page.errors == []


def test_paste_an_article_and_see_its_events(page: Any, server: str) -> None:
    page.goto(server + "/")
    wait_ready(page, "dashboard")
    page.click("#open-paste")
    page.fill("#paste-form input[name=title]", "Scholz visits Nairobi")
    page.fill("#paste-form input[name=published]", "2024-05-02")
    page.fill("#paste-form textarea[name=text]",
              "German Chancellor Olaf Scholz met Kenyan President William Ruto in Nairobi on Thursday. "
              "Germany promised aid to Kenya, officials said.")
    page.click("#paste-submit")
    page.wait_for_selector(".events-found li.event-card", timeout=60_000)
    assert page.locator(".article.pasted mark.evidence").count() >= 1
    assert "Scholz" in page.locator(".events-found").inner_text()
    page.locator(".paste-result").screenshot(path=str(SHOTS / "paste.png"))
    assert page.errors == []


def test_hostile_article_text_never_runs(page: Any, server: str) -> None:
    page.goto(server + "/")
    wait_ready(page, "dashboard")
    page.click("#open-paste")
    page.fill("#paste-form input[name=title]", '<img src=x onerror="window.pwned = 3"><script>window.pwned = 4</script>')
    page.fill("#paste-form input[name=source]", "<b onmouseover=alert(5)>wire</b>")
    page.fill("#paste-form textarea[name=text]", HOSTILE_SENTENCE)
    page.click("#paste-submit")
    page.wait_for_selector(".events-found li.event-card", timeout=60_000)
    pasted = page.locator(".article.pasted")
    assert "<script>window.pwned = 1</script>" in pasted.inner_text()
    assert pasted.locator("img, script").count() == 0
    page.locator(".events-found a").first.click()
    wait_ready(page, "event")
    article = page.locator(".event-page .article")
    assert "<img src=x onerror=" in article.inner_text()
    assert article.locator("img, script").count() == 0
    assert "<img src=x" in page.locator(".article-title").inner_text()
    page.goto(server + "/#/?q=pwned")
    wait_ready(page, "dashboard")
    assert page.locator("#event-table tbody tr[data-event]").count() >= 1
    page.mouse.move(5, 5)
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.dialogs == [], page.dialogs
    assert page.errors == [], page.errors
