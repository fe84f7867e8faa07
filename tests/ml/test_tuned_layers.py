"""Tuned encoder layers: file format, errors, and loading them into a real (tiny) encoder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from gesta.errors import ModelError
from gesta.ml.tuned_layers import LAYERS_FILE, TunedLayers, save_layers, tuned_layers_of


def test_layers_round_trip_as_float16(tmp_path: Path) -> None:
    weight = np.arange(6, dtype=np.float32).reshape(2, 3) / 7
    save_layers(tmp_path / LAYERS_FILE, {4: {"output.dense.weight": weight, "output.dense.bias": np.ones(2)}})
    tuned = TunedLayers.load(tmp_path / LAYERS_FILE)
    assert set(tuned.weights) == {4}
    assert set(tuned.weights[4]) == {"output.dense.weight", "output.dense.bias"}
    np.testing.assert_allclose(tuned.weights[4]["output.dense.weight"], weight, atol=1e-3)
    assert tuned.weights[4]["output.dense.weight"].dtype == np.float32
    assert tuned.tag == f"tuned-{tuned.digest[:12]}"


def test_a_different_file_gets_a_different_tag(tmp_path: Path) -> None:
    save_layers(tmp_path / "a.npz", {1: {"w": np.zeros(3)}})
    save_layers(tmp_path / "b.npz", {1: {"w": np.ones(3)}})
    assert TunedLayers.load(tmp_path / "a.npz").tag != TunedLayers.load(tmp_path / "b.npz").tag


def test_bad_keys_and_bad_files_are_model_errors(tmp_path: Path) -> None:
    np.savez(tmp_path / "bad.npz", weight=np.zeros(2))
    with pytest.raises(ModelError, match="bad.npz: key 'weight'"):
        TunedLayers.load(tmp_path / "bad.npz")
    (tmp_path / "junk.npz").write_bytes(b"not a zip")
    with pytest.raises(ModelError, match="junk.npz: not a file of encoder layers"):
        TunedLayers.load(tmp_path / "junk.npz")


def test_meta_decides_whether_layers_are_loaded(tmp_path: Path) -> None:
    assert tuned_layers_of(tmp_path, {"encoder": "x"}) is None
    with pytest.raises(ModelError, match="encoder_layers.npz, which is missing"):
        tuned_layers_of(tmp_path, {"tuned_layers": {"file": LAYERS_FILE}})
    save_layers(tmp_path / LAYERS_FILE, {0: {"w": np.zeros(1)}})
    found = tuned_layers_of(tmp_path, {"tuned_layers": {"file": LAYERS_FILE}})
    assert found is not None and set(found.weights) == {0}


@pytest.fixture(scope="module")
def tiny_encoder_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("torch")
    pytest.importorskip("sentence_transformers")
    from tests.ml.tiny_bert import write_tiny_bert

    return write_tiny_bert(tmp_path_factory.mktemp("tiny"))


def _changed_top_layer(model_dir: Path, tmp_path: Path) -> tuple[TunedLayers, Any]:
    """The top layer's weights, perturbed, saved as tuned layers; and the model edited the same way."""
    import torch
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(model_dir), device="cpu")
    top = model[0].auto_model.encoder.layer[2]
    with torch.no_grad():
        for parameter in top.parameters():
            parameter.add_(torch.randn_like(parameter) * 0.5)
    save_layers(tmp_path / LAYERS_FILE, {2: top.state_dict()})
    tuned = TunedLayers.load(tmp_path / LAYERS_FILE)
    tuned.apply(model[0].auto_model.encoder.layer)  # the same float16-rounded weights the encoder gets
    return tuned, model


def test_tuned_layers_replace_the_encoders_own(tiny_encoder_dir: Path, tmp_path: Path) -> None:
    from gesta.ml.config import MLConfig
    from gesta.ml.encoder import load_encoder

    texts = ["Troops attacked the rebels.", "Rain fell on Friday."]
    config = MLConfig(model=str(tiny_encoder_dir), quantize=False, threads=1)
    stock = load_encoder(config)
    tuned, edited = _changed_top_layer(tiny_encoder_dir, tmp_path)
    encoder = load_encoder(config, tuned)
    expected = edited.encode(texts, normalize_embeddings=True)
    np.testing.assert_allclose(encoder.encode(texts), expected, atol=1e-5)
    assert not np.allclose(encoder.encode(texts), stock.encode(texts), atol=1e-3)
    assert encoder.name == f"{tiny_encoder_dir}+{tuned.tag}"


def test_quantized_encoder_quantizes_the_tuned_layers_too(tiny_encoder_dir: Path, tmp_path: Path) -> None:
    import torch

    from gesta.ml.config import MLConfig
    from gesta.ml.encoder import load_encoder, transformer_layers

    texts = ["Troops attacked the rebels.", "Rain fell on Friday."]
    tuned, edited = _changed_top_layer(tiny_encoder_dir, tmp_path)
    encoder = load_encoder(MLConfig(model=str(tiny_encoder_dir), quantize=True, threads=1), tuned)
    layers = transformer_layers(encoder.model, "tiny")
    assert all(type(layer.output.dense) is not torch.nn.Linear for layer in layers)  # dynamically quantized
    # close to the float32 model with the tuned weights, far from the stock one
    expected = edited.encode(texts, normalize_embeddings=True)
    assert float((encoder.encode(texts) * expected).sum(1).min()) > 0.95
    assert encoder.name.endswith(f"+{tuned.tag}+int8")


def test_layers_that_do_not_fit_are_model_errors(tiny_encoder_dir: Path, tmp_path: Path) -> None:
    from gesta.ml.config import MLConfig
    from gesta.ml.encoder import load_encoder

    config = MLConfig(model=str(tiny_encoder_dir), quantize=False, threads=1)
    save_layers(tmp_path / "far.npz", {7: {"output.dense.bias": np.zeros(16)}})
    with pytest.raises(ModelError, match="tuned layer 7 does not exist: the encoder has 3 layers"):
        load_encoder(config, TunedLayers.load(tmp_path / "far.npz"))
    save_layers(tmp_path / "wrong.npz", {1: {"output.dense.bias": np.zeros(5)}})
    with pytest.raises(ModelError, match="tuned layer 1 does not fit the encoder"):
        load_encoder(config, TunedLayers.load(tmp_path / "wrong.npz"))
