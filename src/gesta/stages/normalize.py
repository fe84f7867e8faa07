"""Stage ``normalize``: a matching copy of the text whose offsets map back to the original."""

from __future__ import annotations

from dataclasses import dataclass

from gesta.document import Article
from gesta.text import normalize


@dataclass(frozen=True)
class NormalizeStage:
    name: str = "normalize"
    requires: frozenset[str] = frozenset()
    provides: frozenset[str] = frozenset({"normalized"})

    def __call__(self, article: Article) -> Article:
        article.normalized = normalize(article.text)
        article.normalized_title = normalize(article.title) if article.title else None
        return article
