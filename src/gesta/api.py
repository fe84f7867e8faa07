"""The Python API: build a pipeline once, code texts and files with it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from gesta.codes import CodeBook, load_codebook
from gesta.document import Article
from gesta.errors import GestaError, InputError
from gesta.pipeline import Pipeline
from gesta.readers import ReadOptions, read_paths
from gesta.records import article_records
from gesta.registry import StageContext, build_stages
from gesta.settings import Settings


def load(settings: Settings | None = None, **overrides: Any) -> Pipeline:
    """Build the pipeline (loads the parser, dictionaries and patterns once)."""
    chosen = (settings or Settings()).replace(**overrides) if overrides else (settings or Settings())
    context = StageContext(chosen)
    return Pipeline(chosen, build_stages(context), context)


def code_files(
    paths: Iterable[str],
    pipeline: Pipeline | None = None,
    published: dt.date | None = None,
    source: str | None = None,
    input_format: str | None = None,
) -> Iterator[Article | InputError]:
    """Read and code every article under ``paths``; errors come in place of their article."""
    coder = pipeline or load()
    options = ReadOptions(published=published, source=source, format=input_format)
    for item in read_paths(paths, options):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield coder.run(item)
        except GestaError as exc:
            yield exc if isinstance(exc, InputError) else InputError(str(exc), item.origin)


def event_records(article: Article, pipeline: Pipeline | None = None) -> list[dict[str, Any]]:
    """The event records (dicts matching ``gesta schema``) of a coded article."""
    codebook: CodeBook = pipeline.context.codebook if pipeline else load_codebook()
    return list(article_records(article, codebook))
