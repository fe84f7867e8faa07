"""``gesta demo``: code the bundled sample articles and show their events."""

from __future__ import annotations

import argparse
import sys

from gesta.api import event_records, load
from gesta.errors import InputError
from gesta.output import make_writer
from gesta.samples import sample_articles


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("demo", help="code the bundled sample articles and print their events")
    parser.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    pipeline = load()
    writer = make_writer(args.format, sys.stdout)
    failures = 0
    for item in sample_articles():
        if isinstance(item, InputError):
            failures += 1
            print(f"gesta: {item}", file=sys.stderr)
            continue
        coded = pipeline.run(item)
        for record in event_records(coded, pipeline):
            writer.write(record)
    writer.close()
    return 1 if failures else 0
