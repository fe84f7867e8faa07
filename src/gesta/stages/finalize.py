"""Stage ``finalize``: give every event its stable id."""

from __future__ import annotations

from dataclasses import dataclass

from gesta.document import Article
from gesta.records import event_id


@dataclass(frozen=True)
class FinalizeStage:
    name: str = "finalize"
    requires: frozenset[str] = frozenset({"events"})
    provides: frozenset[str] = frozenset({"event_ids"})

    def __call__(self, article: Article) -> Article:
        for event in article.events:
            event.event_id = event_id(article, event)
        return article
