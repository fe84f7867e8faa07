"""Grammar helpers of the coder on parses built by hand (the parser's choices vary)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from gesta.events.grammar import clause_subjects, conjuncts


def parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)


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
