"""``gesta events [--db FILE] [filters]``: query stored events."""

from __future__ import annotations

import argparse
import sys

from gesta.cli.common import iso_date
from gesta.errors import UsageError
from gesta.output import make_writer
from gesta.store import DEFAULT_DB, EventFilter, open_store, query_events


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("events", help="query events in the store")
    parser.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=f"the store (default: {DEFAULT_DB})")
    parser.add_argument("--since", type=iso_date, metavar="DATE", help="events on or after DATE")
    parser.add_argument("--until", type=iso_date, metavar="DATE", help="events on or before DATE")
    parser.add_argument("--country", metavar="ISO3", help="source, target or location country")
    parser.add_argument("--actor", metavar="CODE", help="CAMEO actor code (prefix) of source or target")
    parser.add_argument("--cameo", metavar="CODE", help="CAMEO code or prefix (19 = root 19)")
    parser.add_argument("--plover", metavar="TYPE", help="PLOVER event type, e.g. ASSAULT")
    parser.add_argument("--acled", metavar="TYPE", help='ACLED event type, e.g. "Battles"')
    parser.add_argument("--near", metavar="LAT,LON,KM", help="events within KM of a point")
    parser.add_argument("--merged", action="store_true", help="one row per merged event (first mention)")
    parser.add_argument("--limit", type=int, metavar="N", help="at most N events")
    parser.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N events")
    parser.add_argument("--format", choices=("table", "jsonl", "csv"),
                        help="output format (default: table on a terminal, else jsonl)")
    parser.set_defaults(handler=run)


def parse_near(value: str | None) -> tuple[float, float, float] | None:
    if not value:
        return None
    try:
        lat, lon, km = (float(part) for part in value.split(","))
    except ValueError:
        raise UsageError(f"--near needs LAT,LON,KM (got {value!r})") from None
    return lat, lon, km


def filters_from(args: argparse.Namespace) -> EventFilter:
    if args.limit is not None and args.limit < 0 or args.offset < 0:
        raise UsageError("--limit and --offset must not be negative")
    return EventFilter(since=args.since, until=args.until, country=args.country, actor=args.actor,
                       cameo=args.cameo, plover=args.plover, acled=args.acled, near=parse_near(args.near),
                       limit=args.limit, offset=args.offset, merged=args.merged)


def run(args: argparse.Namespace) -> int:
    filters = filters_from(args)
    kind = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    con = open_store(args.db, read_only=True)
    try:
        writer = make_writer(kind, sys.stdout)
        for record in query_events(con, filters):
            writer.write(record)
        writer.close()
    finally:
        con.close()
    return 0
