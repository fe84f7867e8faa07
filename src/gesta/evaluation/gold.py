"""Gold records in two formats, read into one shape.

- PLOVER gold standard records (``plover-gsr-dev.jsonl``): ``text``, ``date``, ``event``
  (a PLOVER type, older names allowed), ``source``/``target`` lists of ``{actorText, code}``,
  optional ``eventLoc``.
- gesta's own format (``data/eval/samples-gold.jsonl``): ``text``, ``published``, ``expected``
  (list of ``{source, target, cameo, plover}``) and ``forbidden`` (events that must not appear).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gesta.errors import InputError


@dataclass(frozen=True, slots=True)
class Expected:
    """One expected (or forbidden) event; None fields are not checked."""

    plover: str | None = None
    cameo: str | None = None
    sources: tuple[str, ...] = ()  # country or IGO codes
    targets: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldRecord:
    id: str
    text: str
    published: dt.date | None
    expected: tuple[Expected, ...]
    forbidden: tuple[Expected, ...] = ()
    location_country: str | None = None  # alpha-2 from PLOVER's eventLoc
    any_target_when_none: bool = False  # gesta's format: a null target matches any target
    extra: dict[str, Any] = field(default_factory=dict)


def read_gold(path: Path, modern_plover: Any) -> Iterator[GoldRecord]:
    """Gold records from a JSONL file; ``modern_plover`` maps old PLOVER names to current."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read gold file: {exc.strerror or exc}", str(path)) from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            if not isinstance(raw, dict):
                raise TypeError(f"expected a JSON object, found {type(raw).__name__}")
            record = _record(raw, number, modern_plover)
        except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as exc:
            # AttributeError: a value of the wrong type ("expected": ["x"], "event": 5)
            raise InputError(f"bad gold record: {exc}", str(path), number) from None
        yield record


def _record(raw: dict[str, Any], number: int, modern_plover: Any) -> GoldRecord:
    published = _date(raw.get("published") or raw.get("date"))
    record_id = str(raw.get("id", number))
    if "expected" in raw:
        return GoldRecord(
            record_id, raw["text"], published,
            tuple(_own(e, modern_plover) for e in raw["expected"]),
            tuple(_own(e, modern_plover) for e in raw.get("forbidden", [])),
            any_target_when_none=True,
        )
    expected = Expected(
        plover=modern_plover(raw["event"]),
        sources=_plover_actors(raw.get("source")),
        targets=_plover_actors(raw.get("target")),
    )
    location = (raw.get("eventLoc") or {}) if isinstance(raw.get("eventLoc"), dict) else {}
    country = location.get("country code") or location.get("country") or None
    return GoldRecord(record_id, raw["text"], published, (expected,), (), country)


def _own(raw: dict[str, Any], modern_plover: Any) -> Expected:
    plover = raw.get("plover")
    return Expected(
        plover=modern_plover(plover) if plover else None,
        cameo=raw.get("cameo"),
        sources=(raw["source"],) if raw.get("source") else (),
        targets=(raw["target"],) if raw.get("target") else (),
    )


def _plover_actors(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(a["code"] for a in value if isinstance(a, dict) and a.get("code"))


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    return dt.date.fromisoformat(str(value)[:10])
