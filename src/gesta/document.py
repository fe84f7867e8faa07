"""The one container that flows through the pipeline: :class:`Article`.

Every stage takes an ``Article`` and returns it with more filled in (sections, sentences,
mentions, events). All character offsets refer to ``Article.text`` (or ``Article.title`` for
segments whose ``field`` is ``"title"``), the article's original text as read, never to a
normalised copy.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from gesta.text import NormalizedText, OffsetMap

SectionKind = Literal["title", "kicker", "headline", "caption", "credit", "body", "source_tag"]
CodedSection = Literal["headline", "body", "caption"]
TextField = Literal["text", "title"]


@dataclass(frozen=True, slots=True)
class Section:
    """A labelled part of the article layout (a line or paragraph)."""

    kind: SectionKind
    start: int
    end: int
    field: TextField = "text"


@dataclass(frozen=True, slots=True)
class Actor:
    """A coded actor: who acts or is acted upon."""

    text: str
    code: str
    country: str | None = None
    sector: str | None = None
    name: str | None = None

    def to_record(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "name": self.name,
        }


@dataclass(slots=True)
class Sentence:
    """One sentence of a coded section, with its parse (a spaCy ``Span``) while in memory."""

    index: int
    start: int
    end: int
    text: str
    section: CodedSection
    field: TextField = "text"
    paragraph: int = 0
    parse: Any = None  # spacy.tokens.Span; not serialised
    segment_start: int = 0  # original offset of the parsed segment (paragraph) ...
    segment_offsets: OffsetMap | None = None  # ... and its normalised-to-original map

    def original_offset(self, doc_char: int) -> int:
        """Original offset of a character offset in the parsed segment's text."""
        if self.segment_offsets is None:
            return self.segment_start + doc_char
        return self.segment_start + self.segment_offsets.to_original(doc_char)


@dataclass(slots=True)
class Mention:
    """An actor mention in a sentence: the span, the coded actor and why it was coded so."""

    sentence_index: int
    start: int
    end: int
    actor: Actor
    kind: Literal["name", "adjective", "agent", "person", "metonym", "pronoun", "title", "composed"] = "name"
    why: str = ""
    token_start: int = -1  # token offsets inside the sentence's parse, when parsed
    token_end: int = -1
    refers_to: Mention | None = None  # the earlier mention a pronoun or surname stands for


@dataclass(frozen=True, slots=True)
class Modality:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False

    def to_record(self) -> dict[str, bool]:
        return {"negated": self.negated, "hypothetical": self.hypothetical, "future": self.future}


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: Actor | None
    via: str | None
    cue: str

    def to_record(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker.to_record() if self.speaker else None,
            "via": self.via,
            "cue": self.cue,
        }


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: int

    def to_record(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
        }


@dataclass(slots=True)
class Event:
    """One coded event between one source and one target (one dyad)."""

    sentence_index: int
    cameo: str
    rule: str
    source: Actor | None = None
    target: Actor | None = None
    trigger_start: int = -1  # offsets of the trigger word in the original text
    trigger_end: int = -1
    modality: Modality = field(default_factory=Modality)
    attribution: Attribution | None = None
    date: dt.date | None = None
    date_text: str | None = None
    location: Location | None = None
    fatalities: int | None = None
    injured: int | None = None
    size: int | None = None  # crowd or troop size
    decided_by: Literal["pattern", "classifier", "both"] = "pattern"
    classifier_score: float | None = None
    event_id: str = ""


@dataclass(slots=True)
class Article:
    """An article and everything the stages found in it."""

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    origin: str = ""  # file path (and line) the article was read from
    sections: list[Section] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    normalized: NormalizedText | None = None  # set by the normalize stage
    normalized_title: NormalizedText | None = None
    done: set[str] = field(default_factory=set)  # names of the stages that have run

    def field_text(self, name: TextField) -> str:
        """The original text a ``field`` name refers to."""
        return self.title or "" if name == "title" else self.text

    def normalized_field(self, name: TextField) -> NormalizedText:
        """The normalised text of a field (the normalize stage must have run)."""
        value = self.normalized_title if name == "title" else self.normalized
        if value is None:
            raise ValueError("the normalize stage has not run on this article")
        return value

    def sentence_mentions(self, index: int) -> list[Mention]:
        return [m for m in self.mentions if m.sentence_index == index]

    def detach(self) -> Article:
        """Drop the in-memory parses so the article can be pickled (sent to another process)."""
        for sentence in self.sentences:
            sentence.parse = None
        self.normalized = None
        self.normalized_title = None
        return self
