"""Turn dictionary matches in one parsed sentence into coded actor mentions.

Adjacent matches compose ("Russian" + "troops" -> RUSMIL; "Kremlin" + "spokesman" + the
unknown name after it -> RUSGOV "Dmitry Peskov"); an agent without a country takes one from
its modifiers in the parse ("separatist leaders in eastern Ukraine" -> UKRREB).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from gesta.actors.dictionary import ActorDictionary, ActorEntry, Person
from gesta.document import Actor

# Which reading of a phrase wins when a phrase has several (e.g. "Georgia").
KIND_PRIORITY = {
    "country": 0, "capital": 1, "seat": 2, "person": 3, "org": 4, "group": 5,
    "adjective": 6, "title": 7, "agent": 8,
}
NAME_KINDS = frozenset({"person", "group", "org", "country", "capital", "seat", "adjective", "title"})
COUNTRY_KINDS = frozenset({"country", "capital", "seat", "adjective"})
GROUP_KINDS = frozenset({"group"})
MODIFIER_DEPS = frozenset({"nmod", "amod", "compound", "nmod:poss", "poss", "prep", "pobj", "obl", "appos"})
JOINERS = frozenset({"'s", "'", "’s"})


@dataclass(slots=True)
class Match:
    """One dictionary match: token range in the sentence span and its chosen reading."""

    start: int
    end: int
    entry: ActorEntry


@dataclass(slots=True)
class Chunk:
    """Adjacent matches that form one mention, plus an unknown proper name if any."""

    start: int
    end: int
    matches: list[Match]
    name: str | None = None  # an unknown person's name, e.g. "Dmitry Peskov"


def choose_entry(entries: Sequence[ActorEntry], tokens: Sequence[Any], day: dt.date | None) -> ActorEntry | None:
    """The reading of a matched phrase that fits its case and the date."""
    text = "".join(t.text for t in tokens)
    fitting = [e for e in entries if _case_fits(e, text, tokens)]
    if not fitting:
        return None
    best = min(fitting, key=lambda e: KIND_PRIORITY[e.kind])
    people = [e for e in fitting if e.person is not None]
    if best.kind == "person" and day is not None:  # namesakes: the one in office that day
        active = [e for e in people if any(r.active_on(day) for r in e.person.roles)]  # type: ignore[union-attr]
        return active[0] if active else best
    return best


def _case_fits(entry: ActorEntry, text: str, tokens: Sequence[Any]) -> bool:
    if entry.case_sensitive:
        return text == entry.phrase.replace(" ", "")
    if entry.kind in NAME_KINDS and entry.phrase[:1].isupper():
        return bool(tokens) and (tokens[0].text[:1].isupper() or _article_prefixed(tokens))
    return True


def _article_prefixed(tokens: Sequence[Any]) -> bool:
    """A name written with a lowercase Arabic-style article and hyphen ("al-Qaeda", "el-Sisi")."""
    return len(tokens) > 2 and len(tokens[0].text) <= 3 and tokens[1].text == "-" and tokens[2].text[:1].isupper()


def chunk_matches(matches: list[Match], span: Any) -> list[Chunk]:
    """Group adjacent matches (allowing a possessive 's between) into chunks."""
    chunks: list[Chunk] = []
    for match in matches:
        previous = chunks[-1] if chunks else None
        if previous is not None and _adjacent(previous.end, match.start, span) and _composable(previous, match):
            previous.matches.append(match)
            previous.end = match.end
        else:
            chunks.append(Chunk(match.start, match.end, [match]))
    for chunk in chunks:
        _attach_unknown_name(chunk, span)
    return chunks


def _adjacent(end: int, start: int, span: Any) -> bool:
    if start == end:
        return True
    return start == end + 1 and span[end].text.lower() in JOINERS


def _composable(chunk: Chunk, match: Match) -> bool:
    """Two matches compose unless both are full names of their own ("Russia Ukraine")."""
    kinds = {m.entry.kind for m in chunk.matches}
    if match.entry.kind in ("country", "org", "group") and kinds & {"country", "org", "group", "person"}:
        return False
    if match.entry.kind == "person" and "person" in kinds:
        return False
    return True


def _attach_unknown_name(chunk: Chunk, span: Any) -> None:
    """After a one-person agent or title, proper nouns not in the dictionary are the name."""
    last = chunk.matches[-1].entry
    if not last.single_person or last.kind == "person":
        return
    end = chunk.end
    while end < len(span) and span[end].pos_ == "PROPN" and span[end].text[:1].isupper():
        end += 1
    if end > chunk.end:
        chunk.name = span[chunk.end : end].text
        chunk.end = end


def chunk_actor(
    chunk: Chunk, span: Any, dictionary: ActorDictionary, day: dt.date | None
) -> tuple[Actor | None, str]:
    """The coded actor of a chunk and a short reason; None when it has no country or code."""
    entries = [m.entry for m in chunk.matches]
    text = span[chunk.start : chunk.end].text
    person = next((e for e in entries if e.person is not None), None)
    if person is not None and person.person is not None:
        return person_actor(person.person, text, day, f"person {person.origin}")
    named = next((e for e in entries if e.kind in ("group", "org")), None)
    country = next((e for e in entries if e.kind in COUNTRY_KINDS), None)
    sector = _sector(entries)
    title = next((e for e in entries if e.kind == "title"), None)
    if title is not None and title.country and title.office and chunk.name is None:
        holder = dictionary.holder(title.country, title.office, day)
        if holder is not None:
            return person_actor(holder, text, day, f"title {title.origin} held by {holder.name}")
    if named is not None:
        code = named.code or "UNK"
        return Actor(text, code, named.country, sector or named.sector, chunk.name or named.name), f"{named.kind} {named.origin}"
    base = country or title
    if base is None or base.country is None:
        return None, "agent without a country"
    return compose(text, base.country, sector, chunk.name), f"{base.kind} {base.origin}"


def _sector(entries: list[ActorEntry]) -> str | None:
    """The first agent's sector ("separatist leaders" -> REB), else a seat's GOV."""
    for entry in entries:
        if entry.kind == "agent" and entry.sector:
            return entry.sector
    for entry in entries:
        if entry.kind in ("seat", "title") and entry.sector:
            return entry.sector
    return None


def compose(text: str, country: str, sector: str | None, name: str | None = None) -> Actor:
    return Actor(text, country + (sector or ""), country, sector, name)


def person_actor(person: Person, text: str, day: dt.date | None, why: str) -> tuple[Actor, str]:
    role = person.role_on(day)
    if role is None:
        return Actor(text, "UNK", None, None, person.name), why
    code = role.actor_code
    return Actor(text, code, role.country, role.sector, person.name), f"{why} as {role.office or role.title}"


# "forces of Ukraine", "troops from Chad", "separatist leaders in eastern Ukraine", "Ukrainian"
NATIONALITY_PREPOSITIONS = frozenset({None, "of", "from", "in"})
FLAT_DEPS = frozenset({"compound", "amod", "flat", "nmod:poss", "appos", "conj", "det"})


def _preposition(token: Any) -> str | None:
    case = next((c for c in token.children if c.dep_ == "case" and c.i < token.i), None)
    return case.lower_ if case is not None else None


def modifier_country(head: Any, matched: dict[int, Match], span_start: int) -> tuple[Match, int] | None:
    """A country, organisation or group among the modifiers of ``head`` ("leaders in Ukraine").

    Returns the match and the token index (in the sentence span) where the modifier phrase ends.
    """
    for child in head.children:
        if child.dep_ not in MODIFIER_DEPS or _preposition(child) not in NATIONALITY_PREPOSITIONS:
            continue  # "soldiers on the border with Ukraine" are not Ukraine's
        flat = [child, *(g for g in child.children if g.dep_ in FLAT_DEPS)]
        for token in flat:
            match = matched.get(token.i - span_start)
            if match is not None and match.entry.kind in ("country", "capital", "adjective", "org", "group"):
                return match, child.right_edge.i - span_start + 1
    return None
