"""The event's place is the one attached to its trigger in the parse, not any place in the sentence."""

from __future__ import annotations

from typing import Any


def test_place_in_the_triggers_phrase_wins(pipeline: Any) -> None:
    article = pipeline(
        "Russian troops stationed near Kharkiv shelled the distant eastern town of Rubizhne overnight.",
        published="2022-04-01",
    )
    attacks = [e for e in article.events if e.cameo.startswith("19")]
    assert attacks, [(e.cameo, e.rule) for e in article.events]
    assert attacks[0].location is not None
    assert attacks[0].location.name.startswith("Rubi"), attacks[0].location


def test_force_aimed_at_nobody_named_targets_the_foreign_place_it_hits(pipeline: Any) -> None:
    shelled = pipeline("Russian forces shelled Kherson on Sunday.", published="2022-11-20").events
    assert [(e.source.code, e.target.code, e.rule.endswith(">target-from-place")) for e in shelled] == [
        ("RUSMIL", "UKR", True)
    ]
    # at home there is no foreign target to give; an actor named as target stays
    home = pipeline("Ukrainian forces shelled positions near Kherson.", published="2022-11-20").events
    assert all(e.target is None or not e.rule.endswith(">target-from-place") for e in home)
