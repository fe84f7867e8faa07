"""gesta.codes: CAMEO -> PLOVER/ACLED look-ups, legacy PLOVER names, ACLED refinement rules."""

from __future__ import annotations

from types import MappingProxyType

import pytest

from gesta.codes import AcledCode, CodeBook, PloverCode, _apply_condition, load_codebook


@pytest.fixture(scope="module")
def book() -> CodeBook:
    return load_codebook()


def test_describe(book: CodeBook) -> None:
    code = book.describe("0232")
    assert code.name == "Appeal for military aid"
    assert code.root == "02" and code.quad_class == 1
    with pytest.raises(KeyError):
        book.describe("9999")


def test_plover_exact_and_nearest_parent(book: CodeBook) -> None:
    assert book.plover_for("0232") == PloverCode("REQUEST", "assist", "military")
    assert book.plover_for("190").type == "ASSAULT"
    # a code the table lacks falls back to its nearest parent
    small = CodeBook(cameo={}, plover=MappingProxyType({"02": PloverCode("REQUEST", None, None),
                                                        "023": PloverCode("REQUEST", "assist", None)}),
                     acled={}, legacy_plover={})
    assert small.plover_for("0239") == PloverCode("REQUEST", "assist", None)
    assert small.plover_for("029") == PloverCode("REQUEST", None, None)
    assert small.plover_for("19") is None


def test_statements_have_no_plover_type(book: CodeBook) -> None:
    assert book.plover_for("010") is None


@pytest.mark.parametrize(("old", "new"), [("DEMAND", "REQUEST"), ("DISAPPROVE", "ACCUSE"),
                                          ("INVESTIGATE", "ACCUSE"), ("demand", "REQUEST")])
def test_legacy_plover_names(book: CodeBook, old: str, new: str) -> None:
    assert book.modern_plover(old) == new


def test_current_plover_names_unchanged(book: CodeBook) -> None:
    assert book.modern_plover("ASSAULT") == "ASSAULT"
    assert book.modern_plover("request") == "REQUEST"


def test_acled_default_and_refinement_by_target_sector(book: CodeBook) -> None:
    assert book.acled_for("190") == AcledCode("Battles", "Armed clash", book.acled["190"].needs)
    civilians = book.acled_for("190", source_sector="MIL", target_sector="CVL")
    assert civilians == AcledCode("Violence against civilians", "Attack", None)
    soldiers = book.acled_for("190", source_sector="MIL", target_sector="MIL")
    assert (soldiers.event_type, soldiers.sub_event_type) == ("Battles", "Armed clash")


def test_acled_rule_with_several_values(book: CodeBook) -> None:
    # 180: attacks on civilians by default, an armed clash when the target is armed
    assert book.acled_for("180").event_type == "Violence against civilians"
    for sector in ("MIL", "COP", "REB"):
        refined = book.acled_for("180", target_sector=sector)
        assert (refined.event_type, refined.sub_event_type) == ("Battles", "Armed clash")


def test_acled_source_sector_rule(book: CodeBook) -> None:
    refined = book.acled_for("192", source_sector="MIL")
    assert (refined.event_type, refined.sub_event_type) == ("Battles", "Government regains territory")


def test_acled_unknown_facts_never_match(book: CodeBook) -> None:
    # 190's first rules are on the weapon, which gesta does not know: they never apply
    found = book.acled_for("190", source_sector="MIL", target_sector=None)
    assert (found.event_type, found.sub_event_type) == ("Battles", "Armed clash")
    needs = "weapon=AIRCRAFT:Explosions/Remote violence/Air/drone strike"
    code = AcledCode("Battles", "Armed clash", needs)
    assert _apply_condition(code, {"source_sector": "AIRCRAFT", "target_sector": "AIRCRAFT"},
                            book.acled_event_types) is code


def test_acled_outcome_with_slash_in_event_type(book: CodeBook) -> None:
    code = book.acled["190"]
    for weapon, sub in [("AIRCRAFT", "Air/drone strike"), ("DRONE", "Air/drone strike"),
                        ("ARTILLERY", "Shelling/artillery/missile attack"), ("GRENADE", "Grenade")]:
        refined = _apply_condition(code, {"weapon": weapon}, book.acled_event_types)
        assert refined == AcledCode("Explosions/Remote violence", sub, None)


def test_acled_nearest_parent(book: CodeBook) -> None:
    # 1951 is not in the ACLED table: 195 or 19 answers, refined like its parent
    direct = book.acled_for("1951", target_sector="CVL")
    assert direct is not None
    assert direct.event_type in {"Violence against civilians", "Explosions/Remote violence"}
    assert book.acled_for("19", target_sector="CVL") == AcledCode("Violence against civilians", "Attack", None)


def test_acled_event_types_loaded(book: CodeBook) -> None:
    assert "Explosions/Remote violence" in book.acled_event_types
    assert "Battles" in book.acled_event_types
