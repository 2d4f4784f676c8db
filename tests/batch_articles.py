"""Small article folders for the batch tests: distinct articles with known claims."""
from __future__ import annotations

from pathlib import Path

COMPANIES = ["甲科技", "乙銀行", "丙汽車", "丁地產", "戊醫藥", "己能源", "庚物流", "辛食品", "壬電子", "癸保險",
             "子航空", "丑證券"]


def article(n: int) -> str:
    """An article with two level claims and a change, its figures made from n."""
    company = COMPANIES[n % len(COMPANIES)]
    return (f"{company}{2020 + n % 5}年業績\n"
            f"{2020 + n % 5}年第{n % 4 + 1}季度{company}營收{100 + n}億元，同比增長{n % 30 + 1}%。\n"
            f"淨利潤{10 + n % 17}.{n % 10}億元。\n")


def write_articles(folder: Path, count: int, start: int = 0) -> list[Path]:
    """`count` distinct .txt articles named doc000.txt …, UTF-8, plus their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"doc{n:03d}.txt"
        path.write_text(article(n), encoding="utf-8")
        paths.append(path)
    return paths


def outputs(folder: Path, name: str = "claims.csv") -> dict[str, bytes]:
    """The bytes of a batch's three tables (claims, errors, documents) in `folder`."""
    stem = Path(name).stem
    return {kind: (folder / file).read_bytes()
            for kind, file in [("claims", name), ("errors", f"{stem}.errors.csv"),
                               ("documents", f"{stem}.documents.csv")]}
