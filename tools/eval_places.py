#!/usr/bin/env python3
"""Place accuracy on PLOVER GSR dev records with ``eventLoc`` (a development figure).

Country accuracy: the event's (or, without events, the sentence's) located country equals
``eventLoc['country code']`` (alpha-2) or, when absent, the country of the gazetteer's best
match for ``eventLoc['name']``. Usage: .venv/bin/python tools/eval_places.py [FILE]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pycountry

import gesta.api as api
from gesta.where.gazetteer import Gazetteer

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "gold" / "plover-gsr-dev.jsonl"


def gold_country(loc: dict, gazetteer: Gazetteer) -> str | None:
    if loc.get("country code"):
        found = pycountry.countries.get(alpha_2=loc["country code"])
        return found.alpha_3 if found else None
    places = gazetteer.lookup(_bare_name(loc.get("name", "")))
    return places[0].country if places else None


def _bare_name(name: str) -> str:
    """Gold names such as "town of Rafah" or "province of Herat" name the place after "of"."""
    for prefix in ("town of ", "city of ", "province of ", "village of ", "region of ", "the "):
        if name.lower().startswith(prefix):
            return name[len(prefix):]
    return name


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not path.exists():
        print(f"{path}: not found")
        return 1
    pipeline, gazetteer = api.load(), Gazetteer.load()
    stage = pipeline.get_stage("places")
    right = total = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if "eventLoc" not in record:
            continue
        article = pipeline(record["text"], published=record.get("date"))
        location = next((e.location for e in article.events if e.location), None)
        if location is None and article.sentences:
            location = stage.locate(article, article.sentences[0])
        total += 1
        right += bool(location and location.country == gold_country(record["eventLoc"], gazetteer))
    print(f"country accuracy: {right}/{total} = {right / max(total, 1):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
