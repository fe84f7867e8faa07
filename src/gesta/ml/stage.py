"""Stage ``classify`` (registry name ``gesta.classify.v1``): the classifier's second opinion.

Runs after ``events``. Only candidate sentences (at least one actor mention) are embedded, in
one batch per article, through the embedding cache. See :mod:`gesta.ml.combine` for the rules.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gesta.cues import Cues, load_cues
from gesta.document import Actor, Article, Event, Mention, Sentence
from gesta.events.context import modality
from gesta.events.grammar import PASSIVE_SUBJECT, SUBJECT
from gesta.ml.classifier import Prediction, SentenceClassifier
from gesta.ml.combine import Rules, review, should_propose
from gesta.ml.heads import NONE_LABEL

if TYPE_CHECKING:
    from gesta.registry import StageContext

log = logging.getLogger(__name__)


@dataclass
class ClassifyStage:
    classifier: SentenceClassifier
    rules: Rules
    cues: Cues = field(default_factory=load_cues)
    name: str = "classify"
    requires: frozenset[str] = frozenset({"sentences", "mentions", "events"})
    provides: frozenset[str] = frozenset({"classified"})

    def __call__(self, article: Article) -> Article:
        mentions: dict[int, list[Mention]] = {}
        for mention in article.mentions:
            mentions.setdefault(mention.sentence_index, []).append(mention)
        candidates = [s for s in article.sentences if s.index in mentions]
        if not candidates:
            return article
        predictions = self.classifier.predict([s.text for s in candidates])
        events: dict[int, list[Event]] = {}
        for event in article.events:
            events.setdefault(event.sentence_index, []).append(event)
        for sentence, prediction in zip(candidates, predictions):
            events[sentence.index] = self._sentence_events(
                sentence, mentions[sentence.index], events.get(sentence.index, []), prediction)
        article.events = [e for index in sorted(events) for e in events[index]]
        return article

    def _sentence_events(self, sentence: Sentence, mentions: list[Mention], found: list[Event],
                         prediction: Prediction) -> list[Event]:
        if found:
            return review(found, main_event(sentence, found), prediction, self.rules)
        if not should_propose(prediction, self.rules):
            return []
        return [propose(sentence, mentions, prediction, self.rules, self.cues)]


def main_event(sentence: Sentence, events: list[Event]) -> Event | None:
    """The event whose trigger is nearest the root of the parse (statements last)."""
    def rank(event: Event) -> tuple[int, int]:
        return (1 if event.cameo.startswith("01") else 0), trigger_depth(sentence, event)

    return min(events, key=rank) if events else None


def trigger_depth(sentence: Sentence, event: Event) -> int:
    for token in sentence.parse or []:
        if sentence.original_offset(token.idx) == event.trigger_start:
            return _depth(token)
    return 99


def _depth(token: Any) -> int:
    level = 0
    while token.head.i != token.i and level < 40:
        token = token.head
        level += 1
    return level


def propose(sentence: Sentence, mentions: list[Mention], prediction: Prediction, rules: Rules,
            cues: Cues | None = None) -> Event:
    """An event the patterns missed: source the subject-side actor, target another actor."""
    source, target = roles(sentence, mentions)
    root, code, score = rules.decide(prediction)
    event = Event(sentence_index=sentence.index, cameo=code, rule=f"classifier:{root}",
                  source=source, target=target, decided_by="classifier", classifier_score=round(score, 4))
    trigger = sentence.parse.root if sentence.parse is not None else None
    if trigger is not None:
        event.trigger_start = sentence.original_offset(trigger.idx)
        event.trigger_end = sentence.original_offset(trigger.idx + len(trigger.text))
        if cues is not None:
            event.modality = modality(trigger, cues)
    return event


def roles(sentence: Sentence, mentions: list[Mention]) -> tuple[Actor | None, Actor | None]:
    ordered = sorted(mentions, key=lambda m: m.start)
    subject, passive = _subject_side(sentence, ordered)
    first = subject or ordered[0]
    other = next((m for m in ordered if not _same(m.actor, first.actor)), None)
    if subject is not None and passive and other is not None:
        return other.actor, subject.actor  # "X was attacked by Y": Y acts on X
    return first.actor, other.actor if other is not None else None


def _subject_side(sentence: Sentence, mentions: list[Mention]) -> tuple[Mention | None, bool]:
    span = sentence.parse
    if span is None:
        return None, False
    for child in span.root.children:
        passive = child.dep_ in PASSIVE_SUBJECT
        if child.dep_ not in SUBJECT and not passive:
            continue
        inside = {t.i - span.start for t in child.subtree}
        for mention in mentions:
            if inside & set(range(mention.token_start, mention.token_end)):
                return mention, passive
    return None, False


def _same(a: Actor, b: Actor) -> bool:
    return a.code == b.code and (a.text == b.text or a.name == b.name and a.name is not None)


def pattern_specificity(context: StageContext) -> dict[str, int]:
    """Pattern id -> number of constraints (0: a default pattern), the least of its lemmas."""
    found: dict[str, int] = {}
    for bucket in context.patterns.by_trigger.values():
        for pattern in bucket:
            found[pattern.id] = min(pattern.specificity, found.get(pattern.id, pattern.specificity))
    return found


def plover_types() -> dict[str, str]:
    """CAMEO code -> PLOVER type through gesta's code book ("-": no type, CAMEO 01)."""
    from gesta.codes import load_codebook

    return {code: found.type or NONE_LABEL for code, found in load_codebook().plover.items()}


def classify_factory(context: StageContext) -> ClassifyStage:
    """The ``gesta.classify.v1`` factory: encoder, heads and rules from the settings."""
    from gesta.ml.cache import EmbeddingCache
    from gesta.ml.config import MLConfig
    from gesta.ml.encoder import load_encoder
    from gesta.ml.heads import load_heads, packaged_heads_dir
    from gesta.ml.tuned_layers import tuned_layers_of

    config = MLConfig.from_settings(context.settings)
    heads = load_heads(config.heads)
    encoder = load_encoder(config, tuned_layers_of(config.heads or packaged_heads_dir(), heads.meta))
    trained_on = heads.meta.get("encoder")
    if trained_on and trained_on != encoder.name:
        log.warning("classifier heads were trained on %s, not on %s: scores may be off", trained_on, encoder.name)
    cache = EmbeddingCache(encoder.name, config.memory_cache, config.disk_cache)
    return ClassifyStage(SentenceClassifier(encoder, heads, cache), build_rules(heads.meta, config, context))


def build_rules(meta: dict[str, Any], config: Any, context: StageContext | None) -> Rules:
    """Thresholds: the settings' when given, else the tuned ones in the heads' meta data."""
    rules = Rules(codes=dict(meta.get("codes", {})), specificity=pattern_specificity(context) if context else {},
                  types=plover_types())
    rules = rules.with_thresholds(meta.get("thresholds", {}))
    chosen = {name: getattr(config, name) for name in ("confirm", "correct_vague", "correct_specific",
                                                        "event", "propose_root")}
    return rules.with_thresholds(chosen)
