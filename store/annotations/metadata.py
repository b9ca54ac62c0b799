"""Document metadata the user entered (the reader's ``m`` form), kept in the annotation store,
and the user's own readings of a document's words as a citation needs them.

It reaches the library as a parameter: :func:`user_library` opens a
:class:`store.library.Library` that overlays it on the seeds' bundled metadata. Every command
opens its library this way; the app passes its annotations controller's lookup instead.
"""

from __future__ import annotations

from dataclasses import asdict, fields

from store.annotations.repository import Repository, default_repository
from store.annotations.storage import StorageError
from store.library import DocMeta, Library

_FIELDS = {f.name for f in fields(DocMeta)}


def load_user_metadata(doc_key: str, repo: Repository | None = None) -> DocMeta | None:
    """What the user entered for ``doc_key``, or None (also when the store cannot be read)."""
    try:
        rec = (repo or default_repository()).user_metadata(doc_key)
    except (StorageError, OSError):
        # An unusable data dir must not stop a citation: fall back to the bundled metadata.
        return None
    if rec is None:
        return None
    return DocMeta.from_dict({k: v for k, v in rec.items() if k in _FIELDS})


def load_own_readings(doc_key: str, repo: Repository | None = None) -> dict[str, str]:
    """The user's own readings of words in ``doc_key`` (``store.japanese.own_readings``), for a
    citation with readings; empty when the store cannot be read, as above."""
    try:
        return (repo or default_repository()).own_readings(doc_key)
    except (StorageError, OSError):
        return {}


def all_user_metadata(repo: Repository | None = None) -> dict[str, DocMeta]:
    """Everything the user entered, by document key, read at once: a command that titles the
    whole library (``shiori search``) makes one read, not one per document (each a check of
    the store's files). Empty when the store cannot be read, as :func:`load_user_metadata`."""
    try:
        records = (repo or default_repository()).all_user_metadata()
    except (StorageError, OSError):
        return {}
    return {
        key: DocMeta.from_dict({k: v for k, v in rec.items() if k in _FIELDS})
        for key, rec in records.items()
    }


def save_user_metadata(doc_key: str, meta: DocMeta, repo: Repository | None = None) -> None:
    """Store the form's fields for ``doc_key`` (durable on return; raises StorageError)."""
    (repo or default_repository()).save_user_metadata(doc_key, asdict(meta))


def user_library(repo: Repository | None = None) -> Library:
    """The library with the user's metadata from ``repo`` (default: the user's store, opened
    on the first look-up)."""
    return Library(lambda key: load_user_metadata(key, repo))
