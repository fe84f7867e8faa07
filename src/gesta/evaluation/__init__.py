"""Scoring the coder against gold records (``gesta evaluate``)."""

from gesta.evaluation.score import EvaluationReport, evaluate

__all__ = ["EvaluationReport", "evaluate"]
