"""``gesta info``: which parser, dictionaries and patterns are loaded, and their figures."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from gesta.api import load
from gesta.cache import cache_dir
from gesta.cli.common import add_settings_options, settings_from
from gesta.version import __version__


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("info", help="show the loaded model, dictionaries and patterns")
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_settings_options(parser)
    parser.set_defaults(handler=run)


def collect(args: argparse.Namespace) -> dict[str, Any]:
    from gesta.nlp.model import model_info

    pipeline = load(settings_from(args))
    context = pipeline.context
    actors = context.actors
    return {
        "gesta": __version__,
        "stages": pipeline.settings.stages,
        "parser": model_info(context.nlp),
        "actors": {"phrases": len(actors.index), "files": actors.files},
        "patterns": {"patterns": len(context.patterns), "files": context.patterns.files},
        "cameo_codes": len(context.codebook.cameo),
        "cache": str(cache_dir() or "off"),  # GESTA_CACHE_DIR=off: not "None"
        "ml": ml_info(),
    }


def ml_info() -> dict[str, Any]:
    """The optional classifier: whether the extra is installed, and the packaged heads' facts
    (read from their meta data; nothing imports torch)."""
    from gesta.errors import ModelError
    from gesta.ml.encoder import is_available
    from gesta.ml.heads import load_heads

    try:
        meta = load_heads().meta
    except ModelError as exc:
        return {"installed": is_available(), "error": str(exc)}
    return {"installed": is_available(), "encoder": meta.get("encoder"),
            "tuned_layers": (meta.get("tuned_layers") or {}).get("layers", []),
            "cv_accuracy": {name: found.get("accuracy") for name, found in meta.get("cv", {}).items()}}


def _ml_line(ml: dict[str, Any]) -> str:
    state = "installed" if ml["installed"] else "not installed (pip install 'gesta[ml]')"
    if "error" in ml:
        return f"classifier (--ml): {state}; heads: {ml['error']}"
    cv = ml["cv_accuracy"]
    return (f"classifier (--ml): {state}; heads for {ml['encoder']}, cross-validated accuracy "
            f"CAMEO root {cv.get('cameo_root')}, PLOVER {cv.get('plover')}")


# the last two: given the gold sentences (CoNLL 2018's gold-tokenization setting)
EWT_SCORE_KEYS = ("upos", "tag", "lemma", "uas", "las", "las_gold_sentences", "las_universal_gold_sentences")


def run(args: argparse.Namespace) -> int:
    info = collect(args)
    if args.json:
        json.dump(info, sys.stdout, indent=2, default=str)
        sys.stdout.write("\n")
        return 0
    parser = info["parser"]
    scores = parser.get("scores", {}).get("ewt_test", {})
    lines = [
        f"gesta {info['gesta']}",
        f"parser: {parser['name']} {parser['version']} ({parser['license']}) at {parser['path']}",
        f"  components: {', '.join(parser['pipeline'])}",
        "  EWT test: " + ", ".join(f"{k} {v}" for k, v in scores.items() if k in EWT_SCORE_KEYS),
        f"  sentence F1 on news: {parser.get('sbd', {}).get('f1')}",
        f"actor dictionaries: {info['actors']['phrases']:,} phrases from {len(info['actors']['files'])} files",
        f"event patterns: {info['patterns']['patterns']:,} from {len(info['patterns']['files'])} files; {info['cameo_codes']} CAMEO codes",
        f"stages: {' -> '.join(info['stages'])}",
        f"cache: {info['cache']}",
        _ml_line(info["ml"]),
    ]
    sys.stdout.write("\n".join(lines) + "\n")
    return 0
