"""Issue 14, imports (cases 2, 5, 9, 13): every record validated, refused ones named, nothing
half-applied, a partial import reported exactly; and a fuzzer over the import file format."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from hostile import OSC52, assert_clean, shiori
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.annotations import repository as repository_module
from store.annotations.export import (
    ExportFormatError,
    ImportIncomplete,
    ImportReport,
    import_json,
    to_json,
)
from store.annotations.repository import Repository
from store.annotations.schema import annotation_from_record
from store.library import NotInLibrary, path_for_key

UUID = "0b4f3c1e-1111-4222-8333-944455556666"


def item(**changes: object) -> dict:
    """A valid W3C item of our export, with ``changes`` applied (``None`` removes a key)."""
    base: dict = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": f"urn:uuid:{UUID}",
        "type": "Annotation",
        "created": "2025-01-01T00:00:00.000Z",
        "modified": "2025-01-01T00:00:00.000Z",
        "body": [{"type": "TextualBody", "value": "メモ", "purpose": "commenting"}],
        "target": {
            "source": "seed:diplomatic-bluebook-2025-north-america.txt",
            "selector": [
                {"type": "TextQuoteSelector", "exact": "日米同盟", "prefix": "", "suffix": ""},
                {"type": "TextPositionSelector", "start": 10, "end": 14},
            ],
        },
        "shiori": {"color": "blue", "state": "anchored", "section": ["1 概観"]},
    }
    for path, value in changes.items():
        *parents, last = path.split("__")
        node = base
        for key in parents:
            node = node[key]
        if value is None:
            node.pop(last, None)
        else:
            node[last] = value
    return base


def envelope(*items: object, **top: object) -> str:
    data = {"format": "shiori-annotations", "version": 1, "annotations": list(items), **top}
    return json.dumps(data)  # lone surrogates as \udxxx escapes, as a JSON file has them


def write(tmp_path: Path, text: str | bytes, name: str = "in.json") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text)
    return path


def test_2_an_imported_colour_must_be_one_of_the_palette(tmp_path: Path, capsys) -> None:
    bad = write(tmp_path, envelope(item(shiori__color=OSC52)))
    code, out, err = shiori(capsys, "annotations", "import", bad)
    assert code == 1
    assert "annotation #1" in err and UUID in err and "colour" in err
    assert_clean(out, err)
    assert "0 added" in out and "1 refused" in out
    code, out, err = shiori(capsys, "annotations", "list")
    assert code == 0 and out == ""
    assert_clean(out, err)


def test_5_a_source_must_stay_inside_the_library(tmp_path: Path, capsys, monkeypatch) -> None:
    sources = [
        "lib:../../../../etc/passwd",
        "seed:../README.md",
        "lib:/etc/passwd",
        "lib:..",
        "lib:",
        "lib:a\\..\\..\\x",
        "relative/path.txt",
        "/tmp/../etc/passwd",
        "//host/share",
    ]
    items = [item(id=f"urn:uuid:{i:08d}", target__source=s) for i, s in enumerate(sources)]
    good = item(id="urn:uuid:ok", target__source="lib:notes.txt")
    read: list[str] = []
    import store.annotations.documents as documents

    real = documents.load_document
    monkeypatch.setattr(documents, "load_document", lambda p: read.append(str(p)) or real(p))
    code, out, err = shiori(
        capsys, "annotations", "import", write(tmp_path, envelope(*items, good))
    )
    assert code == 1 and "1 added" in out and f"{len(sources)} refused" in out
    assert err.count("\n") == len(sources)
    assert_clean(out, err)
    code, out, err = shiori(capsys, "annotations", "list", "--json")
    assert code == 0 and [a["doc"] for a in json.loads(out)] == ["lib:notes.txt"]
    assert read == []  # nothing outside the library was read
    for key in sources[:6]:
        with pytest.raises(NotInLibrary):
            path_for_key(key)


def test_5_an_imported_absolute_path_is_not_read_until_the_user_opens_it(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("日米同盟は秘密の文章である。\n", "utf-8")
    read: list[str] = []
    import store.annotations.documents as documents

    real = documents.load_document
    monkeypatch.setattr(documents, "load_document", lambda p: read.append(str(p)) or real(p))
    imported = write(tmp_path, envelope(item(target__source=str(secret))))
    assert shiori(capsys, "annotations", "import", imported)[0] == 0
    for command in (["list"], ["list", "--json"], ["export", "--format", "json"]):
        code, out, _ = shiori(capsys, "annotations", *command)
        assert code == 0 and "秘密" not in out
    assert read == []
    # Named by the user, it is the user's document: now it is read and re-anchored.
    code, out, _ = shiori(capsys, "annotations", "list", "--doc", secret, "--json")
    assert code == 0 and read == [str(secret)]


MALFORMED: list[tuple[str, str | bytes]] = [
    ("annotations-5", '{"format":"shiori-annotations","version":1,"annotations":5}'),
    ("annotations-null", '{"format":"shiori-annotations","version":1,"annotations":null}'),
    ("annotations-object", '{"format":"shiori-annotations","version":1,"annotations":{}}'),
    ("version-string", '{"format":"shiori-annotations","version":"1","annotations":[]}'),
    ("version-float", '{"format":"shiori-annotations","version":1.5,"annotations":[]}'),
    ("version-bool", '{"format":"shiori-annotations","version":true,"annotations":[]}'),
    ("version-huge", '{"format":"shiori-annotations","version":1e400,"annotations":[]}'),
    ("top-list", "[1, 2, 3]"),
    ("top-null", "null"),
    ("empty", ""),
    ("not-utf8", b'{"format":"shiori-annotations","version":1,"annotations":[\xff]}'),
    ("deep-nesting", "[" * 100_000 + "]" * 100_000),
    ("deep-item", envelope().replace("[]", "[" + '{"a":' * 50_000 + "1" + "}" * 50_000 + "]")),
    ("nan", '{"format":"shiori-annotations","version":NaN}'),
    ("bom", "\ufeff" + envelope(item())),
]
BAD_ITEMS: list[tuple[str, object]] = [
    ("item-null", None),
    ("item-5", 5),
    ("item-string", "x"),
    ("item-list", []),
    ("target-string", item(target="x")),
    ("target-missing", item(target=None)),
    ("selector-strings", item(target__selector=["x"])),
    ("selector-5", item(target__selector=5)),
    ("no-quote-selector", item(target__selector=[{"type": "TextPositionSelector"}])),
    ("exact-number", item(target__selector=[{"type": "TextQuoteSelector", "exact": 5}])),
    ("exact-empty", item(target__selector=[{"type": "TextQuoteSelector", "exact": ""}])),
    ("shiori-list", item(shiori=[])),
    ("shiori-string", item(shiori="x")),
    ("body-string", item(body="x")),
    ("body-value-list", item(body=[{"value": ["x"], "purpose": "commenting"}])),
    ("tag-number", item(body=[{"value": 5, "purpose": "tagging"}])),
    (
        "start-1e400",
        item(
            target__selector=[
                {"type": "TextQuoteSelector", "exact": "x"},
                {"type": "TextPositionSelector", "start": 1e400, "end": 3},
            ]
        ),
    ),
    (
        "start-string",
        item(
            target__selector=[
                {"type": "TextQuoteSelector", "exact": "x"},
                {"type": "TextPositionSelector", "start": "1", "end": 3},
            ]
        ),
    ),
    (
        "start-negative",
        item(
            target__selector=[
                {"type": "TextQuoteSelector", "exact": "x"},
                {"type": "TextPositionSelector", "start": -4, "end": 3},
            ]
        ),
    ),
    (
        "start-after-end",
        item(
            target__selector=[
                {"type": "TextQuoteSelector", "exact": "x"},
                {"type": "TextPositionSelector", "start": 9, "end": 3},
            ]
        ),
    ),
    (
        "start-bool",
        item(
            target__selector=[
                {"type": "TextQuoteSelector", "exact": "x"},
                {"type": "TextPositionSelector", "start": True, "end": 3},
            ]
        ),
    ),
    (
        "end-huge",
        item(
            target__selector=[
                {"type": "TextQuoteSelector", "exact": "x"},
                {"type": "TextPositionSelector", "start": 0, "end": 10**30},
            ]
        ),
    ),
    ("block-float", item(shiori__block=1.5)),
    ("color-number", item(shiori__color=3)),
    ("color-unknown", item(shiori__color="magenta")),
    ("color-osc52", item(shiori__color=OSC52)),
    ("state-unknown", item(shiori__state="deleted")),
    ("section-string", item(shiori__section="1 概観")),
    ("section-numbers", item(shiori__section=[1, 2])),
    ("id-number", item(id=5)),
    ("id-empty", item(id="urn:uuid:")),
    ("id-control", item(id=f"urn:uuid:{OSC52}")),
    ("created-number", item(created=5)),
    ("source-number", item(target__source=5)),
    ("source-traversal", item(target__source="lib:../../../../etc/passwd")),
    ("note-lone-surrogate", item(body=[{"value": "a\ud800b", "purpose": "commenting"}])),
    (
        "quote-lone-surrogate",
        item(target__selector=[{"type": "TextQuoteSelector", "exact": "\udfff"}]),
    ),
    ("duplicate-id", None),  # filled in below
]


@pytest.mark.parametrize(("name", "text"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_9_a_malformed_file_is_one_line_exit_1(name: str, text, tmp_path: Path, capsys) -> None:
    code, out, err = shiori(capsys, "annotations", "import", write(tmp_path, text))
    if name == "bom":  # a byte-order mark is not an error: the file imports
        assert code == 0 and "1 added" in out
        return
    assert code == 1 and err.count("\n") == 1, err
    assert_clean(out, err)
    assert shiori(capsys, "annotations", "list", "--json")[0] == 0


@pytest.mark.parametrize(("name", "bad"), BAD_ITEMS, ids=[b[0] for b in BAD_ITEMS])
def test_9_a_malformed_item_is_refused_by_number_and_the_rest_imported(
    name: str, bad: object, tmp_path: Path, capsys
) -> None:
    good = item(id="urn:uuid:good-one")
    items = [good, good] if name == "duplicate-id" else [good, bad]
    text = envelope(*items)
    code, out, err = shiori(capsys, "annotations", "import", write(tmp_path, text))
    assert code == 1, (out, err)
    assert err.count("\n") == 1 and "annotation #2" in err and "refused" in err, err
    assert "1 added" in out and "1 refused" in out
    assert_clean(out, err)
    code, out, _ = shiori(capsys, "annotations", "list", "--json")
    [listed] = json.loads(out)
    assert listed["id"] == "good-one"  # stored whole, nothing of the refused one


def test_13_a_full_disk_part_way_reports_exactly_what_was_stored(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(repository_module, "IMPORT_BATCH", 10)
    items = [item(id=f"urn:uuid:n{i:03d}") for i in range(100)]
    repo = Repository(tmp_path / "annotations.json")
    real_write = os.write
    appends = {"n": 0}

    def write_until_full(fd: int, data) -> int:
        if bytes(data[:1]) != b"{":  # a journal line starts with its checksum
            appends["n"] += 1
            if appends["n"] > 3:
                raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write_until_full)
    with pytest.raises(ImportIncomplete) as failure:
        import_json(repo, envelope(*items))
    monkeypatch.setattr(os, "write", real_write)
    report = failure.value.report
    assert (report.added, report.not_stored) == (30, 70)
    assert "disk is full" in str(failure.value) and "30 added" in str(failure.value)
    repo.close()
    again = Repository(tmp_path / "annotations.json")
    assert len(again.list()) == 30  # exactly what the report says
    # Importing again once there is room completes it, without duplicates.
    report = import_json(again, envelope(*items))
    assert (report.added, report.unchanged) == (70, 30)
    again.close()


def test_13_through_the_command_line_the_partial_import_is_one_line(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    monkeypatch.setattr(repository_module, "IMPORT_BATCH", 10)
    from store.annotations.storage import JournalStorage, StorageError

    calls = {"n": 0}
    real = JournalStorage._append

    def append(self, ops):  # noqa: ANN001
        calls["n"] += 1
        if calls["n"] > 2:
            raise StorageError("could not save: the disk is full; nothing was changed")
        return real(self, ops)

    monkeypatch.setattr(JournalStorage, "_append", append)
    items = [item(id=f"urn:uuid:n{i:03d}") for i in range(35)]
    code, out, err = shiori(capsys, "annotations", "import", write(tmp_path, envelope(*items)))
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "disk is full" in err and "20 added" in err and "15 not stored" in err


def test_round_trip_through_a_json_export_keeps_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    from store.annotations.export import parse_json

    repo = Repository(tmp_path / "a.json")
    key = str(tmp_path / "名\udcff\udcfe.txt")
    from store.model import Block, Document

    doc = Document("t", [Block("paragraph", "日米同盟は基軸である。")])
    repo.create(key, doc, 0, 4, note="n")
    text = to_json(repo.list())
    assert "\\udcff" in text and "\udcff" not in text  # escaped: printable, exact
    [back] = parse_json(text)
    assert back.doc == key
    repo.close()


# -- the fuzzer -----------------------------------------------------------------------------

_scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["", "yellow", "orphan", OSC52, "\ud800", "lib:../x", "seed:a.txt", "/tmp/x"]),
)
_json = st.recursive(
    _scalar,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
_KEYS = [
    "id", "target", "target__source", "target__selector", "body", "shiori", "shiori__color",
    "shiori__state", "shiori__section", "shiori__block", "created", "modified",
]  # fmt: skip


@st.composite
def _mutated_item(draw: st.DrawFn) -> object:
    if draw(st.booleans()):
        return draw(_json)
    changes = draw(st.dictionaries(st.sampled_from(_KEYS), _json, max_size=3))
    try:
        return item(**changes)
    except (TypeError, KeyError, AttributeError):  # a parent replaced by a scalar first
        return item()


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    items=st.lists(_mutated_item(), max_size=5),
    top=st.dictionaries(st.sampled_from(["version", "format", "annotations"]), _json, max_size=1),
)
def test_fuzz_an_import_is_a_report_or_one_refusal_and_the_store_stays_whole(
    tmp_path_factory, items: list[object], top: dict
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    repo = Repository(folder / "annotations.json")
    try:
        text = json.dumps(
            {"format": "shiori-annotations", "version": 1, "annotations": items, **top}
        )
    except ValueError:
        return
    try:
        report = import_json(repo, text)
    except ExportFormatError as exc:
        assert "\n" not in str(exc)
    else:
        assert isinstance(report, ImportReport)
        assert (
            report.added + report.updated + report.unchanged + len(report.rejected) == len(items)
            or top
        )
    stored = repo.db.storage.table_data("annotations")
    for key, rec in stored.items():
        annotation_from_record(rec, key)  # everything stored passes the schema
    repo.close()
    again = Repository(folder / "annotations.json")
    assert again.notices == [] and len(again.list()) == len(stored)
    again.close()
