"""``gesta explain "sentence"``: the parse, the actors, and which patterns fired or nearly fired."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys

from gesta.api import load
from gesta.cli.common import add_settings_options, iso_date, settings_from
from gesta.explain import SentenceExplanation, explain


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("explain", help="explain how a sentence is coded")
    parser.add_argument("text", help="the sentence (or short text) to explain")
    parser.add_argument("--published", type=iso_date, metavar="DATE")
    parser.add_argument("--near", type=int, default=8, metavar="N", help="how many near misses to show")
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_settings_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    explained = explain(load(settings_from(args)), args.text, args.published, args.near)
    if args.json:
        json.dump([dataclasses.asdict(e) for e in explained], sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    for item in explained:
        render(item)
    return 0


def render(item: SentenceExplanation) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=sys.stdout)
    console.print(f"[bold]{item.text}[/bold]")
    if item.note:
        console.print(f"note: {item.note}")
    parse = Table("i", "text", "lemma", "pos", "dep", "head", title="parse")
    for t in item.tokens:
        parse.add_row(str(t["i"]), t["text"], t["lemma"], t["pos"], t["dep"], str(t["head"]))
    console.print(parse)
    actors = Table("text", "code", "kind", "why", title="actors")
    for m in item.mentions:
        actors.add_row(m["text"], m["code"], m["kind"], m["why"])
    console.print(actors)
    fired = Table("rule", "CAMEO", "source", "target", "speaker", "modality", title="patterns that fired")
    for f in item.fired:
        mood = ",".join(k for k, v in f["modality"].items() if v)
        fired.add_row(f["rule"], f["cameo"], f["source"] or "", f["target"] or "", f["speaker"] or "", mood)
    console.print(fired)
    near = Table("trigger", "rule", "CAMEO", "why not", "defined at", title="patterns that nearly fired")
    for n in item.near:
        near.add_row(n["trigger"], n["rule"], n["cameo"], n["why_not"] or "fits, a more specific pattern won", n["origin"])
    console.print(near)
