"""``python -m benchmarks scale`` — quitting and memory on very large documents.

Two measurements the reader and ``shiori furigana`` owe at any document size:

- the app on a 5 MB and a 50 MB document (the seeds concatenated, written to a temp dir): it
  runs in a pseudo-terminal with an empty readings cache, shows the document, lets the furigana
  analysis run for ``--wait`` seconds, then gets ``q``; reported are the time from ``q`` to the
  process's exit (the analysis must be cancelled, not awaited) and the peak resident memory;
- ``shiori furigana`` on a 5 MB text that is one single line, against a 1 MB one: the peak
  resident memory must not grow with the line (the line is analysed in pieces).

The documents are imported once before the timed runs (the import cache), so each run starts
the app on an imported document, as a reader reopening it would.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

from store import paths

LEAVE_ALT_SCREEN = b"\x1b[?1049l"
#: The header's first cells: the app has painted its first frame (the alternate screen is
#: entered well before that, while the app still mounts; a ``q`` then waits for the mount).
FIRST_PAINT = "栞 Shiori".encode()
#: A run that has not shown its screen by then is stuck.
RUN_TIMEOUT = 600.0


def concatenated_seeds(path: Path, target_bytes: int, *, one_line: bool = False) -> Path:
    """The bundled seeds repeated until ``path`` holds ``target_bytes`` (one line if asked)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(paths.SEEDS_DIR.glob("*.txt"))]
    if one_line:
        texts = ["".join(t.split()) for t in texts]
    size = 0
    with path.open("w", encoding="utf-8") as fh:
        while size < target_bytes:
            for text in texts:
                piece = text if one_line else text + "\n\n"
                fh.write(piece)
                size += len(piece.encode("utf-8"))
    return path


def quit_run(argv: list[str], env: dict[str, str], wait: float) -> tuple[float, float, float]:
    """(seconds to the first paint, seconds from ``q`` to exit, peak RSS in MB); ``q`` is
    pressed ``wait`` seconds after the first paint, while the furigana analysis runs."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    shown: float | None = None
    asked: float | None = None
    left: float | None = None
    tail = b""
    try:
        while True:
            ready, _, _ = select.select([master], [], [], 0.005)
            if ready:
                with contextlib.suppress(OSError):
                    tail = tail[-32:] + os.read(master, 65536)
            now = time.perf_counter()
            if shown is None and FIRST_PAINT in tail:
                shown = now
            if asked is not None and left is None and LEAVE_ALT_SCREEN in tail:
                left = now
            if shown is not None and asked is None and now - shown >= wait:
                os.write(master, b"q")
                asked = time.perf_counter()
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                exited = time.perf_counter()
                break
            if now - start > RUN_TIMEOUT:
                proc.kill()
                proc.wait()
                raise RuntimeError(f"{' '.join(argv)} did not quit in {RUN_TIMEOUT:.0f} s")
    finally:
        os.close(master)
    code = os.waitstatus_to_exitcode(status)
    if code != 0 or shown is None or asked is None:
        raise RuntimeError(f"{' '.join(argv)} exited with {code} before quitting")
    if os.environ.get("SHIORI_SCALE_DEBUG"):
        print(f"    q -> screen left {((left or exited) - asked) * 1000:.0f} ms, -> exit "
              f"{(exited - asked) * 1000:.0f} ms")
    return shown - start, exited - asked, usage.ru_maxrss / 1024


def furigana_peak(python: str, path: Path, env: dict[str, str]) -> float:
    """Peak RSS (MB) of ``shiori furigana --format json FILE`` (output discarded)."""
    proc = subprocess.Popen(
        [python, "-m", "tui.cli", "furigana", str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    _pid, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"shiori furigana {path} failed: {proc.stderr.read().decode()}")
    return usage.ru_maxrss / 1024


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks scale", description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="timed quits per document (median)")
    parser.add_argument("--wait", type=float, default=1.0, help="seconds after the first paint before q")
    parser.add_argument(
        "--sizes", default="5,50", help="document sizes in MB for the app (comma-separated)"
    )
    args = parser.parse_args(argv)
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="shiori-scale-") as tmp:
        folder = Path(tmp)
        env = dict(os.environ)
        for name in ("DATA", "CONFIG"):
            env[f"SHIORI_{name}_DIR"] = str(folder / name.lower())
        env["TERM"] = env.get("TERM") or "xterm-256color"
        env.pop("TEXTUAL", None)
        print(f"quitting during the furigana analysis ({args.wait:.1f} s after the first paint)")
        for mb in (float(x) for x in args.sizes.split(",")):
            doc = concatenated_seeds(folder / f"seeds-{mb:g}mb.txt", int(mb * 1024 * 1024))
            cache = folder / f"cache-{mb:g}"
            # import once (the import cache), as a reader reopening the document would
            subprocess.run(
                [python, "-m", "tui.cli", "inspect", str(doc)],
                env={**env, "SHIORI_CACHE_DIR": str(cache)},
                stdout=subprocess.DEVNULL,
                check=False,
            )
            runs = []
            for k in range(args.runs):
                run_cache = folder / f"cache-{mb:g}-{k}"
                subprocess.run(["cp", "-r", str(cache), str(run_cache)], check=False)
                readings = run_cache / "readings"
                if readings.exists():
                    subprocess.run(["rm", "-rf", str(readings)], check=True)
                runs.append(
                    quit_run(
                        [python, "-m", "tui.cli", str(doc)],
                        {**env, "SHIORI_CACHE_DIR": str(run_cache)},
                        args.wait,
                    )
                )
            shown = statistics.median(r[0] for r in runs)
            quit_s = statistics.median(r[1] for r in runs)
            worst = max(r[1] for r in runs)
            peak = max(r[2] for r in runs)
            print(
                f"  {mb:5g} MB document: first paint after {shown:6.1f} s; quit median "
                f"{quit_s * 1000:6.0f} ms (worst {worst * 1000:.0f} ms, target <= 200); "
                f"peak RSS {peak:6.0f} MB"
            )
        print("shiori furigana on one single line")
        small = concatenated_seeds(folder / "line-1mb.txt", 1 << 20, one_line=True)
        big = concatenated_seeds(folder / "line-5mb.txt", 5 << 20, one_line=True)
        env_f = {**env, "SHIORI_CACHE_DIR": str(folder / "cache-f")}
        peak_small = furigana_peak(python, small, env_f)
        peak_big = furigana_peak(python, big, env_f)
        print(
            f"  1 MB line: peak RSS {peak_small:.0f} MB; 5 MB line: {peak_big:.0f} MB "
            f"({peak_big / peak_small:.2f}x; flat is ~1x)"
        )
    return 0
