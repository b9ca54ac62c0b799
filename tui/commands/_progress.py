"""How far a long import has got, as one line on stderr that updates in place.

Only on a terminal (a script reading stderr gets nothing but real errors), only once an import
has run for a moment, and the line is cleared when the import ends. The file's name goes
through the terminal gate (``store.terminal_safe``); only the carriage return and the
clear-line sequence are Shiori's own. The app shows the same callback's news as a bar in its
header.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from store.terminal_safe import safe_line

#: Seconds an import runs before the line appears (a small file never shows it).
DELAY = 0.4
#: At most this many updates a second.
RATE = 10


@contextmanager
def import_progress(
    name: str, stream: TextIO | None = None
) -> Iterator[Callable[[int, int], None] | None]:
    """A ``progress(done, total)`` callback for ``import_file``, or None off a terminal."""
    out = stream if stream is not None else sys.stderr
    if not getattr(out, "isatty", lambda: False)():
        yield None
        return
    started = time.monotonic()
    shown = [0.0, False]  # time of the last update, whether anything was written

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if now - started < DELAY or (now - shown[0] < 1 / RATE and done < total):
            return
        shown[0], shown[1] = now, True
        out.write("\r" + safe_line(f"shiori: reading {name}: {done}/{total}"))
        out.flush()

    try:
        yield progress
    finally:
        if shown[1]:
            out.write("\r\x1b[K")
            out.flush()
