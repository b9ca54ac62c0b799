"""A TinyDB storage that never loses an acknowledged save, and never hides one.

Why not TinyDB's ``JSONStorage``: it rewrites the whole file in place, so a crash mid-write
leaves a torn file, two instances overwrite each other, and with 50,000 annotations every save
re-serialises 40 MB. This storage keeps TinyDB's file format and query API but writes
differently:

* **Snapshot** ``annotations.json`` (format: ``snapshot.py``): the whole database, the big
  annotations table last and in reading order, so it can be read in part. Written only by
  *compaction*, streamed through ``store.atomic`` (temp file beside it, fsync, ``os.replace``,
  fsync of the folder); the previous
  snapshot is kept as a rotating backup (``annotations.json.1`` newest ... ``.N``) and the
  journal it absorbed as ``annotations.journal.1``.
* **Journal** ``annotations.journal`` (format: ``journal.py``): one line per change batch,
  appended and fsynced before a save returns. A save costs one small append + fsync whatever
  the size of the library; the journal is folded into a new snapshot only when it outgrows
  ``compact_min_bytes`` (1 MiB), or at the end of a session while the snapshot is small.
* **Lock** ``annotations.lock``: an exclusive ``flock`` around every read-modify-write, so any
  number of processes may write; each catches up with the others' journal lines first.
* **Lazy tail**: opening reads the small tables only; the annotations table is parsed when
  first needed, or streamed record by record in reading order (``stream``) without ever being
  held whole — what ``list`` and ``export`` use.

Nothing is hidden. A torn last journal line (a writer killed mid-append) was never acknowledged
and is cut off. A damaged snapshot is moved aside and the newest good backup restored, then the
journals replayed. A snapshot *behind* its backup or its journal (replaced by an older copy, or
emptied by hand) is treated the same way. A journal line or a record of the wrong shape is set
aside (kept in the table ``set_aside``), never fatal, never silently dropped. ``notices`` says
what happened, naming the files. A failed write (full disk) leaves the files as they were and
raises :class:`StorageError`. Files are private (0600); temp files of killed compactions are
removed on the next open.
"""

from __future__ import annotations

import contextlib
import copy
import errno
import heapq
import os
import shutil
import stat
import threading
import time
from collections.abc import Callable, Iterator, MutableMapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from store import atomic
from store.annotations import files, snapshot
from store.annotations.journal import Op, decode_line, encode_line, first_seq, last_seq
from store.annotations.journal import read_entries as _journal_entries
from store.annotations.snapshot import (
    META_TABLE,
    SCHEMA_VERSION,
    Damaged,
    Tables,
    Tail,
    header_seq,
)
from store.counts import count, were

try:  # POSIX; elsewhere writes are serialised within one process only.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]  # no fcntl on Windows: None marks it absent

__all__ = [
    "SCHEMA_VERSION",
    "JournalStorage",
    "ReadOnlyError",
    "StorageError",
    "TailSpec",
    "decode_line",
    "encode_line",
]

#: Where records that could not be used are kept (never deleted).
SET_ASIDE = "set_aside"
#: Mode of every file of the store: notes are nobody else's business.
PRIVATE = atomic.PRIVATE


def _migrate_0_to_1(tables: Tables) -> Tables:
    """Version 0 is a plain TinyDB file: integer ids, no ``_meta``. Give records our own ids."""
    from uuid import uuid4

    out: Tables = {}
    for name, table in tables.items():
        if name == META_TABLE:
            continue
        new: dict[str, dict[str, Any]] = {}
        for doc in table.values():
            doc = dict(doc)
            ident = str(doc.get("id") or uuid4())
            doc["id"] = ident
            new[ident] = doc
        out[name] = new
    return out


#: ``MIGRATIONS[v]`` turns a version-``v`` database into version ``v + 1``.
MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {0: _migrate_0_to_1}


class StorageError(Exception):
    """A save could not be made durable; the files on disk are as they were before it."""


class ReadOnlyError(StorageError):
    """This storage was opened read-only (newer schema, or asked for)."""


@dataclass(frozen=True)
class TailSpec:
    """The big table: written last, read lazily, kept sorted by ``key`` (named ``order``)."""

    table: str = "annotations"
    order: str = "insertion"
    key: Callable[[dict[str, Any]], Any] | None = None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _describe(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return "the disk is full (or the file-size limit was reached)"
    return exc.strerror or str(exc)


class _Overlay(MutableMapping[str, Any]):
    """The table as TinyDB's updater sees it: reads from the live data, records every change.

    A document fetched by key is a deep copy (TinyDB's ``update`` mutates it in place), so the
    live data changes only after the journal line is durable.
    """

    def __init__(self, live: dict[str, dict[str, Any]]) -> None:
        self._live = live
        self._changed: dict[str, dict[str, Any] | None] = {}

    def __getitem__(self, key: str) -> dict[str, Any]:
        if key in self._changed:
            doc = self._changed[key]
            if doc is None:
                raise KeyError(key)
            return doc
        doc = copy.deepcopy(self._live[key])
        self._changed[key] = doc
        return doc

    def __setitem__(self, key: str, value: dict[str, Any]) -> None:
        self._changed[key] = dict(value)

    def __delitem__(self, key: str) -> None:
        if key not in self:
            raise KeyError(key)
        self._changed[key] = None

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str) and key in self._changed:
            return self._changed[key] is not None
        return key in self._live

    def __iter__(self) -> Iterator[str]:
        for key in self._live:
            if self._changed.get(key, True) is not None:
                yield key
        for key, doc in self._changed.items():
            if key not in self._live and doc is not None:
                yield key

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def clear(self) -> None:
        for key in list(self):
            self._changed[key] = None

    def ops(self, table: str) -> list[Op]:
        out: list[Op] = []
        for key, doc in self._changed.items():
            if doc is None:
                if key in self._live:
                    out.append((table, key, None))
            elif self._live.get(key) != doc:
                out.append((table, key, doc))
        return out


class JournalStorage(Storage):
    """See the module docstring. ``path`` is the snapshot file (``annotations.json``)."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        backups: int = 3,
        compact_min_bytes: int = 1 << 20,
        readonly: bool = False,
        tail: TailSpec | None = None,
    ) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.journal_path = files.journal_path(self.path)
        self.lock_path = files.lock_path(self.path)
        self.backups = backups
        self.compact_min_bytes = compact_min_bytes
        self.readonly = readonly
        self.tail_spec = tail or TailSpec()
        #: What happened that the user should be told (recoveries, read-only mode).
        self.notices: list[str] = []
        #: Bumped whenever the in-memory data changes (lets tables drop their query caches).
        self.generation = 0
        #: Bumped whenever catching up took in another process's writes (a save, a delete, a
        #: fold): an open view compares it with the value it last drew, so it redraws even
        #: when some other read of this process caught up first.
        self.outside_changes = 0

        self._tables: Tables = {}
        self._seq = 0
        self._snap_id: tuple[int, int, int] | None = None
        self._snap_size = 0
        # The tail table while it is not loaded: where it is, and the journal's changes to it.
        self._snap_fd: int | None = None
        self._tail: Tail | None = None
        self._tail_ok = False
        self._overlay: dict[str, dict[str, Any] | None] = {}
        self._journal_id: tuple[int, int] | None = None
        self._journal_offset = 0
        self._needs_compaction = False
        self._restored = False
        self._journal_fd: int | None = None
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._lock_fd: int | None = None
        self._closed = False
        if not readonly:
            try:
                self._lock_fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, PRIVATE)
            except OSError as exc:
                self.readonly = True
                self.notices.append(
                    f"Annotations are read-only: cannot open the lock file {self.lock_path} "
                    f"({_describe(exc)})."
                )
        with self._locked():
            if not self.readonly:
                self._tidy()
            self._reload()
            if self._needs_compaction and not self.readonly:
                try:
                    self._compact()
                except StorageError as exc:  # the data is loaded; folding it in can wait
                    self.notices.append(str(exc))

    # -- locking ---------------------------------------------------------------------------

    @contextmanager
    def _locked(self) -> Iterator[None]:
        with self._thread_lock:
            if self._depth == 0 and self._lock_fd is not None and fcntl is not None:
                fcntl.flock(self._lock_fd, fcntl.LOCK_EX)
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0 and self._lock_fd is not None and fcntl is not None:
                    fcntl.flock(self._lock_fd, fcntl.LOCK_UN)

    # -- TinyDB's Storage interface ---------------------------------------------------------

    def read(self) -> Tables | None:
        with self._locked():
            self._sync()
            self._load_tail()
            return {name: dict(table) for name, table in self._tables.items()} or None

    def write(self, data: Tables) -> None:
        """Whole-database write (TinyDB's generic path): journals only what differs."""
        with self._locked():
            self._sync()
            self._load_tail()
            ops: list[Op] = []
            for name in set(self._tables) | set(data):
                if name == META_TABLE:
                    continue
                old = self._tables.get(name, {})
                new = data.get(name, {})
                ops += [(name, k, dict(d)) for k, d in new.items() if old.get(k) != d]
                ops += [(name, k, None) for k in old if k not in new]
            self._commit(ops)

    def close(self) -> None:
        """Fold the journal into ``annotations.json`` when that is cheap (a small snapshot) or
        due (a long journal), then let go. Every save is already durable either way."""
        if self._closed:
            return
        if not self.readonly:
            try:
                with self._locked():
                    self._sync()
                    small = self._snap_size < self.compact_min_bytes
                    if self._needs_compaction or self._due() or (self._journal_offset and small):
                        self._compact()
            except (StorageError, OSError) as exc:
                self.notices.append(str(exc))
        self._closed = True
        for fd in (self._journal_fd, self._lock_fd, self._snap_fd):
            if fd is not None:
                os.close(fd)
        self._journal_fd = self._lock_fd = self._snap_fd = None

    # -- what JournalTable and the repository use -------------------------------------------

    def table_data(self, name: str) -> dict[str, dict[str, Any]]:
        """The live documents of one table, after catching up with other processes."""
        with self._locked():
            self._sync()
            if self._tail is not None and name == self._tail.table:
                self._load_tail()
            return self._tables.get(name, {})

    def is_loaded(self, name: str) -> bool:
        """False while ``name`` is the tail table and has not been read whole."""
        with self._locked():
            self._sync()
            return self._tail is None or name != self._tail.table

    def stream(self, name: str) -> Iterator[tuple[str, dict[str, Any]]]:
        """Every ``(key, document)`` of ``name`` in the tail's order (``TailSpec.key``).

        A consistent view as of the call: later saves (ours or another process's) are not
        seen by this iterator. For the unloaded tail table the memory used is the journal's
        changes plus one record, however large the table.
        """
        key = self.tail_spec.key if name == self.tail_spec.table else None
        with self._locked():
            self._sync()
            if self._tail is not None and name == self._tail.table:
                self._check_tail()
            if self._tail is None or name != self._tail.table:
                items = list(self._tables.get(name, {}).items())
                return iter(sorted(items, key=_by_doc(key)) if key else items)
            assert self._snap_fd is not None
            fd = os.dup(self._snap_fd)
            tail, overlay = self._tail, dict(self._overlay)
        return self._merged(fd, tail, overlay, key)

    def put(self, ops: list[Op], *, fold: bool = True) -> None:
        """Store these changes as they are, in one durable journal line (no read first: the
        caller knows the keys are new, or means to replace the records whole). ``fold=False``
        leaves folding a long journal to later (a batch of many puts)."""
        with self._locked():
            self._sync()
            self._commit(list(ops), fold=fold)

    def refresh(self) -> int:
        with self._locked():
            self._sync()
            return self.generation

    def changed_on_disk(self) -> bool:
        """Whether another process wrote since we last caught up: two ``stat`` calls, no lock,
        nothing read — cheap enough for an open app to ask every second or two. A save of our
        own in flight may answer True once; :meth:`refresh` then finds nothing new."""
        if self._closed:
            return False
        try:
            return self._behind() is not None
        except OSError:  # unreadable folder: the next real read says what is wrong
            return False

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the store for a read-then-write that must not interleave with another
        process's (re-entrant: the calls made inside lock again for free)."""
        with self._locked():
            self._sync()
            yield

    def apply(self, name: str, updater: Callable[[MutableMapping[str, Any]], None]) -> None:
        """Run a TinyDB updater against one table and make its changes durable."""
        with self._locked():
            self._sync()
            if self._tail is not None and name == self._tail.table:
                self._load_tail()
            overlay = _Overlay(self._tables.get(name, {}))
            updater(overlay)
            self._commit(overlay.ops(name))

    def compact(self) -> None:
        """Fold the journal into a fresh snapshot now (also rotates the backups)."""
        with self._locked():
            self._sync()
            self._check_writable()
            self._compact()

    @property
    def schema_version(self) -> int:
        return SCHEMA_VERSION

    # -- internals: writing ----------------------------------------------------------------

    def _check_writable(self) -> None:
        if self.readonly:
            raise ReadOnlyError(f"annotations in {self.path} are open read-only")

    def _due(self) -> bool:
        return self._journal_offset > self.compact_min_bytes

    def _commit(self, ops: list[Op], *, fold: bool = True) -> None:
        if not ops:
            return
        self._check_writable()
        self._append(ops)
        self._apply(ops)
        self.generation += 1
        if fold and (self._needs_compaction or self._due()):
            try:
                self._compact()
            except StorageError as exc:  # the save itself is durable; compaction can wait
                self.notices.append(str(exc))

    def _apply(self, ops: list[Op]) -> None:
        for table, key, doc in ops:
            if self._tail is not None and table == self._tail.table:
                self._overlay[key] = doc
            elif doc is None:
                self._tables.get(table, {}).pop(key, None)
            else:
                self._tables.setdefault(table, {})[key] = doc

    def _open_journal(self) -> int:
        if self._journal_fd is None:
            created = not self.journal_path.exists()
            self._journal_fd = os.open(
                self.journal_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE
            )
            if created:
                atomic.fsync_dir(self.path.parent)
            st = os.fstat(self._journal_fd)
            self._journal_id = (st.st_dev, st.st_ino)
        return self._journal_fd

    def _append(self, ops: list[Op]) -> None:
        line = encode_line(self._seq + 1, ops)
        try:
            fd = self._open_journal()
        except OSError as exc:
            raise StorageError(
                f"could not save to {self.journal_path}: {_describe(exc)}; nothing was changed"
            ) from exc
        try:
            _write_all(fd, line)
            os.fsync(fd)
        except OSError as exc:
            with suppress(OSError):  # if this fails too, the torn tail is cut on next open
                os.ftruncate(fd, self._journal_offset)
            raise StorageError(
                f"could not save to {self.journal_path}: {_describe(exc)}; nothing was changed"
            ) from exc
        self._seq += 1
        self._journal_offset += len(line)

    # -- internals: reading ----------------------------------------------------------------

    def _stat_id(self, path: Path) -> tuple[int, int, int] | None:
        try:
            st = os.stat(path)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def _behind(self) -> str | None:
        """What the files on disk say we must do to catch up: ``"reload"`` (the snapshot or
        the journal was replaced or removed), ``"replay"`` (the journal grew) or None."""
        if self._stat_id(self.path) != self._snap_id:
            return "reload"
        try:
            st = os.stat(self.journal_path)
        except FileNotFoundError:
            return "reload" if self._journal_id is not None else None
        if self._journal_id is not None and (st.st_dev, st.st_ino) != self._journal_id:
            return "reload"
        return "replay" if st.st_size != self._journal_offset else None

    def _sync(self) -> None:
        """Catch up with what other processes wrote since we last looked."""
        behind = self._behind()
        if behind == "reload":
            self._reload()
            self.outside_changes += 1
        elif behind == "replay":
            seq = self._seq
            self._replay(self.journal_path, self._journal_offset, current=True)
            if self._seq != seq:
                self.outside_changes += 1

    def _reset(self) -> None:
        for attr in ("_journal_fd", "_snap_fd"):
            fd = getattr(self, attr)
            if fd is not None:
                os.close(fd)
                setattr(self, attr, None)
        self._journal_id = None
        self._journal_offset = 0
        self._restored = False
        self._tail = None
        self._tail_ok = False
        self._overlay = {}

    def _reload(self, *, whole: bool = False) -> None:
        self._reset()
        self._tables, self._seq = self._load_snapshot(whole=whole)
        prev = self.journal_path.with_name(self.journal_path.name + ".1")
        if self._restored and prev.exists():
            # The backup predates the journal the lost snapshot had absorbed: replay it too.
            self._replay(prev, 0, current=False)
        if self.journal_path.exists():
            self._replay(self.journal_path, 0, current=True)
        self.generation += 1

    def _replay(self, path: Path, offset: int, *, current: bool) -> None:
        with open(path, "rb") as fh:
            if current:
                st = os.fstat(fh.fileno())
                self._journal_id = (st.st_dev, st.st_ino)
            fh.seek(offset)
            data = fh.read()
        pos = 0
        bad: list[str] = []
        changed = False
        while pos < len(data):
            end = data.find(b"\n", pos)
            if end < 0:
                break  # a torn tail: never acknowledged
            line = data[pos:end]
            pos = end + 1
            try:
                seq, ops = decode_line(line)
            except ValueError as exc:
                bad.append(str(exc))
                continue
            if seq <= self._seq:
                continue
            self._apply(ops)
            self._seq = seq
            changed = True
        if changed:
            self.generation += 1
        if not current:
            return
        good_end = offset + pos
        self._journal_offset = good_end
        if good_end < offset + len(data) and not self.readonly:
            # A writer was killed mid-line (we hold the lock, so nobody is writing now).
            with open(path, "r+b") as fh:
                fh.truncate(good_end)
                os.fsync(fh.fileno())
        if bad:
            aside = self._aside(path)
            shutil.copy2(path, aside)
            self.notices.append(
                f"{count(len(bad), 'damaged line')} in {path} {were(len(bad))} set aside ({bad[0]}); "
                f"a copy of it is kept as {aside}."
            )
            self._needs_compaction = True

    def _aside(self, path: Path, why: str = "damaged") -> Path:
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
        aside = path.with_name(f"{path.name}.{why}-{stamp}")
        n = 1
        while aside.exists():
            n += 1
            aside = path.with_name(f"{path.name}.{why}-{stamp}-{n}")
        return aside

    def _backup_path(self, n: int) -> Path:
        return files.backup_path(self.path, n)

    def _adopt(self, snap: snapshot.Snapshot) -> tuple[Tables, int]:
        """Version checks, migrations and set-aside records of a snapshot just read."""
        if snap.version > SCHEMA_VERSION and not self.readonly:
            self.readonly = True
            self.notices.append(
                f"{self.path} was written by a newer Shiori (schema {snap.version}); "
                "annotations are read-only."
            )
        tables = snap.tables
        version = snap.version
        while version < SCHEMA_VERSION:
            tables = MIGRATIONS[version](tables)
            version += 1
            self._needs_compaction = True
        if snap.set_aside:
            aside = tables.setdefault(SET_ASIDE, {})
            for table, key, value in snap.set_aside:
                aside[f"{table}:{key}"] = {"id": f"{table}:{key}", "table": table, "value": value}
            self.notices.append(
                f"{count(len(snap.set_aside), 'entry', 'entries')} of {self.path} "
                f"{'was not a record' if len(snap.set_aside) == 1 else 'were not records'} and set "
                f'aside (kept under "{SET_ASIDE}" in the file).'
            )
            self._needs_compaction = True
        return tables, snap.seq

    def _load_snapshot(self, *, whole: bool = False) -> tuple[Tables, int]:
        try:
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except FileNotFoundError:
            self._snap_id = None
            self._snap_size = 0
            if any(self._backup_path(n).exists() for n in range(1, self.backups + 1)):
                return self._restore(f"{self.path} is missing", None)
            return {}, 0
        except OSError as exc:
            raise StorageError(f"cannot read {self.path}: {_describe(exc)}") from exc
        keep = False
        try:
            st = os.fstat(fd)
            self._snap_id = (st.st_ino, st.st_mtime_ns, st.st_size)
            self._snap_size = st.st_size
            try:
                if not stat.S_ISREG(st.st_mode):
                    raise Damaged("it is not a regular file")
                head = None if whole else snapshot.read_head(fd, st.st_size)
                if head is not None and (
                    head.tail is None or head.tail.table != self.tail_spec.table
                ):
                    head = None
                if head is None:
                    tables, seq = self._adopt(snapshot.parse_all(_read_fd(fd, st.st_size)))
                    # An older layout (or a hand edit): rewrite it once so that the next
                    # opens read it in part again.
                    if st.st_size > self.compact_min_bytes:
                        self._needs_compaction = True
                else:
                    tables, seq = self._adopt(head)
                    self._tail, self._snap_fd, keep = head.tail, fd, True
            except Damaged as exc:
                return self._damaged(str(exc), fd, st)
        finally:
            if not keep:
                os.close(fd)
        if self.readonly or self._restored:
            return tables, seq
        stale = self._stale(seq)
        if stale is None:
            return tables, seq
        self._reset()
        aside = self._aside(self.path, "stale")
        os.replace(self.path, aside)
        atomic.fsync_dir(self.path.parent)
        return self._restore(f"{self.path} is older than {stale}", aside)

    def _damaged(self, why: str, fd: int, st: os.stat_result) -> tuple[Tables, int]:
        self._reset()
        if self.readonly:
            raise StorageError(f"{self.path} is damaged ({why}); opened read-only")
        raw = _read_fd(fd, st.st_size) if stat.S_ISREG(st.st_mode) else b""
        aside = self._aside(self.path)
        os.replace(self.path, aside)
        atomic.fsync_dir(self.path.parent)
        return self._restore(f"{self.path} was damaged ({why})", aside, raw)

    def _stale(self, seq: int) -> str | None:
        """What shows the snapshot is behind the store's own history, if anything does."""
        backup = self._backup_path(1)
        newer = header_seq(backup)
        if newer is not None and newer > seq:
            return f"its backup {backup} (change {newer} against {seq})"
        prev = self.journal_path.with_name(self.journal_path.name + ".1")
        absorbed = last_seq(prev)
        if absorbed is not None and absorbed > seq:
            return f"the journal it had absorbed, {prev} (change {absorbed} against {seq})"
        following = first_seq(self.journal_path)
        if following is not None and following > seq + 1:
            return (
                f"its journal {self.journal_path}, which continues from change {following - 1} "
                f"(the file holds changes up to {seq})"
            )
        return None

    def _restore(self, why: str, aside: Path | None, damaged: bytes = b"") -> tuple[Tables, int]:
        moved = f"; moved it to {aside}" if aside else ""
        for n in range(1, self.backups + 1):
            backup = self._backup_path(n)
            try:
                raw = backup.read_bytes()
                tables, seq = self._adopt(snapshot.parse_all(raw))
            except (OSError, Damaged):
                continue
            with suppress(OSError):  # if this fails, the compaction below writes it
                atomic.write_bytes(self.path, raw)
            self._restored = True
            self._needs_compaction = True  # fold the replayed journals in for good
            self._snap_id = self._stat_id(self.path)
            self._snap_size = len(raw)
            kept = len(tables.get(self.tail_spec.table, {}))
            self.notices.append(
                f"{why}{moved} and restored the backup {backup} ({count(kept, 'annotation')}), "
                "then replayed the journal."
            )
            return tables, seq
        # No backup: rebuild from the journal the damaged snapshot had absorbed (.journal.1),
        # overlaid with every whole record line salvaged from the damaged file itself.
        tables = {}
        seq = 0
        prev = self.journal_path.with_name(self.journal_path.name + ".1")
        for line_seq, ops in _journal_entries(prev):
            for table, key, doc in ops:
                if doc is None:
                    tables.get(table, {}).pop(key, None)
                else:
                    tables.setdefault(table, {})[key] = doc
            seq = max(seq, line_seq)
        salvaged_tables, salvaged_seq = snapshot.salvage(damaged)
        for name, records in salvaged_tables.items():
            tables.setdefault(name, {}).update(records)
        seq = max(seq, salvaged_seq)
        salvaged = sum(len(t) for t in salvaged_tables.values())
        self.notices.append(
            f"{why}{moved}; no good backup was found, so {count(salvaged, 'record')} "
            f"{were(salvaged)} salvaged "
            f"from the damaged file and the journal {self.journal_path} was replayed."
        )
        self._needs_compaction = True
        return tables, seq

    # -- internals: the lazy tail ----------------------------------------------------------

    def _check_tail(self) -> None:
        """Verify the unloaded tail's checksum once; on a mismatch read the file whole (a
        hand-edited file is fine; a damaged one is moved aside and restored)."""
        if self._tail is None or self._tail_ok:
            return
        assert self._snap_fd is not None
        try:
            snapshot.verify_tail(self._snap_fd, self._tail)
        except (Damaged, OSError):
            self._reload(whole=True)
            return
        self._tail_ok = True

    def _load_tail(self) -> None:
        if self._tail is None:
            return
        self._check_tail()
        if self._tail is None:
            return
        assert self._snap_fd is not None
        try:
            table = {k: d for k, d in snapshot.iter_tail(self._snap_fd, self._tail)}
        except (Damaged, ValueError, OSError):
            self._reload(whole=True)
            return
        for key, doc in self._overlay.items():
            if doc is None:
                table.pop(key, None)
            else:
                table[key] = doc
        self._tables[self._tail.table] = table
        os.close(self._snap_fd)
        self._snap_fd, self._tail, self._overlay = None, None, {}
        self.generation += 1

    def _merged(
        self,
        fd: int,
        tail: Tail,
        overlay: dict[str, dict[str, Any] | None],
        key: Callable[[dict[str, Any]], Any] | None,
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        """The snapshot's tail records (sorted on disk) merged with the journal's changes."""
        try:
            from_file = (
                (k, doc)
                for k, doc in snapshot.iter_tail(fd, tail)
                if k not in overlay and isinstance(doc, dict)
            )
            changed = [(k, doc) for k, doc in overlay.items() if doc is not None]
            if key is None:
                yield from from_file
                yield from changed
                return
            by_doc = _by_doc(key)
            if tail.order == self.tail_spec.order:
                yield from heapq.merge(from_file, sorted(changed, key=by_doc), key=by_doc)
            else:  # written in another order: sort here (memory: the whole table, once)
                yield from sorted([*from_file, *changed], key=by_doc)
        finally:
            os.close(fd)

    # -- internals: compaction -------------------------------------------------------------

    def _compact(self) -> None:
        """Write a new snapshot holding everything, rotate backups, retire the journal."""
        self._check_tail()
        try:
            self._compact_snapshot()
        except OSError as exc:
            raise StorageError(
                f"could not write {self.path}: {_describe(exc)}; the previous file is intact"
            ) from exc

    def _tail_records(self) -> Iterator[tuple[str, dict[str, Any]]]:
        spec = self.tail_spec
        if self._tail is None:
            docs = self._tables.get(spec.table, {})
            if spec.key is None:
                return iter(list(docs.items()))
            return iter(sorted(docs.items(), key=_by_doc(spec.key)))
        assert self._snap_fd is not None
        return self._merged(os.dup(self._snap_fd), self._tail, dict(self._overlay), spec.key)

    def _compact_snapshot(self) -> None:
        spec = self.tail_spec
        records = self._tail_records()
        size = atomic.write_stream(
            self.path,
            lambda fh: snapshot.write(
                fh.fileno(),
                seq=self._seq,
                tables=self._tables,
                tail_table=spec.table,
                tail_order=spec.order,
                tail_records=records,
            ),
            before_replace=self._rotate_backups,
        )
        self._needs_compaction = False
        self._snap_id = self._stat_id(self.path)
        self._snap_size = size
        if self._tail is not None:
            # Keep reading the tail lazily, from the new file (the journal is folded into it).
            assert self._snap_fd is not None
            os.close(self._snap_fd)
            self._snap_fd = os.open(self.path, os.O_RDONLY)
            head = snapshot.read_head(self._snap_fd, size)
            assert head is not None and head.tail is not None
            self._tail, self._tail_ok, self._overlay = head.tail, True, {}
        # The snapshot now holds every journalled change: retire the journal (kept one
        # generation as .journal.1 so a backup restore can replay it).
        if self._journal_fd is not None:
            os.close(self._journal_fd)
            self._journal_fd = None
        prev = self.journal_path.with_name(self.journal_path.name + ".1")
        if self.journal_path.exists():
            os.replace(self.journal_path, prev)
        self._journal_offset = 0
        self._journal_id = None
        self._open_journal()
        atomic.fsync_dir(self.path.parent)

    def _rotate_backups(self) -> None:
        """``.N-1`` -> ``.N`` ... ``.1`` -> ``.2``, then the current snapshot -> ``.1`` (a hard
        link, so the snapshot path never disappears). Runs once the new snapshot is on disk."""
        if not self.path.exists() or self.backups <= 0:
            return
        for n in range(self.backups - 1, 0, -1):
            if self._backup_path(n).exists():
                os.replace(self._backup_path(n), self._backup_path(n + 1))
        link_tmp = self.path.with_name(f".{self.path.name}.bak.tmp")
        link_tmp.unlink(missing_ok=True)
        try:
            os.link(self.path, link_tmp)
        except OSError:
            shutil.copy2(self.path, link_tmp)
        os.replace(link_tmp, self._backup_path(1))

    # -- internals: housekeeping -----------------------------------------------------------

    def _tidy(self) -> None:
        """Under the lock, on opening: remove temp files of killed compactions and restores
        (nobody else can be writing one now) and make every file of the store private."""
        folder = self.path.parent
        atomic.remove_stale_temps(self.path, older_than=0)
        names = [self.path, self.journal_path, self.lock_path]
        names += [self._backup_path(n) for n in range(1, self.backups + 2)]
        names.append(self.journal_path.with_name(self.journal_path.name + ".1"))
        with suppress(OSError):
            names += list(folder.glob(f"{self.path.name}.damaged-*"))
            names += list(folder.glob(f"{self.path.name}.stale-*"))
            names += list(folder.glob(f"{self.journal_path.name}.damaged-*"))
        for name in names:
            with contextlib.suppress(OSError):
                st = os.lstat(name)
                if stat.S_ISREG(st.st_mode) and st.st_mode & 0o077:
                    os.chmod(name, PRIVATE)


def _by_doc(key: Callable[[dict[str, Any]], Any]) -> Callable[[tuple[str, Any]], Any]:
    return lambda item: key(item[1])


def _read_fd(fd: int, size: int) -> bytes:
    chunks: list[bytes] = []
    pos = 0
    while True:
        chunk = os.pread(fd, max(size - pos, 1 << 16), pos)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        pos += len(chunk)
