"""Who says an event happened (attribution) and how sure the text is of it (modality)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gesta.cues import Cues
from gesta.document import Actor, Attribution, Modality
from gesta.events.grammar import (
    OBJECT,
    PASSIVE_SUBJECT,
    SUBJECT,
    children,
    is_infinitive_complement,
    preposition_of,
)
from gesta.lemmas import lemma_in

ActorsOf = Callable[[Any], list[Actor]]


def modality(trigger: Any, cues: Cues, conditions: bool = True) -> Modality:
    """Negation, hypothesis and future read off the trigger and the verbs governing it;
    without ``conditions``, an "if" clause on the trigger makes it no hypothesis (a threat)."""
    negated = hypothetical = future = False
    chain = _governing_chain(trigger)
    hypothetical = _conditional_context(chain[-1], cues) or _asked_for(chain, cues)
    for depth, token in enumerate(chain):
        for child in token.children:
            lemma = child.lemma_.lower()
            if depth == 0 and (child.dep_ in ("neg", "advmod", "det") and child.lower_ in cues.negation_words):
                negated = True
            if depth == 0 and child.dep_ in CORE_ARGUMENTS and _determined_by_no(child, cues):
                negated = True  # "no deadline had been set", "No country recognized the vote"
            if child.dep_ in ("aux", "aux:pass") and (
                child.lower_ in cues.hypothetical_aux or child.lower_ in cues.obligation_aux
            ):
                hypothetical = True  # "Russia must withdraw" asserts no withdrawal
            if child.dep_ in ("aux",) and (child.lower_ in cues.future_aux or lemma in cues.future_aux):
                future = True
            if child.dep_ in ("advcl", "mark") and _is_conditional(child, cues) and (conditions or depth > 0):
                hypothetical = True
        if depth > 0:
            negated = negated or lemma_in(token, cues.negating_verbs)
            future = future or lemma_in(token, cues.intent_verbs)
    return Modality(negated=negated, hypothetical=hypothetical, future=future)


def demanded(trigger: Any, cues: Cues) -> bool:
    """Someone must, should, or is asked to do the trigger ("Sudan must return the
    helicopter", "demanded that Hamas renounce"): neither done nor intended."""
    chain = _governing_chain(trigger)
    modal = any(c.dep_ in ("aux", "aux:pass") and c.lower_ in cues.obligation_aux for t in chain for c in t.children)
    return modal or _asked_for(chain, cues)


CORE_ARGUMENTS = SUBJECT | PASSIVE_SUBJECT | OBJECT


def _determined_by_no(token: Any, cues: Cues) -> bool:
    return any(c.dep_ == "det" and c.lower_ in cues.negation_words for c in token.children)


def refused(trigger: Any, cues: Cues) -> bool:
    """The trigger's actor refuses it ("refused to meet", "declined to cooperate", "its
    refusal to end the war")."""
    if any(lemma_in(token, cues.refusal_verbs) for token in _governing_chain(trigger)[1:]):
        return True
    before = trigger.doc[max(trigger.i - 2, 0) : trigger.i]
    return len(before) == 2 and before[1].lower_ == "to" and before[0].lower_ in cues.refusal_nouns


def _governing_chain(trigger: Any) -> list[Any]:
    """The trigger and the verbs it complements ("refuses to attack": attack, refuses)."""
    chain = [trigger]
    current = trigger
    while is_infinitive_complement(current) and current.head.i != current.i:
        current = current.head
        chain.append(current)
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("obj", "dobj") and trigger.head.i != trigger.i:
        chain.append(trigger.head)  # "promised military intervention": the verb governs the noun
    return chain


def _asked_for(chain: list[Any], cues: Cues) -> bool:
    """What someone is asked, urged or ordered to do has not happened: "demanded that Hamas
    renounce its struggle", "urged its citizens to avoid coming", "convince Parliament to amend"."""
    if any(lemma_in(token, cues.demand_verbs) for token in chain[1:]):
        return True
    top = chain[-1]
    infinitive = any(c.dep_ == "mark" and c.lower_ == "to" for c in top.children)  # also when parsed as advcl
    content = top.dep_ == "ccomp" or (top.dep_ == "advcl" and infinitive)
    return content and top.head.i != top.i and lemma_in(top.head, cues.demand_verbs)


def _conditional_context(token: Any, cues: Cues) -> bool:
    """A clause under a modal verb ("this could mean that they will face") is hypothetical."""
    current = token
    for _ in range(4):
        if current.dep_ not in ("ccomp", "advcl") or current.head.i == current.i:
            return False
        current = current.head
        if any(c.dep_ == "aux" and c.lower_ in cues.hypothetical_aux for c in current.children):
            return True
    return False


def _is_conditional(token: Any, cues: Cues) -> bool:
    if token.dep_ == "mark":
        return token.lower_ in cues.conditional_marks
    return any(c.dep_ == "mark" and c.lower_ in cues.conditional_marks for c in token.children)


def attribution(trigger: Any, span: Any, actors_of: ActorsOf, cues: Cues) -> Attribution | None:
    """The speaker (and the outlet it came through) of the claim holding the trigger."""
    speech = _speech_verb(trigger, cues)
    via_token = _according_to(span, cues)
    speaker: Actor | None = None
    cue = ""
    if speech is not None:
        subject = next(iter(children(speech, SUBJECT)), None)
        found = actors_of(subject) if subject is not None else []
        speaker = found[0] if found else None
        cue = speech.text
    via = None
    if via_token is not None:
        via_actors = actors_of(via_token)
        if _is_media(via_token, cues) or speech is not None:
            via = via_actors[0].name or via_actors[0].text if via_actors else _noun_phrase(via_token)
        elif speaker is None:
            speaker = via_actors[0] if via_actors else None
        cue = cue or "according to"
    if speech is None and via_token is None:
        return None
    return Attribution(speaker=speaker, via=via, cue=cue)


def _speech_verb(trigger: Any, cues: Cues) -> Any | None:
    """A verb of saying that governs the trigger, or that is attached to it as an aside."""
    current = trigger
    for _ in range(8):
        for child in current.children:
            if child.dep_ == "parataxis" and lemma_in(child, cues.speech_verbs):
                return child
        head = current.head
        if head.i == current.i:
            return _reporting_root(trigger, cues)
        clausal = current.dep_ in ("ccomp", "parataxis", "xcomp", "advcl", "conj") or any(
            c.dep_ == "mark" and c.lower_ == "that" for c in current.children
        )  # "reported that soldiers were in the area", however the clause was attached
        if lemma_in(head, cues.speech_verbs) and clausal:
            return head
        current = head
    return _reporting_root(trigger, cues)


def _reporting_root(trigger: Any, cues: Cues) -> Any | None:
    """When the sentence is one report ("..., Kremlin spokesman Dmitry Peskov said"), its root
    speech verb reports every event outside the speaker's own words, however it is parsed."""
    root = trigger.sent.root if hasattr(trigger, "sent") else None
    if root is None or root.i == trigger.i or not lemma_in(root, cues.speech_verbs):
        return None
    subject = next((c for c in root.children if c.dep_ in SUBJECT), None)
    if subject is None or subject.left_edge.i <= trigger.i <= subject.right_edge.i:
        return None
    return root


def _according_to(span: Any, cues: Cues) -> Any | None:
    for token in span:
        if token.lower_ == "according" and token.head.i != token.i:
            phrase = preposition_of(token.head)
            if phrase in cues.source_phrases:
                return token.head
    return None


def _is_media(token: Any, cues: Cues) -> bool:
    return any(t.lemma_.lower() in cues.media_nouns for t in token.subtree)


def _noun_phrase(token: Any) -> str:
    words = [t.text for t in token.subtree if t.dep_ not in ("case", "det", "fixed", "punct")]
    return " ".join(words)
