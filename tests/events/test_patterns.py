"""gesta.events.patterns: compiling pattern files (synsets, particles, noun compounds, specificity)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gesta.codes import CodeBook, load_codebook
from gesta.errors import DataFileError
from gesta.events import patterns as patterns_module
from gesta.events.patterns import DEFAULT_TARGETS, PatternSet, load_patterns

SYNSETS = """\
version: 1
kind: synsets
synsets:
  AID: [aid, assistance, help]
  MILITARY: [military, armed]
"""


@pytest.fixture(scope="module")
def codebook() -> CodeBook:
    return load_codebook()


@pytest.fixture
def compile_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, codebook: CodeBook):  # type: ignore[no-untyped-def]
    """Compile only the pattern files written by the test (plus a small synset file)."""
    monkeypatch.setattr(patterns_module, "packaged_pattern_files", lambda: [])

    def compile_(text: str, synsets: str | None = SYNSETS) -> PatternSet:
        files = []
        if synsets is not None:
            (tmp_path / "synsets.yaml").write_text(synsets)
            files.append(tmp_path / "synsets.yaml")
        (tmp_path / "patterns.yaml").write_text("version: 1\nkind: patterns\npatterns:\n" + text)
        files.append(tmp_path / "patterns.yaml")
        return load_patterns(files, codebook)

    return compile_


def test_synset_expansion(compile_files) -> None:  # type: ignore[no-untyped-def]
    found = compile_files("""\
  - id: "0232.ask.military-aid"
    cameo: "0232"
    lemmas: [ask, request]
    pos: verb
    prep: {for: ["&MILITARY &AID"]}
""")
    assert len(found) == 2
    (ask,) = found.candidates("verb", "ask")
    (preposition, phrases), = ask.prep
    assert preposition == "for"
    assert set(phrases) == {(a, b) for a in ("military", "armed") for b in ("aid", "assistance", "help")}
    assert ask.target == DEFAULT_TARGETS and ask.source == "subject"
    assert ask.origin == "patterns.yaml:4"
    assert found.candidates("verb", "request")[0].cameo == "0232"


def test_unknown_synset_names_line_and_field(compile_files, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DataFileError) as info:
        compile_files("""\
  - id: "020.appeal.default"
    cameo: "020"
    lemmas: [appeal]
  - id: "0232.ask.military-aid"
    cameo: "0232"
    lemmas: [ask]
    object: ["&WEAPONRY"]
""")
    assert info.value.path == str(tmp_path / "patterns.yaml")
    assert info.value.line == 7
    assert info.value.field == "object"
    assert "&weaponry" in str(info.value).lower()


def test_unknown_cameo_code(compile_files) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DataFileError) as info:
        compile_files("""\
  - id: "999.bogus"
    cameo: "999"
    lemmas: [bogus]
""")
    assert info.value.line == 5
    assert info.value.field == "cameo"
    assert "'999'" in str(info.value)


def test_on_and_off_keys_stay_strings(compile_files) -> None:  # type: ignore[no-untyped-def]
    # unquoted YAML 1.1 booleans used as preposition keys
    found = compile_files("""\
  - id: "163.impose.sanction-on"
    cameo: "163"
    lemmas: [impose]
    object: [sanction]
    prep: {on: [trade], off: [coast]}
""")
    (impose,) = found.candidates("verb", "impose")
    assert [p for p, _ in impose.prep] == ["on", "off"]


def test_verb_particle_and_noun_compound(compile_files) -> None:  # type: ignore[no-untyped-def]
    found = compile_files("""\
  - id: "125.call-off.talks"
    cameo: "125"
    lemmas: ["call off", "cancel"]
    pos: verb
    object: [talk]
  - id: "195.air-strike.noun"
    cameo: "195"
    lemmas: ["air strike", "airstrike"]
    pos: noun
""")
    (call_off,) = found.candidates("verb", "call")
    assert call_off.particle == "off"
    (cancel,) = found.candidates("verb", "cancel")
    assert cancel.particle is None
    (strike,) = found.candidates("noun", "strike")
    assert strike.particle == "air" and strike.pos == "noun"
    assert found.candidates("noun", "air") == []
    (airstrike,) = found.candidates("noun", "airstrike")
    assert airstrike.particle is None


def test_specificity_orders_candidates(compile_files) -> None:  # type: ignore[no-untyped-def]
    found = compile_files("""\
  - id: "023.ask.default"
    cameo: "023"
    lemmas: [ask]
  - id: "0232.ask.for-military-aid"
    cameo: "0232"
    lemmas: [ask]
    prep: {for: ["&MILITARY &AID"]}
  - id: "0232.ask.object-and-for"
    cameo: "0232"
    lemmas: [ask]
    object: [help]
    prep: {for: ["&MILITARY &AID"]}
""")
    candidates = found.candidates("verb", "ask")
    assert [p.id for p in candidates] == ["0232.ask.object-and-for", "0232.ask.for-military-aid", "023.ask.default"]
    assert [p.specificity for p in candidates] == [4, 2, 0]


def test_single_loose_preposition_is_a_particle(compile_files) -> None:  # type: ignore[no-untyped-def]
    found = compile_files("""\
  - id: "111.lash.out"
    cameo: "111"
    lemmas: [lash]
    prep: {out: ["*"]}
""")
    (lash,) = found.candidates("verb", "lash")
    assert lash.particle == "out" or lash.prep == (("out", ((),)),)
    assert lash.specificity >= 1


def test_two_loose_prepositions_keep_a_constraint(compile_files) -> None:  # type: ignore[no-untyped-def]
    found = compile_files("""\
  - id: "111.hit.out-any-at-any"
    cameo: "111"
    lemmas: [hit]
    prep: {out: ["*"], at: ["*"]}
""")
    (hit,) = found.candidates("verb", "hit")
    assert hit.particle == "out at"  # "lash out at": the words after the verb
    assert hit.specificity > 0


def test_a_loose_preposition_follows_a_phrasal_lemmas_own_particle(compile_files) -> None:  # type: ignore[no-untyped-def]
    found = compile_files("""\
  - id: "110.blow-up.off-any"
    cameo: "110"
    lemmas: ["blow up", fire]
    prep: {off: ["*"]}
""")
    (blow,) = found.candidates("verb", "blow")
    assert blow.particle == "up off"  # not "up" alone: "blew up power lines" is no "fire off"
    (fire,) = found.candidates("verb", "fire")
    assert fire.particle == "off"


def test_duplicate_synsets_merge(compile_files) -> None:  # type: ignore[no-untyped-def]
    found = compile_files("""\
  - id: "0232.seek.aid"
    cameo: "0232"
    lemmas: [seek]
    object: ["&AID"]
""", synsets=SYNSETS + "  Aid: [support]\n")
    (seek,) = found.candidates("verb", "seek")
    assert ("support",) in seek.object and ("aid",) in seek.object


def test_packaged_patterns_load(pipeline) -> None:  # type: ignore[no-untyped-def]
    loaded = pipeline.context.patterns
    assert len(loaded) > 1000
    assert all(Path(f).suffix == ".yaml" for f in loaded.files)
    assert loaded.candidates("verb", "attack")
    # every compiled pattern's CAMEO code exists
    codes = pipeline.context.codebook.cameo
    assert all(p.cameo in codes for bucket in loaded.by_trigger.values() for p in bucket)


def test_phrase_requirements_are_the_last_words_of_each_constraint() -> None:
    objects = (("military", "assistance"), ("aid",))
    preps = (("on", (("border",), ("frontier", "area"))),)
    assert patterns_module.phrase_requirements(objects, preps) == (
        frozenset({"assistance", "aid"}), frozenset({"border", "area"}))
    # an alternative that takes anything leaves nothing to require
    assert patterns_module.phrase_requirements((("aid",), ()), ()) == ()


def test_every_packaged_pattern_requires_words_of_its_own_phrases() -> None:
    patterns = load_patterns([], load_codebook())
    for bucket in patterns.by_trigger.values():
        for pattern in bucket:
            phrases = [pattern.object, *(p for _, p in pattern.prep)]
            assert len(pattern.requirements) == sum(1 for c in phrases if c and all(c))
