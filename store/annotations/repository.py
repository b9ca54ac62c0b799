"""The annotation API the reader, the sidebar and the command line share.

Everything here is a plain function of the database: create / update / delete (with an undo
stack for this session), list and filter, tags with counts, orphans and re-attaching,
re-anchoring a document that changed, the five colours and their names, and user-entered
document metadata. Each change is durable when the call returns (see ``storage.py``).

Documents are identified by ``store.library.doc_key`` (``seed:<name>``, ``lib:<name>`` or the
absolute path); ``documents`` remembers each file's size and mtime so a caller can tell cheaply
whether it must be re-imported and re-anchored.
"""

from __future__ import annotations

import atexit
import os
import threading
import time
from collections import Counter
from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydb.table import Document as TinyDocument

from store import paths
from store.annotations.anchor import make_anchor, resolve
from store.annotations.db import ShioriDB, new_id, open_db
from store.annotations.model import (
    DEFAULT_COLORS,
    Annotation,
    ColorSlot,
    State,
    now_iso,
)
from store.citation import pages_of
from store.model import Document

ANNOTATIONS = "annotations"
SETTINGS = "settings"
METADATA = "metadata"
DOCUMENTS = "documents"


class AnnotationError(ValueError):
    """A request the store cannot satisfy (unknown id, bad colour, empty selection)."""


@dataclass(frozen=True)
class _UndoStep:
    what: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def normalise_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Trimmed, de-duplicated, order kept; a leading ``#`` is dropped."""
    out: dict[str, None] = {}
    for tag in tags:
        tag = tag.strip().lstrip("#").strip()
        if tag:
            out[tag] = None
    return tuple(out)


def section_titles(document: Document, start: int) -> tuple[str, ...]:
    block, _ = document.locate(start)
    return tuple(h.text for h in document.section_of(block))


def _later_than(stamp: str) -> str:
    """Now, but strictly after ``stamp`` when that is the same instant (imports compare them)."""
    now = now_iso()
    while now <= stamp and now[:19] == stamp[:19]:
        time.sleep(0.001)
        now = now_iso()
    return now


class Repository:
    """One open annotation database. Cheap to share; safe across threads and processes."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, readonly: bool = False):
        self.path = Path(path) if path is not None else paths.annotations_db()
        self.db: ShioriDB = open_db(self.path, readonly=readonly)
        self._table = self.db.table(ANNOTATIONS)
        self._undo: list[_UndoStep] = []
        #: id -> (the stored record object, its parsed Annotation); records are replaced, never
        #: mutated, when they change, so identity tells whether the parse is current.
        self._parsed: dict[str, tuple[dict[str, Any], Annotation]] = {}

    @property
    def notices(self) -> list[str]:
        """Recoveries and warnings the user must be shown (e.g. a restored backup)."""
        return self.db.storage.notices

    @property
    def readonly(self) -> bool:
        return bool(self.db.storage.readonly)

    def close(self) -> None:
        self.db.close()

    # -- reading ---------------------------------------------------------------------------

    def _records(self) -> Iterable[dict[str, Any]]:
        return list(self.db.storage.table_data(ANNOTATIONS).values())

    def _parse(self, rec: dict[str, Any]) -> Annotation:
        cached = self._parsed.get(rec["id"])
        if cached is not None and cached[0] is rec:
            return cached[1]
        ann = Annotation.from_record(rec)
        self._parsed[rec["id"]] = (rec, ann)
        return ann

    def get(self, ann_id: str) -> Annotation:
        """By id, or by a unique prefix of at least 4 characters (as the CLI prints them)."""
        data = self.db.storage.table_data(ANNOTATIONS)
        rec = data.get(ann_id)
        if rec is None and len(ann_id) >= 4:
            matches = [r for k, r in data.items() if k.startswith(ann_id)]
            if len(matches) > 1:
                raise AnnotationError(f"{ann_id!r} matches {len(matches)} annotations")
            rec = matches[0] if matches else None
        if rec is None:
            raise AnnotationError(f"no annotation with id {ann_id!r}")
        return Annotation.from_record(rec)

    def list(
        self,
        *,
        doc: str | None = None,
        tag: str | None = None,
        color: str | None = None,
        text: str | None = None,
        state: State | None = None,
    ) -> list[Annotation]:
        """Matching annotations in reading order (by document, then position).

        ``text`` matches case-insensitively in the quote, the note, the tags and the
        original quote, so orphans stay findable.
        """
        color_key = self.resolve_color(color) if color else None
        needle = text.casefold() if text else None
        out = []
        for rec in self._records():
            if doc is not None and rec["doc"] != doc:
                continue
            if tag is not None and tag not in rec.get("tags", ()):
                continue
            if color_key is not None and rec.get("color") != color_key:
                continue
            if state is not None and rec.get("state") != state:
                continue
            if needle is not None:
                hay = "\n".join(
                    [rec["anchor"]["exact"], rec.get("note", ""), rec.get("original", "")]
                    + list(rec.get("tags", ()))
                ).casefold()
                if needle not in hay:
                    continue
            out.append(self._parse(rec))
        out.sort(key=lambda a: (a.doc, a.start, a.end, a.created))
        return out

    def tags(self, *, doc: str | None = None) -> list[tuple[str, int]]:
        """Every tag with how many annotations carry it, most used first."""
        counts: Counter[str] = Counter()
        for rec in self._records():
            if doc is None or rec["doc"] == doc:
                counts.update(rec.get("tags", ()))
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    def orphans(self, *, doc: str | None = None) -> list[Annotation]:
        return self.list(doc=doc, state="orphan")

    def documents(self) -> list[str]:
        """Keys of the documents that carry annotations."""
        return sorted({rec["doc"] for rec in self._records()})

    # -- writing ---------------------------------------------------------------------------

    def _put(self, ann: Annotation, what: str, before: dict[str, Any] | None) -> Annotation:
        rec = ann.to_record()
        self._table.upsert(TinyDocument(rec, doc_id=ann.id))
        self._undo.append(_UndoStep(what, before, rec))
        return ann

    def _put_many(self, records: list[dict[str, Any]]) -> None:
        """Store several records as one durable change (one journal line, one fsync)."""

        def updater(table: MutableMapping[str, Any]) -> None:
            for rec in records:
                table[rec["id"]] = rec

        self.db.storage.apply(ANNOTATIONS, updater)
        self._table.clear_cache()

    def create(
        self,
        doc_key: str,
        document: Document,
        start: int,
        end: int,
        *,
        color: str | None = None,
        note: str = "",
        tags: Iterable[str] = (),
    ) -> Annotation:
        """Highlight ``base_text[start:end]``; durable when this returns."""
        if start >= end:
            raise AnnotationError("nothing is selected")
        anchor = make_anchor(document, start, end)
        stamp = now_iso()
        ann = Annotation(
            id=new_id(),
            doc=doc_key,
            anchor=anchor,
            color=self.resolve_color(color) if color else self.colors()[0].key,
            note=note,
            tags=normalise_tags(tags),
            created=stamp,
            updated=stamp,
            state="anchored",
            section=section_titles(document, start),
            original=anchor.quote.exact,
            page=pages_of(document, start, end),
        )
        return self._put(ann, "create", None)

    def update(
        self,
        ann_id: str,
        *,
        note: str | None = None,
        tags: Iterable[str] | None = None,
        color: str | None = None,
    ) -> Annotation:
        old = self.get(ann_id)
        changes: dict[str, Any] = {}
        if note is not None:
            changes["note"] = note
        if tags is not None:
            changes["tags"] = normalise_tags(tags)
        if color is not None:
            changes["color"] = self.resolve_color(color)
        if not changes:
            return old
        new = old.with_changes(updated=_later_than(old.updated), **changes)
        return self._put(new, "edit", old.to_record())

    def delete(self, ann_id: str) -> Annotation:
        old = self.get(ann_id)
        self._table.remove(doc_ids=[old.id])
        self._undo.append(_UndoStep("delete", old.to_record(), None))
        return old

    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo(self) -> str | None:
        """Revert this session's last create, edit or delete; says what was undone."""
        if not self._undo:
            return None
        step = self._undo.pop()
        if step.before is None:
            assert step.after is not None
            self._table.remove(doc_ids=[step.after["id"]])
        else:
            self._table.upsert(TinyDocument(step.before, doc_id=step.before["id"]))
        return step.what

    def reattach(self, ann_id: str, document: Document, start: int, end: int) -> Annotation:
        """Give an annotation (usually an orphan) a new passage the user selected."""
        old = self.get(ann_id)
        if start >= end:
            raise AnnotationError("nothing is selected")
        anchor = make_anchor(document, start, end)
        new = old.with_changes(
            anchor=anchor,
            state="anchored",
            section=section_titles(document, start),
            page=pages_of(document, start, end),
            updated=_later_than(old.updated),
        )
        return self._put(new, "re-attach", old.to_record())

    def reanchor(self, doc_key: str, document: Document) -> list[Annotation]:
        """Re-anchor ``doc_key``'s annotations made on another version of its text.

        Returns the annotations whose state or place changed. Orphans are retried too, so a
        passage that comes back is found again.
        """
        changed = []
        for ann in self.list(doc=doc_key):
            if ann.anchor.content_hash == document.content_hash:
                continue
            found = resolve(ann.anchor, document)
            if found.state == "orphan":
                if ann.state == "orphan":
                    continue
                new = ann.with_changes(state="orphan")
            else:
                new = ann.with_changes(
                    anchor=make_anchor(document, found.start, found.end),
                    state=found.state if ann.state == "anchored" else "moved",
                    section=section_titles(document, found.start),
                    page=pages_of(document, found.start, found.end),
                )
            changed.append(new)
        if changed:
            self._put_many([a.to_record() for a in changed])
        return changed

    # -- colours ---------------------------------------------------------------------------

    def colors(self) -> list[ColorSlot]:
        rec = self.db.table(SETTINGS).get(doc_id="colors")
        labels = dict(rec.get("labels", {})) if rec else {}
        return [ColorSlot(key, labels.get(key, label)) for key, label in DEFAULT_COLORS]

    def set_color_label(self, key: str, label: str) -> None:
        key = self.resolve_color(key)
        label = label.strip()
        if not label:
            raise AnnotationError("a colour needs a name")
        rec = self.db.table(SETTINGS).get(doc_id="colors")
        labels = dict(rec.get("labels", {})) if rec else {}
        labels[key] = label
        self.db.table(SETTINGS).upsert(
            TinyDocument({"id": "colors", "labels": labels}, doc_id="colors")
        )

    def resolve_color(self, name: str) -> str:
        """A colour key from its key, its name (e.g. 疑問) or its number 1-5."""
        name = name.strip()
        slots = self.colors()
        for i, slot in enumerate(slots, 1):
            if name.casefold() in (slot.key, slot.label.casefold(), str(i)):
                return slot.key
        choices = ", ".join(f"{i} {s.key} ({s.label})" for i, s in enumerate(slots, 1))
        raise AnnotationError(f"unknown colour {name!r}; choose one of: {choices}")

    # -- documents and their metadata ------------------------------------------------------

    def file_state(self, doc_key: str) -> dict[str, Any] | None:
        return self.db.table(DOCUMENTS).get(doc_id=doc_key)

    def remember_file(self, doc_key: str, path: Path, content_hash: str, title: str = "") -> None:
        """Note the file's size, mtime and hash (and the document's title, for exports)."""
        st = path.stat()
        rec = {
            "id": doc_key,
            "mtime_ns": st.st_mtime_ns,
            "size": st.st_size,
            "content_hash": content_hash,
            "title": title,
        }
        if self.file_state(doc_key) != rec:
            self.db.table(DOCUMENTS).upsert(TinyDocument(rec, doc_id=doc_key))

    def file_changed(self, doc_key: str, path: Path) -> bool:
        """True when ``path`` differs (size or mtime) from when we last anchored to it."""
        rec = self.file_state(doc_key)
        if rec is None:
            return True
        try:
            st = path.stat()
        except OSError:
            return False  # gone: nothing to re-anchor against; annotations stay as they are
        return (st.st_mtime_ns, st.st_size) != (rec.get("mtime_ns"), rec.get("size"))

    def user_metadata(self, doc_key: str) -> dict[str, Any] | None:
        rec = self.db.table(METADATA).get(doc_id=doc_key)
        if rec is None:
            return None
        return {k: v for k, v in rec.items() if k != "id"}

    def save_user_metadata(self, doc_key: str, fields: Mapping[str, Any]) -> None:
        rec = {k: v for k, v in fields.items() if k != "id"}
        self.db.table(METADATA).upsert(TinyDocument({"id": doc_key, **rec}, doc_id=doc_key))

    # -- import --------------------------------------------------------------------------

    def merge(self, ann: Annotation) -> str:
        """Add or update from an import: ``added``, ``updated`` (newer) or ``unchanged``."""
        current = self.db.storage.table_data(ANNOTATIONS).get(ann.id)
        if current is not None:
            if current == ann.to_record() or current.get("updated", "") >= ann.updated:
                return "unchanged"
            self._table.upsert(TinyDocument(ann.to_record(), doc_id=ann.id))
            return "updated"
        self._table.insert(TinyDocument(ann.to_record(), doc_id=ann.id))
        return "added"


_default: dict[Path, Repository] = {}
_default_lock = threading.Lock()


def default_repository(*, readonly: bool = False) -> Repository:
    """The process-wide repository for the user's data dir (opened once, closed at exit)."""
    path = paths.annotations_db()
    with _default_lock:
        repo = _default.get(path)
        if repo is None:
            repo = _default[path] = Repository(path, readonly=readonly)
            atexit.register(repo.close)  # fold the journal into annotations.json on exit
        return repo
