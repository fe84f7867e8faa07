"""``gesta actors lookup TEXT [--date D]``: how a phrase is coded and why."""

from __future__ import annotations

import argparse
import sys

from gesta.actors.lookup import describe, lookup_actor
from gesta.api import load
from gesta.cli.common import add_settings_options, iso_date, settings_from


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("actors", help="actor dictionaries: look phrases up")
    commands = parser.add_subparsers(dest="actors_command", metavar="SUBCOMMAND", required=True)
    lookup = commands.add_parser("lookup", help="how a phrase is coded and why")
    lookup.add_argument("text", help='a phrase, e.g. "Russian President Vladimir Putin"')
    lookup.add_argument("--date", type=iso_date, metavar="D", help="the date that picks people's roles")
    add_settings_options(lookup)
    lookup.set_defaults(handler=run_lookup)


def run_lookup(args: argparse.Namespace) -> int:
    result = lookup_actor(load(settings_from(args)), args.text, args.date)
    sys.stdout.write("\n".join(describe(result)) + "\n")
    return 0
