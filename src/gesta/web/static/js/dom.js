// Safe DOM building: text goes in as text nodes, never as HTML.
const SVG_NS = "http://www.w3.org/2000/svg";

function setAttrs(el, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.setAttribute("class", value);
    else if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// Only http(s) links from data; anything else (javascript:, data:) is dropped.
export function safeUrl(value) {
  try {
    const url = new URL(String(value));
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

export const QUAD = {
  1: { name: "Verbal cooperation", color: "#3f9d6b" },
  2: { name: "Material cooperation", color: "#2f7fc1" },
  3: { name: "Verbal conflict", color: "#e3a33b" },
  4: { name: "Material conflict", color: "#cf4a3f" },
};

export function quadTag(q) {
  const info = QUAD[q];
  return info ? h("span", { class: `tag q${q}` }, info.name) : null;
}

export function actorLabel(actor) {
  if (!actor) return "—";
  return actor.name || actor.text || actor.code;
}

export function fmt(n) {
  return Number(n || 0).toLocaleString("en");
}
