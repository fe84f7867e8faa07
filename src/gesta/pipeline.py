"""A :class:`Pipeline` is a sequence of stages built once from :class:`Settings`.

Each stage is callable ``Article -> Article`` and declares what it ``requires`` (names of
things earlier stages provide) and what it ``provides``. The pipeline checks the chain when
it is built, so a misconfigured pipeline fails before the first article.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from typing import Protocol, runtime_checkable

from gesta.document import Article
from gesta.errors import GestaError, InputError, PipelineError
from gesta.registry import StageContext
from gesta.settings import Settings

log = logging.getLogger(__name__)


@runtime_checkable
class Stage(Protocol):
    """One step of the pipeline."""

    @property
    def name(self) -> str: ...

    @property
    def requires(self) -> frozenset[str]: ...

    @property
    def provides(self) -> frozenset[str]: ...

    def __call__(self, article: Article) -> Article: ...


class Pipeline:
    """Runs the stages in order. Reuse one pipeline for many articles."""

    def __init__(self, settings: Settings, stages: list[Stage], context: StageContext | None = None) -> None:
        self.settings = settings
        self.stages = stages
        self.context = context or StageContext(settings)
        check_chain(stages)

    @property
    def stage_names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def get_stage(self, name: str) -> Stage:
        for stage in self.stages:
            if stage.name == name:
                return stage
        raise PipelineError(f"no stage named {name!r} in this pipeline")

    def __call__(
        self,
        text: str | Article,
        *,
        published: dt.date | str | None = None,
        source: str | None = None,
        article_id: str = "text",
        title: str | None = None,
    ) -> Article:
        """Code one article given as text (or an :class:`Article`) and return it."""
        article = text if isinstance(text, Article) else Article(id=article_id, text=text, title=title)
        if published is not None:
            article.published = _as_date(published)
        if source is not None:
            article.source = source
        return self.run(article)

    def run(self, article: Article) -> Article:
        if not article.text.strip() and not (article.title or "").strip():
            raise InputError("empty article", article.origin or article.id)
        for stage in self.stages:
            article = stage(article)
            article.done.add(stage.name)
        return article

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article | GestaError]:
        """Code many articles; an article that fails yields its error, the rest go on."""
        for article in articles:
            try:
                yield self.run(article)
            except GestaError as exc:
                yield exc if isinstance(exc, InputError) else InputError(str(exc), article.origin or article.id)


def check_chain(stages: list[Stage]) -> None:
    """Raise :class:`PipelineError` when a stage needs something no earlier stage provides."""
    available: set[str] = set()
    for stage in stages:
        missing = stage.requires - available
        if missing:
            raise PipelineError(
                f"stage {stage.name!r} requires {sorted(missing)}, which no earlier stage provides"
            )
        available |= stage.provides


def _as_date(value: dt.date | str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text).date() if len(text) > 10 else dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"published is not an ISO date or datetime: {value!r}") from None
