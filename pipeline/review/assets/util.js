// zhclaims review report: data access and helpers.
// Everything from the data goes into the page as text (textContent, setAttribute); never as markup.
const DATA = JSON.parse(document.getElementById("data").textContent);
const C = DATA.columns;
for (const [name, column] of Object.entries(C)) {          // columns sent as strings + index
  if (column && !Array.isArray(column)) C[name] = column.index.map((k) => column.values[k]);
}
const N = C.doc.length;
const DOCS = DATA.docs;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === "") continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

function isEmpty(v) { return v === null || v === undefined || v === ""; }

function fmtNumber(v) {
  if (isEmpty(v)) return "";
  const n = Number(v);
  if (!Number.isFinite(n)) return String(v);
  return n.toLocaleString("en-US", { maximumFractionDigits: 6 });
}

function signed(v) { const n = Number(v); return (n > 0 ? "+" : "") + fmtNumber(n); }

function fmtValue(i) {
  if (isEmpty(C.value[i])) return "";
  const q = C.qualifier[i] && C.qualifier[i] !== "=" ? C.qualifier[i] + " " : "";
  const top = isEmpty(C.value_max[i]) ? "" : " – " + fmtNumber(C.value_max[i]);
  return q + fmtNumber(C.value[i]) + top + (C.unit[i] ? " " + C.unit[i] : "");
}

function fmtChange(i) {
  const parts = [];
  const top = isEmpty(C.change_max[i]) ? "" : " – " + fmtNumber(C.change_max[i]);
  if (!isEmpty(C.change_pct[i])) parts.push(signed(C.change_pct[i]) + top + "%");
  if (!isEmpty(C.change_pp[i])) parts.push(signed(C.change_pp[i]) + top + " pp");
  if (!isEmpty(C.change_abs[i])) parts.push(signed(C.change_abs[i]) + (C.unit[i] ? " " + C.unit[i] : ""));
  if (parts.length && C.change_basis[i]) parts.push(C.change_basis[i]);
  return parts.join(" ");
}

function claimNumber(i) {
  const id = C.claim_id[i] || "";
  const at = id.lastIndexOf("#");
  return at >= 0 ? Number(id.slice(at + 1)) : null;
}

function rowLabel(i) {
  if (C.type[i] === "miss") return "gold claim (missed)";
  if (C.type[i] === "removed") return "removed claim";
  return "claim #" + claimNumber(i);
}

// Article texts are parsed only when an article is opened; a few stay cached.
const textCache = new Map();
function textOf(d) {
  if (textCache.has(d)) return textCache.get(d);
  const node = document.getElementById("text-" + d);
  const text = node ? JSON.parse(node.textContent) : "";
  textCache.set(d, text);
  if (textCache.size > 24) textCache.delete(textCache.keys().next().value);
  return text;
}

// Indexes built once: marks by article, findings by mark, verification status by mark.
const rowsOfDoc = DOCS.map(() => []);
for (let i = 0; i < N; i++) rowsOfDoc[C.doc[i]].push(i);
const findingsOf = new Map();
DATA.findings.forEach((f, k) => f.rows.forEach((r) => {
  if (!findingsOf.has(r)) findingsOf.set(r, []);
  findingsOf.get(r).push(k);
}));
const VERIFY_ORDER = ["contradicted", "period_mismatch", "supported", "not_found"];
function verifyStatus(i) {
  const checks = DATA.verify[String(i)];
  if (!checks) return "";
  return VERIFY_ORDER.find((s) => checks.some((c) => c.status === s)) || "";
}

function statuses(i) {
  const out = [];
  if (C.gold[i]) out.push("gold: " + C.gold[i]);
  if (C.diff[i]) out.push("diff: " + C.diff[i]);
  const v = verifyStatus(i);
  if (v) out.push("verify: " + v.replace("_", " "));
  if (findingsOf.has(i)) out.push("finding");
  return out;
}
