"""HTML pages: main text, title, date and site name through trafilatura."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from gesta.document import Article
from gesta.errors import InputError
from gesta.readers.jsonl import parse_date

if TYPE_CHECKING:
    from gesta.readers.base import ReadOptions, ReadResult

log = logging.getLogger(__name__)


def read_html(markup: str, source: str, options: ReadOptions) -> ReadResult:
    """Extract the article from an HTML page; the extracted text is the article's text."""
    try:
        import trafilatura  # imported here: it is slow to import and only HTML needs it
    except ImportError as exc:  # e.g. lxml >= 5.2 without the separate lxml_html_clean package
        return InputError(f"cannot read HTML: trafilatura is not usable ({exc})", source)

    try:
        document = trafilatura.bare_extraction(
            markup, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # trafilatura raises assorted parser errors on broken markup
        return InputError(f"cannot parse HTML: {exc}", source)
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        return InputError("no article text found in the HTML page", source)
    if len(text) > options.max_chars:
        return InputError(f"article is too long ({len(text):,} characters)", source)
    date = getattr(document, "date", None)
    published = parse_date(date) if isinstance(date, str) and date else None
    return Article(
        id=source,
        text=text,
        title=getattr(document, "title", None) or None,
        published=published or options.published,
        source=options.source or getattr(document, "sitename", None) or None,
        url=getattr(document, "url", None) or None,
        language=getattr(document, "language", None) or None,
        origin=source,
    )
