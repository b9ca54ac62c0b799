"""Import: a file of Japanese text (PDF-extracted, web page, Markdown, Aozora) → :class:`Document`.

Public interface: :func:`import_file`, :func:`import_text`, :func:`decode_bytes`,
:class:`ImportFailed`. The modules each do one job: ``decode`` (bytes → text), ``sanitize``
(terminal escapes out), ``layout`` (is it a PDF extraction, at what width), ``assemble``
(lines → blocks), ``headings``, ``footnotes``, ``inline`` (ruby and emphasis), ``meta``
(captions), ``web_debris``, ``aozora``, ``dedupe``, ``pipeline`` (all of it in order).
"""

from store.importer.decode import decode_bytes
from store.importer.errors import ImportFailed
from store.importer.pipeline import import_file, import_text

__all__ = ["ImportFailed", "decode_bytes", "import_file", "import_text"]
