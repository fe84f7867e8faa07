"""Fixtures for the gesta.nlp tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
UD_DIR = SHARED / "data" / "ud"
BBC = SHARED / "data" / "corpus" / "bbc_fulltext" / "articles.jsonl"
SBD_GOLD = REPO / "tests" / "data" / "sentences" / "news_sbd.jsonl"


@pytest.fixture(scope="session")
def nlp() -> Language:
    from gesta.nlp import load_parser

    return load_parser()


@pytest.fixture(scope="session")
def bbc_corpus() -> Path:
    if not BBC.is_file():
        pytest.skip(f"shared corpus not available at {BBC}")
    return BBC
