"""Plain-text articles, paths, directories and standard input."""

from __future__ import annotations

import datetime as dt
import io
import sys
import time
from pathlib import Path

import pytest

from gesta.document import Article
from gesta.errors import InputError
from gesta.readers import ReadOptions, read_bytes, read_paths, read_text

ARTICLE = "Kyiv protests\n\nUkraine summoned the Russian ambassador on Monday.\n"


def read_all(paths: list[str], options: ReadOptions = ReadOptions()) -> list[Article | InputError]:
    return list(read_paths(paths, options))


def test_text_file_becomes_article(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [article] = read_all([str(path)], ReadOptions(published=dt.date(2022, 2, 23), source="wire"))
    assert isinstance(article, Article)
    assert article.text == ARTICLE
    assert article.id == article.origin == str(path)
    assert article.published == dt.date(2022, 2, 23)
    assert article.source == "wire"


def test_text_is_kept_as_read_byte_for_byte(tmp_path: Path) -> None:
    text = "\u201cPeople\u2019s republics\u201d thank Pu\u00adtin\r\n\r\nBody\u00a0text.\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.encode("utf-8"))
    [article] = read_all([str(path)])
    assert isinstance(article, Article)
    assert article.text == text


@pytest.mark.parametrize("content", ["", "   \n\n\t  \n"])
def test_empty_article_is_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_text(content, encoding="utf-8")
    [error] = read_all([str(path)])
    assert isinstance(error, InputError)
    assert error.source == str(path)
    assert "empty" in error.reason


def test_read_text_too_long() -> None:
    result = read_text("word " * 30, "long.txt", ReadOptions(max_chars=100))
    assert isinstance(result, InputError)
    assert "too long" in result.reason
    ok = read_text("word " * 20, "short.txt", ReadOptions(max_chars=100))
    assert isinstance(ok, Article)


def test_ten_megabytes_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Russia imposed sanctions on Ukraine. " * (10 * 1024 * 1024 // 37 + 1))
    began = time.monotonic()
    results = read_all([str(path)])
    assert time.monotonic() - began < 10
    [error] = results
    assert isinstance(error, InputError)
    assert "too large" in error.reason or "too long" in error.reason


def test_ten_megabytes_from_bytes_refused(tmp_path: Path) -> None:
    data = b"Kyiv. " * (10 * 1024 * 1024 // 6)
    [error] = list(read_bytes(data, "big"))
    assert isinstance(error, InputError)
    assert "too large" in error.reason or "too long" in error.reason


def test_long_single_line_is_read() -> None:
    line = ("Russia imposed sanctions on Ukraine and " * 2600)[:100_000]
    [article] = list(read_bytes(line.encode(), "line.txt"))
    assert isinstance(article, Article)
    assert len(article.text) == 100_000


def test_missing_path_is_error(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    [error] = read_all([missing])
    assert isinstance(error, InputError)
    assert error.source == missing
    assert "no such file" in error.reason


def test_errors_do_not_stop_the_batch(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    results = read_all([str(tmp_path / "missing.txt"), str(good)])
    assert [type(r) for r in results] == [InputError, Article]


def test_directory_is_read_recursively_ignoring_unknown_suffixes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "b.text").write_text("Moscow denied it.\n", encoding="utf-8")
    (tmp_path / "sub" / "README.md").write_text("# how these articles were collected\n", encoding="utf-8")
    (tmp_path / "sub" / "c.jsonl").write_text('{"id": "c1", "text": "Kyiv agreed."}\n', encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 \x00\x01\x02")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "README").write_text("not an article", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    results = read_all([str(tmp_path)])
    assert all(isinstance(r, Article) for r in results), results
    texts = sorted(r.text for r in results if isinstance(r, Article))
    assert texts == sorted([ARTICLE, "Moscow denied it.\n", "Kyiv agreed."])


def test_empty_directory_is_error(tmp_path: Path) -> None:
    (tmp_path / "only.pdf").write_bytes(b"%PDF")
    [error] = read_all([str(tmp_path)])
    assert isinstance(error, InputError)
    assert error.source == str(tmp_path)
    assert "no article files" in error.reason


def test_binary_file_with_text_suffix_is_error(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 4)
    [error] = read_all([str(path)])
    assert isinstance(error, InputError)
    assert "binary" in error.reason


class FakeStdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_standard_input_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin(ARTICLE.encode("utf-8")))
    [article] = read_all(["-"], ReadOptions(source="stdin-wire"))
    assert isinstance(article, Article)
    assert article.text == ARTICLE
    assert article.id == "-"
    assert article.source == "stdin-wire"


def test_standard_input_jsonl_by_content(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b'{"id": "s1", "text": "Kyiv agreed."}\n{"id": "s2", "text": "Moscow refused."}\n'
    monkeypatch.setattr(sys, "stdin", FakeStdin(data))
    results = read_all(["-"])
    assert [r.id for r in results if isinstance(r, Article)] == ["s1", "s2"]


def test_standard_input_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin(b""))
    [error] = read_all(["-"])
    assert isinstance(error, InputError)
    assert error.source == "-"


@pytest.mark.parametrize(
    ("data", "source", "fmt"),
    [
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "-", "html"),
        (b'{"text": "Kyiv agreed."}', "-", "jsonl"),
        (b"Kyiv agreed.", "-", "text"),
    ],
)
def test_format_detected_by_content(data: bytes, source: str, fmt: str) -> None:
    from gesta.readers.base import _format_of

    assert _format_of(source, data, ReadOptions()) == fmt


def test_format_option_overrides_suffix(tmp_path: Path) -> None:
    path = tmp_path / "lines.txt"
    path.write_text('{"id": "x1", "text": "Kyiv agreed."}\n', encoding="utf-8")
    [as_text] = read_all([str(path)])
    [as_jsonl] = read_all([str(path)], ReadOptions(format="jsonl"))
    assert isinstance(as_text, Article) and as_text.text.startswith("{")
    assert isinstance(as_jsonl, Article) and as_jsonl.text == "Kyiv agreed."


@pytest.mark.parametrize("fmt", [None, "text", "html"])
def test_ten_megabytes_on_standard_input_refused_quickly(monkeypatch: pytest.MonkeyPatch, fmt: str | None) -> None:
    page = b"<html><body><article>" + b"<p>Russia imposed sanctions on Ukraine.</p>" * 250_000
    monkeypatch.setattr(sys, "stdin", FakeStdin(page))
    began = time.monotonic()
    [error] = read_all(["-"], ReadOptions(format=fmt))
    assert time.monotonic() - began < 5
    assert isinstance(error, InputError) and error.source == "-"
    assert "too large" in error.reason
