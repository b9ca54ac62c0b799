"""TinyDB on top of :class:`~store.annotations.storage.JournalStorage`.

``JournalTable`` keeps TinyDB's query API (``search``, ``get``, ``Query``) but sends each change
to the storage as single records instead of rewriting the whole table, and uses our own string
ids (uuid4) as TinyDB document ids, so ids are never reused and two processes never collide.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from tinydb import TinyDB
from tinydb.queries import QueryLike
from tinydb.table import Document, Table

from store.annotations.storage import JournalStorage


def new_id() -> str:
    return str(uuid.uuid4())


class JournalTable(Table):
    #: Our own string ids (uuid4), not TinyDB's reusable integers.
    document_id_class = str  # type: ignore[assignment]  # TinyDB's stubs say type[int]

    def __init__(self, storage: JournalStorage, name: str, **kwargs: Any) -> None:
        super().__init__(storage, name, **kwargs)
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
        return self._journal.table_data(self.name)

    def _update_table(self, updater: Callable[[dict[Any, Mapping[str, Any]]], None]) -> None:
        # TinyDB types its updaters for a dict; they get the storage's dict-like overlay.
        self._journal.apply(self.name, updater)  # type: ignore[arg-type]
        self.clear_cache()


class ShioriDB(TinyDB):
    table_class = JournalTable
    default_table_name = "annotations"


def open_db(path: str | os.PathLike[str], *, readonly: bool = False, **kwargs: Any) -> ShioriDB:
    """Open (creating if needed) the annotations database at ``path``."""
    return ShioriDB(path, storage=JournalStorage, readonly=readonly, **kwargs)
