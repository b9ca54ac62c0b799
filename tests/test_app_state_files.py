"""The small files the app keeps: reading positions, settings, the user's keymap."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store import positions
from store.positions import Position
from tui.keymap import load_keymap, parse_keymap
from tui.settings import Settings, load_settings, save_settings


def test_positions_round_trip_and_remember_the_last_document() -> None:
    assert positions.load_position("seed:a.txt") is None and positions.last_read() is None
    positions.save_position("seed:a.txt", Position(12, 5, "abc"))
    positions.save_position("lib:b.md", Position(3, 0))
    assert positions.load_position("seed:a.txt") == Position(12, 5, "abc")
    assert positions.last_read() == "lib:b.md"
    text = positions.positions_file().read_text(encoding="utf-8")
    assert json.loads(text)["documents"]["seed:a.txt"]["block"] == 12
    leftovers = [p for p in positions.positions_file().parent.iterdir() if p.suffix == ".tmp"]
    assert leftovers == []


def test_a_damaged_positions_file_is_kept_aside_not_lost() -> None:
    path = positions.positions_file()
    path.write_text("{not json", encoding="utf-8")
    assert positions.load_position("seed:a.txt") is None
    positions.save_position("seed:a.txt", Position(1))
    assert path.with_name(path.name + ".damaged").read_text(encoding="utf-8") == "{not json"
    assert positions.load_position("seed:a.txt") == Position(1)


def test_positions_ignore_nonsense_entries_and_clamp_to_a_shorter_document() -> None:
    path = positions.positions_file()
    path.write_text(
        json.dumps({"documents": {"x": {"block": -1}, "y": {"block": "2"}}}), encoding="utf-8"
    )
    assert positions.load_position("x") is None and positions.load_position("y") is None
    assert positions.clamp(Position(40, 99), [10, 20, 5]) == Position(2, 5)
    assert positions.clamp(Position(1, 3), []) == Position(0, 0)


def test_positions_forget_the_least_recent_beyond_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(positions, "MAX_DOCUMENTS", 3)
    for i in range(5):
        positions.save_position(f"doc{i}", Position(i))
    positions.save_position("doc2", Position(7))  # reading doc2 again keeps it
    positions.save_position("doc5", Position(5))
    kept = json.loads(positions.positions_file().read_text(encoding="utf-8"))["documents"]
    assert list(kept) == ["doc4", "doc2", "doc5"]


def test_settings_round_trip_and_a_bad_file_is_one_line() -> None:
    assert load_settings() == (Settings(), None)
    save_settings(Settings(theme="nord", furigana_mode="all"))
    assert load_settings() == (Settings(theme="nord", furigana_mode="all"), None)
    from tui.settings import settings_file

    settings_file().write_text("[1, 2", encoding="utf-8")
    settings, notice = load_settings()
    assert settings == Settings() and notice is not None and "\n" not in notice


def test_keymap_accepts_quoted_dotted_and_list_forms() -> None:
    keymap, notices = parse_keymap(
        '"reader.search" = "f"\napp.toggle_tree = "T"\n"reader.down" = ["j", "ctrl+n"]\n'
    )
    assert notices == []
    assert keymap == {"reader.search": "f", "app.toggle_tree": "T", "reader.down": "j,ctrl+n"}


def test_keymap_bad_entries_are_skipped_with_a_notice_and_bad_toml_keeps_defaults() -> None:
    keymap, notices = parse_keymap('app.quit = 3\n"app.help" = "f1"\n')
    assert keymap == {"app.help": "f1"}
    assert len(notices) == 1 and "app.quit" in notices[0]
    keymap, notices = parse_keymap("app.quit = \n")
    assert keymap == {} and len(notices) == 1 and "default keys" in notices[0]


def test_no_keymap_file_is_no_keymap(tmp_path: Path) -> None:
    assert load_keymap(tmp_path / "absent.toml") == ({}, [])
    (tmp_path / "bad.toml").write_bytes(b"\xff\xfe")
    keymap, [notice] = load_keymap(tmp_path / "bad.toml")
    assert keymap == {} and "bad.toml" in notice
