"""How the classifier's opinion and the pattern coder's events are combined (one sentence).

- confirm: a pattern event whose CAMEO root the classifier also gives at least ``confirm``
  becomes ``decided_by="both"`` with ``classifier_score`` = P(root);
- correct: when the classifier's top root differs and is confident (``correct_vague`` for a
  vague pattern event: a default pattern without constraints or a root-level code ``X0``;
  ``correct_specific`` otherwise), the sentence's main event takes the root's generic code,
  ``decided_by="classifier"``, and its rule gets the suffix ``+classifier``; never an event
  whose code its modality gave (``>intent``, ``>refused``: the classifier reads the act only);
- propose: a sentence with actors but no pattern event gets one when P(event) and P(root)
  pass ``event`` and ``propose_root`` (``rule="classifier:<root>"``); never a CAMEO 01
  statement (no PLOVER type; speech verbs are the patterns' job).

The classifier changes or adds nothing in a sentence whose P(event) is below ``event``.

Who picks the classifier's answer (``Rules.vote``): ``"root"``, the root head (its top root,
confidence P(root); agreement means the same CAMEO root); ``"type"``, the PLOVER head (its top
type, confidence P(type); the root is the root head's best root among those the training data
pair with that type; agreement means the same PLOVER type, so confirm and ``classifier_score``
use P(type)); ``"mix"``, as ``"type"`` with P(type) the mean of the PLOVER head's probability and
the root head's probabilities summed over the roots whose generic code has that type.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from gesta.codes import nearest_entry
from gesta.document import Event
from gesta.ml.classifier import Prediction
from gesta.ml.heads import NONE_LABEL

# Events whose code comes from their modality: an intent (CAMEO 03, "will provide aid") or a
# refusal (CAMEO 12, "refused to meet") recoded from the act the sentence names. The classifier
# reads the act and knows nothing of modality, so it never corrects these.
MODALITY_RECODINGS = (">intent", ">refused")
DEFAULT_THRESHOLDS = {"confirm": 0.3, "correct_vague": 0.6, "correct_specific": 0.9,
                      "event": 0.6, "propose_root": 0.5}
NOT_PROPOSED = frozenset({"01"})
VOTES = ("root", "type", "mix")


@dataclass(frozen=True)
class Rules:
    confirm: float = DEFAULT_THRESHOLDS["confirm"]
    correct_vague: float = DEFAULT_THRESHOLDS["correct_vague"]
    correct_specific: float = DEFAULT_THRESHOLDS["correct_specific"]
    event: float = DEFAULT_THRESHOLDS["event"]
    propose_root: float = DEFAULT_THRESHOLDS["propose_root"]
    codes: Mapping[str, str] = field(default_factory=dict)  # "08/RETREAT" -> "084"
    specificity: Mapping[str, int] = field(default_factory=dict)  # pattern id -> constraints
    vote: str = "root"  # "root", "type" or "mix" (module docstring)
    types: Mapping[str, str] = field(default_factory=dict)  # CAMEO code -> PLOVER type ("-": none)

    def with_thresholds(self, values: Mapping[str, Any]) -> Rules:
        chosen: dict[str, Any] = {k: float(v) for k, v in values.items() if k in DEFAULT_THRESHOLDS and v is not None}
        if values.get("vote") is not None:
            if values["vote"] not in VOTES:
                raise ValueError(f"unknown vote {values['vote']!r}; known: {', '.join(VOTES)}")
            chosen["vote"] = str(values["vote"])
        return dataclasses.replace(self, **chosen)

    def type_of(self, code: str) -> str:
        """The PLOVER type of a CAMEO code (nearest listed prefix), ``"-"`` when it has none."""
        return nearest_entry(self.types, code) or NONE_LABEL

    def type_scores(self, prediction: Prediction) -> dict[str, float]:
        if self.vote != "mix":
            return dict(prediction.plover)
        by_root: dict[str, float] = {}
        for root, p in prediction.roots.items():
            kind = self.type_of(root + "0")
            by_root[kind] = by_root.get(kind, 0.0) + p
        return {t: (p + by_root.get(t, 0.0)) / 2 for t, p in prediction.plover.items()}

    def support(self, event: Event, prediction: Prediction) -> float:
        """The classifier's probability for the event's root (vote "root") or PLOVER type."""
        if self.vote == "root":
            return prediction.roots.get(event.cameo[:2], 0.0)
        return self.type_scores(prediction).get(self.type_of(event.cameo), 0.0)

    def agrees(self, event: Event, prediction: Prediction) -> bool:
        root, code, _ = self.decide(prediction)
        if self.vote == "root":
            return root == event.cameo[:2]
        return self.type_of(code) == self.type_of(event.cameo)

    def code_for(self, prediction: Prediction, root: str) -> str:
        """The root's generic code, or the code the PLOVER head points to within the root."""
        plover = prediction.plover_type or NONE_LABEL
        return self.codes.get(f"{root}/{plover}", f"{root}0")

    def decide(self, prediction: Prediction) -> tuple[str, str, float]:
        """(root, CAMEO code, confidence): the root head's top root and its probability; the
        code is the root's generic one or, within the root, the PLOVER head's choice. (Letting
        the two heads vote jointly did no better in cross-validation on the training data.)
        With ``vote`` "type" or "mix" the PLOVER type decides first (module docstring)."""
        if self.vote == "root":
            root = prediction.root
            return root, self.code_for(prediction, root), prediction.root_score
        scores = self.type_scores(prediction)
        kind = max(scores, key=scores.__getitem__)
        roots = [r for r in prediction.roots if f"{r}/{kind}" in self.codes] or list(prediction.roots)
        root = max(roots, key=prediction.roots.__getitem__)
        return root, self.codes.get(f"{root}/{kind}", f"{root}0"), scores[kind]


def is_vague(event: Event, rules: Rules) -> bool:
    root_level = len(event.cameo) == 2 or (len(event.cameo) == 3 and event.cameo.endswith("0"))
    return root_level or rules.specificity.get(event.rule, 1) == 0


def review(events: list[Event], main: Event | None, prediction: Prediction, rules: Rules) -> list[Event]:
    """Confirm the pattern events of one sentence; correct its main event when warranted."""
    for event in events:
        score = rules.support(event, prediction)
        event.classifier_score = round(score, 4)
        if score >= rules.confirm and event.decided_by == "pattern":
            event.decided_by = "both"
    if main is not None and _should_correct(main, prediction, rules):
        _correct(main, prediction, rules)
    return _unique(events)


def _should_correct(event: Event, prediction: Prediction, rules: Rules) -> bool:
    _, _, score = rules.decide(prediction)
    if rules.agrees(event, prediction) or event.decided_by == "both" or prediction.event < rules.event:
        return False
    if any(mark in event.rule for mark in MODALITY_RECODINGS):
        return False
    needed = rules.correct_vague if is_vague(event, rules) else rules.correct_specific
    return score >= needed


def _correct(event: Event, prediction: Prediction, rules: Rules) -> None:
    _, code, score = rules.decide(prediction)
    event.cameo = code
    event.rule = f"{event.rule}+classifier"
    event.decided_by = "classifier"
    event.classifier_score = round(score, 4)


def should_propose(prediction: Prediction, rules: Rules) -> bool:
    root, _, score = rules.decide(prediction)
    if root in NOT_PROPOSED:
        return False
    return prediction.event >= rules.event and score >= rules.propose_root


def _unique(events: list[Event]) -> list[Event]:
    seen: set[tuple[str, str, str]] = set()
    kept = []
    for event in events:
        key = (event.cameo, _code(event.source), _code(event.target))
        if key not in seen:
            seen.add(key)
            kept.append(event)
    return kept


def _code(actor: Any) -> str:
    return actor.code if actor is not None else ""
