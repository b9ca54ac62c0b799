"""TinyDB on top of :class:`~store.annotations.storage.JournalStorage`.

``JournalTable`` keeps TinyDB's query API (``search``, ``get``, ``Query``) but sends each change
to the storage as single records instead of rewriting the whole table, and uses our own string
ids (uuid4) as TinyDB document ids, so ids are never reused and two processes never collide.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Mapping
from typing import Any, cast

from tinydb import Storage, TinyDB
from tinydb.queries import QueryLike
from tinydb.table import Document, Table

from store.annotations.storage import JournalStorage


def new_id() -> str:
    return str(uuid.uuid4())


class JournalTable(Table):
    #: Our own string ids (uuid4), not TinyDB's reusable integers.
    document_id_class = str  # type: ignore[assignment]  # TinyDB's stubs say type[int]

    def __init__(
        self,
        storage: Storage,
        name: str,
        cache_size: int = Table.default_query_cache_capacity,
        persist_empty: bool = False,
    ) -> None:
        # TinyDB's signature (ShioriDB.table_class); ShioriDB's storage is always a journal.
        assert isinstance(storage, JournalStorage)
        super().__init__(storage, name, cache_size, persist_empty)
        #: The same storage, with its type (TinyDB keeps it as a plain ``Storage``).
        self._journal = storage
        self._seen_generation = -1

    def _fresh(self) -> None:
        generation = self._journal.refresh()
        if generation != self._seen_generation:
            self.clear_cache()
            self._seen_generation = generation

    def search(self, cond: QueryLike) -> list[Document]:
        self._fresh()
        return super().search(cond)

    def _get_next_id(self) -> str:
        return new_id()

    def _read_table(self) -> dict[str, Mapping[str, Any]]:
        # TinyDB only reads the records (Mapping); the storage's dict of dicts is that, but dict
        # is invariant in its value type.
        return cast(dict[str, Mapping[str, Any]], self._journal.table_data(self.name))

    def record(self, doc_id: str) -> Document | None:
        """The record stored under our string id (TinyDB's ``get`` is typed for int ids)."""
        return self.get(doc_id=doc_id)  # type: ignore[call-overload]  # str ids, see document_id_class

    def remove_record(self, doc_id: str) -> None:
        self.remove(doc_ids=[doc_id])  # type: ignore[list-item]  # str ids, see document_id_class

    def _update_table(self, updater: Callable[[dict[Any, Mapping[str, Any]]], None]) -> None:
        self._journal.apply(self.name, updater)  # type: ignore[arg-type]  # TinyDB types updaters for a dict; they get the storage's dict-like overlay
        self.clear_cache()


def stored_document(value: Mapping[str, Any], doc_id: str) -> Document:
    """A TinyDB document under our string id (TinyDB's ``Document`` is typed for int ids)."""
    return Document(value, doc_id)  # type: ignore[arg-type]  # str ids, see document_id_class


class ShioriDB(TinyDB):
    table_class = JournalTable
    default_table_name = "annotations"

    @property
    def storage(self) -> JournalStorage:
        """The journal (TinyDB types its storage as the plain ``Storage`` base)."""
        return cast(JournalStorage, self._storage)

    def table(self, name: str, **kwargs: Any) -> JournalTable:
        return cast(JournalTable, super().table(name, **kwargs))  # built from table_class


def open_db(path: str | os.PathLike[str], *, readonly: bool = False, **kwargs: Any) -> ShioriDB:
    """Open (creating if needed) the annotations database at ``path``."""
    return ShioriDB(path, storage=JournalStorage, readonly=readonly, **kwargs)
