"""Issue 14, the store never hides data (cases 11, 12, 14, 15, 16) and keeps its hot path
short at scale (case 19: a save never reads or rewrites the big table)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import pytest
from hostile import QUOTE, SNIPPET, shiori

from store.annotations import snapshot
from store.annotations.repository import ANNOTATIONS, Repository
from store.annotations.storage import SET_ASIDE, JournalStorage
from store.model import Block, Document

ROOT = Path(__file__).resolve().parent.parent
TEXT = (
    "強固な日米同盟は、日本の外交及び安全保障の基軸である。米国は日本にとって唯一の同盟国である。"
)
DOC = Document("北米", [Block("heading", "概観", level=1), Block("paragraph", TEXT)])


def span(quote: str, doc: Document = DOC) -> tuple[int, int]:
    start = doc.base_text.index(quote)
    return start, start + len(quote)


def fill(path: Path, count: int, *, compact_every: int = 0) -> list[str]:
    repo = Repository(path)
    ids = []
    for i in range(count):
        ids.append(repo.create("seed:a.txt", DOC, *span("日米同盟"), note=f"n{i}").id)
        if compact_every and (i + 1) % compact_every == 0:
            repo.db.storage.compact()
    repo.close()
    return ids


def test_11_an_emptied_snapshot_is_reported_and_the_newest_state_restored(
    tmp_path: Path, capsys
) -> None:
    path = tmp_path / "annotations.json"
    ids = fill(path, 220, compact_every=50)  # backups hold 200, the journal the rest
    path.write_text("{}", "utf-8")  # echo '{}' > annotations.json
    repo = Repository(path)
    assert {a.id for a in repo.list()} == set(ids)
    [notice] = repo.notices
    assert "is older than" in notice and "annotations.json.1" in notice
    stale = list(tmp_path.glob("annotations.json.stale-*"))
    assert len(stale) == 1 and stale[0].read_text("utf-8") == "{}"  # kept, not deleted
    repo.close()
    again = Repository(path)
    assert again.notices == [] and len(again.list()) == 220
    again.close()


def test_11_a_snapshot_replaced_by_an_older_copy_is_caught(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    fill(path, 10)
    old_copy = path.read_bytes()
    repo = Repository(path)
    for _ in range(5):
        repo.create("seed:a.txt", DOC, *span("唯一の同盟国"))
    repo.db.storage.compact()
    repo.create("seed:a.txt", DOC, *span("唯一の同盟国"), note="newest")
    repo.close()
    path.write_bytes(old_copy)  # e.g. restored from an old backup by hand
    repo = Repository(path)
    assert len(repo.list()) == 16 and "is older than" in repo.notices[0]
    repo.close()


def test_11_through_the_command_line_the_listing_says_so(tmp_path: Path, capsys) -> None:
    doc = tmp_path / "na.md"
    doc.write_text(SNIPPET, "utf-8")
    for _ in range(3):
        assert shiori(capsys, "annotate", doc, "--quote", QUOTE)[0] == 0
    data = Path(os.environ["SHIORI_DATA_DIR"]) / "annotations.json"
    data.write_text("{}", "utf-8")
    code, out, err = shiori(capsys, "annotations", "list")
    assert code == 0 and len(out.splitlines()) == 3
    assert "is older than" in err and err.count("\n") == 1


def _raw_record(path: Path, key: str, value: object) -> None:
    """Put a record into the snapshot as an older Shiori or a hand edit would."""
    data = json.loads(path.read_text("utf-8"))
    data["annotations"][key] = value
    data["_meta"]["schema"].pop("tail", None)
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


@pytest.mark.parametrize(
    "bad",
    [
        {"id": "x"},
        {"id": "x", "doc": "seed:a.txt", "anchor": {"start": "1", "end": 4, "exact": "日米"}},
        {"id": "x", "doc": "lib:../../etc/passwd", "anchor": {"start": 1, "end": 4, "exact": "a"}},
        {
            "id": "x",
            "doc": "seed:a.txt",
            "anchor": {"start": 1, "end": 4, "exact": "a"},
            "color": "\x1b]52;c;SGk=\x07",
        },
        5,
        [1, 2],
        None,
    ],
    ids=["missing-fields", "string-offset", "traversal", "osc52-colour", "number", "list", "null"],
)
def test_12_a_bad_record_is_set_aside_with_a_notice_and_the_rest_loads(
    tmp_path: Path, capsys, bad: object
) -> None:
    path = tmp_path / "annotations.json"
    ids = fill(path, 5)
    _raw_record(path, "x", bad)
    repo = Repository(path)
    assert {a.id for a in repo.list()} == set(ids)  # every good one, nothing crashes
    assert repo.tags() == []
    assert any("'x'" in n or "1 entry" in n and "was not a record" in n for n in repo.notices), (
        repo.notices
    )
    assert "x" not in repo.db.storage.table_data(ANNOTATIONS)
    aside = repo.db.storage.table_data(SET_ASIDE)
    assert len(aside) == 1 and next(iter(aside.values()))["value"] == bad  # kept as it was
    repo.close()
    again = Repository(path)
    assert again.notices == [] and len(again.list()) == 5
    again.close()


def test_12_a_bad_record_in_the_streamed_table_through_the_command_line(
    tmp_path: Path, capsys
) -> None:
    doc = tmp_path / "na.md"
    doc.write_text(SNIPPET, "utf-8")
    for _ in range(2):
        assert shiori(capsys, "annotate", doc, "--quote", QUOTE)[0] == 0
    path = Path(os.environ["SHIORI_DATA_DIR"]) / "annotations.json"
    _raw_record(path, "x", {"id": "x"})
    for argv in (["list"], ["list", "--json"], ["export", "--format", "md"], ["tags"]):
        code, out, err = shiori(capsys, "annotations", *argv)
        assert code == 0 and "Traceback" not in err, err
    code, out, err = shiori(capsys, "annotations", "list", "--json")
    assert len(json.loads(out)) == 2


def _journal_line(seq: int, payload: object) -> bytes:
    raw = json.dumps(payload).encode()
    return b"%08x " % zlib.crc32(raw) + raw + b"\n"


@pytest.mark.parametrize(
    "payload",
    [
        {"seq": 21, "ops": [["annotations", "y", 5]]},
        {"seq": 21, "ops": [["annotations", "y"]]},
        {"seq": 21, "ops": "x"},
        {"seq": "21", "ops": []},
        {"seq": 21, "ops": [[5, "y", {}]]},
        {"seq": 21, "ops": [["_meta", "schema", {"schema_version": 99}]]},
        [1, 2, 3],
    ],
    ids=["doc-number", "short-op", "ops-string", "seq-string", "table-number", "meta", "list"],
)
def test_12_a_checksummed_journal_line_of_the_wrong_shape_is_set_aside(
    tmp_path: Path, payload: object
) -> None:
    path = tmp_path / "annotations.json"
    repo = Repository(path)
    ids = [repo.create("seed:a.txt", DOC, *span("日米同盟"), note=str(i)).id for i in range(20)]
    with path.with_suffix(".journal").open("ab") as fh:
        fh.write(_journal_line(21, payload))
    later = Repository(path)
    later.create("seed:a.txt", DOC, *span("唯一の同盟国"), note="after the bad line")
    assert len(later.list()) == 21
    assert any("set aside" in n for n in later.notices)
    later.close()
    repo.close()
    again = Repository(path)  # the next open: all 21, nothing left only in a damaged copy
    assert {a.id for a in again.list()} >= set(ids) and len(again.list()) == 21
    assert not list(tmp_path.glob("annotations.json.damaged-*"))
    again.close()


def test_14_an_orphan_is_found_again_when_its_exact_text_comes_back(tmp_path: Path) -> None:
    repo = Repository(tmp_path / "annotations.json")
    ann = repo.create("seed:a.txt", DOC, *span("基軸"))
    changed = Document(
        "北米", [Block("heading", "概観", level=1), Block("paragraph", "全く別の文章。")]
    )
    [orphaned] = repo.reanchor("seed:a.txt", changed)
    assert orphaned.state == "orphan"
    [back] = repo.reanchor("seed:a.txt", DOC)  # the very text it was made on
    assert back.id == ann.id and back.state != "orphan"
    assert DOC.base_text[back.start : back.end] == "基軸"
    assert repo.reanchor("seed:a.txt", DOC) == []
    repo.close()


def test_14_through_the_command_line(tmp_path: Path, capsys) -> None:
    doc = tmp_path / "na.md"
    doc.write_text(SNIPPET, "utf-8")
    assert shiori(capsys, "annotate", doc, "--quote", QUOTE)[0] == 0
    doc.write_text("# 別の文書\n\n何もない。\n", "utf-8")
    assert json.loads(shiori(capsys, "annotations", "list", "--json")[1])[0]["state"] == "orphan"
    doc.write_text(SNIPPET, "utf-8")
    os.utime(doc, ns=(1, 1))  # a different mtime, the same bytes
    [item] = json.loads(shiori(capsys, "annotations", "list", "--json")[1])
    assert item["state"] != "orphan" and item["quote"] == QUOTE


def test_15_the_store_is_private(tmp_path: Path, capsys, monkeypatch) -> None:
    data = tmp_path / "fresh" / "data"
    monkeypatch.setenv("SHIORI_DATA_DIR", str(data))
    doc = tmp_path / "na.md"
    doc.write_text(SNIPPET, "utf-8")
    for _ in range(3):
        assert shiori(capsys, "annotate", doc, "--quote", QUOTE)[0] == 0
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    files = [p for p in data.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {
        "annotations.json",
        "annotations.journal",
        "annotations.json.1",
    }
    for p in files:
        assert stat.S_IMODE(p.stat().st_mode) == 0o600, p
    # A store an older Shiori left readable is made private when it is next opened.
    (data / "annotations.json").chmod(0o644)
    data.chmod(0o755)
    assert shiori(capsys, "annotations", "list")[0] == 0
    assert stat.S_IMODE((data / "annotations.json").stat().st_mode) == 0o600
    assert stat.S_IMODE(data.stat().st_mode) == 0o700


KILLED_COMPACTION = textwrap.dedent(
    """
    import os, sys
    from store.annotations import storage
    from store.annotations.repository import Repository
    from store.model import Block, Document
    doc = Document("t", [Block("paragraph", "日米同盟は基軸である。" * 50)])
    repo = Repository(sys.argv[1])
    for i in range(30):
        repo.create("seed:a.txt", doc, 0, 4, note="x" * 500)
    def killed(fd, **kwargs):
        os.write(fd, b"{" * 1000)  # the temp file is half written...
        os._exit(9)  # ...when the process is killed
    storage.snapshot.write = killed
    repo.db.storage.compact()
    """
)


def test_16_temp_files_of_a_killed_compaction_are_removed_on_the_next_open(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    result = subprocess.run(
        [sys.executable, "-c", KILLED_COMPACTION, str(path)], cwd=ROOT, timeout=120
    )
    assert result.returncode == 9
    leftovers = list(tmp_path.glob(".annotations.json.*.tmp"))
    assert leftovers
    repo = Repository(path)
    assert not list(tmp_path.glob(".annotations.json.*.tmp"))
    assert len(repo.list()) == 30  # and nothing was lost
    repo.close()


def _big_store(path: Path, count: int) -> None:
    repo = Repository(path)
    repo.db.storage.put(
        [
            (
                ANNOTATIONS,
                f"id{i:05d}",
                {**repo.create("seed:a.txt", DOC, 0, 4).to_record(), "id": f"id{i:05d}"},
            )
            for i in range(count)
        ]
    )
    repo.close()


def test_19_a_save_neither_reads_nor_rewrites_the_big_table(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    doc = tmp_path / "na.md"
    doc.write_text(SNIPPET, "utf-8")
    assert shiori(capsys, "annotate", doc, "--quote", QUOTE)[0] == 0  # the document is known
    data = Path(os.environ["SHIORI_DATA_DIR"]) / "annotations.json"
    repo = Repository(data)
    records = [
        (ANNOTATIONS, f"bulk{i:05d}", {**repo.list()[0].to_record(), "id": f"bulk{i:05d}"})
        for i in range(3000)
    ]
    repo.db.storage.put(records)
    repo.close()
    assert data.stat().st_size > (1 << 20)  # past the size where a session folds its journal
    before = data.stat()

    def never(*args, **kwargs):  # noqa: ANN002, ANN003
        raise AssertionError("the annotations table was read")

    real_parse_all = snapshot.parse_all

    def small_only(raw: bytes) -> snapshot.Snapshot:
        assert len(raw) < 100_000, "the whole snapshot was parsed"
        return real_parse_all(raw)

    with monkeypatch.context() as patched:
        patched.setattr(snapshot, "iter_tail", never)
        patched.setattr(snapshot, "verify_tail", never)
        patched.setattr(snapshot, "parse_all", small_only)
        for _ in range(3):
            code, out, err = shiori(capsys, "annotate", doc, "--quote", QUOTE, "--note", "速い")
            assert code == 0, err
    after = data.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)  # no rewrite
    assert len(json.loads(shiori(capsys, "annotations", "list", "--json")[1])) == 3004


def test_19_list_and_export_stream_without_loading_the_table(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    doc = tmp_path / "na.md"
    doc.write_text(SNIPPET, "utf-8")
    for i in range(5):
        assert shiori(capsys, "annotate", doc, "--quote", QUOTE, "--note", f"n{i}")[0] == 0

    def never(self):  # noqa: ANN001
        raise AssertionError("the whole table was loaded")

    monkeypatch.setattr(JournalStorage, "_load_tail", never)
    for argv in (["list"], ["list", "--json"], ["export", "--format", "json"], ["tags"]):
        code, out, err = shiori(capsys, "annotations", *argv)
        assert code == 0, err
    code, out, _ = shiori(capsys, "annotations", "export", "--format", "json")
    assert len(json.loads(out)["annotations"]) == 5
    code, out, _ = shiori(capsys, "annotations", "export", "--format", "md")
    assert out.count("- Note: n") == 5


def test_the_streamed_order_is_the_loaded_order(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    repo = Repository(path)
    for quote in ("基軸", "日米同盟", "唯一の同盟国", "外交", "日本"):
        repo.create("seed:b.txt", DOC, *span(quote))
        repo.create("seed:a.txt", DOC, *span(quote))
    repo.db.storage.compact()
    repo.create("seed:a.txt", DOC, *span("安全保障"))  # in the journal only
    repo.close()
    streamed = Repository(path, stream=True)
    assert not streamed.db.storage.is_loaded(ANNOTATIONS)
    order = [(a.doc, a.start) for a in streamed.iter()]
    streamed.db.storage.table_data(ANNOTATIONS)  # load it whole
    assert [(a.doc, a.start) for a in streamed.list()] == order == sorted(order)
    streamed.close()


STREAM_WRITER = textwrap.dedent(
    """
    import sys
    from store.annotations.repository import Repository
    from store.model import Block, Document
    doc = Document("t", [Block("paragraph", "強固な日米同盟は、日本の外交及び安全保障の基軸である。" * 4)])
    repo = Repository(sys.argv[1], stream=True)
    repo.db.storage.compact_min_bytes = int(sys.argv[2])  # fold often: streamed rewrites
    prefix, count = sys.argv[3], int(sys.argv[4])
    for i in range(count):
        ann = repo.create(f"seed:{prefix}.txt", doc, i % 40, i % 40 + 5, note=f"{prefix}-{i}")
        print(ann.note, flush=True)
    repo.close()
    """
)


def _stream_writer(path: Path, prefix: str, count: int, fold: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", STREAM_WRITER, str(path), str(fold), prefix, str(count)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _notes(path: Path) -> set[str]:
    repo = Repository(path, stream=True)
    try:
        return {a.note for a in repo.iter()}
    finally:
        repo.close()


def test_two_writers_folding_the_streamed_table_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    procs = [_stream_writer(path, name, 150, fold=4096) for name in ("left", "right")]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    assert _notes(path) == {f"{n}-{i}" for n in ("left", "right") for i in range(150)}
    assert len(list(tmp_path.glob("annotations.json.*"))) <= 3  # backups rotate, no debris


@pytest.mark.slow  # writer processes started and killed
def test_kill_9_during_streamed_folds_never_loses_an_acknowledged_save(tmp_path: Path) -> None:
    import random

    path = tmp_path / "annotations.json"
    rng = random.Random(11)
    acknowledged: set[str] = set()
    for round_ in range(12):
        proc = _stream_writer(path, f"r{round_}", 100_000, fold=rng.choice([2048, 8192]))
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first, proc.stderr.read() if proc.stderr else ""
        acknowledged.add(first.strip())
        for _ in range(rng.randrange(1, 60)):  # let it save (and fold) a while, then kill it
            line = proc.stdout.readline()
            if line:
                acknowledged.add(line.strip())
        proc.kill()
        out, _ = proc.communicate()
        acknowledged.update(line.strip() for line in out.splitlines() if line.strip())
        missing = acknowledged - _notes(path)
        assert not missing, f"round {round_}: lost {sorted(missing)[:5]}"
    assert not list(tmp_path.glob(".annotations.json.*.tmp"))  # the last open tidied up


def test_a_large_snapshot_in_the_old_layout_is_rewritten_once(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    fill(path, 5)
    data = json.loads(path.read_text("utf-8"))
    record = next(iter(data["annotations"].values()))
    for i in range(2000):  # > 1 MiB, written as an older Shiori did (no header)
        data["annotations"][f"old{i:04d}"] = {**record, "id": f"old{i:04d}", "note": "x" * 400}
    data["_meta"]["schema"].pop("tail", None)
    data["_meta"]["schema"].pop("layout", None)
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    repo = Repository(path, stream=True)
    assert len(repo.list()) == 2005 and repo.notices == []
    repo.close()
    with open(path, "rb") as fh:
        head = snapshot.read_head(fh.fileno(), path.stat().st_size)
    assert head is not None and head.tail is not None and head.tail.count == 2005


def test_a_hand_edited_snapshot_is_read_whole_not_treated_as_damage(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    fill(path, 3)
    text = path.read_text("utf-8").replace('"note":"n1"', '"note":"edited by hand, longer"')
    path.write_text(text, "utf-8")  # the header's offsets and checksum no longer agree
    repo = Repository(path)
    assert repo.notices == [] and "edited by hand, longer" in {a.note for a in repo.list()}
    assert not list(tmp_path.glob("annotations.json.damaged-*"))
    repo.close()
