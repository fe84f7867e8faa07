"""Cue words (data/grammar/cues.yaml) that mark attribution, modality and CAMEO's
recoding rules, shared by the actor and event stages."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from gesta.errors import DataFileError
from gesta.resources import DataFile, data_dir, load_yaml


@dataclass(frozen=True)
class GameCues:
    """What marks a sentence about a game (``games`` in cues.yaml); empty: nothing does."""

    roots: frozenset[str] = frozenset()
    min_sentences: int = 2
    keep_sectors: frozenset[str] = frozenset()
    matcher: re.Pattern[str] | None = None  # a score or a sport phrase, on lowercased text


@dataclass(frozen=True)
class Cues:
    """Word lists from ``data/grammar/cues.yaml``."""

    speech_verbs: frozenset[str]
    source_phrases: frozenset[str]
    denial_verbs: frozenset[str]
    media_nouns: frozenset[str]
    negation_words: frozenset[str]
    negating_verbs: frozenset[str]
    refusal_verbs: frozenset[str]
    hypothetical_aux: frozenset[str]
    conditional_marks: frozenset[str]
    future_aux: frozenset[str]
    intent_verbs: frozenset[str]
    time_nouns: frozenset[str]
    obligation_aux: frozenset[str]
    impersonal_verbs: frozenset[str]
    refusal_codes: Mapping[str, str]
    intent_codes: Mapping[str, str]
    reporting_codes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    framing_verbs: frozenset[str] = frozenset()
    day_words: frozenset[str] = frozenset()
    against_prefixes: frozenset[str] = frozenset()
    decided_roots: frozenset[str] = frozenset()
    conditional_roots: frozenset[str] = frozenset()
    asked_of_roots: frozenset[str] = frozenset()
    place_target_roots: frozenset[str] = frozenset()
    stance_participles: frozenset[str] = frozenset()
    demand_verbs: frozenset[str] = frozenset()
    minority_markers: frozenset[str] = frozenset()
    pressure_nouns: frozenset[str] = frozenset()
    refusal_nouns: frozenset[str] = frozenset()
    natural_causes: frozenset[str] = frozenset()
    reciprocal_phrases: frozenset[str] = frozenset()
    support_verbs: frozenset[str] = frozenset()
    permission_verbs: frozenset[str] = frozenset()
    authority_sectors: frozenset[str] = frozenset()
    place_prepositions: frozenset[str] = frozenset()
    time_prepositions: frozenset[str] = frozenset()
    clause_markers: frozenset[str] = frozenset()
    abstract_objects: frozenset[str] = frozenset()
    abstract_doers: frozenset[str] = frozenset()
    uncoercible_objects: frozenset[str] = frozenset()
    contest_verbs: frozenset[str] = frozenset()
    election_words: frozenset[str] = frozenset()
    question_verbs: frozenset[str] = frozenset()
    question_words: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()
    warning_verbs: frozenset[str] = frozenset()
    figurative_modifiers: frozenset[str] = frozenset()
    war_nouns: frozenset[str] = frozenset()
    office_objects: frozenset[str] = frozenset()
    showing_verbs: frozenset[str] = frozenset()
    joint_recodings: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    presence_cameo: str = "154"
    presence_sectors: frozenset[str] = frozenset()
    presence_prepositions: frozenset[str] = frozenset()
    domestic_roots: frozenset[str] = frozenset()
    domestic_codes: frozenset[str] = frozenset()  # domestic roots and finer code prefixes
    state_recodings: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    state_sectors: frozenset[str] = frozenset()
    domestic_sectors: frozenset[str] = frozenset()
    recipient_prepositions: tuple[str, ...] = ()
    attempt_verbs: frozenset[str] = frozenset()
    attempt_nouns: frozenset[str] = frozenset()
    attempt_killing: frozenset[str] = frozenset()
    attempt_cameo: str = "185"
    games: GameCues = field(default_factory=GameCues)
    verbal_attack_cameo: str = "111"
    verbal_attack_verbs: frozenset[str] = frozenset()
    saying_verbs: frozenset[str] = frozenset()
    said_nouns: frozenset[str] = frozenset()


def load_cues(path: Path | None = None) -> Cues:
    data = load_yaml(path or data_dir() / "grammar" / "cues.yaml", "cues")
    words = {name: frozenset(items) for name, items in data.content["cues"].items()}
    return Cues(
        **words,
        refusal_codes=MappingProxyType(dict(data.content["refusal_codes"])),
        intent_codes=MappingProxyType(dict(data.content["intent_codes"])),
        reporting_codes=MappingProxyType(dict(data.content.get("reporting_codes", {}))),
        decided_roots=frozenset(data.content.get("decided_roots", ())),
        conditional_roots=frozenset(data.content.get("conditional_roots", ())),
        asked_of_roots=frozenset(data.content.get("asked_of_roots", ())),
        place_target_roots=frozenset(data.content.get("place_target_roots", ())),
        presence_cameo=data.content["presence"]["cameo"],
        presence_sectors=frozenset(data.content["presence"]["sectors"]),
        presence_prepositions=frozenset(data.content["presence"]["prepositions"]),
        domestic_roots=frozenset(data.content.get("domestic", {}).get("roots", ())),
        joint_recodings=MappingProxyType(dict(data.content.get("joint_recodings", {}))),
        state_recodings=MappingProxyType(dict(data.content.get("by_state", {}).get("codes", {}))),
        state_sectors=frozenset(data.content.get("by_state", {}).get("sectors", ())),
        domestic_codes=frozenset(
            (*data.content.get("domestic", {}).get("roots", ()), *data.content.get("domestic", {}).get("codes", ()))
        ),
        domestic_sectors=frozenset(data.content.get("domestic", {}).get("sectors", ())),
        recipient_prepositions=tuple(data.content.get("recipient", {}).get("prepositions", ())),
        attempt_verbs=frozenset(data.content.get("attempt", {}).get("verbs", ())),
        attempt_nouns=frozenset(data.content.get("attempt", {}).get("nouns", ())),
        attempt_killing=frozenset(data.content.get("attempt", {}).get("killing", ())),
        attempt_cameo=data.content.get("attempt", {}).get("cameo", "185"),
        games=_game_cues(data),
        verbal_attack_cameo=data.content.get("verbal_attack", {}).get("cameo", "111"),
        verbal_attack_verbs=frozenset(data.content.get("verbal_attack", {}).get("verbs", ())),
        saying_verbs=frozenset(data.content.get("verbal_attack", {}).get("saying_verbs", ())),
        said_nouns=frozenset(data.content.get("verbal_attack", {}).get("said_nouns", ())),
    )


def _game_cues(data: DataFile) -> GameCues:
    games: dict[str, Any] = data.content.get("games") or {}
    if not games:
        return GameCues()
    for index, pattern in enumerate(games["score_patterns"]):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise DataFileError(str(data.path), f"not a regular expression: {exc}",
                                data.line_of("games", "score_patterns", index), "games.score_patterns") from exc
    phrases = "|".join(re.escape(p.lower()) for p in games["phrases"])
    matcher = re.compile("|".join([*games["score_patterns"], f"\\b(?:{phrases})\\b"]))
    return GameCues(frozenset(games["roots"]), int(games["min_sentences"]), frozenset(games["keep_sectors"]), matcher)
