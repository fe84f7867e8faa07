"""The ML training data (training/): labels valid, dataset.jsonl up to date, datasheet counts true."""

from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from gesta.codes import load_codebook

REPO = Path(__file__).resolve().parents[2]
TRAINING = REPO / "training"
ACLED_SUB_EVENTS = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Air/drone strike", "Chemical weapon", "Grenade", "Remote explosive/landmine/IED",
                                   "Shelling/artillery/missile attack", "Suicide bomb"},
    "Protests": {"Excessive force against protesters", "Peaceful protest", "Protest with intervention"},
    "Riots": {"Mob violence", "Violent demonstration"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
    "Violence against civilians": {"Abduction/forced disappearance", "Attack", "Sexual violence"},
}


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_dataset", TRAINING / "build_dataset.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def dataset() -> list[dict[str, object]]:
    return [json.loads(line) for line in (TRAINING / "dataset.jsonl").read_text("utf-8").splitlines() if line.strip()]


def test_hand_written_headers_are_valid_labels(builder: ModuleType) -> None:
    codebook = load_codebook()
    for path in sorted((TRAINING / "handwritten").glob("*.txt")):
        for header, sentences in builder.blocks(path):
            where = f"{path.name}: {header}"
            assert sentences, f"{where}: block without sentences"
            cameo = header["cameo"]
            if cameo is None:
                assert header["acled_event"] is None and header["acled_sub_event"] is None, where
                continue
            assert re.fullmatch(r"\d{3,4}", cameo) and cameo in codebook.cameo, where
            if header["acled_event"] is not None:
                assert header["acled_sub_event"] in ACLED_SUB_EVENTS[header["acled_event"]], where


def test_no_sentence_is_written_twice_with_different_labels(builder: ModuleType) -> None:
    seen: dict[str, tuple[str, object]] = {}
    for path in sorted((TRAINING / "handwritten").glob("*.txt")):
        for header, sentences in builder.blocks(path):
            for sentence in sentences:
                if sentence in seen:
                    assert seen[sentence][1] == header["cameo"], f"{sentence!r}: {seen[sentence][0]} and {path.name}"
                seen.setdefault(sentence, (path.name, header["cameo"]))


def test_dataset_jsonl_is_built_from_the_sources(builder: ModuleType, dataset: list[dict[str, object]]) -> None:
    assert builder.build() == dataset, "training/dataset.jsonl is stale: run python training/build_dataset.py"


def test_datasheet_counts_match_the_dataset(dataset: list[dict[str, object]]) -> None:
    sheet = (TRAINING / "DATASHEET.md").read_text("utf-8")
    hand = sum(1 for r in dataset if r["origin"] == "hand")
    events = sum(1 for r in dataset if r["event"])
    assert (f"Total: {len(dataset)} sentences; hand-written {hand} ({round(100 * hand / len(dataset))}%), "
            f"templated {len(dataset) - hand}; events {events}, no event {len(dataset) - events}.") in sheet
    plover = Counter(str(r["plover"] or "(none)") for r in dataset)
    plover_hand = Counter(str(r["plover"] or "(none)") for r in dataset if r["origin"] == "hand")
    section = sheet.split("**PLOVER type**")[1].split("**ACLED event type**")[0]
    for label, total in plover.items():
        assert f"| {label} | {total} | {plover_hand[label]} |" in section, label
