"""The read cache: which commits make an answer stale, checked in memory where possible."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

pytest.importorskip("fastapi")

from gesta.web.cache import MISSING, AddedEvent, CommitLog, ReadCache, Validity, sort_key

DAY = dt.date(2024, 3, 1)


class Matches:
    """A stand-in for the SQL check: records its calls, answers ``result``."""

    def __init__(self, result: bool = False) -> None:
        self.result, self.calls = result, []  # type: ignore[var-annotated]

    def __call__(self, con: Any, first: int, last: int, seqs: list[int] | None) -> bool:
        self.calls.append((first, last, seqs))
        return self.result


def cached(validity: Validity, log: CommitLog) -> ReadCache:
    cache = ReadCache(log)
    cache.get_or_compute("k", None, lambda con: ("answer", validity))  # type: ignore[arg-type]
    return cache


def test_events_after_a_full_page_or_outside_its_days_need_no_query() -> None:
    log, matches = CommitLog(), Matches(result=True)
    page = Validity(matches, since=DAY, until=DAY + dt.timedelta(days=30), merged_ids=frozenset({"m1"}),
                    last_key=sort_key(DAY, 5))
    cache = cached(page, log)
    log.record(10, 12, [AddedEvent(10, DAY, "m9"),  # same day, stored later: sorts after the page's last event
                        AddedEvent(11, DAY - dt.timedelta(days=1), "m8"),  # before `since`
                        AddedEvent(12, None, "m7")])  # undated: outside any day range
    assert cache.get_fast("k") == "answer"
    assert matches.calls == []


def test_a_new_mention_of_a_page_event_makes_it_stale() -> None:
    log, matches = CommitLog(), Matches(result=False)
    cache = cached(Validity(matches, merged_ids=frozenset({"m1"})), log)
    log.record(10, 10, [AddedEvent(10, DAY + dt.timedelta(days=400), "m1")])
    assert cache.get_fast("k") is MISSING
    assert cache.get_or_compute("k", None, lambda con: ("new", Validity(matches))) == "new"  # type: ignore[arg-type]
    assert matches.calls == []


@pytest.mark.parametrize(("found", "expected"), [(True, "new"), (False, "answer")])
def test_events_that_may_sort_into_the_page_are_checked_by_query(found: bool, expected: str) -> None:
    log, matches = CommitLog(), Matches(result=found)
    cache = cached(Validity(matches, last_key=sort_key(DAY, 5)), log)
    log.record(10, 11, [AddedEvent(10, DAY - dt.timedelta(days=1), "m2"), AddedEvent(11, DAY, "m3")])
    assert cache.get_fast("k") is MISSING
    answer = cache.get_or_compute("k", None, lambda con: ("new", Validity(matches)))  # type: ignore[arg-type]
    assert answer == expected
    assert matches.calls == [(10, 10, [10])]


def test_forgotten_commits_are_checked_over_their_whole_range() -> None:
    log, matches = CommitLog(kept_events=1), Matches(result=False)
    cache = cached(Validity(matches, merged_ids=frozenset({"m1"})), log)
    log.record(10, 11, [AddedEvent(10, DAY, "m2"), AddedEvent(11, DAY, "m3")])  # over the limit
    assert cache.get_fast("k") is MISSING
    assert cache.get_or_compute("k", None, lambda con: ("new", Validity(matches))) == "answer"  # type: ignore[arg-type]
    assert matches.calls == [(10, 11, None)]
    assert cache.get_fast("k") == "answer"  # checked up to the current commit


def test_commits_without_events_change_nothing() -> None:
    log, matches = CommitLog(), Matches(result=True)
    cache = cached(Validity(matches), log)
    log.record(10, 9, [])
    assert cache.get_fast("k") == "answer"
    assert matches.calls == []


def test_many_added_events_are_not_checked_on_the_event_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    from gesta.web import cache as module

    monkeypatch.setattr(module, "FAST_CHECK_EVENTS", 1)
    log, matches = CommitLog(), Matches(result=False)
    cache = cached(Validity(matches, since=DAY), log)
    log.record(10, 11, [AddedEvent(10, DAY - dt.timedelta(days=1), "m2"), AddedEvent(11, None, "m3")])
    assert cache.get_fast("k") is MISSING
    assert cache.get_or_compute("k", None, lambda con: ("new", Validity(matches))) == "answer"  # type: ignore[arg-type]
    assert matches.calls == []
