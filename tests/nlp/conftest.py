"""Fixtures for the gesta.nlp tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from spacy.language import Language

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
UD_DIR = SHARED / "data" / "ud"
BBC = SHARED / "data" / "corpus" / "bbc_fulltext" / "articles.jsonl"
SBD_GOLD = REPO / "tests" / "data" / "sentences" / "news_sbd.jsonl"


def load_tool(name: str) -> ModuleType:
    """``tools/<name>.py`` imported as a module (the tools are scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(name, REPO / "tools" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def nlp() -> Language:
    from gesta.nlp import load_parser

    return load_parser()


@pytest.fixture(scope="session")
def bbc_corpus() -> Path:
    if not BBC.is_file():
        pytest.skip(f"shared corpus not available at {BBC}")
    return BBC


SUBJECTS = ["army", "police", "minister", "court", "union"]
VERBS = [("attacked", "attack"), ("blocked", "block"), ("praised", "praise"),
         ("joined", "join")]
OBJECTS = ["town", "road", "plan", "deal"]


def _sentence(n: int, doc: str) -> str:
    subj, (verb, lemma), obj = SUBJECTS[n % 5], VERBS[n % 4], OBJECTS[(n // 2) % 4]
    rows = [
        ("The", "the", "DET", "DT", 2, "det"), (subj, subj, "NOUN", "NN", 3, "nsubj"),
        (verb, lemma, "VERB", "VBD", 0, "root"), ("the", "the", "DET", "DT", 5, "det"),
        (obj, obj, "NOUN", "NN", 3, "obj"), (".", ".", "PUNCT", ".", 3, "punct"),
    ]
    lines = [f"# sent_id = {doc}-{n}", f"# text = The {subj} {verb} the {obj}."]
    for i, (form, lem, upos, xpos, head, dep) in enumerate(rows, 1):
        misc = "SpaceAfter=No" if i == 5 else "_"
        lines.append(f"{i}\t{form}\t{lem}\t{upos}\t{xpos}\t_\t{head}\t{dep}\t_\t{misc}")
    return "\n".join(lines) + "\n\n"


def write_tiny_treebank(ud: Path) -> None:
    """20 EWT sentences (train, dev and test alike) and a GUM train file with an NC genre to drop."""
    ud.mkdir()
    ewt = "# newdoc id = ewt-doc\n" + "".join(_sentence(n, "ewt") for n in range(20))
    for part in ("train", "dev", "test"):
        (ud / f"en_ewt-ud-{part}.conllu").write_text(ewt, encoding="utf-8")
    gum = "# newdoc id = GUM_news_x\n" + "".join(_sentence(n, "gn") for n in range(5))
    gum += "# newdoc id = GUM_whow_x\n" + "".join(_sentence(n, "gw") for n in range(7))
    (ud / "en_gum-ud-train.conllu").write_text(gum, encoding="utf-8")
