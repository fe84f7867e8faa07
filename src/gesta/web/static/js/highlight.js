// Text with marked spans (evidence sentences, trigger words), built from offsets, never from HTML.
import { h } from "./dom.js";

function inner(text, offset, trigger) {
  if (!trigger || trigger.start < offset || trigger.end > offset + text.length) return [text];
  const a = trigger.start - offset;
  const b = trigger.end - offset;
  return [text.slice(0, a), h("strong", { class: "trigger" }, text.slice(a, b)), text.slice(b)];
}

// spans: [{start, end, trigger?: {start, end}, cls?, id?}] in the coordinates of `text` (+ base).
export function highlighted(text, spans, base = 0) {
  const out = [];
  let at = 0;
  const sorted = [...spans].sort((x, y) => x.start - y.start);
  for (const span of sorted) {
    const start = span.start - base;
    const end = span.end - base;
    if (start < at || end > text.length || end <= start) continue;
    out.push(text.slice(at, start));
    const attrs = { class: span.cls || "evidence" };
    if (span.title) attrs.title = span.title;
    out.push(h("mark", attrs, inner(text.slice(start, end), span.start, span.trigger)));
    at = end;
  }
  out.push(text.slice(at));
  return out;
}
