"""``shiori furigana`` on a machine with several cores: a long text is cut into as many runs of
pieces as there are cores to use (one per ``CHARS_PER_PROCESS`` characters, at most
``MAX_PROCESSES``), each run after the first analysed in a forked copy of the process while
the first is analysed here.

Why: the analysis is Python over Sudachi's words, and SudachiPy holds the GIL while it
tokenizes, so threads cannot share it; a fork made once the dictionary is loaded shares the
dictionary's pages and starts in a few milliseconds. The runs read exactly as one pass
would: what the whole text teaches (glosses in brackets, ``store.japanese.given``) is learned
first, in order, and each piece recalls only what was taught up to it.

Used only where it can pay and cannot hurt: Linux, two usable cores or more, a text long enough
and small enough to hold whole (``tui.commands.furigana`` decides). If a copy fails in any way
its run is analysed here instead; an interrupted parent ends its copies.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import signal
import sys
import threading
from collections.abc import Callable, Generator, Sequence
from itertools import accumulate

from store.japanese import analyzer
from store.japanese.given import GivenReadings
from store.japanese.readings import Annotator, Reading
from store.japanese.rules import Style
from store.japanese.tokens import word_tokens

#: Renders one piece of text with its readings (the command's output for that piece).
Render = Callable[[str, list[Reading]], str]


#: Characters each process should have at least: below that, a copy's own first use of the
#: dictionary and of the tables costs more than it saves (on two cores a 13,000-character work
#: took 360 ms instead of 430, a 7,000-character one gained nothing; docs/furigana.md).
CHARS_PER_PROCESS = 6_000
#: At most this many processes, however many cores: each copy's analysis adds its own memory
#: (tens of MB on a long text), and past four the parent's own run and the learning pass that
#: precedes the fork dominate.
MAX_PROCESSES = 4


def cores() -> int:
    """How many cores this process may run on: 1 where forking copies is not available
    (not Linux, no fork, the affinity unknown)."""
    if sys.platform != "linux" or not hasattr(os, "fork"):
        return 1
    try:
        return len(os.sched_getaffinity(0))
    except OSError:
        return 1


def available() -> bool:
    """True on Linux with at least two cores this process may run on."""
    return cores() >= 2


def processes_for(chars: int) -> int:
    """How many processes a text of ``chars`` characters is analysed in (1: this one alone)."""
    return max(1, min(cores(), MAX_PROCESSES, chars // CHARS_PER_PROCESS))


def runs(sizes: Sequence[int], count: int) -> list[range]:
    """``count`` runs of consecutive pieces (given their sizes), each cut made where the
    characters so far come nearest their even share (a cut short of it by most of a piece left
    the other process a piece more: 40,000 and 49,000 characters of a 89,000-character novel);
    each run has at least one piece (fewer runs when there are fewer pieces)."""
    count = max(1, min(count, len(sizes)))
    total = sum(sizes)
    through = list(accumulate(sizes))  # characters up to the end of each piece
    out: list[range] = []
    start = 0
    for k in range(1, count):
        share = total * k / count
        last = len(sizes) - (count - k)  # leave a piece for each run still to come
        end = min(range(start + 1, last + 1), key=lambda e: abs(through[e - 1] - share))
        out.append(range(start, end))
        start = end
    out.append(range(start, len(sizes)))
    return out


def rendered(
    pieces: Sequence[str],
    style: Style,
    render: Render,
    *,
    large_kana: bool = False,
    processes: int = 2,
) -> Generator[str, None, None]:
    """Each piece rendered, in order; all runs but the first (``runs``) in forked copies."""
    given = GivenReadings()
    for k, piece in enumerate(pieces):
        given.learn(piece, (), word_tokens, at=k)
    given.freeze()
    annotator = Annotator(style, given=given, large_kana=large_kana)

    def render_piece(k: int) -> str:
        out = render(pieces[k], annotator.readings(pieces[k], at=k))
        gc.collect(1)
        return out

    first, *others = runs([len(piece) for piece in pieces], processes)
    analyzer.tokenizer()  # loaded before the forks: the copies share it
    def render_run(run: range) -> Callable[[], list[str]]:
        return lambda: [render_piece(k) for k in run]

    children = _forked([render_run(run) for run in others])
    try:
        for k in first:
            yield render_piece(k)
        for run, child in zip(others, children, strict=True):
            later = child.result() if child is not None else None
            if later is None or len(later) != len(run):
                later = [render_piece(k) for k in run]
            yield from later
    finally:
        for child in children:
            if child is not None:
                child.stop()


def _forked(works: list[Callable[[], list[str]]]) -> list[_Child | None]:
    """A started copy per work (None where none could be had: a process or thread limit). All
    are forked before any reading thread starts, so no copy is forked from a threaded process."""
    children: list[_Child | None] = []
    for work in works:
        try:
            children.append(_Child(work))
        except OSError:  # no fork or no pipe to be had: that run is analysed here
            children.append(None)
    for k, child in enumerate(children):
        if child is not None and not child.start():
            children[k] = None
    return children


class _Child:
    """A forked copy computing ``work()`` (a list of strings), read back through a pipe."""

    def __init__(self, work: Callable[[], list[str]]) -> None:
        read_end, write_end = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the copy: compute, send, end (never back into the caller)
            code = 1
            try:
                os.close(read_end)
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                data = json.dumps(work(), ensure_ascii=False).encode("utf-8")
                with open(write_end, "wb") as fh:
                    fh.write(data)
                code = 0
            finally:
                os._exit(code)
        os.close(write_end)
        self._chunks: list[bytes] = []
        self._read_end = read_end
        self._reader = threading.Thread(target=self._drain, args=(read_end,), daemon=True)

    def start(self) -> bool:
        """Start draining the pipe while this process works (os.read frees the GIL); False,
        with the copy ended, when no thread is to be had."""
        try:
            self._reader.start()
        except RuntimeError:
            os.close(self._read_end)
            self.stop()
            return False
        return True

    def _drain(self, fd: int) -> None:
        with open(fd, "rb") as fh:
            while chunk := fh.read(1 << 20):
                self._chunks.append(chunk)

    def result(self) -> list[str] | None:
        """The copy's strings, or None if it failed."""
        self._reader.join()
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        if status != 0:
            return None
        try:
            found = json.loads(b"".join(self._chunks).decode("utf-8"))
        except ValueError:
            return None
        if not isinstance(found, list) or not all(isinstance(s, str) for s in found):
            return None
        return found

    def stop(self) -> None:
        """End the copy if it is still running (the caller was interrupted)."""
        if self.pid:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            self.pid = 0
        if self._reader.is_alive():
            self._reader.join(1)
