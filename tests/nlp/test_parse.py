"""The parser finds the heads gesta's event coder relies on."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token


def _tok(doc: Doc, text: str) -> Token:
    return next(t for t in doc if t.text == text)


def test_transitive_subject_and_object(nlp: Language) -> None:
    doc = nlp("The rebels attacked the convoy near the border.")
    verb = _tok(doc, "attacked")
    assert _tok(doc, "rebels").head == verb and _tok(doc, "rebels").dep_ == "nsubj"
    assert _tok(doc, "convoy").head == verb and _tok(doc, "convoy").dep_ == "obj"
    assert verb.dep_ == "ROOT"
    assert verb.tag_ == "VBD" and verb.pos_ == "VERB" and verb.lemma_ == "attack"


def test_passive_with_agent(nlp: Language) -> None:
    doc = nlp("The convoy was attacked by rebels on Monday.")
    verb = _tok(doc, "attacked")
    assert _tok(doc, "convoy").head == verb
    assert _tok(doc, "convoy").dep_ == "nsubj:pass"
    assert _tok(doc, "was").dep_ == "aux:pass"
    rebels = _tok(doc, "rebels")
    assert rebels.head == verb and rebels.dep_.startswith("obl")
    assert _tok(doc, "by").head == rebels


def test_reported_speech_complement(nlp: Language) -> None:
    doc = nlp("The minister said the army had withdrawn from the city.")
    said = _tok(doc, "said")
    assert _tok(doc, "minister").head == said and _tok(doc, "minister").dep_ == "nsubj"
    withdrawn = _tok(doc, "withdrawn")
    assert withdrawn.head == said and withdrawn.dep_ == "ccomp"
    assert _tok(doc, "army").head == withdrawn


def test_quote_then_said(nlp: Language) -> None:
    doc = nlp('"We will not negotiate," the president said on Tuesday.')
    said, negotiate = _tok(doc, "said"), _tok(doc, "negotiate")
    assert _tok(doc, "president").head == said
    assert negotiate.head == said or said.head == negotiate
    assert len(list(doc.sents)) == 1


def test_lemmas_and_tags(nlp: Language) -> None:
    doc = nlp("Police arrested two men and seized weapons.")
    assert [t.lemma_ for t in doc][1:6] == ["arrest", "two", "man", "and", "seize"]
    assert _tok(doc, "men").tag_ == "NNS"
