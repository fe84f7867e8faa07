"""Why a pattern that fits yields no event, and when an attack is one in words.

Violence needs an actor doing it and something it hurts: "Floods killed 30 people in Kenya"
has nature as its doer, "the dollar hit its highest level" a level as its object, "the number
of users has exploded" a quantity as its doer, "legal battles" and "the Iraq war" are figures
and names. Naming is not calling ("called the election a sham"), a warning that names nobody
threatens nobody, taking over a post seizes nothing, "demonstrated ignorance" is no protest.
The words are lists in ``data/grammar/cues.yaml`` (``natural_causes``, ``abstract_objects``,
``abstract_doers``, ``figurative_modifiers``, ``war_nouns``, ``naming_verbs``,
``warning_verbs``, ``office_objects``, ``showing_verbs``, ``uncoercible_objects``,
``contest_verbs``, ``election_words``, ``question_verbs``, ``question_words``); a noun that an actor modifies
("Israeli fire", "Russia's economy") is that actor's and counts as an actor. "Attacked Mr Brown for failing to ..." is criticism
(``verbal_attack``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gesta.cues import Cues
from gesta.events.grammar import (
    OBJECT,
    PARTICLE,
    POSSESSIVE,
    RELATIVE_DEPS,
    SUBJECT,
    children,
    conjuncts,
    is_infinitive_complement,
    names_its_object,
    prepositional_dependents,
)
from gesta.events.repairs import NOUN_POS
from gesta.lemmas import lemma_in

HasActor = Callable[[Any], bool]
VIOLENT_ROOTS = frozenset({"18", "19", "20"})  # attacks with unknown perpetrators are still events
COERCIVE_ROOTS = VIOLENT_ROOTS | {"17"}


def withheld(trigger: Any, cameo: str, objects: Callable[[], list[Any]], cues: Cues, has_actor: HasActor) -> str | None:
    """Why a pattern of ``cameo`` that fits ``trigger`` yields no event (None: it yields one);
    ``objects`` gives what the trigger acts on."""
    if lemma_in(trigger, cues.naming_verbs) and names_its_object(trigger):
        return "fits, but it names or describes what it takes (naming_verbs)"
    if cameo.startswith("13") and warns_nobody(trigger, cues, has_actor):
        return "fits, but it warns nobody (warning_verbs)"
    if cameo[:2] in ("17", "19") and takes_an_office(trigger, objects(), cues):
        return "fits, but what it takes is an office or a role (office_objects)"
    if cameo[:2] in COERCIVE_ROOTS and trigger.pos_ in NOUN_POS and figurative(trigger, cues):
        return "fits, but it is a figure of speech (figurative_modifiers)"
    if cameo[:2] == "14" and lemma_in(trigger, cues.showing_verbs) and children(trigger, OBJECT):
        return "fits, but with an object it means showing (showing_verbs)"
    if cameo[:2] == "02" and asks_a_question(trigger, cues):
        return "fits, but it asks a question (question_verbs, question_words)"
    if cameo[:2] == "17" and coerces_nothing(objects(), cues, has_actor):
        return "fits, but what it coerces is a quantity, an economic activity or a chance (uncoercible_objects)"
    if cameo[:2] not in VIOLENT_ROOTS:
        return None
    if won_at_the_polls(trigger, cues):
        return "fits, but it is a contest at the polls (contest_verbs, election_words)"
    return no_harm_done(trigger, objects(), cues, has_actor)


def no_harm_done(trigger: Any, objects: list[Any], cues: Cues, has_actor: HasActor) -> str | None:
    """Why the violent trigger does no harm an event is made of (None: it does): its doer is
    nature, or everything it acts on is abstract."""
    if natural_cause(trigger, cues, has_actor):
        return "fits, but its doer is a natural cause (natural_causes)"
    if abstract_doer(trigger, cues, has_actor):
        return "fits, but its doer is abstract (abstract_doers)"
    if objects and all(_is_abstract(o, cues, has_actor) for o in objects):
        return "fits, but what it acts on is abstract (abstract_objects)"
    if trigger.pos_ in NOUN_POS and names_a_war(trigger, cues):
        return "fits, but it names a war, it reports no act (the Iraq war)"
    return None


def figurative(noun: Any, cues: Cues) -> bool:
    """"legal battles", "the election battle", "culture wars", "price war": no violence; nor is
    a "cardiac arrest" an arrest."""
    return any(c.dep_ in ("amod", "compound") and lemma_in(c, cues.figurative_modifiers) for c in noun.children)


def names_a_war(noun: Any, cues: Cues) -> bool:
    """"the Iraq war", "the Vietnam war": a place before a war noun names the war (where, not
    who); "Russia's war", "a war by ..." and "a US strike" name who fights."""
    if not lemma_in(noun, cues.war_nouns):
        return False
    named = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.children)
    owner = any(c.dep_ in POSSESSIVE for c in noun.children) or any(prepositional_dependents(noun, "by"))
    return named and not owner


def natural_cause(trigger: Any, cues: Cues, has_actor: HasActor) -> bool:
    """The doer (subject, ``by`` agent, or the noun a relative clause trigger describes) is a
    flood, a storm or a disease, every conjunct of it ("the earthquake and waves that hammered")."""
    return _doer_is(trigger, cues.natural_causes, has_actor)


def abstract_doer(trigger: Any, cues: Cues, has_actor: HasActor) -> bool:
    """"The number of Europeans with broadband has exploded": a quantity does no violence."""
    return _doer_is(trigger, cues.abstract_doers, has_actor)


def asks_a_question(trigger: Any, cues: Cues) -> bool:
    """"asked why Biden did not act", "asked Trump about it", "asked whether Russia would
    attend": a question, no appeal."""
    if not lemma_in(trigger, cues.question_verbs):
        return False
    for child in trigger.children:
        if child.dep_ in OBJECT and child.lower_ in cues.question_words:
            return True  # the parse takes "why" for the object
        if child.dep_ == "ccomp" and any(c.lower_ in cues.question_words for c in child.children
                                         if c.dep_ in ("mark", "advmod", "nsubj", "obj") and c.i < child.i):
            return True
        if child.dep_ == "obl" and "about" in {c.lower_ for c in child.children if c.dep_ == "case"}:
            return True
    return False


def won_at_the_polls(trigger: Any, cues: Cues) -> bool:
    """"Biden defeated Trump in the election", "beat Labour by 40 seats": a vote, no blow."""
    return lemma_in(trigger, cues.contest_verbs) and any(
        token.i != trigger.i and lemma_in(token, cues.election_words) for token in trigger.subtree)


def coerces_nothing(objects: list[Any], cues: Cues, has_actor: HasActor) -> bool:
    """"curbed the dollar's rise", "restrict trading", "seize the opportunity": nobody is coerced."""
    return bool(objects) and all(_unowned(o, cues.uncoercible_objects, has_actor) for o in objects)


def _doer_is(trigger: Any, words: frozenset[str], has_actor: HasActor) -> bool:
    doers = [*children(trigger, SUBJECT), *prepositional_dependents(trigger, "by")]
    if trigger.dep_ in RELATIVE_DEPS and trigger.head.i != trigger.i:
        doers.append(trigger.head)
    return any(all(_is_one_of(noun, words, has_actor) for noun in conjuncts(doer)) for doer in doers)


def _is_one_of(noun: Any, words: frozenset[str], has_actor: HasActor) -> bool:
    """``noun`` is one of ``words`` and no actor before it owns it ("Israeli fire")."""
    return lemma_in(noun, words) and not any(has_actor(t) for t in noun.lefts)


def _is_abstract(noun: Any, cues: Cues, has_actor: HasActor) -> bool:
    """"hit trust in politicians" is abstract (the phrase after it is not what is hit); "fought a
    legal battle" fights a figure of speech."""
    if figurative(noun, cues):
        return True
    return _unowned(noun, cues.abstract_objects, has_actor)


def _unowned(noun: Any, words: frozenset[str], has_actor: HasActor) -> bool:
    """``noun`` is one of ``words``, names no actor and no actor before it owns it ("Russia's
    economy" is Russia's)."""
    return lemma_in(noun, words) and not any(has_actor(t) for t in (noun, *noun.lefts))


def verbal_attack(trigger: Any, cues: Cues) -> bool:
    """"attacked Mr Brown for failing to ...", "attacked imperialists, saying ...", "hit back at
    Mr Mallon's claim", "attacked ... as blasphemy", "attacked the proclamation": words, not
    blows (``verbal_attack``)."""
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
        if child.dep_ in OBJECT and lemma_in(child, cues.said_nouns):
            return True  # words as its object: "attacked the proclamation"
    return False


def goals_struggled_for(trigger: Any, objects: list[Any]) -> list[Any] | None:
    """A verb of violence with no object and a "for" goal ("fighting for her job", "devoted
    his life to fight for South Sudan", "are fighting for power") is a struggle, which is
    violence only when armed actors wage it (the coder checks who), on behalf of whoever its
    goal names: the tokens of its goal phrases (None: no struggle)."""
    if trigger.pos_ in NOUN_POS or objects:
        return None
    goals = [c for c in trigger.children if c.dep_ in PARTICLE and c.lower_ == "for"]
    goals += list(prepositional_dependents(trigger, "for"))
    return [t for goal in goals for t in goal.subtree] if goals else None


def attempted_violence(trigger: Any, cues: Cues) -> bool:
    """The trigger is the infinitive of an attempt: "tried to kill", "an attempt to
    assassinate"."""
    current = trigger
    for _ in range(3):
        infinitive = is_infinitive_complement(current) or (
            current.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "to" for c in current.children)
        )
        if not infinitive or current.head.i == current.i:
            return False
        current = current.head
        words = cues.attempt_nouns if current.pos_ in NOUN_POS else cues.attempt_verbs
        if lemma_in(current, words):
            return True
    return False


def warns_nobody(trigger: Any, cues: Cues, has_actor: HasActor) -> bool:
    """"Heineken warned that earnings may slide": a warning with no actor in what it says (its
    subject aside) threatens nobody; "warned that police will no longer tolerate rallies by
    Kifaya" does (``warning_verbs``)."""
    if not lemma_in(trigger, cues.warning_verbs):
        return False
    subjects = {t.i for s in children(trigger, SUBJECT) for t in s.subtree}
    return not any(has_actor(t) for t in trigger.subtree if t.i not in subjects and t.i != trigger.i)


def takes_an_office(trigger: Any, objects: list[Any], cues: Cues) -> bool:
    """"took over the chairmanship", "took over as chief executive", "seized the initiative":
    taking a post, a role or an activity is no seizure of a place (``office_objects``)."""
    phrasal = any(c.dep_ in PARTICLE for c in trigger.children)  # not "died as a result of torture"
    if phrasal and any(c.dep_ in ("obl", "advcl", "xcomp") and any(m.lower_ == "as" for m in c.children)
                       for c in trigger.children):
        return True
    return bool(objects) and all(lemma_in(o, cues.office_objects) for o in objects)
