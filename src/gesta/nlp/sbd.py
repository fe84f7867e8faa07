"""Sentence-boundary evaluation on news paragraphs with gold sentences.

The gold file is JSONL, one paragraph per line: ``{"text": ..., "sentences": [...]}``
where the sentences appear in ``text`` in order. A boundary is the character offset
where a sentence starts; the start of the paragraph is not counted (it is free).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from gesta.errors import DataFileError

LOG = logging.getLogger(__name__)
REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_SBD_PATH = REPO_ROOT / "tests" / "data" / "sentences" / "news_sbd.jsonl"
# written after the rules, not used to develop them (one rule was added after its first run)
HELDOUT_SBD_PATH = DEFAULT_SBD_PATH.with_name("news_sbd_heldout.jsonl")


@dataclass
class Paragraph:
    text: str
    boundaries: set[int]


@dataclass
class SbdCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def scores(self) -> dict[str, Any]:
        p = self.tp / max(self.tp + self.fp, 1)
        r = self.tp / max(self.tp + self.fn, 1)
        f = 2 * p * r / max(p + r, 1e-12)
        return {"precision": round(100 * p, 2), "recall": round(100 * r, 2),
                "f1": round(100 * f, 2), "tp": self.tp, "fp": self.fp, "fn": self.fn}


def gold_boundaries(text: str, sentences: list[str], where: str = "") -> set[int]:
    """Start offsets of ``sentences`` in ``text`` (except the first at offset 0)."""
    starts, pos = set(), 0
    for sent in sentences:
        found = text.find(sent.strip(), pos)
        if found < 0:
            raise DataFileError(where or "<sbd>", f"sentence not found in text: {sent[:40]!r}")
        starts.add(found)
        pos = found + len(sent.strip())
    return {s for s in starts if text[:s].strip()}


def read_gold(path: Path) -> list[Paragraph]:
    paragraphs = []
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                text, sents = rec["text"], rec["sentences"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise DataFileError(str(path), f"bad record: {exc}", line=lineno) from exc
            paragraphs.append(Paragraph(text, gold_boundaries(text, sents, f"{path}:{lineno}")))
    return paragraphs


def predicted_boundaries(doc: Doc) -> set[int]:
    """Offsets of the first non-space token of each sentence but the first."""
    starts = set()
    for sent in doc.sents:
        first = next((tok for tok in sent if not tok.is_space), None)
        if first is not None and doc.text[: first.idx].strip():
            starts.add(first.idx)
    return starts


def evaluate_sbd(nlp: Language, path: Path = DEFAULT_SBD_PATH) -> dict[str, Any]:
    """Boundary precision/recall/F1 (percent) of ``nlp`` on the gold paragraphs."""
    paragraphs = read_gold(path)
    counts = SbdCounts()
    docs = nlp.pipe((p.text for p in paragraphs), batch_size=64)
    for para, doc in zip(paragraphs, docs, strict=True):
        pred = predicted_boundaries(doc)
        counts.tp += len(pred & para.boundaries)
        counts.fp += len(pred - para.boundaries)
        counts.fn += len(para.boundaries - pred)
        if pred != para.boundaries:
            counts.errors.append({"text": para.text, "predicted": [s.text for s in doc.sents]})
    result = counts.scores()
    result["paragraphs"] = len(paragraphs)
    result["sentences"] = len(paragraphs) + sum(len(p.boundaries) for p in paragraphs)
    result["errors"] = counts.errors
    LOG.info("sbd: f1 %.2f (%d errors)", result["f1"], len(counts.errors))
    return result
