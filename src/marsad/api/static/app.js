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
    goldstein: "متوسط غولدستاين", paste: "الصق نص خبر", date: "التاريخ", code_it: "رمّز",
    source: "المصدر", target: "الهدف", cameo: "رمز CAMEO", evidence: "الدليل", confidence: "الثقة",
    no_events: "لا أحداث", working: "جارٍ الترميز…", lang_switch: "English",
    arrow: "←", quad: "الفئة الرباعية", mode: "الأسلوب", rule: "القاعدة", article: "المقال",
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
    undirected: "الاتجاهان", presets: "آخر", last_7: "7 أيام", last_30: "30 يومًا", last_365: "سنة", all_dates: "كل التواريخ",
    tab_trends: "الأحداث عبر الزمن", group_by: "التجميع", period_by: "الفترة", by_auto: "تلقائي", by_day: "يوم",
    by_week: "أسبوع", by_month: "شهر", by_quarter: "ربع سنة", by_year: "سنة", per_day: "في اليوم", per_week: "في الأسبوع",
    per_month: "في الشهر", per_quarter: "في ربع السنة", per_year: "في السنة", axis_events: "عدد الأحداث", axis_acts: "عدد الوقائع",
    axis_conflict_below: "النزاع تحت الصفر", trends_hint: "أحداث التصفية الحالية في كل فترة: التعاون فوق الصفر والنزاع "
    + "تحته. اضغط عمودًا لعرض أحداثه.", q_1: "تعاون لفظي", q_2: "تعاون مادي", q_3: "نزاع لفظي", q_4: "نزاع مادي",
    undated: "بلا تاريخ", untyped: "بلا نوع PLOVER (تصريحات ومناشدات CAMEO)", network_top: "أكثر الفاعلين نشاطًا",
    network_level: "المستوى", level_country: "البلد", level_code: "رمز الفاعل", map_reset: "إعادة",
    no_place: "بلا مكان", on_map: "على الخريطة", city: "مدينة أو موقع", country_centroid: "بلد (مركزه)", network_shown: "المعروض",
    self_loop: "حلقة: حدث داخلي (المصدر والهدف من البلد نفسه)",
    download_csv: "تنزيل CSV", download_parquet: "تنزيل Parquet (كل النتائج)", code_legend: "دليل رموز الفاعلين", code_legend_hint: "رمز الفاعل بلدٌ (أو بادئة دولية، و---: لم يُذكر بلد) "
    + "تليه قطاعات من ثلاثة أحرف ثم رمز المنظمة إن وُجد؛ مرّر المؤشر فوق رمز لترى اسمه.", code: "الرمز",
    list_of: "اعرض", mode_acts: "الوقائع", mode_mentions: "كل الروايات", act_tellings: "روايات هذه الواقعة",
    outlets: "المصادر الإعلامية", articles: "المقالات", first_seen: "أول نشر", last_seen: "آخر نشر",
    not_clustered: "لم تُجمَّع بعد", open_telling: "افتح الرواية",
  },
  en: {
    title: "marsad", tab_events: "Events", tab_timeline: "Dyad timeline", tab_network: "Actor network",
    tab_map: "Map", tab_code: "Code a text", filters: "Filters", actor: "Actor", dyad: "Dyad", type: "Type",
    modality: "Modality", since: "Since", until: "Until", search: "Search", apply: "Apply", more: "More",
    back: "Back", trigger: "Trigger", actors: "Actors", place: "Place", time: "Time", quantity: "Quantity",
    side_a: "Side A", side_b: "Side B", show: "Show", coop: "Cooperation", conflict: "Conflict",
    goldstein: "Mean Goldstein", paste: "Paste a news text", date: "Date", code_it: "Code it",
    source: "Source", target: "Target", cameo: "CAMEO code", evidence: "Evidence",
    confidence: "Confidence", no_events: "No events", working: "Coding…",
    lang_switch: "العربية", arrow: "→", quad: "QuadClass", mode: "Mode", rule: "Rule", article: "Article",
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
    undirected: "both directions", presets: "Last", last_7: "7 days", last_30: "30 days", last_365: "year", all_dates: "all dates",
    tab_trends: "Events over time", group_by: "Group by", period_by: "Period", by_auto: "automatic", by_day: "day",
    by_week: "week", by_month: "month", by_quarter: "quarter", by_year: "year", per_day: "per day", per_week: "per week",
    per_month: "per month", per_quarter: "per quarter", per_year: "per year", axis_events: "Events", axis_acts: "Acts",
    axis_conflict_below: "conflict below zero", trends_hint: "The events of the current filters in each period: "
    + "cooperation above zero, conflict below. Press a bar to list its events.", q_1: "Verbal cooperation",
    q_2: "Material cooperation", q_3: "Verbal conflict", q_4: "Material conflict", undated: "without a date",
    untyped: "without a PLOVER type (CAMEO statements and appeals)", network_top: "Busiest actors",
    network_level: "Level", level_country: "country", level_code: "actor code", map_reset: "Reset",
    no_place: "without a place", on_map: "on the map", city: "city or site", country_centroid: "country (its centre)",
    network_shown: "shown", self_loop: "loop: a domestic event (source and target of one country)",
    download_csv: "Download CSV", download_parquet: "Download Parquet (all matches)", code_legend: "Actor code legend", code_legend_hint: "An actor code is a country (or an international prefix; "
    + "--- when no country is named), then 3-letter sectors, then an organization's code if any; hover a code "
    + "to see its name.", code: "Code",
    list_of: "Show", mode_acts: "Acts", mode_mentions: "Every telling", act_tellings: "Tellings of this act",
    outlets: "Outlets", articles: "Articles", first_seen: "First reported", last_seen: "Last reported",
    not_clustered: "not clustered yet", open_telling: "open the telling",
  },
};
// Arabic count agreement (the CLDR plural categories of Arabic, by the last two digits): 1 حدث, 2 حدثان, 3-10
// أحداث, 11-99 حدثًا, and 100, 101, 102... حدث. English: 1 event, 2 events.
const COUNT_WORDS = {
  ar: { event: { one: "حدث", two: "حدثان", few: "أحداث", many: "حدثًا", other: "حدث" },
    place: { one: "موقع", two: "موقعان", few: "مواقع", many: "موقعًا", other: "موقع" },
    actor: { one: "فاعل", two: "فاعلان", few: "فاعلين", many: "فاعلًا", other: "فاعل" },
    act: { one: "واقعة", two: "واقعتان", few: "وقائع", many: "واقعةً", other: "واقعة" },
    telling: { one: "رواية", two: "روايتان", few: "روايات", many: "روايةً", other: "رواية" },
    outlet: { one: "مصدر", two: "مصدران", few: "مصادر", many: "مصدرًا", other: "مصدر" } },
  en: { event: { one: "event", other: "events" }, place: { one: "place", other: "places" },
    actor: { one: "actor", other: "actors" }, act: { one: "act", other: "acts" },
    telling: { one: "telling", other: "tellings" }, outlet: { one: "outlet", other: "outlets" } },
};
function pluralCategory(n, language) {
  if (language !== "ar") return n === 1 ? "one" : "other";
  const r = n % 100;
  if (n === 1) return "one";
  if (n === 2) return "two";
  if (r >= 3 && r <= 10) return "few";
  if (r >= 11 && r <= 99) return "many";
  return "other";
}
// "3 أحداث", "11 حدثًا", "1 event": the number, then the word that agrees with it
function countText(n, noun, language = lang) {
  const forms = COUNT_WORDS[language][noun];
  return n + " " + (forms[pluralCategory(n, language)] || forms.other);
}

// PLOVER modes (the closed list the KB's trigger rules use) in Arabic; the KB has no Arabic names for them
const MODE_AR = { abduct: "اختطاف", access: "إتاحة الوصول", aerial: "قصف جوي", allege: "ادعاء", arrest: "اعتقال",
  assist: "مساعدة", beat: "ضرب", boycott: "مقاطعة", ceasefire: "وقف إطلاق النار", censor: "رقابة", change: "تغيير",
  convict: "إدانة", "crowd-control": "تفريق حشود", curfew: "حظر تجول", cyber: "هجوم إلكتروني", demo: "مظاهرة",
  deport: "ترحيل", destroy: "تدمير", disapprove: "استنكار", disarm: "نزع السلاح", discontinue: "وقف", drone: "طائرة مسيّرة",
  expel: "طرد", explosives: "متفجرات", firearms: "أسلحة نارية", "heavy-weapons": "أسلحة ثقيلة", hunger: "إضراب عن الطعام",
  investigate: "تحقيق", "martial-law": "أحكام عرفية", meet: "لقاء", militia: "ميليشيا", misinformation: "تضليل",
  multilateral: "متعدد الأطراف", obstruct: "عرقلة", phone: "اتصال هاتفي", police: "شرطة", primitive: "أسلحة بدائية",
  relations: "علاقات", release: "إطلاق سراح", resign: "استقالة", restrict: "تقييد", riot: "شغب", seize: "استيلاء",
  sexual: "عنف جنسي", strike: "إضراب", "suicide-attack": "هجوم انتحاري", targeted: "استهداف", territory: "أرض",
  "third-party": "طرف ثالث", torture: "تعذيب", troops: "قوات", unconventional: "أسلحة غير تقليدية", vandalize: "تخريب",
  violence: "عنف", visit: "زيارة", weapons: "أسلحة", withdraw: "انسحاب", withhold: "حجب", yield: "تراجع" };
const modeName = (m) => (m && lang === "ar" && MODE_AR[m] ? MODE_AR[m] : m);
// PLOVER event types in Arabic, beside the code (the code stays what filters and exports use)
const TYPE_AR = { AGREE: "اتفاق", CONSULT: "تشاور", SUPPORT: "دعم", CONCEDE: "تنازل", COOPERATE: "تعاون", AID: "مساعدة",
  RETREAT: "انسحاب", REQUEST: "طلب", ACCUSE: "اتهام", REJECT: "رفض", THREATEN: "تهديد", PROTEST: "احتجاج",
  SANCTION: "عقوبات", MOBILIZE: "تعبئة", COERCE: "إكراه", ASSAULT: "اعتداء" };
const typeLabel = (x) => (lang === "ar" && TYPE_AR[x] ? x + " · " + TYPE_AR[x] : x);

const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
  "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const MODALITIES = ["asserted", "negated", "intended", "planned", "hypothetical", "reported"];
const FILTERS = [["#f-actor", "actor"], ["#f-dyad", "dyad"], ["#f-undirected", "undirected"], ["#f-type", "type"], ["#f-modality", "modality"],
  ["#f-quad-class", "quad_class"], ["#f-place", "place"], ["#f-since", "since"], ["#f-until", "until"], ["#f-q", "q"]];
// A bar on what is shown rather than a choice of events: sent with the filters (list and map), kept when a network
// node or a map point replaces the filters, cleared only by "reset".
const BARS = [["#f-min-confidence", "min_confidence"]];

// Arabic first; ?lang=en opens the English interface (a link can carry the choice)
let lang = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "ar";
let view = "events";
// What the list and the charts count: "clusters" (acts, one row per act however many articles told it; the
// default) or "mentions" (every telling). Kept in the address as ?count=mentions; the API's count parameter.
let countMode = new URLSearchParams(location.search).get("count") === "mentions" ? "mentions" : "clusters";
const unitNoun = () => (countMode === "clusters" ? "act" : "event");
const state = { items: [], total: null, tellings: null, cursor: null, error: null, event: null, act: null, coded: null, codeError: null, codedPick: 0, unlinked: null, unlinkedError: null };
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
  document.querySelectorAll("#f-type option[value]").forEach((o) => { if (o.value) o.textContent = typeLabel(o.value); });
  document.querySelectorAll("#f-quad-class option[value]").forEach((o) => { if (o.value) o.textContent = o.value + " · " + t("q_" + o.value); });
  // everything drawn from data carries words too: draw it again from what is already loaded
  renderEvents();
  if (state.event) renderEvent(state.event);
  if (state.act) renderAct(state.act);
  renderCoded();
  if (view === "timeline") busy("#timeline-svg", drawTimeline);
  if (view === "trends") busy("#counts-svg", drawCounts);
  if (view === "network") busy("#network-svg", drawNetwork);
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
  if (next === "trends") busy("#counts-svg", drawCounts);
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
  return el("span", { class: "badge q" + ev.quad_class, dir: "ltr", text: (ev.type || "CAMEO") + " " + ev.cameo,
    title: ev.type && lang === "ar" ? TYPE_AR[ev.type] : null });
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

// One act (an event cluster, GET /v1/clusters): its best-supported type, dyad, day and place, how many tellings and
// outlets told it and the range of its number; pressing it opens its tellings (an event not clustered yet, an act
// of its own, opens as the event).
const actSide = (code, name) => (code ? [el("abbr", { class: "code", title: name, text: code })] : ["—"]);
function actDyad(act) {
  const name = (role) => (lang === "ar" ? act[role + "_name_ar"] || act[role + "_name"] : act[role + "_name"] || act[role + "_name_ar"]);
  return el("bdi", { class: "dyad", dir: "ltr" }, ...actSide(act.source_code, name("source")), " → ",
    ...actSide(act.target_code, name("target")));
}
// an act's number as a range with its kind ("5–7 قتلى", "5–7 killed"); a kind without an Arabic word stays as coded
const KIND_AR = { killed: "قتلى", injured: "جرحى", wounded: "جرحى", arrested: "معتقلين", detained: "معتقلين",
  protesters: "متظاهرين", displaced: "نازحين", count: "عدد" };
function quantityText(q) {
  if (!q || q.low == null) return "";
  const range = q.low === q.high ? String(q.low) : q.low + "–" + q.high;
  return range + " " + ((lang === "ar" && KIND_AR[q.kind]) || q.kind || "");
}
const actPlace = (act) => (lang === "ar" && act.location_name_ar ? act.location_name_ar : act.location_name);
function actItem(act) {
  const told = countText(act.n_mentions, "telling") + " · " + countText(act.n_sources, "outlet");
  const button = el("button", { type: "button", class: "act-item", "data-id": act.id, "data-clustered": String(act.clustered) },
    el("span", { class: "event-head" }, badge(act), actDyad(act),
      el("span", { class: "date", dir: "ltr", text: act.date || "" }),
      act.location_name ? el("span", { class: "where", dir: "auto", text: actPlace(act) }) : "",
      act.quantity ? el("span", { class: "quantity", dir: "auto", text: quantityText(act.quantity) }) : ""),
    el("span", { class: "told" }, told + (act.clustered ? "" : " · " + t("not_clustered"))));
  button.addEventListener("click", () => (act.clustered ? openAct(act.id) : openEvent(act.id)));
  return el("li", {}, button);
}

function renderEvents() {
  const list = $("#event-list");
  const acts = countMode === "clusters";
  list.replaceChildren(...state.items.map(acts ? actItem : eventItem));
  document.querySelectorAll("#list-mode button").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.count === countMode)));
  $("#more").hidden = !state.cursor;
  $("#download-csv").disabled = !state.items.length;
  $("#download-parquet").disabled = !state.items.length;
  $("#event-count").textContent = state.error ? state.error
    : (state.total == null ? "" : countText(state.total, unitNoun())
      + (acts && state.tellings != null ? " (" + countText(state.tellings, "telling") + ")" : ""));
}

function filterParams() {
  const p = new URLSearchParams();
  for (const [id, key] of FILTERS.concat(BARS)) {
    const node = $(id);
    const v = node.type === "checkbox" ? (node.checked ? "true" : "") : node.value.trim();
    if (v) p.set(key, v);
  }
  return p;
}

// The filters live in the page address (?actor=IRQ&type=ASSAULT...): a reload, a bookmark or a shared link opens
// the same list. The event page's #event=ID and the interface language (?lang=en) are kept beside them.
function writeFiltersToUrl() {
  const p = filterParams();
  if (countMode === "mentions") p.set("count", "mentions");
  if (lang === "en") p.set("lang", "en");
  const query = p.toString();
  const next = location.pathname + (query ? "?" + query : "") + location.hash;
  if (next !== location.pathname + location.search + location.hash) history.replaceState(history.state, "", next);
}

function readFiltersFromUrl() {
  const p = new URLSearchParams(location.search);
  for (const [id, key] of FILTERS.concat(BARS)) {
    const v = p.get(key);
    if (v != null && $(id).type === "checkbox") $(id).checked = v === "true";
    else if (v != null) $(id).value = v;
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
// In the acts mode, one row per listed act (GET /v1/clusters' fields).
const ACT_COLUMNS = ["id", "date", "type", "cameo", "quad_class", "source_code", "target_code", "location",
  "location_country", "quantity_kind", "quantity_low", "quantity_high", "n_mentions", "n_articles", "n_sources",
  "first_seen", "last_seen"];
function actsCsv(items) {
  const rows = items.map((a) => [a.id, a.date, a.type, a.cameo, a.quad_class, a.source_code, a.target_code,
    a.location_name, a.location_country, a.quantity && a.quantity.kind, a.quantity && a.quantity.low,
    a.quantity && a.quantity.high, a.n_mentions, a.n_articles, a.n_sources, a.first_seen, a.last_seen]);
  return "\ufeff" + [ACT_COLUMNS].concat(rows).map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
function downloadCsv() {
  const acts = countMode === "clusters";
  const blob = new Blob([(acts ? actsCsv : eventsCsv)(state.items)], { type: "text/csv;charset=utf-8" });
  const a = el("a", { href: URL.createObjectURL(blob), download: acts ? "marsad-acts.csv" : "marsad-events.csv" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

// Every event the filters select (all pages, not only those on screen) as Parquet: the server's events_wide table
// (GET /v1/events.parquet takes exactly the list's filters).
function downloadParquet() {
  const query = filterParams().toString();
  const a = el("a", { href: "/v1/events.parquet" + (query ? "?" + query : ""), download: "marsad-events.parquet" });
  document.body.append(a);
  a.click();
  a.remove();
}

function loadEvents(append) {
  return busy("#event-list", async () => {
    const stale = ticket("events");
    const p = filterParams();
    const acts = countMode === "clusters";
    p.set("limit", "50");
    if (append && state.cursor) p.set(acts ? "offset" : "cursor", state.cursor);
    if (!append) writeFiltersToUrl();
    try {
      const page = await api((acts ? "/v1/clusters?" : "/v1/events?") + p.toString());
      if (stale()) return;
      state.items = append ? state.items.concat(page.items) : page.items;
      state.cursor = acts ? (state.items.length < page.total ? String(state.items.length) : null) : page.next_cursor;
      state.total = page.total;
      state.tellings = acts ? page.tellings : null;
      state.error = null;
    } catch (err) {
      if (stale()) return;
      state.items = []; state.cursor = null; state.total = null; state.tellings = null; state.error = err.message;
    }
    renderEvents();
  });
}

// Date presets count back from the newest event in the store (an archive's "last 30 days" are its own), read once
// from /v1/stats; "all dates" clears the range.
let lastDate = null;
async function presetDates(days) {
  if (days && !lastDate) {
    try { lastDate = (await api("/v1/stats")).last_date; } catch (err) { lastDate = null; }
  }
  if (days && lastDate) {
    const end = new Date(lastDate + "T00:00:00Z"), start = new Date(end.getTime() - (days - 1) * 86_400_000);
    $("#f-since").value = start.toISOString().slice(0, 10);
    $("#f-until").value = lastDate;
  } else {
    $("#f-since").value = ""; $("#f-until").value = "";
  }
  return loadEvents(false);
}

// The confidence slider and the number field are one bar: moving either moves the other; letting go lists again.
function syncConfidence(from) {
  if (from === "slider") $("#f-min-confidence").value = $("#f-confidence-slider").value === "0" ? "" : $("#f-confidence-slider").value;
  else $("#f-confidence-slider").value = $("#f-min-confidence").value || "0";
}

function clearFilters() {
  FILTERS.forEach(([id]) => { if ($(id).type === "checkbox") $(id).checked = false; else $(id).value = ""; });
}

function filterBy(key, value) {
  clearFilters();
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

// Every telling of the event with its own roles. The event page gets them from the API (``tellings``: a merged
// event's later sentences with the trigger, actors, quantities, place and time the coder finds in each); the code
// view computes them here from the event's spans (each role marked in the telling that holds it).
function localTellings(ev, text) {
  const places = placeSpans(ev);
  return (ev.evidences && ev.evidences.length ? ev.evidences : [ev.evidence]).map((e, i) => {
    const inside = (s) => s && s.start != null && s.end != null && e.start <= s.start && s.end <= e.end;
    const keep = (list) => (list || []).filter(inside);
    const trigger = inside(ev.trigger) ? ev.trigger : null;
    const when = i === 0 ? timeSpan(ev, text) : null;
    return { start: e.start, end: e.end, trigger, source: keep(ev.source), target: keep(ev.target),
      quantities: keep(ev.quantities), place: keep(places), time: inside(when) ? when : null };
  });
}

// Render the article with every telling marked (<mark class="hl-telling">; the first, the evidence, also
// hl-evidence and the id markId) and, inside each, its own trigger/source/target/place/time/quantities.
// The event page's evidence mark carries id="evidence"; the code view's does not (ids are unique).
function renderArticle(text, ev, article = $("#article"), markId = "evidence") {
  article.replaceChildren();
  article.dir = /[\u0600-\u06FF]/.test(text.slice(0, 400)) ? "rtl" : "ltr";
  const tellings = (ev.tellings && ev.tellings.length ? ev.tellings : localTellings(ev, text))
    .map((tl, i) => Object.assign({ index: i }, tl));
  // tellings in the order of the text; one that overlaps a telling already drawn is not drawn again
  const drawn = [];
  tellings.slice().sort((x, y) => x.start - y.start || x.index - y.index).forEach((tl) => {
    if (!drawn.length || tl.start >= drawn[drawn.length - 1].end) drawn.push(tl);
  });
  let at = 0;
  drawn.forEach((tl) => {
    const e0 = tl.start, e1 = tl.end;
    const spans = [];
    const add = (s, cls) => {
      if (!s || s.start == null || s.end == null) return;
      const a = Math.max(s.start, e0), b = Math.min(s.end, e1);
      if (a < b) spans.push([a, b, cls]);
    };
    add(tl.trigger, "hl-trigger");
    (tl.source || []).forEach((s) => add(s, "hl-actor hl-source"));
    (tl.target || []).forEach((s) => add(s, "hl-actor hl-target"));
    add(tl.time, "hl-time");
    (tl.quantities || []).forEach((s) => add(s, "hl-quantity"));
    (tl.place || []).forEach((s) => add(s, "hl-place"));
    const cuts = new Set([e0, e1]);
    spans.forEach(([a, b]) => { cuts.add(a); cuts.add(b); });
    const points = [...cuts].sort((a, b) => a - b);
    article.append(document.createTextNode(text.slice(at, e0)));
    const first = tl.index === 0;
    const mark = el("mark", { class: first ? "hl-telling hl-evidence" : "hl-telling", id: first ? markId : null,
      "data-telling": tl.index });
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      // the trigger wins over the other roles where they overlap, so its highlight is the trigger's text exactly
      const classes = [...new Set(spans.filter(([s0, s1]) => s0 <= a && b <= s1).flatMap((s) => s[2].split(" ")))];
      const piece = text.slice(a, b);
      mark.append(classes.length ? el("span", { class: classes.includes("hl-trigger") ? "hl-trigger" : classes.join(" "), text: piece })
        : document.createTextNode(piece));
    }
    article.append(mark);
    at = e1;
  });
  article.append(document.createTextNode(text.slice(at)));
}

function renderEvent(ev) {
  $("#event-title").replaceChildren(badge(ev), el("bdi", { dir: "ltr", text: ev.date || "" }));
  const facts = $("#event-facts");
  facts.replaceChildren();
  const fact = (k, v, attrs) => facts.append(el("dt", { text: t(k) }), el("dd", {}, el("bdi", Object.assign({ text: v }, attrs || {}))));
  fact("source", namedText(ev.source), { dir: "auto", class: "actors-source" });
  fact("target", namedText(ev.target), { dir: "auto", class: "actors-target" });
  fact("modality", modalityLabel(ev.modality));
  fact("cameo", ev.cameo, { dir: "ltr" });
  fact("mode", ev.mode ? modeName(ev.mode) : "—", { dir: "auto", class: "mode" });
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

// Each event page and each act page has its own address (#event=ID, #act=ID): it can be bookmarked or shared,
// and the browser's Back works.
const PAGES = {
  event: { route: "/v1/events/", region: "#article", render: (x) => renderEvent(x), back: "#back" },
  act: { route: "/v1/clusters/", region: "#act-tellings", render: (x) => renderAct(x), back: "#act-back" },
};
async function openPage(kind, id, push) {
  const page = PAGES[kind];
  try {
    const got = await busy(page.region, () => api(page.route + encodeURIComponent(id)));
    state[kind] = got;
    if (push) history.pushState({ [kind]: id }, "", "#" + kind + "=" + encodeURIComponent(id));
    notice(null);
    show(kind);
    page.render(got);
    $(page.back).focus();
  } catch (err) {
    notice(err.message);
  }
}
function openEvent(id, push = true) { return openPage("event", id, push); }
function openAct(id, push = true) { return openPage("act", id, push); }

// ---- act page: one act and every telling of it ---------------------------------------------------------------------
// Each act has its own address (#act=ID); each telling links to its event page (#event=ID), which highlights it in
// its article. Back from there returns here.
function tellingItem(tl) {
  const link = el("a", { href: "#event=" + encodeURIComponent(tl.id), class: "telling-item", "data-id": tl.id },
    el("span", { class: "event-head" },
      el("span", { class: "badge q" + (state.act && state.act.quad_class), dir: "ltr", text: (tl.type || "CAMEO") + " " + (tl.cameo || "") }),
      el("span", { class: "date", dir: "ltr", text: tl.date || "" }),
      el("bdi", { class: "outlet", dir: "auto", text: tl.source || "—" }),
      tl.title ? el("bdi", { class: "title", dir: "auto", text: tl.title }) : ""),
    el("span", { class: "snippet", dir: "auto", text: tl.evidence_text || "" }));
  link.addEventListener("click", (e) => { e.preventDefault(); openEvent(tl.id); });
  return el("li", {}, link);
}

function renderAct(act) {
  $("#act-title").replaceChildren(badge(act), actDyad(act), el("bdi", { dir: "ltr", text: act.date || "" }));
  const facts = $("#act-facts");
  facts.replaceChildren();
  const fact = (k, v, attrs) => facts.append(el("dt", { text: t(k) }), el("dd", {}, el("bdi", Object.assign({ text: v }, attrs || {}))));
  fact("place", act.location_name ? actPlace(act) + (act.location_country ? " (" + act.location_country + ")" : "") : "—", { dir: "auto" });
  fact("quantity", act.quantity ? quantityText(act.quantity) : "—", { dir: "auto" });
  fact("articles", String(act.n_articles), { dir: "ltr" });
  fact("outlets", String(act.n_sources), { dir: "ltr" });
  fact("first_seen", act.first_seen || "—", { dir: "ltr" });
  fact("last_seen", act.last_seen || "—", { dir: "ltr" });
  $("#act-count").textContent = t("act_tellings") + ": " + countText(act.tellings.length, "telling");
  $("#act-tellings").replaceChildren(...act.tellings.map(tellingItem));
}

function setCountMode(mode) {
  if (mode === countMode) return null;
  countMode = mode;
  state.items = []; state.cursor = null; state.total = null; state.tellings = null;
  if (view === "trends") busy("#counts-svg", drawCounts);
  if (view === "network") busy("#network-svg", drawNetwork);
  if (view === "timeline") busy("#timeline-svg", drawTimeline);
  return loadEvents(false);
}

// ---- events over time (counts by QuadClass or type) ----------------------------------------------------------------
// GET /v1/counts with the list's filters; cooperation keys stack up from zero, conflict keys down (negative), so
// the conflict side reads as below zero. Every bar segment opens the list of the events it counts: the current
// filters plus its key and its period (as since/until, kept inside the current since/until).
const QUAD_COLOURS = { 1: "#8fc1e3", 2: "#2a6fa8", 3: "#f2a27e", 4: "#b8321c" };
const COOP_COLOURS = ["#2a6fa8", "#8fc1e3", "#3a9d8f", "#9bd3c7", "#5467b3", "#b3bde8", "#4e8f3a", "#b5dca3"];
const CONF_COLOURS = ["#b8321c", "#f2a27e", "#8c2d6b", "#e3a3c9", "#c46a00", "#f5c77e", "#6b3b1f", "#c99b7d"];
let countsData = null;

function keyLabel(group, key) {
  return group === "quad_class" ? key + " · " + t("q_" + key) : typeLabel(key);
}

function drillDown(group, key, start, end) {
  const since = $("#f-since").value, until = $("#f-until").value;
  $(group === "quad_class" ? "#f-quad-class" : "#f-type").value = key;
  $("#f-since").value = since && since > start ? since : start;
  $("#f-until").value = until && until < end ? until : end;
  show("events");
  return loadEvents(false);
}

async function drawCounts() {
  const stale = ticket("counts");
  const svg = $("#counts-svg");
  const group = $("#c-group").value, by = $("#c-by").value;
  const p = filterParams();
  p.set("group", group);
  p.set("by", by);
  p.set("count", countMode);
  let data;
  try { data = await api("/v1/counts?" + p.toString()); } catch (err) {
    if (!stale()) { svg.replaceChildren(); $("#counts-note").textContent = err.message; }
    return;
  }
  if (stale()) return;
  countsData = data;
  svg.replaceChildren();
  const legend = $("#counts-legend");
  legend.replaceChildren();
  const W = 960, H = 380, left = 64, right = 16, top = 16, bottom = 58;
  const filtered = [...filterParams().keys()].length > 0;
  const extra = [];
  if (data.undated) extra.push(countText(data.undated, unitNoun()) + " " + t("undated"));
  if (data.untyped) extra.push(countText(data.untyped, unitNoun()) + " " + t("untyped"));
  $("#counts-note").textContent = countText(data.total, unitNoun()) + (filtered ? " " + t("filtered") : "")
    + (extra.length ? " · " + extra.join(" · ") : "");
  if (!data.periods.length) { svg.append(svgEl("text", { x: W / 2, y: H / 2, "text-anchor": "middle" }, t("no_events"))); return; }
  // colours: QuadClass by its class, a type by its side (blues cooperation, reds conflict) in order of size
  const colour = {};
  let ci = 0, fi = 0;
  data.keys.forEach((k) => {
    colour[k.key] = data.group === "quad_class" ? QUAD_COLOURS[k.key]
      : (k.side === "conflict" ? CONF_COLOURS[fi++ % CONF_COLOURS.length] : COOP_COLOURS[ci++ % COOP_COLOURS.length]);
  });
  const order = data.group === "quad_class" ? ["2", "1", "3", "4"] : data.keys.map((k) => k.key);
  const sideOf = Object.fromEntries(data.keys.map((k) => [k.key, k.side]));
  const keys = order.filter((k) => k in sideOf);
  keys.forEach((k) => legend.append(el("li", { "data-key": k }, el("span", { class: "sw", "data-colour": colour[k] }),
    el("bdi", { text: keyLabel(data.group, k) + (sideOf[k] === "conflict" ? " ↓" : " ↑") }))));
  legend.querySelectorAll(".sw").forEach((n) => { n.style.background = n.dataset.colour; });
  let up = 1, down = 1;
  data.periods.forEach((per) => {
    let u = 0, d = 0;
    Object.entries(per.counts).forEach(([k, n]) => { if (sideOf[k] === "conflict") d += n; else u += n; });
    up = Math.max(up, u); down = Math.max(down, d);
  });
  const span = up + down, plotH = H - top - bottom;
  const zero = top + plotH * up / span;
  const y = (v) => zero - plotH * v / span;  // v > 0 cooperation (up), v < 0 conflict (down)
  const bw = (W - left - right) / data.periods.length;
  // axes, gridlines and ticks in whole events; the conflict side is labelled with negative numbers
  const stepOf = (m) => { const raw = m / 4; const mag = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1)))); return Math.max(1, [1, 2, 5, 10].map((f) => f * mag).find((s) => s >= raw)); };
  const step = stepOf(Math.max(up, down));
  for (let v = -Math.floor(down / step) * step; v <= up; v += step) {
    svg.append(svgEl("line", { x1: left, x2: W - right, y1: y(v), y2: y(v), class: v === 0 ? "axis" : "grid" }));
    svg.append(svgEl("text", { x: left - 6, y: y(v) + 4, "text-anchor": "end", class: "tick y-tick" }, v < 0 ? "−" + (-v) : String(v)));
  }
  svg.append(svgEl("line", { x1: left, y1: top, x2: left, y2: H - bottom, class: "axis" }));
  const byName = t("by_" + data.by);
  svg.append(svgEl("text", { x: 14, y: top + plotH / 2, transform: `rotate(-90 14 ${top + plotH / 2})`, "text-anchor": "middle", class: "axis-title y-title" },
    t(countMode === "clusters" ? "axis_acts" : "axis_events") + " " + t("per_" + data.by) + " (" + t("axis_conflict_below") + ")"));
  svg.append(svgEl("text", { x: left + (W - left - right) / 2, y: H - 6, "text-anchor": "middle", class: "axis-title x-title" }, byName));
  const every = Math.max(1, Math.ceil(data.periods.length / 14));
  data.periods.forEach((per, i) => {
    const x = left + i * bw, w = Math.max(bw * 0.8, 1.5), x0 = x + (bw - w) / 2;
    if (i % every === 0) {
      const label = data.by === "year" ? per.start.slice(0, 4) : data.by === "month" || data.by === "quarter" ? per.start.slice(0, 7) : per.start;
      svg.append(svgEl("text", { x: x + bw / 2, y: H - bottom + 16, "text-anchor": "middle", class: "tick x-tick" }, label));
    }
    let u = 0, d = 0;
    keys.forEach((k) => {
      const n = per.counts[k];
      if (!n) return;
      const conflict = sideOf[k] === "conflict";
      const a = conflict ? -d : u, b = conflict ? -(d + n) : u + n;
      if (conflict) d += n; else u += n;
      const label = keyLabel(data.group, k) + " · " + per.start + (per.end !== per.start ? " – " + per.end : "") + ": " + countText(n, unitNoun());
      const rect = svgEl("rect", { x: x0.toFixed(1), y: Math.min(y(a), y(b)).toFixed(1), width: w.toFixed(1),
        height: Math.abs(y(a) - y(b)).toFixed(1), fill: colour[k], class: "count-bar " + (conflict ? "bar-down" : "bar-up"),
        tabindex: 0, role: "button", "aria-label": label, "data-key": k, "data-start": per.start, "data-end": per.end,
        "data-count": n, "data-side": sideOf[k] });
      rect.append(svgEl("title", {}, label));
      const open = () => drillDown(data.group, k, per.start, per.end);
      rect.addEventListener("click", open);
      rect.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } });
      svg.append(rect);
    });
  });
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
function dyadMonth(a, b, month) {
  clearFilters();
  const [y, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  $("#f-dyad").value = a + "," + b;
  $("#f-undirected").checked = true;
  $("#f-since").value = month + "-01";
  $("#f-until").value = month + "-" + String(last).padStart(2, "0");
  show("events");
  return loadEvents(false);
}

async function drawTimeline() {
  const stale = ticket("timeline");
  const svg = $("#timeline-svg");
  const table = $("#timeline-table");
  try { if (!dyadRows || dyadRows.count !== countMode) dyadRows = Object.assign((await api("/v1/dyads?by=month&count=" + countMode)).items, { count: countMode }); } catch (err) {
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
  const W = 900, H = 320, left = 52, right = 52, top = 16, bottom = 28, mid = (H - bottom + top) / 2;
  const half = mid - top;
  const max = Math.max(...active.map((p) => Math.max(byPeriod.get(p).coop, byPeriod.get(p).conf)), 1);
  const bw = (W - left - right) / periods.length;
  const axis = (x1, y1, x2, y2) => svg.append(svgEl("line", { x1, y1, x2, y2, class: "axis" }));
  axis(left, mid, W - right, mid);
  axis(left, top, left, H - bottom);
  axis(W - right, top, W - right, H - bottom);
  // the conflict side is below zero: its ticks are negative numbers of events
  [[max, mid - half], [0, mid], [-max, mid + half]].forEach(([v, y]) => svg.append(svgEl("text", { x: left - 6, y: y + 4, "text-anchor": "end", class: "tick" }, v < 0 ? "−" + (-v) : String(v))));
  svg.append(svgEl("text", { x: 12, y: mid, transform: `rotate(-90 12 ${mid})`, "text-anchor": "middle", class: "axis-title y-title" },
    t(countMode === "clusters" ? "axis_acts" : "axis_events") + " " + t("per_month") + " (" + t("axis_conflict_below") + ")"));
  svg.append(svgEl("text", { x: W - 8, y: mid, transform: `rotate(90 ${W - 8} ${mid})`, "text-anchor": "middle", class: "axis-title" }, t("goldstein")));
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
    // a month's bars open that month's events between the two, in both directions
    [bc, bf].forEach((bar) => {
      Object.entries({ tabindex: 0, role: "button", "data-period": p, "aria-label": title }).forEach(([k, val]) => bar.setAttribute(k, val));
      bar.addEventListener("click", () => dyadMonth(a, b, p));
      bar.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); dyadMonth(a, b, p); } });
    });
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
// The top N actors (by events; N and the level, country or full actor code, are chosen above the drawing) on a
// circle, a directed edge for each source -> target pair among them with an arrowhead at the target, curved so that
// A -> B and B -> A stay apart, and a loop for a domestic pair (TUR -> TUR). Labels sit outside the circle, beyond
// their node. Pressing a node lists the actor's events; pressing an edge lists the dyad's.
async function drawNetwork() {
  const stale = ticket("network");
  const svg = $("#network-svg");
  const level = $("#n-level").value;
  const top = Math.max(2, Math.min(200, parseInt($("#n-top").value, 10) || 30));
  const p = new URLSearchParams({ level, count: countMode });
  const bar = $("#f-min-confidence").value.trim();
  if (bar) p.set("min_confidence", bar);
  let net;
  try { net = await api("/v1/network?" + p.toString()); } catch (err) { if (!stale()) svg.replaceChildren(svgEl("text", { x: 20, y: 30 }, err.message)); return; }
  if (stale()) return;
  svg.replaceChildren();
  const nodes = net.nodes.slice(0, top), W = 900, H = 600, R = 220, cx = W / 2, cy = H / 2;
  $("#network-note").textContent = t("network_shown") + " " + nodes.length + " / " + countText(net.nodes.length, "actor");
  const defs = svgEl("defs");
  [["coop", "var(--coop)"], ["conf", "var(--conf)"]].forEach(([k]) => {
    const m = svgEl("marker", { id: "arrow-" + k, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse", markerUnits: "userSpaceOnUse" });
    m.append(svgEl("path", { d: "M0,0L10,5L0,10z", class: "arrow arrow-" + k }));
    defs.append(m);
  });
  svg.append(defs);
  const pos = new Map(), radius = new Map(), angle = new Map();
  // the busiest actors come first; a stride coprime with the count spreads them around the circle instead of
  // crowding them (and their labels) into one arc
  const gcd = (x, y) => (y ? gcd(y, x % y) : x);
  let stride = Math.max(1, Math.round(nodes.length * 0.382));
  while (nodes.length > 1 && gcd(stride, nodes.length) !== 1) stride += 1;
  const maxN = Math.max(...nodes.map((n) => n.events), 1);
  nodes.forEach((n, i) => {
    const a = 2 * Math.PI * ((i * stride) % nodes.length) / nodes.length - Math.PI / 2;
    pos.set(n.id, [cx + R * Math.cos(a), cy + R * Math.sin(a)]);
    angle.set(n.id, a);
    radius.set(n.id, 4 + 14 * Math.sqrt(n.events / maxN));
  });
  const edges = net.edges.filter((e) => pos.has(e.source) && pos.has(e.target));
  const maxW = Math.max(...edges.map((e) => e.weight), 1);
  const nameOf = new Map(nodes.map((n) => [n.id, actorName(n)]));
  const who = (id) => id + (nameOf.get(id) ? " (" + nameOf.get(id) + ")" : "");
  edges.forEach((e) => {
    const kind = e.goldstein_mean >= 0 ? "coop" : "conf";
    const [x1, y1] = pos.get(e.source), [x2, y2] = pos.get(e.target);
    let d;
    if (e.source === e.target) {
      // a loop outside the circle, beyond the node: a domestic dyad
      const a = angle.get(e.source), r = radius.get(e.source);
      const bx = x1 + r * Math.cos(a), by = y1 + r * Math.sin(a);
      const s1 = [bx + 6 * Math.cos(a - 1.2), by + 6 * Math.sin(a - 1.2)], s2 = [bx + 6 * Math.cos(a + 1.2), by + 6 * Math.sin(a + 1.2)];
      const far = 34 + r;
      const c1 = [x1 + far * Math.cos(a - 0.7), y1 + far * Math.sin(a - 0.7)], c2 = [x1 + far * Math.cos(a + 0.7), y1 + far * Math.sin(a + 0.7)];
      d = `M${s1[0].toFixed(1)},${s1[1].toFixed(1)} C${c1[0].toFixed(1)},${c1[1].toFixed(1)} ${c2[0].toFixed(1)},${c2[1].toFixed(1)} ${s2[0].toFixed(1)},${s2[1].toFixed(1)}`;
    } else {
      // a gentle curve to the right of the direction of travel, ending at the target's rim
      const dx = x2 - x1, dy = y2 - y1, len = Math.hypot(dx, dy) || 1;
      const mx = (x1 + x2) / 2 - dy / len * len * 0.12, my = (y1 + y2) / 2 + dx / len * len * 0.12;
      const ex = x2 - mx, ey = y2 - my, el2 = Math.hypot(ex, ey) || 1, rt = radius.get(e.target) + 2;
      const sx = x1 + (mx - x1) / (Math.hypot(mx - x1, my - y1) || 1) * radius.get(e.source);
      const sy = y1 + (my - y1) / (Math.hypot(mx - x1, my - y1) || 1) * radius.get(e.source);
      d = `M${sx.toFixed(1)},${sy.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${(x2 - ex / el2 * rt).toFixed(1)},${(y2 - ey / el2 * rt).toFixed(1)}`;
    }
    const path = svgEl("path", { d, "stroke-width": (1 + 4 * e.weight / maxW).toFixed(2), "marker-end": `url(#arrow-${kind})`,
      class: "edge edge-" + kind + (e.source === e.target ? " self-loop" : ""), "data-source": e.source, "data-target": e.target,
      "data-weight": e.weight, tabindex: 0, role: "button" });
    const label = who(e.source) + " → " + who(e.target) + ": " + countText(e.weight, unitNoun()) + " · " + t("coop") + " " + e.cooperation + " · " + t("conflict") + " " + e.conflict;
    path.setAttribute("aria-label", label);
    path.append(svgEl("title", {}, label + (e.source === e.target ? " · " + t("self_loop") : "")));
    const open = () => filterBy("dyad", e.source + "," + e.target);
    path.addEventListener("click", open);
    path.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); open(); } });
    svg.append(path);
  });
  nodes.forEach((n) => {
    const [x, y] = pos.get(n.id), a = angle.get(n.id), r = radius.get(n.id);
    const g = svgEl("g", { class: "node", tabindex: 0, role: "button", "aria-label": n.id + ": " + n.events, "data-id": n.id });
    g.append(svgEl("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1) }));
    // the label beyond the node, away from the centre, so no node hides it
    const side = Math.abs(Math.cos(a)) >= 0.25;  // beside the node on the left and right, above or below it at the poles
    const lx = side ? x + Math.sign(Math.cos(a)) * (r + 6) : x;
    const ly = side ? y + 4 : (Math.sin(a) > 0 ? y + r + 14 : y - r - 6);
    const anchor = side ? (Math.cos(a) > 0 ? "start" : "end") : "middle";
    g.append(svgEl("text", { x: lx.toFixed(1), y: ly.toFixed(1), "text-anchor": anchor }, n.id));
    g.append(svgEl("title", {}, who(n.id) + ": " + countText(n.events, unitNoun())));
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
  let unplaced = 0;
  items.forEach((ev) => {
    if (!ev.location || ev.location.lat == null || ev.location.lon == null) { unplaced += 1; return; }
    const key = ev.location.name + "|" + ev.location.lat + "|" + ev.location.lon;
    const cur = places.get(key) || { loc: ev.location, n: 0, quads: { 1: 0, 2: 0, 3: 0, 4: 0 } };
    cur.n += 1;
    cur.quads[ev.quad_class] = (cur.quads[ev.quad_class] || 0) + 1;
    places.set(key, cur);
  });
  const maxN = Math.max(1, ...[...places.values()].map((p) => p.n));
  let n = 0;
  // each place coloured by the QuadClass of most of its events (ties: the more conflictual); a place that is a
  // country (the event names only the country: its centre is drawn) is a ring, a city or site a filled dot
  [...places.values()].sort((x, y) => y.n - x.n).forEach(({ loc, n: count, quads }) => {
    const [x, y] = project([loc.lon, loc.lat]);
    const quad = [4, 3, 2, 1].reduce((best, q) => (quads[q] > quads[best] ? q : best), 4);
    const precision = loc.entity && loc.entity.startsWith("country:") ? "country" : "city";
    const label = placeName(loc) + ": " + countText(count, "event") + " · " + [1, 2, 3, 4].filter((q) => quads[q])
      .map((q) => t("q_" + q) + " " + quads[q]).join(" · ");
    const c = svgEl("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: (3 + 7 * Math.sqrt(count / maxN)).toFixed(1),
      class: "point quad-" + quad + " precision-" + precision, tabindex: 0, role: "button", "data-count": count,
      "data-place": loc.name, "data-quad": quad, "data-precision": precision, "aria-label": label });
    c.dataset.r = c.getAttribute("r");
    c.append(svgEl("title", {}, label));
    c.addEventListener("click", () => { if (!mapDragged) filterBy("place", loc.name); });
    c.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); filterBy("place", loc.name); } });
    svg.append(c);
    n += count;
  });
  const filtered = [...filterParams().keys()].length > 0;
  $("#map-count").textContent = countText(n, "event") + " " + t("on_map") + " · " + countText(places.size, "place")
    + " · " + countText(unplaced, "event") + " " + t("no_place") + (filtered ? " " + t("filtered") : "")
    + (total > items.length ? " · " + t("newest") + " " + items.length + " / " + total : "");
  $("#map-count").dataset.unplaced = unplaced;
  const legend = $("#map-legend");
  legend.replaceChildren(...[1, 2, 3, 4].map((q) => el("li", {}, el("span", { class: "sw quad-sw quad-" + q }), t("q_" + q))),
    el("li", {}, el("span", { class: "sw dot-sw" }), t("city")), el("li", {}, el("span", { class: "sw ring-sw" }), t("country_centroid")));
  applyMapView();
}

// Zoom (the buttons, the mouse wheel) and pan (drag) change the map's viewBox; points keep their size on screen.
const mapView = { x: 0, y: 0, w: 960, h: 380 };
let mapDragged = false;
function applyMapView() {
  const svg = $("#map-svg");
  svg.setAttribute("viewBox", [mapView.x, mapView.y, mapView.w, mapView.h].map((v) => v.toFixed(1)).join(" "));
  const k = mapView.w / MAP.W;
  svg.querySelectorAll("circle.point").forEach((c) => { c.setAttribute("r", (parseFloat(c.dataset.r) * Math.sqrt(k)).toFixed(2)); });
  svg.querySelectorAll("path.country").forEach((p) => { p.setAttribute("stroke-width", (0.4 * k).toFixed(3)); });
  svg.dataset.zoom = (MAP.W / mapView.w).toFixed(3);
}
function zoomMap(factor, cx, cy) {
  if (!factor) { Object.assign(mapView, { x: 0, y: 0, w: MAP.W, h: MAP.H }); applyMapView(); return; }
  const w = Math.min(MAP.W, Math.max(MAP.W / 64, mapView.w * factor)), h = w * MAP.H / MAP.W;
  const px = cx == null ? mapView.x + mapView.w / 2 : cx, py = cy == null ? mapView.y + mapView.h / 2 : cy;
  const fx = (px - mapView.x) / mapView.w, fy = (py - mapView.y) / mapView.h;
  mapView.x = Math.min(MAP.W - w, Math.max(0, px - fx * w));
  mapView.y = Math.min(MAP.H - h, Math.max(0, py - fy * h));
  mapView.w = w; mapView.h = h;
  applyMapView();
}
function mapPanning(svg) {
  const toMap = (e) => { const r = svg.getBoundingClientRect(); return [mapView.x + (e.clientX - r.left) / r.width * mapView.w, mapView.y + (e.clientY - r.top) / r.height * mapView.h]; };
  svg.addEventListener("wheel", (e) => { e.preventDefault(); const [x, y] = toMap(e); zoomMap(e.deltaY < 0 ? 0.8 : 1.25, x, y); }, { passive: false });
  let start = null;
  svg.addEventListener("pointerdown", (e) => { start = { cx: e.clientX, cy: e.clientY, x: mapView.x, y: mapView.y }; mapDragged = false; });
  svg.addEventListener("pointermove", (e) => {
    if (!start) return;
    const r = svg.getBoundingClientRect(), dx = (e.clientX - start.cx) / r.width * mapView.w, dy = (e.clientY - start.cy) / r.height * mapView.h;
    if (Math.abs(e.clientX - start.cx) + Math.abs(e.clientY - start.cy) > 4) mapDragged = true;
    if (!mapDragged) return;
    mapView.x = Math.min(MAP.W - mapView.w, Math.max(0, start.x - dx));
    mapView.y = Math.min(MAP.H - mapView.h, Math.max(0, start.y - dy));
    applyMapView();
  });
  const end = () => { start = null; setTimeout(() => { mapDragged = false; }, 0); };
  svg.addEventListener("pointerup", end);
  svg.addEventListener("pointerleave", end);
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
// the Arabic name of a coded document's entity (the code view has no location.name_ar: the document's entities do)
function entityNameAr(doc, id) {
  const en = (doc.entities || []).find((x) => x.id === id);
  return en ? en.name_ar || null : null;
}

function renderCoded() {
  const list = $("#code-results");
  list.replaceChildren();
  $("#code-article").hidden = true;
  if (state.codeError) { $("#code-status").textContent = state.codeError; return; }
  if (!state.coded) { $("#code-status").textContent = ""; return; }
  const doc = state.coded;
  $("#code-status").textContent = countText(doc.events.length, "event");
  doc.events.forEach((ev, i) => {
    const button = el("button", { type: "button", class: "event-item coded-item", "aria-pressed": String(i === state.codedPick) },
      el("span", { class: "event-head" }, badge(ev), dyadLine(ev),
        el("span", { class: "modality m-" + ev.modality, text: modalityLabel(ev.modality) }),
        ev.location ? el("span", { class: "where", dir: "auto", text: placeName(Object.assign({ name_ar: entityNameAr(doc, ev.location.entity) }, ev.location)) }) : "",
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
    const items = (await api("/v1/actors?count=" + countMode)).items;
    $("#actor-codes").replaceChildren(...items.slice(0, 300).map((a) => el("option", { value: a.actor || a.code || a.id, label: actorName(a) })));
  } catch (err) { /* the list only helps typing; the filters work without it */ }
}

function backToList() {
  const from = view === "act" ? state.act : state.event;
  show("events");
  const item = from && document.querySelector(`#event-list [data-id="${CSS.escape(from.id)}"]`);
  if (item) item.focus();
}

function inHash(kind) {
  const m = new RegExp("^#" + kind + "=(.+)$").exec(location.hash);
  if (!m) return null;
  try { return decodeURIComponent(m[1]); } catch (err) { return null; }
}
const eventInHash = () => inHash("event");

function route() {
  const id = eventInHash(), act = inHash("act");
  if (id) openEvent(id, false); else if (act) openAct(act, false); else if (view === "event" || view === "act") backToList();
}

function init() {
  TYPES.forEach((x) => $("#f-type").append(el("option", { value: x, text: x })));
  MODALITIES.forEach((x) => $("#f-modality").append(el("option", { value: x, text: x })));
  [1, 2, 3, 4].forEach((x) => $("#f-quad-class").append(el("option", { value: String(x), text: String(x) })));
  $("#trends-form").addEventListener("submit", (e) => { e.preventDefault(); busy("#counts-svg", drawCounts); });
  $("#network-form").addEventListener("submit", (e) => { e.preventDefault(); busy("#network-svg", drawNetwork); });
  $("#map-zoom-in").addEventListener("click", () => zoomMap(0.5));
  $("#map-zoom-out").addEventListener("click", () => zoomMap(2));
  $("#map-zoom-reset").addEventListener("click", () => zoomMap(0));
  mapPanning($("#map-svg"));
  document.querySelectorAll("#tabs button").forEach((b) => b.addEventListener("click", () => show(b.dataset.view)));
  $("#lang-toggle").addEventListener("click", () => { lang = lang === "ar" ? "en" : "ar"; applyLang(); writeFiltersToUrl(); });
  $("#filters").addEventListener("submit", (e) => { e.preventDefault(); loadEvents(false); });
  $("#filters").addEventListener("reset", () => { setTimeout(() => loadEvents(false), 0); });
  $("#more").addEventListener("click", () => loadEvents(true));
  $("#download-csv").addEventListener("click", downloadCsv);
  $("#download-parquet").addEventListener("click", downloadParquet);
  document.querySelectorAll("#date-presets button").forEach((b) => b.addEventListener("click", () => busy("#event-list", () => presetDates(Number(b.dataset.days)))));
  $("#f-confidence-slider").addEventListener("input", () => syncConfidence("slider"));
  $("#f-confidence-slider").addEventListener("change", () => { syncConfidence("slider"); loadEvents(false); });
  $("#f-min-confidence").addEventListener("input", () => syncConfidence("number"));
  $("#back").addEventListener("click", () => { if (history.state && history.state.event) history.back(); else backToList(); });
  $("#act-back").addEventListener("click", () => { if (history.state && history.state.act) history.back(); else backToList(); });
  document.querySelectorAll("#list-mode button").forEach((b) => b.addEventListener("click", () => setCountMode(b.dataset.count)));
  window.addEventListener("popstate", route);
  $("#timeline-form").addEventListener("submit", (e) => { e.preventDefault(); busy("#timeline-svg", drawTimeline); });
  ["#t-a", "#t-b"].forEach((s) => $(s).addEventListener("focus", () => { pairTouched = true; }));
  $("#code-run").addEventListener("click", codeText);
  $("#code-text").addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) codeText(); });
  readFiltersFromUrl();
  syncConfidence("number");
  applyLang();
  loadEvents(false);
  fillActors();
  fillLegend();
  if (eventInHash() || inHash("act")) route();
}
document.addEventListener("DOMContentLoaded", init);
