"""Write docs/metrics.md: every canonical metric id of rules/metrics.yaml with its kind,
parent and meaning, grouped as the rule file groups them — the list users read to know
what a `metric` value means.

Usage: python scripts/metrics_doc.py [--check]   (--check exits 1 when the page is stale;
tests/test_corpus_readme.py runs it)
"""
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
RULES, PAGE = ROOT / "rules" / "metrics.yaml", ROOT / "docs" / "metrics.md"
_GROUP = re.compile(r"^\s*# =+ (.+?) =+\s*$")
_ID = re.compile(r"^  ([a-z0-9_]+):\s*$")


def groups(text: str) -> list[tuple[str, list[str]]]:
    """(heading, ids) in the order of the rule file's `# ===== heading =====` comments."""
    out: list[tuple[str, list[str]]] = []
    inside = False
    for line in text.splitlines():
        if line.startswith("metrics:"):
            inside = True
        elif inside and line and not line.startswith((" ", "#")):
            break
        elif inside and (heading := _GROUP.match(line)):
            out.append((heading.group(1), []))
        elif inside and (found := _ID.match(line)):
            out[-1][1].append(found.group(1)) if out else out.append(("Metrics", [found.group(1)]))
    return out


def render() -> str:
    text = RULES.read_text(encoding="utf-8")
    metrics = yaml.safe_load(text)["metrics"]
    lines = ["# Metric taxonomy", "",
             f"The {len(metrics)} canonical ids of the `metric` column, generated from `rules/metrics.yaml` by",
             "`python scripts/metrics_doc.py` (a test checks it is up to date). Kind is what a level of the",
             "metric is (money → `amount` rows, count, ratio); a child's parent is the total it is part of",
             "(`never`: a variant that does not add up to it; `alone`: a part that cuts across its siblings).",
             "A metric noun the taxonomy does not know keeps its `metric_text` and leaves `metric` empty.", ""]
    for heading, ids in groups(text):
        lines += [f"## {heading}", "", "| id | kind | parent | meaning |", "|---|---|---|---|"]
        for metric_id in ids:
            d = metrics[metric_id]
            parent = d.get("parent") or ""
            if parent and d.get("as_part", "sum") != "sum":
                parent += f" ({d['as_part']})"
            meaning = str(d["meaning"]).replace("|", "\\|")
            lines.append(f"| `{metric_id}` | {d['kind']} | {parent} | {meaning} |")
        lines.append("")
    return "\n".join(lines)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    fresh = render()
    if "--check" in argv:
        return 0 if PAGE.is_file() and PAGE.read_text(encoding="utf-8") == fresh else 1
    PAGE.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
