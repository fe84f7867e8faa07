"""bench_parse returns throughput and memory figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gesta.errors import InputError
from gesta.nlp.bench import bench_parse, read_texts

KEYS = {"words_per_s", "words_per_cpu_s", "sentences_per_s", "peak_rss_mb", "n_words",
        "elapsed_s"}


def test_bench_on_small_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "a.jsonl"
    texts = ["The army said it had left the town. Talks resume on Monday.",
             "Police arrested two men in Lagos on Friday."]
    corpus.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    result = bench_parse(corpus, limit=None)
    assert KEYS <= set(result)
    assert result["n_words"] == 23 and result["n_sentences"] == 3
    # the process's peak, so in a test run it includes whatever other tests loaded: only
    # its relation to the memory before parsing is a property of bench_parse
    assert result["peak_rss_mb"] >= result["loaded_rss_mb"] > 0


def test_bench_limit_on_shared_corpus(bbc_corpus: Path) -> None:
    result = bench_parse(bbc_corpus, limit=5)
    assert result["n_docs"] == 5 and result["n_words"] > 500


def test_bad_record_names_line(tmp_path: Path) -> None:
    corpus = tmp_path / "b.jsonl"
    corpus.write_text('{"text": "ok"}\n{"title": "no text"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=":2"):
        list(read_texts(corpus))
