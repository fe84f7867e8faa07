"""Heads load and predict; the embedding cache avoids recomputing; settings are read."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from gesta.errors import ModelError, UsageError
from gesta.ml.cache import EmbeddingCache
from gesta.ml.classifier import SentenceClassifier
from gesta.ml.config import DEFAULT_MODEL, MLConfig
from gesta.ml.heads import LinearHead, load_heads, packaged_heads_dir
from gesta.ml.tuned_layers import tuned_layers_of
from gesta.settings import Settings

from .helpers import DIM, FakeEncoder, save_random_heads


def test_heads_round_trip(tmp_path: Path) -> None:
    saved = save_random_heads(tmp_path)
    loaded = load_heads(tmp_path)
    x = FakeEncoder().encode(["Rebels attacked the town.", "Talks resumed."])
    for name, head in saved.heads.items():
        assert loaded[name].labels == head.labels
        probs = loaded[name].probabilities(x)
        assert probs.shape == (2, len(head.labels))
        np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-5)
        np.testing.assert_allclose(probs, head.probabilities(x), atol=2e-2)  # float16 on disk
    assert loaded.dim == DIM
    assert loaded.threshold("propose_root", 0.9) == pytest.approx(0.42)


def test_missing_or_broken_heads_are_model_errors(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="heads missing"):
        load_heads(tmp_path)
    save_random_heads(tmp_path)
    (tmp_path / "plover.npz").write_bytes(b"not a zip file")
    with pytest.raises(ModelError, match="plover.npz"):
        load_heads(tmp_path)


def test_packaged_heads_load() -> None:
    if not (packaged_heads_dir() / "event.npz").is_file():
        pytest.skip("no packaged heads")
    heads = load_heads()
    assert heads.meta["encoder"].startswith(DEFAULT_MODEL)
    assert len(heads["cameo_root"].labels) == 20
    tuned = tuned_layers_of(packaged_heads_dir(), heads.meta)
    if tuned is not None:  # the heads read an encoder with fine-tuned top layers: the file is the one trained
        assert tuned.digest == heads.meta["tuned_layers"]["sha256"]
        assert sorted(tuned.weights) == heads.meta["tuned_layers"]["layers"]
        assert tuned.tag in heads.meta["encoder"]


def test_dimension_mismatch_is_reported(tmp_path: Path) -> None:
    heads = save_random_heads(tmp_path)
    classifier = SentenceClassifier(FakeEncoder(dim=DIM + 1), heads)
    with pytest.raises(ModelError, match="retrain"):
        classifier.predict(["Kenya and Uganda signed a deal."])


def test_memory_cache_embeds_each_sentence_once() -> None:
    encoder = FakeEncoder()
    cache = EmbeddingCache(encoder.name, size=10)
    first = cache.embed(["a", "b", "a"], encoder.encode)
    second = cache.embed(["b", "a", "c"], encoder.encode)
    assert encoder.calls == [["a", "b"], ["c"]]
    np.testing.assert_array_equal(first[0], second[1])
    assert (cache.hits, cache.misses) == (3, 3)


def test_memory_cache_is_lru() -> None:
    encoder = FakeEncoder()
    cache = EmbeddingCache(encoder.name, size=2)
    cache.embed(["a", "b"], encoder.encode)
    cache.embed(["a"], encoder.encode)  # a is now the most recent
    cache.embed(["c"], encoder.encode)  # evicts b
    cache.embed(["a", "b"], encoder.encode)
    assert encoder.calls[-1] == ["b"]


def test_disk_cache_survives_a_new_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GESTA_CACHE_DIR", str(tmp_path))
    encoder = FakeEncoder()
    vectors = EmbeddingCache(encoder.name, disk=True).embed(["x", "y"], encoder.encode)
    again = EmbeddingCache(encoder.name, disk=True).embed(["y", "x"], encoder.encode)
    assert len(encoder.calls) == 1
    np.testing.assert_allclose(again, vectors[::-1])
    assert (tmp_path / "ml-embeddings.sqlite3").is_file()


def test_disk_cache_is_keyed_by_encoder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GESTA_CACHE_DIR", str(tmp_path))
    encoder = FakeEncoder()
    EmbeddingCache("one", disk=True).embed(["x"], encoder.encode)
    EmbeddingCache("two", disk=True).embed(["x"], encoder.encode)
    assert len(encoder.calls) == 2


def test_config_from_settings() -> None:
    settings = Settings(extra={"ml_model": "/models/mini", "ml_correct_vague": 0.7, "ml_heads": "/tmp/h", "other": 1})
    config = MLConfig.from_settings(settings)
    assert config.model == "/models/mini" and config.correct_vague == 0.7 and config.heads == Path("/tmp/h")
    assert MLConfig.from_settings(Settings()).model == DEFAULT_MODEL
    with pytest.raises(UsageError, match="ml_thresold"):
        MLConfig.from_settings(Settings(extra={"ml_thresold": 0.5}))


def test_linear_head_rejects_wrong_label_count(tmp_path: Path) -> None:
    LinearHead(("a", "b", "c"), np.zeros((4, 2)), np.zeros(2)).save(tmp_path / "bad.npz")
    with pytest.raises(ModelError, match="3 labels"):
        LinearHead.load(tmp_path / "bad.npz")


def test_with_ml_inserts_the_stage_after_events() -> None:
    from gesta.ml import CLASSIFY_STAGE, with_ml

    settings = with_ml(Settings(), model="/models/mini")
    stages = list(settings.stages)
    assert stages.index(CLASSIFY_STAGE) == stages.index("gesta.events.v1") + 1
    assert settings.extra["ml_model"] == "/models/mini"
    assert with_ml(settings).stages == settings.stages
    with pytest.raises(UsageError):
        with_ml(Settings(stages=("gesta.normalize.v1",)))
