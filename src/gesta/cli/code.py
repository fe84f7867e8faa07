"""``gesta code PATH...``: code articles and print their events."""

from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import TextIO

from gesta.api import code_files, event_records, load
from gesta.cli.common import add_input_options, add_settings_options, settings_from
from gesta.errors import InputError, UsageError
from gesta.output import make_writer


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("code", help="code articles and print their events")
    add_input_options(parser)
    add_settings_options(parser)
    parser.add_argument("--format", choices=("table", "jsonl", "csv"),
                        help="output format (default: table on a terminal, else jsonl; by -o suffix)")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of standard output")
    parser.set_defaults(handler=run)


def output_format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    if args.output is not None:
        return "csv" if args.output.suffix.lower() == ".csv" else "jsonl"
    return "table" if sys.stdout.isatty() else "jsonl"


def open_output(path: Path) -> TextIO:
    try:
        return path.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None


def run(args: argparse.Namespace) -> int:
    pipeline = load(settings_from(args))
    failures = articles = events = 0
    with ExitStack() as stack:
        stream = stack.enter_context(open_output(args.output)) if args.output else sys.stdout
        writer = make_writer(output_format(args), stream)
        for item in code_files(args.paths, pipeline, args.published, args.source, args.input_format):
            if isinstance(item, InputError):
                failures += 1
                print(f"gesta: {item}", file=sys.stderr)
                continue
            articles += 1
            for record in event_records(item, pipeline):
                writer.write(record)
                events += 1
        writer.close()
    if failures:
        print(f"gesta: {failures} input(s) failed; {articles} article(s) coded, {events} event(s)", file=sys.stderr)
        return 1
    return 0
