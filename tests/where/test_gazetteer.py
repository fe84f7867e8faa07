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


# First-level subdivisions whose GeoNames unit has no town of their name: the build used to
# match units to ISO 3166-2 only by a city's name or a code suffix, so these were missing and
# "Borno" found only Borna in Germany (an alternate name).
@pytest.mark.parametrize("name,country", [
    ("Borno", "NGA"), ("Borno State", "NGA"), ("Zamfara", "NGA"), ("Khyber Pakhtunkhwa", "PAK"),
    ("Helmand Province", "AFG"), ("Lower Shabelle", "SOM"), ("North Darfur", "SDN"),
    ("Nineveh", "IRQ"), ("Far North Region", "CMR"), ("Tanganyika", "COD"),
])
def test_admin1_units_without_a_town_of_their_name(gazetteer: Gazetteer, name: str, country: str) -> None:
    found = gazetteer.lookup(name, context_countries=[country])
    assert found and (found[0].country, found[0].kind) == (country, "admin1")


def test_admin1_in_context_beats_a_foreign_town(gazetteer: Gazetteer) -> None:
    borno = gazetteer.lookup("Borno", context_countries=["NGA"])[0]
    assert (borno.name, borno.country) == ("Borno", "NGA")
    assert abs(borno.lat - 11.8) < 1.5 and abs(borno.lon - 13.0) < 1.5  # Maiduguri 11.85, 13.16
    assert [p.country for p in gazetteer.lookup("Maiduguri")[:1]] == ["NGA"]
    assert gazetteer.lookup("Maiduguri")[0].admin1 == "Borno"


def test_a_country_beats_a_unit_of_its_name(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Niger", context_countries=["NGA"])[0].kind == "country"
    assert (gazetteer.lookup("Niger State")[0].country, gazetteer.lookup("Niger State")[0].kind) == ("NGA", "admin1")


def test_a_bare_direction_is_no_admin1(gazetteer: Gazetteer) -> None:
    """Units called "North" or "Western" are found with their unit word only."""
    assert all(p.kind != "admin1" for p in gazetteer.lookup("North") + gazetteer.lookup("Western"))
    assert gazetteer.lookup("North Region", context_countries=["CMR"])[0].country == "CMR"
