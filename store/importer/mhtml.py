"""A web page saved as one file (MHTML: Chrome's and Edge's "Webpage, Single File", ``.mhtml``
or ``.mht``): the page's HTML part, read as a web page.

MHTML is a MIME message (``multipart/related``): the page itself, usually quoted-printable,
then its images, style sheets and frames. The root part is the one the ``start`` parameter
names, else the first HTML part; its charset comes from its own ``<meta charset>`` when the
part's header names none. The address it was saved from (``Snapshot-Content-Location``) is
the page's URL when the page states none. Parsed by the standard library's ``email``, in
memory, with the web page size limit.
"""

from __future__ import annotations

from email import message_from_bytes
from email.message import Message
from email.policy import compat32
from pathlib import Path

from store.importer.errors import ImportFailed
from store.importer.html import decode_html, import_html_text, read_page_file
from store.model import Document


def import_mhtml(path: Path) -> Document:
    """Import one saved single-file web page."""
    data = read_page_file(path, "saved web page")
    message = message_from_bytes(data, policy=compat32)
    del data
    part = _root_part(message)
    payload = part.get_payload(decode=True) if part is not None else None
    if part is None or not isinstance(payload, bytes) or not payload.strip():
        raise ImportFailed(f"{path}: cannot import: the saved web page holds no HTML page")
    text, encoding = decode_html(payload, part.get_content_charset("") or "")
    doc = import_html_text(text, name=path.stem)
    doc.encoding = encoding
    saved_from = message.get("Snapshot-Content-Location") or part.get("Content-Location") or ""
    saved_from = str(saved_from).strip()
    if saved_from.startswith(("http://", "https://")) and not doc.metadata.get("url"):
        doc.metadata["url"] = saved_from
    return doc


def _root_part(message: Message) -> Message | None:
    """The page itself: the part the ``start`` parameter names, else the first HTML part."""
    if not message.is_multipart():
        return message if message.get_content_type() == "text/html" else None
    start = str(message.get_param("start") or "").strip("<> ")
    parts = [p for p in message.walk() if not p.is_multipart()]
    if start:
        for part in parts:
            if (part.get("Content-ID") or "").strip("<> ") == start:
                return part
    return next((p for p in parts if p.get_content_type() == "text/html"), None)
