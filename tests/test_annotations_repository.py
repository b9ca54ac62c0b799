"""The annotation API the UI and CLI share: create, edit, delete + undo, filters, tags, orphans."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.annotations.metadata import load_user_metadata, save_user_metadata, user_library
from store.annotations.repository import AnnotationError, Repository
from store.citation import Passage, cite, source_meta
from store.library import DocMeta, doc_key
from store.model import Block, Document, PageStart

P1 = "現在、国際社会は歴史の転換点にあるといえる。国際社会の分断と対立は深まっている。"
P2 = (
    "強固な日米同盟は、日本の外交及び安全保障の基軸であり、インド太平洋地域の平和と安定の礎である。"
)
P3 = "カナダは、G7のメンバーであり、普遍的価値を共有する重要なパートナーである。"


def make_doc(*paragraphs: str) -> Document:
    blocks = [Block("heading", "北米", level=1), Block("heading", "概観", level=2)]
    blocks += [Block("paragraph", p) for p in paragraphs[:2]]
    blocks += [Block("heading", "カナダ", level=2)]
    blocks += [Block("paragraph", p) for p in paragraphs[2:]]
    return Document("北米", blocks)


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    r = Repository(tmp_path / "annotations.json")
    yield r
    r.close()


def span(doc: Document, quote: str) -> tuple[int, int]:
    start = doc.base_text.index(quote)
    return start, start + len(quote)


def test_create_is_durable_and_carries_section_and_our_own_id(tmp_path: Path, repo) -> None:
    doc = make_doc(P1, P2, P3)
    ann = repo.create(
        "seed:na.txt",
        doc,
        *span(doc, "日米同盟"),
        color="疑問",
        note="要確認\n二行目",
        tags=["同盟", " #外交 ", "同盟"],
    )
    assert len(ann.id) == 36 and ann.state == "anchored"
    assert ann.color == "blue" and ann.tags == ("同盟", "外交")
    assert ann.section == ("北米", "概観")
    again = Repository(tmp_path / "annotations.json")
    [found] = again.list()
    assert found == ann
    assert found.note == "要確認\n二行目"


def test_filters_by_doc_tag_colour_text_and_reading_order(repo) -> None:
    doc = make_doc(P1, P2, P3)
    late = repo.create("seed:a.txt", doc, *span(doc, "カナダは"), tags=["カナダ"], color="red")
    early = repo.create("seed:a.txt", doc, *span(doc, "国際社会"), tags=["情勢"], note="分断の話")
    other = repo.create("seed:b.txt", doc, *span(doc, "日米同盟"), tags=["情勢"])
    assert repo.list(doc="seed:a.txt") == [early, late]
    assert repo.list(tag="情勢") == [early, other]
    assert repo.list(color="反論") == [late] == repo.list(color="5") == repo.list(color="red")
    assert repo.list(text="分断の") == [early]  # in the note
    assert repo.list(text="カナダ") == [late]
    assert repo.tags() == [("情勢", 2), ("カナダ", 1)]
    assert repo.tags(doc="seed:b.txt") == [("情勢", 1)]


def test_edit_delete_and_undo(repo) -> None:
    doc = make_doc(P1, P2, P3)
    ann = repo.create("seed:a.txt", doc, *span(doc, "日米同盟"), note="first")
    edited = repo.update(ann.id[:8], note="second", tags=["x"], color="2")
    assert (edited.note, edited.tags, edited.color) == ("second", ("x",), "blue")
    repo.delete(ann.id)
    assert repo.list() == []
    assert repo.undo() == "delete"
    assert repo.get(ann.id).note == "second"
    assert repo.undo() == "edit"
    assert repo.get(ann.id).note == "first"
    assert repo.undo() == "create"
    assert repo.list() == []
    assert repo.undo() is None


def test_unknown_ids_and_colours_say_what_is_wrong(repo) -> None:
    with pytest.raises(AnnotationError, match="no annotation"):
        repo.get("nope-nope")
    with pytest.raises(AnnotationError, match="重要"):
        repo.resolve_color("magenta")


def test_colour_names_are_user_settings(tmp_path: Path, repo) -> None:
    assert [s.label for s in repo.colors()] == ["重要", "疑問", "引用", "定義", "反論"]
    repo.set_color_label("green", "用語")
    assert Repository(tmp_path / "annotations.json").resolve_color("用語") == "green"


def test_reanchor_moves_orphans_and_reattaches(repo) -> None:
    doc = make_doc(P1, P2, P3)
    kept = repo.create("seed:a.txt", doc, *span(doc, "普遍的価値を共有する"))
    lost = repo.create("seed:a.txt", doc, *span(doc, "安全保障の基軸であり"), note="大事")
    changed_doc = make_doc("新しい段落。" + P1, "差し替えた段落。", P3)
    changed = repo.reanchor("seed:a.txt", changed_doc)
    assert {a.id: a.state for a in changed} == {kept.id: "moved", lost.id: "orphan"}
    moved = repo.get(kept.id)
    assert changed_doc.base_text[moved.start : moved.end] == "普遍的価値を共有する"
    assert moved.section == ("北米", "カナダ")
    [orphan] = repo.orphans()
    assert orphan.note == "大事" and orphan.quote == "安全保障の基軸であり"
    assert repo.list(text="基軸") == [orphan]  # orphans stay searchable
    # Nothing more to do on the same text.
    assert repo.reanchor("seed:a.txt", changed_doc) == []
    back = repo.reattach(orphan.id, changed_doc, *span(changed_doc, "重要なパートナー"))
    assert back.state == "anchored" and back.note == "大事" and back.quote == "重要なパートナー"
    assert back.original == "安全保障の基軸であり"
    assert repo.orphans() == []


def test_the_page_is_in_the_list_and_the_csv_as_in_the_json_export(repo) -> None:
    """``annotations list --json`` and the CSV export had no page (the JSON export had)."""
    import csv
    import io

    from store.annotations.export import write_csv

    paged = make_doc(P1, P2, P3)
    paged.pages = [PageStart(0, 0, "135"), PageStart(3, 0, "136")]
    ann = repo.create("lib:white-paper.pdf", paged, *span(paged, "安全保障の基軸であり"))
    assert ann.to_summary()["page"] == "136"
    out = io.StringIO()
    write_csv(out, [ann])
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["page"] == "136"


def test_an_orphan_keeps_the_page_it_was_made_on_for_its_citation(tmp_path: Path, repo) -> None:
    paged = make_doc(P1, P2, P3)
    paged.pages = [PageStart(0, 0, "135"), PageStart(3, 0, "136")]
    ann = repo.create("lib:white-paper.pdf", paged, *span(paged, "安全保障の基軸であり"))
    assert ann.page == "136"
    assert Repository(tmp_path / "annotations.json").get(ann.id).page == "136"  # stored
    changed = make_doc(P1, "差し替えた段落。", P3)  # a new edition: the passage is gone
    [orphan] = repo.reanchor("lib:white-paper.pdf", changed)
    assert orphan.state == "orphan" and orphan.page == "136"
    meta = DocMeta(title="北米", author="外務省", date="2025")
    text = cite(meta, Passage(orphan.quote, orphan.section, orphan.page), "ja")
    assert text.endswith("136頁。")


def test_user_metadata_overrides_the_library(tmp_path: Path) -> None:
    repo = Repository(tmp_path / "annotations.json")
    doc = tmp_path / "paper.txt"
    doc.write_text("本文", "utf-8")
    key = str(doc.resolve())
    assert load_user_metadata(key, repo) is None
    assert user_library(repo).metadata(doc_key(doc)).title == ""
    save_user_metadata(key, DocMeta(title="論文", author="山田太郎", date="2024-04-01"), repo)
    assert load_user_metadata(key, repo).author == "山田太郎"
    assert user_library(repo).metadata(doc_key(doc)).title == "論文"
    repo.close()


def test_citations_for_a_selection_and_for_a_stored_annotation(tmp_path: Path, repo) -> None:
    doc = make_doc(P1, P2, P3)
    key = str(tmp_path / "north-america.txt")
    start, end = span(doc, "日米同盟")
    passage = Passage.in_document(doc, start, end)
    meta = source_meta(user_library(repo).metadata(key), key, doc.title)
    assert cite(meta, passage) == "「日米同盟」\n「北米」、「概観」。"
    assert cite(meta, passage, "en", source_only=True) == '"北米," n.d., sec. "概観".'
    save_user_metadata(
        key, DocMeta(title="北米", author="外務省", container="外交青書2025", date="2025"), repo
    )
    ann = repo.create(key, doc, start, end)
    meta = source_meta(user_library(repo).metadata(key), key, doc.title)
    assert (
        cite(meta, Passage(ann.quote, ann.section))
        == "「日米同盟」\n外務省「北米」『外交青書2025』2025年、「概観」。"
    )
