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
from typing import Any

from spacy.attrs import ORTH
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


def _line_start(token: Token) -> bool:
    """True when the token is the first non-space token after a line break."""
    if token.i == 0:
        return True
    prev = token.doc[token.i - 1]
    return prev.is_space and "\n" in prev.text


def _no_break_after(token: Token) -> bool:
    """True when a sentence cannot end right after ``token``."""
    text = token.text
    nxt = token.nbor() if token.i + 1 < len(token.doc) else None
    if text in TITLES or INITIAL.match(text):
        return nxt is not None and not nxt.is_space and (nxt.is_title or nxt.like_num
                                                         or INITIAL.match(nxt.text) is not None)
    if text in MONTHS:
        return nxt is not None and nxt.like_num
    return False


def _dateline_end(doc: Doc, start: int) -> int | None:
    """Index of the dash closing a dateline that begins at ``start``, if any."""
    first = doc[start]
    if not (first.is_upper and first.is_alpha and len(first) > 1):
        return None
    for tok in doc[start + 1 : min(start + DATELINE_MAX, len(doc))]:
        if tok.is_space or tok.text in SENT_END:
            return None
        if tok.text in DASHES:
            return tok.i if doc[tok.i - 1].text == ")" or tok.i - start <= 6 else None
    return None


def _list_marker_end(doc: Doc, start: int) -> int | None:
    """Index of ``.``/``)`` closing a list marker (``1.``, ``b)``) at a line start."""
    if start + 2 < len(doc) and LIST_MARK.match(doc[start].text):
        if doc[start + 1].text in {".", ")"} and not doc[start].whitespace_:
            return start + 1
    return None


def _protect(doc: Doc, first: int, last: int) -> None:
    """No sentence starts in ``doc[first:last + 1]``."""
    for i in range(max(first, 1), min(last + 1, len(doc))):
        doc[i].is_sent_start = False


def _mark_line(doc: Doc, start: int) -> None:
    doc[start].is_sent_start = True
    dateline = _dateline_end(doc, start)
    if dateline is not None:
        doc.user_data.setdefault(DATELINE_KEY, []).append((start, dateline))
    end = dateline or _list_marker_end(doc, start)
    if end is not None:
        _protect(doc, start + 1, end + 1)


def _ends_sentence(text: str) -> bool:
    return text in SENT_END or text[-1] in ".!?\u2026"


def _may_start(doc: Doc, token: Token) -> bool:
    """In running text a sentence starts only after final punctuation (maybe quoted)."""
    prev = doc[token.i - 1]
    if token.is_lower and token.is_alpha:
        return False
    if _ends_sentence(prev.text):
        return True
    if prev.text in OPENERS_AFTER_STOP and prev.i > 0:
        return _ends_sentence(doc[prev.i - 1].text) and not doc[prev.i - 1].whitespace_
    return False


def _mark_token(doc: Doc, token: Token) -> None:
    if token.is_space:
        if token.i > 0:
            token.is_sent_start = False
    elif _line_start(token):
        _mark_line(doc, token.i)
    elif token.text in OPENERS_AFTER_STOP and doc[token.i - 1].text in SENT_END:
        if not doc[token.i - 1].whitespace_ and (token.whitespace_ or token.i + 1 == len(doc)):
            token.is_sent_start = False
    elif not _may_start(doc, token):
        token.is_sent_start = False
    elif token.is_title and _after_quoted_full_stop(doc, token):
        token.is_sent_start = True


def _after_quoted_full_stop(doc: Doc, token: Token) -> bool:
    """``... the law." Lawyers``: a full stop inside closing quotes ends the sentence."""
    if token.i < 2 or doc[token.i - 1].text not in OPENERS_AFTER_STOP:
        return False
    stop = doc[token.i - 2]
    return stop.text == "." and not stop.whitespace_ and bool(doc[token.i - 1].whitespace_)


@Language.component(COMPONENT)
def news_sentences(doc: Doc) -> Doc:
    """Set sentence starts the parser must keep (see module docstring)."""
    for token in doc:
        if token.is_sent_start is None or token.i == 0 or token.is_space:
            _mark_token(doc, token)
        if token.i + 1 < len(doc) and _no_break_after(token):
            doc[token.i + 1].is_sent_start = False
    doc.user_data[NO_START_KEY] = [t.i for t in doc if t.is_sent_start is False
                                   and not t.is_space]
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
