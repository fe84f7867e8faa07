"""Stage ``numbers``: fatalities and injured for violent events, size for protests and forces.

Counts come from the event's sentence (:func:`gesta.numbers.extract.extract_counts`).
Fatalities and injured go to events with CAMEO roots 18-20 only; size to protests (14) and
force postures / mobilisation (15).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gesta.document import Article
from gesta.numbers.extract import Counts, NumberWords, extract_counts, load_number_words

VIOLENT_ROOTS = frozenset({"18", "19", "20"})
SIZE_ROOTS = frozenset({"14", "15"})


@dataclass
class NumbersStage:
    words: NumberWords = field(default_factory=load_number_words)
    name: str = "numbers"
    requires: frozenset[str] = frozenset({"events"})
    provides: frozenset[str] = frozenset({"numbers"})

    def __call__(self, article: Article) -> Article:
        texts = {s.index: s.text for s in article.sentences}
        counts: dict[int, Counts] = {}
        for event in article.events:
            root = event.cameo[:2]
            if root not in VIOLENT_ROOTS | SIZE_ROOTS or event.sentence_index not in texts:
                continue
            if event.sentence_index not in counts:
                counts[event.sentence_index] = extract_counts(texts[event.sentence_index], self.words)
            found = counts[event.sentence_index]
            if root in VIOLENT_ROOTS:
                event.fatalities, event.injured = found.fatalities, found.injured
            else:
                event.size = found.size
        return article
