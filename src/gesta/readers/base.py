"""Dispatch from paths to the text, HTML and JSON Lines readers."""

from __future__ import annotations

import datetime as dt
import logging
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from gesta.document import Article
from gesta.errors import InputError
from gesta.readers import html as html_reader
from gesta.readers import jsonl as jsonl_reader
from gesta.text import decode

log = logging.getLogger(__name__)

ReadResult = Article | InputError

TEXT_SUFFIXES = frozenset({".txt", ".text"})  # not .md: a README beside articles is no article
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What readers need to know beyond the bytes.

    ``published`` and ``source`` fill in articles that lack them; ``max_chars`` refuses
    articles longer than that (they are reported, not coded).
    """

    published: dt.date | None = None
    source: str | None = None
    max_chars: int = 2_000_000
    format: str | None = None  # "text" | "html" | "jsonl"; None: by suffix or content


def read_paths(paths: Iterable[str], options: ReadOptions = ReadOptions()) -> Iterator[ReadResult]:
    """Yield an article or an error for every article found under ``paths``."""
    for path in paths:
        if path == "-":
            yield from read_bytes(sys.stdin.buffer.read(), "-", options)
            continue
        location = Path(path)
        if location.is_dir():
            yield from _read_directory(location, path, options)
        elif location.is_file():
            yield from _read_file(location, path, options)
        else:
            yield InputError("no such file or directory", path)


def _read_directory(directory: Path, given: str, options: ReadOptions) -> Iterator[ReadResult]:
    files = sorted(p for p in directory.rglob("*") if p.is_file() and _is_article_file(p))
    if not files:
        yield InputError("directory holds no article files (.txt, .html, .jsonl)", given)
        return
    for file in files:
        yield from _read_file(file, str(file), options)


def _is_article_file(path: Path) -> bool:
    return path.suffix.lower() in KNOWN_SUFFIXES and not path.name.startswith(".")


def _read_file(path: Path, given: str, options: ReadOptions) -> Iterator[ReadResult]:
    if _format_of(given, b"", options) == "jsonl":
        yield from jsonl_reader.read_jsonl_file(path, given, options)
        return
    try:
        size = path.stat().st_size
        if size > options.max_chars * 4:
            yield InputError(f"file is too large ({size:,} bytes; limit {options.max_chars:,} characters)", given)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(f"cannot read: {exc.strerror or exc}", given)
        return
    yield from read_bytes(data, given, options)


def read_bytes(data: bytes, source: str, options: ReadOptions = ReadOptions()) -> Iterator[ReadResult]:
    """Read one input's bytes in whichever format they are."""
    fmt = _format_of(source, data, options)
    if fmt == "jsonl":
        yield from jsonl_reader.read_jsonl_bytes(data, source, options)
        return
    if len(data) > options.max_chars * 4:  # as for files: never decode or parse huge inputs
        yield InputError(f"input is too large ({len(data):,} bytes; limit {options.max_chars:,} characters)", source)
        return
    try:
        text = decode(data, source)
    except InputError as exc:
        yield exc
        return
    if fmt == "html":
        yield html_reader.read_html(text, source, options)
    else:
        yield read_text(text, source, options)


def read_text(text: str, article_id: str, options: ReadOptions = ReadOptions()) -> ReadResult:
    """An article from plain text (the seed's layout or plain paragraphs)."""
    if not text.strip():
        return InputError("empty article", article_id)
    if len(text) > options.max_chars:
        return InputError(f"article is too long ({len(text):,} characters; limit {options.max_chars:,})", article_id)
    return Article(
        id=article_id,
        text=text,
        published=options.published,
        source=options.source,
        origin=article_id,
    )


def _format_of(source: str, data: bytes, options: ReadOptions) -> str:
    if options.format:
        return options.format
    suffix = Path(source).suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")):
        return "html"
    return "text"
