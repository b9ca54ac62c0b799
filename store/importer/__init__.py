"""Import: a file of Japanese text (PDF-extracted, web page, Markdown, Aozora) → :class:`Document`.

Public interface: :func:`import_file`, :func:`import_text`, :func:`decode_bytes`,
:class:`ImportFailed`. The modules each do one job: ``decode`` (bytes → text), ``sanitize``
(terminal escapes out), ``layout`` (is it a PDF extraction, at what width), ``assemble``
(lines → blocks), ``headings``, ``footnotes``, ``inline`` (ruby and emphasis), ``meta``
(captions), ``web_debris``, ``aozora``, ``dedupe``, ``pipeline`` (all of it in order).
"""

from typing import TYPE_CHECKING, Any

from store.importer.errors import ImportFailed

if TYPE_CHECKING:
    from store.importer.decode import decode_bytes
    from store.importer.pipeline import import_file, import_text

__all__ = ["ImportFailed", "decode_bytes", "import_file", "import_text"]

_LAZY = {"decode_bytes": "decode", "import_file": "pipeline", "import_text": "pipeline"}


def __getattr__(name: str) -> Any:
    """The pipeline (and its rules' compiled patterns) is loaded on first use: a command that
    only needs ``ImportFailed`` — a document served from the cache — starts without it."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"store.importer.{_LAZY[name]}"), name)
    raise AttributeError(f"module 'store.importer' has no attribute {name!r}")
