"""``python -m benchmarks formats``: PDF, web page, EPUB and Word import speed, memory and the
cache.

Builds its documents from the five seeds' known structure (``tests/golden/inspect``), set by
``tests/render_formats.py`` as the tests set them: a PDF of at least ``--pages`` pages (the
seeds repeated, each copy with its own footnotes and page numbers), a web page, an EPUB and a
Word document of about ``--megabytes`` MB. Reports the median import time per PDF page and per
MB of HTML, EPUB and Word XML, the peak traced memory of one import of each, how often a 100-page import reported
progress, and how long reopening the PDF from the document cache takes against reopening
the seeds' own text files (the same text) the same way (``store.document_cache.load_document``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "inspect"


def _renderer() -> Any:
    sys.path.insert(0, str(ROOT / "tests"))
    import render_formats  # the tests' renderer: reportlab is in the test extra

    return render_formats


def _models() -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLDEN.glob("*.json"))]


def _combined(copies: int) -> dict[str, Any]:
    return _renderer().combine(_models(), copies)


def _median(fn: Any, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _peak(fn: Any) -> int:
    tracemalloc.start()
    fn()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks formats", description=__doc__)
    parser.add_argument("--pages", type=int, default=100, help="pages of the PDF, at least")
    parser.add_argument("--megabytes", type=float, default=2.0, help="size of the HTML and EPUB")
    parser.add_argument("--runs", type=int, default=3, help="runs per measure (median)")
    parser.add_argument(
        "--skip-pdf", action="store_true", help="measure the web page, EPUB and Word only"
    )
    args = parser.parse_args(argv)
    render = _renderer()
    from store.importer import import_file

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        import os

        os.environ["SHIORI_CACHE_DIR"] = str(folder / "cache")
        if not args.skip_pdf:
            _pdf_figures(render, folder, args)
        unit = _combined(1)
        html_one = render.golden_to_html(unit)
        reps = max(1, round(args.megabytes * 1e6 / len(html_one.encode("utf-8"))))
        big = _combined(reps)
        html = folder / "seeds.html"
        html.write_text(render.golden_to_html(big), encoding="utf-8")
        mb = html.stat().st_size / 1e6
        secs = _median(lambda: import_file(html), args.runs)
        print(
            f"HTML: {mb:.1f} MB, import {secs:.2f} s median ({secs / mb:.2f} s/MB), "
            f"peak {_peak(lambda: import_file(html)) / 1e6:.0f} MB"
        )
        epub = folder / "seeds.epub"
        render.golden_to_epub(big, epub)
        raw = sum(i.file_size for i in __import__("zipfile").ZipFile(epub).infolist()) / 1e6
        secs = _median(lambda: import_file(epub), args.runs)
        print(
            f"EPUB: {raw:.1f} MB of XHTML ({epub.stat().st_size / 1e6:.1f} MB zipped), import "
            f"{secs:.2f} s median ({secs / raw:.2f} s/MB), "
            f"peak {_peak(lambda: import_file(epub)) / 1e6:.0f} MB"
        )
        docx = folder / "seeds.docx"
        render.golden_to_docx(big, docx)
        raw = sum(i.file_size for i in __import__("zipfile").ZipFile(docx).infolist()) / 1e6
        secs = _median(lambda: import_file(docx), args.runs)
        print(
            f"Word: {raw:.1f} MB of XML ({docx.stat().st_size / 1e6:.1f} MB zipped), import "
            f"{secs:.2f} s median ({secs / raw:.2f} s/MB), "
            f"peak {_peak(lambda: import_file(docx)) / 1e6:.0f} MB"
        )
    return 0


def _pdf_figures(render: Any, folder: Path, args: argparse.Namespace) -> None:
    from store.document_cache import load_document
    from store.importer import import_file

    copies = 1
    pdf = folder / "seeds.pdf"
    while True:
        render.golden_to_pdf(_combined(copies), pdf)
        pages = _page_count(pdf)
        if pages >= args.pages:
            break
        copies = max(copies + 1, int(copies * args.pages / max(1, pages)) + 1)
    heard: list[tuple[int, int]] = []
    secs = _median(lambda: import_file(pdf, progress=lambda d, t: heard.append((d, t))), args.runs)
    doc = import_file(pdf)
    print(
        f"PDF: {pages} pages, {pdf.stat().st_size / 1e6:.1f} MB, {len(doc.blocks)} blocks, "
        f"{len(doc.footnotes)} notes"
    )
    print(
        f"  import {secs:.1f} s median ({secs / pages * 1000:.0f} ms/page); "
        f"progress reported {len(heard) // args.runs} times per import"
    )
    print(f"  peak traced memory {_peak(lambda: import_file(pdf)) / 1e6:.0f} MB")
    # the same seeds as the text files they are, as many times: the same document
    text = folder / "seeds.txt"
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    body = "\n\n".join(s.read_text(encoding="utf-8") for s in seeds)
    # each copy varied (as the importer benchmark does) so the rule that drops a body a
    # scraper duplicated does not collapse them
    copies_text = [body.replace("。\n", f"〔{n}〕。\n") for n in range(copies)]
    text.write_text("\n\n".join(copies_text), encoding="utf-8")
    load_document(pdf)
    load_document(text)
    cached_pdf = _median(lambda: load_document(pdf), max(5, args.runs))
    cached_txt = _median(lambda: load_document(text), max(5, args.runs))
    blocks_txt = len(load_document(text).blocks)
    print(
        f"  reopen from the cache {cached_pdf * 1000:.1f} ms vs the seeds' text files "
        f"({text.stat().st_size / 1e6:.1f} MB, {blocks_txt} blocks) {cached_txt * 1000:.1f} ms "
        f"({cached_pdf / cached_txt:.2f}x)"
    )


def _page_count(pdf: Path) -> int:
    from store.importer.pdf.extract import PdfFile

    f = PdfFile(pdf)
    try:
        return f.page_count()
    finally:
        f.close()
