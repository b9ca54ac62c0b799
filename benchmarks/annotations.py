"""``python -m benchmarks annotations``: the annotation store's costs, medians of one run.

* **save**: ``Repository.create`` of one annotation with N (10,000) already in the library,
  against the baseline the issue names — atomically writing that annotation's own file with
  plain ``json`` + fsync (temp file, fsync, ``os.replace``, fsync of the folder). Target ≤ 3×.
* **list one tag** across the N annotations; **list one document** carrying 1,000.
* **re-anchor** a document with 1,000 annotations after an edit near its start.
* **open** the library (load snapshot + replay journal) and **compact** it (the rare full
  rewrite that keeps the journal short).

Runs in a temporary folder (``--dir`` to choose the filesystem: the comparison is only fair on
the one that holds the user's data dir).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from store import paths
from store.annotations.anchor import make_anchor
from store.annotations.db import new_id
from store.annotations.model import DEFAULT_COLORS, Annotation
from store.annotations.repository import ANNOTATIONS, Repository, section_titles
from store.importer import import_file
from store.model import Block, Document


def _median_ms(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    times.sort()
    return statistics.median(times) * 1e3, times[int(len(times) * 0.95) - 1] * 1e3


def _plain_atomic_write(folder: Path, record: dict) -> None:
    path = folder / f"{record['id']}.json"
    tmp = folder / f".{record['id']}.json.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(record, fh, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _random_annotation(rng: random.Random, key: str, doc: Document, tags: list[str]) -> dict:
    text = doc.base_text
    start = rng.randrange(0, max(1, len(text) - 80))
    end = start + rng.randrange(8, 60)
    anchor = make_anchor(doc, start, end)
    return Annotation(
        id=new_id(),
        doc=key,
        anchor=anchor,
        color=rng.choice(DEFAULT_COLORS)[0],
        note=rng.choice(["", "要確認", "この表現は重要。\n後で原典を確認する。"]),
        tags=tuple(rng.sample(tags, rng.randint(1, 2))),
        section=section_titles(doc, start),
        original=anchor.quote.exact,
    ).to_record()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks annotations")
    parser.add_argument("-n", type=int, default=10_000, help="annotations in the library")
    parser.add_argument("--saves", type=int, default=200, help="timed saves (and baseline writes)")
    parser.add_argument("--dir", help="where to put the temporary library")
    args = parser.parse_args(argv)

    rng = random.Random(7)
    seeds = sorted(p for p in paths.SEEDS_DIR.glob("*.txt"))
    docs = [(f"seed:{p.name}", import_file(p)) for p in seeds] or [
        ("bench:doc", Document("doc", [Block("paragraph", "日本語の文章である。" * 2000)]))
    ]
    tags = [f"tag{i:02d}" for i in range(50)]
    folder = Path(tempfile.mkdtemp(prefix="shiori-bench-", dir=args.dir))
    try:
        db_path = folder / "annotations.json"
        heavy_key, heavy_doc = docs[0]
        records = [_random_annotation(rng, heavy_key, heavy_doc, tags) for _ in range(1000)]
        records += [
            _random_annotation(rng, *rng.choice(docs[1:] or docs), tags)
            for _ in range(args.n - 1000)
        ]
        repo = Repository(db_path)
        t0 = time.perf_counter()
        repo.db.storage.write({ANNOTATIONS: {r["id"]: r for r in records}})
        repo.db.storage.compact()
        build = time.perf_counter() - t0
        size = db_path.stat().st_size

        plain_dir = folder / "plain"
        plain_dir.mkdir()
        key, doc = docs[-1]

        def one_save() -> None:
            s = rng.randrange(0, len(doc.base_text) - 40)
            repo.create(key, doc, s, s + 20, note="ベンチマーク", tags=["bench"])

        sample = _random_annotation(rng, key, doc, tags)

        def one_plain() -> None:
            sample["id"] = new_id()
            _plain_atomic_write(plain_dir, sample)

        # Interleave so both see the same disk conditions.
        save_times: list[float] = []
        plain_times: list[float] = []
        for _ in range(args.saves):
            save_times.append(_median_ms(one_save, 1)[0])
            plain_times.append(_median_ms(one_plain, 1)[0])
        save_ms, plain_ms = statistics.median(save_times), statistics.median(plain_times)

        tag_ms, _ = _median_ms(lambda: repo.list(tag="tag07"), 21)
        tag_hits = len(repo.list(tag="tag07"))
        doc_ms, _ = _median_ms(lambda: repo.list(doc=heavy_key), 21)

        edited = Document(
            heavy_doc.title,
            [Block("paragraph", "冒頭に一文を加えた。")] + list(heavy_doc.blocks),
            heavy_doc.footnotes,
        )
        t0 = time.perf_counter()
        changed = repo.reanchor(heavy_key, edited)
        reanchor_ms = (time.perf_counter() - t0) * 1e3

        open_ms, _ = _median_ms(lambda: Repository(db_path, readonly=True).close(), 5)
        fresh = Repository(db_path, readonly=True)
        t0 = time.perf_counter()
        fresh.list(doc=heavy_key)
        cold_doc_ms = (time.perf_counter() - t0) * 1e3
        fresh.close()
        compact_ms, _ = _median_ms(repo.db.storage.compact, 3)
        repo.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    ratio = save_ms / plain_ms
    print(f"library: {args.n} annotations, snapshot {size / 1e6:.1f} MB (built in {build:.1f} s)")
    print(f"save one annotation          {save_ms:8.3f} ms  (median of {args.saves})")
    print(f"plain json+fsync atomic file {plain_ms:8.3f} ms  (median of {args.saves})")
    print(
        f"ratio save / plain           {ratio:8.2f} ×   target ≤ 3×: {'ok' if ratio <= 3 else 'MISSED'}"
    )
    print(f"list one tag ({tag_hits} hits)     {tag_ms:8.3f} ms")
    print(
        f"list one document (1,000)    {doc_ms:8.3f} ms  (first call after opening: {cold_doc_ms:.1f} ms)"
    )
    print(f"re-anchor 1,000 after an edit {reanchor_ms:7.1f} ms  ({len(changed)} moved/orphaned)")
    print(f"open the library             {open_ms:8.1f} ms")
    print(
        f"compact (full rewrite)       {compact_ms:8.1f} ms  (only when the journal outgrows the snapshot)"
    )
    return 0
