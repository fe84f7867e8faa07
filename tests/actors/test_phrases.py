"""gesta.actors.phrases.PhraseIndex: longest non-overlapping matches over several key rows."""

from __future__ import annotations

from gesta.actors.phrases import PhraseIndex


def index(*phrases: str) -> PhraseIndex[str]:
    built: PhraseIndex[str] = PhraseIndex()
    for phrase in phrases:
        built.add(tuple(phrase.split()), phrase)
    return built


def test_longest_match_wins() -> None:
    found = index("united", "united states", "united states army").find("the united states army said".split())
    assert found == [(1, 4, ["united states army"])]


def test_non_overlapping_left_to_right() -> None:
    found = index("a b", "b c", "c").find("a b c".split())
    assert found == [(0, 2, ["a b"]), (2, 3, ["c"])]


def test_several_payloads_for_one_phrase() -> None:
    built: PhraseIndex[str] = PhraseIndex()
    built.add(("georgia",), "country")
    built.add(("georgia",), "us-state")
    assert built.find(["georgia"]) == [(0, 1, ["country", "us-state"])]
    assert len(built) == 1


def test_second_key_row_finds_longer_match() -> None:
    built = index("separatist leader", "separatist")
    forms = ["separatist", "leaders", "met"]
    lemmas = ["separatist", "leader", "meet"]
    assert built.find(forms) == [(0, 1, ["separatist"])]
    assert built.find(forms, lemmas) == [(0, 2, ["separatist leader"])]


def test_first_row_kept_on_equal_length() -> None:
    built = index("troops", "troop")
    assert built.find(["troops"], ["troop"]) == [(0, 1, ["troops"])]


def test_longest_at_respects_end_and_empty() -> None:
    built = index("a b c")
    assert built.longest_at(["a", "b"], 0) is None
    assert built.find() == []
    built.add((), "ignored")
    assert len(built) == 1
