"""code_parallel: order, errors passed through, two worker processes."""

from __future__ import annotations

import pytest

from gesta.document import Article
from gesta.errors import InputError, UsageError
from gesta.parallel import code_parallel
from gesta.settings import Settings

TEXTS = [
    "Rebels attacked an army base in northern Mali on Monday.",
    "The French president met the German chancellor in Paris.",
    "Thousands of students protested in Nairobi against higher fees.",
    "Police arrested two opposition leaders in Kampala.",
    "The UN condemned the bombing of a hospital in Aleppo.",
]


def test_two_workers_keep_order_and_pass_errors_through() -> None:
    items: list[Article | InputError] = [Article(id=f"a{i}", text=t) for i, t in enumerate(TEXTS)]
    items.insert(2, InputError("cannot read", "in.jsonl", 3))
    items.insert(4, Article(id="blank", text="   ", origin="in.jsonl:9"))
    out = list(code_parallel(items, Settings(), workers=2, chunk_size=2))
    assert len(out) == len(items)
    ids = [o.id if isinstance(o, Article) else o.source for o in out]
    assert ids == ["a0", "a1", "in.jsonl", "a2", "in.jsonl:9", "a3", "a4"]
    error = out[2]
    assert isinstance(error, InputError) and error.line == 3 and error.reason == "cannot read"
    assert isinstance(out[4], InputError) and "empty" in out[4].reason
    coded = [o for o in out if isinstance(o, Article)]
    assert all(o.sentences and all(s.parse is None for s in o.sentences) for o in coded)
    assert all("parse" in o.done for o in coded)
    assert any(o.events for o in coded)


def test_bad_worker_count() -> None:
    with pytest.raises(UsageError):
        list(code_parallel([], Settings(), workers=0, chunk_size=4))


def test_stopping_early_shuts_the_pool_down() -> None:
    items = (Article(id=f"s{i}", text=TEXTS[i % len(TEXTS)]) for i in range(50))
    coded = code_parallel(items, Settings(), workers=1, chunk_size=1)
    first = next(coded)
    assert isinstance(first, Article) and first.id == "s0"
    coded.close()  # as on KeyboardInterrupt: queued chunks cancelled, the worker stopped
    assert coded.gi_frame is None
