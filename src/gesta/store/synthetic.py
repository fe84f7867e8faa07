"""Small generated articles for store tests and benchmarks (crash test, throughput).

Not news: template sentences about invented events between real countries, so the pipeline
codes a few events per article. Deterministic for a given seed.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

COUNTRIES = ("Russian", "Ukrainian", "Iranian", "Israeli", "Sudanese", "Chinese", "Indian", "Pakistani",
             "Turkish", "Syrian", "Ethiopian", "Kenyan", "French", "German", "Brazilian", "Venezuelan")
TEMPLATES = (
    "{a} forces attacked {b} troops near the border on {day}, officials said.",
    "The {a} government condemned the {b} government over the incident.",
    "{a} police arrested dozens of protesters in the capital on {day}.",
    "The {a} foreign minister met his {b} counterpart to discuss a ceasefire.",
    "{a} officials accused {b} leaders of violating the agreement.",
    "The {a} president promised aid to {b} refugees.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def synthetic_article(index: int, rng: random.Random) -> dict[str, object]:
    a, b = rng.sample(COUNTRIES, 2)
    sentences = [t.format(a=a, b=b, day=rng.choice(DAYS)) for t in rng.sample(TEMPLATES, 3)]
    published = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(60))
    return {"id": f"synthetic-{index:06d}", "title": f"{a} and {b} tensions ({index})",
            "text": f"{sentences[0]}\n\n{sentences[1]} {sentences[2]}\n\nReport number {index}.",
            "published": published.isoformat(), "source": f"outlet-{rng.randrange(8)}"}


def write_synthetic_jsonl(path: Path, count: int, seed: int = 7, bad_every: int = 0) -> Path:
    """Write ``count`` articles as JSON Lines; every ``bad_every``-th line is malformed (a reject)."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as handle:
        for index in range(count):
            if bad_every and index % bad_every == bad_every - 1:
                handle.write('{"id": "broken", "text": \n')
                continue
            handle.write(json.dumps(synthetic_article(index, rng)) + "\n")
    return path
