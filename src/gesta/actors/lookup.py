"""Why a phrase is coded the way it is: dictionary readings and the coded mention."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gesta.actors.dictionary import ActorEntry
from gesta.pipeline import Pipeline

LEADING_ARTICLES = frozenset({"the", "a", "an"})


@dataclass(frozen=True)
class Reading:
    kind: str
    phrase: str
    code: str | None
    country: str | None
    sector: str | None
    name: str | None
    origin: str
    roles: tuple[str, ...]


@dataclass(frozen=True)
class Lookup:
    text: str
    day: dt.date | None
    readings: tuple[Reading, ...]
    coded: tuple[tuple[str, str, str, str], ...]  # (mention text, code, kind, why)


def lookup_actor(pipeline: Pipeline, text: str, day: dt.date | None = None) -> Lookup:
    """Every dictionary reading of ``text`` and how the pipeline codes it on ``day``."""
    dictionary = pipeline.context.actors
    tokens = tuple(t.text for t in pipeline.context.nlp.tokenizer(text))
    while tokens and tokens[0].lower() in LEADING_ARTICLES:  # the matcher skips them too
        tokens = tokens[1:]
    readings = tuple(_reading(e, day) for e in dictionary.lookup(tokens))
    article = pipeline(text, published=day, article_id="lookup")
    coded = tuple((m.actor.text, m.actor.code, m.kind, m.why) for m in article.mentions)
    return Lookup(text, day, readings, coded)


def _reading(entry: ActorEntry, day: dt.date | None) -> Reading:
    roles: tuple[str, ...] = ()
    if entry.person is not None:
        active = entry.person.role_on(day)
        roles = tuple(
            f"{'* ' if r is active else ''}{r.actor_code} {r.office or ''} {r.title or ''} "
            f"{r.start or '?'}..{r.end or 'now'}".replace("  ", " ")
            for r in entry.person.roles
        )
    return Reading(entry.kind, entry.phrase, entry.code, entry.country, entry.sector, entry.name, entry.origin, roles)


def describe(result: Lookup) -> list[str]:
    lines = [f"{result.text!r} on {result.day or 'the latest date'}:"]
    if not result.readings:
        lines.append("  no dictionary entry for this exact phrase")
    for r in result.readings:
        lines.append(f"  {r.kind:<9} {r.code or '-':<10} country={r.country or '-'} sector={r.sector or '-'} name={r.name or '-'}  ({r.origin})")
        lines.extend(f"      role {role}" for role in r.roles)
    lines.append("coded in context:" if result.coded else "coded in context: nothing")
    lines.extend(f"  {text!r} -> {code} [{kind}] {why}" for text, code, kind, why in result.coded)
    return lines


