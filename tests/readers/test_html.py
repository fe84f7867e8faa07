"""HTML pages: main text, title, date and site name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gesta.document import Article
from gesta.errors import InputError
from gesta.readers import ReadOptions, read_bytes, read_paths

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Kyiv summons envoy | Daily Test</title>
<meta property="og:site_name" content="Daily Test">
<meta property="article:published_time" content="2022-02-21T09:00:00+00:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Kyiv summons envoy</h1>
<p>Ukraine summoned the Russian ambassador on Monday after separatist leaders in the east
asked Moscow for military assistance, the foreign ministry in Kyiv said in a statement.</p>
<p>The ministry said the request was a provocation and called on Western partners to
impose sanctions on Russia without delay. Moscow did not comment on the summons.</p>
</article>
<footer>Copyright Daily Test. All rights reserved. Subscribe to our newsletter.</footer>
</body></html>
"""


def test_packaged_page(samples_dir: Path) -> None:
    [article] = list(read_paths([str(samples_dir / "page.html")]))
    assert isinstance(article, Article), article
    assert article.title == "Poland summons Belarusian envoy after helicopters cross border"
    assert article.published == dt.date(2023, 8, 1)
    assert article.source == "The Meridian Herald"
    assert "Belarusian" in article.text
    assert "<" not in article.text and "window.dataLayer" not in article.text


def test_inline_page(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(PAGE, encoding="utf-8")
    [article] = list(read_paths([str(path)]))
    assert isinstance(article, Article), article
    assert article.title and "Kyiv summons envoy" in article.title
    assert article.published == dt.date(2022, 2, 21)
    assert article.source == "Daily Test"
    assert "summoned the Russian ambassador" in article.text
    assert "Subscribe" not in article.text


def test_options_source_wins_and_published_fills_in() -> None:
    options = ReadOptions(source="given", published=dt.date(2020, 1, 1))
    [article] = list(read_bytes(PAGE.encode(), "page.html", options))
    assert isinstance(article, Article)
    assert article.source == "given"
    assert article.published == dt.date(2022, 2, 21)  # the page's own date wins
    undated = PAGE.replace('<meta property="article:published_time" content="2022-02-21T09:00:00+00:00">', "")
    [other] = list(read_bytes(undated.encode(), "page.html", options))
    assert isinstance(other, Article)
    assert other.published == dt.date(2020, 1, 1)
    [bare] = list(read_bytes(undated.encode(), "page.html"))
    assert isinstance(bare, Article) and bare.published is None


@pytest.mark.parametrize(
    "markup",
    [
        "<html><head><title>x</title></head><body></body></html>",
        "<html><body>   </body></html>",
        "<html",
    ],
)
def test_page_without_text_is_error(markup: str) -> None:
    [error] = list(read_bytes(markup.encode(), "empty.html"))
    assert isinstance(error, InputError)
    assert error.source == "empty.html"


def test_html_detected_by_content_on_stdin_name() -> None:
    [article] = list(read_bytes(PAGE.encode(), "-"))
    assert isinstance(article, Article)
    assert "summoned the Russian ambassador" in article.text
