"""gesta: political event data from news articles.

    import gesta
    pipeline = gesta.load()
    article = pipeline("Russia imposed sanctions on Ukraine.", published="2022-02-23")
    for record in gesta.event_records(article):
        ...
"""

from gesta.api import code_files, event_records, load
from gesta.document import Actor, Article, Attribution, Event, Location, Mention, Modality, Sentence
from gesta.errors import (
    DataFileError,
    GestaError,
    InputError,
    ModelError,
    PipelineError,
    UsageError,
)
from gesta.pipeline import Pipeline
from gesta.settings import Settings
from gesta.version import __version__

__all__ = [
    "Actor",
    "Article",
    "Attribution",
    "DataFileError",
    "Event",
    "GestaError",
    "InputError",
    "Location",
    "Mention",
    "Modality",
    "ModelError",
    "Pipeline",
    "PipelineError",
    "Sentence",
    "Settings",
    "UsageError",
    "__version__",
    "code_files",
    "event_records",
    "load",
]
