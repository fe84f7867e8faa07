"""The speed floor: the parser model's tokenizer and sentence rules only (no tagger, no parser)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from gesta.document import Article


@dataclass(frozen=True, slots=True)
class FloorResult:
    """Tokenising and sentence-splitting the same articles: counts and seconds."""

    words: int
    sentences: int
    seconds: float


def floor_pipeline(nlp: Any) -> Any:
    """A blank pipeline sharing ``nlp``'s vocab and tokenizer, with a sentencizer and news rules."""
    import spacy

    from gesta.nlp.news import COMPONENT

    blank = spacy.blank(nlp.lang, vocab=nlp.vocab)
    blank.tokenizer = nlp.tokenizer
    blank.add_pipe("sentencizer")
    if COMPONENT in nlp.pipe_names:
        blank.add_pipe(COMPONENT)
    return blank


def article_text(article: Article) -> str:
    """What the floor tokenises of an article: its title and text."""
    return f"{article.title}\n\n{article.text}" if article.title else article.text


def run_floor(nlp: Any, articles: Sequence[Article], batch_size: int = 64) -> FloorResult:
    """Tokenise and sentence-split ``articles`` with :func:`floor_pipeline`; time it."""
    floor = floor_pipeline(nlp)
    texts = [article_text(a) for a in articles]
    if texts:
        floor(texts[0])  # warm-up
    words = sentences = 0
    started = time.perf_counter()
    for doc in floor.pipe(texts, batch_size=batch_size):
        words += sum(1 for token in doc if not token.is_space)
        sentences += sum(1 for _ in doc.sents)
    return FloorResult(words, sentences, max(time.perf_counter() - started, 1e-9))
