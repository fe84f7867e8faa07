from __future__ import annotations

import json
from pathlib import Path

import pytest

from gesta.numbers.extract import extract_counts

DATA = Path(__file__).parents[1] / "data" / "numbers" / "casualty_sentences.jsonl"
RECORDS = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r["text"][:40])
def test_counts(record: dict) -> None:
    counts = extract_counts(record["text"])
    assert (counts.fatalities, counts.injured, counts.size) == (record["fatalities"], record["injured"], record["size"])
