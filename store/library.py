"""The library: the bundled seeds (read-only) plus the user's own folder, with metadata.

A document is known by a *key* that survives moving the checkout or the data dir:
``seed:<file name>`` for a bundled seed, ``lib:<file name>`` for the user's library folder,
and the absolute path for any other file opened directly.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path

from store import paths
from store.files import absolute

METADATA_FILE = "library.toml"
#: File endings the library lists; anything else in the folder is not a document.
DOCUMENT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})


@dataclass(frozen=True)
class DocMeta:
    """Bibliographic metadata; an empty field means the source does not say."""

    title: str = ""
    author: str = ""
    author_is_org: bool = False
    publisher: str = ""
    container: str = ""
    date: str = ""
    kind: str = ""
    url: str = ""
    notes: str = ""
    title_supplied: bool = False

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> DocMeta:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})  # type: ignore[arg-type]


@dataclass(frozen=True)
class LibraryEntry:
    key: str
    path: Path
    meta: DocMeta
    read_only: bool
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return self.meta.title or self.path.stem


#: Hook for user-entered metadata (set by the annotations store, which persists it):
#: ``key -> DocMeta | None``. Kept as a hook so this module does not depend on the database.
user_metadata_lookup: Callable[[str], DocMeta | None] | None = None


@cache
def _seed_metadata() -> dict[str, DocMeta]:
    meta_path = paths.SEEDS_DIR / METADATA_FILE
    if not meta_path.is_file():
        return {}
    with meta_path.open("rb") as fh:
        data = tomllib.load(fh)
    return {entry["file"]: DocMeta.from_dict(entry) for entry in data.get("document", [])}


def doc_key(path: str | Path) -> str:
    resolved = absolute(path)
    if resolved.parent == paths.SEEDS_DIR.resolve():
        return f"seed:{resolved.name}"
    try:
        if resolved.parent == paths.library_dir().resolve():
            return f"lib:{resolved.name}"
    except OSError:
        pass
    return str(resolved)


class NotInLibrary(ValueError):
    """A ``seed:``/``lib:`` key whose name walks out of its folder (``lib:../../etc/passwd``)."""


def is_library_name(name: str) -> bool:
    """A plain file name inside a library folder: nothing that walks out of it."""
    return bool(name) and name not in (".", "..") and not any(c in name for c in "/\\\x00")


def path_for_key(key: str) -> Path:
    """The file a key names. A library key must name a plain file inside its folder:
    anything else raises :class:`NotInLibrary` (a key can come from an imported file)."""
    for prefix, folder in (("seed:", lambda: paths.SEEDS_DIR), ("lib:", paths.library_dir)):
        if key.startswith(prefix):
            name = key[len(prefix) :]
            if not is_library_name(name):
                raise NotInLibrary(f"{key!r} does not name a file of the library")
            return folder() / name
    return Path(key)


def metadata_for(path: str | Path) -> DocMeta:
    """What the user entered for the document, else the seed's bundled metadata.

    The metadata form saves every field, so the user's record replaces the bundled one whole:
    a field the user cleared stays cleared.
    """
    key = doc_key(path)
    if user_metadata_lookup is not None:
        user = user_metadata_lookup(key)
        if user is not None:
            return user
    if key.startswith("seed:"):
        return _seed_metadata().get(Path(path).name, DocMeta())
    return DocMeta()


def _documents_in(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
    )


def list_library() -> list[LibraryEntry]:
    """Seeds first (in their bundled order), then the user's documents by file name."""
    entries = [
        LibraryEntry(doc_key(p), p, metadata_for(p), read_only=True)
        for p in _documents_in(paths.SEEDS_DIR)
    ]
    seed_order = list(_seed_metadata())
    entries.sort(key=lambda e: seed_order.index(e.path.name) if e.path.name in seed_order else 99)
    entries += [
        LibraryEntry(doc_key(p), p, metadata_for(p), read_only=False)
        for p in _documents_in(paths.library_dir())
    ]
    return entries
