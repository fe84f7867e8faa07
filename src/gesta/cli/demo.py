"""``gesta demo``: code the bundled sample articles into a database and show what came out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gesta.api import load
from gesta.output import make_writer
from gesta.samples import sample_articles
from gesta.store.db import DEFAULT_DB
from gesta.store.ingest import ingest_items
from gesta.store.query import EventFilter, query_events


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("demo", help="ingest the bundled sample articles and show their events")
    parser.add_argument("--db", type=Path, default=Path(DEFAULT_DB), help=f"database file (default {DEFAULT_DB})")
    parser.add_argument("--limit", type=int, default=40, help="how many events to show")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    summary = ingest_items(sample_articles(), args.db, pipeline=load())
    writer = make_writer("table", sys.stdout)
    for record in query_events(args.db, EventFilter(limit=args.limit)):
        writer.write(record)
    writer.close()
    lines = summary.lines()
    lines.insert(-5, f"  gesta serve --db {args.db}        # the dashboard at http://127.0.0.1:8000")
    sys.stdout.write("\n".join(lines) + "\n")
    return 1 if summary.rejects else 0
