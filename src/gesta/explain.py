"""Explain how a sentence is coded: its parse, actors, and the patterns that fired or nearly did."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from gesta.document import Article
from gesta.events.coder import SentenceCoder
from gesta.events.games import game_sentences
from gesta.pipeline import Pipeline


@dataclass
class SentenceExplanation:
    text: str
    tokens: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    fired: list[dict[str, Any]]
    near: list[dict[str, Any]] = field(default_factory=list)
    note: str | None = None  # what holds for the whole sentence ("about a game")


GAME_NOTE = "read as about a game (a score or sport phrase here or in the article): violent and coercive events between players are dropped"


def explain(pipeline: Pipeline, text: str, published: dt.date | str | None = None, near_limit: int = 8) -> list[SentenceExplanation]:
    """Code ``text`` and explain every sentence of it."""
    article = pipeline(text, published=published, article_id="explain")
    events_stage = pipeline.get_stage("events")
    games = game_sentences(article, events_stage.cues.games)
    return [_sentence(article, index, events_stage, near_limit, index in games) for index in range(len(article.sentences))]


def _sentence(article: Article, index: int, events_stage: Any, near_limit: int, game: bool) -> SentenceExplanation:
    sentence = article.sentences[index]
    span = sentence.parse
    mentions = article.sentence_mentions(index)
    tokens = [
        {"i": t.i - span.start, "text": t.text, "lemma": t.lemma_, "pos": t.pos_, "tag": t.tag_,
         "dep": t.dep_, "head": t.head.i - span.start}
        for t in span
    ]
    fired = [
        {"rule": e.rule, "cameo": e.cameo, "source": e.source.code if e.source else None,
         "target": e.target.code if e.target else None, "modality": e.modality.to_record(),
         "speaker": e.attribution.speaker.code if e.attribution and e.attribution.speaker else None}
        for e in article.events if e.sentence_index == index
    ]
    coder = SentenceCoder(sentence, mentions, events_stage.patterns, events_stage.cues)
    # a derived rule ("057.sign.treaty>refused") fired its base pattern: that is no near miss
    fired_rules = {str(f["rule"]).partition(">")[0] for f in fired}
    games = events_stage.cues.games
    near = [
        {"trigger": token.text, "rule": pattern.id, "cameo": pattern.cameo, "origin": pattern.origin,
         "why_not": reason or ("fits, but the sentence is about a game" if game and pattern.cameo[:2] in games.roots else None)}
        for token, pattern, reason in coder.diagnose()
        if pattern.id not in fired_rules and (reason is not None or pattern.specificity > 0 or game)
    ]
    return SentenceExplanation(
        text=sentence.text,
        tokens=tokens,
        mentions=[{"text": m.actor.text, "code": m.actor.code, "kind": m.kind, "why": m.why} for m in mentions],
        fired=fired,
        near=sorted(near, key=_fits_first)[:near_limit],
        note=GAME_NOTE if game else None,
    )


def _fits_first(near: dict[str, Any]) -> bool:
    """Patterns that fit (and lost, or were withheld) before those that failed a constraint."""
    reason = near["why_not"]
    return not (reason is None or reason.startswith("fits"))
