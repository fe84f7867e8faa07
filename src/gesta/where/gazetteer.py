"""The gazetteer: place names to places, ranked by the article's countries and population.

Built by ``tools/build_gazetteer.py`` into ``data/gazetteer/places.tsv.gz`` (GeoNames cities
with population >= 5000, ISO 3166-2 admin1 units, countries) plus the hand-written
``data/gazetteer/aliases.yaml`` (other spellings, regions, missing towns), read through
:mod:`gesta.resources` so a bad entry is an error naming its file, line and field.
"""

from __future__ import annotations

import functools
import gzip
import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from gesta.errors import DataFileError
from gesta.resources import DataFile, data_dir, load_yaml

log = logging.getLogger(__name__)

PlaceKind = Literal["city", "admin1", "country", "region"]
KIND_RANK = {"city": 0, "country": 0, "region": 1, "admin1": 1}
ADMIN1_SUFFIX = re.compile(
    r"\s+(oblast|governorate|province|region|state|district|voivodeship|prefecture|city|county"
    r"|department|territory|municipality)$"
)
_PUNCT = re.compile(r"[\-‐‑–'’‘`ʻʼ.,()]+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. ``country`` is ISO 3166 alpha-3; ``kind`` says what it is."""

    name: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int
    kind: PlaceKind


@functools.lru_cache(maxsize=65536)
def normalize(name: str) -> str:
    """The lookup key: accents and punctuation dropped, case folded, leading 'the' removed."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    folded = _SPACE.sub(" ", _PUNCT.sub(" ", folded)).strip()
    return folded.removeprefix("the ")


def default_places_path() -> Path:
    return data_dir() / "gazetteer" / "places.tsv.gz"


def default_aliases_path() -> Path:
    return data_dir() / "gazetteer" / "aliases.yaml"


class Gazetteer:
    """Name -> ranked places. Load once (:meth:`load`), share freely.

    Places stay as their TSV lines until first looked up (loading is a split per line);
    ``_keys`` maps a normalised name to the comma-separated indices of its places.
    """

    def __init__(self, rows: list[str | Place], keys: dict[str, str]) -> None:
        self._rows = rows
        self._keys = keys
        self._countries: dict[str | None, Place]

    @classmethod
    @functools.lru_cache(maxsize=4)
    def load(cls, places_path: Path | None = None, aliases_path: Path | None = None) -> Gazetteer:
        """Read the packaged (or given) gazetteer and aliases files."""
        gazetteer = cls(*_read_tsv(places_path or default_places_path()))
        gazetteer.add_aliases(load_yaml(aliases_path or default_aliases_path(), "place_aliases"))
        log.debug("gazetteer: %d places, %d names", len(gazetteer), len(gazetteer._keys))
        return gazetteer

    def place(self, index: int) -> Place:
        row = self._rows[index]
        if isinstance(row, Place):
            return row
        place = _parse_row(row)
        self._rows[index] = place
        return place

    def _add(self, place: Place, names: Iterable[str]) -> int:
        index = len(self._rows)
        self._rows.append(place)
        keys = {normalize(n) for n in names if n}
        if place.kind == "admin1":
            keys |= {ADMIN1_SUFFIX.sub("", k) for k in keys}
        for key in keys:
            old = self._keys.get(key)
            self._keys[key] = f"{index},{old}" if old else str(index)
        return index

    def add_aliases(self, data: DataFile) -> None:
        """Add the places and the alias spellings of a ``place_aliases`` file."""
        for entry in data.content.get("places", []):
            place = Place(entry["name"], entry.get("country"), entry.get("admin1"), float(entry["lat"]),
                          float(entry["lon"]), int(entry.get("population", 0)), entry["kind"])
            self._add(place, [place.name, *entry.get("names", [])])
        for number, alias in enumerate(data.content.get("aliases", [])):
            self._add_alias(data, number, alias)

    def _add_alias(self, data: DataFile, number: int, alias: dict[str, str]) -> None:
        country = alias.get("country")
        found = self._indices(alias["name"])
        ranked = sorted(found, key=lambda i: _rank(self.place(i), (country,) if country else ()))
        if not ranked or (country and self.place(ranked[0]).country != country):
            raise DataFileError(str(data.path), f"alias target {alias['name']!r} not in the gazetteer",
                                data.line_of("aliases", number, "name"), f"aliases.{number}.name")
        key = normalize(alias["alias"])
        old = [i for i in self._indices(alias["alias"]) if i != ranked[0]]
        self._keys[key] = ",".join(str(i) for i in [ranked[0], *old])

    def _indices(self, name: str) -> list[int]:
        found = self._keys.get(normalize(name))
        return [int(i) for i in found.split(",")] if found else []

    def lookup(
        self,
        name: str,
        context_countries: Iterable[str] | None = None,
        kinds: Iterable[str] | None = None,
    ) -> list[Place]:
        """Places called ``name``: those in ``context_countries`` first, then cities and
        countries before admin1 units and regions, then by population. A unit or region never
        comes before a country of its name ("Niger" is the country, "Niger State" the unit)."""
        places = [self.place(i) for i in self._indices(name)]
        if not places and ADMIN1_SUFFIX.search(normalize(name)):  # "Luhansk region"
            places = [self.place(i) for i in self._indices(ADMIN1_SUFFIX.sub("", normalize(name)))]
            places = [p for p in places if p.kind in ("admin1", "region")]
        if kinds is not None:
            wanted = set(kinds)
            places = [p for p in places if p.kind in wanted]
        if len(places) < 2:
            return places
        context = tuple(context_countries or ())
        ranked = sorted(places, key=lambda p: _rank(p, context))
        if ranked[0].kind in ("admin1", "region") and any(p.kind == "country" for p in ranked):
            ranked.sort(key=lambda p: p.kind in ("admin1", "region"))  # "Niger": not Niger State
        return ranked

    def lookup_country(self, country: str) -> list[Place]:
        """The country entry of an ISO alpha-3 code (empty when unknown)."""
        if not hasattr(self, "_countries") or not self._countries:
            self._countries = {
                p.country: p for p in (self.place(i) for i, row in enumerate(self._rows)
                                       if (isinstance(row, Place) and row.kind == "country")
                                       or (isinstance(row, str) and row.startswith("country\t")))
            }
        found = self._countries.get(country)
        return [found] if found is not None else []

    def __len__(self) -> int:
        return len(self._rows)


def _read_tsv(path: Path) -> tuple[list[str | Place], dict[str, str]]:
    """Place lines and the key index of a gazetteer file (see tools/build_gazetteer.py)."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            text = handle.read()
        header, _, text = text.partition("\n")
        count = int(header.split("\t")[1])
        lines = text.split("\n", count)
        rows: list[str | Place] = list(lines[:count])
        fields = lines[count].replace("\n", "\t").rstrip("\t").split("\t")
        keys = dict(zip(fields[::2], fields[1::2], strict=True))
    except (OSError, EOFError, IndexError, ValueError) as exc:
        raise DataFileError(str(path), f"not a gazetteer file: {exc}", 1) from None
    return rows, keys


def _parse_row(line: str) -> Place:
    kind, name, country, admin1, lat, lon, population = line.split("\t")
    return Place(name, country or None, admin1 or None, float(lat), float(lon), int(population),
                 kind)  # type: ignore[arg-type]


def _rank(place: Place, context: tuple[str, ...]) -> tuple[int, int, int]:
    in_context = context.index(place.country) if place.country in context else len(context)
    return in_context, KIND_RANK[place.kind], -place.population
