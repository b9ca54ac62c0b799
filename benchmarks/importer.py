"""``python -m benchmarks importer``: import speed and peak memory.

Times ``store.importer.import_file`` on each bundled seed and on a generated ~20 MB file made
by repeating the seeds (the PDF-like ones, so the line-joining rules do real work), reporting
the median of several runs, and the peak traced memory of one 20 MB import relative to the
file's size.
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

from store.importer import import_file
from store.paths import SEEDS_DIR

_SENTENCE_END = re.compile(r"。$", re.MULTILINE)


def _median_seconds(path: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        import_file(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _make_big(directory: Path, megabytes: int) -> Path:
    seeds = sorted(SEEDS_DIR.glob("*.txt"))
    body = "\n\n".join(p.read_text(encoding="utf-8") for p in seeds)
    target = megabytes * 1024 * 1024
    path = directory / f"big-{megabytes}mb.txt"
    written = 0
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        while written < target:
            # vary each copy so the duplicate-body rule does not collapse the file
            chunk = _SENTENCE_END.sub(f"〔第{n}部〕。", body) + "\n\n"
            fh.write(chunk)
            written += len(chunk.encode("utf-8"))
            n += 1
    return path


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks importer", description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="runs per seed (median reported)")
    parser.add_argument("--big-runs", type=int, default=3, help="runs on the big file")
    parser.add_argument("--megabytes", type=int, default=20, help="size of the generated file")
    args = parser.parse_args(argv)

    print(f"{'file':58} {'size':>9} {'median':>9} {'MB/s':>7}")
    for seed in sorted(SEEDS_DIR.glob("*.txt")):
        secs = _median_seconds(seed, args.runs)
        size = seed.stat().st_size
        print(f"{seed.name:58} {size / 1024:7.0f}KB {secs * 1000:7.1f}ms {size / secs / 1e6:7.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        big = _make_big(Path(tmp), args.megabytes)
        size = big.stat().st_size
        secs = _median_seconds(big, args.big_runs)
        print(f"{big.name:58} {size / 1e6:7.1f}MB {secs:8.2f}s {size / secs / 1e6:7.2f}")
        tracemalloc.start()
        doc = import_file(big)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"peak traced memory importing {size / 1e6:.1f} MB: {peak / 1e6:.0f} MB "
            f"({peak / size:.1f}x the file; {len(doc.blocks)} blocks)"
        )
    return 0
