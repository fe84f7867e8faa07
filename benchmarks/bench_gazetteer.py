#!/usr/bin/env python3
"""Gazetteer load time, added RSS and lookups per second."""
from __future__ import annotations

import resource
import time

from gesta.where.gazetteer import Gazetteer


def main() -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    gazetteer = Gazetteer.load()
    load = time.perf_counter() - start
    rss = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    names = ["Donetsk", "Kiev", "Odessa", "Paris", "Nowhere", "Mariupol"] * 50000
    start = time.perf_counter()
    for name in names:
        gazetteer.lookup(name, context_countries=("UKR",))
    rate = len(names) / (time.perf_counter() - start)
    print(f"load {load:.2f} s, +{rss:.0f} MB RSS, {len(gazetteer)} places, {rate:,.0f} lookups/s")


if __name__ == "__main__":
    main()
