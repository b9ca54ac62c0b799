"""The library index: one SQLite database in the cache folder (standard library only).

It holds, per document, what the library shows without opening it (title, author, date,
when it was added, its size) and, per block, the text for search: a ``blocks`` table with the
block's text and section, and an FTS5 table over the same text *one token per character*
(folded: case, full/half width), so any substring of Japanese is found with a phrase query of
its characters, whatever its length. Word forms (取り組む → 取り組み) are not indexed: the
engine finds their stems here and asks the analyser only where one occurs (``engine.py`` and
docs/library.md say why: analysing everything at indexing time would halve its speed).

It is only a cache, built incrementally: a document is (re)indexed when its size or mtime
changed *and* its text did (content hash), documents gone from the library are dropped, and
each document is committed on its own, so an interrupted build keeps what it did. A damaged
or outdated database is deleted and rebuilt, never an error; where the cache folder cannot be
written the index lives in memory for the run. Two processes may sync at once (WAL, a busy
timeout, each document re-checked inside its write transaction).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from store.japanese.matching import fold
from store.japanese.selectors import SELECTOR_RE
from store.search.plans import TermPlan, analyser_fingerprint, make_plan

if TYPE_CHECKING:
    from store.model import Document

#: Bump when the schema or the tokens change: an index of another format is rebuilt.
#: 3: footnotes are indexed too (``blocks.note``, ``blocks.at``).
FORMAT = "3"
FILE_NAME = "index.sqlite3"
#: One token per non-space character (every category but separators and controls).
TOKENIZE = "unicode61 remove_diacritics 0 categories 'L* N* Co M* P* S*'"
#: Seconds a writer waits for another process's transaction.
BUSY_TIMEOUT = 30.0

#: SQLite errors that say the database is busy or cannot be written, not that it is damaged.
_NOT_DAMAGE = frozenset(
    {
        "SQLITE_BUSY",
        "SQLITE_LOCKED",
        "SQLITE_READONLY",
        "SQLITE_FULL",
        "SQLITE_CANTOPEN",
        "SQLITE_IOERR",
        "SQLITE_INTERRUPT",
        "SQLITE_PERM",
    }
)

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta(name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents(
    id INTEGER PRIMARY KEY,
    key TEXT UNIQUE NOT NULL,
    path TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    title TEXT NOT NULL,
    author TEXT NOT NULL,
    date TEXT NOT NULL,
    added REAL NOT NULL,
    chars INTEGER NOT NULL,
    error TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS blocks(
    id INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL,
    block INTEGER NOT NULL,
    base INTEGER NOT NULL,
    section TEXT NOT NULL,
    text TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS blocks_doc ON blocks(doc, block);
CREATE VIRTUAL TABLE IF NOT EXISTS chars USING fts5(
    text, content='', columnsize=0, tokenize="{TOKENIZE}"
);
CREATE TABLE IF NOT EXISTS analyses(word TEXT PRIMARY KEY, plan TEXT NOT NULL);
"""
#: Milliseconds a search waits to keep a term's plan before doing without (it is a cache).
PLAN_WRITE_TIMEOUT_MS = 200
#: Plans kept: the search as you type keeps one per term typed; now and then the oldest go
#: (made again when next searched for).
PLANS_KEPT = 2000


class IndexDamaged(Exception):
    """The database cannot be used as it is (caught here: the index is rebuilt)."""


def index_path() -> Path:
    from store.paths import cache_dir

    return cache_dir() / "library" / FILE_NAME


def char_tokens(text: str) -> str:
    """What the FTS table indexes for ``text``: its folded characters, spaces and variation
    selectors dropped (葛󠄀飾 is indexed as 葛飾), one token each."""
    return " ".join("".join(fold(SELECTOR_RE.sub("", text)).split()))


def phrase(text: str) -> str:
    """An FTS5 phrase matching ``text`` anywhere (its characters in a row), or "" if
    ``text`` has no character to index."""
    chars = "".join(fold(SELECTOR_RE.sub("", text)).split())
    if not chars:
        return ""
    return '"' + " ".join(chars).replace('"', '""') + '"'


def sections(doc: Document) -> list[str]:
    """The innermost heading each block sits under (a heading is its own section)."""
    out: list[str] = []
    current = ""
    for block in doc.blocks:
        if block.kind == "heading":
            current = " ".join(block.text.split())
        out.append(current)
    return out


@dataclass(frozen=True, slots=True)
class DocRecord:
    """What the index knows of one document (``error`` set: it did not import)."""

    id: int
    key: str
    path: str
    size: int
    mtime_ns: int
    content_hash: str
    title: str
    author: str
    date: str
    added: float
    chars: int
    error: str


RECORD_COLUMNS = (
    "id, key, path, size, mtime_ns, content_hash, title, author, date, added, chars, error"
)


@dataclass(frozen=True, slots=True)
class BlockRow:
    """One indexed block: where it is (document id, block index, offset in the base text).

    A footnote is a row of its own (``note``: its id; ``text``: the note's): ``block`` is the
    paragraph holding its marker and ``at`` the marker's offset there (``Ref.offset``), so
    it is read, ranked and sectioned where its marker is; ``base`` is that block's too."""

    id: int
    doc: int
    block: int
    base: int
    section: str
    text: str
    note: str = ""
    at: int = 0


#: A block as :meth:`LibraryIndex.matching_rows` gives it: :class:`BlockRow`'s fields.
RowTuple = tuple[int, int, int, int, str, str, str, int]
_ROW_COLUMNS = "id, doc, block, base, section, text, note, at"


@dataclass
class SyncReport:
    indexed: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    #: Bytes of the files that were read (imported or checked) and seconds it took.
    bytes: int = 0
    seconds: float = 0.0
    #: Said once to the user: the index was damaged or could not be kept on disk.
    notices: list[str] = field(default_factory=list)


Progress = Callable[[int, int], None]


def _stat(path: Path) -> tuple[int, int] | None:
    """A file's size and modification time (ns): what tells the index a file changed."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def read_catalog(path: Path | None = None) -> dict[str, DocRecord]:
    """The catalog as it is on disk, read-only and at once (the app's first paint): nothing
    is created, waited for or repaired here, and any trouble is an empty catalog (the
    background sync repairs and fills it)."""
    path = path if path is not None else index_path()
    if not path.is_file():
        return {}
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.2)
    except sqlite3.Error:
        return {}
    try:
        row = db.execute("SELECT value FROM meta WHERE name='format'").fetchone()
        if row is None or row[0] != FORMAT:
            return {}
        rows = db.execute(
            f"SELECT {RECORD_COLUMNS} FROM documents"
        ).fetchall()
        return {r[1]: DocRecord(*r) for r in rows}
    except sqlite3.Error:
        return {}
    finally:
        db.close()


class LibraryIndex:
    """An open index. One per thread (an SQLite connection is not shared across threads)."""

    def __init__(self, path: Path | None = None) -> None:
        """``path`` None: the user's cache folder; ``Path(":memory:")`` for a throw-away one."""
        self.path = path if path is not None else index_path()
        self.notices: list[str] = []
        self._db = self._open()
        #: Whether the kept plans were checked against the analyser of this run.
        self._plans_checked = False

    # -- opening, damage ---------------------------------------------------------------------

    @property
    def in_memory(self) -> bool:
        return str(self.path) == ":memory:"

    def _connect(self) -> sqlite3.Connection:
        if not self.in_memory:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT, isolation_level=None)
        try:
            if not self.in_memory:
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(_SCHEMA)
            row = db.execute("SELECT value FROM meta WHERE name='format'").fetchone()
            if row is None:
                db.execute("INSERT OR REPLACE INTO meta VALUES('format', ?)", (FORMAT,))
            elif row[0] != FORMAT:
                raise IndexDamaged(f"index format {row[0]}, expected {FORMAT}")
        except BaseException:
            db.close()
            raise
        return db

    def _open(self) -> sqlite3.Connection:
        try:
            return self._connect()
        except (sqlite3.DatabaseError, IndexDamaged) as exc:
            if isinstance(exc, sqlite3.DatabaseError) and not is_damage(exc):
                return self._in_memory(exc)
            self._discard(exc)
            try:
                return self._connect()
            except (sqlite3.DatabaseError, IndexDamaged) as again:
                return self._in_memory(again)
        except OSError as exc:
            return self._in_memory(exc)

    def _in_memory(self, why: BaseException) -> sqlite3.Connection:
        """The cache folder cannot hold the index: keep it in memory for this run."""
        self.notices.append(f"the library index is kept in memory for now ({why})")
        self.path = Path(":memory:")
        return self._connect()

    def _discard(self, why: BaseException) -> None:
        """Delete a damaged (or outdated) database; it is rebuilt by the next sync."""
        if not isinstance(why, IndexDamaged):
            self.notices.append(f"the library index was damaged ({why}); rebuilding it")
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(f"{self.path}{suffix}").unlink()

    def rebuild(self, why: BaseException) -> None:
        """Start again from an empty index (after damage found while using it)."""
        self._plans_checked = False
        with contextlib.suppress(sqlite3.Error):
            self._db.close()
        if self.in_memory:
            self._db = self._connect()
            return
        self._discard(why)
        self._db = self._open()

    def guarded(self, action: Callable[[], object]) -> object:
        """Run ``action``; if the database turns out damaged, rebuild it and run it again."""
        try:
            return action()
        except sqlite3.DatabaseError as exc:
            if not is_damage(exc):
                raise
            self.rebuild(exc)
            return action()

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._db.close()

    def __enter__(self) -> LibraryIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading -----------------------------------------------------------------------------

    def records(self) -> dict[str, DocRecord]:
        """Every document the index knows, by key."""
        rows = self._db.execute(
            f"SELECT {RECORD_COLUMNS} FROM documents"
        ).fetchall()
        return {row[1]: DocRecord(*row) for row in rows}

    def record(self, key: str) -> DocRecord | None:
        row = self._db.execute(
            f"SELECT {RECORD_COLUMNS} FROM documents WHERE key=?",
            (key,),
        ).fetchone()
        return DocRecord(*row) if row else None

    def file_facts(self) -> dict[str, tuple[int, int]]:
        """Each indexed document's file as it was when indexed: ``key -> (size, mtime_ns)``."""
        rows = self._db.execute("SELECT key, size, mtime_ns FROM documents")
        return {key: (size, mtime) for key, size, mtime in rows}

    def stale(
        self,
        entries: Iterable[tuple[str, Path]],
        known: dict[str, tuple[int, int]] | None = None,
    ) -> list[tuple[str, Path]]:
        """The entries whose file differs from what was indexed, or is new: one stat each,
        size and time to the nanosecond (an edit that keeps the size still changes the time;
        only then is the file read, and indexed again if its content hash changed)."""
        known = self.file_facts() if known is None else known
        return [(key, path) for key, path in entries if known.get(key) != _stat(path)]

    def matching_rows(self, fts_query: str, docs: Iterable[int] | None = None) -> Iterator[RowTuple]:
        """Blocks whose characters match ``fts_query`` (FTS5 syntax) as plain tuples
        ``(id, doc, block, base, section, text, note, at)`` (:class:`BlockRow`'s fields), a document's in
        reading order (block ids are given in order as a document is indexed), documents in
        no particular order: the search ranks them, and makes objects only of what it shows."""
        sql = (
            "SELECT b.id, b.doc, b.block, b.base, b.section, b.text, b.note, b.at FROM chars"
            " JOIN blocks b ON b.id = chars.rowid WHERE chars MATCH ?"
        )
        params: list[object] = [fts_query]
        wanted = list(docs) if docs is not None else None
        if wanted is not None:
            if not wanted:
                return iter(())
            sql += f" AND b.doc IN ({','.join('?' * len(wanted))})"
            params += wanted
        return iter(self._db.execute(sql, params))

    def blocks_of(self, doc_id: int) -> list[BlockRow]:
        return [
            BlockRow(*row)
            for row in self._db.execute(
                f"SELECT {_ROW_COLUMNS} FROM blocks WHERE doc=? ORDER BY block, note != '', at",
                (doc_id,),
            )
        ]

    # -- the plans of query terms (store.search.plans) ---------------------------------------

    def plan(self, text: str, *, analyse: bool) -> TermPlan:
        """How to find the term ``text`` (``analyse``: as a word, with its other forms): the
        plan kept from an earlier search if it was made by this analyser, else made now and
        kept. Trouble with the table only costs the time to make the plan again."""
        kept = self._kept_plan(text)
        if kept is not None and (kept.analysed or not analyse):
            return kept
        plan = make_plan(text, analyse=analyse)
        self._keep_plan(plan)
        return plan

    def _kept_plan(self, text: str) -> TermPlan | None:
        try:
            self._check_plans()
            row = self._db.execute("SELECT plan FROM analyses WHERE word=?", (text,)).fetchone()
        except sqlite3.Error:
            return None
        if row is None:
            return None
        try:
            return TermPlan.from_json(text, row[0])
        except (ValueError, KeyError, TypeError, IndexError):
            return None

    def _check_plans(self) -> None:
        """Forget the kept plans if the analyser (or Unicode, or the plan format) changed."""
        if self._plans_checked:
            return
        fingerprint = analyser_fingerprint()
        row = self._db.execute("SELECT value FROM meta WHERE name='analyser'").fetchone()
        if row is None or row[0] != fingerprint:
            with self._short_wait():
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    self._db.execute("DELETE FROM analyses")
                    self._db.execute(
                        "INSERT OR REPLACE INTO meta VALUES('analyser', ?)", (fingerprint,)
                    )
                    self._db.execute("COMMIT")
                except BaseException:
                    with contextlib.suppress(sqlite3.Error):
                        self._db.execute("ROLLBACK")
                    raise
        self._plans_checked = True

    def _keep_plan(self, plan: TermPlan) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._check_plans()
            with self._short_wait():
                self._write_plan(plan)

    def _write_plan(self, plan: TermPlan) -> None:
        cur = self._db.execute(
            "INSERT OR REPLACE INTO analyses(word, plan) VALUES (?, ?)",
            (plan.text, plan.to_json()),
        )
        if (cur.lastrowid or 0) % PLANS_KEPT == 0:  # now and then: the latest only
            self._db.execute(
                "DELETE FROM analyses WHERE rowid <= ?", ((cur.lastrowid or 0) - PLANS_KEPT,)
            )

    @contextlib.contextmanager
    def _short_wait(self) -> Iterator[None]:
        """A write of a plan waits for another writer only briefly (a search must not wait
        on another process's indexing for a cache)."""
        self._db.execute(f"PRAGMA busy_timeout={PLAN_WRITE_TIMEOUT_MS}")
        try:
            yield
        finally:
            self._db.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT * 1000)}")

    def size_on_disk(self) -> int:
        if self.in_memory:
            return 0
        return sum(
            Path(f"{self.path}{s}").stat().st_size
            for s in ("", "-wal")
            if Path(f"{self.path}{s}").exists()
        )

    def text_bytes(self) -> int:
        """UTF-8 bytes of the indexed text."""
        row = self._db.execute("SELECT COALESCE(SUM(LENGTH(CAST(text AS BLOB))), 0) FROM blocks")
        return int(row.fetchone()[0])

    # -- writing -----------------------------------------------------------------------------

    def put(
        self, key: str, path: Path, doc: Document | None, *, error: str = "", added: float | None = None
    ) -> bool:
        """Index ``doc`` (or record that ``path`` did not import: ``error``) under ``key``.

        Returns False when the document was already indexed with this text (only its file
        facts are updated). ``added`` is when it joined the library (default: kept, else now).
        """
        facts = _stat(path) or (0, 0)
        content_hash = doc.content_hash if doc is not None else ""
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            old = self.record(key)
            if old is not None and old.content_hash == content_hash and old.error == error:
                db.execute(
                    "UPDATE documents SET path=?, size=?, mtime_ns=? WHERE id=?",
                    (str(path), *facts, old.id),
                )
                db.execute("COMMIT")
                return False
            if old is not None:
                self._drop_blocks(old.id)
            when = added if added is not None else (old.added if old is not None else time.time())
            values = (
                key,
                str(path),
                *facts,
                content_hash,
                " ".join((doc.title if doc else path.stem).split()),
                " ".join(str(doc.metadata.get("author", "") if doc else "").split()),
                " ".join(str(doc.metadata.get("date", "") if doc else "").split()),
                when,
                len(doc.base_text) if doc else 0,
                error,
            )
            if old is None:
                cur = db.execute(
                    "INSERT INTO documents(key, path, size, mtime_ns, content_hash, title, author,"
                    " date, added, chars, error) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    values,
                )
                doc_id = int(cur.lastrowid or 0)
            else:
                doc_id = old.id
                db.execute(
                    "UPDATE documents SET key=?, path=?, size=?, mtime_ns=?, content_hash=?,"
                    " title=?, author=?, date=?, added=?, chars=?, error=? WHERE id=?",
                    (*values, doc_id),
                )
            if doc is not None:
                self._add_blocks(doc_id, doc)
            db.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise
        return True

    def _add_blocks(self, doc_id: int, doc: Document) -> None:
        heads = sections(doc)
        rows = [
            (doc_id, i, base, section, block.text, "", 0)
            for i, (block, base, section) in enumerate(
                zip(doc.blocks, doc.block_starts, heads, strict=True)
            )
            if block.text.strip()
        ]
        anchors = doc.note_anchors()
        for note in doc.footnotes:  # searched like the text, read where their marker is
            if note.text.strip():
                block, at = anchors[note.id]
                base = doc.block_starts[block] if doc.blocks else 0
                section = heads[block] if doc.blocks else ""
                rows.append((doc_id, block, base, section, note.text, note.id, at))
        db = self._db
        first = db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM blocks").fetchone()[0]
        db.executemany(
            "INSERT INTO blocks(id, doc, block, base, section, text, note, at)"
            " VALUES (?,?,?,?,?,?,?,?)",
            [(first + n, *row) for n, row in enumerate(rows)],
        )
        db.executemany(
            "INSERT INTO chars(rowid, text) VALUES (?, ?)",
            [(first + n, char_tokens(row[4])) for n, row in enumerate(rows)],
        )

    def _drop_blocks(self, doc_id: int) -> None:
        db = self._db
        rows = db.execute("SELECT id, text FROM blocks WHERE doc=?", (doc_id,)).fetchall()
        # A contentless FTS table forgets a row given the tokens it indexed for it.
        db.executemany(
            "INSERT INTO chars(chars, rowid, text) VALUES ('delete', ?, ?)",
            [(rid, char_tokens(text)) for rid, text in rows],
        )
        db.execute("DELETE FROM blocks WHERE doc=?", (doc_id,))

    def remove(self, key: str) -> bool:
        """Forget the document ``key``; False if it was not indexed."""
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            old = self.record(key)
            if old is not None:
                self._drop_blocks(old.id)
                db.execute("DELETE FROM documents WHERE id=?", (old.id,))
            db.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise
        return old is not None

    def add_file(self, key: str, path: Path, *, added: float | None = None) -> DocRecord:
        """Import ``path`` (through the document cache) and index it now (``shiori add``)."""
        doc, error = _import(path, remember=True)
        self.guarded(lambda: self.put(key, path, doc, error=error, added=added))
        record = self.record(key)
        assert record is not None
        return record

    def sync(
        self,
        entries: Iterable[tuple[str, Path]],
        *,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> SyncReport:
        """Bring the index up to date with the library's documents ``(key, path)``.

        ``progress(done_bytes, total_bytes)`` hears how far it got; ``cancelled()`` is asked
        between documents (what is done so far stays done).
        """
        report = SyncReport()
        started = time.perf_counter()
        entries = list(entries)
        work: list[tuple[str, Path]] = []
        for attempt in range(2):
            try:
                known = self.file_facts()
                report.removed += self._forget_missing(known, {key for key, _ in entries})
                work = self.stale(entries, known)
                break
            except sqlite3.DatabaseError as exc:
                if attempt or not is_damage(exc):
                    raise
                self.rebuild(exc)
        total = sum((_stat(p) or (0, 0))[0] for _, p in work)
        report.unchanged = len(entries) - len(work)
        done = 0
        if progress is not None and work:
            progress(0, total)
        queue = list(reversed(work))
        rebuilt = False
        while queue:
            if cancelled is not None and cancelled():
                break
            key, path = queue.pop()
            size = (_stat(path) or (0, 0))[0]
            doc, error = _import(path, remember=False)
            try:
                changed = self._put_new(key, path, doc, error)
            except sqlite3.DatabaseError as exc:
                if rebuilt or not is_damage(exc):
                    raise
                # Damage found half-way: start again from an empty index, all documents.
                self.rebuild(exc)
                rebuilt = True
                queue = list(reversed(entries))
                done, total = 0, sum((_stat(p) or (0, 0))[0] for _, p in entries)
                report.indexed = report.unchanged = 0
                continue
            if error:
                report.failed.append((key, error))
            if changed:
                report.indexed += 1
            else:
                report.unchanged += 1
            done += size
            report.bytes += size
            if progress is not None:
                progress(done, total)
        report.seconds = time.perf_counter() - started
        report.notices = self.notices
        return report

    def _put_new(self, key: str, path: Path, doc: Document | None, error: str) -> bool:
        """``put`` for a sync: a document new to the index joined the library when its file
        was written (the best guess there is)."""
        added = None
        if self.record(key) is None:
            facts = _stat(path)
            added = min(time.time(), facts[1] / 1e9) if facts else None
        return self.put(key, path, doc, error=error, added=added)

    def _forget_missing(self, known: Iterable[str], keep: set[str]) -> int:
        gone = [key for key in known if key not in keep]
        for key in gone:
            self.remove(key)
        return len(gone)


def is_damage(exc: sqlite3.DatabaseError) -> bool:
    """The database is damaged (not merely busy, read-only or on a full disk)."""
    name = getattr(exc, "sqlite_errorname", "")
    if name in _NOT_DAMAGE:
        return False
    # "database is locked" comes without a code on some builds
    return "locked" not in str(exc)


def _import(path: Path, *, remember: bool) -> tuple[Document | None, str]:
    """The imported document, or None and a one-line reason."""
    from store.document_cache import load_document

    try:
        doc = load_document(path, remember=remember)
    except Exception as exc:  # ImportFailed, or anything a strange file provokes
        return None, " ".join(str(exc).split()) or type(exc).__name__
    return doc, ""


def default_entries() -> list[tuple[str, Path]]:
    """Every document of the library (bundled and the user's) as ``(key, path)``."""
    from store.library import Library

    return [(e.key, e.path) for e in Library().entries()]

