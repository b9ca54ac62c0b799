"""Keeping annotations in step with the files they point into.

A document's annotations are re-anchored when its file changed since we last anchored to it
(size or mtime differ; then the content hash decides whether anything actually moved). The
reader calls :func:`refresh` when it opens a document; ``shiori annotations list`` calls
:func:`refresh_all` first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from store.annotations.model import Annotation
from store.annotations.repository import Repository
from store.counts import count
from store.document_cache import load_document
from store.files import is_regular
from store.importer import ImportFailed
from store.library import DocMeta, Library, NamedFile, NotInLibrary, named_file, path_for_key
from store.model import Document
from store.registers import Register


def stored_source_meta(library: Library, repo: Repository, key: str) -> DocMeta:
    """Metadata for citing ``key`` without importing it (exports, the tag browser): the
    library's, what it leaves empty filled from the title and the statements (author,
    publisher, date, URL) the document had when last opened, as ``cite`` fills them."""
    from store.citation import source_meta  # here: a save never loads the citation styles

    state = repo.file_state(key) or {}
    title = state.get("title")
    stated = state.get("stated")
    return source_meta(
        library.metadata(key),
        key,
        title if isinstance(title, str) else "",
        stated if isinstance(stated, dict) else None,
    )


def open_document(path: str | Path) -> tuple[NamedFile, Document]:
    """The document a file named on the command line is (``store.library.named_file``: the
    library's copy of it when there is one) and the file imported (raises
    ``ImportFailed``/``OSError``). The file given is imported, so errors name it."""
    document = load_document(Path(path))
    return named_file(path), document


def refresh(
    repo: Repository, key: str, path: Path, document: Document | None = None
) -> list[Annotation]:
    """Re-anchor ``key``'s annotations if its file changed; returns those whose place changed."""
    if not repo.file_changed(key, path):
        state = repo.file_state(key)
        if document is not None and state is not None and "stated" not in state:
            # noted before the statements were kept: keep them now, for exports
            repo.remember_file(key, path, document.content_hash, document.title, document.metadata)
        return []
    if document is None:
        document = load_document(path)
    changed = repo.reanchor(key, document) if repo.may_have_annotations(key) else []
    repo.remember_file(key, path, document.content_hash, document.title, document.metadata)
    return changed


def refresh_all(repo: Repository, keys: list[str] | None = None) -> list[str]:
    """Refresh every annotated document; returns one-line messages for the user.

    Without ``keys``, a file outside the library is read only if it was opened or annotated
    here: a path that arrived in an imported file is not read until the user opens it.
    """
    messages = []
    for key in keys if keys is not None else repo.documents():
        try:
            path = path_for_key(key)
        except NotInLibrary:
            continue  # refused at import; an older store may still hold one
        outside = not key.startswith(("seed:", "lib:"))
        if keys is None and outside and "mtime_ns" not in (repo.file_state(key) or {}):
            continue
        if not is_regular(path):
            continue  # gone or moved: its annotations stay as they are, listed
        try:
            changed = refresh(repo, key, path)
        except (ImportFailed, OSError) as exc:
            messages.append(f"{key}: could not re-read the file to re-anchor ({exc})")
            continue
        orphans = sum(1 for a in changed if a.state == "orphan")
        if changed:
            messages.append(
                f"{key}: the file changed; {count(len(changed) - orphans, 'annotation')} moved, "
                f"{orphans} could not be found (orphans)"
            )
    return messages


class QuoteNotFound(LookupError):
    pass


def select_quote(document: Document, quote: str, nth: int | None = None) -> tuple[int, int, int]:
    """``(start, end, occurrences)`` of the ``nth`` (1-based) place ``quote`` occurs.

    Matched against the imported base text, tolerant of line wrapping (``find_quote``).
    """
    from store.annotations.anchor import find_quote

    found = find_quote(document.base_text, quote)
    if not found:
        raise QuoteNotFound("the quote is not in the document's text")
    if nth is None:
        nth = 1
    if not 1 <= nth <= len(found):
        raise QuoteNotFound(f"the quote occurs {count(len(found), 'time')}; --nth {nth} is out of range")
    start, end = found[nth - 1]
    return start, end, len(found)


@dataclass(frozen=True)
class QuotePlace:
    """Where a quote to cite is: ``base_text[start:end]``, or footnote ``note``'s text."""

    start: int
    end: int
    count: int
    note: str = ""


def select_cited_quote(document: Document, quote: str, nth: int | None = None) -> QuotePlace:
    """The ``nth`` (1-based) place ``quote`` occurs in the text *or its footnotes*, in reading
    order (a note's occurrences right after its marker): what ``shiori cite`` quotes. Only
    citing reaches into the notes: an annotation anchors to the base text."""
    from store.annotations.anchor import find_quote

    places: list[tuple[tuple[int, int, int, int], QuotePlace]] = [
        ((s, 1, 0, 0), QuotePlace(s, e, 0)) for s, e in find_quote(document.base_text, quote)
    ]
    anchors = document.note_anchors()
    for k, note in enumerate(document.footnotes):
        block, at = anchors[note.id]
        where = (document.block_starts[block] if document.blocks else 0) + at
        places += [
            ((where, 0, k, s), QuotePlace(s, e, 0, note.id)) for s, e in find_quote(note.text, quote)
        ]
    if not places:
        raise QuoteNotFound("the quote is not in the document's text or its footnotes")
    places.sort(key=lambda p: p[0])
    nth = 1 if nth is None else nth
    if not 1 <= nth <= len(places):
        raise QuoteNotFound(f"the quote occurs {count(len(places), 'time')}; --nth {nth} is out of range")
    return replace(places[nth - 1][1], count=len(places))


def note_quote_readings(
    document: Document,
    footnote_id: str,
    start: int,
    end: int,
    own: Mapping[str, str] | None = None,
    register: Register | None = None,
) -> list[tuple[int, int, str]]:
    """Readings over footnote ``footnote_id``'s ``text[start:end]``, quote-relative, as the
    reader's popup shows them (the document's own analysis; its footnotes piece only), with
    the user's ``own`` readings of words over it and the ``register`` they chose for it."""
    from store.japanese.document import DocumentAnalysis

    analysis = DocumentAnalysis(document, style=register)
    analysis.readings.own = dict(own or {})
    analysis.run_piece(len(analysis.pieces))
    return [
        (r.start - start, r.end - start, r.reading)
        for r in analysis.readings.footnote(footnote_id)
        if r.start >= start and r.end <= end
    ]


def quote_readings(
    document: Document,
    start: int,
    end: int,
    own: Mapping[str, str] | None = None,
    register: Register | None = None,
) -> list[tuple[int, int, str]]:
    """Readings over ``base_text[start:end]``, quote-relative, for ``｜漢字《かんじ》`` citations,
    as the reader shows them: the document's own analysis (``store.japanese.document``), so a
    name glossed earlier in the document (尹錫悦（ユン・ソンニョル）, then 尹大統領), the source's
    ruby, the register and the kana of the whole text count, and the readings cache is reused;
    the user's ``own`` readings of words over it and the ``register`` they chose for it
    (``store.registers``). Only the pieces the quote touches are analysed. Loads the
    analyser."""
    from store.japanese.document import DocumentAnalysis

    analysis = DocumentAnalysis(document, style=register)
    analysis.readings.own = dict(own or {})
    touched = [
        i
        for i, block in enumerate(document.blocks)
        if document.block_starts[i] < end
        and document.block_starts[i] + len(block.text) > start
        and block.kind != "code"
    ]
    for k in sorted({analysis.piece_of_block(i) for i in touched}):
        analysis.run_piece(k)
    out = []
    for i in touched:
        b0 = document.block_starts[i]
        for r in analysis.readings.block(i):
            s, e = b0 + r.start, b0 + r.end
            if start <= s and e <= end:
                out.append((s - start, e - start, r.reading))
    return out
