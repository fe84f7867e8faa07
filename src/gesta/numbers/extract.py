"""Read fatalities, injured and crowd/force size from a sentence, ACLED style.

Quantities (digits, number words, vague words such as "dozens" = 12) are classified by the
casualty word before them ("killed 6 civilians") or after them in the same clause ("up to 33
soldiers were killed"), or as a size by the crowd/force noun after them. Quantities joined by
"and" or marked "also"/"another" add up; separate figures for the same thing (differing
reports) give the lowest. Word lists: ``data/grammar/numbers.yaml``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gesta.resources import data_dir, load_yaml

_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[A-Za-z]+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Counts:
    fatalities: int | None = None
    injured: int | None = None
    size: int | None = None


@dataclass(slots=True)
class _Quantity:
    value: int
    start: int  # token offsets
    end: int
    category: str | None = None
    both: bool = False  # "no casualties": killed and injured
    adds: bool = False  # joined by "and"/"also": adds to the previous figure
    skipped: bool = False


@dataclass(frozen=True)
class NumberWords:
    content: dict[str, Any]
    phrases: list[tuple[tuple[str, ...], int, bool]] = field(default_factory=list)


@functools.lru_cache(maxsize=4)
def load_number_words(path: Path | None = None) -> NumberWords:
    content = load_yaml(path or data_dir() / "grammar" / "numbers.yaml", "number_words").content
    phrases = [(tuple(k.split()), v, False) for k, v in content["vague"].items()]
    phrases += [(tuple(k.split()), 0, True) for k in content["none_words"]]
    phrases.sort(key=lambda p: -len(p[0]))
    return NumberWords(content, phrases)


def extract_counts(text: str, words: NumberWords | None = None) -> Counts:
    """The fatalities, injured and size a sentence reports (``None`` = not mentioned)."""
    words = words or load_number_words()
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    quantities = _quantities(tokens, words)
    for q in quantities:
        _classify(q, tokens, quantities, words)
    _chain(quantities, tokens)
    return Counts(*(_combine(quantities, c) for c in ("killed", "injured", "size")))


def _quantities(tokens: list[str], words: NumberWords) -> list[_Quantity]:
    found: list[_Quantity] = []
    i = 0
    while i < len(tokens):
        q = _quantity_at(tokens, i, words)
        if q is None:
            i += 1
            continue
        if tokens[max(0, i - 1)] == "between" and q.end + 1 < len(tokens) and tokens[q.end] == "and":
            upper = _quantity_at(tokens, q.end + 1, words)
            q.end = upper.end if upper else q.end  # a range: the lowest figure
        q.skipped = _skip(tokens, i, words)
        found.append(q)
        i = q.end
    return found


def _quantity_at(tokens: list[str], i: int, words: NumberWords) -> _Quantity | None:
    c = words.content
    for phrase, value, none in words.phrases:
        if tuple(tokens[i : i + len(phrase)]) == phrase:
            q = _Quantity(value, i, i + len(phrase))
            q.both = none and phrase[-1] == "casualties"
            return q
    token = tokens[i]
    number: float | None = None
    if token[0].isdigit():
        number = float(token.replace(",", ""))
    elif token in c["numbers"]:
        number = c["numbers"][token]
    elif token in ("a", "an") and i + 1 < len(tokens) and _single(tokens[i + 1 : i + 3], c):
        return _Quantity(1, i, i + 1)
    if number is None:
        return None
    end = i + 1
    if end < len(tokens) and tokens[end] in c["multipliers"]:
        number *= c["multipliers"][tokens[end]]
        end += 1
    return _Quantity(int(number), i, end)


def _single(following: list[str], c: dict[str, Any]) -> bool:
    return any(t in c["single_nouns"] for t in following)


def _skip(tokens: list[str], i: int, words: NumberWords) -> bool:
    before = " ".join(tokens[max(0, i - 2) : i])
    return any(before.endswith(w) for w in words.content["skip_before"])


def _classify(q: _Quantity, tokens: list[str], quantities: list[_Quantity], words: NumberWords) -> None:
    c = words.content
    if q.skipped:
        return
    if q.both:
        q.category = "killed"
        return
    j = q.start - 1
    while j >= 0 and (tokens[j] in _modifier_words(c) or tokens[j] in ("the",)):
        j -= 1
    before = [o for o in quantities if o.end == j and o.category and not o.skipped]
    if j >= 0 and tokens[j] == "and" and before:  # "killed himself and 12 soldiers"
        q.category, q.adds = before[0].category, True
    elif j >= 0 and tokens[j] in c["killed"]:
        q.category = "killed"
    elif j >= 0 and tokens[j] in c["injured"]:
        q.category = "injured"
    elif j >= 1 and tokens[j] == "of" and tokens[j - 1] == "crowd":
        q.category = "size"
    if q.category is None:
        q.category = _forward(q, tokens, quantities, c)


@functools.lru_cache(maxsize=1)
def _modifier_set(modifiers: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for m in modifiers for w in m.split())


def _modifier_words(c: dict[str, Any]) -> frozenset[str]:
    return _modifier_set(tuple(c["modifiers"]))


def _forward(q: _Quantity, tokens: list[str], quantities: list[_Quantity], c: dict[str, Any]) -> str | None:
    starts = {other.start for other in quantities if not other.skipped and other is not q}
    for k in range(q.end, min(len(tokens), q.end + c["window"])):
        if k in starts or tokens[k] in c["clause_breaks"]:
            break
        if tokens[k] in c["sum_words"] and tokens[k] != "and":
            q.adds = True
        if tokens[k] in c["killed"] and tokens[k] != "casualties":
            return "killed"
        if tokens[k] in c["injured"] and tokens[k] != "casualties":
            return "injured"
    for k, noun in enumerate(tokens[q.end : q.end + 4], start=q.end):
        if k in starts:
            break
        if noun in c["size_nouns"] and (noun != "people" or any(t in c["size_context"] for t in tokens)):
            return "size"
    return None


def _chain(quantities: list[_Quantity], tokens: list[str]) -> None:
    """ "Three attackers and a police officer were killed": joined figures share a category."""
    for first, second in zip(quantities, quantities[1:]):
        joined = "and" in tokens[first.end : second.start] and second.start - first.end <= 4
        if not joined or first.skipped or second.skipped:
            continue
        if first.category is None and second.category is not None:
            first.category, second.adds = second.category, True
        elif second.category is None and first.category is not None and second.start - first.end <= 1:
            second.category, second.adds = first.category, True
        elif first.category == second.category and first.category is not None and tokens[second.start - 1] == "and":
            second.adds = True


def _combine(quantities: list[_Quantity], category: str) -> int | None:
    totals: list[int] = []
    for q in quantities:
        if q.category == "injured" and category == "killed" or q.skipped:
            continue
        if q.category == category or (q.both and category == "injured"):
            if q.adds and totals:
                totals[-1] += q.value
            else:
                totals.append(q.value)
    return min(totals) if totals else None
