"""Readers: turn paths (files, directories, ``-``) into :class:`~gesta.document.Article` objects.

Readers never raise for a bad input: they yield an :class:`~gesta.errors.InputError` in its
place, so one broken article never stops a batch.
"""

from gesta.readers.base import ReadOptions, ReadResult, read_bytes, read_paths, read_text

__all__ = ["ReadOptions", "ReadResult", "read_bytes", "read_paths", "read_text"]
