"""The annotation API the reader, the sidebar and the command line share.

Everything here is a plain function of the database: create / update / delete (with an undo
stack for this session), list and filter, tags with counts, orphans and re-attaching,
re-anchoring a document that changed, the five colours and their names, and user-entered
document metadata. Each change is durable when the call returns (see ``storage.py``).

Documents are identified by ``store.library.doc_key`` (``seed:<name>``, ``lib:<name>`` or the
absolute path); ``documents`` remembers each file's size and mtime so a caller can tell cheaply
whether it must be re-imported and re-anchored.

Scale: the annotations table is read lazily (``storage.py``). Commands that only add an
annotation never read it; ``iter`` streams it in reading order when it has not been loaded
(memory: one record at a time), and the app, which lists often, loads it once. Every record
read is checked (``schema.py``); one that does not pass is set aside with a notice while the
rest load. The ``documents`` table marks each document that carries annotations
(``"annotated": true``, set by every write that adds one), so re-anchoring a document the
store has never annotated costs nothing.
"""

from __future__ import annotations

import atexit
import builtins  # `Repository.list` shadows the builtin in the class's own annotations
import os
import threading
import time
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from store import paths
from store.annotations import schema
from store.annotations.anchor import make_anchor, resolve
from store.annotations.db import ShioriDB, new_id, open_db, stored_document
from store.annotations.model import (
    DEFAULT_COLORS,
    Annotation,
    ColorSlot,
    State,
    now_iso,
)
from store.annotations.storage import SET_ASIDE, TailSpec
from store.citation import pages_of
from store.model import CITED_METADATA, Document
from store.terminal_safe import clean_line

ANNOTATIONS = "annotations"
SETTINGS = "settings"
METADATA = "metadata"
DOCUMENTS = "documents"
#: The user's own readings, one record per document (``store.japanese.own_readings``).
OWN_READINGS = "own_readings"


#: How the annotations table is sorted on disk (bump the name when ``reading_order`` changes).
ORDER = "reading-v1"
#: Records written per journal line by an import.
IMPORT_BATCH = 500
_DOC_INDEX = "doc_index"


class AnnotationError(ValueError):
    """A request the store cannot satisfy (unknown id, bad colour, empty selection)."""


def reading_order(rec: Mapping[str, Any]) -> tuple[str, int, int, str, str]:
    """Document, start, end, creation time, id: the order of ``list`` (total, never raises)."""
    ident = rec.get("id", "")
    try:
        anchor = rec["anchor"]
        return (
            str(rec["doc"]),
            int(anchor["start"]),
            int(anchor["end"]),
            str(rec.get("created", "")),
            str(ident),
        )
    except (KeyError, TypeError, ValueError, OverflowError):
        return ("", -1, -1, "", str(ident))


@dataclass(frozen=True)
class EditOutcome:
    """What :meth:`Repository.save_edit` stored, and what the user must be told about it."""

    annotation: Annotation
    #: The annotation had been deleted elsewhere: stored again, under a new id, with the edit.
    recreated: bool = False
    #: Its note had been changed elsewhere too: both texts are kept, the edit's first.
    notes_joined: bool = False


def _merge_tags(
    base: tuple[str, ...], ours: tuple[str, ...], theirs: tuple[str, ...]
) -> tuple[str, ...]:
    """Both sides' additions kept, both sides' removals honoured (a three-way merge)."""
    kept = [t for t in ours if t in theirs or t not in base]
    return tuple(dict.fromkeys([*kept, *(t for t in theirs if t not in base)]))


@dataclass(frozen=True)
class _UndoStep:
    what: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def normalise_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Trimmed, de-duplicated, order kept; a leading ``#`` and control characters dropped."""
    out: dict[str, None] = {}
    for tag in tags:
        tag = clean_line(tag).lstrip("#").strip()
        if tag:
            out[tag] = None
    return tuple(out)


def section_titles(document: Document, start: int) -> tuple[str, ...]:
    block, _ = document.locate(start)
    return tuple(h.text for h in document.section_of(block))


@contextmanager
def _suppress_storage_errors(notices: list[str]) -> Iterator[None]:
    """Bookkeeping writes (marks, setting bad records aside) must not fail what the user
    asked for: a failure is a notice."""
    from store.annotations.storage import StorageError

    try:
        yield
    except StorageError as exc:
        notices.append(str(exc))


def _later_than(stamp: str) -> str:
    """Now, but strictly after ``stamp`` when that is the same instant (imports compare them)."""
    now = now_iso()
    while now <= stamp and now[:19] == stamp[:19]:
        time.sleep(0.001)
        now = now_iso()
    return now


class Repository:
    """One open annotation database. Cheap to share; safe across threads and processes."""

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        readonly: bool = False,
        stream: bool = False,
    ):
        """``stream``: a one-shot reader (a command) — listings stream the table from the file
        instead of loading it, so memory stays flat; the app, which lists again and again,
        loads it once (the default)."""
        self.path = Path(path) if path is not None else paths.annotations_db()
        self._stream = stream
        self.db: ShioriDB = open_db(
            self.path, readonly=readonly, tail=TailSpec(ANNOTATIONS, ORDER, reading_order)
        )
        self._table = self.db.table(ANNOTATIONS)
        self._undo: list[_UndoStep] = []
        #: id -> (the stored record object, its parsed Annotation); records are replaced, never
        #: mutated, when they change, so identity tells whether the parse is current.
        self._parsed: dict[str, tuple[dict[str, Any], Annotation]] = {}
        #: Records that did not pass the schema, waiting to be set aside: key -> (record, why).
        self._bad: dict[str, tuple[Any, str]] = {}
        self._reported: set[str] = set()

    @property
    def notices(self) -> list[str]:
        """Recoveries and warnings the user must be shown (e.g. a restored backup)."""
        return self.db.storage.notices

    @property
    def readonly(self) -> bool:
        return bool(self.db.storage.readonly)

    def close(self) -> None:
        self.db.close()

    # -- other processes -------------------------------------------------------------------

    def changed_on_disk(self) -> bool:
        """Whether another process (an instance, ``shiori annotate``) wrote since this one
        last read: two ``stat`` calls, so an open app may ask every second."""
        return self.db.storage.changed_on_disk()

    @property
    def outside_changes(self) -> int:
        """A counter bumped each time this process took in another's writes."""
        return self.db.storage.outside_changes

    def catch_up(self) -> int:
        """Read what other processes wrote (under the lock); :attr:`outside_changes` after."""
        self.db.storage.refresh()
        return self.outside_changes

    # -- reading ---------------------------------------------------------------------------

    def _parse(self, key: str, rec: dict[str, Any]) -> Annotation | None:
        """The record as an Annotation, or None (and queued to be set aside) when it is bad."""
        cached = self._parsed.get(key)
        if cached is not None and cached[0] is rec:
            return cached[1]
        try:
            ann = schema.annotation_from_record(rec, key)
        except schema.RecordError as exc:
            self._bad[key] = (rec, str(exc))
            return None
        self._parsed[key] = (rec, ann)
        return ann

    def _parse_once(self, key: str, rec: dict[str, Any]) -> Annotation | None:
        """:meth:`_parse` without keeping the result (a streamed record is seen once)."""
        try:
            return schema.annotation_from_record(rec, key)
        except schema.RecordError as exc:
            self._bad[key] = (rec, str(exc))
            return None

    def _set_aside_bad(self) -> None:
        """Move the records that failed the schema out of the way (kept, never deleted)."""
        bad, self._bad = self._bad, {}
        fresh = {k: v for k, v in bad.items() if k not in self._reported}
        if not fresh:
            return
        self._reported.update(fresh)
        where = f'kept under "{SET_ASIDE}" in {self.path}'
        if self.readonly:
            where = "skipped (the store is read-only)"
        for key, (_rec, why) in fresh.items():
            self.notices.append(f"annotation {key!r} could not be read ({why}); it was {where}.")
        if self.readonly:
            return
        ops: list[Any] = []
        for key, (rec, why) in fresh.items():
            aside = {"id": f"{ANNOTATIONS}:{key}", "table": ANNOTATIONS, "value": rec, "why": why}
            ops += [(ANNOTATIONS, key, None), (SET_ASIDE, aside["id"], aside)]
        with _suppress_storage_errors(self.notices):
            self.db.storage.put(ops)

    def iter(
        self,
        *,
        doc: str | Collection[str] | None = None,
        tag: str | None = None,
        color: str | None = None,
        text: str | None = None,
        state: State | None = None,
    ) -> Iterator[Annotation]:
        """Matching annotations in reading order (by document, then position), one at a time.

        ``doc`` is a document's key, or several: a file named on the command line may have
        annotations under its library copy's key and its own path's (``NamedFile.keys``).
        ``text`` matches case-insensitively in the quote, the note, the tags and the original
        quote, so orphans stay findable. With ``stream`` (and the table not loaded yet) the
        records come from the file one at a time: memory stays flat however many there are.
        """
        color_key = self.resolve_color(color) if color else None
        needle = text.casefold() if text else None
        docs = None if doc is None else {doc} if isinstance(doc, str) else set(doc)

        def wanted(ann: Annotation) -> bool:
            if tag is not None and tag not in ann.tags:
                return False
            if color_key is not None and ann.color != color_key:
                return False
            if state is not None and ann.state != state:
                return False
            if needle is not None:
                hay = "\n".join([ann.quote, ann.note, ann.original, *ann.tags]).casefold()
                return needle in hay
            return True

        storage = self.db.storage
        try:
            if not self._stream or storage.is_loaded(ANNOTATIONS):
                found = []
                for key, rec in list(storage.table_data(ANNOTATIONS).items()):
                    if docs is not None and rec.get("doc") not in docs:
                        continue
                    ann = self._parse(key, rec)
                    if ann is not None and wanted(ann):
                        found.append(ann)
                found.sort(key=lambda a: (a.doc, a.start, a.end, a.created, a.id))
                yield from found
            else:
                for key, rec in storage.stream(ANNOTATIONS):
                    if docs is not None and rec.get("doc") not in docs:
                        continue
                    ann = self._parse_once(key, rec)
                    if ann is not None and wanted(ann):
                        yield ann
        finally:
            self._set_aside_bad()

    def list(
        self,
        *,
        doc: str | Collection[str] | None = None,
        tag: str | None = None,
        color: str | None = None,
        text: str | None = None,
        state: State | None = None,
    ) -> list[Annotation]:
        """:meth:`iter`, as a list."""
        return list(self.iter(doc=doc, tag=tag, color=color, text=text, state=state))

    def get(self, ann_id: str) -> Annotation:
        """By id, or by a unique prefix of at least 4 characters (as the CLI prints them)."""
        data = self.db.storage.table_data(ANNOTATIONS)
        key = ann_id if ann_id in data else None
        if key is None and len(ann_id) >= 4:
            matches = [k for k in data if k.startswith(ann_id)]
            if len(matches) > 1:
                raise AnnotationError(f"{ann_id!r} matches {len(matches)} annotations")
            key = matches[0] if matches else None
        ann = self._parse(key, data[key]) if key is not None else None
        self._set_aside_bad()
        if ann is None:
            raise AnnotationError(f"no annotation with id {ann_id!r}")
        return ann

    def tags(self, *, doc: str | None = None) -> builtins.list[tuple[str, int]]:
        """Every tag with how many annotations carry it, most used first."""
        counts: Counter[str] = Counter()
        for ann in self.iter(doc=doc):
            counts.update(ann.tags)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    def orphans(self, *, doc: str | None = None) -> builtins.list[Annotation]:
        return self.list(doc=doc, state="orphan")

    def documents(self) -> builtins.list[str]:
        """Keys of the documents that may carry annotations (every one that does; one whose
        annotations were all deleted may linger until the next full pass)."""
        self._ensure_doc_index()
        return sorted(
            key
            for key, rec in self.db.storage.table_data(DOCUMENTS).items()
            if rec.get("annotated")
        )

    def may_have_annotations(self, doc_key: str) -> bool:
        """False only when the store knows ``doc_key`` carries no annotation (cheap)."""
        self._ensure_doc_index()
        rec = self.file_state(doc_key)
        return bool(rec and rec.get("annotated"))

    def _ensure_doc_index(self) -> None:
        """Mark every annotated document once (a store written before the marks existed)."""
        if self.db.table(SETTINGS).record(_DOC_INDEX) is not None or self.readonly:
            return
        docs = {ann.doc for ann in self.iter()}
        state = self.db.storage.table_data(DOCUMENTS)
        ops: list[Any] = []
        for key in sorted(docs):
            rec = state.get(key)
            if not (rec and rec.get("annotated")):
                ops.append((DOCUMENTS, key, {**(rec or {"id": key}), "annotated": True}))
        ops.append((SETTINGS, _DOC_INDEX, {"id": _DOC_INDEX, "complete": True}))
        with _suppress_storage_errors(self.notices):
            self.db.storage.put(ops)

    def _doc_mark(self, doc_key: str) -> builtins.list[Any]:
        """The change that marks ``doc_key`` as annotated, if it is not marked yet."""
        rec = self.file_state(doc_key)
        if rec and rec.get("annotated"):
            return []
        return [(DOCUMENTS, doc_key, {**(rec or {"id": doc_key}), "annotated": True})]

    # -- writing ---------------------------------------------------------------------------

    def _checked(self, ann: Annotation) -> Annotation:
        try:
            return schema.check_annotation(ann)
        except schema.RecordError as exc:
            raise AnnotationError(str(exc)) from None

    def _put(self, ann: Annotation, what: str, before: dict[str, Any] | None) -> Annotation:
        """Store ``ann`` whole, in one journal line with its document's mark (no read)."""
        ann = self._checked(ann)
        rec = ann.to_record()
        self.db.storage.put([(ANNOTATIONS, ann.id, rec), *self._doc_mark(ann.doc)])
        self._undo.append(_UndoStep(what, before, rec))
        return ann

    def _put_many(self, records: builtins.list[dict[str, Any]]) -> None:
        """Store several records as one durable change (one journal line, one fsync)."""
        self.db.storage.put([(ANNOTATIONS, rec["id"], rec) for rec in records])

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

    def save_edit(
        self, base: Annotation, *, note: str, tags: Iterable[str], color: str
    ) -> EditOutcome:
        """Save an edit the user made of ``base`` (the annotation as the dialog showed it).

        Another instance may have changed or deleted it meanwhile; what was typed is never
        lost. Deleted: it is stored again on the same passage, under a new id — the other
        instance's undo of its delete brings back its own record, which must not overwrite
        this note. Changed: a three-way merge — a field only one side changed takes that
        side's value, tags merge, and a note both changed keeps both texts.
        """
        ours_tags = normalise_tags(tags)
        ours_color = self.resolve_color(color)
        with self.db.storage.locked():  # no other process saves between the read and ours
            if base.id not in self.db.storage.table_data(ANNOTATIONS):
                stamp = now_iso()
                again = base.with_changes(
                    id=new_id(),
                    note=note,
                    tags=ours_tags,
                    color=ours_color,
                    created=stamp,
                    updated=stamp,
                )
                return EditOutcome(self._put(again, "create", None), recreated=True)
            current = self.get(base.id)
            # A note both sides changed (theirs not emptied, not the same text) keeps both.
            joined = note != base.note and current.note not in (base.note, note, "")
            if note == base.note:
                note = current.note
            elif joined:
                note = f"{note}\n\n{current.note}"
            changes = {
                "note": note,
                "tags": _merge_tags(base.tags, ours_tags, current.tags),
                "color": current.color if ours_color == base.color else ours_color,
            }
            if all(getattr(current, k) == v for k, v in changes.items()):
                return EditOutcome(current)
            new = current.with_changes(updated=_later_than(current.updated), **changes)
            return EditOutcome(self._put(new, "edit", current.to_record()), notes_joined=joined)

    def delete(self, ann_id: str) -> Annotation:
        old = self.get(ann_id)
        self._table.remove_record(old.id)
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
            self._table.upsert(stored_document(step.before, step.before["id"]))
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

    def reanchor(self, doc_key: str, document: Document) -> builtins.list[Annotation]:
        """Re-anchor ``doc_key``'s annotations made on another version of its text.

        Returns the annotations whose state or place changed. Orphans are retried too — also
        when the text is back to exactly the version they were made on — so a passage that
        comes back is found again.
        """
        changed = []
        for ann in self.list(doc=doc_key):
            if ann.anchor.content_hash == document.content_hash and ann.state != "orphan":
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

    def colors(self) -> builtins.list[ColorSlot]:
        rec = self.db.table(SETTINGS).record("colors")
        labels = rec.get("labels") if rec else None
        labels = labels if isinstance(labels, dict) else {}
        out = []
        for key, default in DEFAULT_COLORS:
            label = labels.get(key)
            label = clean_line(label) if isinstance(label, str) else ""
            out.append(ColorSlot(key, label or default))
        return out

    def set_color_label(self, key: str, label: str) -> None:
        key = self.resolve_color(key)
        label = clean_line(label)
        if not label:
            raise AnnotationError("a colour needs a name")
        rec = self.db.table(SETTINGS).record("colors")
        stored = rec.get("labels") if rec else None
        labels = {
            k: v
            for k, v in (stored if isinstance(stored, dict) else {}).items()
            if isinstance(v, str)
        }
        labels[key] = label
        self.db.table(SETTINGS).upsert(
            stored_document({"id": "colors", "labels": labels}, "colors")
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
        return self.db.table(DOCUMENTS).record(doc_key)

    def remember_file(
        self,
        doc_key: str,
        path: Path,
        content_hash: str,
        title: str = "",
        stated: Mapping[str, str] | None = None,
    ) -> None:
        """Note the file's size, mtime and hash (and, for exports, the document's title and
        what it states about itself that a citation names: author, publisher, date, URL)."""
        st = path.stat()
        old = self.file_state(doc_key) or {}
        rec: dict[str, Any] = {
            "id": doc_key,
            "mtime_ns": st.st_mtime_ns,
            "size": st.st_size,
            "content_hash": content_hash,
            "title": title,
        }
        # always present once noted, so a record from before it was kept can be told apart
        rec["stated"] = {f: str(stated[f]) for f in CITED_METADATA if stated and stated.get(f)}
        if old.get("annotated"):
            rec["annotated"] = True
        if old != rec:
            self.db.table(DOCUMENTS).upsert(stored_document(rec, doc_key))

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
        rec = self.db.table(METADATA).record(doc_key)
        if rec is None:
            return None
        return {k: v for k, v in rec.items() if k != "id"}

    def all_user_metadata(self) -> dict[str, dict[str, Any]]:
        """What :meth:`user_metadata` gives, for every document that has some, read at once."""
        return {
            str(rec.doc_id): {k: v for k, v in rec.items() if k != "id"}
            for rec in self.db.table(METADATA).all()
        }

    def save_user_metadata(self, doc_key: str, fields: Mapping[str, Any]) -> None:
        rec = {k: v for k, v in fields.items() if k != "id"}
        self.db.table(METADATA).upsert(stored_document({"id": doc_key, **rec}, doc_key))

    def own_readings(self, doc_key: str) -> dict[str, str]:
        """The readings the user gave words of the document (word -> reading)."""
        rec = self.db.table(OWN_READINGS).record(doc_key)
        words = rec.get("words") if rec is not None else None
        if not isinstance(words, dict):
            return {}
        return {str(w): str(r) for w, r in words.items() if isinstance(r, str) and r}

    def all_own_readings(self) -> dict[str, dict[str, str]]:
        """:meth:`own_readings` of every document that has some, read at once (the export)."""
        out: dict[str, dict[str, str]] = {}
        for rec in self.db.table(OWN_READINGS).all():
            words = rec.get("words")
            if isinstance(words, dict):
                kept = {str(w): r for w, r in words.items() if isinstance(r, str) and r}
                if kept:
                    out[str(rec.doc_id)] = kept
        return out

    def save_own_reading(self, doc_key: str, word: str, reading: str | None) -> tuple[str, str]:
        """Keep ``reading`` for ``word`` throughout the document (None or "": drop the user's
        reading of it); returns the ``(word, reading)`` kept, trimmed as
        ``store.japanese.own_readings.normalised`` trims it. Durable when it returns."""
        from store.japanese.own_readings import kanji_part, normalised

        if reading:
            word, reading = normalised(word, reading)
        else:
            word = kanji_part(word)
        with self.db.storage.locked():  # another instance's reading of another word stays
            words = self.own_readings(doc_key)
            if reading:
                words[word] = reading
            else:
                words.pop(word, None)
            self.db.table(OWN_READINGS).upsert(
                stored_document({"id": doc_key, "words": words}, doc_key)
            )
        return word, reading or ""

    # -- import --------------------------------------------------------------------------

    def merge(self, ann: Annotation) -> str:
        """Add or update one annotation from an import: ``added``, ``updated`` or ``unchanged``."""
        [outcome] = self.merge_many([ann])
        return outcome

    def merge_many(
        self, anns: Iterable[Annotation], *, stored: builtins.list[str] | None = None
    ) -> builtins.list[str]:
        """Add or update from an import, in batches of :data:`IMPORT_BATCH` records per durable
        journal line. Each annotation is ``added``, ``updated`` (the import's is newer) or
        ``unchanged``. ``stored`` (when given) receives each outcome as soon as its batch is
        durable, so after a :class:`StorageError` the caller knows exactly what was kept."""
        outcomes: list[str] = []
        live = self.db.storage.table_data(ANNOTATIONS)
        batch: list[Any] = []
        pending: list[str] = []
        marked: set[str] = set()

        def flush() -> None:
            if batch:
                self.db.storage.put(batch, fold=False)
            if stored is not None:
                stored.extend(pending)
            batch.clear()
            pending.clear()

        for ann in anns:
            ann = self._checked(ann)
            rec = ann.to_record()
            current = live.get(ann.id)
            if current is None:
                outcome = "added"
            elif current == rec or current.get("updated", "") >= ann.updated:
                outcome = "unchanged"
            else:
                outcome = "updated"
            if outcome != "unchanged":
                batch.append((ANNOTATIONS, ann.id, rec))
                if ann.doc not in marked:
                    marked.add(ann.doc)
                    batch += self._doc_mark(ann.doc)
            pending.append(outcome)
            outcomes.append(outcome)
            if len(pending) >= IMPORT_BATCH:
                flush()
        flush()
        return outcomes


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
