"""``python -m benchmarks reader``: whole-process time to the first painted screen, and memory.

Each case runs the real app in a pseudo-terminal of a fixed size through
``python -m benchmarks._timed_app first|furigana FILE`` (``shiori FILE``, exiting right after
the document has painted: ``first`` as soon as it shows, ``furigana`` once its furigana are
drawn too), and times from process start to the moment the terminal sees the app leave its
screen. The baseline is a minimal Textual app that exits after
its first paint, the same way. Peak memory is the child's maximum resident set (``wait4``).

Cases: the largest bundled seed, and a ~1 MB document made by concatenating the seeds (written
to a temp dir, never into the project). Then ``q`` is pressed during the furigana analysis of a
first open of the 1 MB document (as ``python -m benchmarks scale`` does at 5 and 50 MB): the
time from the key to the process's exit, which must not wait for the analysis. Each case runs once untimed (it fills the furigana
cache, as a user's first open does), then ``--runs`` times; medians are reported. A returning
reader's open of each document is run once more to count the layouts its text was painted
with before the final one (``SHIORI_BENCH_FRAMES``): 1 means the first frame with text is the
final layout, furigana included.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import fcntl
import os
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from dataclasses import dataclass
from pathlib import Path

from store import paths
from store.counts import count

MINIMAL_APP = """
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    def compose(self):
        yield Static("hello")

    def on_mount(self):
        self.call_after_refresh(self.exit)

Minimal().run()
"""


@dataclass
class Run:
    seconds: float
    peak_mb: float


#: Textual leaves the alternate screen as the first thing it does on exit: the app asked to
#: exit right after its paint, so this marks the paint (thread joins and interpreter teardown
#: after it are not something a reader waits for).
LEAVE_ALT_SCREEN = b"\x1b[?1049l"


#: A run that has not painted by then is stuck: it is killed and the benchmark fails.
RUN_TIMEOUT = 180.0


def run_in_pty(argv: list[str], env: dict[str, str], size: tuple[int, int]) -> Run:
    """Run ``argv`` on a pseudo-terminal of ``size`` (cols, rows) until it exits."""
    master, slave = os.openpty()
    cols, rows = size
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
        cwd=Path(__file__).resolve().parents[1],  # where ``benchmarks`` imports from
    )
    os.close(slave)
    status = None
    painted: float | None = None
    tail = b""
    try:
        while status is None:
            ready, _, _ = select.select([master], [], [], 0.01)
            if ready:
                with contextlib.suppress(OSError):
                    tail = tail[-16:] + os.read(master, 65536)
                    if painted is None and LEAVE_ALT_SCREEN in tail:
                        painted = time.perf_counter() - start
            if time.perf_counter() - start > RUN_TIMEOUT:
                proc.kill()
                proc.wait()
                raise RuntimeError(f"{' '.join(argv)} did not finish in {RUN_TIMEOUT:.0f} s")
            pid, wait_status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                status = wait_status
                elapsed = painted if painted is not None else time.perf_counter() - start
                proc.returncode = os.waitstatus_to_exitcode(wait_status)
    finally:
        os.close(master)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited with {proc.returncode}")
    return Run(elapsed, usage.ru_maxrss / 1024)


def median(runs: list[Run]) -> tuple[float, float]:
    return (
        statistics.median(r.seconds for r in runs),
        max(r.peak_mb for r in runs),
    )


def big_document(folder: Path, target_bytes: int) -> Path:
    """The seeds concatenated until the file reaches ``target_bytes``."""
    seeds = sorted(paths.SEEDS_DIR.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    out = folder / "concatenated-seeds.txt"
    size = 0
    with out.open("w", encoding="utf-8") as fh:
        while size < target_bytes:
            for text in texts:
                fh.write(text + "\n\n")
                size += len(text.encode("utf-8")) + 2
    return out


async def page_times(path: Path, pages: int, size: tuple[int, int]) -> float:
    """Seconds per page of scroll (space) in a headless app, furigana drawn."""
    from tui.app import OpenedFile, ShioriApp, import_document

    app = ShioriApp(OpenedFile(path, import_document(path)))
    async with app.run_test(size=size) as pilot:
        for _ in range(200):
            await pilot.pause(0.05)
            if app.reader._readings is not None:
                break
        start = time.perf_counter()
        for _ in range(pages):
            await pilot.press("space")
        await pilot.pause()
        return (time.perf_counter() - start) / pages


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks reader", description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="timed runs per case (median)")
    parser.add_argument("--size", default="80x24", help="terminal size COLSxROWS")
    parser.add_argument("--big-mb", type=float, default=1.0, help="size of the big document")
    parser.add_argument("--pages", type=int, default=40, help="pages scrolled for per-page time")
    args = parser.parse_args(argv)
    cols, rows = (int(n) for n in args.size.lower().split("x"))
    size = (cols, rows)

    largest = max(paths.SEEDS_DIR.glob("*.txt"), key=lambda p: p.stat().st_size)
    with tempfile.TemporaryDirectory(prefix="shiori-bench-") as tmp:
        tmpdir = Path(tmp)
        env = dict(os.environ)
        for name in ("DATA", "CACHE", "CONFIG"):
            env[f"SHIORI_{name}_DIR"] = str(tmpdir / name.lower())
        env["TERM"] = env.get("TERM") or "xterm-256color"
        env.pop("TEXTUAL", None)
        big = big_document(tmpdir, int(args.big_mb * 1024 * 1024))
        python = sys.executable
        first = [python, "-m", "benchmarks._timed_app", "first"]
        furigana = [python, "-m", "benchmarks._timed_app", "furigana"]

        cases: list[tuple[str, list[str], dict[str, str]]] = [
            ("minimal Textual app", [python, "-c", MINIMAL_APP], env),
            (
                f"largest seed ({largest.stat().st_size // 1024} KB), first paint",
                [*first, str(largest)],
                env,
            ),
            (
                "largest seed, with furigana",
                [*furigana, str(largest)],
                env,
            ),
            (
                f"1 MB document ({big.stat().st_size // 1024} KB), first paint",
                [*first, str(big)],
                env,
            ),
            (
                "1 MB document, with furigana",
                [*furigana, str(big)],
                env,
            ),
        ]
        print(f"terminal {cols}x{rows}, {args.runs} timed runs per case (after one warm-up)")
        for _label, command, case_env in cases:
            run_in_pty(command, case_env, size)  # warm-up: page cache, furigana cache
        # A returning reader's open, untimed: which layouts did the text paint with?
        layouts = {}
        for label, command in (("largest seed", [*furigana, str(largest)]), ("1 MB", [*furigana, str(big)])):
            frames_env = dict(env, SHIORI_BENCH_FRAMES=str(tmpdir / "frames.txt"))
            run_in_pty(command, frames_env, size)
            layouts[label] = (tmpdir / "frames.txt").read_text(encoding="utf-8").split("\n")[:-1]
        for label, painted in layouts.items():
            final = painted[-1].split() if painted else ["-", "-", "-"]
            print(
                f"  {label}: text painted with {count(len(painted), 'layout')} up to the final one "
                f"(width {final[1]}, furigana {'yes' if final[2] == '1' else 'no'}; target 1)"
            )
        # Rounds of one run per case, so a busy moment on the machine hits every case alike.
        timed: dict[str, list[Run]] = {label: [] for label, _, _ in cases}
        cold_runs: list[Run] = []
        cold_env = dict(env)
        for round_no in range(args.runs):
            for label, command, case_env in cases:
                timed[label].append(run_in_pty(command, case_env, size))
            # A first-ever open: empty furigana cache, so the dictionary loads in the worker.
            cold_env["SHIORI_CACHE_DIR"] = str(tmpdir / f"cold-cache-{round_no}")
            cold_runs.append(run_in_pty([*furigana, str(largest)], cold_env, size))
        results = {label: median(runs) for label, runs in timed.items()}
        for label, (seconds, peak) in results.items():
            print(f"  {label:<44} median {seconds * 1000:7.0f} ms   peak RSS {peak:6.0f} MB")

        cold_seconds, cold_peak = median(cold_runs)
        print(
            f"  {'largest seed, with furigana, cold cache':<44} median "
            f"{cold_seconds * 1000:7.0f} ms   peak RSS {cold_peak:6.0f} MB"
        )
        values = list(results.values())
        minimal, seed_first, seed_furi, big_first, big_furi = (v[0] for v in values)
        print("ratios:")
        print(
            f"  largest seed with furigana / minimal app   {seed_furi / minimal:5.2f}x  (target <= 2.0)"
        )
        print(f"  largest seed first paint / minimal app     {seed_first / minimal:5.2f}x")
        print(
            f"  1 MB first paint / largest seed first paint {big_first / seed_first:5.2f}x  (target <= 1.5)"
        )
        print(f"  1 MB with furigana / largest seed furigana  {big_furi / seed_furi:5.2f}x")
        # Quitting while the furigana analysis runs (the 1 MB document with no readings cached,
        # the analysis busy in its worker): q half a second after the first paint. The rest of
        # the cache (the import, the app's bytecode) is kept, as an installed app has it.
        from benchmarks.scale import quit_run

        quits = []
        for k in range(args.runs):
            quit_cache = tmpdir / f"quit-cache-{k}"
            shutil.copytree(tmpdir / "cache", quit_cache)
            shutil.rmtree(quit_cache / "readings", ignore_errors=True)
            quits.append(
                quit_run(
                    [python, "-m", "tui.cli", str(big)],
                    dict(env, SHIORI_CACHE_DIR=str(quit_cache)),
                    0.5,
                )[1]
            )
        print(
            f"quitting during the furigana analysis (1 MB, first open): median "
            f"{statistics.median(quits) * 1000:.0f} ms, worst {max(quits) * 1000:.0f} ms "
            f"(target <= 200)"
        )
        per_page = asyncio.run(page_times(largest, args.pages, size))
        print(
            f"scrolling the largest seed: {per_page * 1000:.1f} ms per page ({args.pages} pages, headless)"
        )
    return 0
