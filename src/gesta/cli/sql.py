"""``gesta sql "SELECT ..." [--db FILE]``: read-only SQL on the store."""

from __future__ import annotations

import argparse
import csv
import json
import sys

import duckdb

from gesta.errors import UsageError
from gesta.store import DEFAULT_DB, open_store


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("sql", help="run a read-only SQL query on the store")
    parser.add_argument("query", metavar="SQL", help="the query (tables: articles, sentences, events, rejects; "
                                                     "views: mentions, merged_events)")
    parser.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=f"the store (default: {DEFAULT_DB})")
    parser.add_argument("--format", choices=("table", "csv", "jsonl"),
                        help="output format (default: table on a terminal, else csv)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    con = open_store(args.db, read_only=True)
    try:
        try:
            cursor = con.execute(args.query)
        except duckdb.Error as exc:
            if "read-only" in str(exc).lower():
                raise UsageError(f"the store is opened read-only; `gesta sql` cannot change it ({exc})") from None
            raise UsageError(f"SQL error: {exc}") from None
        names = [d[0] for d in cursor.description] if cursor.description else []
        rows = cursor.fetchall() if names else []
    finally:
        con.close()
    _print(args.format or ("table" if sys.stdout.isatty() else "csv"), names, rows)
    return 0


def _print(kind: str, names: list[str], rows: list[tuple]) -> None:  # type: ignore[type-arg]
    if kind == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(names)
        writer.writerows(rows)
    elif kind == "jsonl":
        for row in rows:
            print(json.dumps(dict(zip(names, row, strict=True)), default=str, ensure_ascii=False))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*names)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        Console().print(table)
