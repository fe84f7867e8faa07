from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from gesta.errors import DataFileError
from gesta.when.phrases import find_phrases, load_date_words
from gesta.when.resolve import is_future, resolve

DATA = Path(__file__).parents[1] / "data" / "dates" / "date_phrases.jsonl"
RECORDS = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r["text"][:40])
def test_date_phrases(record: dict) -> None:
    published = dt.date.fromisoformat(record["published"])
    found = find_phrases(record["text"])
    phrase = found[0] if found else None
    date = resolve(phrase, published, future=is_future(record["text"], phrase)) if phrase else None
    assert (phrase.text if phrase else None) == record["date_text"]
    assert (date.isoformat() if date else None) == record["date"]


def test_no_publication_date_is_no_guess() -> None:
    phrase = find_phrases("The town was shelled on Monday.")[0]
    assert resolve(phrase, None) is None


def test_bad_words_file(tmp_path: Path) -> None:
    bad = tmp_path / "dates.yaml"
    bad.write_text("version: 1\nkind: date_words\nmonths: {January: 13}\n")
    with pytest.raises(DataFileError):
        load_date_words.__wrapped__(bad)
