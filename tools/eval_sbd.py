#!/usr/bin/env python
"""Sentence-boundary F1 of a gesta parser model on the news SBD gold set.

Example::

    .venv/bin/python tools/eval_sbd.py                      # packaged model
    .venv/bin/python tools/eval_sbd.py --model path/to/model --errors
    .venv/bin/python tools/eval_sbd.py --update-meta         # record in the model meta
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from gesta.nlp.model import load_parser  # noqa: E402
from gesta.nlp.sbd import DEFAULT_SBD_PATH, evaluate_sbd  # noqa: E402


def record_in_meta(model_dir: Path, sbd: dict) -> None:
    """Store the SBD scores (without the error list) in meta.json and gesta_meta.json."""
    summary = {k: v for k, v in sbd.items() if k != "errors"}
    meta_path = model_dir / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.setdefault("gesta", {})["sbd"] = summary
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    gesta_path = model_dir / "gesta_meta.json"
    if gesta_path.exists():
        gmeta = json.loads(gesta_path.read_text(encoding="utf-8"))
        gmeta["sbd"] = summary
        gesta_path.write_text(json.dumps(gmeta, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="news sentence-boundary F1 of a model")
    parser.add_argument("--model", type=Path, default=None, help="default: packaged model")
    parser.add_argument("--gold", type=Path, default=DEFAULT_SBD_PATH)
    parser.add_argument("--no-rules", action="store_true", help="parser only, no news rules")
    parser.add_argument("--errors", action="store_true", help="print misparsed paragraphs")
    parser.add_argument("--update-meta", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    nlp = load_parser(args.model, news_rules=not args.no_rules)
    result = evaluate_sbd(nlp, args.gold)
    if args.errors:
        for err in result["errors"]:
            print(json.dumps(err, ensure_ascii=False))
    print(json.dumps({k: v for k, v in result.items() if k != "errors"}, indent=2))
    if args.update_meta:
        record_in_meta(Path(nlp.path), result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
