"""The sample articles bundled with gesta (written for the project), with their dates."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from gesta.document import Article
from gesta.errors import InputError
from gesta.readers import ReadOptions, read_paths


def samples_dir() -> Path:
    return Path(str(resources.files("gesta") / "samples"))


def sample_articles() -> Iterator[Article | InputError]:
    """Every bundled sample article; plain-text samples get their date from published.json."""
    directory = samples_dir()
    dates = json.loads((directory / "published.json").read_text(encoding="utf-8"))
    for path in sorted(directory.iterdir()):
        if path.suffix not in (".txt", ".jsonl", ".html"):
            continue
        published = dates.get(path.name)
        options = ReadOptions(published=dt.date.fromisoformat(published) if published else None)
        yield from read_paths([str(path)], options)
