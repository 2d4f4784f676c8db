"""The benchmark of issue 11, in one run on the same texts; figures beside the targets.

    python -m bench [--articles 1000] [--memory-scale 10] [--no-memory] [--no-compare]

1. builds `--articles` distinct articles (bench/articles.py) in a temporary folder;
2. zhclaims throughput on them, -j 1 and -j 2 (in this process, warmed up: the batch as
   `zhclaims extract` runs it, outputs written);
3. the floor on the same texts: OpenCC t2s + jieba.lcut;
4. JioNLP money + time extraction and Recognizers-Text Chinese currency + percentage on
   the same texts, when installed (`pip install -e '.[bench]'`);
5. time per document at 1×, 10× and 100× one article's length;
6. peak memory of the whole process tree of `zhclaims extract` at 1× and `--memory-scale`×
   the batch (needs psutil);
7. cold start: `zhclaims extract one.txt` and `zhclaims --help`, wall time.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from bench import measure
from bench.articles import write_articles

LENGTH_LIMIT = 300.0            # seconds: a longer document is reported as over it


def _zhclaims() -> list[str]:
    script = Path(sys.executable).parent / "zhclaims"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "pipeline"]


def zhclaims_seconds(folder: Path, out: Path, jobs: int) -> float:
    from pipeline.io.batch import Options, run_batch
    from pipeline.io.worker import warm_up

    warm_up()
    started = time.perf_counter()
    run_batch([folder], out, Options(jobs=jobs))
    return time.perf_counter() - started


def floor_seconds(paths: list[Path]) -> float:
    import jieba
    import opencc

    jieba.setLogLevel(60)
    converter = opencc.OpenCC("t2s")
    jieba.initialize()
    started = time.perf_counter()
    for path in paths:
        jieba.lcut(converter.convert(path.read_text(encoding="utf-8")))
    return time.perf_counter() - started


def jionlp_seconds(paths: list[Path]) -> float | str:
    try:
        import jionlp
    except ImportError:
        return "not installed (pip install jionlp)"
    jionlp.ner.extract_money("1"), jionlp.ner.extract_time("1", time_base=0)
    started = time.perf_counter()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        jionlp.ner.extract_money(text)
        jionlp.ner.extract_time(text, time_base=0)
    return time.perf_counter() - started


def recognizers_seconds(paths: list[Path]) -> float | str:
    try:
        from recognizers_number import NumberRecognizer
        from recognizers_number_with_unit import NumberWithUnitRecognizer
        from recognizers_text import Culture
    except ImportError as exc:
        return f"not installed or broken ({exc}; pip install recognizers-text-suite 'emoji<1.0')"
    currency = NumberWithUnitRecognizer(Culture.Chinese).get_currency_model()
    percentage = NumberRecognizer(Culture.Chinese).get_percentage_model()
    started = time.perf_counter()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        currency.parse(text)
        percentage.parse(text)
    return time.perf_counter() - started


def length_seconds(article: Path, folder: Path) -> dict[int, float | None]:
    """Seconds for one document of 1×, 10× and 100× the article's length (None: over the limit)."""
    from pipeline.io.runner import Runner, context
    from pipeline.io.worker import warm_up

    text = article.read_text(encoding="utf-8")
    warm_up()
    runner = Runner(context())
    times: dict[int, float | None] = {}
    try:
        for factor, repeats in [(1, 5), (10, 3), (100, 1)]:
            path = folder / f"long{factor}.txt"
            path.write_text("\n\n".join([text] * factor), encoding="utf-8")
            runs = []
            for _ in range(repeats):
                started = time.perf_counter()
                result = runner.run_one(str(path), LENGTH_LIMIT)
                runs.append(None if "timeout" in result.kinds() else time.perf_counter() - started)
            times[factor] = None if None in runs else sorted(runs)[len(runs) // 2]   # type: ignore[type-var]
    finally:
        runner.close()
    return times


def memory_peaks(root: Path, articles: int, scale: int) -> dict[int, float | None]:
    """Peak MB of the `zhclaims extract` process tree on 1× and `scale`× the batch."""
    peaks: dict[int, float | None] = {}
    for factor in (1, scale):
        folder = root / f"memory{factor}"
        write_articles(folder, articles * factor)
        _, peak = measure.run_measured([*_zhclaims(), "extract", str(folder), "-o", str(root / f"m{factor}.csv"), "-q"])
        peaks[factor] = None if peak is None else peak / 2**20
    return peaks


def cold_start(root: Path, article: Path) -> tuple[float, float]:
    one = root / "one.txt"
    one.write_text(article.read_text(encoding="utf-8"), encoding="utf-8")
    extract = measure.wall([*_zhclaims(), "extract", str(one), "-o", str(root / "one.csv"), "-q"])
    return extract, measure.wall([*_zhclaims(), "--help"])


def _rate(chars: int, seconds: float | str) -> str:
    return seconds if isinstance(seconds, str) else f"{chars / seconds:>12,.0f} chars/s"


def _ratio(value: float | None, target: float, at_least: bool) -> tuple[str, str]:
    if value is None:
        return "n/a", "n/a"
    met = value >= target if at_least else value <= target
    return f"{value:.2f}×", "yes" if met else "NO"


def _line(name: str, figure: str, target: str = "", met: str = "") -> None:
    print(f"  {name:<44} {figure:>20}   {target:<10} {met}")


def report_speed(chars: int, docs: int, seconds: dict[str, float | str]) -> None:
    print(f"\nthroughput on {docs:,} distinct articles, {chars:,} characters")
    for name, value in seconds.items():
        _line(name, _rate(chars, value))
    one, floor = seconds["zhclaims -j 1"], seconds["floor: OpenCC t2s + jieba.lcut"]
    jio = seconds["JioNLP money + time"]
    assert isinstance(one, float) and isinstance(floor, float)
    print("targets")
    _line("zhclaims -j 1 / floor", *_with_target(floor / one, 1.0, True))
    if isinstance(jio, float):
        _line("zhclaims -j 1 / JioNLP money + time", *_with_target(jio / one, 2.0, True))
    two = seconds["zhclaims -j 2"]
    if isinstance(two, float):
        _line("zhclaims -j 2 / -j 1", *_with_target(one / two, 1.8, True))


def _with_target(value: float | None, target: float, at_least: bool) -> tuple[str, str, str]:
    figure, met = _ratio(value, target, at_least)
    return figure, f"{'≥' if at_least else '≤'} {target:g}×", met


def report_lengths(times: dict[int, float | None]) -> None:
    print("\ntime per document by length (one article repeated)")
    for factor, seconds in times.items():
        _line(f"{factor}× an article's length", f"{seconds:.3f} s" if seconds else f"> {LENGTH_LIMIT:g} s")
    one, hundred = times.get(1), times.get(100)
    _line("100× length / 1× time", *_with_target(hundred / one if one and hundred else None, 120, False))


def report_memory(peaks: dict[int, float | None], scale: int) -> None:
    print("\npeak memory of the `zhclaims extract` process tree (PSS; default -j)")
    for factor, peak in peaks.items():
        _line(f"{factor}× the batch", f"{peak:.0f} MB" if peak else "n/a (pip install psutil)")
    one, many = peaks.get(1), peaks.get(scale)
    _line(f"{scale}× / 1×", *_with_target(many / one if one and many else None, 1.2, False))


def report_cold(extract: float, help_: float) -> None:
    print("\ncold start (wall time, median of 3)")
    _line("zhclaims extract one.txt", f"{extract:.2f} s", "≤ 1.0 s", "yes" if extract <= 1.0 else "NO")
    _line("zhclaims --help", f"{help_:.2f} s")


def report_load() -> None:
    import os

    print(f"load average (1, 5, 15 min): {', '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores"
          " — other work on the machine lowers the wall-time figures")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--memory-scale", type=int, default=10)
    parser.add_argument("--no-memory", action="store_true", help="skip the memory runs (the slowest part)")
    parser.add_argument("--no-compare", action="store_true", help="skip JioNLP and Recognizers-Text")
    args = parser.parse_args(argv)
    report_load()
    with tempfile.TemporaryDirectory(prefix="zhclaims-bench-") as tmp:
        root = Path(tmp)
        paths = write_articles(root / "articles", args.articles, args.seed)
        chars, article = measure.characters(paths), next(p for p in paths if p.suffix == ".txt")
        seconds: dict[str, float | str] = {}
        for jobs in (1, 2):
            seconds[f"zhclaims -j {jobs}"] = zhclaims_seconds(root / "articles", root / f"j{jobs}.csv", jobs)
        seconds["floor: OpenCC t2s + jieba.lcut"] = floor_seconds(paths)
        skipped = "skipped (--no-compare)"
        seconds["JioNLP money + time"] = skipped if args.no_compare else jionlp_seconds(paths)
        seconds["Recognizers-Text currency + percentage"] = skipped if args.no_compare else recognizers_seconds(paths)
        report_speed(chars, len(paths), seconds)
        report_lengths(length_seconds(article, root))
        if not args.no_memory:
            report_memory(memory_peaks(root, args.articles, args.memory_scale), args.memory_scale)
        report_cold(*cold_start(root, article))
    report_load()
    return 0
