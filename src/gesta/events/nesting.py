"""Which triggers of a sentence another trigger's event hides.

"Agreed to set up a centre": the agreement is the event, not the setting up; "rejected calls
to withdraw": the rejection, not the calls; "condemned the attack": the condemnation is about
the attack, which is no second event of that sentence.
"""

from __future__ import annotations

from typing import Any

from gesta.events.grammar import SUBJECT
from gesta.events.patterns import Pattern

ARGUMENT_DEPS = frozenset({"obj", "dobj", "obl", "nmod"})
EMBEDDING_DEPS = frozenset({"xcomp", "advcl", "acl", "acl:relcl", "relcl", "csubj"})
# not 01: "announced a suspension of air links" announces the suspension as its own act
COMMUNICATIVE_ROOTS = frozenset({"02", "04", "10", "11", "12", "13"})  # 04: "discussed the fighting"


def argument_of(noun: Any, triggers: set[int]) -> bool:
    """Whether a nominal trigger is what one of ``triggers`` acts on: its object, a prepositional
    phrase of it, or a noun modifying its object ("imposed a blackout on the withdrawal")."""
    node, steps = noun, 0
    while steps < 2 and node.dep_ in ARGUMENT_DEPS and node.head.i != node.i:
        node, steps = node.head, steps + 1
        if node.i in triggers:
            return True
    return False


def about_something(pattern: Pattern) -> bool:
    """Verbs whose object is what they talk about, not a second event: "condemned the attack"."""
    return pattern.pos == "verb" and (pattern.cameo[:2] in COMMUNICATIVE_ROOTS or pattern.specificity > 0)


def embedded_under(token: Any, triggers: set[int], stating: set[int] | None = None) -> bool:
    """True when the token's clause is a complement or modifier of another trigger's clause,
    unless that trigger is a statement (``stating``) and the clause has its own subject."""
    current = token
    for _ in range(12):
        if current.head.i == current.i:
            return False
        embedded = current.dep_ in EMBEDDING_DEPS
        clause, current = current, current.head
        if embedded and current.i in triggers:
            return not (stating and current.i in stating and any(c.dep_ in SUBJECT for c in clause.children))
    return False
