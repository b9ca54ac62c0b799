"""One atomic write for every file Shiori writes whole: old or new, never half, never public."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from store import atomic, paths, positions
from store.annotations.repository import Repository
from store.document_cache import load_document
from store.japanese.document import document_readings
from store.model import Block, Document
from tui.citation_prefs import CitationPrefs
from tui.commands.add import add_file
from tui.settings import Settings, save_settings


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_write_that_fails_leaves_the_old_file_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "notes.json"
    atomic.write_json(target, {"v": 1})

    def crash() -> None:
        raise KeyboardInterrupt  # killed after the new content is on disk, before the rename

    with pytest.raises(KeyboardInterrupt):
        atomic.write_bytes(target, b'{"v": 2}', before_replace=crash)
    assert target.read_text(encoding="utf-8") == '{\n "v": 1\n}'
    assert [p.name for p in tmp_path.iterdir()] == ["notes.json"]


def test_a_copy_replaces_the_target_whole(tmp_path: Path) -> None:
    source, target = tmp_path / "a.txt", tmp_path / "lib" / "a.txt"
    source.write_bytes("本文\n".encode() * 100_000)
    atomic.copy_file(source, target)
    assert target.read_bytes() == source.read_bytes()
    assert mode(target) == 0o600


def test_every_file_shiori_writes_whole_is_private_and_leaves_no_temp_file(
    tmp_path: Path,
) -> None:
    """Positions, settings, citation preferences, both caches, ``shiori add``'s copies and
    the annotation snapshot all go through ``store.atomic`` (0600, temp files gone)."""
    positions.save_position("seed:a.txt", positions.Position(3, 1))
    save_settings(Settings(theme="nord"))
    CitationPrefs(style="en").save()
    source = tmp_path / "kiroku.md"
    source.write_text("# 記録\n\n日米同盟は基軸である。\n", encoding="utf-8")
    load_document(source)  # the document cache
    document_readings(Document("t", [Block("paragraph", "漢字")]))  # the readings cache
    add_file(source, paths.library_dir())
    repo = Repository()
    repo.set_color_label("blue", "疑問")
    repo.close()  # folds the journal into the snapshot

    written = [
        p
        for folder in (paths.data_dir(), paths.config_dir(), paths.cache_dir())
        for p in folder.rglob("*")
        if p.is_file() and "pycache" not in p.parts
    ]
    names = {p.name for p in written}
    assert {"positions.json", "settings.json", "citation.json", "kiroku.md"} <= names
    assert "annotations.json" in names
    assert any(p.parent.name == "documents" for p in written)
    assert any(p.parent.parent.name == "readings" for p in written)  # one folder per document
    assert not [p for p in written if p.name.endswith(".tmp")]
    whole = [p for p in written if not p.name.startswith(("annotations.journal", "annotations.lock"))]
    assert {p.name: oct(mode(p)) for p in whole if mode(p) != 0o600} == {}
