"""``python -m benchmarks store_scale``: the annotation commands with a large library.

Builds a data dir with N annotations (50,000 by default: about 40 MB of snapshot) spread over
the bundled seeds, then runs the real ``shiori`` in child processes, one at a time, and reports
medians:

* **CLI save**: ``shiori annotate SEED --quote … --note …`` (a whole process: start-up, import
  from the cache, the durable save, exit) on the big library, against the same command on an
  empty library (the part no store can save: Python, imports, the document). Target ≤ 0.1 s.
* **list / export**: ``annotations list --json`` and ``export --format json|md|csv`` to
  /dev/null, wall time and the child's peak RSS. Memory should not grow with N (streamed).
* **open + save in-process**: ``Repository(stream=True)`` open, ``create``, ``close`` —
  the store's own share of a CLI save; and the occasional **fold** (a full, streamed rewrite
  of the snapshot) that a save pays once the journal passes 1 MiB.

``-n`` sets N, ``--runs`` the number of timed runs per figure; ``--dir`` where to build (the
figures depend on the file system).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.annotations import _random_annotation
from store import paths
from store.annotations.repository import ANNOTATIONS, Repository
from store.importer import import_file

ROOT = Path(__file__).resolve().parent.parent
QUOTE = "強固な日米同盟"

#: Runs ``shiori`` and reports its peak RSS (VmHWM: this process image's own high-water mark;
#: ``ru_maxrss`` would carry over the parent's from before ``exec``).
_CHILD = (
    "import sys\n"
    "from tui.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "sys.stdout.flush()\n"
    "hwm = next(l for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
    "print('MAXRSS', hwm.split()[1], file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def _env(data: Path, cache: Path) -> dict[str, str]:
    return dict(
        os.environ,
        SHIORI_DATA_DIR=str(data),
        SHIORI_CACHE_DIR=str(cache),
        SHIORI_CONFIG_DIR=str(data.parent / "config"),
    )


def _run(env: dict[str, str], *argv: str) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one ``shiori`` child."""
    t0 = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, *argv],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    wall = time.perf_counter() - t0
    if result.returncode != 0:
        raise SystemExit(f"shiori {' '.join(argv)} failed: {result.stderr.strip()}")
    rss = next(
        int(line.split()[1]) for line in result.stderr.splitlines() if line.startswith("MAXRSS")
    )
    return wall, rss / 1024


def _median(env: dict[str, str], runs: int, *argv: str) -> tuple[float, float]:
    samples = [_run(env, *argv) for _ in range(runs)]
    return statistics.median(s[0] for s in samples), max(s[1] for s in samples)


def _build(data: Path, n: int) -> int:
    rng = random.Random(7)
    docs = [(f"seed:{p.name}", import_file(p)) for p in sorted(paths.SEEDS_DIR.glob("*.txt"))]
    tags = [f"tag{i:02d}" for i in range(50)]
    repo = Repository(data / "annotations.json", stream=True)
    batch = []
    for _ in range(n):
        rec = _random_annotation(rng, *rng.choice(docs), tags)
        batch.append((ANNOTATIONS, rec["id"], rec))
        if len(batch) == 5000:
            repo.db.storage.put(batch, fold=False)
            batch = []
    repo.db.storage.put(batch, fold=False)
    for key, _doc in docs:  # every seed is known to the store (as after opening it)
        repo.remember_file(key, paths.SEEDS_DIR / key[5:], _doc.content_hash, _doc.title)
    repo.db.storage.compact()
    repo.close()
    return (data / "annotations.json").stat().st_size


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks store_scale")
    parser.add_argument("-n", type=int, default=50_000, help="annotations in the library")
    parser.add_argument("--runs", type=int, default=7, help="timed runs per figure")
    parser.add_argument("--dir", help="where to build the temporary library")
    args = parser.parse_args(argv)
    seed = next(p for p in sorted(paths.SEEDS_DIR.glob("*.txt")) if "bluebook" in p.name)
    folder = Path(tempfile.mkdtemp(prefix="shiori-scale-", dir=args.dir))
    try:
        cache = folder / "cache"
        big, empty = folder / "big", folder / "empty"
        t0 = time.perf_counter()
        size = _build(big, args.n)
        print(f"library: {args.n:,} annotations, snapshot {size / 1e6:.1f} MB "
              f"(built in {time.perf_counter() - t0:.1f} s)")  # fmt: skip
        big_env, empty_env = _env(big, cache), _env(empty, cache)
        save = ["annotate", str(seed), "--quote", QUOTE, "--note", "ベンチマーク", "--tag", "b"]
        _run(big_env, *save)  # warm the import cache and mark the document
        _run(empty_env, *save)
        saves, empties = [], []
        for _ in range(args.runs):  # alternate, so both see the same machine
            saves.append(_run(big_env, *save))
            empties.append(_run(empty_env, *save))
        save_s = statistics.median(s[0] for s in saves)
        empty_s = statistics.median(s[0] for s in empties)
        print(f"CLI annotate, {args.n:,} in the library  {save_s * 1e3:7.0f} ms  "
              f"peak {max(s[1] for s in saves):5.0f} MB   target ≤ 100 ms: "
              f"{'ok' if save_s <= 0.1 else 'MISSED'}")  # fmt: skip
        print(f"CLI annotate, empty library       {empty_s * 1e3:7.0f} ms  "
              f"peak {max(s[1] for s in empties):5.0f} MB   ratio {save_s / empty_s:.2f}×")  # fmt: skip

        repo_times = []
        for _ in range(args.runs * 3):
            t0 = time.perf_counter()
            repo = Repository(big / "annotations.json", stream=True)
            from store.annotations.documents import refresh
            from store.document_cache import load_document

            doc = load_document(seed)
            refresh(repo, f"seed:{seed.name}", seed, doc)
            repo.create(f"seed:{seed.name}", doc, 10, 20, note="x")
            repo.close()
            repo_times.append(time.perf_counter() - t0)
        print(f"in-process open + save + close    {statistics.median(repo_times) * 1e3:7.1f} ms")
        folds = []
        for _ in range(3):
            repo = Repository(big / "annotations.json", stream=True)
            t0 = time.perf_counter()
            repo.db.storage.compact()  # what a save does once the journal passes 1 MiB
            folds.append(time.perf_counter() - t0)
            repo.close()
        print(f"fold the journal (full rewrite)    {statistics.median(folds):7.2f} s   "
              "(once per ~1 MiB of saves)")  # fmt: skip

        runs = max(3, args.runs // 2)
        for label, command in (
            ("annotations list --json", ["annotations", "list", "--json"]),
            ("annotations list", ["annotations", "list"]),
            ("export --format json", ["annotations", "export", "--format", "json"]),
            ("export --format md", ["annotations", "export", "--format", "md"]),
            ("export --format csv", ["annotations", "export", "--format", "csv"]),
        ):
            wall, rss = _median(big_env, runs, *command)
            small_wall, small_rss = _median(empty_env, runs, *command)
            print(f"{label:<33} {wall:7.2f} s   peak {rss:5.0f} MB "
                  f"(empty library: {small_wall:.2f} s, {small_rss:.0f} MB)")  # fmt: skip
        size_after = (big / "annotations.json").stat().st_size
        journal = (big / "annotations.journal").stat().st_size
        print(f"after the runs: snapshot {size_after / 1e6:.1f} MB (rewritten only when the "
              f"journal passes 1 MiB), journal {journal / 1e3:.0f} kB")  # fmt: skip
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0
