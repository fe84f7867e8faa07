from __future__ import annotations

import time
from pathlib import Path

import pytest

from gesta.errors import DataFileError
from gesta.resources import load_yaml
from gesta.where.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def test_ranking_by_population_and_context(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Donetsk")[0].country == "UKR"
    assert gazetteer.lookup("Donetsk", context_countries=["RUS"])[0].country == "RUS"
    assert gazetteer.lookup("Tripoli", context_countries=["LBN"])[0].country == "LBN"


@pytest.mark.parametrize("alias,name", [("Kiev", "Kyiv"), ("Artemivsk", "Bakhmut"), ("Odessa", "Odesa"),
                                        ("Lugansk", "Luhansk"), ("Kharkov", "Kharkiv")])
def test_aliases(gazetteer: Gazetteer, alias: str, name: str) -> None:
    assert gazetteer.lookup(alias)[0].name == name


def test_regions_and_admin1(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Donbass")[0].kind == "region"
    assert gazetteer.lookup("Luhansk region")[0].kind == "admin1"
    assert gazetteer.lookup("Sudan")[0].kind == "country"


def test_lookup_speed(gazetteer: Gazetteer) -> None:
    start = time.perf_counter()
    for _ in range(20000):
        gazetteer.lookup("Donetsk", context_countries=("UKR",))
    assert 20000 / (time.perf_counter() - start) > 50_000


def test_bad_aliases_file_names_line_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "aliases.yaml"
    bad.write_text("version: 1\nkind: place_aliases\naliases:\n  - {alias: Kiev}\nplaces: []\n")
    with pytest.raises(DataFileError) as error:
        load_yaml(bad, "place_aliases")
    assert error.value.line == 4 and "aliases.0" in (error.value.field or "")
