"""Report: an evaluation as Markdown — scores per split and document, field
accuracies, and every miss, spurious claim and wrong field beside gold."""
from __future__ import annotations

from .evaluate import REPORT_FIELDS, STRICT_FIELDS, Score


def _fmt(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float):
        return f"{value:.15g}"
    return str(value).replace("|", "\\|").replace("\n", " ")


def summary_lines(name: str, s: Score) -> list[str]:
    d, t = s.detection, s.strict
    fields = ", ".join(f"{f} {s.fields[f]:.3f}" for f in STRICT_FIELDS)
    return [f"{name}: detection P {d['precision']:.3f} R {d['recall']:.3f} F1 {d['f1']:.3f} | "
            f"strict P {t['precision']:.3f} R {t['recall']:.3f} F1 {t['f1']:.3f} "
            f"(gold {d['gold']}, predicted {d['predicted']}, matched {d['tp']}, strict {t['tp']})",
            f"  fields: {fields}",
            f"  subject {s.fields['subject']:.3f} (same entity {s.fields['subject_entity']:.3f}), "
            f"metric id {s.fields['metric']:.3f}"]


def markdown(scores: dict[str, Score]) -> str:
    """Scores by split name (e.g. 'all', 'dev', 'test') as a Markdown report."""
    out = ["# zhclaims evaluation", ""]
    out += ["| split | gold | predicted | matched | det P | det R | det F1 | strict P | strict R | strict F1 |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    for name, s in scores.items():
        d, t = s.detection, s.strict
        out.append(f"| {name} | {d['gold']} | {d['predicted']} | {d['tp']} | {d['precision']:.3f} | "
                   f"{d['recall']:.3f} | {d['f1']:.3f} | {t['precision']:.3f} | {t['recall']:.3f} | {t['f1']:.3f} |")
    full = scores.get("all") or next(iter(scores.values()))
    out += ["", "## Field accuracy over matched pairs", "", "| field | " + " | ".join(scores) + " |",
            "|---|" + "---|" * len(scores)]
    for f in REPORT_FIELDS:
        out.append(f"| {f}{' (strict)' if f in STRICT_FIELDS else ''} | "
                   + " | ".join(f"{s.fields[f]:.3f}" for s in scores.values()) + " |")
    out.append("| subject (same entity in the entity table) | "
               + " | ".join(f"{s.fields['subject_entity']:.3f}" for s in scores.values()) + " |")
    out += ["", "## Per document", "", "| document | gold | predicted | det F1 | strict F1 |", "|---|---|---|---|---|"]
    for doc, r in full.per_document.items():
        out.append(f"| {doc} | {r['detection']['gold']} | {r['detection']['predicted']} | "
                   f"{r['detection']['f1']:.3f} | {r['strict']['f1']:.3f} |")
    out += ["", f"## Misses ({len(full.misses)})", "", "| document | start | text | kind | period | sentence/note |",
            "|---|---|---|---|---|---|"]
    for g in full.misses:
        out.append(f"| {g['doc_id']} | {g['start']} | {_fmt(g['text'])} | {_fmt(g['kind'])} | "
                   f"{_fmt(g.get('period', ''))} | {_fmt(g.get('note', ''))[:80]} |")
    out += ["", f"## Spurious ({len(full.spurious)})", "", "| document | start | text | kind | rule | sentence |",
            "|---|---|---|---|---|---|"]
    for p in full.spurious:
        out.append(f"| {p['doc_id']} | {p['start']} | {_fmt(p['text'])} | {_fmt(p['kind'])} | "
                   f"{_fmt(p.get('rule', ''))} | {_fmt(p.get('sentence', ''))[:60]} |")
    out += ["", f"## Wrong fields ({len(full.wrong)})", "", "| document | start | anchor | field | predicted | gold |",
            "|---|---|---|---|---|---|"]
    for doc, name, predicted, gold, text, start in sorted(full.wrong, key=lambda w: (w[0], w[5], w[1])):
        out.append(f"| {doc} | {start} | {_fmt(text)} | {name} | {_fmt(predicted)} | {_fmt(gold)} |")
    return "\n".join(out) + "\n"
