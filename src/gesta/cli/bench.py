"""``gesta bench [CORPUS]``: throughput, per-stage time shares and peak memory of the pipeline."""

from __future__ import annotations

import argparse
from pathlib import Path

from gesta.cli.common import settings_from


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from gesta.bench import STAGE_CHOICES

    parser = subparsers.add_parser("bench", help="measure the pipeline's speed and memory on a corpus")
    parser.add_argument("corpus", nargs="?", type=Path, metavar="CORPUS",
                        help="articles (JSONL, text, HTML; default: ../shared BBC corpus)")
    parser.add_argument("--stage", choices=STAGE_CHOICES, default="all",
                        help="run the pipeline up to this stage (store: also write a temporary DuckDB)")
    parser.add_argument("--limit", type=int, metavar="N", help="at most N articles")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--core", type=int, metavar="CPU", help="pin to this core (default: the last allowed one)")
    parser.add_argument("--no-pin", action="store_true", help="do not pin the process to one core")
    parser.add_argument("--no-floor", action="store_true", help="skip the tokenizer-only floor pass")
    parser.add_argument("--actors", type=Path, action="append", default=[], help=argparse.SUPPRESS)
    parser.add_argument("--patterns", type=Path, action="append", default=[], help=argparse.SUPPRESS)
    parser.add_argument("--parser-model", type=Path, metavar="DIR", help="a spaCy model to parse with")
    parser.add_argument("--captions", action="store_true", help=argparse.SUPPRESS)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from gesta.bench import BenchOptions, default_corpus, run_bench
    from gesta.bench.report import render, write_json
    from gesta.errors import UsageError

    if args.limit is not None and args.limit < 1:
        raise UsageError("--limit must be at least 1")
    options = BenchOptions(
        corpus=args.corpus or default_corpus(), stage=args.stage, limit=args.limit,
        settings=settings_from(args), pin_core=-1 if args.no_pin else args.core,
        floor=not args.no_floor,
    )
    result = run_bench(options)
    render(result)
    if args.json:
        write_json(result, args.json)
    return 0
