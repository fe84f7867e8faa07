"""``gesta ingest PATH... [--db FILE]``: code articles and store them in the event store."""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import ExitStack
from types import TracebackType

from gesta.api import load
from gesta.cli.common import add_input_options, add_settings_options, settings_from
from gesta.readers import ReadOptions
from gesta.store import DEFAULT_DB, IngestSummary, ingest


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("ingest", help="code articles and store them with their events")
    add_input_options(parser)
    add_settings_options(parser)
    parser.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=f"the store (default: {DEFAULT_DB})")
    parser.add_argument("--batch-size", type=int, default=32, metavar="N",
                        help="articles per committed transaction (default: 32)")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--workers", type=int, default=1, metavar="N",
                        help="code in N processes (each loads the pipeline once); one writer stores")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.batch_size < 1:
        print("gesta: error: --batch-size must be at least 1", file=sys.stderr)
        return 2
    if args.workers < 1:
        print("gesta: error: --workers must be at least 1", file=sys.stderr)
        return 2
    settings = settings_from(args)
    pipeline = load(settings) if args.workers == 1 else None
    options = ReadOptions(published=args.published, source=args.source, format=args.input_format)
    with ExitStack() as stack:
        progress = stack.enter_context(_progress()) if sys.stderr.isatty() else None
        summary = ingest(args.paths, args.db, settings, pipeline=pipeline, read_options=options,
                         batch_size=args.batch_size, progress=progress, workers=args.workers)
    for message in summary.reject_messages:
        print(f"gesta: {message}", file=sys.stderr)
    if args.json:
        print(json.dumps(summary.to_dict(), indent=2))
    else:
        print("\n".join(summary.lines()))
    return 1 if summary.rejects else 0


class _progress:
    """A rich progress line (articles, articles/s, events) on a terminal."""

    def __enter__(self) -> _progress:
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), transient=True)
        self.bar.__enter__()
        self.task = self.bar.add_task("ingesting", total=None)
        return self

    def __call__(self, summary: IngestSummary) -> None:
        rate = summary.articles_new / summary.seconds if summary.seconds else 0.0
        self.bar.update(self.task, description=(
            f"{summary.articles_new} new ({rate:.1f} articles/s), {summary.articles_already_stored} stored, "
            f"{summary.events} events, {summary.rejects} rejects"))

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.bar.__exit__(kind, error, trace)
