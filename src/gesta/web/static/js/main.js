// The dashboard: filters in the URL hash, map, timeline, network, event list, event page.
import { get } from "./api.js";
import { h, clear, quadTag, actorLabel, fmt } from "./dom.js";
import { drawMap } from "./map.js";
import { drawTimeline } from "./timeline.js";
import { drawNetwork } from "./network.js";
import { renderEvent } from "./event.js";
import { setupPaste } from "./paste.js";

const FIELDS = ["since", "until", "country", "actor", "cameo", "plover", "acled", "q"];
const PAGE = 25;
const view = document.getElementById("view");
const form = document.getElementById("filters");

function currentFilters() {
  const hash = location.hash.startsWith("#/?") ? location.hash.slice(3) : "";
  const params = new URLSearchParams(hash);
  for (const key of [...params.keys()]) if (!FIELDS.includes(key) || !params.get(key)) params.delete(key);
  return params;
}

function go(params) {
  location.hash = `#/?${params}`;
}

function setFilter(key, value) {
  const params = currentFilters();
  if (value) params.set(key, value); else params.delete(key);
  go(params);
}

function fillForm(params) {
  for (const name of FIELDS) form.elements[name].value = params.get(name) || "";
}

async function fillMenus() {
  const meta = await get("meta");
  const add = (select, items) => select.append(...items.map(([v, t]) => h("option", { value: v }, t)));
  add(form.elements.cameo, meta.cameo_roots.map((r) => [r.code, `${r.code} ${r.name}`]));
  add(form.elements.plover, meta.plover_types.map((t) => [t, t]));
  add(form.elements.acled, meta.acled_types.map((t) => [t, t]));
}

function totalsBar(totals) {
  const box = clear(document.getElementById("totals"));
  const item = (n, label) => h("span", { class: "total" }, h("b", {}, fmt(n)), ` ${label}`);
  box.append(item(totals.events, "events"), item(totals.merged_events, "merged"), item(totals.articles, "articles"),
    totals.first_day ? h("span", { class: "total muted" }, `${totals.first_day} – ${totals.last_day}`) : null);
}

function eventRow(e) {
  const open = () => { location.hash = `#/event/${encodeURIComponent(e.event_id)}`; };
  return h("tr", { class: "clickable", tabindex: 0, "data-event": e.event_id, onclick: open,
                   onkeydown: (ev) => { if (ev.key === "Enter") open(); } },
    h("td", { class: "nowrap" }, e.date || e.published || "—"),
    h("td", {}, quadTag(e.quad_class)),
    h("td", {}, h("span", { class: "code" }, e.cameo.code), " ", e.cameo.name),
    h("td", {}, actorLabel(e.source), h("span", { class: "muted" }, " → "), actorLabel(e.target)),
    h("td", {}, e.location ? `${e.location.name}${e.location.country ? `, ${e.location.country}` : ""}` : "—"),
    h("td", {}, e.outlet || "—"),
    h("td", { class: "num" }, e.num_sources ?? "", e.disputed ? h("span", { class: "tag deny" }, "disputed") : null));
}

function eventTable(list, params) {
  const body = h("tbody", {});
  const more = h("button", { type: "button", class: "ghost" }, "Load more");
  let cursor = null;
  const load = async () => {
    const query = new URLSearchParams(params);
    query.set("limit", PAGE);
    if (cursor) query.set("cursor", cursor);
    more.disabled = true;
    const page = await get("events", query);
    body.append(...page.events.map(eventRow));
    cursor = page.next_cursor;
    more.disabled = false;
    more.hidden = !cursor;
    if (!body.children.length) body.append(h("tr", {}, h("td", { colspan: 7, class: "empty" }, "No events match these filters.")));
  };
  list.append(h("table", { class: "list", id: "event-table" },
    h("thead", {}, h("tr", {}, ["Date", "Class", "Event", "Source → target", "Place", "Outlet", "Sources"]
      .map((c) => h("th", {}, c)))), body), h("div", { class: "more" }, more));
  more.addEventListener("click", load);
  return load();
}

let routeToken = 0;  // a newer navigation makes older renders stop at their next await

async function renderDashboard(token) {
  const params = currentFilters();
  fillForm(params);
  const card = (id, title, extra) => h("section", { class: `card ${id}` }, h("h2", {}, title, extra || null),
    h("div", { id, class: "chart" }, h("p", { class: "loading" }, "Loading…")));
  clear(view).append(h("div", { class: "grid" },
    card("map", "Where", h("span", { class: "hint" }, "click a country to filter")),
    card("timeline", "When"),
    card("types", "What"),
    card("network", "Who with whom", h("span", { class: "hint" }, "top dyads; click an actor to filter")),
    card("actors", "Most active actors"),
    h("section", { class: "card events" }, h("h2", {}, "Events"), h("div", { id: "event-list" }))));
  const [stats, actors] = await Promise.all([get("stats", params), get("actors", params)]);
  if (token !== routeToken) return;
  totalsBar(stats.totals);
  const datalist = clear(document.getElementById("country-list"));
  datalist.append(...stats.by_country.filter((r) => r.country).map((r) => h("option", { value: r.country }, `${r.events} events`)));
  await Promise.all([
    drawMap(document.getElementById("map"), stats, { onCountry: (c) => setFilter("country", c), selected: params.get("country") }),
    eventTable(document.getElementById("event-list"), params),
  ]);
  if (token !== routeToken) return;
  drawTimeline(document.getElementById("timeline"), stats);
  drawTypes(document.getElementById("types"), stats);
  drawNetwork(document.getElementById("network"), actors, { onActor: (a) => setFilter("actor", a) });
  drawActors(document.getElementById("actors"), actors);
  document.body.dataset.ready = "dashboard";
}

function bars(box, rows, empty) {
  const max = Math.max(1, ...rows.map((r) => r.events));
  clear(box).append(rows.length ? h("ul", { class: "bars" }, rows.map((r) => h("li", {},
    h("button", { type: "button", class: "link", title: r.title || r.label, onclick: r.onclick }, r.label,
      r.sub ? h("span", { class: "sub" }, r.sub) : null),
    h("span", { class: "bar" }, h("span", { class: "fill", "data-w": r.events / max })),
    h("span", { class: "num" }, fmt(r.events))))) : h("p", { class: "empty" }, empty));
  for (const fill of box.querySelectorAll(".fill")) fill.style.width = `${(Number(fill.dataset.w) * 100).toFixed(1)}%`;
}

function drawTypes(box, stats) {
  bars(box, stats.by_plover.filter((r) => r.plover_type).slice(0, 8).map((r) => ({
    label: r.plover_type, events: r.events, onclick: () => setFilter("plover", r.plover_type) })), "No PLOVER types.");
}

function drawActors(box, data) {
  bars(box, data.actors.slice(0, 10).map((a) => ({
    label: data.names[a.code] || a.code, sub: a.code, events: a.events,
    title: `${a.code}: ${a.as_source} as source, ${a.as_target} as target`,
    onclick: () => setFilter("actor", a.code) })), "No actors.");
}

async function route() {
  const token = ++routeToken;
  delete document.body.dataset.ready;
  const match = location.hash.match(/^#\/event\/(.+)$/);
  try {
    if (match) {
      form.classList.add("dim");
      await renderEvent(view, decodeURIComponent(match[1]));
      if (token !== routeToken) return;
      document.body.dataset.ready = "event";
    } else {
      form.classList.remove("dim");
      await renderDashboard(token);
      if (token !== routeToken) return;
    }
    window.scrollTo(0, 0);
  } catch (err) {
    if (token !== routeToken) return;
    clear(view).append(h("div", { class: "card error" }, `Could not load: ${err.message}`));
    document.body.dataset.ready = "error";
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const params = new URLSearchParams();
  for (const name of FIELDS) {
    const value = String(form.elements[name].value || "").trim();
    if (value) params.set(name, name === "country" ? value.toUpperCase() : value);
  }
  go(params);
});
document.getElementById("reset").addEventListener("click", () => go(new URLSearchParams()));
window.addEventListener("hashchange", route);

(async () => {
  const health = await get("health").catch(() => ({}));
  setupPaste({ onStored: () => { if (!location.hash.startsWith("#/event/")) route(); }, needsToken: !!health.auth_required_for_writes });
  await fillMenus().catch(() => {});
  await route();
})();
