"""Verb and noun patterns (``data/patterns/*.yaml``) compiled for matching.

A pattern names trigger lemmas and optional constraints on the trigger's dependents: a phrase
in the direct object, a phrase under a preposition. ``&NAME`` in a phrase stands for any
phrase of synset ``NAME``. The most constrained matching pattern of a trigger wins.
"""

from __future__ import annotations

import itertools
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from gesta.codes import CodeBook
from gesta.errors import DataFileError
from gesta.events.grammar import PARTICLE
from gesta.lemmas import guess_lemmas
from gesta.resources import DataFile, data_dir, load_yaml

log = logging.getLogger(__name__)

Phrase = tuple[str, ...]
DEFAULT_TARGETS = ("object", "iobj", "prep:to", "prep:against", "prep:on", "prep:with", "prep:at")


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    cameo: str
    lemma: str
    particle: str | None
    pos: str
    object: tuple[Phrase, ...]
    prep: tuple[tuple[str, tuple[Phrase, ...]], ...]
    target: tuple[str, ...]
    source: str
    origin: str
    # one word set per phrase constraint: the pattern can only fit a sentence that holds a
    # word of each (the last words of its alternatives), a cheap test before the full check
    requirements: tuple[frozenset[str], ...] = ()

    @property
    def is_lemma_default(self) -> bool:
        """The lemma's own unconstrained code (not one shared from a synonym's block)."""
        return self.id.endswith(".default") and self.id.split(".")[1] == self.lemma

    @property
    def specificity(self) -> int:
        """Object and prepositional constraints count 2, a particle 1."""
        return (2 if self.object else 0) + 2 * len(self.prep) + (1 if self.particle else 0)


@dataclass
class PatternSet:
    """Patterns by (pos, lemma), most specific first."""

    by_trigger: dict[tuple[str, str], list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    files: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_trigger.values())

    def add(self, pattern: Pattern) -> None:
        bucket = self.by_trigger[(pattern.pos, pattern.lemma)]
        bucket.append(pattern)
        bucket.sort(key=lambda p: -p.specificity)

    def candidates(self, pos: str, lemma: str) -> list[Pattern]:
        return self.by_trigger.get((pos, lemma), [])

    def candidates_for(self, pos: str, lemma: str, form: str) -> list[Pattern]:
        """Patterns for the parser's lemma, else for a lemma guessed from the word form
        (the lemmatizer sometimes errs: "demanded" -> "demande")."""
        found = self.by_trigger.get((pos, lemma))
        if found:
            return found
        for guess in guess_lemmas(form, pos):
            found = self.by_trigger.get((pos, guess))
            if found:
                return found
        return []


def phrasal_use(verb: Any, candidates: list[Pattern]) -> Literal["named", "unnamed"] | None:
    """How the verb's particle stands to its patterns: "named" when some name it ("hammer out",
    "give in": only patterns with a particle describe that phrasal verb), "unnamed" when none
    do ("wound up his consultations": the bare lemma's unconstrained default does not
    describe it either), None without a particle."""
    particles = [c.lower_ for c in verb.children if c.dep_ in PARTICLE]
    if not particles:
        return None
    named = any(p.particle and p.particle.split()[0] in particles for p in candidates)
    return "named" if named else "unnamed"


def packaged_pattern_files() -> list[Path]:
    directory = data_dir() / "patterns"
    return sorted(directory.glob("*.yaml")) if directory.is_dir() else []


def load_patterns(extra_files: Iterable[Path], codebook: CodeBook) -> PatternSet:
    files = [load_yaml(path) for path in [*packaged_pattern_files(), *extra_files]]
    synsets: dict[str, list[Phrase]] = {}
    for data in files:
        if data.kind == "synsets":
            for name, phrases in data.content["synsets"].items():
                synsets.setdefault(name.upper(), []).extend(_split(p) for p in phrases)
    patterns = PatternSet()
    seen: dict[str, str] = {}
    for data in files:
        if data.kind != "patterns":
            continue
        patterns.files.append(str(data.path))
        for number, raw in enumerate(data.content["patterns"]):
            for pattern in compile_pattern(raw, data, number, synsets, codebook):
                if pattern.id in seen and seen[pattern.id] != pattern.origin:
                    log.debug("pattern id %s defined again at %s", pattern.id, pattern.origin)
                seen[pattern.id] = pattern.origin
                patterns.add(pattern)
    log.debug("loaded %d patterns from %d files", len(patterns), len(patterns.files))
    return patterns


def compile_pattern(
    raw: dict[str, Any], data: DataFile, number: int, synsets: dict[str, list[Phrase]], codebook: CodeBook
) -> list[Pattern]:
    """One pattern entry becomes one compiled pattern per trigger lemma."""
    where = ("patterns", number)
    origin = f"{data.path.name}:{data.line_of(*where)}"
    if raw["cameo"] not in codebook.cameo:
        raise DataFileError(str(data.path), f"unknown CAMEO code {raw['cameo']!r}", data.line_of(*where, "cameo"), "cameo")
    expand = _expander(synsets, data, where)
    objects = tuple(itertools.chain.from_iterable(expand(p, "object") for p in raw.get("object", [])))
    preps = tuple(
        (prep.lower(), tuple(itertools.chain.from_iterable(expand(p, f"prep.{prep}") for p in phrases)))
        for prep, phrases in raw.get("prep", {}).items()
        if list(phrases) != ["*"]
    )
    # a preposition taking anything ("press on") is the verb's particle, not a phrase to find
    loose = [prep.lower() for prep, phrases in raw.get("prep", {}).items() if list(phrases) == ["*"]]
    compiled = []
    pos = raw.get("pos", "verb")
    for lemma_text in raw["lemmas"]:
        words = lemma_text.lower().split()
        # "call off": verb + particle; "air strike": modifier(s) + head noun
        head, rest = (words[0], words[1:]) if pos == "verb" else (words[-1], words[:-1])
        if pos == "verb" and loose:
            rest = rest + loose  # "lash out at": the words right after the verb (after its own particle)
        compiled.append(
            Pattern(
                id=raw["id"], cameo=raw["cameo"], lemma=head,
                particle=" ".join(rest) or None, pos=pos,
                object=objects, prep=preps, target=tuple(raw.get("target") or DEFAULT_TARGETS),
                source=raw.get("source", "subject"), origin=origin,
                requirements=phrase_requirements(objects, preps),
            )
        )
    return compiled


def phrase_requirements(
    objects: tuple[Phrase, ...], preps: tuple[tuple[str, tuple[Phrase, ...]], ...]
) -> tuple[frozenset[str], ...]:
    """The last words of each constraint's phrases; a constraint that takes anything ("*",
    an empty phrase) requires nothing."""
    constraints = [objects, *(phrases for _, phrases in preps)]
    return tuple(frozenset(p[-1] for p in c) for c in constraints if c and all(c))


def _expander(synsets: dict[str, list[Phrase]], data: DataFile, where: tuple[Any, ...]) -> Any:
    def expand(phrase: str, field_name: str) -> list[Phrase]:
        if phrase.strip() == "*":
            return [()]
        options: list[list[Phrase]] = []
        for word in phrase.lower().split():
            if word.startswith("&"):
                members = synsets.get(word[1:].upper())
                if members is None:
                    raise DataFileError(str(data.path), f"unknown synset {word!r}", data.line_of(*where), field_name)
                options.append(members)
            else:
                options.append([(word,)])
        return [tuple(itertools.chain.from_iterable(combo)) for combo in itertools.product(*options)]

    return expand


def _split(phrase: str) -> Phrase:
    return tuple(phrase.lower().split())


def why_not(reason: str, pattern: Pattern) -> str:
    """A failed constraint in words, for `gesta explain`."""
    if reason == "particle":
        return f"no {pattern.particle!r} with the trigger"
    if reason == "object":
        return "object does not name " + _phrases_text(pattern.object)
    if reason == "criticised":
        return "a reason ('for') with nobody criticised"
    preposition = reason.partition(":")[2]
    phrases = dict(pattern.prep).get(preposition, ())
    return f"no '{preposition}' phrase naming " + _phrases_text(phrases)


def _phrases_text(phrases: tuple[tuple[str, ...], ...], limit: int = 4) -> str:
    shown = [" ".join(p) or "*" for p in phrases[:limit]]
    more = f" (+{len(phrases) - limit} more)" if len(phrases) > limit else ""
    return "/".join(shown) + more
