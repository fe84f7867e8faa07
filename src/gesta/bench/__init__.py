"""Throughput, per-stage time shares and memory of the pipeline (``gesta bench``)."""

from gesta.bench.run import STAGE_CHOICES, BenchOptions, default_corpus, run_bench

__all__ = ["STAGE_CHOICES", "BenchOptions", "default_corpus", "run_bench"]
