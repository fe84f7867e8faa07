"""Stage ``events``: code every parsed sentence's events from its actor mentions."""

from __future__ import annotations

from dataclasses import dataclass, field

from gesta.actors.dictionary import ActorDictionary
from gesta.cues import Cues, load_cues
from gesta.document import Article, Event, Mention
from gesta.events.coder import SentenceCoder
from gesta.events.games import game_sentences, is_game_play
from gesta.events.patterns import PatternSet


@dataclass
class EventsStage:
    patterns: PatternSet
    actors: ActorDictionary
    cues: Cues = field(default_factory=load_cues)
    name: str = "events"
    requires: frozenset[str] = frozenset({"sentences", "parse", "mentions"})
    provides: frozenset[str] = frozenset({"events"})
    country_names: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.country_names:  # ISO code -> name, for targets a sentence implies
            self.country_names = country_names(self.actors)

    def __call__(self, article: Article) -> Article:
        by_sentence: dict[int, list[Mention]] = {}
        for mention in article.mentions:
            by_sentence.setdefault(mention.sentence_index, []).append(mention)
        events: list[Event] = []
        games = game_sentences(article, self.cues.games)
        for sentence in article.sentences:
            if sentence.parse is None:
                continue
            coder = SentenceCoder(
                sentence, by_sentence.get(sentence.index, []), self.patterns, self.cues, self.country_names,
            )
            found = coder.events()
            if sentence.index in games:
                found = [e for e in found if not is_game_play(e, self.cues.games)]
            events.extend(found)
        article.events = events
        return article


def country_names(actors: ActorDictionary) -> dict[str, str]:
    """Each country of the actor dictionary by ISO code, with its name."""
    return {
        entry.code: entry.name
        for entries in actors.index.phrases.values() for entry in entries
        if entry.kind == "country" and entry.code and entry.name
    }
