"""News conventions for tokenisation and sentence splitting.

The statistical parser decides most sentence boundaries. The ``gesta_news_sentences``
component runs before it and fixes the cases news text gets wrong most often:

* a line break (paragraph, headline without a full stop, list item) always starts a
  sentence, and whitespace tokens never do;
* no boundary after titles and abbreviations (``Mr.``, ``Gen.``, ``Jan.``, ``No.``),
  initials (``J. R. R. Tolkien``), nor inside a dateline
  (``KYIV, Feb 23 (Reuters) -``, ``MOSCOW (AP) —``) or a list marker (``1.``, ``2)``);
* a closing quote or bracket glued to the end of a sentence stays in that sentence;
* within a line, a sentence starts only after final punctuation (``. ! ? …``), possibly
  followed by a closing quote or bracket, and never with a lower-case word; a capitalised
  word after ``."`` always starts one.

The parser keeps the sentence starts set before it (``is_sent_start = True``) but may
still start a sentence where the rules forbid one, so the forbidden starts are remembered
in ``doc.user_data`` and ``gesta_news_sentences_merge`` (after the parser) joins such
sentences, attaching the root of the shorter part to the root of the longer one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import IS_SPACE, ORTH, SENT_START, SPACY  # type: ignore[import-not-found]  # a Cython module without stubs
from spacy.errors import Errors
from spacy.language import Language
from spacy.tokens import Doc, Token

COMPONENT = "gesta_news_sentences"
MERGE_COMPONENT = "gesta_news_sentences_merge"
NO_START_KEY = "gesta_no_sent_start"
DATELINE_KEY = "gesta_datelines"
VERBAL = frozenset({"VERB", "AUX"})

TITLES = frozenset(
    ["Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "Sgt.", "Adm.", "Cmdr.", "Brig.", "Cpl.", "Pvt.", "Gov.", "Sen.", "Sens.", "Rep.", "Reps.", "Rev.", "Hon.", "Amb.", "Pres.", "Atty.", "Supt.", "Insp.", "Det.", "St.", "Mt.", "Ft.", "Messrs.", "Mmes.", "Gens.", "Sec.", "Treas.", "Sr.", "Jr.", "vs.", "v.", "No.", "Nos.", "Vol.", "Fig.", "Ch.", "Art.", "approx.", "ca.", "cf.", "e.g.", "i.e.", "Dept.", "Univ.", "Ave.", "Blvd.", "Rd."]
)
MONTHS = frozenset(["Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec."])
NEWS_SPECIAL_CASES = (
    "Gov.", "Rep.", "Reps.", "Sen.", "Sens.", "Lt.", "Col.", "Gen.", "Maj.", "Capt.",
    "Sgt.", "Adm.", "Cmdr.", "Brig.", "Cpl.", "Pvt.", "Supt.", "Insp.", "Det.", "Rev.",
    "Hon.", "Amb.", "Pres.", "Atty.", "Dept.", "Univ.", "Ave.", "Blvd.", "Rd.", "Mt.",
    "Ft.", "Sept.", "Sep.", "Jr.", "Sr.", "vs.", "approx.", "Prof.", "Messrs.", "Mmes.",
    "Gens.", "Govt.", "Sec.", "Secs.", "Treas.", "Nos.", "Fig.", "Vol.", "No.", "Tues.",
    "Thurs.",
)
DASHES = frozenset({"-", "--", "\u2013", "\u2014", "\u2015"})
OPENERS_AFTER_STOP = frozenset({'"', "'", "\u201d", "\u2019", ")", "]", "\u00bb"})
SENT_END = frozenset({".", "!", "?", "...", "\u2026"})
INITIAL = re.compile(r"^[A-Z]\.$")
LIST_MARK = re.compile(r"^(\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})$")
DATELINE_MAX = 14


def add_news_special_cases(nlp: Language) -> list[str]:
    """Add tokenizer special cases so news abbreviations stay one token; return added."""
    added = []
    tokenizer: Any = nlp.tokenizer  # a spacy Tokenizer (typed loosely by spaCy)
    for abbr in NEWS_SPECIAL_CASES:
        if len(tokenizer.explain(abbr)) != 1:
            tokenizer.add_special_case(abbr, [{ORTH: abbr}])
            added.append(abbr)
    return added


@dataclass
class _Tokens:
    """Plain lists of what the rules read, so the loop creates no Token per token.

    The starts are written back with one ``Doc.from_array``: setting
    ``Token.is_sent_start`` scans the whole doc for a parse each time (quadratic).

    ``starts`` holds spaCy's raw ``sent_start`` values: > 0 starts a sentence, < 0 does
    not, 0 is unknown. Lexical flags (``is_title``, ``like_num``...) of the few tokens
    that need them are read from ``doc`` itself.
    """

    doc: Doc
    text: list[str]
    ws: list[int]
    space: list[int]
    starts: list[int]

    @classmethod
    def of(cls, doc: Doc) -> _Tokens:
        if not len(doc):
            return cls(doc, [], [], [], [])
        cols = doc.to_array([ORTH, SPACY, IS_SPACE, SENT_START])
        ws, space, starts = cols[:, 1:].astype(numpy.int64).T.tolist()
        strings = doc.vocab.strings
        return cls(doc, [strings[o] for o in cols[:, 0].tolist()], ws, space, starts)

    def write_starts(self) -> None:
        if self.starts:
            values: Any = numpy.array(self.starts, dtype=numpy.int64).view(numpy.uint64)
            self.doc.from_array([SENT_START], values)


def _line_start(v: _Tokens, i: int) -> bool:
    """True when token ``i`` is the first non-space token after a line break."""
    return i == 0 or (bool(v.space[i - 1]) and "\n" in v.text[i - 1])


def _is_initial(text: str) -> bool:
    # INITIAL matches "J." and, through ``$``, "J.\n": never longer than 3 characters
    return len(text) < 4 and INITIAL.match(text) is not None


def _no_break_after(v: _Tokens, i: int) -> bool:
    """True when a sentence cannot end right after token ``i`` (``i + 1`` exists)."""
    text = v.text[i]
    if text in TITLES or _is_initial(text):
        if v.space[i + 1]:
            return False
        nxt = v.doc[i + 1]
        return nxt.is_title or nxt.like_num or _is_initial(v.text[i + 1])
    if text in MONTHS:
        return v.doc[i + 1].like_num
    return False


def _dateline_end(v: _Tokens, start: int) -> int | None:
    """Index of the dash closing a dateline that begins at ``start``, if any."""
    first = v.doc[start]
    if not (first.is_upper and first.is_alpha and len(first) > 1):
        return None
    for i in range(start + 1, min(start + DATELINE_MAX, len(v.text))):
        if v.space[i] or v.text[i] in SENT_END:
            return None
        if v.text[i] in DASHES:
            return i if v.text[i - 1] == ")" or i - start <= 6 else None
    return None


def _list_marker_end(v: _Tokens, start: int) -> int | None:
    """Index of ``.``/``)`` closing a list marker (``1.``, ``b)``) at a line start."""
    if (start + 2 < len(v.text) and LIST_MARK.match(v.text[start])
            and v.text[start + 1] in {".", ")"} and not v.ws[start]):
        return start + 1
    return None


def _protect(v: _Tokens, first: int, last: int) -> None:
    """No sentence starts in tokens ``first`` to ``last``."""
    for i in range(max(first, 1), min(last + 1, len(v.starts))):
        v.starts[i] = -1


def _mark_line(v: _Tokens, start: int) -> None:
    v.starts[start] = 1
    dateline = _dateline_end(v, start)
    if dateline is not None:
        v.doc.user_data.setdefault(DATELINE_KEY, []).append((start, dateline))
    end = dateline or _list_marker_end(v, start)
    if end is not None:
        _protect(v, start + 1, end + 1)


def _ends_sentence(text: str) -> bool:
    return text in SENT_END or text[-1] in ".!?\u2026"


def _after_final_punct(v: _Tokens, i: int) -> bool:
    """Token ``i - 1`` is final punctuation, or a closing quote/bracket glued to one."""
    prev = v.text[i - 1]
    if _ends_sentence(prev):
        return True
    if prev in OPENERS_AFTER_STOP and i > 1:
        return _ends_sentence(v.text[i - 2]) and not v.ws[i - 2]
    return False


def _may_start(v: _Tokens, i: int) -> bool:
    """In running text a sentence starts only after final punctuation (maybe quoted)."""
    if not _after_final_punct(v, i):
        return False
    token = v.doc[i]
    return not (token.is_lower and token.is_alpha)


def _glued_closer(v: _Tokens, i: int) -> bool:
    """A closing quote/bracket right after final punctuation (i > 0)."""
    return v.text[i] in OPENERS_AFTER_STOP and v.text[i - 1] in SENT_END


def _mark_token(v: _Tokens, i: int) -> None:
    if v.space[i]:
        if i > 0:
            v.starts[i] = -1
    elif _line_start(v, i):
        _mark_line(v, i)
    elif _glued_closer(v, i):
        if not v.ws[i - 1] and (v.ws[i] or i + 1 == len(v.text)):
            v.starts[i] = -1
    elif not _may_start(v, i):
        v.starts[i] = -1
    elif _after_quoted_full_stop(v, i) and v.doc[i].is_title:
        v.starts[i] = 1


def _after_quoted_full_stop(v: _Tokens, i: int) -> bool:
    """``... the law." Lawyers``: a full stop inside closing quotes ends the sentence."""
    if i < 2 or v.text[i - 1] not in OPENERS_AFTER_STOP:
        return False
    return v.text[i - 2] == "." and not v.ws[i - 2] and bool(v.ws[i - 1])


@Language.component(COMPONENT)
def news_sentences(doc: Doc) -> Doc:
    """Set sentence starts the parser must keep (see module docstring)."""
    if len(doc) and doc.has_annotation("DEP"):
        raise ValueError(Errors.E043)
    v = _Tokens.of(doc)
    last = len(doc) - 1
    for i in range(last + 1):
        if v.starts[i] == 0 or i == 0 or v.space[i]:
            _mark_token(v, i)
        if i < last and _no_break_after(v, i):
            v.starts[i + 1] = -1
    v.write_starts()
    doc.user_data[NO_START_KEY] = [i for i, (start, space) in enumerate(zip(v.starts, v.space))
                                   if start < 0 and not space]
    return doc


def _join(doc: Doc, token: Token) -> None:
    """Join the sentence starting at ``token`` with the sentence before it."""
    left, right = doc[token.i - 1].sent, token.sent
    if len(left) >= len(right):
        head, child = left.root, right.root
    else:
        head, child = right.root, left.root
    verbal = any(t.pos_ in VERBAL for t in doc[child.left_edge.i : child.right_edge.i + 1])
    child.head = head
    child.dep_ = "parataxis" if verbal else "dep"


def _reroot_dateline(doc: Doc, start: int, end: int) -> None:
    """Make the clause after a dateline the root of its sentence, the dateline a ``dep``."""
    old = doc[start].sent.root
    if not start <= old.i <= end:
        return
    after = [t for t in doc[end + 1 : old.sent.end] if start <= t.head.i <= end]
    after = [t for t in after if not t.is_punct and not t.is_space]
    if not after:
        return
    new = next((t for t in after if t.pos_ in VERBAL), after[0])
    new.head = new
    new.dep_ = "ROOT"
    old.head = new
    old.dep_ = "dep"


@Language.component(MERGE_COMPONENT)
def merge_sentences(doc: Doc) -> Doc:
    """Undo sentence starts that ``gesta_news_sentences`` forbade (needs a parse)."""
    if not doc.has_annotation("DEP"):
        return doc
    for i in doc.user_data.pop(NO_START_KEY, []):
        if 0 < i < len(doc) and doc[i].is_sent_start:
            _join(doc, doc[i])
    for start, end in doc.user_data.pop(DATELINE_KEY, []):
        _reroot_dateline(doc, start, end)
    return doc
