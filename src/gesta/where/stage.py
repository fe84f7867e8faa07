"""Stage ``places``: each event's place, with an ACLED-like precision.

Place phrases are a cue from ``data/grammar/places.yaml`` ("in", "near", "on the outskirts
of", ...) followed by capitalised words (optionally a direction adjective before and a region
word after: "in eastern Ukraine", "in the Kharkiv region"); capitalised words without a cue
are not searched. Phrases overlapping an actor mention are skipped unless a cue precedes
them ("Moscow denied" is an actor, "in Moscow" a place). Names are ranked by the countries of
the article's actor mentions (:meth:`Gazetteer.lookup`).

Precision: 1 = the named town; 2 = near a town ("near X", "outskirts of X") or part of a
region ("eastern Ukraine"); 3 = a region, admin1 unit or country (centroid). The event takes
the place phrase nearest its trigger in its sentence, else the article's main place (the
most frequent one), else the country of its actors, at precision 3.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gesta.actors.compose import compose
from gesta.actors.stage import MAIN_COUNTRY_WHY
from gesta.document import Actor, Article, Event, Location, Mention, Sentence
from gesta.events.grammar import POSSESSIVE
from gesta.events.harm import VIOLENT_ROOTS
from gesta.registry import StageContext
from gesta.resources import data_dir, load_yaml
from gesta.where.gazetteer import Gazetteer, Place

_NAME = r"[A-Z][\w'’\-]*(?:\s+(?:al-|el-|de\s+|ez-)?[A-Z][\w'’\-]*){0,3}"
# a run of capitalised words ("Actor Bruce Willis", "Prime Minister Tony Blair")
SURNAME_TOWN_MAX = 200_000  # a bigger city keeps its name: "Make Melbourne Yours" is about Melbourne
_FULL_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b")


@dataclass(frozen=True)
class PlaceWords:
    cues: dict[str, int]
    region_words: frozenset[str]
    directions: frozenset[str]
    stop_words: frozenset[str]
    pattern: re.Pattern[str]
    name_starts: frozenset[str] = frozenset()
    local_sectors: frozenset[str] = frozenset()
    not_places: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class PlacePhrase:
    start: int
    end: int
    name: str
    place: Place
    precision: int


@functools.lru_cache(maxsize=4)
def load_place_words(path: Path | None = None) -> PlaceWords:
    content = load_yaml(path or data_dir() / "grammar" / "places.yaml", "place_words").content
    cues = "|".join(re.escape(c) for c in sorted(content["cues"], key=len, reverse=True))
    directions = "|".join(re.escape(d) for d in content["directions"])
    regions = "|".join(re.escape(r) for r in content["region_words"])
    pattern = re.compile(
        rf"{_not_after(content.get('not_after', []))}\b(?P<cue>(?i:{cues}))\s+(?:the\s+)?(?P<dir>(?i:{directions})\s+)?(?P<name>{_NAME})"
        rf"(?P<region>\s+(?i:{regions})\b)?"
    )
    return PlaceWords({k.lower(): v for k, v in content["cues"].items()}, frozenset(content["region_words"]),
                      frozenset(content["directions"]), frozenset(content["stop_words"]), pattern,
                      frozenset(content.get("name_starts", ())), frozenset(content.get("local_sectors", ())),
                      frozenset(content.get("not_places", ())))


@dataclass
class PlacesStage:
    gazetteer: Gazetteer
    words: PlaceWords = field(default_factory=load_place_words)
    name: str = "places"
    requires: frozenset[str] = frozenset({"events", "mentions"})
    provides: frozenset[str] = frozenset({"places"})

    @classmethod
    def from_context(cls, context: StageContext) -> PlacesStage:
        return cls(Gazetteer.load())

    def __call__(self, article: Article) -> Article:
        context = article_countries(article)
        people = self.surnames(article)
        phrases = {s.index: self.find(s, article.sentence_mentions(s.index), context, people) for s in article.sentences}
        main = main_place(phrases)
        by_index = {s.index: s for s in article.sentences}
        guessed = guessed_locals(article, self.words.local_sectors)
        for event in article.events:
            sentence = by_index.get(event.sentence_index)
            found = phrases.get(event.sentence_index, [])
            if found and sentence is not None:
                trigger = event.trigger_start - sentence.start
                attached = attached_to_trigger(sentence, event.trigger_start, found)
                best = min(attached or found, key=lambda p: min(abs(p.start - trigger), abs(p.end - trigger)))
                event.location = to_location(best.place, best.precision)
                if attached:
                    target_from_place(event)
                    locals_from_place(event, guessed)
            elif main is not None:
                event.location = to_location(main.place, max(main.precision, 2))
                if main.place.kind == "city" and main.place.country in context:  # a town of a country the article names
                    locals_from_place(event, guessed)
            else:
                event.location = self.actor_country([event.source, event.target], context)
                continue  # a place guessed from the actors says nothing of who acted
            perpetrator_from_place(event)
        return article

    def locate(self, article: Article, sentence: Sentence) -> Location | None:
        """The place of a sentence alone (first phrase), else the article's fallbacks."""
        context = article_countries(article)
        found = self.find(sentence, article.sentence_mentions(sentence.index), context, self.surnames(article))
        if found:
            return to_location(found[0].place, found[0].precision)
        mentions = article.sentence_mentions(sentence.index)
        return self.actor_country([m.actor for m in mentions], context)

    def find(
        self, sentence: Sentence, mentions: list[Mention], context: tuple[str, ...], surnames: frozenset[str] = frozenset()
    ) -> list[PlacePhrase]:
        """The place phrases of a sentence that name a gazetteer place; a lone word the article
        uses as someone's surname is none ("In Tears of the Sun Willis plays ..." after "Bruce
        Willis", "a duty to Willis")."""
        found = []
        for match in self.words.pattern.finditer(sentence.text):
            phrase = self._phrase(match, context)
            if phrase is not None and phrase.name not in surnames:
                found.append(phrase)
        return found

    def surnames(self, article: Article) -> frozenset[str]:
        """Last words of the article's multi-word capitalised names that are no place and do not
        start with a direction or stop word, when that word alone names only small towns:
        "Bruce Willis" gives Willis (Willis, Texas); "New York", "South Wales" and "Northern
        Cyprus" give nothing, and a country, a region or a big city is never a surname."""
        names = set()
        for sentence in article.sentences:
            for match in _FULL_NAME.finditer(sentence.text):
                words = match.group().split()
                if not any(c.isalpha() for c in sentence.text[: match.start()]):
                    words = words[1:]  # capitalised by its place: "In London ...", "Make Melbourne ..."
                if len(words) < 2:
                    continue
                first = words[0].lower()
                if words[0] in self.words.stop_words or first in self.words.directions or first in self.words.name_starts:
                    continue
                if self.gazetteer.lookup(" ".join(words), ()):
                    continue
                alone = self.gazetteer.lookup(words[-1], ())
                if alone and all(place.kind == "city" and place.population < SURNAME_TOWN_MAX for place in alone):
                    names.add(words[-1])
        return frozenset(names)

    def _phrase(self, match: re.Match[str], context: tuple[str, ...]) -> PlacePhrase | None:
        name = _trim(match.group("name"), self.words.stop_words)
        if not name or name in self.words.not_places:
            return None
        region = (match.group("region") or "").strip()
        candidates = self.gazetteer.lookup(f"{name} {region}".strip(), context) if region else []
        candidates = candidates or self.gazetteer.lookup(name, context)
        if match.group("dir") and not candidates:
            candidates = self.gazetteer.lookup(f"{match.group('dir').strip()} {name}", context)
        if not candidates:
            return None
        place = candidates[0]
        precision = self.words.cues.get(" ".join(match.group("cue").lower().split()), 1)
        if place.kind != "city":
            precision = 2 if match.group("dir") else 3
        return PlacePhrase(match.start(), match.end(), name, place, precision)

    def actor_country(self, actors: list[Any], context: tuple[str, ...]) -> Location | None:
        countries = [a.country for a in actors if a is not None and a.country] or list(context)
        for country in countries:
            for place in self.gazetteer.lookup_country(country):
                return to_location(place, 3)
        return None


def guessed_locals(article: Article, sectors: frozenset[str]) -> set[tuple[int, str, str]]:
    """(sentence, text, code) of the mentions of local people or property ("schools",
    "civilians") whose country was only the article's most-named one; "our people" and
    "its citizens" belong to their possessor, wherever they are."""
    parses = {s.index: s.parse for s in article.sentences}
    return {
        (m.sentence_index, m.actor.text, m.actor.code)
        for m in article.mentions
        if m.why == MAIN_COUNTRY_WHY and m.actor.sector in sectors and not _possessed(parses.get(m.sentence_index), m)
    }


def _possessed(span: Any, mention: Mention) -> bool:
    if span is None:
        return False
    head = span[mention.token_end - 1]
    return any(c.dep_ in POSSESSIVE for c in head.children)


def locals_from_place(event: Event, guessed: set[tuple[int, str, str]]) -> None:
    """Local people or property whose country was a guess belong to the country of the
    event's place: "schools were destroyed" in Luhansk are Ukrainian schools."""
    country = event.location.country if event.location is not None else None
    if not country:
        return
    for role in ("source", "target"):
        actor: Actor | None = getattr(event, role)
        if actor is not None and actor.country != country and (event.sentence_index, actor.text, actor.code) in guessed:
            setattr(event, role, compose(actor.text, country, actor.sector, actor.name))


# roots whose act, with nobody named, is the doing of someone in the place: violence (18-20),
# and the state acts of investigating (09) and coercing (17: arrests, bans, curfews)
UNNAMED_ACTOR_ROOTS = VIOLENT_ROOTS | {"09", "17"}


def perpetrator_from_place(event: Event) -> None:
    """Violence, an investigation or coercion nobody is named for ("A roadside bomb near Samarra
    killed a soldier", "was put under investigation in Italy", "were arrested in Nairobi") is
    coded, as PLOVER and ICEWS code it, with an unnamed actor of the country where it happened as
    source; the rule gets the suffix ``>source-from-place``."""
    location = event.location
    if event.source is not None or location is None or not location.country or event.cameo[:2] not in UNNAMED_ACTOR_ROOTS:
        return
    event.source = Actor(f"unnamed ({location.name})", location.country, location.country, None, None)
    event.rule = f"{event.rule}>source-from-place"


# roots whose act, aimed at nobody named, is aimed at the foreign place where it happens
TARGET_FROM_PLACE_ROOTS = VIOLENT_ROOTS | {"15"}


def target_from_place(event: Event) -> None:
    """Force or violence aimed at nobody named but at a place of another country ("Russian
    forces shelled Kherson", "troops on alert in the West Bank") targets an unnamed actor of
    that country; the rule gets the suffix ``>target-from-place``."""
    location, source = event.location, event.source
    if event.target is not None or source is None or location is None or event.cameo[:2] not in TARGET_FROM_PLACE_ROOTS:
        return
    if not location.country or not source.country or location.country == source.country:
        return
    event.target = Actor(f"unnamed ({location.name})", location.country, location.country, None, None)
    event.rule = f"{event.rule}>target-from-place"


def _not_after(words: list[str]) -> str:
    """A lookbehind per word: ``re`` needs fixed-width lookbehinds, so one each."""
    return "".join(rf"(?<!\b(?i:{re.escape(word)})\s)" for word in words)


def _trim(name: str, stop_words: frozenset[str]) -> str:
    words = name.split()
    while words and words[-1] in stop_words:
        words.pop()
    while words and words[0] in stop_words:
        words.pop(0)
    return re.sub(r"['’]s?$", "", " ".join(words)).strip()


NOT_ATTACHED = frozenset({"nsubj", "nsubj:pass", "csubj", "parataxis", "ccomp", "punct"})


def attached_to_trigger(sentence: Sentence, trigger_start: int, found: list[PlacePhrase]) -> list[PlacePhrase]:
    """The place phrases inside the trigger's part of the parse ("shelled Rubizhne",
    "clashes near Krasnohorivka"), not elsewhere in the sentence."""
    span = sentence.parse
    if span is None:
        return []
    trigger = next((t for t in span if sentence.original_offset(t.idx) == trigger_start), None)
    if trigger is None:
        return []
    # the trigger's own dependents, not its subject ("troops based near Kyiv shelled Rubizhne")
    tokens = [t for c in trigger.children if c.dep_ not in NOT_ATTACHED for t in c.subtree]
    ranges = [(t.idx - span.start_char, t.idx - span.start_char + len(t.text)) for t in tokens]
    return [p for p in found if any(start < p.end <= end for start, end in ranges)]


def article_countries(article: Article) -> tuple[str, ...]:
    counts = Counter(m.actor.country for m in article.mentions if m.actor.country)
    return tuple(c for c, _ in counts.most_common())


def main_place(phrases: dict[int, list[PlacePhrase]]) -> PlacePhrase | None:
    counts = Counter((p.place, p.precision) for found in phrases.values() for p in found)
    if not counts:
        return None
    (place, precision), _ = counts.most_common(1)[0]
    return PlacePhrase(0, 0, place.name, place, precision)


def to_location(place: Place, precision: int) -> Location:
    return Location(place.name, place.country, place.admin1, place.lat, place.lon, precision)
