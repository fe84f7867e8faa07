"""gesta.evaluation.gold: PLOVER gold records and gesta's own format, read into one shape."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from gesta.codes import load_codebook
from gesta.errors import InputError
from gesta.evaluation.gold import Expected, read_gold

MODERN = load_codebook().modern_plover


def write(tmp_path: Path, *lines: object) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n")
    return path


def test_plover_record(tmp_path: Path) -> None:
    path = write(tmp_path, {
        "id": "p-1", "text": "Protesters demanded the minister resign.", "date": "2020-03-04T00:00:00",
        "event": "DEMAND",
        "source": [{"actorText": "protesters", "code": "SYROPP"}, {"actorText": "students", "code": "SYREDU"}],
        "target": [{"actorText": "the UN", "code": "IGOUNO"}],
        "eventLoc": {"name": "Damascus", "country code": "SY"},
    })
    (record,) = read_gold(path, MODERN)
    assert record.id == "p-1"
    assert record.published == dt.date(2020, 3, 4)
    assert record.expected == (Expected(plover="REQUEST", sources=("SYROPP", "SYREDU"), targets=("IGOUNO",)),)
    assert record.forbidden == ()
    assert record.location_country == "SY"


def test_plover_record_without_actors_or_location(tmp_path: Path) -> None:
    path = write(tmp_path, {"text": "x", "event": "assault", "source": "n/a", "eventLoc": None})
    (record,) = read_gold(path, MODERN)
    assert record.id == "1"  # the line number when there is no id
    assert record.published is None
    assert record.expected == (Expected(plover="ASSAULT"),)
    assert record.location_country is None


def test_own_format(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        {"id": "g-1", "text": "t", "published": "2022-02-23",
         "expected": [{"source": "UKR", "target": "RUS", "cameo": "0232", "plover": "REQUEST"},
                      {"cameo": "111"}],
         "forbidden": [{"source": "RUS", "plover": "demand"}]},
        "",
        {"id": "g-2", "text": "u", "expected": []},
    )
    first, second = read_gold(path, MODERN)
    assert first.published == dt.date(2022, 2, 23)
    assert first.expected == (
        Expected(plover="REQUEST", cameo="0232", sources=("UKR",), targets=("RUS",)),
        Expected(cameo="111"),
    )
    assert first.forbidden == (Expected(plover="REQUEST", sources=("RUS",)),)
    assert second.id == "g-2" and second.expected == () and second.forbidden == ()


@pytest.mark.parametrize("bad", [
    "{not json",
    json.dumps({"id": "x"}),  # no text
    json.dumps({"text": "t", "published": "23/02/2022", "expected": []}),
    json.dumps({"text": "t", "expected": [{"source": "UKR"}], "forbidden": 3}),
    json.dumps(["a", "list"]),
])
def test_bad_gold_line_names_line(tmp_path: Path, bad: str) -> None:
    path = write(tmp_path, {"text": "fine", "event": "ASSAULT"}, "", bad)
    with pytest.raises(InputError) as info:
        list(read_gold(path, MODERN))
    assert info.value.line == 3
    assert info.value.source == str(path)
    assert str(info.value).startswith(f"{path}:3: bad gold record")


def test_missing_gold_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read gold file"):
        list(read_gold(tmp_path / "absent.jsonl", MODERN))


def test_packaged_samples_gold_reads(tmp_path: Path) -> None:
    from gesta.resources import data_dir

    records = list(read_gold(data_dir() / "eval" / "samples-gold.jsonl", MODERN))
    assert records and all(r.text for r in records)
    assert all(e.plover or e.cameo for r in records for e in r.expected)


@pytest.mark.parametrize("bad", [
    json.dumps({"text": "t", "expected": ["not an object"]}),
    json.dumps({"text": "t", "event": 5}),
    json.dumps("just a string"),
])
def test_wrongly_typed_values_are_input_errors(tmp_path: Path, bad: str) -> None:
    path = write(tmp_path, bad)
    with pytest.raises(InputError) as info:
        list(read_gold(path, MODERN))
    assert info.value.line == 1
