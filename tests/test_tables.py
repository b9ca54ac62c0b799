"""The sorted TSV tables the reading rules look words up in (``store.japanese.tables``)."""

from __future__ import annotations

from pathlib import Path

from store.japanese.tables import has_prefix, lookup


def _table(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "t.tsv"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_a_key_is_found_by_its_whole_text_never_as_a_prefix_of_another(tmp_path: Path) -> None:
    table = _table(tmp_path, "# header\tnot a key", "一日\tついたち", "日本\tにほん", "日本語\tにほんご\tx")
    assert lookup(table, "日本") == ["にほん"]
    assert lookup(table, "日本語") == ["にほんご", "x"]
    assert lookup(table, "日") is None
    assert lookup(table, "# header") is None
    assert lookup(table, "𠮷田") is None


def test_prefixes_follow_the_text_not_its_bytes(tmp_path: Path) -> None:
    table = _table(tmp_path, "日本語\tにほんご", "𠮷田\tよしだ")
    assert has_prefix(table, "日本")
    assert has_prefix(table, "𠮷")
    assert not has_prefix(table, "本")
    assert lookup(table, "𠮷田") == ["よしだ"]


def test_an_undecodable_key_or_a_missing_table_finds_nothing(tmp_path: Path) -> None:
    table = _table(tmp_path, "日本\tにほん")
    assert lookup(table, "日\udc80") is None
    assert not has_prefix(table, "\udc80")
    assert lookup(tmp_path / "missing.tsv", "日本") is None
