"""Hostile inputs for a batch (issue 12): every kind of bad file, beside good articles.

`CASES` names each input and what must become of it; `write_inputs(folder)` writes them
all and returns, for each case, {path: Expect}. An input is either

- `same`: an article in some encoding or form that must give exactly the claims of its
  clean UTF-8 text (values and anchors, or values only when a repair shifts nothing but
  the text around them),
- `claims`: processed with at least one claim,
- `processed`: processed without error (a pathological run: no claims needed, no crash),
- `warn`: processed, with a warning that contains the given words,
- `reject`: refused with the given `LoadError.reason`.

To look at the inputs by hand:  python tests/hostile/hostile_inputs.py OUT_FOLDER
"""
from __future__ import annotations

import codecs
import gzip
import io
import os
import random
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SIMPLIFIED = ("腾讯第三季度业绩超预期\n2025年第三季度，腾讯营收1928.7亿元，同比增长15%。\n"
              "净利润为631.3亿元，同比增长19%。\n经营活动现金流达到800亿元。\n")
TRADITIONAL = "台積電十月營收創新高\n台積電10月營收3672.7億元，年增16.9%。\n前十月累計營收3兆元，年增33.8%。\n"
HKSCS = "滙豐控股第三季業績\n滙豐控股第三季除稅前利潤為95億美元，按年增長7%。\n佢哋嘅股息為每股0.1美元。\n"
LONG = SIMPLIFIED + "".join(f"第{i}段：{SIMPLIFIED.split(chr(10), 1)[1]}" for i in range(40))   # about 10 KB
NUMERALS = "零一二三四五六七八九十百千万亿两〇壹贰叁肆伍陆柒捌玖拾佰仟萬億"


@dataclass(frozen=True)
class Expect:
    kind: str                 # same | claims | processed | warn | reject
    detail: str = ""          # warn: words of the warning; reject: the reason
    clean: str = ""           # same: the clean text whose claims it must give
    anchors: bool = True      # same: compare anchors too (False when a repair shifts text)


SAME = Expect("same", clean=SIMPLIFIED)
HTML_SAME = Expect("same", clean=SIMPLIFIED, anchors=False)      # the page's text has other offsets


@dataclass(frozen=True)
class Case:
    name: str                                     # where the input goes, relative to the folder
    write: Callable[[Path], dict[Path, Expect]]   # writes it there: {article path: what must become of it}


def _bytes(data: bytes, expect: Expect) -> Callable[[Path], dict[Path, Expect]]:
    def write(path: Path) -> dict[Path, Expect]:
        path.write_bytes(data)
        return {path: expect}
    return write


def _with_bad_bytes(text: str, encoding: str, bad: bytes, count: int) -> bytes:
    """The text encoded, with `bad` after each of the first `count` sentence ends."""
    pieces = text.encode(encoding).split("。".encode(encoding))
    out = b""
    for i, piece in enumerate(pieces[:-1]):
        out += piece + "。".encode(encoding) + (bad if i < count else b"")
    return out + pieces[-1]


def _replaced(text: str, count: int, mark: str = "\ufffd") -> str:
    parts = text.split("。")
    return "".join(p + "。" + (mark if i < count else "") for i, p in enumerate(parts[:-1])) + parts[-1]


def _html_messy() -> str:
    body = "".join(f"<p>{line}</p>\n" for line in SIMPLIFIED.splitlines()[1:])
    return ("<!DOCTYPE html><html><head><title>腾讯第三季度业绩超预期</title>\n"
            "<style>p { margin: 0 } /* 999亿元 */</style>\n"
            "<script>var revenue = '5000亿元'; if (a < b && c > d) { x = '<p>'; }</script></head>\n"
            "<body><div class=\"nav\"><a href=\"/\">首页</a></div><!-- 注释：700亿元 -->\n"
            "<![CDATA[ 隐藏的 123亿元 ]]><h1>腾讯第三季度业绩超预期</h1>\n"
            f"<div><span>{body}<b>&ldquo;超预期&rdquo; &amp; 稳健</b></div></span></em>\n"
            "<p>未闭合段落<div>&#0;&#x110000;&bogus; &amp</p></body></html>")


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", SIMPLIFIED)
    return buffer.getvalue()


def _big(path: Path) -> dict[Path, Expect]:
    block = (SIMPLIFIED * 200).encode("utf-8")
    with open(path, "wb") as handle:
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            handle.write(block)
    return {path: Expect("reject", "too-large")}


def _unreadable(path: Path) -> dict[Path, Expect]:
    path.write_text(SIMPLIFIED, encoding="utf-8")
    path.chmod(0)
    # Root reads any file: then it is an ordinary article.
    return {path: Expect("reject", "unreadable") if not os.access(path, os.R_OK) else SAME}


def _locked_folder(path: Path) -> dict[Path, Expect]:
    path.mkdir()
    (path / "inside-locked.txt").write_text(SIMPLIFIED, encoding="utf-8")
    path.chmod(0)
    if os.access(path, os.R_OK | os.X_OK):            # root lists any folder
        return {path / "inside-locked.txt": SAME}
    return {path: Expect("reject", "unreadable")}


def _symlink(target: str, expect: Expect) -> Callable[[Path], dict[Path, Expect]]:
    def write(path: Path) -> dict[Path, Expect]:
        path.symlink_to(target)
        return {path: expect}
    return write


def _fifo(path: Path) -> dict[Path, Expect]:
    os.mkfifo(path)
    return {path: Expect("reject", "not-a-file")}


def _named(raw_name: bytes) -> Callable[[Path], dict[Path, Expect]]:
    """An article in the folder `path`, whose file name is the given bytes (any encoding)."""
    def write(path: Path) -> dict[Path, Expect]:
        path.mkdir()
        name = os.path.join(os.fsencode(path), raw_name)
        with open(name, "wb") as handle:
            handle.write(SIMPLIFIED.encode())
        return {Path(os.fsdecode(name)): SAME}
    return write


def _run(unit: str, size: int) -> bytes:
    return (unit * (size // len(unit) + 1))[:size].encode("utf-8")


def _random_numerals(size: int) -> bytes:
    rng = random.Random(12)
    return "".join(rng.choice(NUMERALS) for _ in range(size)).encode("utf-8")


def _random_bytes(size: int) -> bytes:
    rng = random.Random(7)
    return bytes(rng.randrange(256) for _ in range(size))


CASES = [
    # Encodings: each must give the claims of the clean text.
    Case("good/utf8.txt", _bytes(SIMPLIFIED.encode("utf-8"), SAME)),
    Case("good/utf8-bom.txt", _bytes(codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), SAME)),
    Case("good/utf16le-bom.txt", _bytes(codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"), SAME)),
    Case("good/utf16be-bom.txt", _bytes(codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), SAME)),
    Case("good/utf32le-bom.txt", _bytes(codecs.BOM_UTF32_LE + SIMPLIFIED.encode("utf-32-le"), SAME)),
    Case("good/gb18030.txt", _bytes(LONG.encode("gb18030"), Expect("same", clean=LONG))),
    Case("good/big5.txt", _bytes(TRADITIONAL.encode("big5"), Expect("same", clean=TRADITIONAL))),
    Case("good/big5hkscs.txt", _bytes(HKSCS.encode("big5hkscs"), Expect("same", clean=HKSCS))),
    Case("good/article.html", _bytes(_html_messy().encode(), HTML_SAME)),
    Case("good/gb18030-page.html", _bytes(_html_messy().encode("gb18030"), HTML_SAME)),
    Case("good/crlf.txt", _bytes(SIMPLIFIED.replace("\n", "\r\n").encode("utf-8"),
                                 Expect("same", clean=SIMPLIFIED, anchors=False))),
    Case("good/cr.txt", _bytes(SIMPLIFIED.replace("\n", "\r").encode("utf-8"), SAME)),
    Case("good/mixed-endings.txt", _bytes(SIMPLIFIED.replace("\n", "\r\n", 1).replace("。\n", "。\r", 1)
                                          .encode("utf-8"), Expect("same", clean=SIMPLIFIED, anchors=False))),
    Case("good/one-line.txt", _bytes(SIMPLIFIED.replace("\n", " ").encode("utf-8"), Expect("claims"))),
    Case("good/one-line-1mb.txt", _bytes((SIMPLIFIED.replace("\n", "") * 3500).encode("utf-8"), Expect("claims"))),
    Case("folder.txt/inside-a-folder-named-txt.txt", _bytes(SIMPLIFIED.encode("utf-8"), SAME)),
    # Repairs: decoded where possible, the rest replaced, with a warning that counts it.
    Case("repaired/utf8-invalid-bytes.txt", _bytes(_with_bad_bytes(LONG, "utf-8", b"\xff", 3),
                                                   Expect("warn", "3 invalid byte sequences"))),
    Case("repaired/utf8-invalid-bytes-claims.txt", _bytes(_with_bad_bytes(LONG, "utf-8", b"\xff", 3),
                                                          Expect("same", clean=_replaced(LONG, 3)))),
    Case("repaired/gb18030-invalid-bytes.txt", _bytes(_with_bad_bytes(LONG, "gb18030", b"\xff", 2),
                                                      Expect("warn", "2 invalid byte sequences"))),
    Case("repaired/big5-invalid-bytes.txt", _bytes(_with_bad_bytes(TRADITIONAL * 20, "big5", b"\xff", 2),
                                                   Expect("warn", "2 invalid byte sequences"))),
    Case("repaired/nul-bytes.txt", _bytes(_with_bad_bytes(LONG, "utf-8", b"\x00", 4),
                                          Expect("warn", "4 control characters"))),
    Case("repaired/nul-bytes-claims.txt", _bytes(_with_bad_bytes(LONG, "utf-8", b"\x00", 4),
                                                 Expect("same", clean=_replaced(LONG, 4)))),
    Case("repaired/control-characters.txt", _bytes(_with_bad_bytes(LONG, "utf-8", b"\x1b\x01\x7f", 1),
                                                   Expect("warn", "3 control characters"))),
    Case("repaired/empty.txt", _bytes(b"", Expect("warn", "empty file"))),
    Case("repaired/whitespace.txt", _bytes(b" \n\t\r\n   \n", Expect("warn", "white space only"))),
    Case("repaired/blank.html", _bytes(b"<html><body> <script>x=1</script> </body></html>",
                                       Expect("warn", "no visible text"))),
    # Refused, each with its reason.
    Case("rejected/png.txt", _bytes(b"\x89PNG\r\n\x1a\n" + _random_bytes(2000), Expect("reject", "binary"))),
    Case("rejected/pdf.txt", _bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", Expect("reject", "binary"))),
    Case("rejected/zip.txt", _bytes(_zip(), Expect("reject", "binary"))),
    Case("rejected/gzip.html", _bytes(gzip.compress(SIMPLIFIED.encode("utf-8")), Expect("reject", "binary"))),
    Case("rejected/mostly-control.txt", _bytes(b"\x00\x01\x02\x03abc" * 500, Expect("reject", "binary"))),
    Case("rejected/random-bytes.txt", _bytes(_random_bytes(20000), Expect("reject", "encoding"))),
    Case("rejected/50mb.txt", _big),
    Case("rejected/unreadable.txt", _unreadable),
    Case("rejected/locked", _locked_folder),
    Case("rejected/loop-a.txt", _symlink("loop-b.txt", Expect("reject", "unreadable"))),
    Case("rejected/loop-b.txt", _symlink("loop-a.txt", Expect("reject", "unreadable"))),
    Case("rejected/self.html", _symlink("self.html", Expect("reject", "unreadable"))),
    Case("rejected/dangling.txt", _symlink("nowhere/missing.txt", Expect("reject", "unreadable"))),
    Case("rejected/fifo.txt", _fifo),
    # Runs that once took quadratic time: processed, nothing more asked.
    Case("runs/numerals.txt", _bytes(_random_numerals(20000), Expect("processed"))),
    Case("runs/digits.txt", _bytes(_run("1", 50000), Expect("processed"))),
    Case("runs/spaced-digits.txt", _bytes(_run("1 ", 20000), Expect("processed"))),
    Case("runs/percent-signs.txt", _bytes(_run("%", 50000), Expect("processed"))),
    Case("runs/percentages.txt", _bytes(_run("5%", 20000), Expect("processed"))),
    Case("runs/commas.txt", _bytes(_run("1,", 50000), Expect("processed"))),
    Case("runs/points.txt", _bytes(_run("1.", 50000), Expect("processed"))),
    Case("runs/scale-words.txt", _bytes(_run("十", 20000), Expect("processed"))),
    Case("runs/tenths.txt", _bytes(_run("三成", 20000), Expect("processed"))),
    Case("runs/spaces.txt", _bytes(("2025年" + " " * 50000 + SIMPLIFIED).encode("utf-8"), Expect("claims"))),
    Case("runs/unclosed-tags.html", _bytes(_run("<a ", 60000), Expect("processed"))),
    Case("runs/marked-sections.html", _bytes(_run("<![", 30000) + b">" + SIMPLIFIED.encode("utf-8"),
                                             Expect("claims"))),
    # File names in any encoding: the document id is printable, the claims are the article's.
    Case("names/utf8-name", _named("营收报告.txt".encode())),
    Case("names/gbk-name", _named("营收报告.txt".encode("gbk"))),
    Case("names/invalid-name", _named(b"bad\xff\xfe name.txt")),
    Case("names/control-name", _named(b"line\nbreak\ttab.txt")),
    Case("names/emoji-name", _named("📈 2025.html".encode())),
    Case("names/long-name", _named(("长" * 80 + ".txt").encode("utf-8"))),
]


def write_inputs(folder: Path) -> dict[str, dict[Path, Expect]]:
    """Write every case under `folder`; {case name: {article path: what must become of it}}."""
    written = {}
    for case in CASES:
        path = folder / case.name
        path.parent.mkdir(parents=True, exist_ok=True)
        written[case.name] = case.write(path)
    (folder / "cycle").symlink_to(".", target_is_directory=True)    # a folder loop: the walk must end
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    return written


if __name__ == "__main__":
    from pipeline.io.load import printable

    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for inputs in write_inputs(out).values():
        for path, expect in inputs.items():
            print(expect.kind, expect.detail, printable(path))
