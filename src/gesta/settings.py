"""The one frozen settings object a pipeline is built from."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gesta.errors import UsageError

DEFAULT_STAGES: tuple[str, ...] = (
    "gesta.normalize.v1",
    "gesta.layout.v1",
    "gesta.parse.v1",
    "gesta.actors.v1",
    "gesta.events.v1",
    "gesta.dates.v1",
    "gesta.numbers.v1",
    "gesta.places.v1",
    "gesta.finalize.v1",
)


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything that shapes a pipeline. Build once, share freely.

    ``stages`` are registry names (see :mod:`gesta.registry`); ``actor_files`` and
    ``pattern_files`` add user dictionaries to the packaged ones; ``parser_path`` replaces the
    packaged parser; ``code_captions`` lets photo captions be coded (section ``caption``).
    """

    stages: tuple[str, ...] = DEFAULT_STAGES
    parser_path: Path | None = None
    actor_files: tuple[Path, ...] = ()
    pattern_files: tuple[Path, ...] = ()
    code_captions: bool = False
    max_sentence_chars: int = 2_000
    batch_size: int = 64
    extra: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes``; unknown names are a :class:`UsageError`."""
        names = {f.name for f in dataclasses.fields(self)}
        unknown = sorted(set(changes) - names)
        if unknown:
            raise UsageError(f"unknown setting(s): {', '.join(unknown)}")
        return dataclasses.replace(self, **changes)
