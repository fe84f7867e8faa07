#!/usr/bin/env python3
"""Coverage of first-level subdivisions in the gazetteer (a development figure).

For every ISO 3166-2 first-level subdivision in pycountry (under its English name from
aliases.yaml when it has one): does ``Gazetteer.lookup(name)`` find a place of its country, an
admin1 unit of it, also with "State", "Province"... after the name? Then a sample of
subdivisions named in conflict news, looked up with their country as context.
Usage: .venv/bin/python tools/eval_admin1.py [--misses]
"""
from __future__ import annotations

import sys
from collections import Counter

import pycountry

from gesta.resources import load_yaml
from gesta.where.gazetteer import Gazetteer, default_aliases_path

SUFFIXES = ["State", "Province", "Region", "Governorate", "Oblast"]
SAMPLE = {
    "NGA": ["Borno", "Kaduna", "Zamfara", "Yobe", "Adamawa", "Katsina", "Plateau", "Benue"],
    "PAK": ["Khyber Pakhtunkhwa", "Balochistan", "Punjab", "Sindh"],
    "AFG": ["Helmand", "Kandahar", "Kunduz", "Nangarhar"],
    "SYR": ["Idlib", "Aleppo", "Deir ez-Zor", "Raqqa", "Homs"],
    "SOM": ["Lower Shabelle", "Middle Shabelle", "Hiran", "Bay", "Gedo", "Mudug", "Bari"],
    "UKR": ["Donetsk", "Luhansk", "Kherson", "Zaporizhzhia", "Kharkiv"],
    "ETH": ["Tigray", "Amhara", "Oromia", "Afar"],
    "SDN": ["North Darfur", "South Darfur", "West Darfur", "Blue Nile", "South Kordofan", "Khartoum"],
    "COD": ["North Kivu", "South Kivu", "Ituri"],
    "MLI": ["Mopti", "Gao", "Timbuktu", "Kidal"],
    "BFA": ["Sahel"],
    "IRQ": ["Anbar", "Nineveh", "Kirkuk", "Diyala"],
    "YEM": ["Marib", "Hodeidah", "Taiz"],
    "MOZ": ["Cabo Delgado"],
    "CMR": ["Far North", "Northwest", "Southwest"],
}


def of_country(found: list, country: str, admin1: bool = False) -> bool:
    return any(p.country == country and (not admin1 or p.kind in ("admin1", "region")) for p in found)


def main() -> int:
    gazetteer = Gazetteer.load()
    english = load_yaml(default_aliases_path(), "place_aliases").content.get("admin1_names", {})
    counts: Counter[str] = Counter()
    misses = []
    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if getattr(sub, "parent_code", None) or country is None:
            continue
        given = english.get(sub.code, sub.name)
        name = given if isinstance(given, str) else given[0]
        found = gazetteer.lookup(name)
        counts["all"] += 1
        counts["place"] += of_country(found, country.alpha_3)
        counts["admin1"] += of_country(found, country.alpha_3, admin1=True)
        if not of_country(found, country.alpha_3):
            misses.append(f"{sub.code} {name}")
        for suffix in SUFFIXES:
            counts[suffix] += of_country(gazetteer.lookup(f"{name} {suffix}"), country.alpha_3, admin1=True)
    total = counts["all"]
    print(f"ISO 3166-2 first-level subdivisions: {total}; a place of the country "
          f"{counts['place']} ({counts['place'] / total:.1%}), an admin1 unit of it "
          f"{counts['admin1']} ({counts['admin1'] / total:.1%})")
    print("  with a suffix: " + ", ".join(f"{s} {counts[s] / total:.1%}" for s in SUFFIXES))
    sample: Counter[str] = Counter()
    first: Counter[str] = Counter()
    for iso3, names in SAMPLE.items():
        for name in names:
            sample["all"] += 1
            found = gazetteer.lookup(name, [iso3])
            first["name"] += bool(found) and found[0].country == iso3
            for suffix in SUFFIXES:
                found = gazetteer.lookup(f"{name} {suffix}", [iso3])
                first[suffix] += bool(found) and found[0].country == iso3
    print(f"conflict-news sample, first with its country as context: {first['name']}/{sample['all']}; "
          + ", ".join(f"{s} {first[s]}" for s in SUFFIXES))
    if "--misses" in sys.argv:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
