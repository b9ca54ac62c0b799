"""Exports a user would open elsewhere, and imports that never duplicate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store.annotations.export import (
    ExportFormatError,
    import_json,
    parse_json,
    to_json,
    to_markdown,
)
from store.annotations.repository import Repository
from store.library import DocMeta
from store.model import Block, Document

DOC = Document(
    "北米",
    [
        Block("heading", "1 概観", level=1),
        Block("paragraph", "米国は日本にとって唯一の同盟国である。"),
        Block("heading", "2 カナダ", level=1),
        Block("paragraph", "カナダとの連携を強化する。"),
    ],
)
META = DocMeta(title="北米", author="外務省", container="外交青書2025", date="2025")


def span(quote: str) -> tuple[int, int]:
    start = DOC.base_text.index(quote)
    return start, start + len(quote)


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    r = Repository(tmp_path / "annotations.json")
    r.create("seed:na.txt", DOC, *span("カナダとの連携"), tags=["カナダ"])
    r.create("seed:na.txt", DOC, *span("唯一の同盟国"), note="一行目\n二行目", tags=["同盟"])
    return r


def test_markdown_groups_by_section_in_reading_order_with_orphans_last(repo) -> None:
    changed = Document("北米", DOC.blocks[:2])  # the Canada section was deleted
    repo.reanchor("seed:na.txt", changed)
    md = to_markdown(repo.list(), meta_for=lambda key: META, colors=repo.colors())
    assert md.index("### 1 概観") < md.index("> 唯一の同盟国") < md.index("### (passage not found")
    assert "- Note:\n    一行目\n    二行目" in md
    assert "- Citation: 外務省「北米」『外交青書2025』2025年、「1 概観」。" in md
    orphan_part = md[md.index("### (passage not found") :]
    assert "> カナダとの連携" in orphan_part and "- State: orphan" in orphan_part


def test_json_round_trip_keeps_everything(repo, tmp_path: Path) -> None:
    before = repo.list()
    text = to_json(before)
    assert "\\u" not in text
    other = Repository(tmp_path / "other.json")
    report = import_json(other, text)
    assert (report.added, report.updated, report.unchanged) == (2, 0, 0)
    assert other.list() == before


def test_a_newer_edit_wins_on_reimport_and_older_is_ignored(repo, tmp_path: Path) -> None:
    exported = to_json(repo.list())
    ann = repo.list(tag="同盟")[0]
    repo.update(ann.id, note="後で書き直した")
    report = import_json(repo, exported)  # the export is older than the edit
    assert (report.added, report.updated, report.unchanged) == (0, 0, 2)
    assert repo.get(ann.id).note == "後で書き直した"
    other = Repository(tmp_path / "other.json")
    import_json(other, exported)
    assert import_json(other, to_json(repo.list())).updated == 1
    assert other.get(ann.id).note == "後で書き直した"


def test_foreign_w3c_annotation_with_only_standard_fields_imports(tmp_path: Path) -> None:
    item = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "urn:uuid:0b4f3c1e-1111-4222-8333-944455556666",
        "type": "Annotation",
        "body": {"type": "TextualBody", "value": "外部ツールのメモ"},
        "target": {
            "source": "/docs/paper.txt",
            "selector": {"type": "TextQuoteSelector", "exact": "唯一の同盟国"},
        },
    }
    envelope = {"format": "shiori-annotations", "version": 1, "annotations": [item]}
    [ann] = parse_json(json.dumps(envelope))
    assert (ann.doc, ann.quote, ann.note, ann.end - ann.start) == (
        "/docs/paper.txt", "唯一の同盟国", "外部ツールのメモ", 6,
    )  # fmt: skip
    assert ann.anchor.content_hash == ""  # re-anchored against the real text when opened


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "not JSON"),
        ('{"format": "other"}', "not a Shiori"),
        ('{"format": "shiori-annotations", "version": 9}', "newer"),
        ('{"format": "shiori-annotations", "version": 1, "annotations": [{"id": 1}]}', "#1"),
    ],
)
def test_bad_imports_are_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(ExportFormatError, match=message):
        parse_json(text)
