from __future__ import annotations

from gesta.cli import main


def test_places_lookup(capsys) -> None:
    assert main(["places", "lookup", "Donetsk", "--country", "RUS"]) == 0
    assert "choice: Donetsk (city, RUS" in capsys.readouterr().out


def test_places_lookup_unknown() -> None:
    assert main(["places", "lookup", "Nowhereville"]) == 1
