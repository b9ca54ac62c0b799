"""Reader layout: base-line spread per furigana mode and reading style, and layout and paint
speed: ``python -m benchmarks layout [--width 80 --height 24] [--spread-only]``.

The spread (``tui.layout.spread``) lays out every paragraph of the bundled seeds at the
reader's width in each furigana mode and reading style, with and without readings, and
reports how much longer the text gets (rows), the blank cells opened before words, the
reading groups placed off-centre and those drawn in half-width katakana.

Speed is measured on the largest bundled seed (with its furigana) and on a ~1 MB document made
of the seeds repeated, in one run:

* first screen — from ``ReaderView.show`` to the first page painted (what the user waits for);
* page paint — painting one page of scroll (``render_line`` for every line on screen, cache
  cold), median and 95th percentile over the whole document;
* full layout — laying out every block (what the background worker does), median of runs.

Medians of ``--repeat`` runs; ratios are 1 MB over the seed.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from pathlib import Path
from typing import Any

from store.model import Document
from store.paths import SEEDS_DIR


def _largest_seed() -> Path:
    return max(SEEDS_DIR.glob("*.txt"), key=lambda p: p.stat().st_size)


def _big_document(target_bytes: int) -> Document:
    from store.importer import import_file

    docs = [import_file(p) for p in sorted(SEEDS_DIR.glob("*.txt"))]
    blocks, notes, size, k = [], [], 0, 0
    while size < target_bytes:
        doc = docs[k % len(docs)]
        for block in doc.blocks:
            blocks.append(block)
            size += len(block.text.encode("utf-8")) + 1
        notes.extend(doc.footnotes)
        k += 1
    return Document("1 MB", blocks, footnotes=notes)


def _full_layout(doc: Document, readings: Any, width: int) -> float:
    from store.japanese import select_readings
    from tui.layout.document import DocumentLayout

    shown = select_readings(readings, "above-grade").blocks if readings else None
    started = time.perf_counter()
    layout = DocumentLayout(doc, width, readings=(lambda i: shown[i]) if shown else None)
    for i in range(len(layout.layouts)):
        layout.ensure(i)
    return time.perf_counter() - started


async def _paint(doc: Document, readings: Any, width: int, height: int) -> dict[str, Any]:
    from textual.app import App, ComposeResult

    from tui.widgets.reader import ReaderView

    class Bench(App[None]):
        def compose(self) -> ComposeResult:
            yield ReaderView()

    app = Bench()
    out: dict[str, Any] = {}
    async with app.run_test(size=(width, height)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        started = time.perf_counter()
        reader.show(doc, readings=readings)
        reader._apply_pending_position()
        for y in range(reader.size.height):
            reader.render_line(y)
        out["first_screen"] = time.perf_counter() - started
        await app.workers.wait_for_complete()
        await pilot.pause()
        pages: list[float] = []
        step = max(1, reader.size.height)
        y = 0
        while y < reader.max_scroll_y and len(pages) < 400:
            reader.scroll_to(y=y, animate=False, immediate=True)
            reader._cache.clear()
            started = time.perf_counter()
            for k in range(reader.size.height):
                reader.render_line(k)
            pages.append(time.perf_counter() - started)
            y += step
        out["pages"] = pages
        out["lines"] = reader.virtual_size.height
    return out


#: (mode label, furigana mode, inline) for the spread table.
SPREAD_MODES = [
    ("above grade (default)", "above-grade", False),
    ("first use per section", "first", False),
    ("all", "all", False),
    ("inline", "above-grade", True),
]


def base_line_spread(width: int) -> list[str]:
    """The spread table for the seeds laid out at ``width`` cells."""
    from store.importer import import_file
    from store.japanese import document_readings
    from store.japanese.chars import to_half_width_katakana as half
    from store.japanese.levels import ShownReadings
    from tui.layout.document import block_readings
    from tui.layout.spread import Spread, measure
    from tui.widgets.reader import DENSE_MODES, READING_STYLES

    docs = [import_file(p) for p in sorted(SEEDS_DIR.glob("*.txt"))]
    readings = [document_readings(d) for d in docs]
    lines = [
        f"base-line spread at {width} cells, {len(docs)} seeds "
        f"({sum(len(d.base_text) for d in docs):,} characters)",
        f"{'mode':<22} {'style':<11} {'rows':>7} {'blank/1000':>10} {'off-centre':>10} "
        f"{'half-width':>10} {'groups':>7}",
    ]
    for label, mode, inline in SPREAD_MODES:
        for style, _ in READING_STYLES:
            dense = mode in DENSE_MODES
            if style == "half-width" or (style == "auto" and dense):
                form, fallback = half, None
            elif style == "auto":
                form, fallback = None, half
            else:
                form, fallback = None, None
            total = Spread()
            for doc, r in zip(docs, readings, strict=True):
                shown = ShownReadings(r, mode)
                for i, block in enumerate(doc.blocks):
                    if block.kind in ("table", "code") or not block.text:
                        continue
                    total.add(
                        measure(
                            block.text,
                            width,
                            block_readings(block, shown.block(i)),
                            inline=inline,
                            reading_form=form,
                            fallback_form=fallback,
                        )
                    )
            lines.append(
                f"{label:<22} {style:<11} {total.row_growth:>+7.1%} {total.blanks_per_1000:>10.1f} "
                f"{total.off_centre_share:>10.1%} {total.half_width_share:>10.1%} {total.groups:>7}"
            )
    lines.append(
        "rows: base rows with readings over rows without; blank: cells opened before words "
        "per 1,000 characters; off-centre: groups 2+ cells from centred"
    )
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks layout", description=__doc__)
    parser.add_argument("--width", type=int, default=80)
    parser.add_argument("--height", type=int, default=24)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--size", type=int, default=1_000_000, help="bytes of the big document")
    parser.add_argument(
        "--spread-only", action="store_true", help="only the base-line spread table"
    )
    args = parser.parse_args(argv)
    print("\n".join(base_line_spread(args.width - 3)))  # the pane's padding and scrollbar
    print()
    if args.spread_only:
        return 0

    from store.importer import import_file
    from store.japanese import document_readings

    seed_path = _largest_seed()
    seed = import_file(seed_path)
    big = _big_document(args.size)
    seed_r = document_readings(seed)
    big_r = document_readings(big)
    width = args.width - 3  # the pane's padding and scrollbar

    rows = []
    for name, doc, readings in (("seed", seed, seed_r), ("1MB", big, big_r)):
        layouts = [_full_layout(doc, readings, width) for _ in range(args.repeat)]
        runs = [
            asyncio.run(_paint(doc, readings, args.width, args.height)) for _ in range(args.repeat)
        ]
        pages = [p for run in runs for p in run["pages"]]
        pages.sort()
        rows.append(
            {
                "name": name,
                "bytes": len(doc.base_text.encode("utf-8")),
                "blocks": len(doc.blocks),
                "lines": runs[0]["lines"],
                "first": statistics.median(r["first_screen"] for r in runs),
                "page": statistics.median(pages),
                "p95": pages[int(0.95 * (len(pages) - 1))],
                "layout": statistics.median(layouts),
            }
        )
    print(f"reader layout/paint at {args.width}x{args.height}, medians of {args.repeat} runs")
    print(f"seed: {seed_path.name}")
    print(f"{'doc':<5} {'bytes':>9} {'blocks':>7} {'lines':>7} {'first screen':>13} "
          f"{'page paint':>11} {'p95':>8} {'full layout':>12}")  # fmt: skip
    for r in rows:
        print(
            f"{r['name']:<5} {r['bytes']:>9} {r['blocks']:>7} {r['lines']:>7} "
            f"{r['first'] * 1000:>10.1f} ms {r['page'] * 1000:>8.2f} ms {r['p95'] * 1000:>5.2f} ms "
            f"{r['layout'] * 1000:>9.0f} ms"
        )
    seed_row, big_row = rows
    print(f"first screen ratio 1MB/seed: {big_row['first'] / seed_row['first']:.2f}")
    return 0
