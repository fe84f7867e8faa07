"""Stage factories under versioned names, and the shared resources stages are built from.

Names follow spaCy's convention (``gesta.parse.v1``): a changed behaviour gets a new version
so settings that name the old one keep their meaning. Plugins add factories through the
``gesta.stages`` entry point group.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Mapping
from importlib.metadata import entry_points
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from gesta.cache import cached, content_key
from gesta.errors import PipelineError
from gesta.resources import data_dir
from gesta.settings import Settings

if TYPE_CHECKING:
    from gesta.actors.dictionary import ActorDictionary
    from gesta.codes import CodeBook
    from gesta.events.patterns import PatternSet
    from gesta.pipeline import Stage

log = logging.getLogger(__name__)


class StageContext:
    """What stage factories share: settings and lazily loaded models and data."""

    def __init__(self, settings: Settings, nlp: Any = None) -> None:
        self.settings = settings
        self._nlp = nlp

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            from gesta.nlp.model import load_parser

            self._nlp = load_parser(self.settings.parser_path)
        return self._nlp

    @functools.cached_property
    def codebook(self) -> CodeBook:
        from gesta.codes import load_codebook

        return load_codebook()

    @functools.cached_property
    def actors(self) -> ActorDictionary:
        from gesta.actors.dictionary import load_actor_dictionary, packaged_actor_files

        files = [*packaged_actor_files(), *self.settings.actor_files, *_sources("gesta.actors.dictionary", "gesta.actors.phrases")]
        tokenizer = self.nlp.tokenizer
        key = content_key("actors", files, _model_tag(self.nlp))
        return cached(
            key,
            lambda: load_actor_dictionary(
                lambda phrase: tuple(t.text for t in tokenizer(phrase)), self.settings.actor_files
            ),
        )

    @functools.cached_property
    def patterns(self) -> PatternSet:
        from gesta.events.patterns import load_patterns, packaged_pattern_files

        files = [*packaged_pattern_files(), *self.settings.pattern_files]
        codes = sorted((data_dir() / "codes").glob("*.csv"))
        key = content_key("patterns", [*files, *codes, *_sources("gesta.events.patterns", "gesta.codes")])
        return cached(key, lambda: load_patterns(self.settings.pattern_files, self.codebook))


def _sources(*modules: str) -> list[Path]:
    """The source files of the modules that compile cached data: a code change rebuilds it."""
    import importlib

    return [Path(str(importlib.import_module(name).__file__)) for name in modules]


def _model_tag(nlp: Any) -> str:
    """Identifies the tokenizer phrases were split with (its model name, version and rules)."""
    meta = getattr(nlp, "meta", {}) or {}
    path = getattr(nlp, "path", None)
    stamp = ""
    if path is not None and (Path(path) / "tokenizer").exists():
        stamp = str((Path(path) / "tokenizer").stat().st_mtime_ns)
    return f"{meta.get('name')}-{meta.get('version')}-{stamp}"


StageFactory = Callable[[StageContext], "Stage"]


def _normalize(context: StageContext) -> Stage:
    from gesta.stages.normalize import NormalizeStage

    return NormalizeStage()


def _layout(context: StageContext) -> Stage:
    from gesta.stages.layout import LayoutStage

    return LayoutStage()


def _parse(context: StageContext) -> Stage:
    from gesta.stages.parse import ParseStage

    return ParseStage(context.settings, context.nlp)


def _actors(context: StageContext) -> Stage:
    from gesta.actors.stage import ActorsStage

    return ActorsStage(context.actors)


def _events(context: StageContext) -> Stage:
    from gesta.events.stage import EventsStage

    return EventsStage(context.patterns, context.actors)


def _dates(context: StageContext) -> Stage:
    from gesta.when.stage import DatesStage

    return DatesStage()


def _numbers(context: StageContext) -> Stage:
    from gesta.numbers.stage import NumbersStage

    return NumbersStage()


def _places(context: StageContext) -> Stage:
    from gesta.where.stage import PlacesStage

    return PlacesStage.from_context(context)


def _classify(context: StageContext) -> Stage:
    from gesta.ml.stage import classify_factory  # needs the optional extra gesta[ml]

    return classify_factory(context)


def _finalize(context: StageContext) -> Stage:
    from gesta.stages.finalize import FinalizeStage

    return FinalizeStage()


BUILTIN_STAGES: Mapping[str, StageFactory] = MappingProxyType(
    {
        "gesta.normalize.v1": _normalize,
        "gesta.layout.v1": _layout,
        "gesta.parse.v1": _parse,
        "gesta.actors.v1": _actors,
        "gesta.events.v1": _events,
        "gesta.dates.v1": _dates,
        "gesta.numbers.v1": _numbers,
        "gesta.places.v1": _places,
        "gesta.classify.v1": _classify,
        "gesta.finalize.v1": _finalize,
    }
)


def stage_factories() -> Mapping[str, StageFactory]:
    """Built-in factories plus those plugins register under ``gesta.stages``."""
    found = dict(BUILTIN_STAGES)
    for entry in entry_points(group="gesta.stages"):
        if entry.name in found:
            log.warning("plugin stage %s ignored: the name is taken", entry.name)
            continue
        found[entry.name] = entry.load()
    return MappingProxyType(found)


def build_stages(context: StageContext) -> list[Stage]:
    factories = stage_factories()
    stages = []
    for name in context.settings.stages:
        factory = factories.get(name)
        if factory is None:
            raise PipelineError(f"unknown stage {name!r}; known: {', '.join(sorted(factories))}")
        stages.append(factory(context))
    return stages
