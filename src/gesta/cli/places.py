"""``gesta places lookup NAME [--country ISO3]``: gazetteer candidates and the choice."""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.table import Table

from gesta.where.gazetteer import Gazetteer


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("places", help="look up places in the gazetteer")
    commands = parser.add_subparsers(dest="places_command", metavar="COMMAND")
    lookup = commands.add_parser("lookup", help="candidates for a place name, best first")
    lookup.add_argument("name", help="place name, e.g. Donetsk or Kiev")
    lookup.add_argument("--country", action="append", default=[], metavar="ISO3",
                        help="context country (ISO alpha-3); repeat for several")
    lookup.add_argument("--limit", type=int, default=10, help="candidates to show (default 10)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    console = Console()
    if getattr(args, "places_command", None) != "lookup":
        console.print("usage: gesta places lookup NAME [--country ISO3]")
        return 2
    found = Gazetteer.load().lookup(args.name, context_countries=[c.upper() for c in args.country])
    if not found:
        console.print(f"no place called {args.name!r}")
        return 1
    table = Table(title=f"places called {args.name!r}")
    for column in ("#", "name", "kind", "country", "admin1", "lat", "lon", "population"):
        table.add_column(column)
    for rank, place in enumerate(found[: args.limit], start=1):
        table.add_row(str(rank), place.name, place.kind, place.country or "", place.admin1 or "",
                      f"{place.lat:.4f}", f"{place.lon:.4f}", f"{place.population:,}")
    console.print(table)
    best = found[0]
    console.print(f"choice: {best.name} ({best.kind}, {best.country}, {best.admin1 or '-'}) {best.lat:.4f},{best.lon:.4f}")
    return 0
