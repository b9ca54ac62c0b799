"""``shiori furigana`` on a machine with two cores: the second half of a long text is analysed
in a forked copy of the process while the first half is analysed here.

Why: the analysis is Python over Sudachi's words, and SudachiPy holds the GIL while it
tokenizes, so threads cannot share it; a fork made once the dictionary is loaded shares the
dictionary's pages and starts in a few milliseconds. The halves read exactly as one pass
would: what the whole text teaches (glosses in brackets, ``store.japanese.given``) is learned
first, in order, and each piece recalls only what was taught up to it.

Used only where it can pay and cannot hurt: Linux, two usable cores, a text long enough and
small enough to hold whole (``tui.commands.furigana`` decides). If the copy fails in any way
its half is analysed here instead; an interrupted parent ends its copy.
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

from store.japanese import analyzer
from store.japanese.given import GivenReadings
from store.japanese.readings import Annotator, Reading
from store.japanese.rules import Style
from store.japanese.tokens import word_tokens

#: Renders one piece of text with its readings (the command's output for that piece).
Render = Callable[[str, list[Reading]], str]


def available() -> bool:
    """True on Linux with at least two cores this process may run on."""
    if sys.platform != "linux" or not hasattr(os, "fork"):
        return False
    try:
        return len(os.sched_getaffinity(0)) >= 2
    except OSError:
        return False


def rendered(
    pieces: Sequence[str], style: Style, render: Render, *, large_kana: bool = False
) -> Generator[str, None, None]:
    """Each piece rendered, in order; the second half (by characters) in a forked copy."""
    given = GivenReadings()
    for k, piece in enumerate(pieces):
        given.learn(piece, (), word_tokens, at=k)
    given.freeze()
    annotator = Annotator(style, given=given, large_kana=large_kana)

    def render_piece(k: int) -> str:
        out = render(pieces[k], annotator.readings(pieces[k], at=k))
        gc.collect(1)
        return out

    total, split = sum(map(len, pieces)), 0
    done = 0
    while split < len(pieces) and done + len(pieces[split]) <= total // 2:
        done += len(pieces[split])
        split += 1
    split = max(1, split)
    analyzer.tokenizer()  # loaded before the fork: the copy shares it
    try:
        child: _Child | None = _Child(lambda: [render_piece(k) for k in range(split, len(pieces))])
    except OSError:  # no fork or no pipe to be had (a process limit): all of it here
        child = None
    later = None
    try:
        for k in range(split):
            yield render_piece(k)
        if child is not None:
            later = child.result()
    finally:
        if child is not None:
            child.stop()
    if later is None or len(later) != len(pieces) - split:
        later = [render_piece(k) for k in range(split, len(pieces))]
    yield from later


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
        self._reader = threading.Thread(target=self._drain, args=(read_end,), daemon=True)
        try:
            self._reader.start()  # drains the pipe while this process works (os.read frees the GIL)
        except RuntimeError as exc:  # no thread to be had: no copy either
            os.close(read_end)
            self.stop()
            raise OSError(str(exc)) from exc

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
