"""Lemma look-ups that survive the lemmatizer's mistakes ("demanded" -> "demande")."""

from __future__ import annotations

from typing import Any


def guess_lemmas(form: str, pos: str) -> list[str]:
    """Candidate lemmas of an inflected English word, most likely first."""
    word = form.lower()
    guesses: list[str] = [word]
    if pos == "verb":
        for suffix, replacements in (("ied", ("y",)), ("ed", ("", "e")), ("ing", ("", "e")), ("ies", ("y",)), ("es", ("", "e")), ("s", ("",))):
            if word.endswith(suffix) and len(word) >= len(suffix) + 2:  # "suing" -> "sue"
                stem = word[: -len(suffix)]
                guesses.extend(stem + r for r in replacements)
                if len(stem) > 2 and stem[-1] == stem[-2]:
                    guesses.append(stem[:-1])  # "stopped" -> "stop"
    elif word.endswith("ies") and len(word) > 4:
        guesses.append(word[:-3] + "y")
    elif word.endswith("es") and len(word) > 4:
        guesses.append(word[:-1])  # "wares" -> "ware" (never "war")
        if word[:-2].endswith(("s", "x", "z", "ch", "sh", "o")):
            guesses.append(word[:-2])  # "crashes" -> "crash", "taxes" -> "tax", "vetoes" -> "veto"
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        guesses.append(word[:-1])  # "bans" -> "ban", "banks" -> "bank" (never "ban")
    return guesses


def lemma_in(token: Any, words: frozenset[str]) -> bool:
    """The token's lemma, or a lemma guessed from its form, is one of ``words``
    (the lemmatizer sometimes errs: "declined" -> "declin")."""
    if token.lemma_.lower() in words:
        return True
    pos = "verb" if token.pos_ in ("VERB", "AUX") else "noun"
    return any(guess in words for guess in guess_lemmas(token.lower_, pos))


def plural_stem(word: str) -> str:
    """A naive singular of an English plural ("diplomats" -> "diplomat", "parties" -> "party")."""
    if len(word) < 4 or not word.endswith("s") or word.endswith("ss"):
        return word
    return word[:-3] + "y" if word.endswith("ies") else word[:-1]
