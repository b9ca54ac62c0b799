"""Bytes → text: detect the encoding (UTF-8 ± BOM, UTF-16 with BOM, CP932, Shift_JIS-2004,
EUC-JP); never ask.

Newlines are normalised to ``\\n`` (CRLF and lone CR included). Binary data (NUL bytes outside
UTF-16 — more than a stray few —, or bytes no candidate encoding decodes) is refused with
:class:`ImportFailed`.
"""

from __future__ import annotations

import codecs
from typing import BinaryIO

from store.files import FileProblem, describe, open_regular, shown
from store.importer.errors import ImportFailed
from store.patterns import compiled

#: Legacy Japanese encodings tried when the data is not UTF-8; the most plausible wins (the
#: first on a tie). Shift_JIS files are CP932 (Windows) or Shift_JIS-2004 (JIS X 0213, as
#: Aozora Bunko's newer files are): whichever decodes, and without private-use characters.
_LEGACY = ("cp932", "shift_jis_2004", "euc_jp")
_STREAMED = ("utf-8", *_LEGACY)

_NEWLINES = compiled(r"\r\n?")
_SAMPLE = 1 << 20
_CHUNK = 1 << 20


class UndecodableError(ValueError):
    """The bytes are binary or in no encoding we know (message says which)."""


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become ``\\n``."""
    return _NEWLINES.sub("\n", text) if "\r" in text else text


#: NUL bytes a text may carry astray (a bad copy, a corrupted save): a few, at most one in
#: fifty bytes, are control characters the import removes and counts; more (a file format's
#: header, ``\x89PNG…\x00\x00``, ``PK\x03\x04\x00\x00``) make the data binary.
_STRAY_NULS = 8


def _binary(data: bytes | str) -> bool:
    """Whether NULs say ``data`` (bytes, or text decoded) is not text (a text with a stray NUL
    or two still is)."""
    if isinstance(data, bytes):
        nuls, size = data.count(b"\x00"), len(data)
    else:  # decoded: a Japanese character was two or three bytes
        nuls, size = data.count("\x00"), 2 * len(data)
    return nuls > 0 and (nuls * 50 > size or nuls > max(_STRAY_NULS, size // 1000))


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding_name)`` with newlines normalised.

    Raises :class:`UndecodableError` for binary or undecodable data.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", "utf-16")
    if _binary(data):
        raise UndecodableError("binary data (NUL bytes)")
    try:
        return normalise_newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    decoded: list[tuple[float, str, str]] = []
    for name in _LEGACY:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        decoded.append((_plausibility(text), name, text))
    if not decoded:
        raise UndecodableError("not text in UTF-8, UTF-16, Shift_JIS (CP932, 2004) or EUC-JP")
    _score, name, text = max(decoded, key=lambda d: d[0])
    return normalise_newlines(text), _label(name)


def _plausibility(text: str) -> float:
    """How much ``text`` looks like Japanese: kana and common punctuation score, half-width
    katakana and private-use characters (what a wrong legacy codec produces) cost."""
    good = bad = 0
    for ch in text:
        o = ord(ch)
        if 0x3040 <= o <= 0x30FF or 0x3000 <= o <= 0x303F or 0x4E00 <= o <= 0x9FFF:
            good += 1
        elif 0xFF61 <= o <= 0xFF9F or 0xE000 <= o <= 0xF8FF:
            bad += 1
    return (good - 3 * bad) / max(1, len(text))


def _strict(data: bytes, codec: str, label: str) -> tuple[str, str]:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise UndecodableError(f"invalid {label} data") from exc
    if _binary(text):
        raise UndecodableError("binary data (NUL characters)")
    return normalise_newlines(text), label


def _label(name: str) -> str:
    return {"cp932": "shift_jis", "shift_jis_2004": "shift_jis-2004", "euc_jp": "euc-jp"}.get(
        name, name
    )


def read_lines(path: str) -> tuple[list[str], str]:
    """Read one file as a list of lines (no newlines) and its encoding, without ever holding
    the whole text as one string: the encoding is chosen on a sample, then the file is decoded
    as a stream. The file is opened only once it is known to be a regular file (a FIFO or a
    device is refused, not waited on). Every failure becomes a one-line :class:`ImportFailed`."""
    try:
        with open_regular(path) as fh:
            sample = fh.read(_SAMPLE)
            whole = len(sample) < _SAMPLE
            codec, label = _choose(sample, whole)
            # The sample may not tell (a long ASCII opening): on a later decoding error, try
            # the other candidates on the whole stream before giving up.
            fallbacks = [] if whole or codec in ("utf-8-sig", "utf-16") else list(_STREAMED)
            first_error: UndecodableError | None = None
            for attempt in [codec, *(c for c in fallbacks if c != codec)]:
                fh.seek(0)
                try:
                    lines = _decode_stream(fh, attempt)
                except UndecodableError as exc:
                    if "binary" in str(exc):
                        raise
                    first_error = first_error or exc
                    continue
                return lines, _label(attempt) if attempt != codec else label
            assert first_error is not None
            raise first_error
    except UndecodableError as exc:
        raise ImportFailed(f"{shown(path)}: cannot import: {exc}") from exc
    except FileProblem as exc:
        raise ImportFailed(str(exc)) from exc
    except OSError as exc:
        raise ImportFailed(f"{shown(path)}: cannot read ({describe(exc)})") from exc


def _choose(sample: bytes, whole: bool) -> tuple[str, str]:
    """Pick the codec from the first bytes (BOM, NULs, which candidates decode them)."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", "utf-16"
    if _binary(sample):
        raise UndecodableError("binary data (NUL bytes)")
    if not whole:
        if _utf8_start(sample):
            return "utf-8", "utf-8"
        cut = sample.rfind(b"\n")
        if cut > 0:  # cut at the last newline so no multi-byte character is split
            sample = sample[: cut + 1]
        else:  # one line longer than the sample: its last character may be split
            try:
                decode_bytes(sample)
            except UndecodableError:
                sample = sample[:-1]
    _text, label = decode_bytes(sample)
    codec = {"shift_jis": "cp932", "shift_jis-2004": "shift_jis_2004", "euc-jp": "euc_jp"}
    return codec.get(label, label), label


def _utf8_start(sample: bytes) -> bool:
    """Whether ``sample`` is the start of UTF-8 text (its last character may be cut short,
    as a sample of a file with a very long first line is)."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _decode_stream(fh: BinaryIO, codec: str) -> list[str]:
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    lines: list[str] = []
    tail = ""
    try:
        while True:
            chunk = fh.read(_CHUNK)
            final = not chunk
            text = tail + decoder.decode(chunk, final=final)
            if _binary(text):
                raise UndecodableError("binary data (NUL characters)")
            hold = ""
            if not final and text.endswith("\r"):
                text, hold = text[:-1], "\r"  # a CRLF may be split between chunks
            parts = normalise_newlines(text).split("\n")
            tail = parts.pop() + hold
            lines.extend(parts)
            if final:
                lines.append(tail)
                return lines
    except UnicodeDecodeError as exc:
        raise UndecodableError(f"invalid {codec} data at byte {exc.start}") from exc
