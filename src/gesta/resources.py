"""The one loader for gesta's data files (dictionaries, patterns, mappings, code tables).

YAML files carry ``version`` and ``kind`` and are validated against the JSON Schema for
their kind (``data/schema/<kind>.schema.json``); CSV files are read as rows of strings. Every
error is a :class:`~gesta.errors.DataFileError` naming the file, the line and the field.
"""

from __future__ import annotations

import csv
import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from gesta.errors import DataFileError

SUPPORTED_VERSION = 1
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 10x faster


class _Loader(_BASE_LOADER):  # type: ignore[misc, valid-type]
    """YAML 1.1 reads on/off/yes/no as booleans: "prepositions: [in, on]" would hold True.
    In gesta's data files only true and false are booleans."""


_Loader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp) for tag, regexp in resolvers
        if tag != "tag:yaml.org,2002:bool" or first in "tTfF"
    ]
    for first, resolvers in _BASE_LOADER.yaml_implicit_resolvers.items()
}
_LOADER = _Loader


JsonPath = tuple[str | int, ...]


def data_dir() -> Path:
    """The packaged data directory (``src/gesta/data``)."""
    return Path(str(resources.files("gesta") / "data"))


@dataclass(frozen=True, slots=True)
class DataFile:
    """A validated YAML data file: its path, its content and where each entry starts."""

    path: Path
    kind: str
    content: dict[str, Any]
    lines: dict[JsonPath, int]  # JSON path of a value -> its 1-based line

    def line_of(self, *path: str | int) -> int | None:
        """The line of the value at ``path`` or of its nearest ancestor."""
        key = tuple(path)
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return self.lines.get((), None)


def load_yaml(path: Path, kind: str | None = None) -> DataFile:
    """Load, check the version and kind, and validate a YAML data file."""
    label = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(label, f"cannot read: {exc}") from None
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise DataFileError(label, f"not valid YAML: {getattr(exc, 'problem', exc)}", line) from None
    if node is None:
        raise DataFileError(label, "file is empty")
    lines: dict[JsonPath, int] = {}
    content = _construct(node, (), lines, yaml.constructor.SafeConstructor())
    if not isinstance(content, dict):
        raise DataFileError(label, "top level must be a mapping", 1)
    data = DataFile(path, str(content.get("kind", "")), content, lines)
    _check_header(data, kind)
    validate(data)
    return data


def _construct(
    node: yaml.Node, path: JsonPath, lines: dict[JsonPath, int], scalars: yaml.constructor.SafeConstructor
) -> Any:
    """Build Python values from a YAML node tree, recording each value's line."""
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _key(key_node, scalars)
            result[key] = _construct(value_node, (*path, key), lines, scalars)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(child, (*path, i), lines, scalars) for i, child in enumerate(node.value)]
    return _scalar(node, scalars)


def _key(node: yaml.Node, scalars: yaml.constructor.SafeConstructor) -> str:
    """A mapping key as written: YAML 1.1 would read ``on``/``off``/``yes``/``no`` as booleans,
    turning the preposition key ``on`` into ``"True"``; keys are names, so keep their text."""
    if isinstance(node, yaml.ScalarNode):
        return str(node.value)
    return str(_scalar(node, scalars))


def _scalar(node: yaml.Node, scalars: yaml.constructor.SafeConstructor) -> Any:
    """A scalar's value; dates stay ISO strings so every data file validates the same way."""
    if node.tag == "tag:yaml.org,2002:timestamp":
        return node.value
    return scalars.construct_object(node)


def _check_header(data: DataFile, kind: str | None) -> None:
    label = str(data.path)
    version = data.content.get("version")
    if version != SUPPORTED_VERSION:
        raise DataFileError(label, f"unsupported version {version!r} (expected {SUPPORTED_VERSION})", data.line_of("version"), "version")
    if kind is not None and data.kind != kind:
        raise DataFileError(label, f"expected kind {kind!r}, found {data.kind!r}", data.line_of("kind"), "kind")


@functools.cache
def _schema(kind: str) -> dict[str, Any] | None:
    path = data_dir() / "schema" / f"{kind}.schema.json"
    if not path.exists():
        return None
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


def validate(data: DataFile) -> None:
    """Validate against the kind's JSON Schema; the first error names its line and field."""
    schema = _schema(data.kind)
    if schema is None:
        raise DataFileError(str(data.path), f"unknown kind {data.kind!r}", data.line_of("kind"), "kind")
    validator = jsonschema.Draft202012Validator(schema)
    # the first error in the file: by line (sorting paths as strings put entries.10 before entries.2)
    errors = sorted(
        validator.iter_errors(data.content),
        key=lambda e: (data.line_of(*e.absolute_path) or 0, list(map(str, e.absolute_path))),
    )
    if errors:
        error = errors[0]
        where = tuple(error.absolute_path)
        field = ".".join(str(p) for p in where) or None
        raise DataFileError(str(data.path), error.message, data.line_of(*where), field)


def read_csv(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV data file with their line numbers; lines starting with ``#`` are comments."""
    label = str(path)
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise DataFileError(label, f"cannot read: {exc}") from None
    with handle:
        numbered = ((n, line) for n, line in enumerate(handle, start=1) if not line.startswith("#"))
        first = next(numbered, None)
        if first is None:
            raise DataFileError(label, "file is empty")
        header = next(csv.reader([first[1]]))
        missing = [name for name in required if name not in header]
        if missing:
            raise DataFileError(label, f"missing column(s) {missing}", first[0])
        for number, line in numbered:
            if not line.strip():
                continue
            values = next(csv.reader([line]))
            if len(values) != len(header):
                raise DataFileError(label, f"expected {len(header)} columns, found {len(values)}", number)
            yield number, dict(zip(header, values, strict=True))
