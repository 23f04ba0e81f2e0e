// The API reference page: drawn from /openapi.json with textContent only (no CDN, no innerHTML).
"use strict";

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v; else if (k === "text") node.textContent = v; else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function typeOf(schema) {
  if (!schema) return "";
  if (schema.anyOf) return schema.anyOf.map(typeOf).filter((x) => x !== "null").join(" | ");
  if (schema.$ref) return schema.$ref.split("/").pop();
  return schema.format ? schema.type + " (" + schema.format + ")" : (schema.type || "");
}

// a description with `code` or ``code`` spans: the spans become <code> elements, the backticks are not shown
function prose(tag, attrs, text) {
  const node = el(tag, attrs);
  const parts = String(text || "").split(/``([^`]+)``|`([^`]+)`/);
  for (let i = 0; i < parts.length; i += 3) {
    if (parts[i]) node.append(document.createTextNode(parts[i]));
    const code = parts[i + 1] || parts[i + 2];
    if (code) node.append(el("code", { text: code }));
  }
  return node;
}

// the fields of a named schema (components.schemas) as a table: field, type, required, description
function schemaTable(caption, name, spec, cls) {
  const schema = (spec.components && spec.components.schemas && spec.components.schemas[name]) || {};
  const table = el("table", { class: cls }, el("caption", { text: caption + name }),
    el("tr", {}, ...["field", "type", "required", "description"].map((h) => el("th", { text: h }))));
  Object.entries(schema.properties || {}).forEach(([k, v]) => table.append(el("tr", {}, el("td", {}, el("code", { text: k })),
    el("td", { text: v.type === "array" && v.items ? "array of " + typeOf(v.items) : typeOf(v) }),
    el("td", { text: (schema.required || []).includes(k) ? "yes" : "" }), prose("td", {}, v.description || ""))));
  return table;
}

function route(path, method, op, spec) {
  const section = el("section", { class: "route", id: (method + path).replace(/[^a-z0-9]+/gi, "-") },
    el("h2", {}, el("code", { text: method.toUpperCase() + " " + path })));
  if (op.description || op.summary) section.append(prose("p", { class: "route-doc" }, op.description || op.summary));
  const params = op.parameters || [];
  if (params.length) {
    const table = el("table", {}, el("tr", {}, ...["parameter", "in", "type", "required", "default", "description"].map((h) => el("th", { text: h }))));
    params.forEach((p) => table.append(el("tr", {}, el("td", {}, el("code", { text: p.name })), el("td", { text: p.in }),
      el("td", { text: typeOf(p.schema) }), el("td", { text: p.required ? "yes" : "" }),
      el("td", { text: p.schema && p.schema.default !== undefined ? JSON.stringify(p.schema.default) : "" }),
      prose("td", { class: "param-doc" }, p.description || ""))));
    section.append(table);
  }
  const okResp = op.responses && op.responses["200"] && op.responses["200"].content && op.responses["200"].content["application/json"];
  if (okResp && okResp.schema && okResp.schema.$ref) section.append(schemaTable("Response (200): ", typeOf(okResp.schema), spec, "response"));
  const body = op.requestBody && op.requestBody.content && op.requestBody.content["application/json"];
  if (body) {
    const name = typeOf(body.schema);
    const schema = (spec.components && spec.components.schemas && spec.components.schemas[name]) || {};
    const table = el("table", {}, el("caption", { text: "JSON body: " + name }),
      el("tr", {}, ...["field", "type", "required", "description"].map((h) => el("th", { text: h }))));
    Object.entries(schema.properties || {}).forEach(([k, v]) => table.append(el("tr", {}, el("td", {}, el("code", { text: k })),
      el("td", { text: typeOf(v) }), el("td", { text: (schema.required || []).includes(k) ? "yes" : "" }),
      prose("td", {}, v.description || ""))));
    section.append(table);
  }
  return section;
}

async function init() {
  const box = document.getElementById("routes");
  try {
    const spec = await (await fetch("/openapi.json")).json();
    document.title = spec.info.title + " " + spec.info.version + " API reference";
    box.append(prose("p", {}, spec.info.description || ""));
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) box.append(route(path, method, op, spec));
    }
  } catch (err) {
    box.append(el("p", { text: "could not read /openapi.json: " + err.message }));
  }
  document.getElementById("api-docs").setAttribute("aria-busy", "false");
}
document.addEventListener("DOMContentLoaded", init);
