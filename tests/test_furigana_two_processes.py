"""``shiori furigana`` analysing a long text half in a forked copy (tui/commands/_two_processes):
the output is byte for byte the one pass's, glosses carried across the halves, and a copy
that fails costs only time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.commands import _two_processes

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not _two_processes.available(), reason="needs Linux, 2 cores")

#: A name glossed early, its short form only in the second half; enough text for two halves.
TEXT = (
    "韓国の尹錫悦（ユン・ソンニョル）大統領が来日した。\n"
    + "日本の首相は東京で会見し、両国の関係について語った。\n" * 1500
    + "尹大統領は会談の後、記者団に語った。\n"
    + "葛\U000e0100城市の市長も語った。\n"  # a variation selector (葛󠄀), in the second half
)

RUN = """
import io, sys
from tui.commands import furigana, _two_processes
mode = sys.argv[1]
if mode == "one-pass":
    furigana.PARALLEL_FROM = 10**9
if mode == "failing-copy":
    import os
    parent, render = os.getpid(), None
    real = _two_processes.rendered
    def rendered(pieces, style, render, **options):
        def guarded(text, readings):
            if os.getpid() != parent:
                raise RuntimeError("the copy fails")
            return render(text, readings)
        return real(pieces, style, guarded, **options)
    _two_processes.rendered = rendered
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


def _run(mode: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", RUN, mode],
        input=TEXT.encode("utf-8"),
        capture_output=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode("utf-8")


def test_two_processes_read_as_one_pass_glosses_included() -> None:
    import json

    from tui.commands.furigana import PARALLEL_FROM

    assert len(TEXT) >= PARALLEL_FROM
    two = _run("two-processes")
    assert two == _run("one-pass")
    segments = json.loads(two)
    assert "".join(s for s, _ in segments) == TEXT
    assert segments[-12:][0:2] != []  # the last line is there
    assert ["尹", "ゆん"] in segments[-30:]  # the gloss of the first half, in the second
    assert ["葛\U000e0100城市", "かつらぎし"] in segments[-12:]  # read as 葛城市


def test_a_failing_copy_costs_only_time() -> None:
    assert _run("failing-copy") == _run("one-pass")


def test_no_fork_or_thread_to_be_had_reads_in_one_process() -> None:
    one_pass = _run("one-pass")
    assert _run("no-fork") == one_pass
    assert _run("no-thread") == one_pass
