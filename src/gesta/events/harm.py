"""Violence needs an actor doing it and something it hurts; an attack in words is criticism.

"Floods killed 30 people in Kenya" has nature as its doer, "the dollar hit its highest level" a
level as its object: neither is an event. The words are ``natural_causes`` and
``abstract_objects`` in ``data/grammar/cues.yaml``; a noun that an actor modifies ("Israeli
fire", "Russia's economy") is that actor's and counts as an actor. "Attacked Mr Brown for
failing to ..." is criticism (``verbal_attack``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gesta.cues import Cues
from gesta.events.grammar import (
    RELATIVE_DEPS,
    SUBJECT,
    children,
    conjuncts,
    prepositional_dependents,
)
from gesta.lemmas import lemma_in

HasActor = Callable[[Any], bool]


def no_harm_done(trigger: Any, objects: list[Any], cues: Cues, has_actor: HasActor) -> str | None:
    """Why the violent trigger does no harm an event is made of (None: it does): its doer is
    nature, or everything it acts on is abstract."""
    if natural_cause(trigger, cues, has_actor):
        return "fits, but its doer is a natural cause (natural_causes)"
    if objects and all(_is_abstract(o, cues, has_actor) for o in objects):
        return "fits, but what it acts on is abstract (abstract_objects)"
    return None


def natural_cause(trigger: Any, cues: Cues, has_actor: HasActor) -> bool:
    """The doer (subject, ``by`` agent, or the noun a relative clause trigger describes) is a
    flood, a storm or a disease, every conjunct of it ("the earthquake and waves that hammered")."""
    doers = [*children(trigger, SUBJECT), *prepositional_dependents(trigger, "by")]
    if trigger.dep_ in RELATIVE_DEPS and trigger.head.i != trigger.i:
        doers.append(trigger.head)
    return any(all(_is_nature(noun, cues, has_actor) for noun in conjuncts(doer)) for doer in doers)


def _is_nature(noun: Any, cues: Cues, has_actor: HasActor) -> bool:
    return lemma_in(noun, cues.natural_causes) and not any(has_actor(t) for t in noun.lefts)


def _is_abstract(noun: Any, cues: Cues, has_actor: HasActor) -> bool:
    """"hit trust in politicians" is abstract (the phrase after it is not what is hit)."""
    return lemma_in(noun, cues.abstract_objects) and not any(has_actor(t) for t in (noun, *noun.lefts))


def verbal_attack(trigger: Any, cues: Cues) -> bool:
    """"attacked Mr Brown for failing to ...", "attacked imperialists, saying ...", "hit back at
    Mr Mallon's claim", "attacked ... as blasphemy": words, not blows (``verbal_attack``)."""
    if not lemma_in(trigger, cues.verbal_attack_verbs):
        return False
    for child in trigger.children:
        if child.dep_ in ("advcl", "xcomp", "ccomp") and lemma_in(child, cues.saying_verbs):
            return True
        marks = {c.lower_ for c in child.children if c.dep_ in ("mark", "case")}
        if child.dep_ == "advcl" and child.pos_ == "VERB" and "for" in marks:
            return True  # a reason clause: "for failing to mention"
        if child.dep_ == "obl" and ("as" in marks or ("at" in marks and lemma_in(child, cues.said_nouns))):
            return True
    return False
