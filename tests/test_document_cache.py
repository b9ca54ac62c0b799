"""Reopening a document is served from the import cache; a stale or damaged cache never is."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import document_cache, paths
from store.importer import ImportFailed, import_file

SOURCE = (
    "# 日米関係の課題\n\n"
    "両国は｜収斂《しゅうれん》する**重要な**課題に取り組む[^1]。\n\n"
    "- 安全保障\n- 経済\n\n"
    "[^1]: 2025年2月の会談による。\n"
)


def _write(tmp_path: Path, text: str = SOURCE) -> Path:
    path = tmp_path / "doc.md"
    path.write_text(text, encoding="utf-8")
    return path


def _forbid_import(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(path: object) -> None:
        raise AssertionError("imported again instead of served from the cache")

    monkeypatch.setattr(document_cache, "import_file", fail)


def test_reopening_serves_the_same_document_without_importing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path)
    first = document_cache.load_document(path)
    assert first.to_json() == import_file(path).to_json()
    _forbid_import(monkeypatch)
    again = document_cache.load_document(path)
    assert again.to_json() == first.to_json()
    assert (again.notices, again.encoding, again.footnotes) == (
        first.notices,
        first.encoding,
        first.footnotes,
    )
    assert again.content_hash == first.content_hash


def test_an_edited_file_is_imported_again(tmp_path: Path) -> None:
    path = _write(tmp_path)
    document_cache.load_document(path)
    path.write_text(SOURCE.replace("経済", "経済安全保障"), encoding="utf-8")
    assert "経済安全保障" in document_cache.load_document(path).base_text


def test_a_damaged_cache_entry_is_ignored_and_rebuilt(tmp_path: Path) -> None:
    path = _write(tmp_path)
    expected = document_cache.load_document(path).to_json()
    (entry,) = (paths.cache_dir() / "documents").glob("*.json")
    entry.write_text('{"format": 1, "blocks": [["para', encoding="utf-8")
    assert document_cache.load_document(path).to_json() == expected
    assert document_cache._load(entry) is not None  # rewritten whole


def test_import_errors_are_not_cached_and_still_raised(tmp_path: Path) -> None:
    path = tmp_path / "data.bin"
    path.write_bytes(b"\x00\x01\x02binary\x00" * 50)
    with pytest.raises(ImportFailed):
        document_cache.load_document(path)
    with pytest.raises(ImportFailed):
        document_cache.load_document(tmp_path / "missing.txt")


def test_the_cache_keeps_the_most_recently_used_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(document_cache, "MAX_ENTRIES", 3)
    docs = []
    for i in range(5):
        path = tmp_path / f"doc{i}.txt"
        path.write_text(f"第{i}版の本文です。\n", encoding="utf-8")
        document_cache.load_document(path)
        docs.append(path)
    assert len(list((paths.cache_dir() / "documents").glob("*.json"))) == 3
    _forbid_import(monkeypatch)
    document_cache.load_document(docs[-1])  # the newest is still served from the cache
