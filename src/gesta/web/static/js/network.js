// Actor network: the top source -> target dyads, laid out by a small deterministic force layout.
import { QUAD, h, s, clear } from "./dom.js";

const W = 640;
const H = 420;

// Fruchterman-Reingold with gravity; deterministic (nodes start on a circle in code order).
function layout(nodes, links) {
  const cx = W / 2;
  const cy = H / 2;
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length;
    n.x = cx + Math.cos(a) * W * 0.3;
    n.y = cy + Math.sin(a) * H * 0.3;
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const k = Math.sqrt(((W - 100) * (H - 60)) / Math.max(nodes.length, 1)) * 0.7;
  let heat = W / 6;
  for (let step = 0; step < 400; step++) {
    for (const n of nodes) { n.dx = (cx - n.x) * 0.7; n.dy = (cy - n.y) * 0.7 * (W / H); }
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i];
        const b = nodes[j];
        const dx = a.x - b.x;
        const dy = a.y - b.y;
        const d = Math.max(Math.hypot(dx, dy), 0.5);
        const f = (k * k) / d;
        a.dx += (dx / d) * f; a.dy += (dy / d) * f;
        b.dx -= (dx / d) * f; b.dy -= (dy / d) * f;
      }
    }
    for (const link of links) {
      const a = byId.get(link.source);
      const b = byId.get(link.target);
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const d = Math.max(Math.hypot(dx, dy), 0.5);
      const f = (d * d) / k;
      a.dx += (dx / d) * f; a.dy += (dy / d) * f;
      b.dx -= (dx / d) * f; b.dy -= (dy / d) * f;
    }
    for (const n of nodes) {
      const len = Math.max(Math.hypot(n.dx, n.dy), 0.01);
      n.x = Math.min(W - 60, Math.max(60, n.x + (n.dx / len) * Math.min(len, heat)));
      n.y = Math.min(H - 28, Math.max(22, n.y + (n.dy / len) * Math.min(len, heat)));
    }
    heat = Math.max(0.5, heat * 0.985);
  }
}

export function drawNetwork(container, data, { onActor }) {
  clear(container);
  const links = data.dyads;
  if (!links.length) {
    container.append(h("p", { class: "empty" }, "No source–target pairs match these filters."));
    return;
  }
  const weight = new Map();
  for (const l of links) {
    weight.set(l.source, (weight.get(l.source) || 0) + l.events);
    weight.set(l.target, (weight.get(l.target) || 0) + l.events);
  }
  const nodes = [...weight.keys()].sort().map((id) => ({ id, w: weight.get(id) }));
  layout(nodes, links);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const maxLink = Math.max(...links.map((l) => l.events));
  const maxNode = Math.max(...nodes.map((n) => n.w));
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "network", role: "img",
                         "aria-label": "Network of the most frequent actor pairs" });
  const defs = s("defs");
  for (const q of [1, 2, 3, 4]) {
    defs.append(s("marker", { id: `arrow${q}`, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 6,
                              markerHeight: 6, orient: "auto-start-reverse" },
                  s("path", { d: "M0,0L10,5L0,10z", fill: QUAD[q].color })));
  }
  svg.append(defs);
  for (const l of links) {
    const a = byId.get(l.source);
    const b = byId.get(l.target);
    const rb = 5 + 13 * Math.sqrt(b.w / maxNode);
    const d = Math.max(Math.hypot(b.x - a.x, b.y - a.y), 1);
    const x2 = b.x - ((b.x - a.x) / d) * (rb + 2);
    const y2 = b.y - ((b.y - a.y) / d) * (rb + 2);
    const q = QUAD[l.quad_class] ? l.quad_class : 1;
    svg.append(s("line", { x1: a.x.toFixed(1), y1: a.y.toFixed(1), x2: x2.toFixed(1), y2: y2.toFixed(1),
                           stroke: QUAD[q].color, "stroke-width": (1 + 5 * (l.events / maxLink)).toFixed(1),
                           class: "link", "marker-end": `url(#arrow${q})` },
                 s("title", {}, `${l.source} → ${l.target}: ${l.events} events, mean Goldstein ${l.goldstein}`)));
  }
  for (const n of nodes) {
    const r = 5 + 13 * Math.sqrt(n.w / maxNode);
    const label = data.names[n.id] ? `${data.names[n.id]}` : n.id;
    const g = s("g", { class: "node", tabindex: 0 },
                s("circle", { cx: n.x.toFixed(1), cy: n.y.toFixed(1), r: r.toFixed(1) }),
                s("text", { x: n.x.toFixed(1), y: (n.y + r + 12).toFixed(1), "text-anchor": "middle" },
                  label.length > 22 ? `${label.slice(0, 21)}…` : label),
                s("title", {}, `${label} [${n.id}] — click to filter by this actor`));
    g.addEventListener("click", () => onActor(n.id));
    svg.append(g);
  }
  container.append(svg);
}
