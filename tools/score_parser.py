#!/usr/bin/env python
"""Score a packaged gesta parser on the UD test sets, as ``tools/train_parser.py`` does.

EWT test and the CC BY parts of GUM test, on gold tokens: once with the parser finding the
sentence boundaries (10 gold sentences per Doc), once given the gold sentences.

Example::

    .venv/bin/python tools/score_parser.py                     # packaged model
    .venv/bin/python tools/score_parser.py --model training-runs/r3/model
    .venv/bin/python tools/score_parser.py --update-meta       # record in gesta_meta.json
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import json
import logging
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from gesta.nlp.model import DEFAULT_MODEL_PATH


@functools.cache
def _train_parser() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_parser", ROOT / "tools" / "train_parser.py")
    if spec is None or spec.loader is None:
        raise SystemExit("tools/train_parser.py not found")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("train_parser", module)
    spec.loader.exec_module(module)
    return module


def score_model(model: Path, ud_dir: Path) -> dict[str, Any]:
    """``{"ewt_test": {...}, "gum_ccby_test": {...}}`` (GUM only when its test file is there)."""
    import spacy

    tool = _train_parser()
    meta_path = model / "gesta_meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    genres = frozenset(meta.get("data", {}).get("gum_genres") or tool.CC_BY_GUM_GENRES)
    parts = {"ewt_test": list(tool.read_conllu(ud_dir / "en_ewt-ud-test.conllu"))}
    gum_test = ud_dir / "en_gum-ud-test.conllu"
    if gum_test.exists():
        parts["gum_ccby_test"] = [s for s in tool.read_conllu(gum_test) if tool.keep_gum(s, genres)]
    nlp = spacy.load(model)
    scores = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, sentences in parts.items():
            docbin = Path(tmp) / f"{name}.spacy"
            tool.write_docbin(sentences, docbin)
            scores[name] = tool.evaluate(nlp, docbin)
    return scores


def record_in_meta(model: Path, scores: dict[str, Any]) -> None:
    """Replace the scores in ``gesta_meta.json``, in the ``gesta`` part of spaCy's
    ``meta.json`` (which ``gesta info`` reads first) and in the README that quotes them."""
    import srsly

    tool = _train_parser()
    meta_path = model / "gesta_meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["scores"] = scores
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    spacy_meta_path = model / "meta.json"
    spacy_meta = srsly.read_json(spacy_meta_path)
    if isinstance(spacy_meta.get("gesta"), dict):
        spacy_meta["gesta"]["scores"] = scores
        srsly.write_json(spacy_meta_path, spacy_meta)  # spaCy's own layout, so the diff stays small
    (model / "README.md").write_text(tool._readme(meta), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL_PATH, help="default: packaged model")
    parser.add_argument("--ud-dir", type=Path, default=ROOT.parent / "shared" / "data" / "ud")
    parser.add_argument("--update-meta", action="store_true", help="write the scores into the model")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    if not (args.ud_dir / "en_ewt-ud-test.conllu").exists():
        raise SystemExit(f"no en_ewt-ud-test.conllu in {args.ud_dir}")
    scores = score_model(args.model, args.ud_dir)
    sys.stdout.write(json.dumps(scores, indent=2) + "\n")
    if args.update_meta:
        record_in_meta(args.model, scores)
    return 0


if __name__ == "__main__":
    sys.exit(main())
