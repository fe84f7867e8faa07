"""How the coder reads past common parse errors of news text: verbs parsed as modifiers of
their object ("Serbia eased restrictions"), verbs tagged as nouns in headline style ("The West
accuses Putin"), a day word between a verb and its object ("on Wednesday vetoed a
resolution"), counted objects attached as obliques, and particles."""

from __future__ import annotations

from typing import Any

from gesta.events.grammar import OBJECT, PARTICLE, SUBJECT, preposition_of

VERB_POS = frozenset({"VERB"})
NOUN_POS = frozenset({"NOUN"})
NAME_POS = frozenset({"NOUN", "PROPN"})


# "gathered about 150,000 soldiers": the parser may read "about" as a preposition
APPROXIMATORS = frozenset({"about", "around", "nearly", "some", "over", "roughly", "almost", "approximately"})


def counted_objects(token: Any) -> list[Any]:
    """Objects with a number that the parser attached as obliques ("about 150,000 soldiers")."""
    return [
        c for c in token.children
        if c.dep_ == "obl" and preposition_of(c) in APPROXIMATORS and any(g.dep_ == "nummod" for g in c.children)
    ]


def verb_parsed_as_modifier(token: Any, day_words: frozenset[str]) -> bool:
    """A finite verb the parser attached as a modifier of the noun after it ("The EU imposed
    sanctions" read as a noun phrase): the noun is really its object."""
    if token.dep_ not in ("amod", "acl", "compound") or token.head.i < token.i or token.head.pos_ not in NAME_POS:
        return False
    if token.pos_ in VERB_POS and (token.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in SUBJECT for c in token.children)):
        return True
    if token.pos_ in VERB_POS and subject_left_to_noun(token):
        return True  # "Serbia eased restrictions": the subject went to the noun
    return verb_after_time(token, day_words)


def subject_left_to_noun(token: Any) -> list[Any]:
    """The subject of a verb parsed as a modifier of the noun after it, left to that noun: its
    subject before the verb (not a copula's predicate), or, when the noun is the root of a
    sentence with no other verb, a name compounded before the verb ("Serbia eased emergency
    measures" read as one noun phrase)."""
    head = token.head
    siblings = [c for c in head.children if c.i < token.i]
    if token.dep_ not in ("amod", "acl", "compound") or head.i < token.i or any(c.dep_ == "cop" for c in head.children):
        return []
    subjects = [c for c in siblings if c.dep_ in SUBJECT]
    if subjects or head.dep_ != "ROOT" or token.tag_ not in ("VBD", "VBN"):
        return subjects
    if any(t.pos_ in VERB_POS and t.i != token.i for t in head.sent):
        return []
    return [c for c in siblings if c.dep_ in ("compound", "nmod:poss") and c.pos_ == "PROPN"]


# a verb in one of these relations was parsed as a clause, so it is no misread noun
NOT_NOMINAL_DEPS = frozenset({"ROOT", "conj", "ccomp", "xcomp", "advcl", "parataxis", "acl:relcl", "relcl", "csubj"})
NOUN_PHRASE_DEPS = frozenset({"det", "amod", "compound", "nummod", "nmod:poss", "case", "flat"})


def noun_phrase_after(token: Any) -> list[Any]:
    """The head of the noun phrase right after a word, whatever the parse made of it: the
    first noun or name past its determiners, adjectives, numbers and compounds."""
    doc = token.doc
    end = token.sent.end if hasattr(token, "sent") else len(doc)
    for index in range(token.i + 1, min(end, token.i + 8)):
        word = doc[index]
        if word.pos_ in NAME_POS and not (word.dep_ in NOUN_PHRASE_DEPS and word.head.i > index):
            return [word]
        if word.pos_ not in ("DET", "ADJ", "NUM", "PROPN", "NOUN", "PART") and word.lower_ != "'s":
            return []
    return []


def verb_after_time(token: Any, day_words: frozenset[str]) -> bool:
    """A past-tense verb right after a day word, parsed as a noun or a noun's modifier ("The
    US on Wednesday vetoed a resolution", "The UN on Tuesday reduced food supplies")."""
    if not (token.tag_ in ("VBD", "VBN") or (token.pos_ in NOUN_POS and token.lower_.endswith("ed"))):
        return False
    if token.i == 0 or token.dep_ in NOT_NOMINAL_DEPS or token.doc[token.i - 1].lower_ not in day_words:
        return False
    return not any(c.dep_ in SUBJECT for c in token.children)


def mistagged_subject(token: Any) -> list[Any]:
    """A verb tagged as a noun ("The West accuses Putin") has its subject as a modifier before
    it; a verb parsed as the modifier of its object ("Serbia eased restrictions") left its
    subject to that noun."""
    if token.pos_ in VERB_POS:
        return subject_left_to_noun(token)
    if token.pos_ not in NOUN_POS:
        return []
    return [c for c in token.children if c.dep_ in ("compound", "nmod", "amod", "nmod:poss") and c.i < token.i]


def subject_lost_to_coordination(token: Any, subjects: list[Any]) -> list[Any]:
    """"The Democratic Republic of the Congo and Rwanda have agreed" parsed with the first
    name as the root and the verb as its conjunct: that name is a subject too. Only when the
    verb's own subject comes after the name with an "and" between them."""
    head = token.head
    if token.dep_ != "conj" or head.pos_ not in ("NOUN", "PROPN") or head.i >= token.i or not subjects:
        return []
    first = min(s.i for s in subjects)
    joined = any(t.dep_ == "cc" and t.lower_ in ("and", "&") for t in token.doc[head.i + 1 : first])
    return [head] if first > head.i and joined else []


ARTICLES = frozenset({"a", "an", "the"})


def _mistagged_noun(token: Any) -> bool:
    copula = infinitive = False
    for child in token.children:
        if child.dep_ == "det" and child.lower_ in ARTICLES:
            return True
        copula = copula or child.dep_ == "cop"
        infinitive = infinitive or (child.dep_ == "mark" and child.lower_ == "to")
    return copula and not infinitive


def trigger_pos(token: Any, day_words: frozenset[str] = frozenset()) -> str | None:
    """"verb" or "noun" for pattern look-up; a 'noun' with a direct object is a mistagged
    verb ("The West accuses Putin" in headline style), a 'verb' with an article, or with a
    copula and no infinitive "to", a mistagged noun ("was a UK top 10 hit"; "India is to boost
    spending" stays a verb)."""
    pos = token.pos_
    if pos in VERB_POS:
        return "noun" if _mistagged_noun(token) else "verb"
    if pos in NOUN_POS and verb_after_time(token, day_words):
        return "verb"
    if pos in NOUN_POS:
        return "verb" if any(c.dep_ in OBJECT for c in token.children) else "noun"
    return None


def has_particle(
    token: Any, particle: str, pos: str, day_words: frozenset[str] = frozenset(), time_nouns: frozenset[str] = frozenset()
) -> bool:
    """A verb's particle ("call off", "press on": a particle child or the next word, also after
    a day word in wire style: "called Thursday on Arabs to unite"; never the preposition of a
    time, "demanded on Monday", nor an infinitive's "to") or a noun's modifiers ("air strike":
    the words before it)."""
    words = particle.split()
    if pos == "noun":
        before = [t.lower_ for t in token.doc[max(token.i - len(words), 0) : token.i]]
        return before == words
    for child in token.children:  # "blew up": the particle; "blew up off" needs "off" after it too
        if child.dep_ in PARTICLE and child.lower_ == words[0]:
            after = [t.lower_ for t in token.doc[child.i + 1 : child.i + len(words)]]
            if after == words[1:]:
                return True
    start = token.i + 1
    if start < len(token.doc) and token.doc[start].lower_ in day_words:
        start += 1
    following = token.doc[start : start + len(words)]
    if [t.lower_ for t in following] != words:
        return False
    first = following[0]
    if first.dep_ == "mark" and first.lower_ == "to":
        return False  # "are going to be detained": the infinitive's "to", no "go to"
    return not (first.dep_ == "case" and first.head.lemma_.lower() in time_nouns)
