"""``python -m benchmarks import_layouts``: documents in the seed styles made from other text.

Sentences from the bench texts (``--source modern``, the default: ``../shared/bench/modern``,
web and Wikipedia leads; ``--source aozora``: the Aozora works in ``../shared/bench/aozora``,
literary prose; their notation removed) fill documents of sections, subsections, paragraphs
with footnotes (some running over several lines) and a box; the layout generator of the tests
(``tests/layout_styles.py``) sets each in every style — PDF extractions (a white paper, a
double-spaced report, a bulletin with a running header, a book whose running head changes per
chapter, two columns printed side by side) and web pages (an article with a profile box, a
press release, a journal page, a page full of chrome) — and the import is scored against the
true structure: headings F1 and levels, footnote links, whole paragraphs (all, and the hard
ones a page break, a note block, a caption, a ruby line, a stray blank line or a box cut),
debris left, metadata found, box text cited under its box.

The bench data is for measuring only: nothing in the project is built from it.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
_BENCH = _ROOT.parent / "shared" / "bench" / "modern"
_AOZORA = _ROOT.parent / "shared" / "bench" / "aozora"
_RUBY = re.compile(r"｜([^《｜]+)《[^》]*》")
_AOZORA_NOTATION = re.compile(r"［＃[^］]*］|《[^》]*》|｜")


def _sentences(folder: Path) -> list[str]:
    out: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            s = _RUBY.sub(r"\1", line).strip()
            if 20 <= len(s) <= 90 and s.endswith("。") and "《" not in s and "｜" not in s:
                out.append(s)
    return out


def _literary_sentences(folder: Path) -> list[str]:
    """Sentences of the Aozora works, notation removed (no dialogue: a paragraph of the
    generated documents never opens with a quotation)."""
    out: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            for s in re.findall(r"[^。]+。", _AOZORA_NOTATION.sub("", line)):
                s = s.strip("\u3000 ")
                if 20 <= len(s) <= 90 and not re.search(r"[※［］]", s) and s[0] not in "「『（":
                    out.append(s)
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks import_layouts", description=__doc__)
    parser.add_argument("--docs", type=int, default=12, help="documents per style")
    parser.add_argument("--bench", type=Path, default=None, help="folder of sentence files")
    parser.add_argument(
        "--source", choices=("modern", "aozora"), default="modern", help="which bench texts"
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(_ROOT / "tests"))
    from layout_styles import STYLES, render, score  # type: ignore[import-not-found]
    from layout_texts import sample_doc  # type: ignore[import-not-found]

    folder = args.bench or (_AOZORA if args.source == "aozora" else _BENCH)
    sentences = (_literary_sentences if args.source == "aozora" else _sentences)(folder)
    if len(sentences) < 50:
        print(f"too few sentences in {folder}", file=sys.stderr)
        return 2
    print(f"{len(sentences)} sentences; {args.docs} documents per style")
    print(f"{'style':14} {'head F1':>8} {'levels':>7} {'notes':>7} {'paras':>7} {'hard':>7} "
          f"{'debris':>7} {'meta':>6} {'box':>6}")
    for style in STYLES:
        scores = [
            score(render(sample_doc(seed, sentences), style, seed))
            for seed in range(1, args.docs + 1)
        ]

        def mean(field: str, scores: list = scores) -> float:
            return statistics.mean(getattr(s, field) for s in scores)

        print(
            f"{style:14} {mean('heading_f1'):8.3f} {mean('levels'):7.3f} "
            f"{mean('footnotes'):7.3f} {mean('paragraphs'):7.3f} {mean('hard'):7.3f} "
            f"{sum(len(s.debris) for s in scores):7d} {mean('metadata'):6.2f} {mean('box_cited'):6.2f}"
        )
    return 0
