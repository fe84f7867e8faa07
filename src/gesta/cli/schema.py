"""``gesta schema``: print the JSON Schema of the event record."""

from __future__ import annotations

import argparse
import json
import sys

from gesta.records import event_schema


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("schema", help="print the JSON Schema of the event record")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    json.dump(event_schema(), sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0
