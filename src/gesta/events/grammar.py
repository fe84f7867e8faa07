"""Reading roles off a dependency parse (Universal Dependencies labels, with the older
ClearNLP names accepted too), shared by the pattern matcher, roles, attribution and modality."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gesta.lemmas import plural_stem

SUBJECT = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT = frozenset({"nsubj:pass", "nsubjpass", "csubj:pass"})
OBJECT = frozenset({"obj", "dobj"})
INDIRECT_OBJECT = frozenset({"iobj", "dative"})
OBLIQUE = frozenset({"obl", "nmod", "obl:agent", "obl:npmod", "nmod:npmod", "pobj", "prep", "advcl", "obl:tmod"})
CASE = frozenset({"case", "mark"})
PASSIVE_AUX = frozenset({"aux:pass", "auxpass"})
PARTICLE = frozenset({"compound:prt", "prt"})
POSSESSIVE = frozenset({"nmod:poss", "poss"})
CONJUNCT = "conj"


def children(token: Any, deps: frozenset[str]) -> list[Any]:
    return [c for c in token.children if c.dep_ in deps]


def is_passive(token: Any) -> bool:
    return any(c.dep_ in PASSIVE_AUX or c.dep_ in PASSIVE_SUBJECT for c in token.children) or is_reduced_passive(token)


NAMING_COMPLEMENTS = frozenset({"obj", "iobj", "xcomp"})


def names_its_object(verb: Any) -> bool:
    """"called the election a sham", "has been called a leader", "a company called Akamai": an
    object with a predicate (two complements), or a passive verb or participle with one, names
    or describes; "called Erdogan" acts, and so does "called Thursday on Arabs to unite" (a
    clause is no name). A reflexive counts whatever its label ("called themselves DOD" can come
    out with "themselves" as punct)."""
    complements = sum(
        1 for c in verb.children
        if (c.dep_ in NAMING_COMPLEMENTS and c.pos_ not in ("VERB", "AUX")) or c.lower_.endswith(("self", "selves"))
    )
    participle = verb.dep_ == "acl" and verb.tag_ == "VBN"  # "a company called Akamai"
    return complements >= 2 or (complements == 1 and (is_passive(verb) or participle))


REDUCED_PASSIVE_EXCLUDED = frozenset({"aux", "aux:pass", "cop", "obj", "dobj", "xcomp", "ccomp"})


def is_reduced_passive(token: Any) -> bool:
    """A past participle with a ``by`` agent modifying a noun ("protesters detained by police",
    "nationals suspected by the West"): the noun is what the verb is done to, not who does it.
    A participle with an object or complement is a finite verb the parser misread ("the Golan
    Heights threatened today to strike")."""
    if token.dep_ != "acl" or token.tag_ != "VBN" or token.head.i > token.i:
        return False
    if any(c.dep_ in REDUCED_PASSIVE_EXCLUDED or c.dep_ in SUBJECT for c in token.children):
        return False
    return any(preposition_of(c) == "by" for c in token.children if c.dep_ in OBLIQUE)


def preposition_of(token: Any) -> str | None:
    """The preposition that introduces a nominal ("to" in "to Putin"), lowercased.

    Multi-word prepositions keep their fixed parts ("according to", "because of"). A clause's
    marker counts only when it is a preposition ("of violating"), not "that" or "if".
    """
    markers = [c for c in token.children if c.i < token.i and (c.dep_ == "case" or (c.dep_ == "mark" and c.pos_ in ("ADP", "PART")))]
    if markers:
        child = next((c for c in markers if c.dep_ == "case"), markers[0])
        fixed = [g.lower_ for g in child.children if g.dep_ == "fixed"]
        return " ".join([child.lower_, *fixed])
    if token.dep_ == "pobj" and token.head.dep_ == "prep":  # ClearNLP style
        return str(token.head.lower_)
    return None


def prepositional_dependents(
    token: Any, preposition: str, deep: bool = False, skip: frozenset[str] = frozenset(), infinitives: bool = False,
    clause: list[Any] | None = None,
) -> Iterator[Any]:
    """Nominals under ``token`` introduced by ``preposition`` (searching the subtree if ``deep``,
    outside clauses with their own subject and, with ``infinitives``, outside infinitive
    clauses too; ``clause`` is that search's tokens when the caller has them), except those
    whose head word is in ``skip`` ("on Tuesday" is a time)."""
    pool = (clause if clause is not None else own_clause(token, infinitives)) if deep else token.children
    for candidate in pool:
        if candidate.i == token.i or candidate.dep_ not in OBLIQUE or candidate.lemma_.lower() in skip:
            continue
        if preposition_of(candidate) == preposition:
            yield candidate


FINITE_CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "advcl"})
RELATIVE_DEPS = frozenset({"acl:relcl", "relcl", "acl"})  # clauses that describe a noun
INFINITIVE_DEPS = frozenset({"acl"})  # infinitives that modify a noun ("an invitation to debate")


def own_clause(token: Any, infinitives: bool = False) -> list[Any]:
    """The token's subtree without the clauses under it that have a subject of their own:
    in "demanded that Hamas renounce its struggle against Israel", "against Israel" is
    Hamas's, not the demand's; with ``infinitives``, without infinitive clauses either ("an
    invitation to debate independence from Israel": the independence is the debate's)."""
    found, stack = [], [token]
    while stack:
        current = stack.pop()
        found.append(current)
        for child in current.children:
            if child.dep_ in FINITE_CLAUSE_DEPS and any(g.dep_ in SUBJECT | PASSIVE_SUBJECT for g in child.children):
                continue
            if infinitives and child.dep_ in INFINITIVE_DEPS and any(g.dep_ == "mark" and g.lower_ == "to" for g in child.children):
                continue
            stack.append(child)
    return sorted(found, key=lambda t: t.i)


def clause_subjects(token: Any) -> list[Any]:
    """Subjects of the clauses a verb governs ("demanded that the US cancel": the US), also
    when the parser hung one on the clause's auxiliary ("charged that the police had beaten")."""
    found: list[Any] = []
    for clause in token.children:
        if clause.dep_ in ("ccomp", "xcomp"):
            own = [c for c in clause.children if c.dep_ in SUBJECT | PASSIVE_SUBJECT]
            found.extend(own or subject_of_auxiliary(clause))
    return found


def subject_of_auxiliary(token: Any) -> list[Any]:
    """A subject the parser hung on the verb's auxiliary ("Bangladesh has rejected")."""
    return [g for c in token.children if c.dep_ in ("aux", "aux:pass") for g in c.children if g.dep_ in SUBJECT]


NAME_DEPS = frozenset({"appos", "flat"})


def conjuncts(token: Any) -> list[Any]:
    """The token and the tokens coordinated with it ("the EU and the US"), also when the parser
    hung the coordination on a name in apposition ("Libyan leader Muammar Gaddafi and Bulgarian
    President Todor Zhivkov": "Zhivkov" is a conjunct of "Muammar", not of "leader")."""
    found = [token]
    stack = [token]
    while stack:
        current = stack.pop()
        for child in current.children:
            if child.dep_ == CONJUNCT and child.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "X"):
                found.append(child)
                stack.append(child)
            elif child.dep_ in NAME_DEPS and child.pos_ == "PROPN" and child.i > current.i:
                stack.append(child)  # the name itself is the same actor: only its conjuncts count
    return found


def subject_candidates(verb: Any) -> list[Any]:
    """Tokens that may hold a verb's subject, nearest first.

    The verb's own subject; else inherited through xcomp, conj and adverbial clauses; for a
    participle or relative clause ("letters asking for help") the noun it modifies, then the
    subject of the clause that noun belongs to (whoever wrote the letters).
    """
    found: list[Any] = []
    current = verb
    for _ in range(6):
        subject = next((c for c in current.children if c.dep_ in SUBJECT), None)
        if subject is not None:
            found.append(subject)
            return found
        if current.head.i == current.i:
            return found
        if current.dep_ in ("acl:relcl", "relcl", "acl"):
            found.append(current.head)
            current = current.head.head
            continue
        if current.dep_ in ("xcomp", CONJUNCT, "advcl") or is_infinitive_complement(current):
            current = current.head
            continue
        return found
    return found


def subordinate_subjects(token: Any, markers: frozenset[str]) -> list[Any]:
    """Subjects of the clauses under ``token`` that a subordinating word opens ("after North
    Korean soldiers crossed the border"), also when the parser read the clause as a phrase
    ("after" + "soldiers" with "crossed" hung on them)."""
    found: list[Any] = []
    for node in token.subtree:
        if node.i == token.i or node.dep_ not in OBLIQUE or depth_below(node, token) > 2:
            continue
        opener = {c.lower_ for c in node.children if (c.dep_ in CASE or c.dep_ == "advmod") and c.i < node.i}
        if not opener & markers:
            continue
        if node.pos_ in ("VERB", "AUX"):
            found.extend(c for c in node.children if c.dep_ in SUBJECT)
        elif _verb_follows(node):
            found.append(node)
    return found


def _verb_follows(noun: Any) -> bool:
    """The noun's clause verb hangs on it ("soldiers" + acl "crossed") or follows it with no
    subject of its own ("as Chinese warships and aircraft" + "surrounded")."""
    if any(c.dep_ == "acl" and c.pos_ == "VERB" and c.i > noun.i for c in noun.children):
        return True
    after = noun.right_edge.i + 1
    if after >= len(noun.doc):
        return False
    verb = noun.doc[after]
    return verb.pos_ == "VERB" and not any(c.dep_ in SUBJECT for c in verb.children)


def depth_below(item: Any, ancestor: Any) -> int:
    """How many heads up from ``item`` ``ancestor`` is (50 at most)."""
    depth = 0
    while item.i != ancestor.i and item.head.i != item.i and depth < 50:
        item = item.head
        depth += 1
    return depth


RECIPROCAL_DEPS = OBJECT | INDIRECT_OBJECT | OBLIQUE


def has_reciprocal_object(token: Any, phrases: frozenset[str]) -> bool:
    """The verb's object or phrase is "each other" or "one another" (parsed as one word
    with a fixed part, or as two objects)."""
    doc = token.doc
    for child in token.children:
        if child.dep_ not in RECIPROCAL_DEPS:
            continue
        for first in (child.i - 1, child.i):
            if 0 <= first < len(doc) - 1 and f"{doc[first].lower_} {doc[first + 1].lower_}" in phrases:
                return True
    return False


def is_infinitive_complement(token: Any) -> bool:
    """An infinitive complement ("claims to have shot down"): an xcomp, or a subjectless
    clause with "to" that the parser labelled ccomp."""
    if token.dep_ == "xcomp":
        return True
    if token.dep_ != "ccomp" or any(c.dep_ in SUBJECT or c.dep_ in PASSIVE_SUBJECT for c in token.children):
        return False
    words = [g for c in token.children for g in (c, *(c.children if c.dep_ == "aux" else ()))]
    return any(w.dep_ == "mark" and w.lower_ == "to" for w in words)  # "to have shot": the mark may hang on "have"


MAX_PHRASE_WORDS = 6


def subtree_ngrams(token: Any) -> frozenset[tuple[str, ...]]:
    """Every run of up to six words in the token's subtree, as lemmas, word forms and plural
    stems ("diplomats" when the lemmatizer leaves it), so phrase checks are set look-ups.
    Clauses with a subject of their own are left out: in "a declaration demanding that the
    government provide information", the information is the government's."""
    grams: set[tuple[str, ...]] = set()
    for words in _contiguous_runs(own_clause(token)):
        rows = (
            [t.lemma_.lower() for t in words],
            [t.lower_ for t in words],
            [plural_stem(t.lower_) for t in words],
        )
        for row in rows:
            for start in range(len(row)):
                for size in range(1, min(MAX_PHRASE_WORDS, len(row) - start) + 1):
                    grams.add(tuple(row[start : start + size]))
    return frozenset(grams)


def _contiguous_runs(tokens: list[Any]) -> list[list[Any]]:
    runs: list[list[Any]] = []
    for token in tokens:
        if runs and runs[-1][-1].i + 1 == token.i:
            runs[-1].append(token)
        else:
            runs.append([token])
    return runs


def phrasal_lemma(verb: Any) -> str:
    """"call off" for "called off"; the bare lemma when the verb has no particle."""
    particles = [c.lower_ for c in verb.children if c.dep_ in PARTICLE]
    return " ".join([verb.lemma_.lower(), *particles[:1]])
