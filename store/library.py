"""The library: the bundled seeds (read-only) plus the user's own folder, with metadata.

A document is known by a *key* that survives moving the checkout or the data dir:
``seed:<file name>`` for a bundled seed, ``lib:<file name>`` for the user's library folder,
and the absolute path for any other file opened directly.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Any

from store import paths
from store.files import absolute

METADATA_FILE = "library.toml"
#: File endings the library lists; anything else in the folder is not a document.
DOCUMENT_SUFFIXES = frozenset(
    {".txt", ".md", ".markdown", ".text", ".pdf", ".html", ".htm", ".xhtml", ".epub", ".zip"}
)


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
    def from_dict(cls, data: Mapping[str, object]) -> DocMeta:
        """From ``library.toml`` or the user's record: a field of the wrong type is left empty."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            value = data.get(f.name)
            if value is not None and type(value) is type(f.default):
                values[f.name] = value
        return cls(**values)


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


#: What the user entered for a document (the reader's ``m`` form): ``key -> DocMeta | None``.
UserMetadata = Callable[[str], DocMeta | None]


@cache
def _seed_metadata() -> dict[str, DocMeta]:
    meta_path = paths.SEEDS_DIR / METADATA_FILE
    if not meta_path.is_file():
        return {}
    with meta_path.open("rb") as fh:
        import tomllib  # here: a command that never lists the library starts without it

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


def _documents_in(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
    )


class Library:
    """The bundled seeds and the user's folder, and what is known about each document.

    Metadata the user entered is kept in the annotation store, which this module does not
    know: whoever opens the library passes ``user_metadata`` in
    (``store.annotations.metadata.user_library`` for the commands, the app's annotations
    controller for the app). Without it only the seeds' bundled metadata is known.
    """

    def __init__(self, user_metadata: UserMetadata | None = None) -> None:
        self._user_metadata = user_metadata

    def metadata(self, key: str) -> DocMeta:
        """What the user entered for the document ``key``, else the seed's bundled metadata.

        The metadata form saves every field, so the user's record replaces the bundled one
        whole: a field the user cleared stays cleared.
        """
        if self._user_metadata is not None:
            user = self._user_metadata(key)
            if user is not None:
                return user
        if key.startswith("seed:"):
            return _seed_metadata().get(key[5:], DocMeta())
        return DocMeta()

    def entries(self) -> list[LibraryEntry]:
        """Seeds first (in their bundled order), then the user's documents by file name."""
        seeds = [
            LibraryEntry(doc_key(p), p, self.metadata(doc_key(p)), read_only=True)
            for p in _documents_in(paths.SEEDS_DIR)
        ]
        seed_order = list(_seed_metadata())
        seeds.sort(
            key=lambda e: seed_order.index(e.path.name) if e.path.name in seed_order else 99
        )
        return seeds + [
            LibraryEntry(doc_key(p), p, self.metadata(doc_key(p)), read_only=False)
            for p in _documents_in(paths.library_dir())
        ]
