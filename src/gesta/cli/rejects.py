"""``gesta rejects [--db FILE]``: inputs that could not be read or coded."""

from __future__ import annotations

import argparse
import csv
import json
import sys

from gesta.store import DEFAULT_DB, open_store

SQL = "SELECT file, line, reason, first_seen FROM rejects ORDER BY file NULLS LAST, line NULLS FIRST, reason"


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("rejects", help="list inputs the store rejected, with reason, file and line")
    parser.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=f"the store (default: {DEFAULT_DB})")
    parser.add_argument("--format", choices=("text", "jsonl", "csv"), default="text")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    con = open_store(args.db, read_only=True)
    try:
        rows = con.execute(SQL).fetchall()
    finally:
        con.close()
    if args.format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(("file", "line", "reason", "first_seen"))
        writer.writerows(rows)
    for file, line, reason, seen in rows if args.format != "csv" else ():
        if args.format == "jsonl":
            print(json.dumps({"file": file, "line": line, "reason": reason, "first_seen": seen.isoformat()}))
        else:
            print(f"{file or '<input>'}{'' if line is None else f':{line}'}: {reason}")
    return 0
