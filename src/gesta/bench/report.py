"""Show benchmark figures as a rich table; write them as JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gesta.errors import UsageError

HEADLINE = (
    ("articles", "articles"),
    ("sentences", "sentences"),
    ("elapsed_s", "seconds"),
    ("articles_per_s", "articles/s"),
    ("sentences_per_s", "sentences/s"),
    ("words_per_s", "words/s"),
    ("floor_words_per_s", "floor words/s (tokenizer + sentence rules)"),
    ("fraction_of_floor", "fraction of floor"),
    ("peak_rss_mb", "peak RSS (MB)"),
    ("sentences_per_cpu_s", "sentences per CPU second"),
    ("cpu_share", "CPU share of the wall clock (< 1: the core was shared)"),
)


def render(result: dict[str, Any], console: Any = None) -> None:
    """Print the figures and the per-stage shares as two tables."""
    from rich.console import Console
    from rich.table import Table

    out = console or Console()
    figures = Table(title=f"gesta bench --stage {result.get('stage')} ({result.get('corpus')})")
    figures.add_column("figure")
    figures.add_column("value", justify="right")
    for key, label in HEADLINE:
        value = result.get(key)
        figures.add_row(label, "-" if value is None else f"{value:,}")
    out.print(figures)
    stages = Table(title="time per stage")
    for name in ("stage", "seconds", "share"):
        stages.add_column(name, justify="left" if name == "stage" else "right")
    seconds = result.get("stage_seconds", {})
    for name, share in sorted(result.get("stage_shares", {}).items(), key=lambda kv: -kv[1]):
        stages.add_row(name, f"{seconds.get(name, 0.0):.2f}", f"{share:.1%}")
    out.print(stages)


def write_json(result: dict[str, Any], path: Path) -> None:
    """Write ``result`` to ``path`` (a UsageError when it cannot be written)."""
    try:
        path.write_text(json.dumps(result, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
