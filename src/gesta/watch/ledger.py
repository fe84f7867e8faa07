"""The record of work already committed (files and feed entries), so a restart does not redo it."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)


class Ledger:
    """Keys of committed jobs, one JSON line each, appended after the sink flushed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.keys: set[str] = set()
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                try:
                    self.keys.add(str(json.loads(line)["key"]))
                except (json.JSONDecodeError, KeyError, TypeError):
                    log.warning("%s: ignoring a torn or bad line", path)

    def __contains__(self, key: str) -> bool:
        return key in self.keys

    def record(self, key: str, articles: int) -> None:
        entry = {"key": key, "articles": articles, "at": dt.datetime.now(dt.UTC).isoformat()}
        torn = self.path.is_file() and self.path.stat().st_size and not _ends_newline(self.path)
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(("\n" if torn else "") + json.dumps(entry) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        self.keys.add(key)


def _ends_newline(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"
