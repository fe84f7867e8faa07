"""Stage ``layout``: label the parts of an article (title, kicker, headline, caption, credit,
body, source tag) so captions, credits and tags are never coded as body text.

Scraped wire copy (see the seed article) starts with a title line that may repeat
"kicker: headline", then the kicker and headline, a photo caption, a credit line, the body,
and ends with a "source site-N" tag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gesta.document import Article, Section, SectionKind
from gesta.text import NormalizedText

SOURCE_TAG = re.compile(r"^(?:source|quelle|via)\s*[:\-]?\s*(\S{1,60})$", re.IGNORECASE)
CREDIT = re.compile(
    r"^(?:©|\(c\)\s|copyright\b|all rights reserved|photo\s*credit\s*:)", re.IGNORECASE
)
CAPTION = re.compile(
    r"(?:\b(?:photo|foto|picture|image|graphic)s?\s*:\s*\S"
    r"|^(?:the|this)\s+(?:picture|photo|photograph|image)\b"
    r"|\b(?:via|/)\s*(?:AP|AFP|dpa|Reuters|Getty(?: Images)?|EPA)\s*$)",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?]['\")\]]*$")
MAX_HEADING_WORDS = 24
WRAPPED_LINE_CHARS = 35  # a wrapped line is at least this long...
WRAPPED_SHARE = 0.6  # ...and this share of a paragraph's lines (but its last) end mid-sentence
LIST_ITEM = re.compile(r"(?:[-–—•*·]|\d{1,2}[.)])\s")


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph: lines between blank lines, with normalised offsets."""

    start: int
    end: int
    lines: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class LayoutStage:
    name: str = "layout"
    requires: frozenset[str] = frozenset({"normalized"})
    provides: frozenset[str] = frozenset({"sections"})

    def __call__(self, article: Article) -> Article:
        sections: list[Section] = []
        if article.normalized_title is not None and article.title and article.title.strip():
            title = article.normalized_title
            sections.append(Section("title", 0, title.offsets.end_to_original(len(title.text)), "title"))
        norm = article.normalized_field("text")
        sections.extend(label_sections(norm))
        article.sections = sections
        tag = next((s for s in sections if s.kind == "source_tag"), None)
        if tag is not None and not article.source:
            match = SOURCE_TAG.match(article.text[tag.start : tag.end].strip())
            article.source = match.group(1) if match else None
        return article


def label_sections(norm: NormalizedText) -> list[Section]:
    """Label every non-empty line or paragraph of a text with its section kind."""
    blocks = split_blocks(norm.text)
    labels = _label_blocks(norm.text, blocks)
    to_orig, end_to_orig = norm.offsets.to_original, norm.offsets.end_to_original
    return [Section(kind, to_orig(s), end_to_orig(e)) for kind, s, e in labels]


def split_blocks(text: str) -> list[Block]:
    """Paragraphs separated by blank lines, each with its non-empty lines."""
    blocks: list[Block] = []
    lines: list[tuple[int, int]] = []
    position = 0
    for raw in text.split("\n"):
        start, end = position, position + len(raw)
        position = end + 1
        stripped = raw.strip()
        if not stripped:
            if lines:
                blocks.append(Block(lines[0][0], lines[-1][1], tuple(lines)))
                lines = []
            continue
        offset = raw.index(stripped[0])
        lines.append((start + offset, start + offset + len(stripped)))
    if lines:
        blocks.append(Block(lines[0][0], lines[-1][1], tuple(lines)))
    return blocks


def _label_blocks(text: str, blocks: list[Block]) -> list[tuple[SectionKind, int, int]]:
    labels: list[tuple[SectionKind, int, int]] = []
    heading_phase = True
    last = len(blocks) - 1
    for index, block in enumerate(blocks):
        body = text[block.start : block.end]
        if index == last and SOURCE_TAG.match(body.strip()):
            labels.append(("source_tag", block.start, block.end))
        elif CREDIT.match(body.strip()):
            labels.append(("credit", block.start, block.end))
        elif _is_caption(body):
            labels.append(("caption", block.start, block.end))
        elif heading_phase and _is_heading_block(text, block):
            labels.extend(_label_heading(text, block, labels))
        else:
            heading_phase = False
            labels.append(("body", block.start, block.end))
    return labels


def _is_caption(body: str) -> bool:
    return len(body.split()) <= 80 and bool(CAPTION.search(body))


def _is_heading_block(text: str, block: Block) -> bool:
    """Short lines without a closing full stop, as titles, kickers and headlines are."""
    if len(block.lines) > 3:
        return False
    for start, end in block.lines:
        line = text[start:end]
        if len(line.split()) > MAX_HEADING_WORDS or SENTENCE_END.search(line):
            return False
    return True


def _label_heading(
    text: str, block: Block, earlier: list[tuple[SectionKind, int, int]]
) -> list[tuple[SectionKind, int, int]]:
    """The first heading line is the title; a later pair is kicker + headline."""
    has_title = any(kind == "title" for kind, _, _ in earlier)
    has_headline = any(kind == "headline" for kind, _, _ in earlier)
    out: list[tuple[SectionKind, int, int]] = []
    lines = list(block.lines)
    if not has_title:
        out.append(("title", *lines.pop(0)))
    if len(lines) >= 2 and not has_headline:
        out.append(("kicker", *lines[0]))
        out.extend(("headline", s, e) for s, e in lines[1:])
    elif lines:
        out.extend(("kicker" if has_headline else "headline", s, e) for s, e in lines)
    return out


def unwrap(text: str) -> str:
    """Hard-wrapped text (Reuters, e-mail, plain-text wire copy: fixed-width lines inside a
    paragraph) breaks lines where no sentence ends; those breaks become spaces, so the news
    sentence rules do not start a sentence at each of them. A break before an indented or
    empty line (a paragraph) or a list item stays. The result has the same length: offsets
    still hold."""
    lines = text.split("\n")
    if len(lines) < 3:
        return text
    inner = lines[:-1]
    mid_sentence = sum(1 for line in inner if len(line.strip()) >= WRAPPED_LINE_CHARS
                       and not SENTENCE_END.search(line.rstrip()))
    if mid_sentence < WRAPPED_SHARE * len(inner):
        return text
    joined = [line + (" " if _continues(lines[i + 1]) else "\n") for i, line in enumerate(inner)]
    return "".join(joined) + lines[-1]


def _continues(line: str) -> bool:
    """The line goes on with the one before: not indented, not empty, no list item."""
    return bool(line[:1].strip()) and not LIST_ITEM.match(line)
