"""The library: the bundled seeds (read-only) plus the user's own folder, with metadata.

A document is known by a *key* that survives moving the checkout or the data dir:
``seed:<file name>`` for a bundled seed, ``lib:<file name>`` for the user's library folder,
and the absolute path for any other file opened directly — unless the library holds a copy of
it (:func:`named_file`): a file added to the library is one document, whichever path names it.

What a document says about itself (its title, author, date) is known without opening it from
the library index's catalog (``store.search.index``, filled when a document is added or
indexed), passed in as ``facts``; the bundled ``library.toml`` and what the user entered win
over it. The user's folder may hold sub-folders (``shiori add DIR`` keeps a tree's layout):
their documents' keys are ``lib:<sub/folder/name>``.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal, Protocol

from store import paths
from store.files import absolute, same_bytes
from store.patterns import compiled

METADATA_FILE = "library.toml"
#: File endings the library lists; anything else in the folder is not a document.
DOCUMENT_SUFFIXES = frozenset(
    {
        ".txt",
        ".md",
        ".markdown",
        ".text",
        ".pdf",
        ".html",
        ".htm",
        ".xhtml",
        ".mhtml",
        ".mht",
        ".epub",
        ".docx",
        ".docm",
        ".zip",
    }
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


_NO_META = DocMeta()


class FileFacts(Protocol):
    """What the index's catalog knows of a document (``store.search.index.DocRecord``)."""

    # Read-only (properties): the index's DocRecord is a frozen dataclass.
    @property
    def title(self) -> str: ...
    @property
    def author(self) -> str: ...
    @property
    def date(self) -> str: ...
    @property
    def added(self) -> float: ...
    @property
    def chars(self) -> int: ...
    @property
    def error(self) -> str: ...


@dataclass(frozen=True)
class LibraryEntry:
    key: str
    path: Path
    meta: DocMeta
    read_only: bool
    extra: dict[str, str] = field(default_factory=dict)
    #: When the document joined the library (seconds since the epoch; 0: not known yet).
    added: float = 0.0
    #: Characters of text, once indexed (0: not known yet).
    chars: int = 0
    #: Why the document does not import, once tried ("" if it does, or not tried yet).
    error: str = ""
    #: Whether the catalog knows this document (its title is the file's own, not its name).
    known: bool = False

    @property
    def title(self) -> str:
        return self.meta.title or self.path.stem

    @property
    def source(self) -> str:
        """``bundled`` or ``library`` (or ``file`` for a document opened by path)."""
        if self.key.startswith("seed:"):
            return "bundled"
        return "library" if self.key.startswith("lib:") else "file"


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
    """The key of the file at ``path`` by where it is (no file is read): for a file named on
    the command line use :func:`named_file`, which also finds the library's copy of it."""
    resolved = absolute(path)
    if resolved.parent == paths.SEEDS_DIR.resolve():
        return f"seed:{resolved.name}"
    try:
        inside = resolved.relative_to(paths.library_dir().resolve())
    except (OSError, ValueError):
        return str(resolved)
    return f"lib:{inside.as_posix()}"


@dataclass(frozen=True)
class NamedFile:
    """A file named on the command line, as the store knows it (:func:`named_file`)."""

    #: The document's key: the library copy's when the library holds the file's bytes.
    key: str
    #: The file to read and to remember (size, time) under ``key``.
    path: Path
    #: The key by the file's own path: not ``key`` when ``path`` is the library's copy.
    #: Annotations made on the original before it was added (or before this rule) are there.
    own_key: str

    @property
    def keys(self) -> tuple[str, ...]:
        """Every key its annotations may be under, the document's first."""
        return (self.key,) if self.own_key == self.key else (self.key, self.own_key)


def library_copy(path: str | Path) -> Path | None:
    """The document in the user's library folder with the same bytes as the file at ``path``
    (the copy ``shiori add`` made of it, under any name or sub-folder), or None.

    Cheap for a large library: its folder is listed (no stat), each document stat'ed once for
    its size, and only one of the same size is read, with ``shiori add``'s own duplicate check
    (``store.files.same_bytes``); one of the same name is tried first.
    """
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    size = st.st_size
    # a pipe, a device or a folder is no document; an empty file imports as nothing
    if not stat.S_ISREG(st.st_mode) or not size:
        return None
    name = Path(path).name
    candidates = []
    for _, candidate in _documents_in(paths.library_dir(), recursive=True):
        try:
            if os.stat(candidate).st_size == size:
                candidates.append(candidate)
        except (OSError, ValueError):
            continue
    candidates.sort(key=lambda c: c.name != name)  # stable: then in the folder's order
    for candidate in candidates:
        try:
            if same_bytes(path, candidate):
                return candidate
        except OSError:  # FileProblem: not a regular file, unreadable
            continue
    return None


def named_file(path: str | Path) -> NamedFile:
    """The document a file named on the command line is: a seed or a library file by its
    key; any other file by its absolute path, unless the library holds a copy of it with the
    same bytes — then that copy, so ``shiori add news.html`` and then ``shiori annotate
    news.html`` (or ``cite``, ``annotations --doc``, ``shiori news.html``) reach
    ``lib:news.html``, whose annotations and metadata the app shows. A file that does not
    exist is its path's key (its annotations, if any, are still found)."""
    resolved = absolute(path)
    key = doc_key(resolved)
    if not key.startswith(("seed:", "lib:")):
        copy = library_copy(resolved)
        if copy is not None:
            return NamedFile(doc_key(copy), absolute(copy), key)
    return NamedFile(key, resolved, key)


class NotInLibrary(ValueError):
    """A ``seed:``/``lib:`` key whose name walks out of its folder (``lib:../../etc/passwd``)."""


def is_library_name(name: str) -> bool:
    """A file name inside a library folder, in sub-folders joined by ``/`` (``shiori add DIR``
    keeps a tree's layout): no empty, ``.`` or ``..`` part, nothing that walks out of it."""
    if not name or any(c in name for c in "\\\x00"):
        return False
    return all(part not in ("", ".", "..") for part in name.split("/"))


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


def is_document(path: Path | str) -> bool:
    """A file (a path, or a file name) the library lists: one of the suffixes the importer
    reads, not hidden (a half-written copy is ``.name.tmp``), not the owner file Word keeps
    beside a document it has open (``~$report.docx``: a few bytes naming who opened it)."""
    name = path if isinstance(path, str) else path.name
    return (
        os.path.splitext(name)[1].lower() in DOCUMENT_SUFFIXES
        and not name.startswith((".", "~$"))
    )


def _documents_in(folder: Path, *, recursive: bool = False) -> list[tuple[str, Path]]:
    """The documents in ``folder`` (and its sub-folders, symlinked ones not followed), hidden
    files and folders left out, as ``(name inside the folder with "/", path)`` by path. Read
    with ``os.scandir``: a file's kind comes with its name, so listing a thousand documents
    stats none of them (the index's freshness check stats each once)."""
    found: list[tuple[list[str], str]] = []
    todo: list[tuple[list[str], str]] = [([], str(folder))]
    while todo:
        parts, current = todo.pop()
        try:
            with os.scandir(current) as it:
                listed = list(it)
        except OSError:
            continue
        for entry in listed:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                if recursive:
                    if entry.is_dir():
                        if not entry.is_symlink():
                            todo.append(([*parts, name], entry.path))
                        continue
                elif not entry.is_file():
                    continue
            except OSError:
                continue
            if is_document(name):
                found.append(([*parts, name], entry.path))
    found.sort()
    return [("/".join(parts), Path(path)) for parts, path in found]


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

    def files(self) -> list[tuple[str, Path]]:
        """``(key, path)`` of every document: the seeds in their bundled order, then the
        user's folder (sub-folders too) by path. Only the folders are read, no document."""
        seed_order = {name: i for i, name in enumerate(_seed_metadata())}
        seeds = sorted(
            _documents_in(paths.SEEDS_DIR), key=lambda s: seed_order.get(s[0], len(seed_order))
        )
        mine = _documents_in(paths.library_dir(), recursive=True)
        return [(f"seed:{name}", p) for name, p in seeds] + [
            (f"lib:{name}", p) for name, p in mine
        ]

    def entries(
        self,
        facts: Mapping[str, FileFacts] | None = None,
        files: Sequence[tuple[str, Path]] | None = None,
    ) -> list[LibraryEntry]:
        """Every document with its metadata, in :meth:`files` order (``files``: already
        listed); ``facts`` (the index's catalog) fills what the metadata leaves empty with what
        the file itself says."""
        out = []
        for key, path in files if files is not None else self.files():
            meta = self.metadata(key)
            known = facts.get(key) if facts is not None else None
            read_only = key.startswith("seed:")
            if known is None:
                out.append(LibraryEntry(key, path, meta, read_only))
            else:
                out.append(
                    LibraryEntry(
                        key,
                        path,
                        with_facts(meta, known),
                        read_only,
                        added=known.added,
                        chars=known.chars,
                        error=known.error,
                        known=True,
                    )
                )
        return out


def with_facts(meta: DocMeta, facts: FileFacts) -> DocMeta:
    """``meta`` with the file's own title, author and date where it has none (a title from
    the file is *supplied*, as ``store.citation.source_meta`` marks it)."""
    changes: dict[str, Any] = {}
    if not meta.title and facts.title and not facts.error:
        changes.update(title=facts.title, title_supplied=True)
    if not meta.author and facts.author:
        changes["author"] = facts.author
    if not meta.date and facts.date:
        changes["date"] = facts.date
    if not changes:
        return meta
    # most documents have no metadata but the file's own: made directly (``replace`` is slow
    # for a thousand of them, and the tree lists them all at start)
    return DocMeta(**changes) if meta == _NO_META else replace(meta, **changes)


SortKey = Literal["title", "author", "added", "read"]
#: The orders the tree offers, with the words it shows for them.
SORTS: tuple[tuple[SortKey, str], ...] = (
    ("title", "by title"),
    ("author", "by author"),
    ("added", "newest added first"),
    ("read", "last read first"),
)


_DIGITS = compiled(r"(\d+)")


def _text_key(text: str) -> str:
    """What titles sort by: folded (width, case), numbers by value (その2 before その10)."""
    folded = unicodedata.normalize("NFKC", " ".join(text.split())).casefold()
    return _DIGITS.sub(lambda m: f"{int(m.group()):012d}"[-12:], folded)


def sort_entries(
    entries: Iterable[LibraryEntry], by: SortKey = "title", read: Mapping[str, float] | None = None
) -> list[LibraryEntry]:
    """``entries`` in the order ``by`` (ties by title, then key); ``read`` is when each
    document was last read (``store.positions.read_times``), for ``by="read"``."""
    items = list(entries)

    def title_key(e: LibraryEntry) -> tuple[str, str]:
        return (_text_key(e.title), e.key)

    items.sort(key=title_key)
    if by == "author":
        items.sort(key=lambda e: (not e.meta.author, _text_key(e.meta.author)))
    elif by == "added":
        items.sort(key=lambda e: -e.added)
    elif by == "read":
        times = read or {}
        items.sort(key=lambda e: -times.get(e.key, 0.0))
    return items


def display_titles(entries: Sequence[LibraryEntry]) -> dict[str, str]:
    """The title to show for each key: where titles collide, the source is added
    (``bundled`` / ``library``), the file name where that still does not tell them apart, and
    its place in the folder where the names are the same too (``library: sub/yoake.epub``)."""
    by_title: dict[str, list[LibraryEntry]] = {}
    for e in entries:
        by_title.setdefault(_text_key(e.title), []).append(e)
    shown: dict[str, str] = {}
    for group in by_title.values():
        if len(group) == 1:
            shown[group[0].key] = group[0].title
            continue
        sources = [e.source for e in group]
        names = [(e.source, e.path.name) for e in group]
        for e in group:
            if sources.count(e.source) == 1:
                tag = e.source
            elif names.count((e.source, e.path.name)) == 1:
                tag = f"{e.source}: {e.path.name}"
            else:
                tag = f"{e.source}: {e.key.split(':', 1)[-1]}"
            shown[e.key] = f"{e.title} ({tag})"
    return shown


def recently_read(
    entries: Iterable[LibraryEntry], read: Mapping[str, float], limit: int = 5
) -> list[LibraryEntry]:
    """The ``limit`` documents read most recently, newest first."""
    known = [e for e in entries if read.get(e.key)]
    known.sort(key=lambda e: -read[e.key])
    return known[:limit]


class NotRemovable(ValueError):
    """The document cannot be removed (a bundled one, or not in the library)."""


def remove_document(key: str) -> Path:
    """Delete the user's document ``key`` from the library folder; returns the file removed.

    Only the file goes: its annotations stay in the store (orphaned until the document comes
    back under the same name) and the index forgets it at its next sync.
    """
    if key.startswith("seed:"):
        raise NotRemovable(f"{key[5:]} is bundled with Shiori and cannot be removed")
    if not key.startswith("lib:"):
        raise NotRemovable(f"{key} is not in the library")
    path = path_for_key(key)
    try:
        path.relative_to(paths.library_dir())
    except ValueError:
        raise NotRemovable(f"{key} is not in the library") from None
    if not path.is_file():
        raise NotRemovable(f"{key[4:]} is not in the library")
    path.unlink()
    return path
