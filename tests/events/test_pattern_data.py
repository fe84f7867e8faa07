"""The shipped patterns (data/patterns, built from tools/pattern_inputs) on sentences written
here: political verbs and nouns the PETRARCH2 dictionary lacks or codes wrongly."""

from __future__ import annotations

from typing import Any

import pytest


def coded(pipeline: Any, text: str) -> set[tuple[str, str | None, str | None]]:
    found = pipeline(text, published="2022-02-23").events
    return {(e.cameo, e.source.code if e.source else None, e.target.code if e.target else None) for e in found}


@pytest.mark.parametrize(
    ("text", "cameo", "source", "target"),
    [
        ("Thailand accepted a peace formula for ending its border dispute with Cambodia.", "037", "THA", "KHM"),
        ("The Kenyan government accepted demands from striking teachers.", "080", "KENGOV", None),
        ("Sudan agreed to Ethiopian mediation in the border dispute.", "038", "SDN", "ETH"),
        ("Norway announced a suspension of direct flights with Belarus.", "160", "NOR", "BLR"),
        ("Belarusian police prevented a rally by opposition supporters in Minsk.", "1721", "BLRCOP", None),
        ("Syrian rebels used Kurdish villagers as human shields.", "184", "SYRREB", None),
        ("Ukraine filed a lawsuit against Russia at the World Court.", "115", "UKR", "RUS"),
    ],
)
def test_political_verbs_and_nouns(pipeline: Any, text: str, cameo: str, source: str, target: str | None) -> None:
    found = coded(pipeline, text)
    assert any(c == cameo and s == source and (target is None or t == target) for c, s, t in found), found


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Thousands of Kenyan farmers converged on Nairobi on Monday.", "04"),  # gathering is no consultation
        ("A press release from the Kenyan ministry said talks would continue.", "08"),  # a press release frees no one
        ("Belarusian police prevented a rally by opposition supporters in Minsk.", "11"),  # no accusation
    ],
)
def test_vague_dictionary_defaults_are_not_events(pipeline: Any, text: str, root: str) -> None:
    found = coded(pipeline, text)
    assert not any(c.startswith(root) for c, _, _ in found), found
