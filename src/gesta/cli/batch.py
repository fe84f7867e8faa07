"""``gesta batch INPUT... --out DIR``: code large inputs on a Dask cluster, resumably."""

from __future__ import annotations

import argparse
import sys

from gesta.cli.common import add_settings_options, iso_date, settings_from


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("batch", help="code large inputs on a Dask cluster into Parquet partitions")
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="JSONL or Parquet files, text/HTML files, directories")
    parser.add_argument("--out", required=True, metavar="DIR", help="output directory (events/, articles/, rejects/, manifest)")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="a Dask scheduler (tcp://HOST:8786); default: a local cluster")
    parser.add_argument("--workers", type=int, default=2, metavar="N", help="local cluster worker processes (default: 2)")
    parser.add_argument("--partition-size", type=int, default=500, metavar="N", help="articles per partition (default: 500)")
    parser.add_argument("--published", type=iso_date, metavar="DATE", help="publication date for inputs that lack one")
    parser.add_argument("--source", metavar="NAME", help="outlet name for inputs that lack one")
    add_settings_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from gesta.batch import run_batch
    from gesta.readers import ReadOptions

    summary = run_batch(
        args.inputs, args.out, settings_from(args), scheduler=args.scheduler, workers=args.workers,
        partition_size=args.partition_size,
        read_options=ReadOptions(published=args.published, source=args.source),
    )
    for line in summary.lines():
        print(line, file=sys.stderr if line.startswith("partition") else sys.stdout)
    return 1 if summary.failed or summary.rejects else 0
