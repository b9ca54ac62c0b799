"""``python -m benchmarks import_aozora``: Aozora Bunko works as the archive ships them, imported.

For each file (default: ``../shared/bench/aozora-archive/*.txt``; any Aozora text files may be
given) it counts what a reader would see go wrong:

- refused: import raised (a work must always import);
- leaks: notation left in the text, title or notes (``［＃``, ``《``, ``》``, ``｜``, ``／＼``,
  ``／″＼``, ``※［``, ``〓``), less what the source itself asks for (a ``〓`` it prints, a gaiji
  it gives no code for, a 《 it writes as a gaiji note);
- outline: the title is the header's title, and every 見出し the source marks is a heading;
- colophon: the ``底本：`` footer (or the archive's credits) is a ``meta`` block;
- ruby kept: ruby spans in the import against the source's ``《…》`` readings.

The data is for measuring only: nothing here is built from its text.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from store.importer import ImportFailed, import_file
from store.model import Document

_DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "aozora-archive"
LEAKS = ("［＃", "《", "》", "｜", "／＼", "／″＼", "※［", "〓")
_RULE = re.compile(r"^-{20,}\s*$", re.M)
_GAIJI = re.compile(r"※［＃([^［］]|［[^］]*］)*］")
_CODE = re.compile(r"(?<![0-9])[12]-[0-9]{1,2}-[0-9]{1,2}(?![0-9])|U\+[0-9A-Fa-f]{4,6}")
#: Gaiji notes that write characters which are notation themselves (《 》 ｜ ※).
_LITERAL = {"1-1-52": "《", "1-1-53": "》", "1-1-35": "｜", "U+300A": "《", "U+300B": "》"}
_RUBY = re.compile(r"《[^《》\n]+》")
#: A heading note: ``「X」は中見出し``, or the opener of the block forms (``中見出し``,
#: ``ここから中見出し``, ``同行``/``窓`` variants).
_HEADING = re.compile(r"［＃(?:「[^］]*」は|ここから)?(?:同行|窓)?[大中小]見出し］")


@dataclass
class Result:
    name: str
    refused: str = ""
    leaks: dict[str, int] = field(default_factory=dict)
    leak_samples: list[str] = field(default_factory=list)
    title_ok: bool = False
    headings_src: int = 0
    headings_out: int = 0
    colophon: bool = False
    ruby_src: int = 0
    ruby_out: int = 0
    #: Gaiji notes with no code (shown as 〓 with a note, not counted as a leak).
    uncoded: int = 0

    @property
    def outline(self) -> bool:
        return self.title_ok and self.headings_out >= self.headings_src


def _source_text(path: Path) -> str:
    data = path.read_bytes()
    for codec in ("utf-8", "cp932", "shift_jis_2004"):
        try:
            return data.decode(codec).replace("\r\n", "\n")
        except UnicodeDecodeError:
            continue
    return data.decode("cp932", errors="replace").replace("\r\n", "\n")


def _body(text: str) -> str:
    """The source without its symbol legend (which shows notation as examples)."""
    rules = [m.start() for m in _RULE.finditer(text[:6000])]
    if len(rules) >= 2:
        return text[rules[1] :]
    legend = text.find("【テキスト中に現れる記号について】")
    if legend >= 0:
        end = text.find("\n\n", text.find("\n（例）", legend) if "（例）" in text else legend)
        return text[end:] if end > 0 else text
    return text


def _texts(doc: Document) -> list[str]:
    return [doc.title] + [b.text for b in doc.blocks] + [f.text for f in doc.footnotes]


def measure(path: Path) -> Result:
    result = Result(path.name)
    source = _source_text(path)
    body = _body(source)
    first = next((line.strip() for line in source.split("\n") if line.strip()), "")
    result.ruby_src = len(_RUBY.findall(body))
    expected = {"〓": body.count("〓")}
    for m in _GAIJI.finditer(body):
        code = _CODE.search(m.group(0)[m.group(0).rfind("」") + 1 :])
        if code is None:
            result.uncoded += 1
            expected["〓"] += 1
        elif code.group(0) in _LITERAL:
            expected[_LITERAL[code.group(0)]] = expected.get(_LITERAL[code.group(0)], 0) + 1
    result.headings_src = len(_HEADING.findall(body))
    try:
        doc = import_file(path)
    except ImportFailed as exc:
        result.refused = str(exc)
        return result
    except Exception as exc:  # noqa: BLE001 - a crash is a refusal too, and is reported
        result.refused = f"{type(exc).__name__}: {exc}"
        return result
    texts = _texts(doc)
    for leak in LEAKS:
        n = sum(text.count(leak) for text in texts) - expected.get(leak, 0)
        if n > 0:
            result.leaks[leak] = n
            for text in texts:
                at = text.find(leak)
                if at >= 0 and len(result.leak_samples) < 3:
                    result.leak_samples.append(text[max(0, at - 15) : at + 25])
    first_plain = re.sub(r"《[^》]*》|［＃[^］]*］|｜", "", first)
    result.title_ok = bool(doc.title) and (
        doc.title == first_plain or ("※" in first_plain and "※" not in doc.title)
    )
    result.headings_out = sum(1 for b in doc.blocks if b.kind == "heading") - 1
    result.colophon = any(
        b.kind == "meta" and re.search("底本|青空文庫|入力|校正", b.text) for b in doc.blocks
    )
    result.ruby_out = sum(len(b.ruby) for b in doc.blocks) + sum(len(f.ruby) for f in doc.footnotes)
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks import_aozora", description=__doc__)
    parser.add_argument(
        "files", nargs="*", type=Path, help=f"Aozora text files (default {_DEFAULT})"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="one line per work")
    args = parser.parse_args(argv)
    files = args.files or sorted(_DEFAULT.glob("*.txt"))
    if not files:
        print(f"no Aozora files found (looked in {_DEFAULT})", file=sys.stderr)
        return 2
    results = [measure(p) for p in files]
    for r in results:
        bad = r.refused or r.leaks or not r.outline or not r.colophon or r.ruby_out < r.ruby_src
        if args.verbose or bad:
            print(
                f"{r.name:34} "
                + (f"REFUSED {r.refused}" if r.refused else "")
                + (f" leaks={r.leaks} {r.leak_samples}" if r.leaks else "")
                + (
                    ""
                    if r.outline or r.refused
                    else f" outline(title={r.title_ok} headings {r.headings_out}/{r.headings_src})"
                )
                + ("" if r.colophon or r.refused else " no-colophon")
                + (f" ruby {r.ruby_out}/{r.ruby_src}" if r.ruby_src else "")
                + (f" uncoded gaiji {r.uncoded}" if r.uncoded else "")
            )
    n = len(results)
    refused = sum(1 for r in results if r.refused)
    leaked = sum(1 for r in results if r.leaks)
    outline = sum(1 for r in results if r.outline)
    colophon = sum(1 for r in results if r.colophon)
    uncoded = sum(1 for r in results if r.uncoded)
    ruby_src = sum(r.ruby_src for r in results if not r.refused)
    ruby_out = sum(min(r.ruby_out, r.ruby_src) for r in results if not r.refused)
    print(
        f"{n} works: refused {refused}, notation left in {leaked} ({leaked / n:.1%}), "
        f"outline found {outline} ({outline / n:.1%}), colophon found {colophon} "
        f"({colophon / n:.1%}), ruby kept {ruby_out}/{ruby_src} "
        f"({ruby_out / max(1, ruby_src):.2%}); {uncoded} works hold gaiji the file gives no code "
        "for (〓 with a note)"
    )
    return 0
