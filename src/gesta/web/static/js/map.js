// World map: country shapes (Natural Earth projection), shaded by event count, places as dots.
import { QUAD, s, clear } from "./dom.js";

const WIDTH = 960;
const TOP_LAT = 84;
const BOTTOM_LAT = -58;
let shapes = null;

function raw(lon, lat) {
  const l = (lon * Math.PI) / 180;
  const p = (lat * Math.PI) / 180;
  const p2 = p * p;
  const p4 = p2 * p2;
  return [
    l * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4))),
    p * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4))),
  ];
}

const [xMax] = raw(180, 0);
const [, yTop] = raw(0, TOP_LAT);
const [, yBottom] = raw(0, BOTTOM_LAT);
const SCALE = WIDTH / (2 * xMax);
const HEIGHT = Math.round((yTop - yBottom) * SCALE);

export function project(lon, lat) {
  const [x, y] = raw(lon, Math.max(BOTTOM_LAT, Math.min(TOP_LAT, lat)));
  return [(x + xMax) * SCALE, (yTop - y) * SCALE];
}

function pathOf(polygons) {
  const parts = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      parts.push(ring.map(([lon, lat], i) => {
        const [x, y] = project(lon, lat);
        return `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
      }).join("") + "Z");
    }
  }
  return parts.join("");
}

async function loadShapes() {
  if (!shapes) {
    const data = await (await fetch("/static/data/countries.geojson")).json();
    shapes = data.features.map((f) => ({ iso3: f.properties.iso3, name: f.properties.name,
                                          d: pathOf(f.geometry.coordinates) }));
  }
  return shapes;
}

function shade(count, max) {
  if (!count) return "#e9edf2";
  const t = Math.log1p(count) / Math.log1p(max || 1);
  const light = 88 - t * 50;
  return `hsl(212, 45%, ${light.toFixed(0)}%)`;
}

export async function drawMap(container, stats, { onCountry, selected }) {
  const features = await loadShapes();
  if (!container.isConnected) return;  // the view changed while the shapes loaded
  const counts = new Map(stats.by_country.filter((r) => r.country).map((r) => [r.country, r.events]));
  const max = Math.max(1, ...counts.values());
  const svg = s("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "map", role: "img",
                         "aria-label": "World map of events" });
  svg.append(s("rect", { x: 0, y: 0, width: WIDTH, height: HEIGHT, class: "sea" }));
  const land = s("g", { class: "land" });
  for (const f of features) {
    const n = counts.get(f.iso3) || 0;
    const path = s("path", { d: f.d, fill: shade(n, max), "data-iso3": f.iso3 || "",
                             class: f.iso3 && f.iso3 === selected ? "country selected" : "country" },
                   s("title", {}, `${f.name}${f.iso3 ? ` (${f.iso3})` : ""}: ${n} event${n === 1 ? "" : "s"}`));
    if (f.iso3) path.addEventListener("click", () => onCountry(f.iso3));
    land.append(path);
  }
  svg.append(land);
  const dots = s("g", { class: "dots" });
  const maxPlace = Math.max(1, ...stats.places.map((p) => p.events));
  for (const place of [...stats.places].reverse()) {
    const [x, y] = project(place.lon, place.lat);
    const quad = Math.round(place.quad_class || 0);
    const r = 2.5 + 9 * Math.sqrt(place.events / maxPlace);
    dots.append(s("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1), class: "dot",
                              fill: (QUAD[quad] || { color: "#555" }).color },
                  s("title", {}, `${place.name || "?"}: ${place.events} event${place.events === 1 ? "" : "s"}`)));
  }
  svg.append(dots);
  clear(container).append(svg);
}
