"""The annotation store never loses an acknowledged save: crashes, races, damage, full disks."""

from __future__ import annotations

import errno
import json
import os
import random
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from tinydb import Query
from tinydb.table import Document

from store.annotations.db import open_db
from store.annotations.storage import JournalStorage, StorageError

ROOT = Path(__file__).resolve().parent.parent


def _put(db, ident: str, **fields) -> None:
    db.table("annotations").insert(Document({"id": ident, **fields}, doc_id=ident))


def _ids(path: Path) -> set[str]:
    db = open_db(path)
    try:
        return {d["id"] for d in db.table("annotations").all()}
    finally:
        db.close()


def test_saved_records_come_back_in_utf8_without_escapes(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    db = open_db(path)
    _put(db, "a", quote="日米同盟の強化", tags=["外交"])
    db.storage.compact()
    _put(db, "b", quote="収斂", tags=["語彙"])
    journal = path.with_suffix(".journal").read_text("utf-8")
    assert "収斂" in journal and "\\u" not in journal  # a save is one journal line
    db.close()  # closing folds the journal into annotations.json
    snapshot = path.read_text("utf-8")
    assert "日米同盟の強化" in snapshot and "収斂" in snapshot and "\\u" not in snapshot
    db = open_db(path)
    found = db.table("annotations").search(Query().tags.any(["語彙"]))
    assert [d["quote"] for d in found] == ["収斂"]
    # The snapshot is a plain TinyDB JSON file with a schema version.
    data = json.loads(path.read_text("utf-8"))
    assert data["_meta"]["schema"]["schema_version"] == 1
    assert data["annotations"]["a"]["quote"] == "日米同盟の強化"


def test_update_and_delete_survive_reopen(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    db = open_db(path)
    _put(db, "a", note="first")
    _put(db, "b", note="second")
    db.table("annotations").update({"note": "changed"}, doc_ids=["a"])
    db.table("annotations").remove(doc_ids=["b"])
    db.close()
    db = open_db(path)
    assert db.table("annotations").all() == [{"id": "a", "note": "changed"}]


WRITER = textwrap.dedent(
    """
    import sys
    from tinydb.table import Document
    from store.annotations.db import open_db
    db = open_db(sys.argv[1], compact_min_bytes=int(sys.argv[2]))
    table = db.table("annotations")
    prefix, count = sys.argv[3], int(sys.argv[4])
    for i in range(count):
        ident = f"{prefix}-{i}"
        table.insert(Document({"id": ident, "quote": "栞を挟む" * 20, "n": i}, doc_id=ident))
        print(ident, flush=True)
    """
)


def _writer(path: Path, prefix: str, count: int, compact: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(compact), prefix, str(count)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow  # 24 writer processes started and killed
def test_kill_9_mid_stream_never_loses_an_acknowledged_save(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    rng = random.Random(5)
    acknowledged: set[str] = set()
    for round_ in range(24):
        # A small compaction threshold so some kills land during compaction too.
        proc = _writer(path, f"r{round_}", 100_000, compact=rng.choice([2048, 8192, 1 << 20]))
        assert proc.stdout is not None
        first = proc.stdout.readline()  # the writer is up and saving
        assert first, proc.stderr.read() if proc.stderr else ""
        acknowledged.add(first.strip())
        time.sleep(rng.uniform(0.0, 0.15))
        proc.kill()
        out, _ = proc.communicate()
        acknowledged.update(line.strip() for line in out.splitlines() if line.strip())
        stored = _ids(path)  # the file always loads...
        missing = acknowledged - stored
        assert not missing, f"round {round_}: lost {sorted(missing)[:5]}"  # ...with every save
    assert len(acknowledged) > 24


def test_two_processes_saving_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    procs = [_writer(path, name, 150, compact=4096) for name in ("left", "right")]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    stored = _ids(path)
    expected = {f"{name}-{i}" for name in ("left", "right") for i in range(150)}
    assert stored == expected


def test_an_open_instance_sees_what_another_saved(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    first = open_db(path)
    second = open_db(path)
    _put(first, "from-first", note="x")
    _put(second, "from-second", note="y")
    assert {d["id"] for d in first.table("annotations").all()} == {"from-first", "from-second"}
    second.storage.compact()  # another process compacts under our feet
    _put(first, "after", note="z")
    assert len(second.table("annotations").search(Query().note == "z")) == 1


def _three_generations(path: Path) -> None:
    db = open_db(path)
    _put(db, "old", note="in the backup")
    db.storage.compact()
    _put(db, "middle", note="in the damaged snapshot only")
    db.storage.compact()
    _put(db, "new", note="in the journal")
    db.close()


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],
        lambda raw: b"",
        lambda raw: b"\x00\xff garbage \x89PNG" * 10,
        lambda raw: b'{"annotations": [1, 2, 3]}',
    ],
    ids=["truncated", "empty", "garbage", "wrong-shape"],
)
def test_damaged_database_is_moved_aside_and_restored_from_backup(tmp_path: Path, damage) -> None:
    path = tmp_path / "annotations.json"
    _three_generations(path)
    damaged_bytes = damage(path.read_bytes())
    path.write_bytes(damaged_bytes)

    storage = JournalStorage(path)
    ids = set(storage.table_data("annotations"))
    assert ids == {"old", "middle", "new"}
    [notice] = storage.notices
    aside = next(tmp_path.glob("annotations.json.damaged-*"))
    assert str(path) in notice and str(aside) in notice
    assert str(tmp_path / "annotations.json.1") in notice
    assert aside.read_bytes() == damaged_bytes  # kept for the user, not deleted
    storage.close()
    # Restored for good: the next open is clean.
    again = JournalStorage(path)
    assert again.notices == [] and set(again.table_data("annotations")) == ids


def test_damaged_database_without_backup_is_never_silently_emptied(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    db = open_db(path)
    _put(db, "a", note="only in the journal")
    db.close()
    path.write_bytes(b"{not json")
    storage = JournalStorage(path)
    assert set(storage.table_data("annotations")) == {"a"}
    assert "no good backup" in storage.notices[0]
    assert list(tmp_path.glob("annotations.json.damaged-*"))


def test_a_torn_journal_tail_is_cut_and_saving_continues(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    db = open_db(path)
    _put(db, "a", note="kept")
    db.close()
    with path.with_suffix(".journal").open("ab") as fh:
        fh.write(b'0badc0de {"seq":2,"ops":[["annotations","half')  # killed mid-write
    db = open_db(path)
    _put(db, "b", note="after the crash")
    db.close()
    assert _ids(path) == {"a", "b"}


def test_a_garbage_journal_line_is_reported_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    db = open_db(path)
    _put(db, "a")
    db.close()
    with path.with_suffix(".journal").open("ab") as fh:
        fh.write(b"this is not a journal line\n")
    storage = JournalStorage(path)
    assert set(storage.table_data("annotations")) == {"a"}
    assert "damaged line" in storage.notices[0]


def test_full_disk_on_save_leaves_previous_state_and_raises(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "annotations.json"
    db = open_db(path)
    _put(db, "a", note="before")
    journal_before = path.with_suffix(".journal").read_bytes()

    real_write = os.write

    def half_write(fd: int, data) -> int:
        real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", half_write)
    with pytest.raises(StorageError, match="disk is full"):
        _put(db, "b", note="lost to a full disk")
    monkeypatch.setattr(os, "write", real_write)
    assert path.with_suffix(".journal").read_bytes() == journal_before
    assert {d["id"] for d in db.table("annotations").all()} == {"a"}
    _put(db, "c", note="after space was freed")
    db.close()
    assert _ids(path) == {"a", "c"}


def test_full_disk_during_compaction_keeps_the_snapshot(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "annotations.json"
    db = open_db(path)
    _put(db, "a")
    db.storage.compact()
    snapshot = path.read_bytes()
    _put(db, "b")

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(StorageError, match="previous file is intact"):
        db.storage.compact()
    monkeypatch.undo()
    assert path.read_bytes() == snapshot
    assert not list(tmp_path.glob(".*.tmp"))
    db.close()
    assert _ids(path) == {"a", "b"}


FSIZE_CHILD = textwrap.dedent(
    """
    import resource, signal, sys
    from tinydb.table import Document
    from store.annotations.db import open_db
    from store.annotations.storage import StorageError
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of being killed
    db = open_db(sys.argv[1])
    limit = int(sys.argv[2])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    try:
        db.table("annotations").insert(Document({"id": "big", "quote": "長" * 5000}, doc_id="big"))
    except StorageError as exc:
        print("ERROR", exc)
        sys.exit(3)
    print("saved")
    """
)


def test_file_size_limit_in_a_real_process_reports_an_error(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    db = open_db(path)
    _put(db, "a", note="before")
    db.close()
    journal = path.with_suffix(".journal")
    size = journal.stat().st_size
    result = subprocess.run(
        [sys.executable, "-c", FSIZE_CHILD, str(path), str(size + 100)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 3, result.stderr
    assert "ERROR could not save" in result.stdout and "disk is full" in result.stdout
    assert journal.stat().st_size == size
    assert _ids(path) == {"a"}


def test_plain_tinydb_file_is_migrated_with_backup(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    path.write_text(
        json.dumps({"annotations": {"1": {"quote": "旧い"}, "2": {"quote": "形式"}}}), "utf-8"
    )
    storage = JournalStorage(path)
    docs = storage.table_data("annotations")
    assert sorted(d["quote"] for d in docs.values()) == ["形式", "旧い"]
    assert all(key == doc["id"] and len(key) == 36 for key, doc in docs.items())
    assert json.loads(path.read_text("utf-8"))["_meta"]["schema"]["schema_version"] == 1
    backup = json.loads((tmp_path / "annotations.json.1").read_text("utf-8"))
    assert backup["annotations"]["1"]["quote"] == "旧い"  # the old file, kept as it was


def test_newer_schema_opens_read_only_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    path.write_text(
        json.dumps({"_meta": {"schema": {"schema_version": 99, "seq": 0}}, "annotations": {}})
    )
    db = open_db(path)
    assert "newer Shiori" in db.storage.notices[0]
    with pytest.raises(StorageError, match="read-only"):
        _put(db, "a")


def test_without_a_backup_whole_records_are_salvaged_from_a_truncated_file(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    db = open_db(path)
    for i in range(20):
        _put(db, f"r{i:02d}", quote="栞" * 40)
    db.storage.compact()  # the first snapshot: there is no backup yet
    _put(db, "after", quote="in the journal")  # (the app is still running: no close)
    raw = path.read_bytes()
    path.write_bytes(raw[: int(len(raw) * 0.6)])
    (tmp_path / "annotations.journal.1").unlink()  # lost too: only the file itself is left
    storage = JournalStorage(path)
    ids = set(storage.table_data("annotations"))
    assert "after" in ids and "r00" in ids
    assert 10 <= len(ids) < 21  # every whole line before the cut
    assert "salvaged" in storage.notices[0] and "no good backup" in storage.notices[0]
