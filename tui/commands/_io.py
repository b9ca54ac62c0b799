"""How every command talks to the terminal: through one gate, in UTF-8, one line per error.

* :func:`say` / :class:`SafeStdout`: stdout, every string through ``store.terminal_safe`` (an
  escape sequence in a title, a note or a file name is shown as ``␛…``, never sent), encoded as
  UTF-8 whatever the locale (undecodable bytes of a file name shown as ``�``).
* :func:`say_marked`: lines whose marked pieces are bold on a terminal (search results).
* :func:`fail`: one line on stderr, ``shiori CMD: message``, through the same gate.
* :class:`Parser`: argparse whose errors are one line too (and go through the gate: a bad
  argument is echoed in the message).
* :func:`text_arg`: the ``type=`` of options that take text (a note, a tag, a quote): text that
  is not valid UTF-8 is a usage error, not a traceback later.
* :func:`crash_line`: what the command line and the app print for an unexpected error (one
  line), the traceback appended to ``<cache dir>/crash.log``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
from collections.abc import Iterable, Sequence
from typing import IO, Any, NoReturn

from store.terminal_safe import has_surrogates, safe_line, safe_text


def _binary(stream: IO[str]) -> IO[bytes] | None:
    return getattr(stream, "buffer", None)


def _write(stream: IO[str], text: str, *, flush: bool = True) -> None:
    raw = _binary(stream)
    if raw is None:  # a test's StringIO, or a stream someone replaced
        stream.write(text)
        return
    stream.flush()
    raw.write(text.encode("utf-8", "replace"))
    if flush:
        raw.flush()


def say(text: str = "", *, end: str = "\n") -> None:
    """Print ``text`` (several lines allowed) on stdout, safely."""
    _write(sys.stdout, safe_text(text + end))


def say_marked(
    lines: Iterable[Sequence[tuple[str, bool]]],
    *,
    bold: bool,
    width: int | None = None,
    indent: str = "",
) -> None:
    """Print lines made of ``(text, marked)`` pieces, each piece one line through the gate;
    marked pieces in bold when ``bold`` (a terminal): the only escape sequence sent is ours.
    With ``width`` (a terminal's), a longer line is broken as the reader breaks lines
    (``tui.layout.wrap``: kinsoku, no line starting with 。、」), going on after ``indent``."""
    out = []
    for pieces in lines:
        shown = [(safe_line(text), marked) for text, marked in pieces]
        rows = [shown]
        if width is not None:
            from tui.layout.wrap import wrap_pieces  # only on a terminal

            rows = wrap_pieces(shown, width, indent)
        for row in rows:
            for text, marked in row:
                out.append(f"\x1b[1m{text}\x1b[0m" if marked and bold and text else text)
            out.append("\n")
    _write(sys.stdout, "".join(out))


def fail(prog: str, message: str, code: int = 1) -> int:
    """One line on stderr naming the command; returns ``code`` for the caller to exit with."""
    _write(sys.stderr, f"{prog}: {safe_line(' '.join(str(message).split()))}\n")
    return code


class SafeStdout(io.TextIOBase):
    """A text stream onto stdout that passes every write through the gate (for exports
    written piece by piece)."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        _write(sys.stdout, safe_text(text), flush=False)
        return len(text)

    def flush(self) -> None:
        raw = _binary(sys.stdout)
        (raw or sys.stdout).flush()


def text_arg(value: str) -> str:
    """argparse ``type=`` for text options: refuse bytes that are not UTF-8."""
    if has_surrogates(value):
        raise argparse.ArgumentTypeError("not valid UTF-8 text")
    return value


def terminal_columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` finds it (``$COLUMNS``, else the
    terminal's, else 80), without importing shutil (and the compressors it imports: ~2 ms of
    every command's start-up, which argparse pays for each parser it makes)."""
    import os

    with contextlib.suppress(KeyError, ValueError):
        if (columns := int(os.environ["COLUMNS"])) > 0:
            return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]  # None: caught below
    except (AttributeError, ValueError, OSError):
        return 80


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, sized by ``terminal_columns``."""

    def __init__(self, prog: str, *args: Any, **kwargs: Any) -> None:
        if len(args) < 3 and kwargs.get("width") is None:  # width: the third after prog
            kwargs["width"] = terminal_columns() - 2
        super().__init__(prog, *args, **kwargs)


class Parser(argparse.ArgumentParser):
    """argparse with one-line, gated errors (exit 2) and gated help."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        fail(self.prog, f"{message} (see {self.prog} --help)")
        sys.exit(2)

    # argparse types `file` as any writer but passes only sys.stdout or sys.stderr, which
    # _write needs (it flushes them and writes UTF-8 to their buffer).
    def _print_message(self, message: str, file: IO[str] | None = None) -> None:  # type: ignore[override]  # see above
        if message:
            _write(file or sys.stderr, safe_text(message))


def crash_line(exc: BaseException) -> str:
    """The one line shown for an unexpected error; the traceback goes to a report file."""
    report = _crash_report(exc)
    where = f"; details in {report}" if report else ""
    return safe_line(f"unexpected error: {type(exc).__name__}: {exc}{where}")


def _crash_report(exc: BaseException) -> str | None:
    import time
    import traceback

    try:
        from store.paths import cache_dir

        path = cache_dir() / "crash.log"
        with open(path, "a", encoding="utf-8", errors="backslashreplace") as fh:
            fh.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} shiori {sys.argv[1:]!r}\n")
            fh.write("".join(traceback.format_exception(exc)))
        return str(path)
    except Exception:  # the report is a courtesy; the line is what matters
        return None
