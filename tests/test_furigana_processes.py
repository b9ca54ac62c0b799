"""``shiori furigana`` analysing a long text in runs shared with forked copies
(tui/commands/_processes): the output is byte for byte the one pass's, however many processes,
glosses carried across the runs, and a copy that fails costs only time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.commands import _processes

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not _processes.available(), reason="needs Linux, 2 cores")

#: A name glossed early, its short form only in the second half; enough text for two halves.
TEXT = (
    "韓国の尹錫悦（ユン・ソンニョル）大統領が来日した。\n"
    + "日本の首相は東京で会見し、両国の関係について語った。\n" * 1500
    + "尹大統領は会談の後、記者団に語った。\n"
    + "葛\U000e0100城市の市長も語った。\n"  # a variation selector (葛󠄀), in the second half
)

RUN = """
import io, sys
from tui.commands import furigana, _processes
mode, count = sys.argv[1], int(sys.argv[2])
_processes.cores = lambda: count  # as if the machine had that many cores
_processes.CHARS_PER_PROCESS = 5_000
if mode == "one-pass":
    furigana.PARALLEL_FROM = 10**9
if mode == "failing-copy":
    import os
    parent, render = os.getpid(), None
    real = _processes.rendered
    def rendered(pieces, style, render, **options):
        def guarded(text, readings):
            if os.getpid() != parent:
                raise RuntimeError("the copy fails")
            return render(text, readings)
        return real(pieces, style, guarded, **options)
    _processes.rendered = rendered
if mode == "no-fork":
    import os
    def no_fork():
        raise BlockingIOError(11, "Resource temporarily unavailable")
    os.fork = no_fork
if mode == "no-thread":
    import threading
    def no_thread(self):
        raise RuntimeError("can't start new thread")
    threading.Thread.start = no_thread
out = io.StringIO()
furigana._annotate(io.BytesIO(sys.stdin.buffer.read()), out, "json", raw=True)
sys.stdout.write(out.getvalue())
"""


def _run(mode: str, processes: int = 2) -> str:
    result = subprocess.run(
        [sys.executable, "-c", RUN, mode, str(processes)],
        input=TEXT.encode("utf-8"),
        capture_output=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode("utf-8")


@pytest.mark.parametrize("processes", [2, 3, 4])
def test_processes_read_as_one_pass_glosses_included(processes: int) -> None:
    import json

    from tui.commands.furigana import PARALLEL_FROM

    assert len(TEXT) >= PARALLEL_FROM
    shared = _run("processes", processes)
    assert shared == _run("one-pass")
    segments = json.loads(shared)
    assert "".join(s for s, _ in segments) == TEXT
    assert segments[-12:][0:2] != []  # the last line is there
    assert ["尹", "ゆん"] in segments[-30:]  # the gloss of the first half, in the second
    assert ["葛\U000e0100城市", "かつらぎし"] in segments[-12:]  # read as 葛城市


def test_failing_copies_cost_only_time() -> None:
    one_pass = _run("one-pass")
    assert _run("failing-copy") == one_pass
    assert _run("failing-copy", 4) == one_pass


def test_no_fork_or_thread_to_be_had_reads_in_one_process() -> None:
    one_pass = _run("one-pass")
    assert _run("no-fork") == one_pass
    assert _run("no-thread") == one_pass
    assert _run("no-fork", 4) == one_pass


@pytest.mark.parametrize(
    ("sizes", "count", "expected"),
    [
        ([10, 10, 10, 10], 2, [range(0, 2), range(2, 4)]),
        ([10, 10, 10, 10], 4, [range(0, 1), range(1, 2), range(2, 3), range(3, 4)]),
        ([30, 1, 1, 1], 3, [range(0, 1), range(1, 2), range(2, 4)]),  # each run gets a piece
        ([5, 5], 4, [range(0, 1), range(1, 2)]),  # fewer pieces than processes
        ([8, 8, 8, 8, 8, 8], 3, [range(0, 2), range(2, 4), range(4, 6)]),
        # a novel in 8,000-character pieces: 48 and 44 thousand, not 40 and 52
        ([8] * 11 + [4], 2, [range(0, 6), range(6, 12)]),
        ([10] * 5, 2, [range(0, 2), range(2, 5)]),  # a tie: the first run, which also writes, is the shorter
    ],
)
def test_runs_share_the_text_evenly(sizes: list[int], count: int, expected: list[range]) -> None:
    assert _processes.runs(sizes, count) == expected


def test_processes_for_a_text_follow_its_length_and_the_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_processes, "cores", lambda: 8)
    per = _processes.CHARS_PER_PROCESS
    assert _processes.processes_for(per - 1) == 1
    assert _processes.processes_for(2 * per) == 2
    assert _processes.processes_for(100 * per) == _processes.MAX_PROCESSES
    monkeypatch.setattr(_processes, "cores", lambda: 1)
    assert _processes.processes_for(100 * per) == 1
