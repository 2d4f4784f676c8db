"""Score ``find_quantities`` against the Recognizers-Text Chinese test cases.

    python -m pipeline.eval.conformance [DATA_DIR] [--xfail FILE] [--failures]

DATA_DIR holds ``NumberModel.json``, ``PercentModel.json`` and
``CurrencyModel.json`` (default: ``tests/conformance/recognizers_text`` under
the repository root); FILE lists the cases that are known to fail on purpose
(default: ``xfail.yaml`` next to DATA_DIR).

Scoring, per case:

- An expected result *hits* when one returned mention, not used by another
  result, has a compatible kind (number - number, percentage - percent,
  currency - money), a span that overlaps the expected one (the case's ``End``
  is inclusive: the span is ``Input[Start:End+1]``) and the same value
  (relative tolerance 1e-9; for percentages the number before ``%``; for
  money also the same ISO code when the case gives ``isoCurrency``). A range
  mention (``value_max`` set) carries the value of either end. Cases marked
  ``IgnoreResolution`` compare kind and span only. The hit is *exact* when the
  span is identical too.
- A *spurious* mention is a returned mention of a kind the suite looks at
  (number suite: every mention; percent suite: percent; currency suite:
  money) that hits no expected result.
- Expected currency results with ``value: null`` (a bare currency name with no
  amount) are not numeric mentions: ``find_quantities`` returns
  only figures, so they are left out of the expected results and counted
  under ``null_skipped``. A mention in such a case is still spurious.
- Cases listed in the xfail file (strict) are left out of every figure and
  counted under ``xfailed``; one that passes anyway (all results hit, nothing
  spurious) is counted under ``xpassed`` and fails the test suite.
"""
from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

import yaml

from pipeline.quantities import find_quantities

SUITES = {
    "NumberModel": ("number", None),
    "PercentModel": ("percentage", {"percent"}),
    "CurrencyModel": ("currency", {"money"}),
}
COMPATIBLE = {"number": "number", "percentage": "percent", "currency": "money"}
REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA_DIR = REPO_ROOT / "tests" / "conformance" / "recognizers_text"


def load_xfails(path: Path | None) -> dict[str, dict]:
    """`{case id: entry}` from a YAML list of `{id, input, reason}` entries."""
    if path is None or not path.is_file():
        return {}
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    out = {}
    for entry in entries:
        if not entry.get("reason"):
            raise ValueError(f"{path}: xfail {entry.get('id')} has no reason")
        out[entry["id"]] = entry
    return out


def _expected_value(result: dict) -> float | None:
    value = result.get("Resolution", {}).get("value")
    if value is None:
        return None
    return float(str(value).rstrip("%"))


def _same_value(expected: float, mention) -> bool:
    values = [mention.value] if mention.value_max is None else [mention.value, mention.value_max]
    return any(v is not None and math.isclose(v, expected, rel_tol=1e-9, abs_tol=1e-12)
               for v in values)


def _hits(result: dict, mention, ignore_value: bool) -> bool:
    if mention.kind != COMPATIBLE[result["TypeName"]]:
        return False
    start, end = result["Start"], result["End"] + 1
    if not (mention.start < end and start < mention.end):
        return False
    if ignore_value:
        return True
    expected = _expected_value(result)
    if expected is None or not _same_value(expected, mention):
        return False
    iso = result.get("Resolution", {}).get("isoCurrency")
    return not (result["TypeName"] == "currency" and iso and mention.unit != iso)


def score_case(case: dict, relevant: set[str] | None) -> dict:
    """Hits, exact hits and spurious mentions of one case."""
    mentions = find_quantities(case["Input"])
    expected = [r for r in case["Results"]
                if not (r["TypeName"] == "currency" and _expected_value(r) is None)]
    null_skipped = len(case["Results"]) - len(expected)
    used: set[int] = set()
    hits = exact = 0
    misses = []
    ignore = bool(case.get("IgnoreResolution"))
    for result in expected:
        span = (result["Start"], result["End"] + 1)
        candidates = [i for i, m in enumerate(mentions)
                      if i not in used and _hits(result, m, ignore)]
        if not candidates:
            misses.append(result)
            continue
        best = min(candidates, key=lambda i: ((mentions[i].start, mentions[i].end) != span,
                                              abs(mentions[i].start - span[0])))
        used.add(best)
        hits += 1
        exact += (mentions[best].start, mentions[best].end) == span
    spurious = [m for i, m in enumerate(mentions)
                if i not in used and (relevant is None or m.kind in relevant)]
    return {"expected": len(expected), "hits": hits, "exact": exact,
            "spurious": len(spurious), "null_skipped": null_skipped, "misses": misses,
            "spurious_mentions": spurious, "mentions": mentions,
            "passed": hits == len(expected) and not spurious}


def _figures(totals: dict) -> dict:
    n = totals["expected"]
    totals["hit_rate"] = totals["hits"] / n if n else 1.0
    totals["exact_rate"] = totals["exact"] / n if n else 1.0
    return totals


def score_suites(data_dir: str | Path = DEFAULT_DATA_DIR,
                 xfail_path: str | Path | None = None) -> dict:
    """Per-suite and overall figures (see module doc); failures are listed per suite."""
    data_dir = Path(data_dir)
    xfail_path = Path(xfail_path) if xfail_path else data_dir.parent / "xfail.yaml"
    xfails = load_xfails(xfail_path)
    report: dict = {}
    keys = ("cases", "expected", "hits", "exact", "spurious", "null_skipped", "xfailed",
            "xpassed")
    overall = dict.fromkeys(keys, 0)
    overall_every = dict.fromkeys(keys, 0)
    for suite, (_, relevant) in SUITES.items():
        path = data_dir / f"{suite}.json"
        cases = json.loads(path.read_text(encoding="utf-8"))
        totals = dict.fromkeys(keys, 0)
        every = dict.fromkeys(keys, 0)  # the same figures with the xfailed cases kept in
        failures, xpassed = [], []
        for index, case in enumerate(cases):
            case_id = f"{suite}#{index}"
            scored = score_case(case, relevant)
            every["cases"] += 1
            for key in ("expected", "hits", "exact", "spurious", "null_skipped"):
                every[key] += scored[key]
            if case_id in xfails:
                if xfails[case_id].get("input") not in (None, case["Input"]):
                    raise ValueError(f"{xfail_path}: {case_id} input does not match the case")
                totals["xfailed"] += 1
                if scored["passed"]:
                    totals["xpassed"] += 1
                    xpassed.append(case_id)
                continue
            totals["cases"] += 1
            for key in ("expected", "hits", "exact", "spurious", "null_skipped"):
                totals[key] += scored[key]
            if not scored["passed"] or scored["exact"] < scored["expected"]:
                failures.append({"id": case_id, "input": case["Input"],
                                 "misses": [(r["Text"], r["Resolution"].get("value"),
                                             r["Start"], r["End"] + 1)
                                            for r in scored["misses"]],
                                 "spurious": [(m.text, m.kind, m.value, m.start, m.end)
                                              for m in scored["spurious_mentions"]],
                                 "mentions": [(m.text, m.kind, m.value, m.start, m.end)
                                              for m in scored["mentions"]]})
        for key in keys:
            overall[key] += totals[key]
            overall_every[key] += every[key]
        report[suite] = _figures(totals) | {"failures": failures, "xpassed_ids": xpassed,
                                            "with_xfails": _figures(every)}
    report["overall"] = _figures(overall) | {"with_xfails": _figures(overall_every)}
    return report


def format_report(report: dict) -> str:
    head = (f"{'suite':<14}{'cases':>6}{'expected':>9}{'hits':>6}{'hit rate':>9}"
            f"{'exact':>7}{'exact rate':>11}{'spurious':>9}{'xfailed':>8}{'xpassed':>8}")
    lines = [head, "-" * len(head)]
    for name, r in report.items():
        lines.append(f"{name:<14}{r['cases']:>6}{r['expected']:>9}{r['hits']:>6}"
                     f"{r['hit_rate']:>9.1%}{r['exact']:>7}{r['exact_rate']:>11.1%}"
                     f"{r['spurious']:>9}{r['xfailed']:>8}{r['xpassed']:>8}")
    lines.append("")
    lines.append("the same, xfailed cases counted in:")
    for name, r in report.items():
        e = r["with_xfails"]
        lines.append(f"{name:<14}{e['cases']:>6}{e['expected']:>9}{e['hits']:>6}"
                     f"{e['hit_rate']:>9.1%}{e['exact']:>7}{e['exact_rate']:>11.1%}"
                     f"{e['spurious']:>9}")
    skipped = report["overall"]["null_skipped"]
    lines.append(f"(currency results with a null value, left out: {skipped})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.eval.conformance",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", default=str(DEFAULT_DATA_DIR))
    parser.add_argument("--xfail", default=None, help="xfail list (default: ../xfail.yaml)")
    parser.add_argument("--failures", action="store_true", help="list every failing case")
    args = parser.parse_args(argv)
    report = score_suites(args.data_dir, args.xfail)
    print(format_report(report))
    if args.failures:
        for suite in SUITES:
            for f in report[suite]["failures"]:
                print(f"\n{f['id']}  {f['input']!r}")
                print(f"  misses:   {f['misses']}")
                print(f"  spurious: {f['spurious']}")
                print(f"  returned: {f['mentions']}")
            for case_id in report[suite]["xpassed_ids"]:
                print(f"\n{case_id}  XPASS (listed as xfail but passes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
