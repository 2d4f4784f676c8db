// The article view: the text with its claims marked, and the detail panel.
const view = { doc: -1, pinned: -1 };

function markClasses(i) {
  const classes = ["hl", "t-" + C.type[i], "k-" + (C.kind[i] || "none")];
  classes.push("g-" + (C.gold[i] || "none"), "d-" + (C.diff[i] || "same"), "v-" + (verifyStatus(i) || "none"));
  if (findingsOf.has(i)) classes.push("has-finding");
  return classes.join(" ");
}

// Cut the text at every mark boundary; each piece is wrapped in every mark that covers it
// (outermost = longest), so overlapping marks (a removed claim under a new one) both show.
function markedText(text, rows) {
  const marks = rows.filter((i) => C.start[i] !== null && C.end[i] !== null && C.end[i] > C.start[i]);
  const cuts = new Set([0, text.length]);
  marks.forEach((i) => { cuts.add(C.start[i]); cuts.add(C.end[i]); });
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k], b = points[k + 1];
    let node = document.createTextNode(text.slice(a, b));
    const over = marks.filter((i) => C.start[i] <= a && C.end[i] >= b)
      .sort((x, y) => (C.end[x] - C.start[x]) - (C.end[y] - C.start[y]) || x - y);
    for (const i of over) {
      node = el("mark", { class: markClasses(i), "data-row": i, tabindex: 0, title: rowLabel(i) }, node);
    }
    frag.append(node);
  }
  return frag;
}

function openDoc(d, row) {
  if (d !== view.doc) {
    view.doc = d;
    const doc = DOCS[d];
    document.getElementById("article-title").textContent = doc.title || doc.id;
    const counts = rowsOfDoc[d].filter((i) => C.type[i] === "claim").length;
    const meta = [doc.id, doc.fmt === "html" ? "HTML page, shown as its visible text" : "plain text",
      counts + " claims"];
    document.getElementById("article-meta").textContent = meta.join(" · ");
    renderDocFindings(d);
    const article = clear(document.getElementById("article"));
    article.setAttribute("data-doc", doc.id);
    article.append(markedText(textOf(d), rowsOfDoc[d]));
    article.scrollTop = 0;
    markDocList();
  }
  if (row !== undefined && row !== null) select(row, true);
}

function renderDocFindings(d) {
  const list = clear(document.getElementById("article-findings"));
  const seen = new Set();
  rowsOfDoc[d].forEach((i) => (findingsOf.get(i) || []).forEach((k) => seen.add(k)));
  [...seen].sort((a, b) => a - b).forEach((k) => {
    const f = DATA.findings[k];
    const item = el("li", { class: "finding conf-" + f.confidence, tabindex: 0, "data-finding": k },
      el("b", {}, f.check.replace(/_/g, " ")), " ", f.message);
    item.addEventListener("click", () => openRow(f.rows[0]));
    list.append(item);
  });
}

function marksOf(i) { return document.querySelectorAll('#article mark[data-row="' + i + '"]'); }

function select(i, scroll) {
  document.querySelectorAll("#article mark.selected, #claims-table tr.selected")
    .forEach((n) => n.classList.remove("selected"));
  view.pinned = i;
  const marks = marksOf(i);
  marks.forEach((n) => n.classList.add("selected"));
  const tr = document.querySelector('#claims-table tr[data-row="' + i + '"]');
  if (tr) tr.classList.add("selected");
  if (scroll && marks.length) marks[0].scrollIntoView({ block: "center" });
  showDetail(i);
}

function openRow(i) { openDoc(C.doc[i], i); }

function fieldRows(i) {
  const text = textOf(C.doc[i]);
  const sentence = C.sent_start[i] !== null ? text.slice(C.sent_start[i], C.sent_end[i]) : "";
  const period = C.period[i] ? C.period[i] + (C.period_text[i] ? " (" + C.period_text[i] + ")" : "") : "";
  const metric = C.metric[i] ? C.metric[i] + (C.metric_text[i] ? " (" + C.metric_text[i] + ")" : "") : C.metric_text[i];
  const value = fmtValue(i) + (C.unit_text[i] && fmtValue(i) ? " (" + C.unit_text[i] + ")" : "");
  return [["text", C.text[i]], ["kind", C.kind[i]], ["subject", C.subject[i]], ["metric", metric],
    ["value", value], ["change", fmtChange(i)], ["period", period], ["modality", C.modality[i]],
    ["rule", C.rule[i]], ["sentence", sentence]];
}

function fieldTable(rows) {
  return el("table", { class: "fields" },
    rows.filter(([, v]) => !isEmpty(v)).map(([k, v]) => el("tr", {}, el("th", { scope: "row" }, k), el("td", {}, String(v)))));
}

function compareTable(caption, fields, heads) {
  const rows = Object.entries(fields).map(([name, [a, b]]) => {
    const strict = DATA.strict_fields.includes(name) ? " (strict)" : "";
    const shown = (v) => (isEmpty(v) ? "—" : typeof v === "number" ? fmtNumber(v) : String(v));
    return el("tr", {}, el("th", { scope: "row" }, name + strict), el("td", {}, shown(a)), el("td", {}, shown(b)));
  });
  return el("table", { class: "compare" }, el("caption", {}, caption),
    el("tr", {}, el("th", {}, "field"), el("th", {}, heads[0]), el("th", {}, heads[1])), rows);
}

function detailSections(i) {
  const out = (findingsOf.get(i) || []).map((k) => findingItem(k, i));
  const gold = DATA.gold_fields[String(i)];
  if (C.gold[i]) out.push(el("p", { class: "badge g-" + C.gold[i] }, "gold: " + C.gold[i]));
  if (gold && Object.keys(gold).length) out.push(compareTable("Against gold", gold, ["extracted", "gold"]));
  if (C.diff[i]) out.push(el("p", { class: "badge d-" + C.diff[i] }, "rule change: " + C.diff[i]));
  const changed = DATA.diff_fields[String(i)];
  if (changed) out.push(compareTable("What the rule change did", changed, ["old", "new"]));
  (DATA.verify[String(i)] || []).forEach((v) => out.push(el("div", { class: "verify v-" + v.status },
    el("b", {}, v.figure + " " + v.claimed + ": " + v.status.replace("_", " ")),
    v.reference_value ? el("div", {}, "reference " + v.reference_period + ": " + v.reference_value + " " + (v.reference_unit || "")) : null,
    v.detail ? el("div", {}, v.detail) : null, v.source ? el("div", { class: "source" }, v.source) : null)));
  return out;
}

function findingItem(k, from) {
  const f = DATA.findings[k];
  const others = f.rows.filter((r) => r !== from).map((r) => {
    const b = el("button", { type: "button", class: "link" }, DOCS[C.doc[r]].id + " " + rowLabel(r) + " " + C.text[r]);
    b.addEventListener("click", () => openRow(r));
    return b;
  });
  return el("div", { class: "finding conf-" + f.confidence }, el("b", {}, "finding: " + f.check.replace(/_/g, " ")),
    el("div", {}, f.message), others.length ? el("div", {}, "see ", others) : null);
}

function showDetail(i) {
  const panel = clear(document.getElementById("detail"));
  if (i < 0) return panel.append(el("p", { class: "hint" }, "Point at a highlighted figure to see its fields."));
  panel.setAttribute("data-row", i);
  const head = rowLabel(i) + " · " + DOCS[C.doc[i]].id;
  panel.append(el("h3", {}, head), fieldTable(fieldRows(i)), ...detailSections(i));
}

function wireArticle() {
  const article = document.getElementById("article");
  const rowOf = (e) => { const m = e.target.closest("mark[data-row]"); return m ? Number(m.getAttribute("data-row")) : null; };
  article.addEventListener("mouseover", (e) => { const i = rowOf(e); if (i !== null) showDetail(i); });
  article.addEventListener("mouseleave", () => showDetail(view.pinned));
  article.addEventListener("click", (e) => { const i = rowOf(e); if (i !== null) select(i, false); });
  article.addEventListener("focusin", (e) => { const i = rowOf(e); if (i !== null) select(i, false); });
}
