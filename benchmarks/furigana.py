"""``python -m benchmarks furigana`` — accuracy, speed and ruby spread of ``shiori furigana``.

Runs the shared evaluator (``../shared/bench/furigana_eval.py``) on the Aozora dev works, on the
forty works of ``aozora-archive`` (re-encoded to UTF-8 in a temp dir; a second literary set,
which the literary rules are checked on) and on the modern data, each time for ``shiori furigana --format json`` (one process per work, start-up included)
and for plain Sudachi core (``--backend sudachi-core-C``, in-process) in the same run, and prints
exact/aligned, characters per second (median over ``--repeat`` runs) and the speed ratio.

Then measures the *ruby spread* on the bundled library: in a terminal a reading takes as many
cells per kana as its kanji do, so a reading with more kana than its base has kanji pushes the
base line apart. Spread = extra cells / base-text cells, per display level.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
EVAL = SHARED / "bench" / "furigana_eval.py"
#: Forty Aozora works as the archive ships them (Shift_JIS): a second literary set, which the
#: literary rules are checked on (docs/furigana.md), not written from.
ARCHIVE = SHARED / "bench" / "aozora-archive"
DATASETS = {
    "aozora": SHARED / "bench" / "aozora",
    "archive": ARCHIVE,
    "modern": SHARED / "bench" / "modern",
}


def _archive_utf8(tmp: Path) -> Path:
    """The archive's works re-encoded as UTF-8 in ``tmp`` (the evaluator reads UTF-8 only;
    nothing is written into the project)."""
    out = tmp / "aozora-archive"
    out.mkdir()
    for path in sorted(ARCHIVE.glob("*.txt")):
        raw = path.read_bytes()
        (out / path.name).write_text(raw.decode("cp932", "replace"), encoding="utf-8")
    return out


def _evaluate(data: Path, extra: list[str], *, baseline: bool = True, skip: str = "") -> list[dict]:
    """Run the shared evaluator; ``skip`` (``rule,rule``) turns rules off for the run."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        if data == ARCHIVE:
            data = _archive_utf8(Path(tmp))
        cmd = f"{sys.executable} -m tui.cli furigana --format json"
        if skip:
            cmd = f"{sys.executable} -m benchmarks._furigana_without {skip} --format json"
        backend = ["--backend", "sudachi-core-C"] if baseline else []
        subprocess.run(
            [sys.executable, str(EVAL), "--cmd", cmd, *backend, "--data", str(data)]
            + ["--json", str(out), *extra],
            check=True,
            stdout=subprocess.DEVNULL,
            cwd=Path(__file__).resolve().parents[1],
        )
        return json.loads(out.read_text(encoding="utf-8"))


def _misses(result: dict) -> int:
    return result["n"] - round(result["exact"] * result["n"])


def ablation() -> list[str]:
    """Misses with each rule turned off, against all rules on (slow: two runs per rule)."""
    from store.japanese.rules import GENERAL_RULES, RULES

    names = [name for name, *_ in RULES] + [name for name, _rule in GENERAL_RULES]
    full = {k: _misses(_evaluate(d, [], baseline=False)[0]) for k, d in DATASETS.items()}
    lines = [f"{'rule off':20} " + " ".join(f"{k:>14}" for k in DATASETS)]
    lines.append(f"{'(none)':20} " + " ".join(f"{full[k]:14d}" for k in DATASETS))
    for name in names:
        cells = []
        for key, data in DATASETS.items():
            misses = _misses(_evaluate(data, [], baseline=False, skip=name)[0])
            cells.append(f"{misses:8d} ({misses - full[key]:+4d})")
        lines.append(f"{name:20} " + " ".join(cells))
    return lines


def accuracy_and_speed(repeat: int) -> list[str]:
    lines = [
        f"{'data':8} {'generator':24} {'exact':>6} {'aligned':>7} {'cps (median)':>13} {'ratio':>6}",
    ]
    for name, data in DATASETS.items():
        if not data.is_dir():
            lines.append(f"{name:8} (no data at {data})")
            continue
        runs = [_evaluate(data, []) for _ in range(repeat)]
        ours = [r[0] for r in runs]
        base = [r[1] for r in runs]
        ours_cps = statistics.median(r["cps"] for r in ours)
        base_cps = statistics.median(r["cps"] for r in base)
        ratio = ours_cps / base_cps if base_cps else 0.0
        lines.append(
            f"{name:8} {'shiori furigana':24} {ours[0]['exact']:6.3f} {ours[0]['aligned']:7.3f} {ours_cps:13.0f} {ratio:6.2f}"
        )
        lines.append(
            f"{name:8} {'sudachi core (plain)':24} {base[0]['exact']:6.3f} {base[0]['aligned']:7.3f} {base_cps:13.0f} {1:6.2f}"
        )
        misses_ours, misses_base = _misses(ours[0]), _misses(base[0])
        lines.append(f"{name:8} misses: {misses_ours} vs {misses_base} plain ({ours[0]['n']} ruby)")
    return lines


def _seed_texts() -> list[tuple[str, str]]:
    from store.paths import SEEDS_DIR

    folder = SEEDS_DIR if any(SEEDS_DIR.glob("*.txt")) else SHARED / "seeds"
    return [
        (p.name, p.read_text(encoding="utf-8", errors="replace"))
        for p in sorted(folder.glob("*.txt"))
    ]


def ruby_spread() -> list[str]:
    """Extra cells the readings add to the base line, per display level, over the seeds."""
    from store.japanese import Annotator
    from store.japanese.levels import filter_readings as select

    settings = [
        ("all", "all", 6),
        ("first", "first", 6),
        ("above-grade 4", "above-grade", 4),
        ("above-grade 6", "above-grade", 6),
        ("above-grade 7 (jōyō)", "above-grade", 7),
    ]
    totals = {label: [0, 0, 0] for label, _, _ in settings}  # readings, extra cells, wide readings
    base_cells = 0
    for _name, text in _seed_texts():
        annotator = Annotator()
        seen: dict[str, set] = {label: set() for label, _, _ in settings}
        for para in text.splitlines():
            if not para.strip():
                continue
            base_cells += sum(1 if ord(c) < 0x1100 else 2 for c in para)
            readings = annotator.readings(para)
            for label, level, grade in settings:
                for r in select(readings, para, level, grade=grade, seen=seen[label]):
                    extra = 2 * (len(r.reading) - (r.end - r.start))
                    totals[label][0] += 1
                    if extra > 0:
                        totals[label][1] += extra
                        totals[label][2] += 1
    lines = [f"{'level':22} {'readings':>8} {'wider than base':>16} {'spread':>7}"]
    for label, (n, extra, wide) in totals.items():
        share = wide / n if n else 0.0
        lines.append(f"{label:22} {n:8d} {share:15.0%} {extra / base_cells:7.1%}")
    lines.append(
        f"(spread = extra cells / {base_cells} base-text cells of the seeds; 0% at level off)"
    )
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks furigana", description=__doc__)
    parser.add_argument(
        "--repeat", type=int, default=3, help="evaluator runs per data set (median cps)"
    )
    parser.add_argument("--spread-only", action="store_true", help="only measure the ruby spread")
    parser.add_argument(
        "--ablate", action="store_true", help="misses with each reading rule turned off (slow)"
    )
    args = parser.parse_args(argv)
    if args.ablate:
        print("\n".join(ablation()))
        return 0
    if not args.spread_only:
        if not EVAL.is_file():
            print(f"evaluator not found: {EVAL}", file=sys.stderr)
            return 2
        print("\n".join(accuracy_and_speed(max(1, args.repeat))))
        print()
    print("\n".join(ruby_spread()))
    return 0
