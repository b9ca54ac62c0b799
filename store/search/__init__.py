"""Library-wide search: the index (``index.py``), queries (``query.py``), matching (``engine.py``).

:func:`search_library` is what ``shiori search`` runs: it brings the index up to date with the
library (only new or changed documents are read), then runs the query over every document and
the user's annotations. The app does the same in its workers, with its own library.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from store.library import Library, LibraryEntry, UserMetadata, display_titles
from store.search.engine import (
    AnnotatedPassage,
    AnnotationHit,
    Hit,
    Results,
    Scope,
    SearchDoc,
    run_query,
)
from store.search.index import DocRecord, LibraryIndex, SyncReport, is_damage
from store.search.query import Query, Term, parse_query

if TYPE_CHECKING:
    from store.annotations.model import Annotation

__all__ = [
    "AnnotatedPassage",
    "AnnotationHit",
    "DocRecord",
    "Hit",
    "LibraryIndex",
    "Query",
    "Results",
    "Scope",
    "SearchDoc",
    "SyncReport",
    "Term",
    "annotated_passages",
    "parse_query",
    "run_query",
    "search_docs",
    "search_library",
    "user_annotations",
]


def search_docs(
    entries: Iterable[LibraryEntry], records: Mapping[str, DocRecord]
) -> dict[str, SearchDoc]:
    """The library's documents as the engine sees them, titled as the tree shows them."""
    entries = list(entries)
    titles = display_titles(entries)
    out = {}
    for e in entries:
        rec = records.get(e.key)
        out[e.key] = SearchDoc(
            rec.id if rec is not None else -1,
            e.key,
            e.path,
            titles.get(e.key, e.title),
            rec.chars if rec is not None else 0,
        )
    return out


def annotated_passages(
    annotations: Iterable[Annotation], library_keys: set[str]
) -> list[AnnotatedPassage]:
    """The store's annotations as the engine needs them; those of documents no longer in the
    library are marked orphaned (they come back with their document)."""
    return [
        AnnotatedPassage.of(a, document_missing=a.doc not in library_keys)
        for a in annotations
    ]


def user_annotations() -> tuple[list[Annotation], UserMetadata | None]:
    """Every annotation of the user's store (none when there is no store yet), and the
    metadata the user entered, read at once, for titles."""
    from store import paths
    from store.annotations.files import store_exists

    if not store_exists(paths.annotations_db()):
        return [], None
    from store.annotations.metadata import all_user_metadata
    from store.annotations.repository import default_repository

    repo = default_repository(readonly=True)
    return list(repo.list()), all_user_metadata(repo).get


def search_library(
    query: str | Query,
    *,
    doc_file: Path | None = None,
    scope: Scope | None = None,
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    index: LibraryIndex | None = None,
) -> tuple[Results, SyncReport]:
    """``shiori search``: sync the index, then search the library (or ``doc_file`` only,
    which may lie outside the library: it is then indexed in memory for this search)."""
    annotations, user_meta = user_annotations()
    library = Library(user_meta)
    scope = scope or Scope()
    own = index is None
    index = index or LibraryIndex()
    try:
        files = library.files()
        report = index.sync(files, progress=progress)
        records = index.records()
        entries = library.entries(records, files)
        if doc_file is not None:
            from store.library import named_file

            key = named_file(doc_file).key  # a file added to the library: its copy there
            if key not in {e.key for e in entries}:
                return _search_one_file(key, doc_file, query, scope, annotations, limit), report
            scope.doc_keys = {key}
        passages = annotated_passages(annotations, {e.key for e in entries})
        try:
            docs = search_docs(entries, records)
            results = run_query(index, query, docs, scope=scope, annotations=passages, limit=limit)
        except sqlite3.DatabaseError as exc:
            if not is_damage(exc):
                raise
            # damaged under the query: rebuild, index everything again, ask again
            index.rebuild(exc)
            report = index.sync(files, progress=progress)
            docs = search_docs(entries, index.records())
            results = run_query(index, query, docs, scope=scope, annotations=passages, limit=limit)
        return results, report
    finally:
        if own:
            index.close()


def _search_one_file(
    key: str,
    path: Path,
    query: str | Query,
    scope: Scope,
    annotations: list[Annotation],
    limit: int | None,
) -> Results:
    from store.document_cache import load_document

    doc = load_document(path)  # raises ImportFailed with its one-line reason
    with LibraryIndex(Path(":memory:")) as one:
        one.put(key, path, doc)
        record = one.record(key)
        assert record is not None
        title = " ".join(doc.title.split()) or path.stem
        docs = {key: SearchDoc(record.id, key, path, title, record.chars)}
        scope.doc_keys = {key}
        passages = annotated_passages(annotations, {key})
        return run_query(one, query, docs, scope=scope, annotations=passages, limit=limit)
