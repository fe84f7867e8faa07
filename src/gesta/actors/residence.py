"""Ethnic minorities are coded by the country they live in, as CAMEO and PLOVER do: "ethnic
Albanians demonstrated in Serbia", "the Albanians of southern Serbia" -> SRBETH, not Albania."""

from __future__ import annotations

from typing import Any

from gesta.actors.compose import compose
from gesta.document import Mention

RESIDENCE_PREPOSITIONS = frozenset({"of", "in"})
NOUN_POS = frozenset({"NOUN", "PROPN"})


def code_minorities(mentions: list[Mention], span: Any, markers: frozenset[str]) -> None:
    """Re-code, in place, each people-of-a-nationality mention ("Albanians") that is marked as a
    minority ("ethnic Albanians") or placed in another country ("the Albanians of Serbia"),
    as an ethnic group (ETH) of that country."""
    by_token = {m.token_start + span.start + i: m for m in mentions for i in range(m.token_end - m.token_start)}
    for mention in mentions:
        if not _is_people_of_a_nationality(mention, span):
            continue
        head = span[mention.token_end - 1]
        home = _placed_in(head, by_token, mention) or (_first_other_country(mentions, mention) if _marked(head, markers) else None)
        if home is not None:
            mention.actor = compose(mention.actor.text, home, "ETH")
            mention.why = f"{mention.why}; an ethnic group living in {home}"


def _is_people_of_a_nationality(mention: Mention, span: Any) -> bool:
    """A nationality word used as a noun for people ("Albanians"), not an adjective or a state."""
    if mention.actor.sector is not None or not mention.why.startswith("adjective"):
        return False
    return span[mention.token_end - 1].pos_ in NOUN_POS


def _marked(head: Any, markers: frozenset[str]) -> bool:
    return any(c.dep_ in ("amod", "compound") and c.lower_ in markers for c in head.children)


def _placed_in(head: Any, by_token: dict[int, Mention], mention: Mention) -> str | None:
    for child in head.children:
        case = next((c.lower_ for c in child.children if c.dep_ == "case"), None)
        if child.dep_ in ("nmod", "obl") and case in RESIDENCE_PREPOSITIONS:
            found = next((by_token[t.i] for t in child.subtree if t.i in by_token), None)
            if found is not None and found.actor.country and found.actor.country != mention.actor.country:
                return found.actor.country
    return None


def _first_other_country(mentions: list[Mention], mention: Mention) -> str | None:
    """The first country of another mention of the sentence named as a state ("in Serbia",
    "Macedonia's border")."""
    for other in mentions:
        if other is mention or other.kind not in ("name", "metonym") or other.why.startswith("adjective"):
            continue
        if other.actor.sector is None and other.actor.country and other.actor.country != mention.actor.country:
            return other.actor.country
    return None
