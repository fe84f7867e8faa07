"""JSON Lines: good lines become articles, bad lines errors naming file and line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from gesta.document import Article
from gesta.errors import InputError
from gesta.readers import ReadOptions, read_bytes, read_paths


def write_lines(path: Path, lines: list[str]) -> str:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_good_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "text": "Kyiv agreed.", "title": "Deal", "published": "2022-02-23"}),
        "{not json",
        json.dumps({"id": "a3", "title": "no text"}),
        json.dumps({"id": "a4", "text": 42}),
        json.dumps({"id": "a5", "text": "Moscow refused.", "published": "yesterday"}),
        json.dumps(["a list", "not an object"]),
        "",
        json.dumps({"id": "a8", "text": "Minsk denied it.", "published": "2023-08-01T14:20:00+02:00"}),
        json.dumps("just a string"),
        json.dumps({"id": "a10", "text": "   "}),
        json.dumps({"id": "a11", "text": "Kyiv.", "published": 20220223}),
    ]
    source = write_lines(tmp_path / "batch.jsonl", lines)
    results = list(read_paths([source]))
    articles = [r for r in results if isinstance(r, Article)]
    errors = [r for r in results if isinstance(r, InputError)]
    assert [a.id for a in articles] == ["a1", "a8"]
    assert articles[0].title == "Deal"
    assert articles[0].published == dt.date(2022, 2, 23)
    assert articles[0].origin == f"{source}:1"
    assert articles[1].published == dt.date(2023, 8, 1)
    assert {e.line for e in errors} == {2, 3, 4, 5, 6, 9, 10, 11}
    for error in errors:
        assert error.source == source
        assert str(error).startswith(f"{source}:{error.line}: ")
    by_line = {e.line: e.reason for e in errors}
    assert "JSON" in by_line[2]
    assert "text" in by_line[3] and "text" in by_line[4]
    assert "published" in by_line[5] and "published" in by_line[11]
    assert "object" in by_line[6] and "object" in by_line[9]


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"])
def test_empty_file_is_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(content)
    [error] = list(read_paths([str(path)]))
    assert isinstance(error, InputError)
    assert error.source == str(path)
    assert "empty" in error.reason


def test_options_fill_missing_published_and_source() -> None:
    data = (
        json.dumps({"id": "x", "text": "Kyiv agreed."}) + "\n"
        + json.dumps({"id": "y", "text": "Kyiv agreed.", "published": "2020-01-02", "source": "Own"}) + "\n"
    ).encode()
    options = ReadOptions(published=dt.date(2022, 2, 23), source="wire")
    x, y = list(read_bytes(data, "in.jsonl", options))
    assert isinstance(x, Article) and isinstance(y, Article)
    assert (x.published, x.source) == (dt.date(2022, 2, 23), "wire")
    assert (y.published, y.source) == (dt.date(2020, 1, 2), "Own")


def test_missing_id_uses_file_and_line() -> None:
    data = b'\n{"text": "Kyiv agreed."}\n'
    [article] = list(read_bytes(data, "in.jsonl"))
    assert isinstance(article, Article)
    assert article.id == "in.jsonl:2"


def test_numeric_id_and_optional_fields() -> None:
    record = {"id": 7, "text": "Kyiv agreed.", "url": "https://example.org/a", "language": "en"}
    [article] = list(read_bytes(json.dumps(record).encode(), "in.jsonl"))
    assert isinstance(article, Article)
    assert (article.id, article.url, article.language) == ("7", "https://example.org/a", "en")


@pytest.mark.parametrize("field", ["title", "source", "url", "language"])
def test_optional_field_of_wrong_type(field: str) -> None:
    record = {"id": "x", "text": "Kyiv agreed.", field: ["not", "a", "string"]}
    [error] = list(read_bytes(json.dumps(record).encode(), "in.jsonl"))
    assert isinstance(error, InputError)
    assert field in error.reason and error.line == 1


def test_bom_and_crlf_lines() -> None:
    data = b"\xef\xbb\xbf" + b'{"id": "a", "text": "Kyiv agreed."}\r\n{"id": "b", "text": "Minsk."}\r\n'
    results = list(read_bytes(data, "in.jsonl"))
    assert [r.id for r in results if isinstance(r, Article)] == ["a", "b"]


def test_unicode_text_survives() -> None:
    text = "\u201cPeople\u2019s republics\u201d thank Putin \u2013 \u041a\u0438\u0457\u0432"
    [article] = list(read_bytes(json.dumps({"text": text}, ensure_ascii=False).encode(), "u.jsonl"))
    assert isinstance(article, Article) and article.text == text


def test_line_too_long_is_reported() -> None:
    big = json.dumps({"id": "big", "text": "Kyiv agreed. " * 200})
    data = (big + "\n" + json.dumps({"id": "ok", "text": "Kyiv."}) + "\n").encode()
    results = list(read_bytes(data, "in.jsonl", ReadOptions(max_chars=500)))
    assert isinstance(results[0], InputError) and results[0].line == 1
    assert isinstance(results[1], Article) and results[1].id == "ok"


def test_deeply_nested_json_is_reported() -> None:
    data = b"[" * 100_000 + b"]" * 100_000
    [error] = list(read_bytes(data, "deep.jsonl", ReadOptions(format="jsonl")))
    assert isinstance(error, InputError)


def test_hundred_thousand_character_text_field() -> None:
    text = ("Separatists asked Putin for help and " * 3000)[:100_000]
    [article] = list(read_bytes(json.dumps({"text": text}).encode(), "long.jsonl"))
    assert isinstance(article, Article) and len(article.text) == 100_000


def test_packaged_sample_jsonl_reads_cleanly(samples_dir: Path) -> None:
    results = list(read_paths([str(samples_dir / "articles.jsonl")]))
    assert results and all(isinstance(r, Article) for r in results)
    assert all(r.published is not None and r.source for r in results if isinstance(r, Article))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-02-23", dt.date(2022, 2, 23)),
        ("2022-02-23T10:00:00Z", dt.date(2022, 2, 23)),
        ("2023-08-01T14:20:00+02:00", dt.date(2023, 8, 1)),
        ("2023-08-01 14:20", dt.date(2023, 8, 1)),
        ("2023-08-01T14:20:00.123456+0000", dt.date(2023, 8, 1)),
        (" 2022-02-23 ", dt.date(2022, 2, 23)),
    ],
)
def test_published_iso_date_or_datetime(value: str, expected: dt.date) -> None:
    [article] = list(read_bytes(json.dumps({"text": "Kyiv agreed.", "published": value}).encode(), "p.jsonl"))
    assert isinstance(article, Article) and article.published == expected


@pytest.mark.parametrize(
    "value", ["2022-02-30", "23.02.2022", "20220223", "2022-02-23garbage", "2022-02-23T", "Feb 23", True, 3.5, {}]
)
def test_published_not_iso_is_reported(value: object) -> None:
    [error] = list(read_bytes(json.dumps({"text": "Kyiv agreed.", "published": value}).encode(), "p.jsonl"))
    assert isinstance(error, InputError)
    assert "published" in error.reason and error.line == 1


def test_lone_surrogate_escapes_are_replaced() -> None:
    data = b'{"id": "s", "title": "T\\udfff", "text": "Kyiv agreed.\\ud800 Moscow \\ud83d\\ude00 refused."}'
    [article] = list(read_bytes(data, "s.jsonl"))
    assert isinstance(article, Article)
    assert article.text == "Kyiv agreed.\ufffd Moscow \U0001f600 refused."
    assert article.title == "T\ufffd"
    article.text.encode("utf-8")
