"""JSON Lines: one article per line with ``id`` and ``text``.

Optional fields: ``title``, ``published`` (ISO date or datetime), ``source``, ``url``,
``language``. Each bad line is reported with its line number; good lines are still read.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gesta.document import Article
from gesta.errors import InputError
from gesta.text import decode

if TYPE_CHECKING:
    from gesta.readers.base import ReadOptions, ReadResult

OPTIONAL_STRING_FIELDS = ("title", "source", "url", "language")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def read_jsonl_file(path: Path, given: str, options: ReadOptions) -> Iterator[ReadResult]:
    try:
        with path.open("rb") as handle:
            yield from _read_lines(handle, given, options)
    except OSError as exc:
        yield InputError(f"cannot read: {exc.strerror or exc}", given)


def read_jsonl_bytes(data: bytes, source: str, options: ReadOptions) -> Iterator[ReadResult]:
    yield from _read_lines(io.BytesIO(data), source, options)


def _read_lines(lines: Iterable[bytes], source: str, options: ReadOptions) -> Iterator[ReadResult]:
    seen_any = False
    limit = options.max_chars * 4
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        seen_any = True
        if len(raw) > limit:
            yield InputError(f"line is too long ({len(raw):,} bytes)", source, number)
            continue
        yield parse_line(raw, source, number, options)
    if not seen_any:
        yield InputError("empty JSON Lines file", source)


def parse_line(raw: bytes, source: str, number: int, options: ReadOptions) -> ReadResult:
    """One JSONL line to an article, or an error naming the line and field."""
    try:
        record = json.loads(decode(raw, source))
    except InputError as exc:
        return InputError(exc.reason, source, number)
    except (json.JSONDecodeError, RecursionError) as exc:
        return InputError(f"not valid JSON: {getattr(exc, 'msg', exc)}", source, number)
    if not isinstance(record, dict):
        return InputError("a line must hold a JSON object", source, number)
    # JSON escapes can encode lone surrogates, which no output encoding accepts
    record = {k: _LONE_SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for k, v in record.items()}
    try:
        return _article_from_record(record, source, number, options)
    except InputError as exc:
        return exc


def _article_from_record(
    record: dict[str, Any], source: str, number: int, options: ReadOptions
) -> Article:
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError("field 'text' is missing or not a string", source, number)
    if not text.strip():
        raise InputError("field 'text' is empty", source, number)
    if len(text) > options.max_chars:
        raise InputError(f"field 'text' is too long ({len(text):,} characters)", source, number)
    fields = {name: _optional_string(record, name, source, number) for name in OPTIONAL_STRING_FIELDS}
    article_id = record.get("id")
    if article_id is None:
        article_id = f"{source}:{number}"
    elif not isinstance(article_id, (str, int)):
        raise InputError("field 'id' must be a string or a number", source, number)
    published = _published(record.get("published"), source, number) or options.published
    return Article(
        id=str(article_id),
        text=text,
        title=fields["title"],
        published=published,
        source=fields["source"] or options.source,
        url=fields["url"],
        language=fields["language"],
        origin=f"{source}:{number}",
    )


def _optional_string(record: dict[str, Any], name: str, source: str, number: int) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value or None
    raise InputError(f"field '{name}' must be a string", source, number)


def _published(value: Any, source: str, number: int) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        parsed = parse_date(value)
        if parsed is not None:
            return parsed
    raise InputError(f"field 'published' is not an ISO date: {str(value)[:40]!r}", source, number)


def parse_date(value: str) -> dt.date | None:
    """An ISO date or datetime string to a date; None when it is neither."""
    text = value.strip()
    if not _ISO_DATE_OR_DATETIME.match(text):
        return None  # "2022-02-23garbage" is not a date, though it starts with one
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


# a date, optionally followed by a time (T or space, hh:mm...) and a zone; the time is not
# parsed further, as only the date is kept
_ISO_DATE_OR_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
