"""Stage ``parse``: split the coded sections into sentences and parse them.

Coded sections are the headline (or the title when there is no separate headline), the body
paragraphs and, when ``Settings.code_captions`` is set, photo captions. Each paragraph is
parsed separately, so a heading without a full stop never runs into the next paragraph.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from gesta.document import Article, CodedSection, Section, Sentence
from gesta.settings import Settings
from gesta.stages.layout import unwrap
from gesta.text import normalize

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Segment:
    section: Section
    coded_as: CodedSection
    paragraph: int


def coded_segments(article: Article, code_captions: bool) -> list[Segment]:
    """The sections to code, in article order, with the section name records use."""
    headlines = [s for s in article.sections if s.kind == "headline"]
    if not headlines:
        titles = [s for s in article.sections if s.kind == "title"]
        headlines = titles[:1]
    segments = [Segment(s, "headline", 0) for s in headlines]
    paragraph = 0
    for section in article.sections:
        if section.kind == "body":
            paragraph += 1
            segments.append(Segment(section, "body", paragraph))
        elif section.kind == "caption" and code_captions:
            segments.append(Segment(section, "caption", 0))
    return segments


@dataclass
class ParseStage:
    """Runs the spaCy pipeline (the packaged parser unless ``parser_path`` is set)."""

    settings: Settings
    nlp: Any = None
    name: str = "parse"
    requires: frozenset[str] = frozenset({"sections"})
    provides: frozenset[str] = frozenset({"sentences", "parse"})

    def __post_init__(self) -> None:
        if self.nlp is None:
            from gesta.nlp.model import load_parser

            self.nlp = load_parser(self.settings.parser_path)

    def __call__(self, article: Article) -> Article:
        segments = coded_segments(article, self.settings.code_captions)
        texts = []
        maps = []
        for segment in segments:
            original = article.field_text(segment.section.field)[segment.section.start : segment.section.end]
            norm = normalize(original)
            texts.append(unwrap(norm.text))
            maps.append(norm.offsets)
        docs = self.nlp.pipe(texts, batch_size=self.settings.batch_size)
        sentences: list[Sentence] = []
        for segment, offsets, doc in zip(segments, maps, docs, strict=True):
            sentences.extend(_sentences(article, segment, offsets, doc))
        for index, sentence in enumerate(sentences):
            sentence.index = index
        article.sentences = sentences
        return article


def _sentences(article: Article, segment: Segment, offsets: Any, doc: Any) -> Iterator[Sentence]:
    base = segment.section.start
    text = article.field_text(segment.section.field)
    spans = [doc[:]] if segment.coded_as == "headline" else list(doc.sents)
    for span in spans:
        if not span.text.strip():
            continue
        last = span.end_char
        while last > span.start_char and doc.text[last - 1].isspace():
            last -= 1  # a sentence never ends in the line break after it
        start = base + offsets.to_original(span.start_char)
        end = base + offsets.end_to_original(last)
        yield Sentence(
            index=-1,  # numbered in article order by the caller
            start=start,
            end=end,
            text=text[start:end],
            section=segment.coded_as,
            field=segment.section.field,
            paragraph=segment.paragraph,
            parse=span,
            segment_start=base,
            segment_offsets=offsets,
        )
