"""What kind of document a file is, by its content (the extension only breaks ties).

``%PDF-`` in the first KB is a PDF; a zip whose ``mimetype`` member says
``application/epub+zip`` is an EPUB, a zip with a Word document part (``word/document.xml``, or
the part ``[Content_Types].xml`` types as one) is a Word document, a zip holding ``.txt`` files is an Aozora Bunko archive;
a file that opens with a doctype, ``<html``, ``<head`` or ``<body`` (after a BOM, whitespace and
comments) is a web page, as is an ``.html``/``.htm``/``.xhtml`` file with markup in it; a MIME
message of ``multipart/related`` parts is a web page saved as one file (MHTML).
Everything else goes to the text importer, which refuses what is not text.
"""

from __future__ import annotations

import codecs
import re
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO

from store.files import open_regular
from store.importer.archive import text_members

PDF, EPUB, DOCX, ZIP_TEXT, ZIP, HTML, MHTML, TEXT = (
    "pdf",
    "epub",
    "docx",
    "zip-text",
    "zip",
    "html",
    "mhtml",
    "text",
)

_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_HTML_START = re.compile(
    rb"^(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
    re.I | re.S,
)
#: MIME headers (no blank line before it) up to ``Content-Type: multipart/related``: how a
#: browser's single-file page starts (``From: <Saved by Blink>``, ``MIME-Version: 1.0``…).
_MHTML_START = re.compile(
    rb"^(?:[!-9;-~]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*?content-type:[ \t]*multipart/related",
    re.I,
)
_MARKUP = re.compile(rb"<(?:p|div|h[1-6]|body|html|head|meta|title|br|ul|table|span|a)[\s>/]", re.I)


#: File endings each kind is known by (the first is the one given to a file that has none).
SUFFIXES = {
    PDF: (".pdf",),
    EPUB: (".epub",),
    DOCX: (".docx", ".docm", ".dotx", ".dotm"),
    ZIP_TEXT: (".zip",),
    HTML: (".html", ".htm", ".xhtml"),
    MHTML: (".mhtml", ".mht"),
}


def named_for_kind(path: Path) -> str:
    """``path``'s file name, with the ending its content calls for added when it has another
    (``download`` holding a PDF is ``download.pdf``): the library knows files by their ending."""
    suffixes = SUFFIXES.get(sniff(path))
    if suffixes is None or path.suffix.lower() in suffixes:
        return path.name
    return path.name + suffixes[0]


def sniff(path: Path) -> str:
    """One of ``pdf``, ``epub``, ``docx``, ``zip-text``, ``zip`` (nothing Shiori reads), ``html``,
    ``mhtml``, ``text``. A file that cannot be read (missing, a directory, a FIFO: ``store.files``
    refuses it at once) is ``text``: the text importer says why."""
    try:
        with open_regular(path) as fh:
            head = fh.read(4096)
            if head.startswith(b"PK\x03\x04"):
                fh.seek(0)
                return _zip_kind(fh)
    except OSError:
        return TEXT
    if b"%PDF-" in head[:1024]:
        return PDF
    sample = _ascii_view(head)
    if _MHTML_START.match(sample):
        return MHTML
    if _HTML_START.match(sample):
        return HTML
    if path.suffix.lower() in _HTML_SUFFIXES and _MARKUP.search(sample):
        return HTML
    return TEXT


def _ascii_view(head: bytes) -> bytes:
    """The first bytes with a BOM removed, UTF-16 narrowed to bytes, so the markup tests see
    ASCII whatever the encoding."""
    if head.startswith(codecs.BOM_UTF8):
        return head[3:]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", "ignore").encode("ascii", "ignore")
    return head


def _zip_kind(fh: BinaryIO) -> str:
    try:
        with zipfile.ZipFile(fh) as zf:
            names = zf.namelist()
            if "mimetype" in names:
                with zf.open("mimetype") as member:
                    if member.read(64).strip() == b"application/epub+zip":
                        return EPUB
            if _is_word(zf, names):
                return DOCX
            if text_members(names):
                return ZIP_TEXT
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, zlib.error):
        return ZIP
    return ZIP


#: The content types of a Word main document part: a document, a template, with macros or not.
_WORD_MAIN = re.compile(
    rb"wordprocessingml\.(?:document|template)\.main\+xml|ms-word\.(?:document|template)\.macroEnabled(?:12|\.main\+xml)",
    re.I,
)


def _is_word(zf: zipfile.ZipFile, names: list[str]) -> bool:
    if "word/document.xml" in names:
        return True
    if "[Content_Types].xml" not in names:
        return False
    with zf.open("[Content_Types].xml") as member:
        return bool(_WORD_MAIN.search(member.read(1 << 16)))
