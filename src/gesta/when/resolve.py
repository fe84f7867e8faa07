"""Resolve a date phrase against the publication date; never guess.

Rules (see docs/geography.md): explicit dates are that day (a missing year is the
publication year, moved back one year when the day would fall more than ``max_days_ahead``
days after publication); a weekday is the latest such day on or before publication, or the
next one when the clause is in the future tense or says "next"; relative days count from
publication. Vague phrases ("last week", "in mid-July") and anything without a publication
date that needs one resolve to ``None``.
"""

from __future__ import annotations

import datetime as dt
import re

from gesta.when.phrases import DatePhrase, DateWords, load_date_words


def resolve(
    phrase: DatePhrase, published: dt.date | None, *, future: bool = False, words: DateWords | None = None
) -> dt.date | None:
    """The day ``phrase`` names, or ``None`` when it names no single day."""
    words = words or load_date_words()
    parts = phrase.parts
    if phrase.kind in ("iso", "numeric", "explicit"):
        return _explicit(parts, published, words)
    if published is None:
        return None
    if phrase.kind == "weekday":
        return _weekday(parts, published, future, words)
    if phrase.kind == "relative":
        offset = words.relative_days.get(" ".join(phrase.text.lower().split()))
        return None if offset is None else published + dt.timedelta(days=offset)
    if phrase.kind == "ago":
        number = parts["num"].lower()
        count = int(number) if number.isdigit() else words.number_words[number]
        return published - dt.timedelta(days=count * words.ago_units[parts["unit"].lower()])
    return None  # month names alone and vague phrases name no single day


def _explicit(parts: dict[str, str], published: dt.date | None, words: DateWords) -> dt.date | None:
    month_text = parts["month"]
    month = int(month_text) if month_text.isdigit() else words.months[month_text]
    day = int(parts["day"])
    if parts.get("sep") and month > 12 >= day:  # 09/30/2022: month first
        day, month = month, day
    if parts.get("year"):
        return _date(int(parts["year"]), month, day)
    if published is None:
        return None
    found = _date(published.year, month, day)
    if found is not None and (found - published).days > words.max_days_ahead:
        found = _date(published.year - 1, month, day)  # "Dec. 29" in a January article
    return found


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _weekday(parts: dict[str, str], published: dt.date, future: bool, words: DateWords) -> dt.date:
    target = words.weekdays[parts["weekday"]]
    prefix = parts.get("pre", "")
    is_next = bool(prefix) and prefix.split()[0] in words.next_words
    if future or is_next:
        ahead = (target - published.weekday()) % 7
        if ahead == 0 and is_next:
            ahead = 7
        return published + dt.timedelta(days=ahead)
    return published - dt.timedelta(days=(published.weekday() - target) % 7)


_TOKEN = re.compile(r"'ll|n't|[\w']+|[^\w\s]")


def is_future(text: str, phrase: DatePhrase, words: DateWords | None = None) -> bool:
    """Whether the clause before ``phrase`` has a future auxiliary ("will open on Tuesday")."""
    words = words or load_date_words()
    tokens = [t.lower() for t in _TOKEN.findall(text[: phrase.start])]
    for token in reversed(tokens):
        if token in words.clause_breaks:
            return False
        if token in words.future_aux:
            return True
    return False
