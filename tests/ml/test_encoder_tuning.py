"""tools/encoder_tuning.py: fine-tuning top layers on a tiny encoder, and what the library loads."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("torch")
pytest.importorskip("sentence_transformers")

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

import encoder_tuning as tuning
from tests.ml.tiny_bert import write_tiny_bert

from gesta.ml.config import MLConfig
from gesta.ml.encoder import load_encoder
from gesta.ml.tuned_layers import LAYERS_FILE, TunedLayers, save_layers

VIOLENT = ["troops attacked the rebels", "police arrested protesters", "troops attacked a city",
           "the government attacked rebels", "police attacked protesters in the city"]
CALM = ["rain fell on friday", "talks began in the city", "the minister resigned", "rain fell in the city",
        "talks began on friday"]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> tuning.BaseStates:
    directory = write_tiny_bert(tmp_path_factory.mktemp("tiny"))
    model = load_encoder(MLConfig(model=str(directory), quantize=False, threads=1)).model
    return tuning.base_states(model, VIOLENT + CALM, tuning.TuningOptions(layers=1))


def _labels() -> dict[str, tuning.LabelSet]:
    kinds = ["force"] * len(VIOLENT) + ["other"] * len(CALM)
    return {"kind": tuning.label_set(np.arange(len(kinds)), kinds),
            "violent": tuning.label_set(np.arange(len(VIOLENT)), ["yes"] * 3 + ["no"] * 2)}


def test_base_states_stop_below_the_tuned_layers(base: tuning.BaseStates) -> None:
    assert base.first_tuned == 2  # three layers, the top one tuned
    assert len(base.hidden) == 10
    assert base.hidden[0].shape[1] == 16 and base.hidden[0].shape[0] > base.hidden[5].shape[0] - 3


def test_fine_tuning_learns_the_training_labels(base: tuning.BaseStates) -> None:
    options = tuning.TuningOptions(layers=1, epochs=40, batch_size=4, layer_lr=1e-3, head_lr=5e-2)
    tuned = tuning.fine_tune(base, _labels(), np.arange(10), options)
    assert set(tuned.layers) == {2}
    assert tuned.heads["kind"].labels == ("force", "other")
    x = tuning.embed(base, tuned, range(10))
    predicted = [tuned.heads["kind"].labels[i] for i in tuned.heads["kind"].probabilities(x).argmax(1)]
    assert predicted == ["force"] * 5 + ["other"] * 5
    assert np.allclose(np.linalg.norm(x, axis=1), 1.0, atol=1e-5)


def test_the_library_computes_the_tools_embeddings(base: tuning.BaseStates, tmp_path: Path) -> None:
    tuned = tuning.fine_tune(base, _labels(), np.arange(10), tuning.TuningOptions(layers=1, epochs=2, batch_size=4))
    save_layers(tmp_path / LAYERS_FILE, tuned.layers)
    layers = TunedLayers.load(tmp_path / LAYERS_FILE)
    # the shipped file is float16: compare with the tool's embedding of the rounded weights
    rounded = tuning.TunedModel({i: {k: v.half().float() for k, v in s.items()} for i, s in tuned.layers.items()}, {})
    directory = Path(base.model[0].auto_model.name_or_path).parent / "tiny-bert"
    encoder = load_encoder(MLConfig(model=str(directory), quantize=False, threads=1), layers)
    np.testing.assert_allclose(encoder.encode(VIOLENT + CALM), tuning.embed(base, rounded, range(10)), atol=1e-5)
