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
