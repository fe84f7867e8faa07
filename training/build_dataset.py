"""Build training/dataset.jsonl from the hand-written sentences and the templates.

``group`` names the template a sentence was made from (each hand-written sentence is its own
group), so cross-validation can hold out whole templates.

Run from the repository root: ``python training/build_dataset.py``. Deterministic (seed 13):
the same inputs always give the same file. Labels: the block's CAMEO code gives the CAMEO root
and (through gesta's code book) the PLOVER type; ACLED types come from the block header.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from gesta.codes import load_codebook

HERE = Path(__file__).resolve().parent
SEED = 13
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MT_PREFIXES = ["According to the information received, ", "It is reported that ", "As was informed, ",
               "It should be noted that ", "According to sources, "]


def blocks(path: Path) -> Iterator[tuple[dict[str, str | int | None], list[str]]]:
    header: dict[str, str | int | None] | None = None
    lines: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            if header is not None:
                yield header, lines
            header, lines = parse_header(line[1:]), []
        else:
            lines.append(line)
    if header is not None:
        yield header, lines


def parse_header(text: str) -> dict[str, str | int | None]:
    parts = [p.strip() for p in text.split(";")]
    cameo, event_type, sub_type, tag = parts[:4]
    count = int(parts[4].partition("=")[2]) if len(parts) > 4 else 0
    return {"cameo": None if cameo == "none" else cameo, "acled_event": None if event_type == "-" else event_type,
            "acled_sub_event": None if sub_type == "-" else sub_type, "tag": tag, "n": count}


def labels(header: dict[str, str | int | None], codebook) -> dict[str, object]:  # type: ignore[no-untyped-def]
    cameo = header["cameo"]
    plover = codebook.plover_for(cameo) if isinstance(cameo, str) else None
    return {"event": cameo is not None, "cameo": cameo, "cameo_root": cameo[:2] if isinstance(cameo, str) else None,
            "plover": plover.type if plover else None, "acled_event": header["acled_event"],
            "acled_sub_event": header["acled_sub_event"], "tag": header["tag"]}


def fill(template: str, slots: dict[str, list[str]], rng: random.Random) -> str:
    used: dict[str, str] = {}

    def pick(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "D":
            return f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2019, 2024)}"
        pool = slots["A" if name == "B" else name]
        choices = [c for c in pool if c not in used.values()] or pool
        used[name + str(len(used))] = value = str(rng.choice(choices))
        return value

    text = re.sub(r"\{([A-Z])\}", pick, template)
    return text[0].upper() + text[1:]


def restyle(text: str, rng: random.Random, slots: dict[str, list[str]]) -> tuple[str, str]:
    roll = rng.random()
    if roll < 0.12 and not text.startswith("On "):
        town = rng.choice(slots["T"]).upper()
        return f"{town}, {rng.choice(MONTHS)} {rng.randint(1, 28)} (GNS) - {text}", "wire"
    if roll < 0.22:
        return rng.choice(MT_PREFIXES) + text[0].lower() + text[1:] if not text[:2].isupper() else text, "machine-translated"
    if roll < 0.32 and not text.startswith("On "):
        words = [w for w in text.rstrip(".").split() if w.lower() not in {"the", "a", "an"}]
        return " ".join(words), "headline"
    return text, "plain"


def build() -> list[dict[str, object]]:
    rng = random.Random(SEED)
    codebook = load_codebook()
    slots = yaml.safe_load((HERE / "slots.yaml").read_text(encoding="utf-8"))
    rows: list[dict[str, object]] = []
    seen: set[str] = set()
    for path in sorted((HERE / "handwritten").glob("*.txt")):
        for header, sentences in blocks(path):
            for sentence in sentences:
                if sentence not in seen:
                    seen.add(sentence)
                    rows.append({"text": sentence, **labels(header, codebook), "origin": "hand", "style": "hand",
                                 "group": f"hand-{len(rows)}"})
    template_blocks = [b for path in sorted(HERE.glob("templates*.txt")) for b in blocks(path)]
    for block, (header, templates) in enumerate(template_blocks):
        made, attempts = 0, 0
        while made < int(header["n"] or 0) and attempts < 50 * int(header["n"] or 1):
            attempts += 1
            which = made % len(templates)
            text, style = restyle(fill(templates[which], slots, rng), rng, slots)
            if text in seen:
                continue
            seen.add(text)
            made += 1
            rows.append({"text": text, **labels(header, codebook), "origin": "template", "style": style,
                         "group": f"template-{block}-{which}"})
    for number, row in enumerate(rows):
        row["id"] = f"t{number:05d}"
    return rows


def main() -> None:
    rows = build()
    with (HERE / "dataset.jsonl").open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
