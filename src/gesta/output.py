"""Writing event records: JSON Lines, CSV (flattened columns) and a terminal table."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from typing import Any, Protocol, TextIO

CSV_COLUMNS = (
    "event_id", "article_id", "published", "outlet", "section", "sentence_index", "date", "date_text",
    "source_code", "source_text", "source_name", "source_country", "source_sector",
    "target_code", "target_text", "target_name", "target_country", "target_sector",
    "cameo_code", "cameo_name", "plover_type", "plover_mode", "acled_event_type", "acled_sub_event_type",
    "quad_class", "goldstein", "location_name", "location_country", "location_admin1",
    "lat", "lon", "precision", "fatalities", "injured", "size", "speaker_code", "speaker_text", "via", "cue",
    "negated", "hypothetical", "future", "rule", "decided_by", "classifier_score", "evidence_start", "evidence_end", "evidence_text",
)


class RecordWriter(Protocol):
    def write(self, record: dict[str, Any]) -> None: ...
    def close(self) -> None: ...


class JsonlWriter:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, record: dict[str, Any]) -> None:
        self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.stream.flush()


class CsvWriter:
    def __init__(self, stream: TextIO) -> None:
        self.writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        self.writer.writeheader()
        self.stream = stream

    def write(self, record: dict[str, Any]) -> None:
        self.writer.writerow(flatten(record))

    def close(self) -> None:
        self.stream.flush()


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """One flat row per record, for CSV and spreadsheets."""
    row: dict[str, Any] = {k: record.get(k) for k in ("event_id", "article_id", "published", "outlet", "section",
                                                     "sentence_index", "date", "date_text", "quad_class",
                                                     "goldstein", "fatalities", "injured", "size", "rule",
                                                     "decided_by", "classifier_score")}
    for role in ("source", "target"):
        actor = record.get(role) or {}
        for key in ("code", "text", "name", "country", "sector"):
            row[f"{role}_{key}"] = actor.get(key)
    cameo, plover, acled = record["cameo"], record.get("plover") or {}, record.get("acled") or {}
    row.update(cameo_code=cameo["code"], cameo_name=cameo["name"], plover_type=plover.get("type"),
               plover_mode=plover.get("mode"), acled_event_type=acled.get("event_type"),
               acled_sub_event_type=acled.get("sub_event_type"))
    location = record.get("location") or {}
    row.update(location_name=location.get("name"), location_country=location.get("country"),
               location_admin1=location.get("admin1"), lat=location.get("lat"), lon=location.get("lon"),
               precision=location.get("precision"))
    said = record.get("attribution") or {}
    speaker = said.get("speaker") or {}
    row.update(speaker_code=speaker.get("code"), speaker_text=speaker.get("text"), via=said.get("via"), cue=said.get("cue"))
    row.update(record["modality"])
    evidence = record["evidence"]
    row.update(evidence_start=evidence["start"], evidence_end=evidence["end"], evidence_text=evidence["text"])
    return row


class TableWriter:
    """A rich table on a terminal: one row per event, evidence shortened."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.rows: list[dict[str, Any]] = []

    def write(self, record: dict[str, Any]) -> None:
        self.rows.append(record)

    def close(self) -> None:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"{len(self.rows)} events", show_lines=False, expand=True)
        for column in ("date", "source", "event", "PLOVER", "target", "claimed by", "evidence"):
            table.add_column(column, overflow="fold")
        for record in self.rows:
            table.add_row(*table_cells(record))
        Console(file=self.stream, width=None if self.stream.isatty() else 160).print(table)


def table_cells(record: dict[str, Any]) -> list[str]:
    cameo = record["cameo"]
    plover = record.get("plover") or {}
    said = record.get("attribution") or {}
    speaker = (said.get("speaker") or {}).get("text") or ""
    claim = " via ".join(x for x in (speaker, said.get("via") or "") if x)
    mood = record["modality"]
    flags = "".join(f" [{k}]" for k in ("negated", "hypothetical", "future") if mood[k])
    text = record["evidence"]["text"].replace("\n", " ")
    return [
        record.get("date") or "",
        _actor_cell(record.get("source")),
        f"{cameo['code']} {cameo['name']}{flags}",
        plover.get("type") or "",
        _actor_cell(record.get("target")),
        claim,
        text if len(text) <= 120 else text[:117] + "...",
    ]


def _actor_cell(actor: dict[str, Any] | None) -> str:
    if not actor:
        return ""
    name = actor.get("name") or actor.get("text")
    return f"{name} ({actor['code']})"


def make_writer(kind: str, stream: TextIO) -> RecordWriter:
    writers: dict[str, Callable[[TextIO], RecordWriter]] = {"jsonl": JsonlWriter, "csv": CsvWriter, "table": TableWriter}
    return writers[kind](stream)


def write_all(records: Iterable[dict[str, Any]], writer: RecordWriter) -> int:
    count = 0
    for record in records:
        writer.write(record)
        count += 1
    writer.close()
    return count
