"""The event ontologies: CAMEO codes with their names, quad class and Goldstein score, and
their PLOVER and ACLED equivalents, read from ``data/codes/*.csv``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from gesta.errors import DataFileError
from gesta.resources import data_dir, read_csv


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    root: str
    name: str
    quad_class: int
    goldstein: float


@dataclass(frozen=True, slots=True)
class PloverCode:
    type: str
    mode: str | None
    context: str | None


@dataclass(frozen=True, slots=True)
class AcledCode:
    event_type: str
    sub_event_type: str | None
    needs: str | None  # e.g. "target_sector=CVL:Violence against civilians/Attack"


@dataclass(frozen=True)
class CodeBook:
    """Look-ups from a CAMEO code to its description in the three ontologies."""

    cameo: Mapping[str, CameoCode]
    plover: Mapping[str, PloverCode]
    acled: Mapping[str, AcledCode]
    legacy_plover: Mapping[str, str]
    acled_event_types: frozenset[str] = frozenset()

    def describe(self, code: str) -> CameoCode:
        found = self.cameo.get(code)
        if found is None:
            raise KeyError(f"unknown CAMEO code {code!r}")
        return found

    def plover_for(self, code: str) -> PloverCode | None:
        return nearest_entry(self.plover, code)

    def acled_for(
        self, code: str, source_sector: str | None = None, target_sector: str | None = None
    ) -> AcledCode | None:
        """The ACLED type of a CAMEO code, refined by the actors' sectors where the table says."""
        found = nearest_entry(self.acled, code)
        if found is None or not found.needs:
            return found
        facts = {"source_sector": source_sector, "target_sector": target_sector}
        return _apply_condition(found, facts, self.acled_event_types)

    def modern_plover(self, name: str) -> str:
        """Map an older PLOVER type name (DEMAND, DISAPPROVE, ...) to the current one."""
        return self.legacy_plover.get(name.upper(), name.upper())


T = TypeVar("T")


def nearest_entry(table: Mapping[str, T], code: str) -> T | None:
    """The entry for ``code`` or its closest parent (0232 -> 023 -> 02)."""
    for length in range(len(code), 1, -1):
        found = table.get(code[:length])
        if found is not None:
            return found
    return None


def _apply_condition(found: AcledCode, facts: Mapping[str, str | None], event_types: frozenset[str]) -> AcledCode:
    """First rule ``key=V1|V2:Event type/Sub-event type`` whose key has one of the values.

    Rules on facts gesta does not know (e.g. ``weapon``) never match.
    """
    for clause in (found.needs or "").split(";"):
        condition, _, outcome = clause.partition(":")
        name, _, value = condition.partition("=")
        fact = facts.get(name.strip())
        if fact is not None and fact in value.split("|"):
            event_type = next((t for t in event_types if outcome.startswith(t + "/")), outcome.partition("/")[0])
            return AcledCode(event_type, outcome[len(event_type) + 1 :].strip() or None, None)
    return found


def load_codebook(directory: Path | None = None) -> CodeBook:
    base = directory or data_dir() / "codes"
    return CodeBook(
        cameo=MappingProxyType(_load_cameo(base / "cameo.csv")),
        plover=MappingProxyType(_load_plover(base / "plover.csv")),
        acled=MappingProxyType(_load_acled(base / "acled.csv")),
        legacy_plover=MappingProxyType(_load_legacy(base / "plover_legacy.csv")),
        acled_event_types=frozenset(row["event_type"] for _, row in read_csv(base / "acled_types.csv", ("event_type",))),
    )


def _load_cameo(path: Path) -> dict[str, CameoCode]:
    table: dict[str, CameoCode] = {}
    for line, row in read_csv(path, ("code", "root", "name", "quad_class", "goldstein")):
        try:
            table[row["code"]] = CameoCode(
                row["code"], row["root"], row["name"], int(row["quad_class"]), float(row["goldstein"])
            )
        except ValueError as exc:
            raise DataFileError(str(path), f"bad number: {exc}", line) from None
    return table


def _load_plover(path: Path) -> dict[str, PloverCode]:
    table: dict[str, PloverCode] = {}
    for _, row in read_csv(path, ("cameo", "plover_type", "plover_mode")):
        if row["plover_type"].strip():
            table[row["cameo"]] = PloverCode(
                row["plover_type"].strip(),
                row["plover_mode"].strip() or None,
                (row.get("plover_context") or "").strip() or None,
            )
    return table


def _load_acled(path: Path) -> dict[str, AcledCode]:
    table: dict[str, AcledCode] = {}
    for _, row in read_csv(path, ("cameo", "event_type", "sub_event_type")):
        if row["event_type"].strip():
            table[row["cameo"]] = AcledCode(
                row["event_type"].strip(),
                row["sub_event_type"].strip() or None,
                (row.get("needs") or "").strip() or None,
            )
    return table


def _load_legacy(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    rows = read_csv(path, ("old", "new"))
    return {row["old"].strip().upper(): row["new"].strip().upper() for _, row in rows}
