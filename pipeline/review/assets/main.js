// The page around the article and the table: summary, colours, article list, findings, scores.
const DOC_PAGE = 100;
const docList = { rows: DOCS.map((_, d) => d), page: 0 };

const MODES = {
  kind: { label: "kind of claim", legend: [["k-amount", "amount"], ["k-count", "count"], ["k-ratio", "ratio"], ["k-change", "change"]] },
  gold: { label: "gold", legend: [["g-right", "right"], ["g-wrong", "wrong field"], ["g-spurious", "spurious"], ["g-miss", "missed"], ["g-none", "no gold"]] },
  diff: { label: "rule change", legend: [["d-added", "added"], ["d-changed", "changed"], ["d-removed", "removed"], ["d-same", "unchanged"]] },
  verify: { label: "facts", legend: [["v-supported", "supported"], ["v-period_mismatch", "period mismatch"], ["v-contradicted", "contradicted"], ["v-not_found", "not found"]] },
};

function setMode(mode) {
  document.body.className = "mode-" + mode;
  document.getElementById("colour").value = mode;
  const legend = clear(document.getElementById("legend"));
  MODES[mode].legend.forEach(([cls, label]) => legend.append(el("span", { class: "hl key " + cls }, label)));
  legend.append(el("span", { class: "hl key has-finding" }, "consistency finding"));
}

function renderSummary() {
  const claims = C.type.filter((t) => t === "claim").length;
  const parts = [DOCS.length.toLocaleString("en-US") + " articles", claims.toLocaleString("en-US") + " claims",
    DATA.findings.length + " findings"];
  const e = DATA.evaluation;
  if (e) parts.push("gold: strict F1 " + e.strict.f1.toFixed(3) + ", detection F1 " + e.detection.f1.toFixed(3) + " (" + e.documents + " articles)");
  const d = DATA.difference;
  if (d) parts.push("rule change: " + d.added + " added, " + d.removed + " removed, " + d.changed + " changed");
  const v = DATA.verify_totals;
  if (v) parts.push("facts: " + Object.entries(v).map(([k, n]) => n + " " + k.replace("_", " ")).join(", "));
  if (DATA.hidden) parts.push(DATA.hidden + " held-out articles left out");
  document.getElementById("summary").textContent = parts.join(" · ");
  document.getElementById("title").textContent = DATA.title;
}

function markDocList() {
  document.querySelectorAll("#doc-list li").forEach((li) =>
    li.classList.toggle("current", Number(li.getAttribute("data-doc")) === view.doc));
}

function renderDocList() {
  const list = clear(document.getElementById("doc-list"));
  const pages = Math.max(1, Math.ceil(docList.rows.length / DOC_PAGE));
  docList.page = Math.min(docList.page, pages - 1);
  docList.rows.slice(docList.page * DOC_PAGE, (docList.page + 1) * DOC_PAGE).forEach((d) => {
    const rows = rowsOfDoc[d];
    const claims = rows.filter((i) => C.type[i] === "claim").length;
    const flags = rows.filter((i) => findingsOf.has(i)).length;
    const item = el("li", { "data-doc": d, tabindex: 0, title: DOCS[d].id },
      el("span", { class: "doc-title" }, DOCS[d].title || DOCS[d].id),
      el("span", { class: "doc-count" }, claims + (flags ? " · " + flags + " flagged" : "")));
    item.addEventListener("click", () => openDoc(d));
    item.addEventListener("keydown", (ev) => { if (ev.key === "Enter") openDoc(d); });
    list.append(item);
  });
  document.getElementById("doc-page").textContent = (docList.page + 1) + " / " + pages;
  document.getElementById("doc-prev").disabled = docList.page === 0;
  document.getElementById("doc-next").disabled = docList.page >= pages - 1;
  markDocList();
}

function renderFindings() {
  const list = clear(document.getElementById("finding-list"));
  document.getElementById("finding-count").textContent = "(" + DATA.findings.length + ")";
  const shownAtOnce = 500;
  DATA.findings.slice(0, shownAtOnce).forEach((f, k) => {
    const item = el("li", { class: "finding conf-" + f.confidence, tabindex: 0 },
      el("b", {}, f.check.replace(/_/g, " ")), " (" + f.scope + ", " + f.confidence + ") ",
      DOCS[C.doc[f.rows[0]]].id + ": ", f.message);
    item.addEventListener("click", () => openRow(f.rows[0]));
    list.append(item);
  });
  if (DATA.findings.length > shownAtOnce) list.append(el("li", {}, "… and " + (DATA.findings.length - shownAtOnce) + " more (zhclaims check)"));
}

function renderEvaluation() {
  const e = DATA.evaluation;
  if (!e) return;
  const section = document.getElementById("evaluation");
  section.hidden = false;
  const prf = (name, s) => el("tr", {}, el("th", { scope: "row" }, name), el("td", {}, s.precision.toFixed(3)),
    el("td", {}, s.recall.toFixed(3)), el("td", {}, s.f1.toFixed(3)), el("td", {}, s.tp + " / " + s.predicted + " / " + s.gold));
  section.append(el("h2", {}, "Evaluation against gold (" + e.documents + " articles)"),
    el("table", { class: "scores" }, el("tr", {}, el("th", {}, ""), el("th", {}, "precision"), el("th", {}, "recall"),
      el("th", {}, "F1"), el("th", {}, "matched / predicted / gold")), prf("detection", e.detection), prf("strict", e.strict)),
    el("p", {}, e.misses + " missed, " + e.spurious + " spurious"),
    el("table", { class: "scores", id: "field-accuracy" }, el("caption", {}, "Per-field accuracy over matched claims"),
      el("tr", {}, el("th", {}, "field"), el("th", {}, "accuracy"), el("th", {}, "wrong")),
      e.fields.map((f) => el("tr", {}, el("th", { scope: "row" }, f.field + (f.strict ? " (strict)" : "")),
        el("td", {}, f.accuracy.toFixed(3)), el("td", {}, f.wrong)))));
}

function renderDifference() {
  const d = DATA.difference;
  if (!d) return;
  const section = document.getElementById("difference");
  section.hidden = false;
  section.append(el("h2", {}, "Rule change"), el("p", {}, d.added + " added, " + d.removed + " removed, " + d.changed + " changed"),
    el("table", { class: "scores" }, el("tr", {}, el("th", {}, "field"), el("th", {}, "changed")),
      Object.entries(d.fields).map(([k, n]) => el("tr", {}, el("th", { scope: "row" }, k), el("td", {}, n)))));
}

function wirePage() {
  const colour = document.getElementById("colour");
  const modes = ["kind"].concat(DATA.evaluation ? ["gold"] : [], DATA.difference ? ["diff"] : [], DATA.verify_totals ? ["verify"] : []);
  modes.forEach((m) => colour.append(el("option", { value: m }, MODES[m].label)));
  colour.addEventListener("change", () => setMode(colour.value));
  setMode(DATA.difference ? "diff" : DATA.evaluation ? "gold" : DATA.verify_totals ? "verify" : "kind");
  document.getElementById("doc-search").addEventListener("input", (e) => {
    const q = e.target.value.trim().toLowerCase();
    docList.rows = DOCS.map((_, d) => d).filter((d) => !q || DOCS[d].id.toLowerCase().includes(q)
      || (DOCS[d].title || "").toLowerCase().includes(q));
    docList.page = 0;
    renderDocList();
  });
  document.getElementById("doc-prev").addEventListener("click", () => { docList.page--; renderDocList(); });
  document.getElementById("doc-next").addEventListener("click", () => { docList.page++; renderDocList(); });
}

renderSummary();
wirePage();
wireArticle();
wireTable();
renderDocList();
refreshTable(false);
renderFindings();
renderEvaluation();
renderDifference();
if (DOCS.length) openDoc(0);
document.body.setAttribute("data-ready", "yes");
