"""Bytes → text: detect the encoding (UTF-8 ± BOM, UTF-16 with BOM, CP932, EUC-JP); never ask.

Newlines are normalised to ``\\n`` (CRLF and lone CR included). Binary data (NUL bytes outside
UTF-16, or bytes no candidate encoding decodes) is refused with :class:`ImportFailed`.
"""

from __future__ import annotations

import codecs
import re

from store.importer.errors import ImportFailed

#: Tried in order after the BOM checks; the first that decodes the whole input wins.
_CANDIDATES = ("utf-8", "cp932", "euc_jp")

_NEWLINES = re.compile(r"\r\n?")


class UndecodableError(ValueError):
    """The bytes are binary or in no encoding we know (message says which)."""


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become ``\\n``."""
    return _NEWLINES.sub("\n", text) if "\r" in text else text


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding_name)`` with newlines normalised.

    Raises :class:`UndecodableError` for binary or undecodable data.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", "utf-16")
    if b"\x00" in data:
        raise UndecodableError("binary data (NUL bytes)")
    for name in _CANDIDATES:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        return normalise_newlines(text), _label(name)
    raise UndecodableError("not text in UTF-8, UTF-16, Shift_JIS or EUC-JP")


def _strict(data: bytes, codec: str, label: str) -> tuple[str, str]:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise UndecodableError(f"invalid {label} data") from exc
    if "\x00" in text:
        raise UndecodableError("binary data (NUL characters)")
    return normalise_newlines(text), label


def _label(name: str) -> str:
    return {"cp932": "shift_jis", "euc_jp": "euc-jp"}.get(name, name)


def read_text(path: str) -> tuple[str, str]:
    """Read and decode one file; every failure becomes a one-line :class:`ImportFailed`."""
    import os

    if not os.path.exists(path):
        raise ImportFailed(f"{path}: no such file")
    if os.path.isdir(path):
        raise ImportFailed(f"{path}: is a directory, not a document")
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise ImportFailed(f"{path}: cannot read ({exc.strerror or exc})") from exc
    try:
        return decode_bytes(data)
    except UndecodableError as exc:
        raise ImportFailed(f"{path}: cannot import: {exc}") from exc
