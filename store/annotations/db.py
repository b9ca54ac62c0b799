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
    document_id_class = str  # type: ignore[assignment]

    def __init__(self, storage: JournalStorage, name: str, **kwargs: Any) -> None:
        super().__init__(storage, name, **kwargs)
        self._seen_generation = -1

    def _fresh(self) -> None:
        generation = self._storage.refresh()
        if generation != self._seen_generation:
            self.clear_cache()
            self._seen_generation = generation

    def search(self, cond: QueryLike) -> list[Document]:
        self._fresh()
        return super().search(cond)

    def _get_next_id(self) -> str:  # type: ignore[override]
        return new_id()

    def _read_table(self) -> dict[str, Mapping[str, Any]]:
        return self._storage.table_data(self.name)

    def _update_table(self, updater: Callable[[dict[Any, Mapping[str, Any]]], None]) -> None:
        self._storage.apply(self.name, updater)  # type: ignore[arg-type]
        self.clear_cache()


class ShioriDB(TinyDB):
    table_class = JournalTable
    default_table_name = "annotations"


def open_db(path: str | os.PathLike[str], *, readonly: bool = False, **kwargs: Any) -> ShioriDB:
    """Open (creating if needed) the annotations database at ``path``."""
    return ShioriDB(path, storage=JournalStorage, readonly=readonly, **kwargs)
