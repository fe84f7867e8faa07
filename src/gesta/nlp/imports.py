"""Import spaCy without letting thinc pull in torch.

thinc imports torch at import time whenever it is installed (it is, with the ``gesta[ml]``
extra), which adds about 180 MB to every process that parses, although the parser never
uses it. spaCy is imported here with torch hidden; ``import torch`` works normally
afterwards (the ML stage imports it itself). Set ``GESTA_THINC_TORCH=1`` to keep thinc's
torch support.
"""

from __future__ import annotations

import importlib
import os
import sys

HIDDEN_MODULES = ("torch",)


def import_spacy_without_torch() -> None:
    """Import thinc and spaCy with torch hidden, unless either is already loaded."""
    if os.environ.get("GESTA_THINC_TORCH") == "1" or "thinc" in sys.modules:
        return
    if any(name in sys.modules for name in HIDDEN_MODULES):
        return  # torch is loaded anyway: hiding it would only confuse thinc
    for name in HIDDEN_MODULES:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import torch` fail fast
    try:
        importlib.import_module("thinc.api")
        importlib.import_module("spacy")
    finally:
        for name in HIDDEN_MODULES:
            del sys.modules[name]
