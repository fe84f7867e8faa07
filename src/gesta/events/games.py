"""Sentences about games: "Real Madrid beat Dortmund 2-0" is no assault.

A sentence is about a game when it holds a score or a sport phrase (``games`` in
``data/grammar/cues.yaml``); in an article with enough such sentences, every sentence is.
Their events (of the roots ``games.roots`` lists: all of them, since "England will have to
negotiate their way through a tough draw" and "Wales threatened further scores" are no more
political than "Real Madrid beat Dortmund") are dropped unless a state organ or armed actor
(``keep_sectors``) takes part.
"""

from __future__ import annotations

from gesta.cues import GameCues
from gesta.document import Article, Event


def game_sentences(article: Article, games: GameCues) -> set[int]:
    """Indices of the article's sentences read as being about a game."""
    if games.matcher is None:
        return set()
    marked = {s.index for s in article.sentences if games.matcher.search(s.text.lower())}
    if len(marked) >= games.min_sentences:  # a sports report: "Italy hit back in the 11th minute" too
        return {s.index for s in article.sentences}
    return marked


def is_game_play(event: Event, games: GameCues) -> bool:
    """An event among players, not among governments, police, soldiers or rebels."""
    if event.cameo[:2] not in games.roots:
        return False
    return not any(actor is not None and actor.sector in games.keep_sectors for actor in (event.source, event.target))
