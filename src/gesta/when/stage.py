"""Stage ``dates``: each event's date phrase, resolved against the publication date.

The phrase is the one attached to the event's trigger in the parse when there is one, else
the sentence's phrase nearest to the trigger. A phrase that names no single day keeps its
``date_text`` with ``date = None``. An event whose sentence has no date phrase takes the
article's publication date with ``date_text = None``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from gesta.document import Article, Event, Sentence
from gesta.when.phrases import DatePhrase, DateWords, find_phrases, load_date_words
from gesta.when.resolve import is_future, resolve

log = logging.getLogger(__name__)
MAX_HEAD_STEPS = 4


@dataclass
class DatesStage:
    words: DateWords = field(default_factory=load_date_words)
    name: str = "dates"
    requires: frozenset[str] = frozenset({"events"})
    provides: frozenset[str] = frozenset({"dates"})

    def __call__(self, article: Article) -> Article:
        phrases: dict[int, list[DatePhrase]] = {}
        by_index = {s.index: s for s in article.sentences}
        for event in article.events:
            sentence = by_index.get(event.sentence_index)
            if sentence is None:
                continue
            if sentence.index not in phrases:
                phrases[sentence.index] = find_phrases(sentence.text, self.words)
            self._date_event(article, event, sentence, phrases[sentence.index])
        return article

    def _date_event(self, article: Article, event: Event, sentence: Sentence, found: list[DatePhrase]) -> None:
        if not found:
            event.date, event.date_text = article.published, None
            return
        phrase = choose_phrase(found, sentence, event.trigger_start - sentence.start)
        event.date_text = phrase.text
        future = is_future(sentence.text, phrase, self.words)
        event.date = resolve(phrase, article.published, future=future, words=self.words)


def choose_phrase(found: list[DatePhrase], sentence: Sentence, trigger_char: int) -> DatePhrase:
    """The phrase attached to the trigger in the parse, else the one nearest to it."""
    trigger = _token_at(sentence.parse, trigger_char)
    if trigger is not None:
        for phrase in found:
            if _attached(sentence.parse, phrase, trigger):
                return phrase
    return min(found, key=lambda p: min(abs(p.start - trigger_char), abs(p.end - trigger_char)))


def _token_at(parse: Any, char: int) -> Any:
    if parse is None or char < 0:
        return None
    base = parse.start_char
    for token in parse:
        if token.idx - base <= char < token.idx - base + len(token.text):
            return token
    return None


def _attached(parse: Any, phrase: DatePhrase, trigger: Any) -> bool:
    """Whether a token of the phrase reaches the trigger through at most a few heads."""
    base = parse.start_char
    for token in parse:
        if not phrase.start <= token.idx - base < phrase.end:
            continue
        node = token
        for _ in range(MAX_HEAD_STEPS):
            if node.i == trigger.i:
                return True
            if node.head.i == node.i:
                break
            node = node.head
    return False
