"""spaCy is imported without torch (thinc would load it whenever the ML extra is installed)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(importlib.util.find_spec("torch") is None, reason="torch not installed: nothing to hide")

PROBE = "import sys, gesta.nlp; loaded = 'torch' in sys.modules; import torch; print(loaded, torch.ones(2).sum().item())"


def _probe(**env: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True,
        env={**os.environ, **env},
    )
    return result.stdout.strip()


def test_parser_layer_does_not_load_torch_and_torch_still_imports_after() -> None:
    assert _probe(GESTA_THINC_TORCH="0") == "False 2.0"


def test_thinc_keeps_torch_when_asked() -> None:
    assert _probe(GESTA_THINC_TORCH="1") == "True 2.0"
