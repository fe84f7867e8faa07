"""Vocabularies for the dashboard's filter menus, read from gesta's code tables."""

from __future__ import annotations

import functools
from typing import Any

from gesta.codes import load_codebook
from gesta.resources import data_dir, read_csv

QUAD_CLASSES = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict"}


@functools.lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    codebook = load_codebook()
    roots = sorted((c.code, c.name) for c in codebook.cameo.values() if c.code == c.root)
    codes = data_dir() / "codes"
    plover = sorted({row["type"] for _, row in read_csv(codes / "plover_types.csv", ("type",))})
    acled = sorted({row["event_type"] for _, row in read_csv(codes / "acled_types.csv", ("event_type",))})
    return {"cameo_roots": [{"code": c, "name": n} for c, n in roots], "plover_types": plover,
            "acled_types": acled, "quad_classes": [{"code": k, "name": v} for k, v in QUAD_CLASSES.items()]}
