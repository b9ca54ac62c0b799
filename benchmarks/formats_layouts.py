"""``python -m benchmarks formats_layouts``: PDF, web pages, EPUB and Word made from other text.

Sentences from the bench texts (``../shared/bench/modern``, as ``import_layouts`` takes them)
fill documents of sections, subsections, paragraphs with notes, lists, captions and a box;
``tests/formats_layouts.py`` sets each in three report styles (a white paper without a title
line, a report and a bulletin with a title and byline) as a typeset PDF, a ragged word
processor PDF, a Platypus PDF, a web page, an EPUB and a Word document
(``tests/render_formats.py``), imports it
and scores it as the hold-out checks do: true headings (text and level), paragraphs and list
items (whole, markers on their notes) and notes found, debris left, the byline's metadata, and
the page a citation names for each paragraph of the typeset and ragged PDFs.

The bench data is for measuring only: nothing in the project is built from it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks formats_layouts", description=__doc__
    )
    parser.add_argument("--docs", type=int, default=8, help="documents per style and format")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(_ROOT / "tests"))
    from formats_layouts import FORMATS, STYLES, run  # type: ignore[import-not-found]
    from layout_texts import sample_doc  # type: ignore[import-not-found]

    from benchmarks.import_layouts import _BENCH, _sentences

    sentences = _sentences(_BENCH)
    if len(sentences) < 50:
        print(f"too few sentences in {_BENCH}", file=sys.stderr)
        return 2
    print(f"{len(sentences)} sentences; {args.docs} documents per style and format")
    print(
        f"{'style':12} {'format':9} {'headings':>8} {'paras':>7} {'notes':>7} {'debris':>7} "
        f"{'meta':>6} {'pages':>6}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for style in STYLES:
            for fmt in FORMATS:
                scores = [
                    run(sample_doc(seed, sentences), style, fmt, Path(tmp), seed)
                    for seed in range(1, args.docs + 1)
                ]

                def mean(field: str, scores: list = scores) -> float:  # type: ignore[type-arg]
                    return statistics.mean(getattr(s, field) for s in scores)

                pages = [s.pages for s in scores if s.pages is not None]
                print(
                    f"{style:12} {fmt:9} {mean('headings'):8.3f} {mean('paragraphs'):7.3f} "
                    f"{mean('notes'):7.3f} {sum(len(s.debris) for s in scores):7d} "
                    f"{mean('metadata'):6.2f} "
                    + (f"{statistics.mean(pages):6.3f}" if pages else f"{'—':>6}")
                )
    return 0
