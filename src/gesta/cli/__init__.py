"""The ``gesta`` command: one module per subcommand, each calling a plain library function.

A subcommand module defines ``register(subparsers)``, which adds its parser and sets
``handler`` to a function ``(args) -> int`` (the exit code). Exit codes: 0 all good, 1 some
input failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from gesta.errors import GestaError, UsageError
from gesta.version import __version__

COMMANDS = ("demo", "code", "schema", "info", "actors", "explain", "evaluate", "places", "ingest", "events",
            "stats", "sql", "export", "rejects", "serve", "bench", "batch", "watch")
EXIT_OK, EXIT_INPUT_ERRORS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"gesta: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="gesta", description="Political event data from news articles.")
    parser.add_argument("--version", action="version", version=f"gesta {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv: debug)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"gesta.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"gesta.cli.{name}":
                raise
            continue  # a command not built yet
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra and isinstance(getattr(args, "paths", None), list) and not any(e.startswith("-") and e != "-" for e in extra):
        args.paths.extend(extra)  # paths may follow options: code a.txt --format csv b.txt
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    logging.basicConfig(
        level=[logging.WARNING, logging.INFO, logging.DEBUG][min(args.verbose, 2)],
        format="gesta: %(levelname)s: %(message)s",
        stream=sys.stderr,
    )
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.handler(args))
    except UsageError as exc:
        print(f"gesta: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except GestaError as exc:
        print(f"gesta: error: {exc}", file=sys.stderr)
        return EXIT_INPUT_ERRORS
    except KeyboardInterrupt:
        print("gesta: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
