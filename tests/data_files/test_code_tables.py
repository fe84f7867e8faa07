"""Structural tests of the event code tables and verb/noun patterns (src/gesta/data/codes, patterns)."""

from __future__ import annotations

import csv
import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
CODES = REPO / "src" / "gesta" / "data" / "codes"
PATTERNS = REPO / "src" / "gesta" / "data" / "patterns"
SHARED = REPO.parent / "shared"
PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
ROOTS = [f"{n:02d}" for n in range(1, 21)]
TARGET = re.compile(r"^(object|iobj|none|subject|prep:[a-z ]+)$")  # as patterns.schema.json
needs_shared = pytest.mark.skipif(
    not (SHARED / "data" / "reference").is_dir(), reason="reference data (../shared) not available"
)


def rows(name: str) -> list[dict[str, str]]:
    with (CODES / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def load_patterns() -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    for path in sorted(PATTERNS.glob("[0-9][0-9]-*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["version"] == 1 and data["kind"] == "patterns", path
        for pattern in data["patterns"]:
            assert pattern["cameo"][:2] == data["root"], (path, pattern["id"])
            found.append(pattern)
    return found


@pytest.fixture(scope="module")
def cameo() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in rows("cameo.csv")}


@pytest.fixture(scope="module")
def patterns() -> list[dict[str, object]]:
    return load_patterns()


@pytest.fixture(scope="module")
def synsets() -> dict[str, list[str]]:
    data = yaml.safe_load((PATTERNS / "synsets.yaml").read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["kind"] == "synsets"
    return data["synsets"]


# ---------------------------------------------------------------- code tables


def test_cameo_codes_are_complete(cameo: dict[str, dict[str, str]]) -> None:
    assert {code for code in cameo if len(code) == 2} == set(ROOTS)
    assert 280 <= len(cameo) <= 340
    for code, row in cameo.items():
        assert re.fullmatch(r"\d{2,4}", code)
        assert row["root"] == code[:2]
        assert row["name"].strip()
        if len(code) > 2:
            assert (code[:-1] if len(code) == 4 else code[:2]) in cameo, f"{code} has no parent"


def test_every_code_has_quad_class_and_goldstein(cameo: dict[str, dict[str, str]]) -> None:
    for code, row in cameo.items():
        root = int(code[:2])
        expected = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        assert int(row["quad_class"]) == expected, code
        assert -10.0 <= float(row["goldstein"]) <= 10.0, code


def test_plover_table(cameo: dict[str, dict[str, str]]) -> None:
    plover = {row["cameo"]: row for row in rows("plover.csv")}
    assert set(plover) == set(cameo)
    modes = {(row["type"], row["mode"]) for row in rows("plover_types.csv")}
    assert {plover_type for plover_type, _ in modes} == PLOVER_TYPES
    for code, row in plover.items():
        if code.startswith("01"):
            assert row["plover_type"] == "", code
            continue
        assert row["plover_type"] in PLOVER_TYPES, code
        if row["plover_mode"]:
            assert (row["plover_type"], row["plover_mode"]) in modes, code
    assert all(row["plover_type"] == "REQUEST" for code, row in plover.items() if code.startswith("02"))


def test_plover_legacy_names() -> None:
    legacy = {row["old"]: row["new"] for row in rows("plover_legacy.csv")}
    assert legacy["DEMAND"] == "REQUEST" and legacy["DISAPPROVE"] == "ACCUSE"
    assert legacy["FIGHT"] == "ASSAULT" and legacy["INVESTIGATE"] == "ACCUSE"
    assert set(legacy.values()) <= PLOVER_TYPES


def test_acled_table(cameo: dict[str, dict[str, str]]) -> None:
    kinds = {(row["event_type"], row["sub_event_type"]) for row in rows("acled_types.csv")}
    event_types = {event_type for event_type, _ in kinds}
    assert len(event_types) == 6
    for row in rows("acled.csv"):
        assert row["cameo"] in cameo
        assert (row["event_type"], row["sub_event_type"]) in kinds, row
        for clause in filter(None, row["needs"].split(";")):
            condition, _, outcome = clause.partition(":")
            assert re.fullmatch(r"(target_sector|source_sector|weapon)=[A-Z]+(\|[A-Z]+)*", condition), clause
            event_type = next(t for t in event_types if outcome.startswith(t + "/"))
            assert (event_type, outcome[len(event_type) + 1:]) in kinds, clause


# ---------------------------------------------------------------- patterns


def test_pattern_codes_exist(patterns: list[dict[str, object]], cameo: dict[str, dict[str, str]]) -> None:
    missing = {p["cameo"] for p in patterns} - set(cameo)
    assert not missing


def test_all_roots_covered(patterns: list[dict[str, object]]) -> None:
    roots = {str(p["cameo"])[:2] for p in patterns}
    assert roots == set(ROOTS)
    assert len(patterns) >= 2000


def test_pattern_ids_unique_and_shaped(patterns: list[dict[str, object]]) -> None:
    ids = [str(p["id"]) for p in patterns]
    assert len(ids) == len(set(ids))
    for pattern in patterns:
        assert str(pattern["id"]).startswith(f"{pattern['cameo']}."), pattern["id"]


def test_pattern_fields(patterns: list[dict[str, object]], synsets: dict[str, list[str]]) -> None:
    for pattern in patterns:
        assert pattern["pos"] in ("verb", "noun")
        lemmas = pattern["lemmas"]
        assert lemmas and all(isinstance(l, str) and l == l.lower() and l.strip() for l in lemmas), pattern["id"]
        assert pattern["target"] and all(TARGET.match(t) for t in pattern["target"]), pattern["id"]
        assert pattern["source"] in ("subject", "prep:by", "none"), pattern["id"]
        phrases = list(pattern.get("object") or []) + [
            phrase for values in (pattern.get("prep") or {}).values() for phrase in values
        ]
        for phrase in phrases:
            for ref in re.findall(r"&([A-Z0-9_]+)", phrase):
                assert ref in synsets, (pattern["id"], ref)


def test_one_default_code_per_lemma(patterns: list[dict[str, object]]) -> None:
    defaults: dict[tuple[str, str], str] = {}
    for pattern in patterns:
        if pattern.get("object") or pattern.get("prep"):
            continue
        for lemma in pattern["lemmas"]:
            key = (lemma, str(pattern["pos"]))
            assert defaults.setdefault(key, str(pattern["cameo"])) == pattern["cameo"], key


def test_required_patterns(patterns: list[dict[str, object]]) -> None:
    def codes(lemma: str, pos: str = "verb", **wanted: str) -> set[str]:
        found = set()
        for pattern in patterns:
            if lemma in pattern["lemmas"] and pattern["pos"] == pos:
                if all(text in str(pattern.get(key)) for key, text in wanted.items()):
                    found.add(str(pattern["cameo"]))
        return found

    assert "0232" in codes("ask", prep="&MILITARY aid")
    assert "054" in codes("recognize", prep="as")
    assert "163" in codes("impose", object="&SANCTION", target="prep:on")
    assert "163" in codes("sanction", pos="noun")
    assert "154" in codes("amass", prep="&BORDER", target="prep:with")
    assert "1724" in codes("declare", object="state of emergency", target="none")
    assert "112" in codes("accuse")
    assert "051" in codes("thank")
    assert "194" in codes("shell")
    assert "195" in codes("strike", prep="&DRONE")
    assert "057" in codes("sign", object="&AGREEMENT")
    assert "0841" in codes("release", object="&PRISONER")
    assert "195" in codes("airstrike", pos="noun")


# ---------------------------------------------------------------- converters


def load_tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, REPO / "tools" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the file executes
    spec.loader.exec_module(module)
    return module


def snapshot(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


@needs_shared
@pytest.mark.parametrize("tool, committed", [("convert_codes", CODES), ("convert_patterns", PATTERNS)])
def test_converter_is_deterministic_and_reproduces_committed_files(
    tool: str, committed: Path, tmp_path: Path
) -> None:
    module = load_tool(tool)
    first, second = tmp_path / "first", tmp_path / "second"
    module.convert(SHARED, first)
    module.convert(SHARED, second)
    assert snapshot(first) == snapshot(second)
    assert snapshot(first) == snapshot(committed)


def test_pattern_converter_reads_block_headers_without_the_space_before_the_dashes() -> None:
    """PETRARCH2's "---  DELAY   [120]---  ---" starts a block of its own; read as a pattern of the
    block before it, DELAY's patterns were given to BLAME's verbs ("accused ... negotiations" as 161)."""
    module = load_tool("convert_patterns")
    blocks = module.read_blocks(["---  BLAME   [112]  ---", "ACCUSE [112]", "---  DELAY   [120]---  ---",
                                 "POSTPONE", "- * &NEGOTIATION   [161:161]   # POSTPONE"])
    assert [(b.name, b.code) for b in blocks] == [("BLAME", "112"), ("DELAY", "120")]
    assert [v for v, _ in blocks[0].verbs] == ["accuse"] and [v for v, _ in blocks[1].verbs] == ["postpone"]
    assert len(blocks[1].patterns) == 1 and not blocks[0].patterns


def test_a_bare_particle_pattern_belongs_to_the_verb_it_was_written_for() -> None:
    """"- * ON [190] # PRESS" is "press on": the block mates "need" and "want" do not get it;
    a pattern with a real phrase ("- * AID") stays the whole block's."""
    module = load_tool("convert_patterns")
    settings = module.load_settings()
    blocks = module.read_blocks(["---  DEMAND   [100]  ---", "NEED", "PRESS", "WANT",
                                 "- * ON   [190]   # PRESS", "- * AID   [023]   # WANT"])
    parser = module.PatternParser(settings, module.Lemmatiser(settings), set())
    patterns = module.petrarch_patterns(blocks, parser, Counter())
    by_code = {p.cameo: p.lemmas for p in patterns if p.cameo in ("190", "023")}
    assert by_code["190"] == ["press"]
    assert sorted(by_code["023"]) == ["need", "press", "want"]
