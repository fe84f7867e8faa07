"""Grammar helpers of the coder on parses built by hand (the parser's choices vary)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from gesta.events.grammar import clause_subjects, conjuncts, prepositional_dependents


def parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_conjuncts_follow_a_coordination_hung_on_a_name_in_apposition() -> None:
    # "Kenyan leader Uhuru Kenyatta and Ugandan President Yoweri Museveni signed": the parser
    # attached "Museveni" as a conjunct of "Uhuru" (the appositive name), not of "leader"
    doc = parsed(
        ["Kenyan", "leader", "Uhuru", "Kenyatta", "and", "Ugandan", "President", "Yoweri", "Museveni", "signed"],
        [1, 9, 1, 2, 8, 6, 8, 8, 2, 9],
        ["amod", "nsubj", "appos", "flat", "cc", "compound", "nmod:desc", "compound", "conj", "ROOT"],
        ["ADJ", "NOUN", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PROPN", "PROPN", "VERB"],
    )
    assert [t.text for t in conjuncts(doc[1])] == ["leader", "Museveni"]


def test_conjuncts_do_not_take_an_appositive_description_apart() -> None:
    # "the rebels, a group of fighters and farmers": the description is no second actor
    doc = parsed(
        ["the", "rebels", ",", "a", "group", "of", "fighters", "and", "farmers", "attacked"],
        [1, 9, 4, 4, 1, 6, 4, 8, 6, 9],
        ["det", "nsubj", "punct", "det", "appos", "case", "nmod", "cc", "conj", "ROOT"],
        ["DET", "NOUN", "PUNCT", "DET", "NOUN", "ADP", "NOUN", "CCONJ", "NOUN", "VERB"],
    )
    assert [t.text for t in conjuncts(doc[1])] == ["rebels"]


def test_clause_subjects_include_a_subject_hung_on_the_clauses_auxiliary() -> None:
    # "charged that the police had beaten protesters": "police" attached to "had", not "beaten"
    doc = parsed(
        ["group", "charged", "that", "police", "had", "beaten", "protesters"],
        [1, 1, 5, 4, 5, 1, 5],
        ["nsubj", "ROOT", "mark", "nsubj", "aux", "ccomp", "obj"],
        ["NOUN", "VERB", "SCONJ", "NOUN", "AUX", "VERB", "NOUN"],
    )
    assert [t.text for t in clause_subjects(doc[1])] == ["police"]


def test_a_deep_prepositional_search_stays_out_of_a_clause_with_its_own_subject() -> None:
    # "demanded that Hamas renounce its struggle against Israel": "against Israel" is the
    # clause's, while "imposed sanctions on Russia" keeps its deep "on" phrase
    doc = parsed(
        ["US", "demanded", "that", "Hamas", "renounce", "struggle", "against", "Israel"],
        [1, 1, 4, 4, 1, 4, 7, 5],
        ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "obj", "case", "nmod"],
        ["PROPN", "VERB", "SCONJ", "PROPN", "VERB", "NOUN", "ADP", "PROPN"],
    )
    assert list(prepositional_dependents(doc[1], "against", deep=True)) == []
    assert [t.text for t in prepositional_dependents(doc[4], "against", deep=True)] == ["Israel"]
    doc = parsed(
        ["EU", "imposed", "sanctions", "on", "Russia"],
        [1, 1, 1, 4, 2],
        ["nsubj", "ROOT", "obj", "case", "nmod"],
        ["PROPN", "VERB", "NOUN", "ADP", "PROPN"],
    )
    assert [t.text for t in prepositional_dependents(doc[1], "on", deep=True)] == ["Russia"]


def test_a_target_search_stays_out_of_an_infinitive_that_modifies_a_noun() -> None:
    # "rejected an invitation to debate independence from Israel": the independence is the
    # debate's; "agreed to provide aid to Romania" keeps its phrase (the verb's own complement)
    doc = parsed(
        ["PIJ", "rejected", "invitation", "to", "debate", "independence", "from", "Israel"],
        [1, 1, 1, 4, 2, 4, 7, 5],
        ["nsubj", "ROOT", "obj", "mark", "acl", "obj", "case", "nmod"],
        ["PROPN", "VERB", "NOUN", "PART", "VERB", "NOUN", "ADP", "PROPN"],
    )
    assert [t.text for t in prepositional_dependents(doc[1], "from", deep=True)] == ["Israel"]
    assert list(prepositional_dependents(doc[1], "from", deep=True, infinitives=True)) == []
    doc = parsed(
        ["EU", "agreed", "to", "provide", "aid", "to", "Romania"],
        [1, 1, 3, 1, 3, 6, 3],
        ["nsubj", "ROOT", "mark", "xcomp", "obj", "case", "obl"],
        ["PROPN", "VERB", "PART", "VERB", "NOUN", "ADP", "PROPN"],
    )
    assert [t.text for t in prepositional_dependents(doc[1], "to", deep=True, infinitives=True)] == ["Romania"]
