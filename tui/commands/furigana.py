"""``shiori furigana [--format json|aozora|html|text] [FILE|-]`` — readings for kanji.

The contract is in docs/design/contracts.md. Input is checked to be UTF-8 before anything is written
(exit 2 with a one-line error otherwise), spooled to a temporary file when it comes from stdin,
and then read and analysed in pieces of about ``BATCH_CHARS`` characters cut at line ends (or
sentence ends, commas, spaces when a line is longer), so memory stays flat however large the
input, even when it is one single line.
When stdout is a terminal, control characters from the document are shown as symbols (␛)
instead of being written raw; in a pipe the output is exact.
"""

from __future__ import annotations

import argparse
import codecs
import html
import io
import json
import sys
import tempfile
from collections.abc import Iterator
from typing import IO, BinaryIO

FORMATS = ("json", "aozora", "html", "text")
#: Characters per analysis batch (Sudachi itself is fed at most ~40 KB per call).
BATCH_CHARS = 32_000
_READ_BYTES = 1 << 16


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "furigana",
        help="print readings for the kanji in a UTF-8 text",
        description="Print readings (furigana) for the kanji in a UTF-8 text.",
    )
    p.add_argument(
        "--format", choices=FORMATS, default="json", help="output format (default: json)"
    )
    p.add_argument("file", nargs="?", default="-", help="UTF-8 text file, or - for stdin (default)")


class InputError(Exception):
    pass


def _validate(src: BinaryIO, copy: IO[bytes] | None = None) -> None:
    """Check that ``src`` is UTF-8 (copying it to ``copy`` on the way, when given)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    while chunk := src.read(_READ_BYTES):
        _check(decoder, chunk, offset)
        if copy is not None:
            copy.write(chunk)
        offset += len(chunk)
    _check(decoder, b"", offset, final=True)


def _open_input(name: str) -> IO[bytes]:
    """The input as a binary stream at its start, checked to be UTF-8 before anything is read.

    A file is checked, then reopened; stdin is spooled to a temporary file (in memory up to
    8 MB) because it can be read only once.
    """
    if name == "-":
        spool = tempfile.SpooledTemporaryFile(max_size=8 << 20)  # noqa: SIM115 (returned open)
        try:
            _validate(sys.stdin.buffer, spool)
        except BaseException:
            spool.close()
            raise
        spool.seek(0)
        return spool
    with open(name, "rb") as fh:
        _validate(fh)
    return open(name, "rb")  # noqa: SIM115 (returned open)


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
        while len(buf) >= size:
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
    """How much of ``buf`` the next piece takes: at most ``size`` characters, at least a
    quarter of it, ending after the best kind of boundary found (else ``size`` exactly)."""
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
    return "\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef" or "\u0300" <= ch <= "\u036f" or ch in "\u3099\u309a"


_CONTROLS = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}
_CONTROLS[0x7F] = 0x2421
_CONTROLS.update({c: 0xFFFD for c in range(0x80, 0xA0)})


def _render(segments: list[tuple[str, str | None]], fmt: str) -> str:
    if fmt == "aozora":
        return "".join(f"｜{s}《{r}》" if r else s for s, r in segments)
    if fmt == "html":
        return "".join(
            f"<ruby>{html.escape(s)}<rt>{r}</rt></ruby>" if r else html.escape(s)
            for s, r in segments
        )
    return "".join(f"{s}({r})" if r else s for s, r in segments)


def run(args: argparse.Namespace) -> int:
    from store.japanese.readings import Annotator, segments_from_readings

    try:
        stream = _open_input(args.file)
    except InputError as e:
        print(f"shiori furigana: {args.file}: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"shiori furigana: cannot read {args.file}: {e.strerror or e}", file=sys.stderr)
        return 2

    # UTF-8 whatever the locale says: the contract is UTF-8 JSON.
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="", write_through=False)
    raw = not sys.stdout.isatty()
    annotator = Annotator()
    first = True
    if args.format == "json":
        out.write("[")
    with stream:
        for batch in _batches(stream):
            segments = segments_from_readings(batch, annotator.readings(batch))
            if args.format == "json":
                if segments:
                    body = json.dumps(segments, ensure_ascii=False, separators=(",", ":"))[1:-1]
                    out.write(body if first else "," + body)
                    first = False
                continue
            rendered = _render(segments, args.format)
            out.write(rendered if raw else rendered.translate(_CONTROLS))
    if args.format == "json":
        out.write("]\n")
    out.flush()
    out.detach()  # leave sys.stdout usable (and open) for the caller
    return 0
