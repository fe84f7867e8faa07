"""Options and helpers shared by several subcommands."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from gesta.errors import UsageError
from gesta.settings import Settings


def iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """PATH... with --published/--source, as `gesta code` and `gesta ingest` take them."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or - for standard input")
    parser.add_argument("--published", type=iso_date, metavar="DATE", help="publication date for inputs that lack one")
    parser.add_argument("--source", metavar="NAME", help="outlet name for inputs that lack one")
    parser.add_argument("--format-in", choices=("text", "html", "jsonl"), dest="input_format",
                        help="input format (default: by file suffix or content)")


def add_settings_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--actors", type=Path, action="append", default=[], metavar="FILE",
                        help="an extra actor dictionary (YAML); may repeat")
    parser.add_argument("--patterns", type=Path, action="append", default=[], metavar="FILE",
                        help="an extra pattern file (YAML); may repeat")
    parser.add_argument("--parser-model", type=Path, metavar="DIR", help="a spaCy model to parse with")
    parser.add_argument("--captions", action="store_true", help="code photo captions too (section 'caption')")
    parser.add_argument("--ml", action="store_true",
                        help="add the learned second opinion (needs: pip install 'gesta[ml]')")
    parser.add_argument("--ml-model", metavar="NAME_OR_DIR",
                        help="sentence-transformers model for --ml (implies --ml)")


def settings_from(args: argparse.Namespace) -> Settings:
    for path in [*args.actors, *args.patterns]:
        if not path.is_file():
            raise UsageError(f"{path}: no such file")
    settings = Settings(
        actor_files=tuple(args.actors),
        pattern_files=tuple(args.patterns),
        parser_path=args.parser_model,
        code_captions=args.captions,
    )
    if getattr(args, "ml", False) or getattr(args, "ml_model", None):
        from gesta.ml.config import with_ml

        settings = with_ml(settings, model=args.ml_model)
    return settings
