"""``gesta stats [--db FILE]``: counts by day, type and country."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from gesta.store import DEFAULT_DB, open_store
from gesta.store.stats import store_stats


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("stats", help="counts of stored events by day, type and country")
    parser.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=f"the store (default: {DEFAULT_DB})")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--top", type=int, default=15, metavar="N", help="rows per table (default: 15)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    con = open_store(args.db, read_only=True)
    try:
        stats = store_stats(con)
    finally:
        con.close()
    if args.json:
        print(json.dumps(stats, indent=2, default=str))
        return 0
    from rich.console import Console

    console = Console(file=sys.stdout, width=None if sys.stdout.isatty() else 120)
    console.print(" ".join(f"{k}={v}" for k, v in stats["totals"].items()))
    for name in ("by_day", "by_cameo_root", "by_plover", "by_country"):
        console.print(_table(name, stats[name][: args.top]))
    return 0


def _table(title: str, rows: list[dict[str, Any]]) -> Any:
    from rich.table import Table

    table = Table(title=title.replace("_", " "))
    for column in (rows[0].keys() if rows else ("none",)):
        table.add_column(column)
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row.values()))
    return table
