"""Date phrases: regex patterns built from ``data/grammar/dates.yaml``, and finding them.

Candidates are found with patterns only (never a free-text date search, which reads "We" or
"may" as dates). Month and weekday names must be capitalised; a weekday followed by a
capitalised word without a preposition before it ("Sunday Times", "Good Friday Agreement")
is a name, not a date.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from gesta.resources import data_dir, load_yaml

PhraseKind = Literal["weekday", "explicit", "numeric", "iso", "relative", "ago", "month", "vague"]
# order = priority among candidates with the same span (resolvable kinds first)
KINDS: tuple[PhraseKind, ...] = ("iso", "numeric", "explicit", "weekday", "relative", "ago", "month", "vague")


@dataclass(frozen=True, slots=True)
class DatePhrase:
    """A date phrase in a text: its span (character offsets), text, kind and named parts."""

    start: int
    end: int
    text: str
    kind: PhraseKind
    parts: dict[str, str]


@dataclass(frozen=True)
class DateWords:
    """The word lists of a ``date_words`` file and the patterns built from them."""

    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    number_words: dict[str, int]
    ago_units: dict[str, int]
    next_words: frozenset[str]
    future_aux: frozenset[str]
    clause_breaks: frozenset[str]
    max_days_ahead: int
    patterns: dict[PhraseKind, re.Pattern[str]]


def _alt(words: list[str] | dict[str, Any], *, escape: bool = True) -> str:
    items = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w) if escape else w for w in items)


def _prefixes(words: list[str]) -> str:
    """An optional, case-insensitive prefix group; a prefix ending in '-' joins the next word."""
    parts = [re.escape(p) + ("" if p.endswith("-") else r"\s+") for p in sorted(words, key=len, reverse=True)]
    return rf"(?P<pre>(?i:{'|'.join(parts)}))?"


def _vague(content: dict[str, Any]) -> str:
    num = rf"(?:\d+|few|several|{_alt(content['number_words'])})"
    fills = {"num": num, "unit": f"(?:{_alt(content['vague_units'])})", "period": f"(?:{_alt(content['vague_periods'])})"}
    templates = [re.escape(t).replace(r"\{", "{").replace(r"\}", "}").replace(r"\ ", r"\s+") for t in content["vague_phrases"]]
    return rf"\b(?i:{'|'.join(t.format(**fills) for t in sorted(templates, key=len, reverse=True))})\b"


def _patterns(content: dict[str, Any]) -> dict[PhraseKind, re.Pattern[str]]:
    months, weekdays = _alt(content["months"]), _alt(content["weekdays"])
    parts = _alt(content["day_parts"])
    dpre = _prefixes(content["date_prefixes"])
    ordinal = r"(?P<day>\d{1,2})(?i:st|nd|rd|th)?(?!\d)"
    year = r"(?:,?\s+(?P<year>\d{4})\b)?"
    sources: dict[PhraseKind, str] = {
        "iso": r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b",
        "numeric": rf"\b{dpre}(?P<day>\d{{1,2}})(?P<sep>[./])(?P<month>\d{{1,2}})(?P=sep)(?P<year>\d{{4}})\b",
        "explicit": (rf"\b{dpre}(?:(?i:the)\s+)?{ordinal}(?:\s+(?i:of))?\s+(?P<month>{months})\b(?:\.(?=,?\s+\d))?{year}"
                     rf"|\b(?P<pre2>(?i:on|since|until|from|by)\s+)?(?P<month2>{months})\b\.?\s+(?P<day2>\d{{1,2}})(?i:st|nd|rd|th)?(?!\d)\b(?:,?\s+(?P<year2>\d{{4}})\b)?"),
        "weekday": rf"\b{_prefixes(content['weekday_prefixes'])}(?P<weekday>{weekdays})\b(?P<part>\s+(?i:{parts})\b)?",
        "relative": rf"\b(?i:{_alt(content['relative_days'])})\b",
        "ago": rf"\b(?i:(?P<num>\d+|{_alt(content['number_words'])})\s+(?P<unit>{_alt(content['ago_units'])})\s+ago)\b",
        "month": rf"\b{_prefixes(content['month_prefixes'])}(?P<month>{months})\b(?:\s+(?P<year>\d{{4}})\b)?",
        "vague": _vague(content),
    }
    return {kind: re.compile(source) for kind, source in sources.items()}


@functools.lru_cache(maxsize=4)
def load_date_words(path: Path | None = None) -> DateWords:
    """The packaged (or given) ``date_words`` file, validated, with its compiled patterns."""
    content = load_yaml(path or data_dir() / "grammar" / "dates.yaml", "date_words").content
    lower = {k.lower(): v for k, v in content["relative_days"].items()}
    return DateWords(
        months=content["months"], weekdays=content["weekdays"], relative_days=lower,
        number_words=content["number_words"], ago_units=content["ago_units"],
        next_words=frozenset(content["next_words"]), future_aux=frozenset(content["future_aux"]),
        clause_breaks=frozenset(content["clause_breaks"]), max_days_ahead=content["max_days_ahead"],
        patterns=_patterns(content),
    )


def find_phrases(text: str, words: DateWords | None = None) -> list[DatePhrase]:
    """Non-overlapping date phrases in ``text``, longest first where candidates overlap."""
    words = words or load_date_words()
    found = []
    for priority, kind in enumerate(KINDS):
        for match in words.patterns[kind].finditer(text):
            parts = _parts(match)
            if kind == "weekday" and _is_name(text, match, parts):
                continue
            if kind == "month" and not (parts.get("pre") or parts.get("year")):
                continue  # "April Ryan": a month name alone is not a date
            found.append((match.start(), -(match.end() - match.start()), priority, match, kind, parts))
    chosen: list[DatePhrase] = []
    taken: list[tuple[int, int]] = []
    for _, _, _, match, kind, parts in sorted(found, key=lambda f: (f[1], f[2], f[0])):
        if any(match.start() < end and start < match.end() for start, end in taken):
            continue
        taken.append((match.start(), match.end()))
        chosen.append(DatePhrase(match.start(), match.end(), match.group(0), kind, parts))
    return sorted(chosen, key=lambda p: p.start)


def _parts(match: re.Match[str]) -> dict[str, str]:
    parts = {k.rstrip("2"): v for k, v in match.groupdict().items() if v is not None}
    if "pre" in parts:
        parts["pre"] = " ".join(parts["pre"].lower().split())
    return parts


def _is_name(text: str, match: re.Match[str], parts: dict[str, str]) -> bool:
    """A weekday inside a name: "Sunday Times", "Good Friday Agreement", "Saturday Night Live"."""
    if parts.get("pre"):
        return False
    after = re.match(r"\s+([A-Z])", text[match.end():])
    before = re.search(r"([A-Za-z]+)\s+$", text[: match.start()])
    return bool(after) or bool(before and before.group(1)[0].isupper() and match.start() > len(before.group(0)))
