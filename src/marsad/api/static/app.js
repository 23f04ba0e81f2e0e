// marsad dashboard: a client of the JSON API. Untrusted text (articles, names) is only ever set with
// textContent / createTextNode / setAttribute on fixed attribute names: never innerHTML.
"use strict";

const I18N = {
  ar: {
    title: "مرصد", tab_events: "الأحداث", tab_timeline: "الخط الزمني", tab_network: "شبكة الفاعلين",
    tab_map: "الخريطة", tab_code: "ترميز نص", filters: "تصفية", actor: "الفاعل", dyad: "الثنائية", type: "النوع",
    modality: "الصيغة", since: "من", until: "إلى", search: "بحث", apply: "تطبيق", more: "المزيد", back: "رجوع",
    trigger: "المُطلِق", actors: "الفاعلون", place: "المكان", time: "الزمن", quantity: "الكمية",
    side_a: "الطرف الأول", side_b: "الطرف الثاني", show: "عرض", coop: "تعاون", conflict: "نزاع",
    goldstein: "متوسط غولدستاين", paste: "الصق نص خبر", date: "التاريخ", code_it: "رمّز", events_found: "حدثًا",
    source: "المصدر", target: "الهدف", cameo: "رمز CAMEO", evidence: "الدليل", confidence: "الثقة",
    no_events: "لا أحداث", located: "حدثًا على الخريطة", working: "جارٍ الترميز…", lang_switch: "English",
  },
  en: {
    title: "marsad", tab_events: "Events", tab_timeline: "Dyad timeline", tab_network: "Actor network",
    tab_map: "Map", tab_code: "Code a text", filters: "Filters", actor: "Actor", dyad: "Dyad", type: "Type",
    modality: "Modality", since: "Since", until: "Until", search: "Search", apply: "Apply", more: "More",
    back: "Back", trigger: "Trigger", actors: "Actors", place: "Place", time: "Time", quantity: "Quantity",
    side_a: "Side A", side_b: "Side B", show: "Show", coop: "Cooperation", conflict: "Conflict",
    goldstein: "Mean Goldstein", paste: "Paste a news text", date: "Date", code_it: "Code it",
    events_found: "events", source: "Source", target: "Target", cameo: "CAMEO code", evidence: "Evidence",
    confidence: "Confidence", no_events: "No events", located: "events on the map", working: "Coding…",
    lang_switch: "العربية",
  },
};
const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
  "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const MODALITIES = ["asserted", "negated", "intended", "planned", "hypothetical", "reported"];
let lang = "ar";
let cursor = null;
const $ = (sel) => document.querySelector(sel);
const t = (key) => (I18N[lang][key] || key);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v; else if (k === "text") node.textContent = v; else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}
const svgEl = (tag, attrs) => {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
};

// aria-busy marks a region while its data loads: screen readers wait, and the browser tests wait on it too.
async function busy(selector, work) {
  const node = $(selector);
  node.setAttribute("aria-busy", "true");
  try { return await work(); } finally { node.setAttribute("aria-busy", "false"); }
}

async function api(path, options) {
  const resp = await fetch(path, options);
  const body = await resp.json();
  if (!resp.ok) throw new Error(body.error ? body.error.message : resp.statusText);
  return body;
}

function applyLang() {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
  document.querySelectorAll("[data-i18n]").forEach((n) => { n.textContent = t(n.dataset.i18n); });
  $("#lang-toggle").textContent = t("lang_switch");
}

function show(view) {
  document.querySelectorAll(".view").forEach((s) => { s.hidden = s.id !== "view-" + view; });
  document.querySelectorAll("#tabs button").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.view === view)));
  if (view === "network") busy("#network-svg", drawNetwork);
  if (view === "map") busy("#map-svg", drawMap);
  if (view === "timeline") busy("#timeline-svg", drawTimeline);
}

const actorsText = (list) => list.map((a) => a.code).join(" + ") || "—";

function eventItem(ev) {
  const button = el("button", { type: "button", class: "event-item", "data-id": ev.id },
    el("span", { class: "badge q" + ev.quad_class, text: (ev.type || "CAMEO") + " " + ev.cameo }),
    el("bdi", { text: actorsText(ev.source) }), " → ", el("bdi", { text: actorsText(ev.target) }),
    " · ", el("span", { text: ev.modality }), " · ", el("span", { text: ev.date || "" }),
    el("br"), el("span", { dir: "auto", text: ev.evidence.text.slice(0, 180) }));
  button.addEventListener("click", () => openEvent(ev.id));
  return el("li", {}, button);
}

function filterParams() {
  const p = new URLSearchParams();
  for (const [id, key] of [["#f-actor", "actor"], ["#f-dyad", "dyad"], ["#f-type", "type"], ["#f-modality", "modality"],
    ["#f-since", "since"], ["#f-until", "until"], ["#f-q", "q"]]) {
    const v = $(id).value.trim();
    if (v) p.set(key, v);
  }
  return p;
}

function loadEvents(append) {
  return busy("#event-list", () => fetchEvents(append));
}

async function fetchEvents(append) {
  const p = filterParams();
  p.set("limit", "50");
  if (append && cursor) p.set("cursor", cursor);
  try {
    const page = await api("/v1/events?" + p.toString());
    if (!append) $("#event-list").replaceChildren();
    page.items.forEach((ev) => $("#event-list").append(eventItem(ev)));
    cursor = page.next_cursor;
    $("#more").hidden = !cursor;
    $("#event-count").textContent = page.total + " " + t("events_found");
  } catch (err) {
    $("#event-count").textContent = err.message;
  }
}

// Render the article with the evidence marked and, inside it, trigger/actors/place/time/quantities.
function renderArticle(text, ev) {
  const article = $("#article");
  article.replaceChildren();
  article.dir = /[\u0600-\u06FF]/.test(text.slice(0, 400)) ? "rtl" : "ltr";
  const e0 = ev.evidence.start, e1 = ev.evidence.end;
  const spans = [];
  const add = (s, cls) => { if (s && s.start != null && s.end > s.start) spans.push([Math.max(s.start, e0), Math.min(s.end, e1), cls]); };
  add(ev.trigger, "hl-trigger");
  (ev.source || []).concat(ev.target || []).forEach((a) => add(a, "hl-actor"));
  if (ev.time && ev.time.start != null) add(ev.time, "hl-time");
  (ev.quantities || []).forEach((q) => add(q, "hl-quantity"));
  if (ev.location && ev.location_span) add(ev.location_span, "hl-place");
  (ev.place_spans || []).forEach((s) => add(s, "hl-place"));
  const cuts = new Set([e0, e1]);
  spans.forEach(([a, b]) => { if (a < b) { cuts.add(a); cuts.add(b); } });
  const points = [...cuts].filter((x) => x >= e0 && x <= e1).sort((a, b) => a - b);
  article.append(document.createTextNode(text.slice(0, e0)));
  const mark = el("mark", { class: "hl-evidence", id: "evidence" });
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const classes = spans.filter(([s0, s1]) => s0 <= a && b <= s1).map((s) => s[2]);
    const piece = text.slice(a, b);
    mark.append(classes.length ? el("span", { class: [...new Set(classes)].join(" "), text: piece }) : document.createTextNode(piece));
  }
  article.append(mark, document.createTextNode(text.slice(e1)));
}

async function openEvent(id) {
  try {
    const ev = await api("/v1/events/" + encodeURIComponent(id));
    show("event");
    $("#event-title").textContent = (ev.type || "CAMEO") + " · " + ev.cameo + " · " + (ev.date || "");
    const facts = $("#event-facts");
    facts.replaceChildren();
    const fact = (k, v) => facts.append(el("dt", { text: t(k) }), el("dd", {}, el("bdi", { text: v })));
    fact("source", actorsText(ev.source));
    fact("target", actorsText(ev.target));
    fact("modality", ev.modality);
    fact("place", ev.location ? ev.location.name : "—");
    fact("time", ev.time ? (ev.time.value || ev.time.text || "—") : "—");
    fact("confidence", String(ev.confidence));
    const doc = ev.document || { text: "" };
    // the place of the event: its mention inside the evidence, when the document lists it
    const placeSpans = [];
    (ev.entities || doc.entities || []).forEach((en) => {
      if (ev.location && en.id === ev.location.entity) (en.mentions || []).forEach((m) => placeSpans.push(m));
    });
    ev.place_spans = placeSpans;
    renderArticle(doc.text || "", ev);
    $("#back").focus();
  } catch (err) {
    $("#event-count").textContent = err.message;
  }
}

async function drawTimeline() {
  const a = $("#t-a").value.trim().toUpperCase(), b = $("#t-b").value.trim().toUpperCase();
  const svg = $("#timeline-svg");
  svg.replaceChildren();
  const table = $("#timeline-table");
  table.replaceChildren();
  let rows;
  try { rows = (await api("/v1/dyads?by=month")).items; } catch (err) { table.append(el("caption", { text: err.message })); return; }
  const mine = rows.filter((r) => (r.source === a && r.target === b) || (r.source === b && r.target === a));
  const byPeriod = new Map();
  mine.forEach((r) => {
    const k = String(r.period).slice(0, 7);
    const cur = byPeriod.get(k) || { coop: 0, conf: 0, n: 0, g: 0 };
    cur.coop += (r.q1 || 0) + (r.q2 || 0); cur.conf += (r.q3 || 0) + (r.q4 || 0);
    cur.g += (r.goldstein_mean || 0) * r.events; cur.n += r.events;
    byPeriod.set(k, cur);
  });
  const periods = [...byPeriod.keys()].sort();
  table.append(el("tr", {}, el("th", { text: "" }), el("th", { text: t("coop") }), el("th", { text: t("conflict") }), el("th", { text: t("goldstein") })));
  periods.forEach((p) => { const v = byPeriod.get(p); table.append(el("tr", {}, el("td", { text: p }), el("td", { text: v.coop }), el("td", { text: v.conf }), el("td", { text: (v.g / v.n).toFixed(2) }))); });
  if (!periods.length) { table.append(el("caption", { text: t("no_events") })); return; }
  const W = 900, H = 320, pad = 40;
  const max = Math.max(...periods.map((p) => Math.max(byPeriod.get(p).coop, byPeriod.get(p).conf)), 1);
  const bw = (W - 2 * pad) / periods.length;
  periods.forEach((p, i) => {
    const v = byPeriod.get(p), x = pad + i * bw;
    const hc = (H / 2 - pad) * v.coop / max, hf = (H / 2 - pad) * v.conf / max;
    svg.append(svgEl("rect", { x: x + 2, y: H / 2 - hc, width: Math.max(bw / 2 - 3, 2), height: hc, fill: "var(--coop)", class: "bar-coop" }));
    svg.append(svgEl("rect", { x: x + bw / 2, y: H / 2, width: Math.max(bw / 2 - 3, 2), height: hf, fill: "var(--conf)", class: "bar-conf" }));
    const label = svgEl("text", { x: x + 2, y: H - 8, "font-size": 10 });
    label.textContent = p;
    svg.append(label);
  });
  const pts = periods.map((p, i) => { const v = byPeriod.get(p); return [pad + i * bw + bw / 2, H / 2 - (H / 2 - pad) * (v.g / v.n) / 10]; });
  svg.append(svgEl("polyline", { points: pts.map((q) => q.join(",")).join(" "), fill: "none", stroke: "var(--gold)", "stroke-width": 2, class: "goldstein-line" }));
  svg.append(svgEl("line", { x1: pad, x2: W - pad, y1: H / 2, y2: H / 2, stroke: "#999" }));
}

async function drawNetwork() {
  const svg = $("#network-svg");
  svg.replaceChildren();
  let net;
  try { net = await api("/v1/network"); } catch (err) { return; }
  const nodes = net.nodes.slice(0, 40), W = 900, H = 600, R = 240;
  const pos = new Map();
  nodes.forEach((n, i) => { const a = 2 * Math.PI * i / nodes.length; pos.set(n.id, [W / 2 + R * Math.cos(a), H / 2 + R * Math.sin(a)]); });
  const maxW = Math.max(...net.edges.map((e) => e.weight), 1);
  net.edges.forEach((e) => {
    if (!pos.has(e.source) || !pos.has(e.target)) return;
    const [x1, y1] = pos.get(e.source), [x2, y2] = pos.get(e.target);
    svg.append(svgEl("line", { x1, y1, x2, y2, stroke: e.goldstein_mean >= 0 ? "var(--coop)" : "var(--conf)", "stroke-width": 1 + 5 * e.weight / maxW, "stroke-opacity": 0.6, class: "edge" }));
  });
  const maxN = Math.max(...nodes.map((n) => n.events), 1);
  nodes.forEach((n) => {
    const [x, y] = pos.get(n.id);
    const g = svgEl("g", { class: "node", tabindex: 0 });
    g.append(svgEl("circle", { cx: x, cy: y, r: 4 + 14 * Math.sqrt(n.events / maxN) }));
    const label = svgEl("text", { x: x + 10, y: y - 10 });
    label.textContent = n.id;
    const title = svgEl("title", {});
    title.textContent = n.id + ": " + n.events;
    g.append(label, title);
    svg.append(g);
  });
}

let world = null;
async function drawMap() {
  const svg = $("#map-svg");
  svg.replaceChildren();
  const W = 960, H = 500;
  const proj = ([lon, lat]) => [(lon + 180) / 360 * W, (90 - lat) / 180 * H];
  if (!world) world = await (await fetch("/static/vendor/countries-110m.json")).json();
  const land = topojson.feature(world, world.objects.countries);
  land.features.forEach((f) => {
    const polys = f.geometry ? (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates) : [];
    const d = polys.map((poly) => poly.map((ring) => "M" + ring.map((c) => proj(c).map((v) => v.toFixed(1)).join(",")).join("L") + "Z").join("")).join("");
    svg.append(svgEl("path", { d, class: "country" }));
  });
  let items = [];
  try { items = (await api("/v1/events?limit=1000&" + filterParams().toString())).items; } catch (err) { items = []; }
  let n = 0;
  items.forEach((ev) => {
    if (!ev.location || ev.location.lat == null) return;
    const [x, y] = proj([ev.location.lon, ev.location.lat]);
    const c = svgEl("circle", { cx: x, cy: y, r: 4, class: "point", tabindex: 0 });
    const title = svgEl("title", {});
    title.textContent = (ev.type || ev.cameo) + " · " + ev.location.name;
    c.append(title);
    c.addEventListener("click", () => openEvent(ev.id));
    c.addEventListener("keydown", (e) => { if (e.key === "Enter") openEvent(ev.id); });
    svg.append(c);
    n++;
  });
  $("#map-count").textContent = n + " " + t("located");
}

function codeText() {
  return busy("#code-results", runCode);
}

async function runCode() {
  const text = $("#code-text").value;
  const date = $("#code-date").value || null;
  $("#code-status").textContent = t("working");
  $("#code-results").replaceChildren();
  try {
    const doc = await api("/v1/code", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text, date }) });
    $("#code-status").textContent = doc.events.length + " " + t("events_found");
    doc.events.forEach((ev) => {
      $("#code-results").append(el("li", { class: "coded-event" },
        el("span", { class: "badge q" + ev.quad_class, text: (ev.type || "CAMEO") + " " + ev.cameo }),
        el("bdi", { text: actorsText(ev.source) }), " → ", el("bdi", { text: actorsText(ev.target) }),
        " · ", el("span", { text: ev.modality }), " · ",
        el("q", { class: "coded-trigger", dir: "auto", text: ev.trigger.text })));
    });
  } catch (err) {
    $("#code-status").textContent = err.message;
  }
}

function init() {
  TYPES.forEach((x) => $("#f-type").append(el("option", { value: x, text: x })));
  MODALITIES.forEach((x) => $("#f-modality").append(el("option", { value: x, text: x })));
  document.querySelectorAll("#tabs button").forEach((b) => b.addEventListener("click", () => show(b.dataset.view)));
  $("#lang-toggle").addEventListener("click", () => { lang = lang === "ar" ? "en" : "ar"; applyLang(); });
  $("#filters").addEventListener("submit", (e) => { e.preventDefault(); loadEvents(false); });
  $("#more").addEventListener("click", () => loadEvents(true));
  $("#back").addEventListener("click", () => show("events"));
  $("#timeline-form").addEventListener("submit", (e) => { e.preventDefault(); busy("#timeline-svg", drawTimeline); });
  $("#code-run").addEventListener("click", codeText);
  applyLang();
  loadEvents(false);
}
document.addEventListener("DOMContentLoaded", init);
