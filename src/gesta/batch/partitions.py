"""Split inputs into partitions of N articles with stable ids, and read one partition back.

A partition is a small descriptor (a JSONL byte range, a Parquet row range or a list of
files), so the driver never holds the articles and a worker reads only its own share.
Ids are ``<file stem>-<hash of the absolute path>-<number>``: the same inputs and partition
size give the same ids, which is what lets a re-run skip finished partitions.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from gesta.document import Article
from gesta.errors import InputError, UsageError
from gesta.readers import ReadOptions, read_paths
from gesta.readers.jsonl import parse_line

PARQUET_SUFFIXES = frozenset({".parquet", ".pq"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
FILE_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm", ".xhtml"})


@dataclass(frozen=True, slots=True)
class Partition:
    """``kind`` jsonl: lines from byte ``start`` (line ``first_line``); parquet: rows from
    ``start``; files: one article per file in ``files``. ``count`` lines, rows or files."""

    id: str
    kind: str
    path: str
    start: int
    count: int
    first_line: int = 1
    files: tuple[str, ...] = ()


def plan_partitions(inputs: Sequence[str], size: int) -> list[Partition]:
    """Partitions of at most ``size`` articles over ``inputs`` (files or directories)."""
    if size < 1:
        raise UsageError("--partition-size must be at least 1")
    partitions: list[Partition] = []
    loose: list[Path] = []
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            loose.extend(sorted(p for p in path.rglob("*") if p.is_file() and _is_input(p)))
        elif path.is_file():
            loose.append(path)
        else:
            raise UsageError(f"{given}: no such file or directory")
    files = []
    for path in loose:
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            partitions.extend(_jsonl_partitions(path, size))
        elif suffix in PARQUET_SUFFIXES:
            partitions.extend(_parquet_partitions(path, size))
        else:
            files.append(path)
    partitions.extend(_file_partitions(files, size))
    return partitions


def _is_input(path: Path) -> bool:
    suffix = path.suffix.lower()
    known = suffix in JSONL_SUFFIXES | PARQUET_SUFFIXES | FILE_SUFFIXES
    return known and not path.name.startswith(".")


def _prefix(path: Path) -> str:
    stem = re.sub(r"[^A-Za-z0-9_]+", "_", path.stem)[:40] or "input"
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:8]
    return f"{stem}-{digest}"


def _jsonl_partitions(path: Path, size: int) -> Iterator[Partition]:
    """Byte ranges of ``size`` non-blank lines each."""
    prefix, number, offset = _prefix(path), 0, 0
    start, first, lines = 0, 1, 0
    with path.open("rb") as handle:
        for lineno, raw in enumerate(handle, start=1):
            if lines == 0:
                start, first = offset, lineno
            offset += len(raw)
            lines += 1 if raw.strip() else 0
            if lines == size:
                yield Partition(f"{prefix}-{number:05d}", "jsonl", str(path), start, lineno - first + 1, first)
                number, lines = number + 1, 0
    if lines:
        yield Partition(f"{prefix}-{number:05d}", "jsonl", str(path), start, lineno - first + 1, first)


def _parquet_partitions(path: Path, size: int) -> Iterator[Partition]:
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    rows = pq.ParquetFile(path).metadata.num_rows
    prefix = _prefix(path)
    for number, start in enumerate(range(0, rows, size)):
        yield Partition(f"{prefix}-{number:05d}", "parquet", str(path), start, min(size, rows - start))


def _file_partitions(files: list[Path], size: int) -> Iterator[Partition]:
    if not files:
        return
    listing = "\n".join(str(f.resolve()) for f in files)
    prefix = f"files-{hashlib.sha1(listing.encode('utf-8')).hexdigest()[:8]}"
    for number, start in enumerate(range(0, len(files), size)):
        chunk = tuple(str(f) for f in files[start : start + size])
        yield Partition(f"{prefix}-{number:05d}", "files", chunk[0], start, len(chunk), files=chunk)


def read_partition(partition: Partition, options: ReadOptions) -> Iterator[Article | InputError]:
    """The articles (or errors) of one partition, read where it runs."""
    if partition.kind == "jsonl":
        yield from _read_jsonl(partition, options)
    elif partition.kind == "parquet":
        yield from _read_parquet(partition, options)
    else:
        yield from read_paths(partition.files, options)


def _read_jsonl(partition: Partition, options: ReadOptions) -> Iterator[Article | InputError]:
    with open(partition.path, "rb") as handle:
        handle.seek(partition.start)
        for number in range(partition.first_line, partition.first_line + partition.count):
            raw = handle.readline()
            if raw.strip():
                yield parse_line(raw, partition.path, number, options)


def _read_parquet(partition: Partition, options: ReadOptions) -> Iterator[Article | InputError]:
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    table = pq.read_table(partition.path).slice(partition.start, partition.count)
    for offset, row in enumerate(table.to_pylist()):
        raw = json.dumps(row, default=str).encode("utf-8")
        yield parse_line(raw, partition.path, partition.start + offset + 1, options)
