"""gesta.lemmas: lemma guesses that survive the lemmatizer's mistakes."""

from __future__ import annotations

from gesta.lemmas import guess_lemmas


def test_short_inflected_verbs_have_their_lemma_guessed() -> None:
    assert "sue" in guess_lemmas("suing", "verb")
    assert "stop" in guess_lemmas("stopped", "verb")
    assert "demand" in guess_lemmas("demanded", "verb")


def test_noun_plural_guesses_follow_english_spelling() -> None:
    assert "ban" in guess_lemmas("bans", "noun") and "crash" in guess_lemmas("crashes", "noun")
    assert "bank" in guess_lemmas("banks", "noun") and "ban" not in guess_lemmas("banks", "noun")
    assert "ware" in guess_lemmas("wares", "noun") and "war" not in guess_lemmas("wares", "noun")
    assert "tax" in guess_lemmas("taxes", "noun") and "veto" in guess_lemmas("vetoes", "noun")
