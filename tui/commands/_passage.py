"""The passage a script names: a file, imported, and a quote found in its base text.

Shared by ``shiori annotate`` and ``shiori cite`` so both treat bad input alike: a file that
cannot be imported is exit 2 (as everywhere in Shiori), a quote that is not there is exit 1.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from store.files import describe, shown
from store.model import Document


class PassageError(Exception):
    """One line for stderr and the exit code that goes with it."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Passage:
    #: The document's key (``store.library.named_file``: the library copy's, if it has one).
    key: str
    #: The file behind ``key``: the library's copy of the file named, when there is one.
    path: Path
    document: Document
    start: int
    end: int
    #: How often the quote occurs (the first, or the ``--nth``, was taken).
    count: int
    #: The footnote the quote is in (``start``/``end`` are then into its text), "" for the text.
    note: str = ""


def find_passage(file: str, quote: str, nth: int | None, *, notes: bool = False) -> Passage:
    """The quote in ``file``'s text; with ``notes`` (citing) in its footnotes too."""
    from store.annotations.documents import (
        QuoteNotFound,
        open_document,
        select_cited_quote,
        select_quote,
    )
    from store.importer import ImportFailed

    if not quote.strip():  # a usage error, said before the file is read
        raise PassageError(2, "--quote is empty: give the words to find")
    try:
        named, document = open_document(file)
    except ImportFailed as exc:  # its message names the file
        raise PassageError(2, str(exc)) from exc
    except OSError as exc:
        raise PassageError(2, f"{shown(file)}: {describe(exc)}") from exc
    try:
        if notes:
            place = select_cited_quote(document, quote, nth)
            start, end, count, note = place.start, place.end, place.count, place.note
        else:
            start, end, count = select_quote(document, quote, nth)
            note = ""
    except QuoteNotFound as exc:
        raise PassageError(1, f"{shown(file)}: {exc}") from exc
    return Passage(named.key, named.path, document, start, end, count, note)
