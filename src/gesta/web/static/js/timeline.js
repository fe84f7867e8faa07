// Daily timeline: one bar per day, stacked by CAMEO quad class.
import { QUAD, h, s, clear, fmt } from "./dom.js";

const W = 640;
const H = 200;
const PAD = { left: 36, right: 8, top: 10, bottom: 24 };

function days(first, last) {
  const out = [];
  const d = new Date(`${first}T00:00:00Z`);
  const end = new Date(`${last}T00:00:00Z`);
  while (d <= end && out.length < 4000) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

// Buckets: days, or weeks / months when the range is long, so bars stay readable.
function bucketOf(span) {
  if (span.length <= 120) return { name: "day", key: (d) => d };
  if (span.length <= 730) {
    return { name: "week", key: (d) => {
      const date = new Date(`${d}T00:00:00Z`);
      date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
      return date.toISOString().slice(0, 10);
    } };
  }
  return { name: "month", key: (d) => d.slice(0, 7) };
}

export function drawTimeline(container, stats) {
  clear(container);
  const rows = stats.by_day;
  if (!rows.length) {
    container.append(h("p", { class: "empty" }, "No dated events match these filters."));
    return;
  }
  const allDays = days(rows[0].day, rows[rows.length - 1].day);
  const bucket = bucketOf(allDays);
  const span = [...new Set(allDays.map(bucket.key))];
  const index = new Map(span.map((d, i) => [d, i]));
  const stacks = span.map(() => ({ 1: 0, 2: 0, 3: 0, 4: 0 }));
  for (const row of rows) {
    const at = index.get(bucket.key(row.day));
    if (at !== undefined && stacks[at][row.quad_class] !== undefined) stacks[at][row.quad_class] += row.events;
  }
  const totals = stacks.map((st) => st[1] + st[2] + st[3] + st[4]);
  const max = Math.max(1, ...totals);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / span.length;
  const barW = Math.max(1, step * 0.82);
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "timeline", role: "img",
                         "aria-label": "Events per day by quad class" });
  for (const frac of [0, 0.5, 1]) {
    const y = PAD.top + plotH * (1 - frac);
    svg.append(s("line", { x1: PAD.left, x2: W - PAD.right, y1: y, y2: y, class: "grid" }));
    svg.append(s("text", { x: PAD.left - 6, y: y + 4, class: "axis", "text-anchor": "end" }, fmt(Math.round(max * frac))));
  }
  stacks.forEach((stack, i) => {
    let y = PAD.top + plotH;
    const x = PAD.left + i * step + (step - barW) / 2;
    for (const q of [4, 3, 2, 1]) {
      if (!stack[q]) continue;
      const hgt = (stack[q] / max) * plotH;
      y -= hgt;
      svg.append(s("rect", { x: x.toFixed(2), y: y.toFixed(2), width: barW.toFixed(2), height: hgt.toFixed(2),
                             fill: QUAD[q].color },
                   s("title", {}, `${bucket.name} of ${span[i]}: ${stack[q]} ${QUAD[q].name.toLowerCase()}`)));
    }
  });
  const ticks = span.length === 1 ? [0] : [0, Math.floor((span.length - 1) / 2), span.length - 1];
  for (const i of ticks) {
    const anchor = i === 0 ? "start" : i === span.length - 1 ? "end" : "middle";
    svg.append(s("text", { x: PAD.left + i * step + step / 2, y: H - 6, class: "axis", "text-anchor": anchor }, span[i]));
  }
  container.append(svg, legend(`per ${bucket.name}`));
}

export function legend(note) {
  return h("div", { class: "legend" }, [1, 2, 3, 4].map((q) =>
    h("span", {}, h("i", { class: `swatch q${q}` }), QUAD[q].name)), note ? h("span", { class: "unit" }, note) : null);
}
