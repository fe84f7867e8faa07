"""Which head picks the classifier's answer: the root head (vote "root") or the PLOVER head
(vote "type"/"mix"), and what counts as agreeing with a pattern event."""

from __future__ import annotations

import pytest

from gesta.document import Event
from gesta.ml.classifier import Prediction
from gesta.ml.combine import Rules, review
from gesta.ml.stage import plover_types

CODES = {"08/CONCEDE": "080", "08/RETREAT": "084", "19/ASSAULT": "190", "19/COERCE": "192", "17/COERCE": "170",
         "17/ASSAULT": "175", "14/PROTEST": "140"}


def prediction(roots: dict[str, float], plover: dict[str, float]) -> Prediction:
    return Prediction(0.95, roots, plover, None, None)


def rules(vote: str, **values: float) -> Rules:
    return Rules(codes=CODES, types=plover_types()).with_thresholds({"vote": vote, "event": 0.5, **values})


def test_type_vote_picks_the_plover_head_and_the_best_root_for_that_type() -> None:
    seen = prediction({"19": 0.5, "17": 0.4, "14": 0.1}, {"COERCE": 0.7, "ASSAULT": 0.3})
    assert rules("root").decide(seen) == ("19", "192", 0.5)
    assert rules("type").decide(seen) == ("19", "192", 0.7)
    mixed = rules("mix").decide(seen)
    assert mixed[:2] == ("19", "192") and mixed[2] == pytest.approx((0.7 + 0.4) / 2)  # 17's generic code is COERCE


def test_type_vote_agrees_across_roots_of_the_same_type() -> None:
    """A pattern event 175 (ASSAULT) is not corrected when the classifier says ASSAULT via root 19."""
    seen = prediction({"19": 0.97, "17": 0.03}, {"ASSAULT": 0.97, "COERCE": 0.03})
    event = Event(sentence_index=0, cameo="175", rule="x.specific")
    assert rules("type").agrees(Event(sentence_index=0, cameo="175", rule="x"), seen)
    assert not rules("root").agrees(Event(sentence_index=0, cameo="175", rule="x"), seen)
    review([event], event, seen, rules("type", confirm=0.99, correct_vague=0.5, correct_specific=0.5))
    assert event.cameo == "175" and event.decided_by == "pattern"
    other = Event(sentence_index=0, cameo="175", rule="x.specific")
    review([other], other, seen, rules("root", confirm=0.99, correct_vague=0.5, correct_specific=0.5))
    assert other.cameo == "190" and other.decided_by == "classifier"


def test_type_vote_corrects_within_a_root_and_scores_the_type() -> None:
    seen = prediction({"08": 0.98, "19": 0.02}, {"RETREAT": 0.96, "CONCEDE": 0.04})
    event = Event(sentence_index=0, cameo="080", rule="x.specific")
    review([event], event, seen, rules("type", confirm=0.5, correct_vague=0.9, correct_specific=0.95))
    assert (event.cameo, event.decided_by, event.classifier_score) == ("084", "classifier", 0.96)


def test_unknown_vote_is_refused() -> None:
    with pytest.raises(ValueError):
        Rules().with_thresholds({"vote": "majority"})


@pytest.mark.parametrize("rule", ["073.accord.food-aid>intent", "040.meet.default>refused"])
def test_an_event_coded_for_its_modality_is_never_corrected(rule: str) -> None:
    """'will provide food aid' is an intent (03), 'refused to meet' a refusal (12): the classifier
    reads the act (aid, a meeting) and would undo the modality; a plain pattern event is corrected."""
    seen = prediction({"19": 0.99, "03": 0.01}, {"ASSAULT": 0.99, "AGREE": 0.01})
    recoded = Event(sentence_index=0, cameo="033", rule=rule)
    review([recoded], recoded, seen, rules("root", confirm=0.99, correct_vague=0.5, correct_specific=0.5))
    assert (recoded.cameo, recoded.decided_by) == ("033", "pattern")
    plain = Event(sentence_index=0, cameo="033", rule="033.accord.food-aid")
    review([plain], plain, seen, rules("root", confirm=0.99, correct_vague=0.5, correct_specific=0.5))
    assert (plain.cameo, plain.decided_by) == ("190", "classifier")
