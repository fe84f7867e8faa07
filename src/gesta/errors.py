"""The one exception tree of gesta.

Every error gesta raises on purpose derives from :class:`GestaError`, so callers can catch
gesta's own failures with one ``except`` and let programming errors surface.
"""

from __future__ import annotations


class GestaError(Exception):
    """Base class of every error gesta raises deliberately."""


class UsageError(GestaError):
    """The caller asked for something that cannot be done (bad option, bad value)."""


class InputError(GestaError):
    """One input (file, line, article) cannot be read or coded.

    ``source`` names the file (or ``-`` for standard input) and ``line`` the 1-based line
    when the input is line-oriented, so a message always says where the problem is.
    """

    def __init__(self, message: str, source: str | None = None, line: int | None = None) -> None:
        self.reason = message
        self.source = source
        self.line = line
        super().__init__(self.describe())

    def describe(self) -> str:
        where = self.source or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.reason}"


class DataFileError(GestaError):
    """A data file (dictionary, pattern set, mapping) is malformed.

    Names the file, the line and the field so a user editing the file can fix it.
    """

    def __init__(
        self, path: str, message: str, line: int | None = None, field: str | None = None
    ) -> None:
        self.path = path
        self.line = line
        self.field = field
        self.reason = message
        where = path if line is None else f"{path}:{line}"
        what = f" field '{field}'" if field else ""
        super().__init__(f"{where}:{what} {message}".replace(": ", ": ", 1))


class ModelError(GestaError):
    """A model (parser, classifier) is missing, incompatible or cannot be loaded."""


class StoreError(GestaError):
    """The event store cannot be opened, migrated or written."""


class PipelineError(GestaError):
    """A pipeline is misconfigured: unknown stage, unmet stage requirements."""
