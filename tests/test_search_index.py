"""The library index over a small library of our own: known hits, increments, damage."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from store import paths
from store.library import Library
from store.search import Scope, run_query, search_docs, search_library
from store.search.index import LibraryIndex, index_path

#: A match across a line wrap (the source breaks 拡大 / 抑止), inside a reading (Aozora ruby on
#: 拡大) and across a footnote marker ([^1] between 拡大 and 抑止): the model's text has none of
#: them, so each is one match. The footnote's own 拡大抑止 is a fourth, right after its marker.
SECURITY = """# 安全保障の記録

## 第1章 同盟

両国は拡大
抑止の強化を確認した。

日本の｜拡大《かくだい》抑止について述べる。

核による拡大[^1]抑止が重要である。

## 第2章 経済

経済協力に取り組んでいる。日米同盟とは別の話である。

[^1]: 注の本文にも拡大抑止とある。
"""

TRADE = """# 通商の覚え書き

関税の問題に取り組む。

両国の同盟は経済にも及ぶ。
"""


@pytest.fixture
def library() -> Path:
    folder = paths.library_dir()
    (folder / "security.md").write_text(SECURITY, encoding="utf-8")
    (folder / "trade.md").write_text(TRADE, encoding="utf-8")
    return folder


def search(query: str, **scope: object) -> list[tuple[str, int, str]]:
    """``(key, block, matched text)`` of each hit in our documents (the seeds are in the
    library too)."""
    results, _ = search_library(query, scope=Scope(**scope))  # type: ignore[arg-type]
    return [
        (h.doc.key, h.block, h.text[h.offset : h.offset + h.length])
        for h in results.hits
        if h.doc.key.startswith("lib:")
    ]


def test_matches_across_a_line_wrap_a_reading_and_a_footnote_marker(library: Path) -> None:
    hits = search("拡大抑止")
    assert [(key, block) for key, block, _ in hits] == [
        ("lib:security.md", 2),
        ("lib:security.md", 3),
        ("lib:security.md", 4),
        ("lib:security.md", 4),  # the note, read where its marker is
    ]
    assert all(text == "拡大抑止" for _, _, text in hits)


def test_json_items_say_where_the_match_is_in_the_model(library: Path) -> None:
    from store.document_cache import load_document

    results, _ = search_library("拡大抑止")
    doc = load_document(library / "security.md")
    notes = 0
    for hit in results.hits:
        item = hit.to_json()
        text = doc.blocks[item["block"]].text
        if "footnote" in item:  # offsets into the note's text; its block holds the marker
            notes += 1
            note = doc.footnote(item["footnote"])
            assert note is not None and any(r.footnote_id == note.id for r in doc.blocks[item["block"]].refs)
            text = note.text
        assert text[item["offset"] : item["offset"] + item["length"]] == "拡大抑止"
        assert item["title"] == "安全保障の記録" and item["section"] == "第1章 同盟"
        assert item["document"] == str(library / "security.md")
        assert "拡大抑止" in item["snippet"] and "\n" not in item["snippet"]
    assert notes == 1


def test_a_word_finds_its_other_forms_in_every_document(library: Path) -> None:
    hits = search("取り組む")
    assert ("lib:security.md", 6, "取り組ん") in hits
    assert ("lib:trade.md", 1, "取り組む") in hits


def test_and_phrase_and_exclusion(library: Path) -> None:
    assert [(k, b) for k, b, _ in search("同盟 及ぶ")] == [("lib:trade.md", 2)]
    assert search("関税 同盟") == []  # in one document, but not in one paragraph
    assert [b for _, b, _ in search('"日米同盟"')] == [6]
    # the paragraph with 日米同盟 goes; the chapter heading 第1章 同盟 stays
    assert sorted((k, b) for k, b, _ in search("同盟 -日米")) == [
        ("lib:security.md", 1),
        ("lib:trade.md", 2),
    ]
    assert search("存在しない語") == []


def test_the_index_is_built_once_and_then_only_what_changed(library: Path) -> None:
    _, first = search_library("同盟")
    assert first.indexed == len(Library().files())
    _, again = search_library("同盟")
    assert again.indexed == 0 and again.bytes == 0
    trade = library / "trade.md"
    trade.write_text(TRADE.replace("関税", "輸出規制"), encoding="utf-8")
    _, changed = search_library("輸出規制")
    assert changed.indexed == 1
    assert {k for k, _, _ in search("輸出規制")} == {"lib:trade.md"}
    assert search("関税") == []
    # touched but not changed: read again, not re-indexed
    os.utime(trade, None)
    _, touched = search_library("同盟")
    assert touched.indexed == 0 and touched.unchanged == len(Library().files())


def test_a_removed_document_is_dropped_from_the_index(library: Path) -> None:
    search_library("同盟")
    (library / "trade.md").unlink()
    _, report = search_library("同盟")
    assert report.removed == 1
    assert {k for k, _, _ in search("同盟")} == {"lib:security.md"}


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_index_is_rebuilt(library: Path, damage: str) -> None:
    search_library("同盟")
    path = index_path()
    LibraryIndex().close()  # folds the write-ahead log into the file
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    if damage == "garbage":
        path.write_bytes(b"this is not a database" * 100)
    else:
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 3])
    results, report = search_library("拡大抑止")
    assert len(results.hits) == 4
    assert report.indexed == len(Library().files())


def test_damage_found_while_searching_is_rebuilt(library: Path) -> None:
    search_library("同盟")
    LibraryIndex().close()
    path = index_path()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    data = bytearray(path.read_bytes())
    page = 4096
    # the schema page stays readable (it opens), the pages of the tables do not
    data[page * 2 :] = b"\xff" * (len(data) - page * 2)
    path.write_bytes(bytes(data))
    assert search("拡大抑止") == [("lib:security.md", b, "拡大抑止") for b in (2, 3, 4, 4)]


def test_an_unwritable_cache_keeps_the_index_in_memory(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setattr("store.search.index.index_path", lambda: blocked / "library" / "x.db")
    index = LibraryIndex()
    assert index.in_memory and index.notices
    results, _ = search_library("拡大抑止", index=index)
    assert len(results.hits) == 4


def test_an_outdated_index_format_is_rebuilt(library: Path) -> None:
    search_library("同盟")
    db = sqlite3.connect(index_path())
    db.execute("UPDATE meta SET value='0' WHERE name='format'")
    db.commit()
    db.close()
    _, report = search_library("同盟")
    assert report.indexed == len(Library().files())


def test_the_catalog_gives_titles_and_authors_without_importing(library: Path) -> None:
    (library / "aozora.txt").write_text(
        "坊っちゃん\n夏目漱石\n\n親譲りの無鉄砲で小供の時から損ばかりしている。\n", encoding="utf-8"
    )
    with LibraryIndex() as index:
        index.sync(Library().files())
        entries = {e.key: e for e in Library().entries(index.records())}
    assert entries["lib:aozora.txt"].title == "坊っちゃん"
    assert entries["lib:aozora.txt"].meta.author == "夏目漱石"
    assert entries["lib:security.md"].title == "安全保障の記録"
    assert entries["lib:security.md"].added > 0 and entries["lib:security.md"].chars > 0


def test_a_document_that_does_not_import_is_listed_with_why(library: Path) -> None:
    (library / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    with LibraryIndex() as index:
        report = index.sync(Library().files())
        assert [key for key, _ in report.failed] == ["lib:broken.pdf"]
        entries = {e.key: e for e in Library().entries(index.records())}
        assert entries["lib:broken.pdf"].error
        assert entries["lib:broken.pdf"].title == "broken"
        # not retried until the file changes
        assert index.sync(Library().files()).failed == []


def test_search_docs_titles_collisions_like_the_tree(library: Path) -> None:
    (library / "copy.md").write_text(SECURITY, encoding="utf-8")
    with LibraryIndex() as index:
        index.sync(Library().files())
        docs = search_docs(Library().entries(index.records()), index.records())
        titles = {docs[k].title for k in ("lib:copy.md", "lib:security.md")}
        results = run_query(index, "拡大抑止", docs)
    assert titles == {"安全保障の記録 (library: copy.md)", "安全保障の記録 (library: security.md)"}
    assert len(results.hits) == 8 and results.documents == 2


def test_an_edit_that_keeps_the_size_is_noticed(library: Path) -> None:
    """The freshness check is one stat per file: size and time to the nanosecond, so an edit
    of the same size, even within the same second, reindexes the document."""
    search_library("同盟")
    trade = library / "trade.md"
    before = trade.stat()
    edited = TRADE.replace("関税", "輸出")  # same characters, same bytes
    assert len(edited.encode()) == before.st_size
    trade.write_text(edited, encoding="utf-8")
    os.utime(trade, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))  # 1 ms later
    _, report = search_library("輸出")
    assert report.indexed == 1
    assert {k for k, _, _ in search("輸出")} == {"lib:trade.md"}
    assert search("関税") == []


def test_a_limit_gives_the_first_results_of_the_whole_ranking(library: Path) -> None:
    """Documents are ranked over all their matches, but only the results returned are made:
    the first N are exactly the first N of the unlimited search."""
    (library / "more.md").write_text(
        "# 追記\n\n" + "同盟の話。同盟を語る。\n\n" * 3, encoding="utf-8"
    )
    everything, _ = search_library("同盟")
    assert len(everything.hits) > 6
    whole = [(h.doc.key, h.block, h.offset) for h in everything.hits]
    for limit in (0, 1, 3, 6, len(whole), len(whole) + 5):
        results, _ = search_library("同盟", limit=limit)
        assert [(h.doc.key, h.block, h.offset) for h in results.hits] == whole[:limit]
        assert results.documents == len({key for key, _, _ in whole[:limit]})
    # the best document (most matches for its length) comes first, its results in order
    first, _ = search_library("同盟", limit=3)
    assert {h.doc.key for h in first.hits} == {"lib:more.md"}
    assert [(h.block, h.offset) for h in first.hits] == [(1, 0), (1, 5), (2, 0)]


def test_results_are_titled_with_what_the_user_entered(library: Path) -> None:
    """The user's metadata (the reader's ``m`` form) is read once for the whole library and
    titles the results, as in the tree."""
    from store.annotations.metadata import all_user_metadata, save_user_metadata
    from store.annotations.repository import Repository
    from store.library import DocMeta

    repo = Repository(paths.annotations_db())  # as `m` in the app, which then quits
    save_user_metadata("lib:trade.md", DocMeta(title="通商メモ", author="山田"), repo)
    assert all_user_metadata(repo) == {"lib:trade.md": DocMeta(title="通商メモ", author="山田")}
    repo.close()
    results, _ = search_library("関税")
    titles = {h.doc.key: h.doc.title for h in results.hits if h.doc.key.startswith("lib:")}
    assert titles == {"lib:trade.md": "通商メモ"}
