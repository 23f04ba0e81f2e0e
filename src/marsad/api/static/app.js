// marsad dashboard: a client of the JSON API, nothing more. Untrusted text (articles, names, titles, URLs) is only
// ever set with textContent / createTextNode / setAttribute on fixed attribute names: never innerHTML, never eval.
// The page is served with a Content-Security-Policy that allows scripts from this origin only.
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
    arrow: "←", quad: "الفئة الرباعية", rule: "القاعدة", article: "المقال", places: "موقعًا",
    filtered: "(حسب التصفية الحالية)", clear: "مسح", period: "الشهر", events: "أحداث", network_hint:
    "حجم العقدة: عدد الأحداث؛ لون الخط: أزرق للتعاون وأحمر للنزاع. اضغط عقدة لتصفية الأحداث.",
    map_hint: "اضغط نقطة لعرض أحداث ذلك المكان.", loading: "جارٍ التحميل…", reset: "إعادة ضبط",
    m_asserted: "مؤكَّد", m_negated: "منفي", m_intended: "نيّة", m_planned: "مخطَّط", m_hypothetical: "افتراضي",
    m_reported: "منقول", goldstein_one: "غولدستاين", newest: "الأحدث", min_confidence: "الحد الأدنى للثقة",
    // commands inside Arabic text sit in left-to-right isolates (U+2066 ... U+2069), or "--ner" would read "ner--"
    tab_unlinked: "أسماء جديدة", unlinked_hint: "أكثر الأسماء تكرارًا مما لا تعرفه قاعدة المعرفة (يحفظها "
    + "\u2066marsad ingest --ner\u2069). اضغط اسمًا لعرض الأحداث التي يرد فيها؛ \u2066marsad kb suggest\u2069 "
    + "يكتب لها مسودات سجلات.", name: "الاسم", kind: "النوع",
    sector: "القطاع", docs: "وثائق", mentions: "إشارات", first: "أول ظهور", last: "آخر ظهور",
    k_person: "شخص", k_organization: "منظمة", k_place: "مكان", unlinked_of: "من", no_unlinked:
    "لا أسماء جديدة في هذا المخزن (يحفظها \u2066marsad ingest --ner\u2069)",
    download_csv: "تنزيل CSV", code_legend: "دليل رموز الفاعلين", code_legend_hint: "رمز الفاعل بلدٌ (أو بادئة دولية، و---: لم يُذكر بلد) "
    + "تليه قطاعات من ثلاثة أحرف ثم رمز المنظمة إن وُجد؛ مرّر المؤشر فوق رمز لترى اسمه.", code: "الرمز",
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
    lang_switch: "العربية", arrow: "→", quad: "QuadClass", rule: "Rule", article: "Article", places: "places",
    filtered: "(current filters apply)", clear: "Clear", period: "Month", events: "events", network_hint:
    "Node size: number of events; edge colour: blue cooperation, red conflict. Press a node to filter the events.",
    map_hint: "Press a point to list the events at that place.", loading: "Loading…", reset: "Reset",
    m_asserted: "asserted", m_negated: "negated", m_intended: "intended", m_planned: "planned",
    m_hypothetical: "hypothetical", m_reported: "reported", goldstein_one: "Goldstein", newest: "newest",
    min_confidence: "Minimum confidence",
    tab_unlinked: "New names", unlinked_hint: "The most frequent names the knowledge base does not know (ingest "
    + "with --ner). Press a name to list the events that mention it; marsad kb suggest drafts KB records for them.",
    name: "Name", kind: "Kind", sector: "Sector", docs: "Documents", mentions: "Mentions", first: "First seen",
    last: "Last seen", k_person: "person", k_organization: "organization", k_place: "place", unlinked_of: "of",
    no_unlinked: "No new names in this store (marsad ingest --ner stores them)",
    download_csv: "Download CSV", code_legend: "Actor code legend", code_legend_hint: "An actor code is a country (or an international prefix; "
    + "--- when no country is named), then 3-letter sectors, then an organization's code if any; hover a code "
    + "to see its name.", code: "Code",
  },
};
const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
  "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const MODALITIES = ["asserted", "negated", "intended", "planned", "hypothetical", "reported"];
const FILTERS = [["#f-actor", "actor"], ["#f-dyad", "dyad"], ["#f-type", "type"], ["#f-modality", "modality"],
  ["#f-place", "place"], ["#f-since", "since"], ["#f-until", "until"], ["#f-q", "q"]];
// A bar on what is shown rather than a choice of events: sent with the filters (list and map), kept when a network
// node or a map point replaces the filters, cleared only by "reset".
const BARS = [["#f-min-confidence", "min_confidence"]];

// Arabic first; ?lang=en opens the English interface (a link can carry the choice)
let lang = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "ar";
let view = "events";
const state = { items: [], total: null, cursor: null, error: null, event: null, coded: null, codeError: null, codedPick: 0, unlinked: null, unlinkedError: null };
const $ = (sel) => document.querySelector(sel);
const t = (key) => (I18N[lang][key] ?? key);
const modalityLabel = (m) => (m ? t("m_" + m) : "—");

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null) continue;
    if (k === "class") node.className = v; else if (k === "text") node.textContent = v; else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}
const svgEl = (tag, attrs, text) => {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text != null) node.textContent = text;
  return node;
};

// aria-busy marks a region while its data loads: screen readers wait for it, and so do the browser tests.
// Overlapping loads of one region are counted, so it is not "done" while a later load is still running.
const pending = new Map();
async function busy(selector, work) {
  const node = $(selector);
  pending.set(selector, (pending.get(selector) || 0) + 1);
  node.setAttribute("aria-busy", "true");
  try { return await work(); } finally {
    const left = pending.get(selector) - 1;
    pending.set(selector, left);
    if (left === 0) node.setAttribute("aria-busy", "false");
  }
}

// Each drawing takes a ticket; a drawing whose data arrives after a newer one started is dropped.
const tickets = {};
const ticket = (name) => { tickets[name] = (tickets[name] || 0) + 1; const mine = tickets[name]; return () => tickets[name] !== mine; };

async function api(path, options) {
  const resp = await fetch(path, options);
  let body = null;
  try { body = await resp.json(); } catch (err) { body = null; }
  if (!resp.ok) throw new Error(body && body.error ? body.error.message : resp.status + " " + resp.statusText);
  return body;
}

// one line for a failure that belongs to no list (an event that cannot be opened)
function notice(message) {
  $("#notice").textContent = message || "";
  $("#notice").hidden = !message;
}

// ---- language ----------------------------------------------------------------------------------------------------
function applyLang() {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
  document.querySelectorAll("[data-i18n]").forEach((n) => { n.textContent = t(n.dataset.i18n); });
  $("#lang-toggle").textContent = t("lang_switch");
  $("#lang-toggle").setAttribute("lang", lang === "ar" ? "en" : "ar");
  document.querySelectorAll("#f-modality option[value]").forEach((o) => { if (o.value) o.textContent = modalityLabel(o.value); });
  // everything drawn from data carries words too: draw it again from what is already loaded
  renderEvents();
  if (state.event) renderEvent(state.event);
  renderCoded();
  if (view === "timeline") busy("#timeline-svg", drawTimeline);
  if (view === "map") busy("#map-svg", drawMap);
  if (view === "unlinked") renderUnlinked();
  if (legendRows) fillLegend();
}

function show(next) {
  view = next;
  document.querySelectorAll(".view").forEach((s) => { s.hidden = s.id !== "view-" + next; });
  document.querySelectorAll("#tabs button").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.view === next)));
  if (next === "network") busy("#network-svg", drawNetwork);
  if (next === "map") busy("#map-svg", drawMap);
  if (next === "timeline") busy("#timeline-svg", drawTimeline);
  if (next === "unlinked") busy("#unlinked-table", loadUnlinked);
}

// ---- events list -------------------------------------------------------------------------------------------------
const actorsText = (list) => (list || []).map((a) => a.code).join(" + ") || "—";
// the name of an actor code in the interface language (the API decodes every code: marsad.kb.codes)
const actorName = (a) => (a ? (lang === "ar" ? a.name_ar || a.name : a.name || a.name_ar) || null : null);
// a place in the interface language: the API gives location.name_ar when the KB has an Arabic name
const placeName = (loc) => (loc ? (lang === "ar" && loc.name_ar ? loc.name_ar : loc.name) : "");
const namedText = (list) => (list || []).map((a) => a.code + (actorName(a) ? " (" + actorName(a) + ")" : "")).join(" + ") || "—";

// each code of a side, its name on hover (title) for the list lines
function codesOf(list) {
  const out = [];
  (list || []).forEach((a, i) => {
    if (i) out.push(" + ");
    out.push(el("abbr", { class: "code", title: actorName(a), text: a.code }));
  });
  if (!out.length) out.push("—");
  return out;
}

// "SRC → TGT" in one left-to-right island, so the arrow points from source to target in both page directions
function dyadLine(ev) {
  return el("bdi", { class: "dyad", dir: "ltr" }, ...codesOf(ev.source), " → ", ...codesOf(ev.target));
}

function badge(ev) {
  return el("span", { class: "badge q" + ev.quad_class, dir: "ltr", text: (ev.type || "CAMEO") + " " + ev.cameo });
}

// the evidence sentence with the trigger in bold (offsets are into the article; the evidence starts at its start)
function snippet(ev, max) {
  const text = ev.evidence.text || "";
  const node = el("span", { class: "snippet", dir: "auto" });
  const a = ev.trigger.start - ev.evidence.start, b = ev.trigger.end - ev.evidence.start;
  if (a >= 0 && b <= text.length && a < b && a < max) {
    node.append(text.slice(0, a), el("b", { class: "snippet-trigger", text: text.slice(a, b) }),
      text.slice(b, Math.max(b, max)) + (text.length > max ? "…" : ""));
  } else {
    node.append(text.slice(0, max) + (text.length > max ? "…" : ""));
  }
  return node;
}

function eventItem(ev) {
  const button = el("button", { type: "button", class: "event-item", "data-id": ev.id },
    el("span", { class: "event-head" }, badge(ev), dyadLine(ev),
      el("span", { class: "modality m-" + ev.modality, text: modalityLabel(ev.modality) }),
      el("span", { class: "date", dir: "ltr", text: ev.date || "" }),
      ev.location ? el("span", { class: "where", dir: "auto", text: placeName(ev.location) }) : ""),
    snippet(ev, 220));
  button.addEventListener("click", () => openEvent(ev.id));
  return el("li", {}, button);
}

function renderEvents() {
  const list = $("#event-list");
  list.replaceChildren(...state.items.map(eventItem));
  $("#more").hidden = !state.cursor;
  $("#download-csv").disabled = !state.items.length;
  $("#event-count").textContent = state.error ? state.error
    : (state.total == null ? "" : state.total + " " + t("events_found"));
}

function filterParams() {
  const p = new URLSearchParams();
  for (const [id, key] of FILTERS.concat(BARS)) {
    const v = $(id).value.trim();
    if (v) p.set(key, v);
  }
  return p;
}

// The filters live in the page address (?actor=IRQ&type=ASSAULT...): a reload, a bookmark or a shared link opens
// the same list. The event page's #event=ID and the interface language (?lang=en) are kept beside them.
function writeFiltersToUrl() {
  const p = filterParams();
  if (lang === "en") p.set("lang", "en");
  const query = p.toString();
  const next = location.pathname + (query ? "?" + query : "") + location.hash;
  if (next !== location.pathname + location.search + location.hash) history.replaceState(history.state, "", next);
}

function readFiltersFromUrl() {
  const p = new URLSearchParams(location.search);
  for (const [id, key] of FILTERS.concat(BARS)) {
    const v = p.get(key);
    if (v != null) $(id).value = v;
  }
}

// What is on screen as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Arabic): one row per
// listed event, every source and target with its name.
const CSV_COLUMNS = ["id", "date", "type", "cameo", "quad_class", "goldstein", "modality", "source_codes",
  "source_names", "target_codes", "target_names", "location", "location_country", "confidence", "evidence", "title", "url"];
function csvCell(v) {
  const s = v == null ? "" : String(v);
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}
function eventsCsv(items) {
  const names = (list) => (list || []).map((a) => actorName(a) || a.code).join(";");
  const codes = (list) => (list || []).map((a) => a.code).join(";");
  const rows = items.map((ev) => [ev.id, ev.date, ev.type, ev.cameo, ev.quad_class, ev.goldstein, ev.modality,
    codes(ev.source), names(ev.source), codes(ev.target), names(ev.target), ev.location && ev.location.name,
    ev.location && ev.location.country, ev.confidence, ev.evidence && ev.evidence.text, ev.title, ev.url]);
  return "\ufeff" + [CSV_COLUMNS].concat(rows).map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
function downloadCsv() {
  const blob = new Blob([eventsCsv(state.items)], { type: "text/csv;charset=utf-8" });
  const a = el("a", { href: URL.createObjectURL(blob), download: "marsad-events.csv" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function loadEvents(append) {
  return busy("#event-list", async () => {
    const stale = ticket("events");
    const p = filterParams();
    p.set("limit", "50");
    if (append && state.cursor) p.set("cursor", state.cursor);
    if (!append) writeFiltersToUrl();
    try {
      const page = await api("/v1/events?" + p.toString());
      if (stale()) return;
      state.items = append ? state.items.concat(page.items) : page.items;
      state.cursor = page.next_cursor;
      state.total = page.total;
      state.error = null;
    } catch (err) {
      if (stale()) return;
      state.items = []; state.cursor = null; state.total = null; state.error = err.message;
    }
    renderEvents();
  });
}

function filterBy(key, value) {
  FILTERS.forEach(([id]) => { $(id).value = ""; });
  $("#f-" + key).value = value;
  show("events");
  return loadEvents(false);
}

// ---- event page --------------------------------------------------------------------------------------------------
// Where the event's time is written: the store keeps its text, not its offsets, so look for that text inside the
// evidence, nearest to the trigger.
function timeSpan(ev, text) {
  if (!ev.time) return null;
  if (ev.time.start != null && ev.time.end != null) return ev.time;
  const needle = ev.time.text;
  if (!needle) return null;
  let best = null;
  for (let i = text.indexOf(needle, ev.evidence.start); i >= 0 && i + needle.length <= ev.evidence.end;
    i = text.indexOf(needle, i + 1)) {
    if (!best || Math.abs(i - ev.trigger.start) < Math.abs(best.start - ev.trigger.start)) best = { start: i, end: i + needle.length };
  }
  return best;
}

// the mentions of the event's place (its entity) in the document
function placeSpans(ev) {
  const out = [];
  if (!ev.location || !ev.location.entity) return out;
  (ev.entities || (ev.document && ev.document.entities) || []).forEach((en) => {
    if (en.id === ev.location.entity) (en.mentions || []).forEach((m) => out.push(m));
  });
  return out;
}

// Render the article with the evidence marked and, inside it, trigger/actors/place/time/quantities.
// The event page's evidence mark carries id="evidence"; the code view's does not (ids are unique).
function renderArticle(text, ev, article = $("#article"), markId = "evidence") {
  article.replaceChildren();
  article.dir = /[\u0600-\u06FF]/.test(text.slice(0, 400)) ? "rtl" : "ltr";
  const e0 = ev.evidence.start, e1 = ev.evidence.end;
  const spans = [];
  const add = (s, cls) => {
    if (!s || s.start == null || s.end == null) return;
    const a = Math.max(s.start, e0), b = Math.min(s.end, e1);
    if (a < b) spans.push([a, b, cls]);
  };
  add(ev.trigger, "hl-trigger");
  (ev.source || []).concat(ev.target || []).forEach((a) => add(a, "hl-actor"));
  add(timeSpan(ev, text), "hl-time");
  (ev.quantities || []).forEach((q) => add(q, "hl-quantity"));
  placeSpans(ev).forEach((s) => add(s, "hl-place"));
  const cuts = new Set([e0, e1]);
  spans.forEach(([a, b]) => { cuts.add(a); cuts.add(b); });
  const points = [...cuts].sort((a, b) => a - b);
  article.append(document.createTextNode(text.slice(0, e0)));
  const mark = el("mark", { class: "hl-evidence", id: markId });
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    // the trigger wins over the other roles where they overlap, so its highlight is the trigger's text exactly
    const classes = [...new Set(spans.filter(([s0, s1]) => s0 <= a && b <= s1).map((s) => s[2]))];
    const piece = text.slice(a, b);
    mark.append(classes.length ? el("span", { class: classes.includes("hl-trigger") ? "hl-trigger" : classes.join(" "), text: piece })
      : document.createTextNode(piece));
  }
  article.append(mark, document.createTextNode(text.slice(e1)));
}

function renderEvent(ev) {
  $("#event-title").replaceChildren(badge(ev), el("bdi", { dir: "ltr", text: ev.date || "" }));
  const facts = $("#event-facts");
  facts.replaceChildren();
  const fact = (k, v, attrs) => facts.append(el("dt", { text: t(k) }), el("dd", {}, el("bdi", Object.assign({ text: v }, attrs || {}))));
  fact("source", namedText(ev.source), { dir: "auto", class: "actors-source" });
  fact("target", namedText(ev.target), { dir: "auto", class: "actors-target" });
  fact("modality", modalityLabel(ev.modality));
  fact("cameo", ev.cameo + (ev.mode ? " · " + ev.mode : ""), { dir: "ltr" });
  fact("quad", String(ev.quad_class), { dir: "ltr" });
  fact("goldstein_one", ev.goldstein == null ? "—" : ev.goldstein.toFixed(1), { dir: "ltr" });
  fact("place", ev.location ? placeName(ev.location) + (ev.location.country ? " (" + ev.location.country + ")" : "") : "—");
  fact("time", ev.time ? (ev.time.value || ev.time.text || "—") : "—", { dir: "ltr" });
  fact("confidence", String(ev.confidence), { dir: "ltr" });
  fact("rule", ev.rule || "—", { dir: "ltr" });
  const doc = ev.document || { text: "" };
  const title = doc.title || doc.source || doc.doc_id || "";
  const url = doc.url && /^https?:\/\//i.test(doc.url) ? doc.url : null;
  facts.append(el("dt", { text: t("article") }),
    el("dd", {}, url ? el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank", dir: "auto", text: title || url })
      : el("bdi", { text: title })));
  renderArticle(doc.text || "", ev);
}

// Each event page has its own address (#event=ID): it can be bookmarked or shared, and the browser's Back works.
async function openEvent(id, push = true) {
  try {
    const ev = await busy("#article", () => api("/v1/events/" + encodeURIComponent(id)));
    state.event = ev;
    if (push) history.pushState({ event: id }, "", "#event=" + encodeURIComponent(id));
    notice(null);
    show("event");
    renderEvent(ev);
    $("#back").focus();
  } catch (err) {
    notice(err.message);
  }
}

// ---- dyad timeline -----------------------------------------------------------------------------------------------
function monthsBetween(first, last) {
  const out = [];
  let [y, m] = first.split("-").map(Number);
  const [ly, lm] = last.split("-").map(Number);
  while ((y < ly || (y === ly && m <= lm)) && out.length < 600) {
    out.push(y + "-" + String(m).padStart(2, "0"));
    m += 1; if (m > 12) { m = 1; y += 1; }
  }
  return out;
}

let dyadRows = null;
let pairTouched = false;  // once the user is in the pair fields, the busiest pair never overwrites what they type
async function drawTimeline() {
  const stale = ticket("timeline");
  const svg = $("#timeline-svg");
  const table = $("#timeline-table");
  try { if (!dyadRows) dyadRows = (await api("/v1/dyads?by=month")).items; } catch (err) {
    if (!stale()) table.replaceChildren(el("caption", { text: err.message }));
    return;
  }
  if (stale()) return;
  svg.replaceChildren();
  table.replaceChildren();
  if (!pairTouched && !$("#t-a").value.trim() && !$("#t-b").value.trim() && dyadRows.length) {
    // open on the busiest pair
    const sums = new Map();
    dyadRows.forEach((r) => { const k = [r.source, r.target].sort().join(","); sums.set(k, (sums.get(k) || 0) + r.events); });
    const top = [...sums.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0][0].split(",");
    $("#t-a").value = top[0]; $("#t-b").value = top[1];
  }
  const a = $("#t-a").value.trim().toUpperCase(), b = $("#t-b").value.trim().toUpperCase();
  const mine = dyadRows.filter((r) => (r.source === a && r.target === b) || (r.source === b && r.target === a));
  const byPeriod = new Map();
  mine.forEach((r) => {
    const k = String(r.period).slice(0, 7);
    const cur = byPeriod.get(k) || { coop: 0, conf: 0, n: 0, g: 0 };
    cur.coop += (r.q1 || 0) + (r.q2 || 0); cur.conf += (r.q3 || 0) + (r.q4 || 0);
    cur.g += (r.goldstein_mean || 0) * r.events; cur.n += r.events;
    byPeriod.set(k, cur);
  });
  const active = [...byPeriod.keys()].sort();
  const num = (v) => el("td", { class: "num", dir: "ltr", text: v });
  table.append(el("tr", {}, el("th", { text: t("period") }), el("th", { text: t("coop") }), el("th", { text: t("conflict") }),
    el("th", { text: t("goldstein") })));
  active.forEach((p) => {
    const v = byPeriod.get(p);
    table.append(el("tr", {}, num(p), num(v.coop), num(v.conf), num((v.g / v.n).toFixed(2))));
  });
  if (!active.length) { table.append(el("caption", { text: t("no_events") + ": " + a + " – " + b })); return; }
  // a continuous month axis: quiet months are gaps, not squeezed out
  const periods = monthsBetween(active[0], active[active.length - 1]);
  const W = 900, H = 320, left = 44, right = 44, top = 16, bottom = 28, mid = (H - bottom + top) / 2;
  const half = mid - top;
  const max = Math.max(...active.map((p) => Math.max(byPeriod.get(p).coop, byPeriod.get(p).conf)), 1);
  const bw = (W - left - right) / periods.length;
  const axis = (x1, y1, x2, y2) => svg.append(svgEl("line", { x1, y1, x2, y2, class: "axis" }));
  axis(left, mid, W - right, mid);
  axis(left, top, left, H - bottom);
  axis(W - right, top, W - right, H - bottom);
  [[max, mid - half], [0, mid], [max, mid + half]].forEach(([v, y]) => svg.append(svgEl("text", { x: left - 6, y: y + 4, "text-anchor": "end", class: "tick" }, v)));
  [[10, top], [0, mid], [-10, H - bottom]].forEach(([v, y]) => svg.append(svgEl("text", { x: W - right + 6, y: y + 4, class: "tick gold-tick" }, (v > 0 ? "+" : "") + v)));
  const step = Math.max(1, Math.ceil(periods.length / 12));
  const pts = [];
  periods.forEach((p, i) => {
    const x = left + i * bw;
    if (i % step === 0) svg.append(svgEl("text", { x: x + bw / 2, y: H - 8, "text-anchor": "middle", class: "tick" }, p));
    const v = byPeriod.get(p);
    if (!v) return;
    const hc = half * v.coop / max, hf = half * v.conf / max, w = Math.max(bw * 0.8, 2);
    const title = p + " · " + t("coop") + " " + v.coop + " · " + t("conflict") + " " + v.conf;
    const bc = svgEl("rect", { x: x + (bw - w) / 2, y: mid - hc, width: w, height: hc, class: "bar-coop" });
    bc.append(svgEl("title", {}, title));
    const bf = svgEl("rect", { x: x + (bw - w) / 2, y: mid, width: w, height: hf, class: "bar-conf" });
    bf.append(svgEl("title", {}, title));
    svg.append(bc, bf);
    pts.push([x + bw / 2, mid - half * (v.g / v.n) / 10, i]);
  });
  // the Goldstein line joins neighbouring months only: a quiet month breaks it
  let run = [];
  const flush = () => {
    if (run.length > 1) svg.append(svgEl("polyline", { points: run.map((q) => q[0].toFixed(1) + "," + q[1].toFixed(1)).join(" "), class: "goldstein-line" }));
    run = [];
  };
  pts.forEach((q) => { if (run.length && q[2] !== run[run.length - 1][2] + 1) flush(); run.push(q); });
  flush();
  pts.forEach(([x, y]) => svg.append(svgEl("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: 3, class: "goldstein-dot" })));
}

// ---- actor network -----------------------------------------------------------------------------------------------
async function drawNetwork() {
  const stale = ticket("network");
  const svg = $("#network-svg");
  let net;
  try { net = await api("/v1/network"); } catch (err) { if (!stale()) svg.replaceChildren(svgEl("text", { x: 20, y: 30 }, err.message)); return; }
  if (stale()) return;
  svg.replaceChildren();
  const nodes = net.nodes.slice(0, 40), W = 900, H = 600, R = 240;
  const pos = new Map();
  // the busiest actors come first; a stride coprime with the count spreads them around the circle instead of
  // crowding them (and their labels) into one arc
  const gcd = (x, y) => (y ? gcd(y, x % y) : x);
  let stride = Math.max(1, Math.round(nodes.length * 0.382));
  while (nodes.length > 1 && gcd(stride, nodes.length) !== 1) stride += 1;
  nodes.forEach((n, i) => {
    const a = 2 * Math.PI * ((i * stride) % nodes.length) / nodes.length - Math.PI / 2;
    pos.set(n.id, [W / 2 + R * Math.cos(a), H / 2 + R * Math.sin(a)]);
  });
  const maxW = Math.max(...net.edges.map((e) => e.weight), 1);
  net.edges.forEach((e) => {
    if (!pos.has(e.source) || !pos.has(e.target) || e.source === e.target) return;
    const [x1, y1] = pos.get(e.source), [x2, y2] = pos.get(e.target);
    const line = svgEl("line", { x1, y1, x2, y2, "stroke-width": (1 + 5 * e.weight / maxW).toFixed(2), class: "edge " + (e.goldstein_mean >= 0 ? "edge-coop" : "edge-conf") });
    line.append(svgEl("title", {}, e.source + " – " + e.target + ": " + e.weight));
    svg.append(line);
  });
  const maxN = Math.max(...nodes.map((n) => n.events), 1);
  nodes.forEach((n) => {
    const [x, y] = pos.get(n.id);
    const g = svgEl("g", { class: "node", tabindex: 0, role: "button", "aria-label": n.id + ": " + n.events, "data-id": n.id });
    g.append(svgEl("circle", { cx: x, cy: y, r: (4 + 14 * Math.sqrt(n.events / maxN)).toFixed(1) }));
    const outward = x >= W / 2;
    g.append(svgEl("text", { x: x + (outward ? 14 : -14), y: y + 4, "text-anchor": outward ? "start" : "end" }, n.id));
    g.append(svgEl("title", {}, n.id + (actorName(n) ? " (" + actorName(n) + ")" : "") + ": " + n.events));
    g.addEventListener("click", () => filterBy("actor", n.id));
    g.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); filterBy("actor", n.id); } });
    svg.append(g);
  });
}

// ---- map ---------------------------------------------------------------------------------------------------------
// Plate carrée cropped to 84N..58S. Rings that cross the antimeridian are unwrapped and drawn twice (shifted by
// 360 degrees) so no polygon streaks across the whole map.
const MAP_EVENTS = 5000;
const MAP = { W: 960, H: 380, north: 84, south: -58 };
const project = ([lon, lat]) => [(lon + 180) / 360 * MAP.W, (MAP.north - lat) / (MAP.north - MAP.south) * MAP.H];

function ringPaths(ring) {
  const pts = [];
  let prev = null, shift = 0;
  for (const [lon, lat] of ring) {
    if (prev != null && Math.abs(lon - prev) > 180) shift += lon < prev ? 360 : -360;
    pts.push([lon + shift, lat]);
    prev = lon;
  }
  const lons = pts.map((p) => p[0]);
  const shifts = [0];
  if (Math.max(...lons) > 180) shifts.push(-360);
  if (Math.min(...lons) < -180) shifts.push(360);
  return shifts.map((s) => "M" + pts.map(([lon, lat]) => project([lon + s, lat]).map((v) => v.toFixed(1)).join(",")).join("L") + "Z");
}

let world = null;
async function drawMap() {
  const stale = ticket("map");
  const svg = $("#map-svg");
  try {
    if (!world) world = await api("/static/vendor/countries-110m.json");
  } catch (err) { if (!stale()) $("#map-count").textContent = err.message; return; }
  // the map draws at most MAP_EVENTS events (the newest); the count line says so when there are more
  let items = [], total = 0;
  try { const page = await api("/v1/events?limit=" + MAP_EVENTS + "&" + filterParams().toString()); items = page.items; total = page.total; } catch (err) { items = []; }
  if (stale()) return;
  svg.replaceChildren();
  const land = topojson.feature(world, world.objects.countries);
  land.features.forEach((f) => {
    if (!f.geometry) return;
    const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    const path = svgEl("path", { d: polys.map((poly) => poly.map(ringPaths).flat().join("")).join(""), class: "country" });
    path.append(svgEl("title", {}, (f.properties && f.properties.name) || ""));
    svg.append(path);
  });
  const places = new Map();
  items.forEach((ev) => {
    if (!ev.location || ev.location.lat == null || ev.location.lon == null) return;
    const key = ev.location.name + "|" + ev.location.lat + "|" + ev.location.lon;
    const cur = places.get(key) || { loc: ev.location, n: 0 };
    cur.n += 1;
    places.set(key, cur);
  });
  const maxN = Math.max(1, ...[...places.values()].map((p) => p.n));
  let n = 0;
  [...places.values()].sort((x, y) => y.n - x.n).forEach(({ loc, n: count }) => {
    const [x, y] = project([loc.lon, loc.lat]);
    const c = svgEl("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: (3 + 7 * Math.sqrt(count / maxN)).toFixed(1), class: "point",
      tabindex: 0, role: "button", "data-count": count, "data-place": loc.name, "aria-label": placeName(loc) + ": " + count });
    c.append(svgEl("title", {}, placeName(loc) + ": " + count));
    c.addEventListener("click", () => filterBy("place", loc.name));
    c.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); filterBy("place", loc.name); } });
    svg.append(c);
    n += count;
  });
  const filtered = [...filterParams().keys()].length > 0;
  $("#map-count").textContent = n + " " + t("located") + " · " + places.size + " " + t("places") + (filtered ? " " + t("filtered") : "")
    + (total > items.length ? " · " + t("newest") + " " + items.length + " / " + total : "");
}

// ---- names the KB does not know ----------------------------------------------------------------------------------
// Read again each time the tab opens (documents may have been added). Names are untrusted text: textContent only,
// each in a <bdi dir="auto"> so an Arabic name keeps its order inside the English page and a Latin one inside the
// Arabic page; numbers and dates are left-to-right islands.
const UNLINKED_LIMIT = 100;
async function loadUnlinked() {
  const stale = ticket("unlinked");
  let got = null, error = null;
  try { got = await api("/v1/entities/unlinked?limit=" + UNLINKED_LIMIT); } catch (err) { error = err.message; }
  if (stale()) return;
  state.unlinked = got;
  state.unlinkedError = error;
  renderUnlinked();
}

function renderUnlinked() {
  const table = $("#unlinked-table");
  table.replaceChildren();
  if (state.unlinkedError) { $("#unlinked-count").textContent = state.unlinkedError; return; }
  if (!state.unlinked) { $("#unlinked-count").textContent = ""; return; }
  const { items, total } = state.unlinked;
  $("#unlinked-count").textContent = items.length ? items.length + " " + t("unlinked_of") + " " + total : t("no_unlinked");
  if (!items.length) return;
  const num = (v) => el("td", { class: "num", dir: "ltr", text: v == null ? "—" : String(v) });
  table.append(el("thead", {}, el("tr", {}, ...["name", "kind", "sector", "docs", "mentions", "events", "first", "last"]
    .map((k) => el("th", { scope: "col", text: t(k) })))));
  const body = el("tbody");
  items.forEach((it) => {
    const name = el("button", { type: "button", class: "unlinked-name", "data-id": it.id }, el("bdi", { dir: "auto", text: it.name }));
    name.addEventListener("click", () => filterBy("q", it.name));
    body.append(el("tr", { "data-id": it.id }, el("td", {}, name), el("td", { class: "kind", text: t("k_" + it.kind) }),
      el("td", { dir: "ltr", text: it.sector || "—" }), num(it.docs), num(it.mentions), num(it.events), num(it.first),
      num(it.last)));
  });
  table.append(body);
}

// ---- code a text -------------------------------------------------------------------------------------------------
function renderCoded() {
  const list = $("#code-results");
  list.replaceChildren();
  $("#code-article").hidden = true;
  if (state.codeError) { $("#code-status").textContent = state.codeError; return; }
  if (!state.coded) { $("#code-status").textContent = ""; return; }
  const doc = state.coded;
  $("#code-status").textContent = doc.events.length + " " + t("events_found");
  doc.events.forEach((ev, i) => {
    const button = el("button", { type: "button", class: "event-item coded-item", "aria-pressed": String(i === state.codedPick) },
      el("span", { class: "event-head" }, badge(ev), dyadLine(ev),
        el("span", { class: "modality m-" + ev.modality, text: modalityLabel(ev.modality) }),
        ev.location ? el("span", { class: "where", text: ev.location.name }) : "",
        ev.time && ev.time.value ? el("span", { class: "date", dir: "ltr", text: ev.time.value }) : "",
        el("q", { class: "coded-trigger", dir: "auto", text: ev.trigger.text })));
    button.addEventListener("click", () => { state.codedPick = i; renderCoded(); list.querySelectorAll(".coded-item")[i].focus(); });
    list.append(el("li", { class: "coded-event" }, button));
  });
  // the pasted text with the chosen event's evidence and roles highlighted, as on the event page
  const pick = doc.events[state.codedPick];
  const box = $("#code-article");
  box.hidden = !pick;
  if (pick) renderArticle(doc.text, Object.assign({ entities: doc.entities }, pick), box, null);
}

function codeText() {
  return busy("#code-results", async () => {
    const text = $("#code-text").value;
    const date = $("#code-date").value || null;
    $("#code-status").textContent = t("working");
    const stale = ticket("code");
    try {
      const coded = await api("/v1/code", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text, date }) });
      if (stale()) return;
      state.coded = coded;
      state.coded.text = text;  // the offsets are into the text as sent
      state.codedPick = 0;
      state.codeError = null;
    } catch (err) {
      if (stale()) return;
      state.coded = null;
      state.codeError = err.message;
    }
    renderCoded();
  });
}

// ---- legend of actor codes -----------------------------------------------------------------------------------------
let legendRows = null;
async function fillLegend() {
  try { if (!legendRows) { const l = await api("/v1/codes"); legendRows = l.prefixes.concat(l.sectors); } } catch (err) { return; }
  const table = $("#code-legend-table");
  table.replaceChildren(el("tr", {}, el("th", { text: t("code") }), el("th", { text: t("name") })),
    ...legendRows.map((r) => el("tr", {}, el("td", { dir: "ltr", text: r.code }), el("td", { text: actorName(r) }))));
}

// ---- start -------------------------------------------------------------------------------------------------------
async function fillActors() {
  try {
    const items = (await api("/v1/actors")).items;
    $("#actor-codes").replaceChildren(...items.slice(0, 300).map((a) => el("option", { value: a.actor || a.code || a.id, label: actorName(a) })));
  } catch (err) { /* the list only helps typing; the filters work without it */ }
}

function backToList() {
  show("events");
  const item = state.event && document.querySelector(`.event-item[data-id="${CSS.escape(state.event.id)}"]`);
  if (item) item.focus();
}

function eventInHash() {
  const m = /^#event=(.+)$/.exec(location.hash);
  if (!m) return null;
  try { return decodeURIComponent(m[1]); } catch (err) { return null; }
}

function route() {
  const id = eventInHash();
  if (id) openEvent(id, false); else if (view === "event") backToList();
}

function init() {
  TYPES.forEach((x) => $("#f-type").append(el("option", { value: x, text: x })));
  MODALITIES.forEach((x) => $("#f-modality").append(el("option", { value: x, text: x })));
  document.querySelectorAll("#tabs button").forEach((b) => b.addEventListener("click", () => show(b.dataset.view)));
  $("#lang-toggle").addEventListener("click", () => { lang = lang === "ar" ? "en" : "ar"; applyLang(); writeFiltersToUrl(); });
  $("#filters").addEventListener("submit", (e) => { e.preventDefault(); loadEvents(false); });
  $("#filters").addEventListener("reset", () => { setTimeout(() => loadEvents(false), 0); });
  $("#more").addEventListener("click", () => loadEvents(true));
  $("#download-csv").addEventListener("click", downloadCsv);
  $("#back").addEventListener("click", () => { if (history.state && history.state.event) history.back(); else backToList(); });
  window.addEventListener("popstate", route);
  $("#timeline-form").addEventListener("submit", (e) => { e.preventDefault(); busy("#timeline-svg", drawTimeline); });
  ["#t-a", "#t-b"].forEach((s) => $(s).addEventListener("focus", () => { pairTouched = true; }));
  $("#code-run").addEventListener("click", codeText);
  $("#code-text").addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) codeText(); });
  readFiltersFromUrl();
  applyLang();
  loadEvents(false);
  fillActors();
  fillLegend();
  if (eventInHash()) route();
}
document.addEventListener("DOMContentLoaded", init);
