"""``gesta export --format gdelt|plover|acled|parquet|geojson|csv [-o PATH]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gesta.store import DEFAULT_DB, open_store
from gesta.store.export import FORMATS, export


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("export", help="export stored events (GDELT, PLOVER, ACLED, Parquet, GeoJSON, CSV)")
    parser.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=f"the store (default: {DEFAULT_DB})")
    parser.add_argument("--format", choices=FORMATS, required=True, help="see docs/formats.md")
    parser.add_argument("-o", "--output", type=Path, metavar="PATH",
                        help="file to write (a directory for parquet); default: standard output")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    con = open_store(args.db, read_only=True)
    try:
        if args.format == "parquet" or args.output is None:
            count = export(con, args.format, sys.stdout, args.output)
        else:
            with args.output.open("w", encoding="utf-8", newline="") as stream:
                count = export(con, args.format, stream)
    finally:
        con.close()
    print(f"gesta: exported {count} row(s) as {args.format}", file=sys.stderr)
    return 0
