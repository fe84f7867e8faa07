"""Acronyms an article defines for itself.

"the paramilitary Rapid Support Forces (RSF)" makes every "RSF" of that article the Rapid
Support Forces, although the dictionary also knows Reporters Without Borders as RSF; "the
Rural Support Fund (RSF)", a name the dictionary lacks, makes "RSF" in that article nobody
the dictionary knows. A definition is a dictionary name of an organisation, group or country,
or capitalised words whose initials spell the acronym, right before the acronym in brackets.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

from gesta.actors.compose import Match
from gesta.actors.dictionary import ActorEntry
from gesta.document import Sentence

ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}")
# what an acronym can stand for; a person's name before brackets is followed by a credit,
# not an acronym ("Kremlin spokesman Dmitry Peskov (RIA)")
DEFINING_KINDS = frozenset({"org", "group", "country"})


def defined_acronyms(sentences: Sequence[Sentence], matched: Sequence[list[Match]]) -> dict[str, ActorEntry | None]:
    """Acronym -> the dictionary entry the article defines it as (``None``: something the
    dictionary does not know). The first definition in the article counts."""
    defined: dict[str, ActorEntry | None] = {}
    for sentence, matches in zip(sentences, matched, strict=True):
        span = sentence.parse
        if span is None or "(" not in sentence.text:  # most sentences: no token walk
            continue
        ending_at = {m.end: m for m in matches}
        for i in range(1, len(span) - 2):
            acronym = span[i + 1].text
            if span[i].text != "(" or span[i + 2].text != ")" or acronym in defined or not ACRONYM.fullmatch(acronym):
                continue
            named = ending_at.get(i)
            if named is not None and named.end - named.start > 1 and named.entry.kind in DEFINING_KINDS:
                origin = f"{named.entry.origin}, defined in the article as {acronym}"
                defined[acronym] = dataclasses.replace(named.entry, phrase=acronym, origin=origin)
            elif named is None and _initials_before(span, i).endswith(acronym):
                defined[acronym] = None
    return defined


def with_definitions(span: Any, matches: list[Match], defined: dict[str, ActorEntry | None]) -> list[Match]:
    """The sentence's matches with every defined acronym read as the article defines it."""
    if not defined or span is None:
        return matches
    kept = [m for m in matches if not (m.end - m.start == 1 and span[m.start].text in defined)]
    covered = {i for m in kept for i in range(m.start, m.end)}
    for i, token in enumerate(span):
        entry = defined.get(token.text)
        if entry is not None and i not in covered:
            kept.append(Match(i, i + 1, entry))
    return sorted(kept, key=lambda m: m.start)


def _initials_before(span: Any, end: int) -> str:
    """Initials of the capitalised words before ``end``, skipping lower-case function words
    ("National League for Democracy": NLD)."""
    initials: list[str] = []
    i = end - 1
    while i >= 0 and (span[i].text[:1].isupper() or (span[i].is_lower and span[i].is_stop and initials)):
        if span[i].text[:1].isupper():
            initials.append(span[i].text[0])
        i -= 1
    return "".join(reversed(initials))
