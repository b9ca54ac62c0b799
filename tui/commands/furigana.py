"""``shiori furigana [--format json|aozora|html|text] [--register auto|older|today] [FILE|-]``
— readings for kanji.

The contract is in docs/design/contracts.md. Input is checked to be UTF-8 before anything is written
(exit 2 with a one-line error otherwise), spooled (in memory, past 8 MB in a temporary file) when it comes from stdin,
and then read and analysed in pieces of about ``BATCH_CHARS`` characters cut at line ends (or
sentence ends, commas, spaces when a line is longer), so memory stays flat however large the
input, even when it is one single line.
When stdout is a terminal, control characters from the document are shown as symbols (␛, the
terminal gate ``store.terminal_safe``) instead of being written raw; in a pipe the output is
exact. JSON is both: every such character is a ``\\u`` escape. A FIFO or device named as FILE
is refused (``store.files``), never waited on.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import io
import itertools
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from types import ModuleType
from typing import IO, TYPE_CHECKING, BinaryIO

from store.terminal_safe import escape_json, safe_text

if TYPE_CHECKING:
    from store.japanese.readings import Reading
    from store.japanese.rules import Style

FORMATS = ("json", "aozora", "html", "text")
#: Characters per analysis batch (Sudachi itself is fed at most ~40 KB per call): small
#: enough that a batch's words stay in the processor's cache (8,000 analyse ~10% faster
#: than 32,000), large enough that the per-batch work does not count.
BATCH_CHARS = 8_000
#: The register (modern or literary) is decided on the first this many characters, however
#: small the batches (``store.japanese.rules.detect_style`` looks at as many).
STYLE_SAMPLE = 20_000
#: Texts of this many characters and more, up to ``PARALLEL_UP_TO`` (held whole in memory),
#: are analysed in runs shared with forked copies on the other cores, one per 6,000 characters
#: up to four processes (``tui.commands._processes``).
PARALLEL_FROM = 12_000
PARALLEL_UP_TO = 4_000_000
_READ_BYTES = 1 << 16
#: stdin is kept in memory up to this size, then in a temporary file.
SPOOL_IN_MEMORY = 8 << 20


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "furigana",
        help="print readings for the kanji in a UTF-8 text",
        description="Print readings (furigana) for the kanji in a UTF-8 text.",
    )
    p.add_argument(
        "--format", choices=FORMATS, default="json", help="output format (default: json)"
    )
    p.add_argument(
        "--register",
        choices=tuple(REGISTERS),
        default="auto",
        help="read the text as older prose (私 わたくし, 行く ゆく) or today's; default: auto,"
        " as the text suggests",
    )
    p.add_argument("file", nargs="?", default="-", help="UTF-8 text file, or - for stdin (default)")


#: ``--register`` -> the analyser's register (None: detected from the text).
REGISTERS: dict[str, Style | None] = {"auto": None, "older": "literary", "today": "modern"}


class InputError(Exception):
    pass


def _validate(src: BinaryIO, copy: _Spool | None = None) -> None:
    """Check that ``src`` is UTF-8 (copying it to ``copy`` on the way, when given)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    while chunk := src.read(_READ_BYTES):
        _check(decoder, chunk, offset)
        if copy is not None:
            copy.write(chunk)
        offset += len(chunk)
    _check(decoder, b"", offset, final=True)


class _Spool:
    """Where stdin is copied while it is checked: memory, then a temporary file past
    ``SPOOL_IN_MEMORY`` (``tempfile`` is imported only then: it and what it imports cost
    ~5 ms of every start-up)."""

    def __init__(self) -> None:
        self.file: IO[bytes] = io.BytesIO()

    def write(self, chunk: bytes) -> None:
        if isinstance(self.file, io.BytesIO) and self.file.tell() + len(chunk) > SPOOL_IN_MEMORY:
            import tempfile

            disk = tempfile.TemporaryFile()  # noqa: SIM115 (returned open)
            disk.write(self.file.getbuffer())
            self.file = disk
        self.file.write(chunk)


def _open_input(name: str) -> IO[bytes]:
    """The input as a binary stream at its start, checked to be UTF-8 before anything is read.

    A file is checked, then reopened; stdin is spooled (``_Spool``) because it can be read
    only once.
    """
    if name == "-":
        spool = _Spool()
        try:
            _validate(sys.stdin.buffer, spool)
        except BaseException:
            spool.file.close()
            raise
        spool.file.seek(0)
        return spool.file
    from store.files import open_regular

    with open_regular(name) as fh:  # a FIFO or a device is refused, not waited on
        _validate(fh)
    return open_regular(name)


def _check(
    decoder: codecs.IncrementalDecoder, chunk: bytes, offset: int, final: bool = False
) -> None:
    try:
        decoder.decode(chunk, final)
    except UnicodeDecodeError as e:
        raise InputError(
            f"input is not valid UTF-8 (bad byte at offset {offset + e.start})"
        ) from None


def _batches(stream: IO[bytes], size: int = BATCH_CHARS) -> Iterator[str]:
    """The text in pieces of about ``size`` characters, read a piece at a time (a file that is
    one 5 MB line never sits in memory whole): each cut after a line end where there is one,
    else after a sentence, else after a comma or a space (``_cut``)."""
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
    buf = ""
    while chunk := text.read(size):
        buf += chunk
        while len(buf) > size:  # one character past the cut, to see whether it joins
            cut = _cut(buf, size)
            yield buf[:cut]
            buf = buf[cut:]
    if buf:
        yield buf


#: Where a piece may end, best first: a line end, a sentence end (with its closing brackets),
#: a comma or a space. A word never straddles any of them.
_CUTS = ("\n", "。！？!?", "、，,；; \u3000")
_CLOSING = "」』）)】〕》〉'\""


def _cut(buf: str, size: int) -> int:
    """How much of ``buf`` (longer than ``size``) the next piece takes: at most ``size``
    characters, at least a quarter of it, ending after the best kind of boundary found (else
    ``size``, moved back off a character that joins the one before it)."""
    floor = size // 4
    for marks in _CUTS:
        at = max(buf.rfind(mark, floor, size) for mark in marks)
        if at >= floor:
            end = at + 1
            while end < size and buf[end] in _CLOSING:
                end += 1
            return end
    end = size
    while end > floor and (_joins_previous(buf[end]) or "\ud800" <= buf[end - 1] <= "\udbff"):
        end -= 1  # never between a character and its variation selector or combining mark
    return end


def _joins_previous(ch: str) -> bool:
    return (
        "\ufe00" <= ch <= "\ufe0f"
        or "\U000e0100" <= ch <= "\U000e01ef"
        or "\u0300" <= ch <= "\u036f"
        or ch in "\u3099\u309a"
    )


def _render(segments: list[tuple[str, str | None]], fmt: str) -> str:
    if fmt == "aozora":
        return "".join(f"｜{s}《{r}》" if r else s for s, r in segments)
    if fmt == "html":
        import html

        return "".join(
            f"<ruby>{html.escape(s)}<rt>{r}</rt></ruby>" if r else html.escape(s)
            for s, r in segments
        )
    return "".join(f"{s}({r})" if r else s for s, r in segments)


def run(args: argparse.Namespace) -> int:
    from store.files import FileProblem, describe, shown
    from tui.commands._io import fail

    try:
        stream = _open_input(args.file)
    except InputError as e:
        return fail("shiori furigana", f"{shown(args.file)}: {e}", 2)
    except FileProblem as e:
        return fail("shiori furigana", f"cannot read {e}", 2)
    except OSError as e:
        return fail("shiori furigana", f"cannot read {shown(args.file)}: {describe(e)}", 2)

    # UTF-8 whatever the locale says: the contract is UTF-8 JSON.
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="", write_through=False)
    try:
        _annotate(
            stream, out, args.format, raw=not sys.stdout.isatty(), style=REGISTERS[args.register]
        )
        out.flush()
    finally:
        with contextlib.suppress(OSError, ValueError):
            out.detach()  # leave sys.stdout usable (and open) for the caller, after an error too
    return 0


def _annotate(
    stream: IO[bytes], out: IO[str], fmt: str, *, raw: bool, style: Style | None = None
) -> None:
    import gc

    from store.japanese.orthography import writes_large_kana
    from store.japanese.readings import segments_from_readings
    from store.japanese.rules import detect_style

    # The analysis makes no reference cycles that matter: the cyclic collector, which would
    # walk every word of the batch again and again (~10% of the time), runs once per batch.
    gc.disable()
    try:
        with stream:
            batches = _batches(stream)
            head: list[str] = []
            size = 0
            for batch in batches:
                head.append(batch)
                size += len(batch)
                if size >= PARALLEL_UP_TO:
                    break
            opening = _opening(head, STYLE_SAMPLE)
            style = style or detect_style(opening)
            large_kana = writes_large_kana(opening)

            def render(text: str, readings: list[Reading]) -> str:
                return _body(segments_from_readings(text, readings), fmt, raw)

            processes = _processes(size) if PARALLEL_FROM <= size < PARALLEL_UP_TO else None
            if processes is not None:
                module, count = processes
                with contextlib.closing(
                    module.rendered(head, style, render, large_kana=large_kana, processes=count)
                ) as pieces:
                    _write(pieces, out, fmt)
            else:
                pieces = itertools.chain(head, batches)
                _write(_in_order(pieces, style, render, large_kana), out, fmt)
    finally:
        gc.enable()


def _processes(size: int) -> tuple[ModuleType, int] | None:
    """``tui.commands._processes`` and how many processes a text of ``size`` characters takes,
    where more than one can be used (imported only for a text long enough to use it)."""
    from tui.commands import _processes

    count = _processes.processes_for(size)
    return (_processes, count) if count >= 2 else None


def _opening(pieces: list[str], size: int) -> str:
    """The first ``size`` characters of the text the pieces make."""
    opening = ""
    for piece in pieces:
        opening += piece
        if len(opening) >= size:
            break
    return opening[:size]


def _in_order(
    batches: Iterable[str],
    style: Style,
    render: Callable[[str, list[Reading]], str],
    large_kana: bool,
) -> Iterator[str]:
    import gc

    from store.japanese.readings import Annotator

    annotator = Annotator(style=style, large_kana=large_kana)
    for batch in batches:
        yield render(batch, annotator.readings(batch))
        gc.collect(1)


def _body(segments: list[tuple[str, str | None]], fmt: str, raw: bool) -> str:
    """One batch's output: JSON segments without the array's brackets, or rendered text."""
    if fmt == "json":
        if not segments:
            return ""
        body = json.dumps(segments, ensure_ascii=False, separators=(",", ":"))
        return escape_json(body)[1:-1]  # exact, and printable anywhere
    rendered = _render(segments, fmt)
    return rendered if raw else safe_text(rendered)


def _write(bodies: Iterable[str], out: IO[str], fmt: str) -> None:
    if fmt != "json":
        for body in bodies:
            out.write(body)
        return
    out.write("[")
    first = True
    for body in bodies:
        if body:
            out.write(body if first else "," + body)
            first = False
    out.write("]\n")
