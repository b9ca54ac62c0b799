"""A TinyDB storage that never loses an acknowledged save.

Why not TinyDB's ``JSONStorage``: it rewrites the whole file in place, so a crash mid-write
leaves a torn file, two instances overwrite each other, and with 10,000 annotations every save
re-serialises megabytes. This storage keeps TinyDB's file format and query API but writes
differently:

* **Snapshot** ``annotations.json``: the whole database in TinyDB's JSON layout (UTF-8, no
  ``\\u`` escapes) plus a ``_meta`` table holding ``schema_version`` and the sequence number of
  the last change it contains. Written only by *compaction*, through ``store.atomic`` (temp
  file in the same folder, fsync, ``os.replace``, fsync of the folder). The previous snapshot
  is kept as a rotating backup (``annotations.json.1`` newest ... ``.N``) and the journal it
  absorbed as ``annotations.journal.1``.
* **Journal** ``annotations.journal``: one line per change batch, ``<crc32> <json>\\n``,
  appended and fsynced before a save returns. A save therefore costs one small append +
  fsync whatever the size of the library (the trade-off: loading replays the journal, and
  compaction — when the journal outgrows the snapshot — rewrites everything once).
* **Lock** ``annotations.lock``: an exclusive ``flock`` around every read-modify-write, so any
  number of processes may write; each catches up with the others' journal lines first.

A torn last line (a writer killed mid-append) was never acknowledged and is cut off. A damaged
snapshot is moved aside and the newest good backup restored, then the journals replayed;
``notices`` says what happened, naming the files. A failed write (full disk) leaves the files
as they were and raises :class:`StorageError`.
"""

from __future__ import annotations

import copy
import errno
import json
import os
import re
import shutil
import threading
import time
import zlib
from collections.abc import Callable, Iterator, MutableMapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from store import atomic
from store.atomic import fsync_dir
from store.counts import count, were

try:  # POSIX; elsewhere writes are serialised within one process only.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]  # no fcntl on Windows: None marks it absent

SCHEMA_VERSION = 1
META_TABLE = "_meta"
META_ID = "schema"

Tables = dict[str, dict[str, dict[str, Any]]]
#: One change: (table, document id, new document or None for a deletion).
Op = tuple[str, str, dict[str, Any] | None]


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


class _Damaged(Exception):
    pass


def _dumps(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _dump_snapshot(data: dict[str, Any]) -> bytes:
    """TinyDB's JSON layout, one record per line: readable, diffable, no ``\\u`` escapes."""
    parts = ["{"]
    for t, (name, table) in enumerate(data.items()):
        parts.append(("," if t else "") + f"\n{json.dumps(name, ensure_ascii=False)}: {{")
        for r, (key, doc) in enumerate(table.items()):
            item = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
            parts.append(("," if r else "") + f"\n {json.dumps(key, ensure_ascii=False)}: {item}")
        parts.append("\n}")
    parts.append("\n}\n")
    return "".join(parts).encode("utf-8")


_TABLE_LINE = re.compile(r'^("(?:[^"\\]|\\.)*"): \{$')
_RECORD_LINE = re.compile(r'^ ("(?:[^"\\]|\\.)*"): (\{.*\}),?$')


def _salvage(raw: bytes) -> tuple[Tables, int]:
    """Every whole record line of a damaged snapshot (it is written one record per line)."""
    tables: Tables = {}
    seq = 0
    table: str | None = None
    for line in raw.decode("utf-8", "replace").splitlines():
        try:
            if m := _TABLE_LINE.match(line):
                table = json.loads(m.group(1))
            elif (m := _RECORD_LINE.match(line)) and table is not None:
                key, doc = json.loads(m.group(1)), json.loads(m.group(2))
                if not isinstance(doc, dict):
                    continue
                if table == META_TABLE:
                    seq = int(doc.get("seq", 0)) if key == META_ID else seq
                else:
                    tables.setdefault(table, {})[key] = doc
        except (ValueError, TypeError):
            continue
    return tables, seq


def _apply(tables: Tables, ops: list[Op]) -> None:
    for table, key, doc in ops:
        if doc is None:
            tables.get(table, {}).pop(key, None)
        else:
            tables.setdefault(table, {})[key] = doc


def _journal_entries(path: Path) -> list[tuple[int, list[Op]]]:
    """The whole, valid lines of a journal file (none if it is missing)."""
    try:
        data = path.read_bytes()
    except OSError:
        return []
    out = []
    for line in data.split(b"\n")[:-1]:
        with suppress(ValueError, KeyError, TypeError, UnicodeDecodeError):
            out.append(decode_line(line))
    return out


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _describe(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return "the disk is full (or the file-size limit was reached)"
    return exc.strerror or str(exc)


def encode_line(seq: int, ops: list[Op]) -> bytes:
    payload = _dumps({"seq": seq, "ops": [list(op) for op in ops]})
    return b"%08x " % zlib.crc32(payload) + payload + b"\n"


def decode_line(line: bytes) -> tuple[int, list[Op]]:
    """Parse one journal line; raises ``ValueError`` on any damage."""
    if len(line) < 10 or line[8:9] != b" ":
        raise ValueError("malformed journal line")
    payload = line[9:]
    if int(line[:8], 16) != zlib.crc32(payload):
        raise ValueError("journal line checksum mismatch")
    obj = json.loads(payload.decode("utf-8"))
    ops = [(str(t), str(i), d) for t, i, d in obj["ops"]]
    return int(obj["seq"]), ops


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
    ) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.journal_path = self.path.with_suffix(".journal")
        self.lock_path = self.path.with_suffix(".lock")
        self.backups = backups
        self.compact_min_bytes = compact_min_bytes
        self.readonly = readonly
        #: What happened that the user should be told (recoveries, read-only mode).
        self.notices: list[str] = []
        #: Bumped whenever the in-memory data changes (lets tables drop their query caches).
        self.generation = 0

        self._tables: Tables = {}
        self._seq = 0
        self._snap_id: tuple[int, int, int] | None = None
        self._journal_id: tuple[int, int] | None = None
        self._journal_offset = 0
        self._snap_size = 0
        self._needs_compaction = False
        self._restored = False
        self._journal_fd: int | None = None
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._lock_fd: int | None = None
        self._closed = False
        if not readonly:
            try:
                self._lock_fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:
                self.readonly = True
                self.notices.append(
                    f"Annotations are read-only: cannot open the lock file {self.lock_path} "
                    f"({_describe(exc)})."
                )
        with self._locked():
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
            return {name: dict(table) for name, table in self._tables.items()} or None

    def write(self, data: Tables) -> None:
        """Whole-database write (TinyDB's generic path): journals only what differs."""
        with self._locked():
            self._sync()
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
        """Fold the journal into ``annotations.json`` (so the file a user or another tool
        opens holds everything, and backups rotate once per session), then let go."""
        if self._closed:
            return
        if not self.readonly:
            try:
                with self._locked():
                    self._sync()
                    if self._journal_offset or self._needs_compaction:
                        self._compact()
            except (StorageError, OSError) as exc:  # every save is already durable
                self.notices.append(str(exc))
        self._closed = True
        for fd in (self._journal_fd, self._lock_fd):
            if fd is not None:
                os.close(fd)
        self._journal_fd = self._lock_fd = None

    # -- what JournalTable uses ------------------------------------------------------------

    def table_data(self, name: str) -> dict[str, dict[str, Any]]:
        """The live documents of one table, after catching up with other processes."""
        with self._locked():
            self._sync()
            return self._tables.get(name, {})

    def refresh(self) -> int:
        with self._locked():
            self._sync()
            return self.generation

    def apply(self, name: str, updater: Callable[[MutableMapping[str, Any]], None]) -> None:
        """Run a TinyDB updater against one table and make its changes durable."""
        with self._locked():
            self._sync()
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

    # -- internals -------------------------------------------------------------------------

    def _check_writable(self) -> None:
        if self.readonly:
            raise ReadOnlyError(f"annotations in {self.path} are open read-only")

    def _commit(self, ops: list[Op]) -> None:
        if not ops:
            return
        self._check_writable()
        self._append(ops)
        for table, key, doc in ops:
            if doc is None:
                self._tables.get(table, {}).pop(key, None)
            else:
                self._tables.setdefault(table, {})[key] = doc
        self.generation += 1
        if self._needs_compaction or self._journal_offset > max(
            self.compact_min_bytes, self._snap_size
        ):
            try:
                self._compact()
            except StorageError as exc:  # the save itself is durable; compaction can wait
                self.notices.append(str(exc))

    def _open_journal(self) -> int:
        if self._journal_fd is None:
            created = not self.journal_path.exists()
            self._journal_fd = os.open(
                self.journal_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644
            )
            if created:
                fsync_dir(self.path.parent)
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

    def _stat_id(self, path: Path) -> tuple[int, int, int] | None:
        try:
            st = os.stat(path)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def _sync(self) -> None:
        """Catch up with what other processes wrote since we last looked."""
        if self._stat_id(self.path) != self._snap_id:
            self._reload()
            return
        try:
            st = os.stat(self.journal_path)
        except FileNotFoundError:
            if self._journal_id is not None:
                self._reload()
            return
        if self._journal_id is not None and (st.st_dev, st.st_ino) != self._journal_id:
            self._reload()
            return
        if st.st_size != self._journal_offset:
            self._replay(self.journal_path, self._journal_offset, current=True)

    def _reload(self) -> None:
        if self._journal_fd is not None:
            os.close(self._journal_fd)
            self._journal_fd = None
        self._journal_id = None
        self._journal_offset = 0
        self._restored = False
        tables, seq = self._load_snapshot()
        self._tables, self._seq = tables, seq
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
        bad = 0
        changed = False
        while pos < len(data):
            end = data.find(b"\n", pos)
            if end < 0:
                break  # a torn tail: never acknowledged
            line = data[pos:end]
            pos = end + 1
            try:
                seq, ops = decode_line(line)
            except (ValueError, KeyError, TypeError, UnicodeDecodeError):
                bad += 1
                continue
            if seq <= self._seq:
                continue
            for table, key, doc in ops:
                if doc is None:
                    self._tables.get(table, {}).pop(key, None)
                else:
                    self._tables.setdefault(table, {})[key] = doc
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
                f"{count(bad, 'damaged line')} in {path} {were(bad)} skipped; "
                f"a copy of it is kept as {aside}."
            )
            self._needs_compaction = True

    def _aside(self, path: Path) -> Path:
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
        aside = path.with_name(f"{path.name}.damaged-{stamp}")
        n = 1
        while aside.exists():
            n += 1
            aside = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
        return aside

    def _backup_path(self, n: int) -> Path:
        return self.path.with_name(f"{self.path.name}.{n}")

    def _parse_snapshot(self, raw: bytes) -> tuple[Tables, int]:
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise _Damaged(f"not valid JSON ({exc})") from exc
        if not isinstance(data, dict) or not all(
            isinstance(t, dict) and all(isinstance(d, dict) for d in t.values())
            for t in data.values()
        ):
            raise _Damaged("not a TinyDB database")
        meta = data.get(META_TABLE, {}).get(META_ID, {})
        version = meta.get("schema_version", 0)
        seq = meta.get("seq", 0)
        if not isinstance(version, int) or not isinstance(seq, int):
            raise _Damaged("bad schema_version")
        if version > SCHEMA_VERSION and not self.readonly:
            self.readonly = True
            self.notices.append(
                f"{self.path} was written by a newer Shiori (schema {version}); "
                "annotations are read-only."
            )
        tables = {k: v for k, v in data.items() if k != META_TABLE}
        while version < SCHEMA_VERSION:
            tables = MIGRATIONS[version](tables)
            version += 1
            self._needs_compaction = True
        return tables, seq

    def _load_snapshot(self) -> tuple[Tables, int]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            self._snap_id = None
            self._snap_size = 0
            if any(self._backup_path(n).exists() for n in range(1, self.backups + 1)):
                return self._restore(f"{self.path} is missing", None)
            return {}, 0
        self._snap_id = self._stat_id(self.path)
        self._snap_size = len(raw)
        try:
            return self._parse_snapshot(raw)
        except _Damaged as exc:
            if self.readonly:
                raise StorageError(f"{self.path} is damaged ({exc}); opened read-only") from exc
            aside = self._aside(self.path)
            os.replace(self.path, aside)
            fsync_dir(self.path.parent)
            return self._restore(f"{self.path} was damaged ({exc})", aside, raw)

    def _restore(self, why: str, aside: Path | None, damaged: bytes = b"") -> tuple[Tables, int]:
        moved = f"; moved it to {aside}" if aside else ""
        for n in range(1, self.backups + 1):
            backup = self._backup_path(n)
            try:
                raw = backup.read_bytes()
                tables, seq = self._parse_snapshot(raw)
            except (OSError, _Damaged):
                continue
            with suppress(OSError):  # if this fails, the compaction below writes it
                atomic.write_bytes(self.path, raw)
            self._restored = True
            self._needs_compaction = True  # fold the replayed journals in for good
            self._snap_id = self._stat_id(self.path)
            self._snap_size = len(raw)
            kept = len(tables.get("annotations", {}))
            self.notices.append(
                f"{why}{moved} and restored the backup {backup} ({count(kept, 'annotation')}), "
                "then replayed the journal."
            )
            return tables, seq
        # No backup: rebuild from the journal the damaged snapshot had absorbed (.journal.1),
        # overlaid with every whole record line salvaged from the damaged file itself.
        tables: Tables = {}
        seq = 0
        prev = self.journal_path.with_name(self.journal_path.name + ".1")
        for line_seq, ops in _journal_entries(prev):
            _apply(tables, ops)
            seq = max(seq, line_seq)
        salvaged_tables, salvaged_seq = _salvage(damaged)
        for name, table in salvaged_tables.items():
            tables.setdefault(name, {}).update(table)
        seq = max(seq, salvaged_seq)
        salvaged = sum(len(t) for t in salvaged_tables.values())
        self.notices.append(
            f"{why}{moved}; no good backup was found, so {count(salvaged, 'record')} "
            f"{were(salvaged)} salvaged "
            f"from the damaged file and the journal {self.journal_path} was replayed."
        )
        self._needs_compaction = True
        return tables, seq

    def _compact(self) -> None:
        """Write a new snapshot holding everything, rotate backups, retire the journal."""
        try:
            self._compact_snapshot()
        except OSError as exc:
            raise StorageError(
                f"could not write {self.path}: {_describe(exc)}; the previous file is intact"
            ) from exc

    def _compact_snapshot(self) -> None:
        data: dict[str, Any] = {
            META_TABLE: {
                META_ID: {
                    "schema_version": SCHEMA_VERSION,
                    "seq": self._seq,
                    "written": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                }
            }
        }
        data.update(self._tables)
        raw = _dump_snapshot(data)
        atomic.write_bytes(self.path, raw, before_replace=self._rotate_backups)
        self._needs_compaction = False
        self._snap_id = self._stat_id(self.path)
        self._snap_size = len(raw)
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
        fsync_dir(self.path.parent)

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
