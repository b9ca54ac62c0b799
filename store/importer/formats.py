"""Import by kind of file: PDF, web page (also saved as one ``.mhtml`` file), EPUB, Word
document (``.docx``), Aozora Bunko ``.zip`` (see :mod:`sniff`).

Each importer lives in its own module and is loaded only when a file of its kind comes, so
importing a text file never loads pdfminer or lxml.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from store.importer import sniff
from store.importer.errors import ImportFailed
from store.model import Document

#: ``progress(done, total)``: pages (PDF) or chapters (EPUB) read so far.
Progress = Callable[[int, int], None]


def import_format(kind: str, path: Path, progress: Progress | None = None) -> Document:
    if kind == sniff.PDF:
        from store.importer.pdf import import_pdf

        return import_pdf(path, progress=progress)
    if kind == sniff.HTML:
        from store.importer.html import import_html

        return import_html(path)
    if kind == sniff.MHTML:
        from store.importer.mhtml import import_mhtml

        return import_mhtml(path)
    if kind == sniff.EPUB:
        from store.importer.epub import import_epub

        return import_epub(path, progress=progress)
    if kind == sniff.DOCX:
        from store.importer.docx import import_docx

        return import_docx(path)
    if kind == sniff.ZIP_TEXT:
        return import_zipped_text(path)
    raise ImportFailed(
        f"{path}: cannot import: a zip archive with no text, EPUB, Word or Aozora file in it"
    )


def import_zipped_text(path: Path) -> Document:
    """An Aozora Bunko archive: one (Shift_JIS) text inside, read in memory and imported as a
    text file of the same name; its other members (gaiji images) are ignored."""
    from store.importer.archive import Archive, text_members
    from store.importer.decode import UndecodableError, decode_bytes
    from store.importer.pipeline import import_text

    with Archive(path) as archive:
        members = text_members(archive.names())
        if not members:
            raise ImportFailed(f"{path}: cannot import: the zip archive holds no text file")
        name = max(members, key=lambda n: archive.infos[n].file_size)
        data = archive.read(name)
    try:
        text, encoding = decode_bytes(data)
    except UndecodableError as exc:
        raise ImportFailed(f"{path}: cannot import {name}: {exc}") from exc
    del data
    doc = import_text(text, name=Path(name).stem or path.stem)
    doc.encoding = encoding
    if encoding not in ("utf-8", "utf-8-sig"):
        doc.notices.insert(0, f"decoded as {encoding}")
    if len(members) > 1:
        doc.notices.append(f"the archive holds {len(members)} text files; read the largest, {name}")
    return doc
