// The event page: the article with the evidence highlighted, actors, codes, speakers, outlets.
import { get } from "./api.js";
import { h, clear, quadTag, actorLabel, safeUrl, fmt } from "./dom.js";
import { highlighted } from "./highlight.js";

function actorCard(role, actor) {
  if (!actor) return h("div", { class: "actor none" }, h("div", { class: "role" }, role), "not named");
  return h("div", { class: "actor" },
    h("div", { class: "role" }, role),
    h("div", { class: "actor-name" }, actorLabel(actor)),
    h("div", { class: "code" }, actor.code),
    h("div", { class: "muted" }, [actor.text !== actorLabel(actor) ? `“${actor.text}” · ` : "",
      actor.country || "no country", actor.sector ? ` · ${actor.sector}` : ""]));
}

function defs(pairs) {
  return h("dl", { class: "defs" }, pairs.filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}

function speakerChain(event) {
  const a = event.attribution;
  if (!a) return h("p", { class: "muted" }, "Reported by the outlet itself (no speaker named).");
  const steps = [h("span", { class: "chip" }, event.outlet || "outlet")];
  if (a.via) steps.push("→", h("span", { class: "chip" }, a.via));
  steps.push("→", h("span", { class: "chip strong" }, a.speaker ? `${actorLabel(a.speaker)} [${a.speaker.code}]` : "unnamed speaker"));
  steps.push(h("span", { class: "muted" }, ` ${a.cue ? `(“${a.cue}”)` : ""}`));
  return h("p", { class: "chain" }, steps);
}

function articleText(article, event) {
  const ev = event.evidence;
  const blocks = [];
  const title = article.title ? h("h3", { class: "article-title" }) : null;
  if (title) {
    const spans = ev.field === "title" ? [{ start: ev.start, end: ev.end, trigger: ev.trigger }] : [];
    title.append(...highlighted(article.title, spans));
    blocks.push(title);
  }
  let last = null;
  for (const sentence of article.sentences.filter((x) => x.field !== "title")) {
    if (last !== null && sentence.start > last + 2) blocks.push(h("p", { class: "gap" }, "…"));
    const mine = ev.field !== "title" && sentence.start === ev.start;
    const spans = mine ? [{ start: ev.start, end: ev.end, trigger: ev.trigger }] : [];
    blocks.push(h("p", { class: mine ? "sentence current" : "sentence" }, highlighted(sentence.text, spans, sentence.start)));
    last = sentence.end;
  }
  return blocks;
}

function mentionsTable(mentions) {
  return h("table", { class: "list compact" },
    h("thead", {}, h("tr", {}, ["Outlet", "Article", "Published", "Says", "Evidence"].map((c) => h("th", {}, c)))),
    h("tbody", {}, mentions.map((m) => {
      const url = safeUrl(m.url);
      return h("tr", {},
        h("td", {}, m.outlet || "—"),
        h("td", {}, url ? h("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, m.article_id) : m.article_id),
        h("td", {}, m.published || "—"),
        h("td", {}, m.denies ? h("span", { class: "tag deny" }, "denies") : h("span", { class: "tag assert" }, "asserts")),
        h("td", { class: "evidence-cell" }, m.evidence || ""));
    })));
}

export async function renderEvent(view, id) {
  clear(view).append(h("p", { class: "loading" }, "Loading event…"));
  let data;
  try {
    data = await get(`events/${encodeURIComponent(id)}`);
  } catch (err) {
    clear(view).append(h("div", { class: "card error" }, h("a", { href: "#/" }, "← back"), h("p", {}, err.message)));
    return;
  }
  const { event, merged, mentions, outlets, article } = data;
  const url = safeUrl(article.url);
  const loc = event.location;
  const dispute = merged.disputed
    ? h("div", { class: "dispute" }, h("strong", {}, "Disputed. "),
        `Asserted by ${(merged.asserted_by || []).join(", ") || "—"}; denied by ${(merged.denied_by || []).join(", ") || "—"}.`)
    : null;
  clear(view).append(h("div", { class: "event-page" },
    h("a", { href: "#/", class: "back" }, "← all events"),
    h("div", { class: "card event-head" },
      h("div", { class: "headline" }, quadTag(event.quad_class),
        h("h2", {}, `${event.cameo.code} · ${event.cameo.name}`)),
      h("p", { class: "muted" }, [event.date || event.published || "undated",
        loc ? ` · ${loc.name}${loc.country ? `, ${loc.country}` : ""}` : "",
        ` · ${fmt(merged.num_mentions)} mention(s) in ${fmt(merged.num_articles)} article(s) from ${fmt(merged.num_sources)} source(s)`]),
      dispute,
      h("div", { class: "actors" }, actorCard("Source", event.source), h("div", { class: "arrow" }, "→"),
        actorCard("Target", event.target))),
    h("div", { class: "event-grid" },
      h("section", { class: "card" }, h("h3", {}, "Article"),
        h("p", { class: "muted" }, [article.outlet || "unknown outlet", " · ", article.published || "no date", " · ",
          url ? h("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "original") : article.article_id]),
        h("div", { class: "article" }, articleText(article, event)),
        h("p", { class: "note" }, "The store keeps the sentences that hold events; “…” marks text in between.")),
      h("section", { class: "card" }, h("h3", {}, "Codes"),
        defs([["CAMEO", `${event.cameo.code} ${event.cameo.name} (root ${event.cameo.root})`],
          ["PLOVER", event.plover ? [event.plover.type, event.plover.mode, event.plover.context].filter(Boolean).join(" · ") : null],
          ["ACLED", event.acled ? [event.acled.event_type, event.acled.sub_event_type].filter(Boolean).join(" · ") : null],
          ["Goldstein", event.goldstein], ["Date", event.date ? `${event.date}${event.date_text ? ` (“${event.date_text}”)` : ""}` : null],
          ["Place", loc ? `${loc.name}${loc.admin1 ? `, ${loc.admin1}` : ""}${loc.country ? `, ${loc.country}` : ""}` : null],
          ["Fatalities", event.fatalities], ["Injured", event.injured], ["Size", event.size],
          ["Modality", Object.entries(event.modality || {}).filter(([, v]) => v).map(([k]) => k).join(", ") || "asserted"],
          ["Rule", event.rule], ["Decided by", event.decided_by]]),
        h("h3", {}, "Speaker chain"), speakerChain(event),
        h("h3", {}, "Outlets"), h("p", {}, outlets.length ? outlets.map((o) => h("span", { class: "chip" }, o)) : "—"),
        article.events.length > 1 ? [h("h3", {}, "Other events in this article"),
          h("ul", { class: "plain other-events" }, article.events.filter((e) => e.event_id !== event.event_id).map((e) =>
            h("li", {}, h("a", { href: `#/event/${encodeURIComponent(e.event_id)}` },
              `${e.cameo.code} ${e.cameo.name}: ${e.source || "—"} → ${e.target || "—"}`))))] : null)),
    h("section", { class: "card" }, h("h3", {}, `Mentions (${mentions.length})`), mentionsTable(mentions))));
}
