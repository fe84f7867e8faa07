"""RSS/Atom entries as articles (feedparser; a URL or a local file)."""

from __future__ import annotations

import datetime as dt
import html
import logging
import re
from typing import Any

from gesta.document import Article
from gesta.errors import InputError

log = logging.getLogger(__name__)
TAG = re.compile(r"<[^>]+>")
BLOCK_END = re.compile(r"</(p|div|li|h\d)>|<br\s*/?>", re.IGNORECASE)


def read_feed(source: str) -> tuple[str, list[Any]]:
    """The feed's title and entries; an InputError when it cannot be read or parsed at all."""
    import feedparser  # type: ignore[import-untyped]

    parsed = feedparser.parse(source)
    if parsed.get("bozo") and not parsed.get("entries"):
        raise InputError(f"cannot read feed: {parsed.get('bozo_exception')}", source)
    return str(parsed.get("feed", {}).get("title") or source), list(parsed.get("entries", []))


def entry_key(source: str, entry: Any) -> str:
    ident = entry.get("id") or entry.get("link") or entry.get("title") or ""
    return f"feed:{source}:{ident}"


def entry_article(source: str, feed_title: str, entry: Any) -> Article | InputError:
    """An article from an entry: its content (or summary) as text, tags stripped."""
    content = entry.get("content") or []
    body = content[0].get("value", "") if content else entry.get("summary", "")
    text = _plain(body)
    title = _plain(entry.get("title", "")) or None
    if not text.strip():
        return InputError("feed entry has no text", f"{source}#{entry_key(source, entry)}")
    return Article(
        id=str(entry.get("id") or entry.get("link") or title or "entry"),
        text=text, title=title, published=_date(entry), source=feed_title,
        url=entry.get("link"), origin=f"{source}#{entry.get('id') or entry.get('link')}",
    )


def _plain(markup: str) -> str:
    text = BLOCK_END.sub("\n\n", markup)
    text = html.unescape(TAG.sub("", text))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _date(entry: Any) -> dt.date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None
