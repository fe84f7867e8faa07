// The paste box: code an article on the server and show its events over the text at once.
import { post } from "./api.js";
import { h, clear, quadTag, actorLabel } from "./dom.js";
import { highlighted } from "./highlight.js";

function eventCard(record) {
  return h("li", { class: "event-card" },
    h("div", {}, quadTag(record.quad_class), " ",
      h("a", { href: `#/event/${encodeURIComponent(record.event_id)}`, class: "strong" },
        `${record.cameo.code} ${record.cameo.name}`)),
    h("div", {}, `${actorLabel(record.source)} → ${actorLabel(record.target)}`),
    h("div", { class: "muted" }, [record.date || "no date", record.location ? ` · ${record.location.name}` : "",
      record.plover ? ` · ${record.plover.type}` : ""]),
    h("div", { class: "muted evidence-cell" }, record.evidence.text));
}

function showResult(target, payload, result) {
  clear(target);
  const item = result.articles[0];
  if (item.status === "rejected") {
    target.append(h("p", { class: "error" }, `Not coded: ${item.error}`));
    return;
  }
  const events = item.events;
  const inText = events.filter((e) => e.evidence.field !== "title").map((e) => ({
    start: e.evidence.start, end: e.evidence.end, trigger: e.evidence.trigger,
    title: `${e.cameo.code} ${e.cameo.name}` }));
  const unique = [...new Map(inText.map((x) => [x.start, x])).values()];
  target.append(
    h("p", { class: "muted" }, `${events.length} event(s)`,
      item.status === "already_stored" ? " — this article was already in the store" : " — stored"),
    h("div", { class: "paste-columns" },
      h("div", { class: "article pasted" }, highlighted(payload.text, unique)),
      h("ul", { class: "plain events-found" }, events.length ? events.map(eventCard)
        : h("li", { class: "muted" }, "No events found in this text."))));
}

export function setupPaste({ onStored, needsToken }) {
  const dialog = document.getElementById("paste");
  const form = document.getElementById("paste-form");
  const status = document.getElementById("paste-status");
  const result = document.getElementById("paste-result");
  const button = document.getElementById("paste-submit");
  document.getElementById("open-paste").addEventListener("click", () => dialog.showModal());
  document.getElementById("close-paste").addEventListener("click", () => dialog.close());
  if (needsToken) document.getElementById("token-row").classList.remove("hidden");
  result.addEventListener("click", (event) => { if (event.target.closest("a")) dialog.close(); });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const payload = { text: String(data.get("text") || "") };
    for (const key of ["title", "published", "source"]) if (data.get(key)) payload[key] = String(data.get(key));
    payload.id = `pasted-${Date.now()}`;
    if (!payload.text.trim()) {
      status.textContent = "Paste some text first.";
      return;
    }
    button.disabled = true;
    status.textContent = "Coding… (the first article also loads the parser)";
    try {
      const answer = await post("articles", payload, String(data.get("token") || ""));
      status.textContent = "";
      showResult(result, payload, answer);
      onStored();
    } catch (err) {
      status.textContent = `Failed: ${err.message}`;
    } finally {
      button.disabled = false;
    }
  });
}
