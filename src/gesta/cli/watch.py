"""``gesta watch DIR``: code new files in DIR (and new feed entries) as they arrive, until stopped."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gesta.cli.common import add_settings_options, settings_from


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("watch", help="code files as they arrive in a directory (and RSS/Atom feeds)")
    parser.add_argument("directory", type=Path, metavar="DIR", help="the directory to watch")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--db", metavar="FILE", help="the event store to ingest into (default: gesta.duckdb)")
    out.add_argument("--jsonl", type=Path, metavar="FILE", help="append coded articles to a JSONL file instead")
    parser.add_argument("--feed", action="append", default=[], metavar="URL_OR_FILE",
                        help="an RSS/Atom feed to poll too; may repeat")
    parser.add_argument("--interval", type=float, default=5.0, metavar="S", help="seconds between polls (default: 5)")
    parser.add_argument("--settle", type=float, metavar="S",
                        help="seconds a file must stay unchanged before it is taken (default: --interval)")
    parser.add_argument("--queue", type=int, default=8, metavar="N", help="jobs waiting to be coded at most (default: 8)")
    parser.add_argument("--state", type=Path, metavar="FILE", help="record of done work (default: DIR/.gesta-watch.jsonl)")
    parser.add_argument("--once", action="store_true", help="code what is there now, then exit")
    add_settings_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from gesta.api import load
    from gesta.errors import UsageError
    from gesta.watch import JsonlSink, StoreSink, WatchOptions, run_watch

    if args.interval <= 0:
        raise UsageError("--interval must be positive")
    if not args.directory.is_dir():
        raise UsageError(f"{args.directory}: not a directory")
    pipeline = load(settings_from(args))
    if args.jsonl:
        sink: JsonlSink | StoreSink = JsonlSink(args.jsonl, pipeline)
    else:
        from gesta.store import DEFAULT_DB

        sink = StoreSink(args.db or DEFAULT_DB, pipeline)
    options = WatchOptions(args.directory, tuple(args.feed), args.interval, args.queue, args.state, args.once,
                           args.settle)
    summary = run_watch(options, pipeline, sink)
    print(f"watch: {summary.jobs} job(s), {summary.articles} article(s), {summary.events} event(s), "
          f"{summary.rejects} rejected; {summary.left} left for the next run", file=sys.stderr)
    return 1 if summary.rejects else 0
