"""``python -m benchmarks annotated_open``: opening a document that carries 1,000 annotations.

The issue's target: first paint within 1.2x of the same document without annotations. Both
cases run the same headless app (reader + sidebar with the annotation list, the annotation
keys, a real repository in a temporary data dir); the annotated case has 1,000 annotations
on the document and 9,000 on others (10,000 in the library). Timed, in the same run,
alternating the two cases:

* **first paint**: ``reader.show`` + ``AnnotationsController.document_shown`` (list the
  document's annotations, feed the reader's highlights, fill the sidebar) + painting every
  line of the first screen;
* **annotations shown**: until the highlights are drawn and the sidebar shows its first
  entries (the store is opened and the document's annotations listed in a thread, so the
  first paint does not wait for them).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from store import paths


def _bluebook() -> Path:
    for path in sorted(paths.SEEDS_DIR.glob("*.txt")):
        if "bluebook" in path.name:
            return path
    return max(paths.SEEDS_DIR.glob("*.txt"), key=lambda p: p.stat().st_size)


def _fill(repo: Any, key: str, doc: Any, on_doc: int, elsewhere: int, seed: int = 7) -> None:
    """``on_doc`` annotations spread over ``doc``, ``elsewhere`` on other (made-up) keys."""
    from store.annotations.model import DEFAULT_COLORS

    rng = random.Random(seed)
    text_len = len(doc.base_text)
    tags = [f"tag{i}" for i in range(40)]
    colors = [c for c, _ in DEFAULT_COLORS]

    def one(target: str) -> None:
        start = rng.randrange(0, max(1, text_len - 40))
        end = start + rng.randint(5, 40)
        repo.create(
            target,
            doc,
            start,
            end,
            color=rng.choice(colors),
            note="メモ" * rng.randint(0, 5),
            tags=rng.sample(tags, rng.randint(0, 3)),
        )

    for _ in range(on_doc):
        one(key)
    for i in range(elsewhere):
        one(f"bench:other-{i % 50}.txt")


async def _open_once(data_dir: Path, doc_path: Path, size: tuple[int, int]) -> tuple[float, float]:
    from textual.app import App, ComposeResult
    from textual.containers import Horizontal

    from store.annotations import repository
    from store.importer import import_file
    from store.library import doc_key
    from tui.annotations_ui import AnnotationKeys, AnnotationsController
    from tui.widgets.reader import ReaderView
    from tui.widgets.sidebar import Sidebar

    tcss = Path(__file__).resolve().parent.parent / "tui" / "styles" / "annotations.tcss"
    document = import_file(doc_path)
    key = doc_key(doc_path)

    class BenchScreen(AnnotationKeys):
        def compose(self) -> ComposeResult:
            with Horizontal():
                yield ReaderView(id="reader")
                yield Sidebar(id="sidebar")

    class BenchApp(App[None]):
        CSS_PATH = str(tcss)

        def __init__(self) -> None:
            super().__init__()
            self.annotations = AnnotationsController(self, osc52=None)

        def get_default_screen(self) -> BenchScreen:
            return BenchScreen()

        @property
        def reader(self) -> ReaderView:
            return self.screen_stack[0].query_one(ReaderView)

    os.environ["SHIORI_DATA_DIR"] = str(data_dir)
    repository._default.clear()  # a new process: the store is opened anew
    app = BenchApp()
    async with app.run_test(size=size) as pilot:
        started = time.perf_counter()
        await app.annotations.attach()  # the app does this at start, as the import begins
        reader = app.reader
        reader.show(document)
        app.annotations.document_shown(key, doc_path, document)
        reader._apply_pending_position()
        for y in range(reader.size.height):
            reader.render_line(y)
        first = time.perf_counter() - started
        while app.annotations.loading:
            await asyncio.sleep(0.001)
        await pilot.pause()
        for y in range(reader.size.height):
            reader.render_line(y)
        shown = time.perf_counter() - started
        if app.annotations.repo is not None:
            app.annotations.repo.close()
    return first, shown


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks annotated_open", description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--on-doc", type=int, default=1000)
    parser.add_argument("--library", type=int, default=10_000)
    parser.add_argument("--width", type=int, default=160)
    parser.add_argument("--height", type=int, default=40)
    args = parser.parse_args(argv)

    from store.annotations.repository import Repository
    from store.importer import import_file
    from store.library import doc_key

    doc_path = _bluebook()
    document = import_file(doc_path)
    with tempfile.TemporaryDirectory(prefix="shiori-bench-") as tmp:
        os.environ["SHIORI_CONFIG_DIR"] = str(Path(tmp) / "config")
        plain_dir, annotated_dir = Path(tmp) / "plain", Path(tmp) / "annotated"
        plain_dir.mkdir()
        annotated_dir.mkdir()
        print(f"filling the library: {args.library} annotations, {args.on_doc} on the document")
        repo = Repository(annotated_dir / "annotations.json")
        _fill(repo, doc_key(doc_path), document, args.on_doc, args.library - args.on_doc)
        repo.db.storage.compact()
        repo.close()
        size = (args.width, args.height)
        runs: dict[str, list[tuple[float, float]]] = {"plain": [], "annotated": []}
        asyncio.run(_open_once(plain_dir, doc_path, size))  # warm the imports
        for _ in range(args.repeat):
            runs["plain"].append(asyncio.run(_open_once(plain_dir, doc_path, size)))
            runs["annotated"].append(asyncio.run(_open_once(annotated_dir, doc_path, size)))
    med = {
        name: (statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs))
        for name, rs in runs.items()
    }
    print(f"document: {doc_path.name}, {len(document.base_text)} characters, {size[0]}x{size[1]}")
    print(f"medians of {args.repeat} runs      first paint    annotations shown")
    for name in ("plain", "annotated"):
        first, idle = med[name]
        print(f"{name:<24} {first * 1000:10.1f} ms {idle * 1000:10.1f} ms")
    ratio_first = med["annotated"][0] / med["plain"][0]
    ratio_idle = med["annotated"][1] / med["plain"][1]
    print(f"ratio annotated/plain    {ratio_first:10.2f}    {ratio_idle:10.2f}   (target <= 1.2)")
    return 0
