"""``gesta evaluate GOLD...``: score the coder on gold files (PLOVER records or gesta's format)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from gesta.api import load
from gesta.cli.common import add_settings_options, settings_from
from gesta.errors import UsageError
from gesta.evaluation import EvaluationReport, evaluate


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("evaluate", help="score the coder on gold records")
    parser.add_argument("gold", nargs="+", type=Path, metavar="GOLD", help="JSONL gold files")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    add_settings_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    for path in args.gold:  # before loading the pipeline, and before scoring the first file
        if not path.is_file():
            raise UsageError(f"{path}: no such gold file")
    pipeline = load(settings_from(args))
    results = {}
    for path in args.gold:
        report = evaluate(path, pipeline)
        results[str(path)] = report.summary()
        print_report(path, report)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


def print_report(path: Path, report: EvaluationReport) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=sys.stdout)
    summary = report.summary()
    console.print(f"[bold]{path}[/bold]: {report.records} records, event-type accuracy {report.type_accuracy:.3f}, "
                  f"actor country recall {report.actors.recall:.3f}, forbidden events produced {report.forbidden_hits}")
    table = Table("PLOVER type", "type P", "type R", "type F1", "triple P", "triple R", "triple F1")
    for name, row in [*summary["per_type"].items(), ("overall", {"type": summary["type"], "triple": summary["triple"]})]:
        t, tr = row["type"], row["triple"]
        table.add_row(name, *(f"{t[k]:.2f}" for k in ("precision", "recall", "f1")),
                      *(f"{tr[k]:.2f}" for k in ("precision", "recall", "f1")))
    console.print(table)
    confusion = Table("gold", "coded (main event)", "count", title="confusion (mismatches)")
    for (gold, coded), count in sorted(report.confusion.items(), key=lambda kv: -kv[1]):
        if gold != coded:
            confusion.add_row(gold, coded, str(count))
    console.print(confusion)
