// The claim table: every mark of the batch, filtered, sorted and shown a page at a time.
const PAGE_SIZE = 50;
const table = { rows: [], page: 0, sort: "doc", dir: 1 };

const docRank = new Array(DOCS.length);
DOCS.map((d, k) => k).sort((a, b) => (DOCS[a].id < DOCS[b].id ? -1 : DOCS[a].id > DOCS[b].id ? 1 : a - b))
  .forEach((k, rank) => { docRank[k] = rank; });

const COLUMNS = [
  { key: "doc", label: "Document", text: (i) => DOCS[C.doc[i]].id, order: (i) => docRank[C.doc[i]] * 1e9 + (C.start[i] || 0) },
  { key: "claim", label: "#", text: (i) => (C.type[i] === "claim" ? claimNumber(i) : C.type[i]), order: (i) => claimNumber(i) ?? 1e9 },
  { key: "text", label: "Text", text: (i) => C.text[i] },
  { key: "kind", label: "Kind", text: (i) => C.kind[i] },
  { key: "subject", label: "Subject", text: (i) => C.subject[i] },
  { key: "metric", label: "Metric", text: (i) => C.metric[i] || C.metric_text[i] },
  { key: "value", label: "Value", text: fmtValue, order: (i) => (isEmpty(C.value[i]) ? null : Number(C.value[i])) },
  { key: "change", label: "Change", text: fmtChange, order: (i) => [C.change_pct[i], C.change_pp[i], C.change_abs[i]].find((v) => !isEmpty(v)) ?? null },
  { key: "period", label: "Period", text: (i) => C.period[i] },
  { key: "modality", label: "Modality", text: (i) => C.modality[i] },
  { key: "status", label: "Status", text: (i) => statuses(i).join(", ") },
];

function filterValue(id) { return document.getElementById(id).value.trim().toLowerCase(); }

function matches(i, f) {
  if (f.doc) {
    const doc = DOCS[C.doc[i]];
    if (!doc.id.toLowerCase().includes(f.doc) && !(doc.title || "").toLowerCase().includes(f.doc)) return false;
  }
  if (f.subject && !(C.subject[i] || "").toLowerCase().includes(f.subject)) return false;
  if (f.metric && !(C.metric[i] || "").toLowerCase().includes(f.metric)
      && !(C.metric_text[i] || "").toLowerCase().includes(f.metric)) return false;
  if (f.period && !(C.period[i] || "").toLowerCase().includes(f.period)) return false;
  if (f.kind && C.kind[i] !== f.kind) return false;
  if (f.status && !statuses(i).includes(f.status)) return false;
  return true;
}

function compareRows(a, b) {
  const column = COLUMNS.find((c) => c.key === table.sort);
  const get = column.order || column.text;
  const x = get(a), y = get(b);
  if (x === y) return a - b;
  if (x === null || x === undefined || x === "") return 1;          // empty cells last, either way
  if (y === null || y === undefined || y === "") return -1;
  const cmp = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "zh");
  return (cmp || a - b) * table.dir;
}

function refreshTable(keepPage) {
  const f = { doc: filterValue("filter-doc"), subject: filterValue("filter-subject"), metric: filterValue("filter-metric"),
    period: filterValue("filter-period"), kind: document.getElementById("filter-kind").value,
    status: document.getElementById("filter-status").value };
  const rows = [];
  for (let i = 0; i < N; i++) if (matches(i, f)) rows.push(i);
  rows.sort(compareRows);
  table.rows = rows;
  if (!keepPage) table.page = 0;
  renderTable();
}

function renderHead() {
  const tr = clear(document.querySelector("#claims-table thead tr"));
  COLUMNS.forEach((c) => {
    const state = c.key === table.sort ? (table.dir > 0 ? "ascending" : "descending") : "none";
    const th = el("th", { scope: "col", "data-key": c.key, "aria-sort": state },
      el("button", { type: "button", class: "sort" }, c.label, state === "none" ? "" : state === "ascending" ? " ▲" : " ▼"));
    th.addEventListener("click", () => {
      table.dir = table.sort === c.key ? -table.dir : 1;
      table.sort = c.key;
      refreshTable(false);
    });
    tr.append(th);
  });
}

function renderTable() {
  renderHead();
  const pages = Math.max(1, Math.ceil(table.rows.length / PAGE_SIZE));
  table.page = Math.min(table.page, pages - 1);
  const body = clear(document.querySelector("#claims-table tbody"));
  table.rows.slice(table.page * PAGE_SIZE, (table.page + 1) * PAGE_SIZE).forEach((i) => {
    const tr = el("tr", { "data-row": i, class: "t-" + C.type[i] + (i === view.pinned ? " selected" : ""), tabindex: 0 },
      COLUMNS.map((c) => el("td", { "data-key": c.key, class: c.key === "text" ? markClasses(i) : null }, c.text(i))));
    tr.addEventListener("click", () => openRow(i));
    tr.addEventListener("keydown", (e) => { if (e.key === "Enter") openRow(i); });
    tr.addEventListener("mouseenter", () => showDetail(i));
    tr.addEventListener("mouseleave", () => showDetail(view.pinned));
    body.append(tr);
  });
  document.getElementById("claim-count").textContent = "(" + table.rows.length.toLocaleString("en-US") + " of " + N.toLocaleString("en-US") + ")";
  document.getElementById("table-page").textContent = "page " + (table.page + 1) + " of " + pages;
  document.getElementById("table-prev").disabled = table.page === 0;
  document.getElementById("table-next").disabled = table.page >= pages - 1;
}

function wireTable() {
  ["filter-doc", "filter-subject", "filter-metric", "filter-period"].forEach((id) =>
    document.getElementById(id).addEventListener("input", () => refreshTable(false)));
  ["filter-kind", "filter-status"].forEach((id) =>
    document.getElementById(id).addEventListener("change", () => refreshTable(false)));
  document.getElementById("filter-clear").addEventListener("click", () => {
    document.querySelectorAll("#claims .filters input, #claims .filters select").forEach((n) => { n.value = ""; });
    refreshTable(false);
  });
  document.getElementById("table-prev").addEventListener("click", () => { table.page--; renderTable(); });
  document.getElementById("table-next").addEventListener("click", () => { table.page++; renderTable(); });
  const present = new Set();
  for (let i = 0; i < N; i++) statuses(i).forEach((s) => present.add(s));
  const select = document.getElementById("filter-status");
  [...present].sort().forEach((s) => select.append(el("option", { value: s }, s)));
}
