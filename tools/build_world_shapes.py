"""Build ``src/gesta/web/static/data/countries.geojson`` (the dashboard's world map).

Source: the npm package ``world-atlas`` (Natural Earth 1:110m country shapes as TopoJSON, ISC
licence; Natural Earth itself is public domain), fetched with ``npm pack`` from the npm
registry, never from a website. ISO 3166-1 numeric ids become alpha-3 codes with ``pycountry``.
The TopoJSON arcs are decoded here (no JavaScript needed), coordinates rounded to 0.1 degree,
Antarctica dropped; the result is about 200 KB.

    .venv/bin/python tools/build_world_shapes.py            # npm pack world-atlas@2.0.2
    .venv/bin/python tools/build_world_shapes.py --topojson path/to/countries-110m.json
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

import pycountry

log = logging.getLogger("build_world_shapes")

PACKAGE = "world-atlas@2.0.2"
MEMBER = "package/countries-110m.json"
OUT = Path(__file__).resolve().parents[1] / "src" / "gesta" / "web" / "static" / "data" / "countries.geojson"
LICENCE_OUT = OUT.with_name("countries.LICENSE.txt")
# Shapes without an ISO numeric id in world-atlas: codes as gesta's actor dictionaries use them.
BY_NAME = {"Kosovo": "XKX", "N. Cyprus": "CYP", "Somaliland": "SOM"}
DROP = {"Antarctica"}
PRECISION = 1  # decimal places (0.1 degree: ~11 km, enough for a world map)


def fetch_topojson(workdir: Path) -> tuple[dict[str, Any], str]:
    """``npm pack`` the package into ``workdir``; the TopoJSON and the package licence text."""
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=workdir, check=True, capture_output=True)
    tarball = next(workdir.glob("world-atlas-*.tgz"))
    with tarfile.open(tarball) as archive:
        topo = json.load(archive.extractfile(MEMBER))  # type: ignore[arg-type]
        licence = archive.extractfile("package/LICENSE").read().decode()  # type: ignore[union-attr]
    return topo, licence


def decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute coordinates of every arc (delta-decoded and un-quantised)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    rounded: list[list[float]] = []
    for lon, lat in points:
        point = [round(lon, PRECISION), round(lat, PRECISION)]
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    if rounded and rounded[0] != rounded[-1]:
        rounded.append(rounded[0])
    return unwrap(rounded)


def unwrap(points: list[list[float]]) -> list[list[float]]:
    """Flatten a ring crossing the antimeridian onto the 180th meridian (Fiji, Chukotka).

    A flat map draws such a ring as a stripe across the world; at 1:110m the bits beyond the
    line are tiny, so they are pressed onto the line on the side where most of the ring is.
    """
    if all(abs(a[0] - b[0]) <= 180 for a, b in itertools.pairwise(points)):
        return points
    east = sum(1 for lon, _ in points if lon > 0) >= len(points) / 2
    edge = 180.0 if east else -180.0
    return [[edge if (lon < 0) == east else lon, lat] for lon, lat in points]


def polygons(geometry: dict[str, Any], arcs: list[list[tuple[float, float]]]) -> list[list[list[list[float]]]]:
    shapes = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    result = []
    for shape in shapes:
        rings = [r for r in (ring(indexes, arcs) for indexes in shape) if len(r) >= 4]
        if rings:
            result.append(rings)
    return result


def iso3(feature_id: str | None, name: str) -> str | None:
    if name in BY_NAME:
        return BY_NAME[name]
    if feature_id is None:
        return None
    country = pycountry.countries.get(numeric=str(feature_id).zfill(3))
    return country.alpha_3 if country else None


def to_geojson(topo: dict[str, Any]) -> dict[str, Any]:
    arcs = decode_arcs(topo)
    features = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        if name in DROP or geometry.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        code = iso3(geometry.get("id"), name)
        if code is None:
            log.warning("no ISO code for %s (id %s)", name, geometry.get("id"))
        features.append({"type": "Feature", "properties": {"iso3": code, "name": name},
                         "geometry": {"type": "MultiPolygon", "coordinates": polygons(geometry, arcs)}})
    features.sort(key=lambda f: (f["properties"]["iso3"] or "~", f["properties"]["name"]))
    return {"type": "FeatureCollection", "source": f"npm {PACKAGE} countries-110m (Natural Earth)",
            "features": features}


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topojson", type=Path, help="a countries-110m.json already unpacked")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args()
    licence = None
    if args.topojson:
        topo = json.loads(args.topojson.read_text("utf-8"))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            topo, licence = fetch_topojson(Path(tmp))
    data = to_geojson(topo)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(data, separators=(",", ":")) + "\n", "utf-8")
    if licence:
        LICENCE_OUT.write_text(f"countries.geojson: built by tools/build_world_shapes.py from npm {PACKAGE}\n"
                               "(Natural Earth 1:110m, public domain; world-atlas packaging under this licence)\n\n"
                               + licence, "utf-8")
    log.info("%s: %d countries, %d bytes", args.output, len(data["features"]), args.output.stat().st_size)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
