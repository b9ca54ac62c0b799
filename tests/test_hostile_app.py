"""Issue 14, case 10 and the app's side of case 8: damaged preference files are moved aside
with a notice and the app starts; a file name that is not UTF-8 is remembered; an unhandled
exception ends the app with one line and a non-zero exit."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from pilot_waits import settle

from store import atomic, paths, positions
from store.library import doc_key
from tui.app import OpenedFile, ShioriApp, run_app
from tui.citation_prefs import CitationPrefs
from tui.keymap import load_keymap
from tui.settings import Settings, load_settings, settings_file

DEEP = "[" * 100_000 + "]" * 100_000
TEXT = "# 北米\n\n強固な日米同盟は、日本の外交及び安全保障の基軸である。\n"


def test_10_positions_that_are_not_utf8_are_moved_aside_with_a_notice() -> None:
    path = positions.positions_file()
    path.write_bytes(b'{"documents": {"\xff\xfe": {"block": 1}}}')
    notice = positions.check()  # no crash
    assert path.with_name("positions.json.damaged").read_bytes().startswith(b'{"doc')
    assert notice and "positions.json" in notice and "UTF-8" in notice and "\n" not in notice
    assert positions.load_position("seed:a.txt") is None
    positions.save_position("seed:a.txt", positions.Position(2))
    assert positions.load_position("seed:a.txt") == positions.Position(2)


@pytest.mark.parametrize("content", [DEEP, '{"documents": ' * 50_000 + "{}" + "}" * 50_000])
def test_10_nested_too_deep_is_damage_not_a_crash(content: str) -> None:
    positions.positions_file().write_text(content, "utf-8")
    notice = positions.check()
    assert notice and "nested too deeply" in notice and "\n" not in notice
    assert positions.last_read() is None
    settings_file().write_text(content, "utf-8")
    settings, notice = load_settings()
    assert settings == Settings() and notice and "\n" not in notice
    assert settings_file().with_name("settings.json.damaged").exists()
    assert not settings_file().exists()
    (paths.config_dir() / "citation.json").write_text(content, "utf-8")
    prefs, notice = CitationPrefs.load()
    assert prefs == CitationPrefs() and notice and "nested too deeply" in notice
    (paths.config_dir() / "keymap.toml").write_text("a = " + "[" * 100_000, "utf-8")
    keymap, notices = load_keymap()
    assert keymap == {} and notices and "\n" not in notices[0]


def test_8_a_position_under_a_name_that_is_not_utf8_is_kept(tmp_path: Path) -> None:
    key = str(tmp_path / os.fsdecode(b"\xff\xfe.txt"))
    positions.save_position(key, positions.Position(3, 1, "h"))
    assert positions.load_position(key) == positions.Position(3, 1, "h")
    assert positions.last_read() == key
    assert "\\udcff" in positions.positions_file().read_text("utf-8")  # valid UTF-8 JSON
    assert positions.check() is None


def test_temp_files_of_killed_writes_are_removed_once_stale() -> None:
    path = positions.positions_file()
    old = path.with_name(".positions.json.abc123.tmp")
    fresh = path.with_name(".positions.json.def456.tmp")
    old.write_text("{", "utf-8")
    fresh.write_text("{", "utf-8")
    past = time.time() - atomic.STALE_TEMP_SECONDS - 60
    os.utime(old, (past, past))
    positions.save_position("seed:a.txt", positions.Position(1))
    assert not old.exists() and fresh.exists()  # a live writer's file is never touched


async def test_10_the_app_starts_with_damaged_files_and_says_so(tmp_path: Path) -> None:
    positions.positions_file().write_bytes(b"\xff\xfe not json")
    settings_file().write_text(DEEP, "utf-8")
    path = tmp_path / os.fsdecode(b"\xff\xfe.md")
    try:
        path.write_text(TEXT, "utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system does not take names that are not UTF-8")
    from store.importer import import_file

    app = ShioriApp(OpenedFile(path.resolve(), import_file(path)))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, lambda: len(app._notifications) >= 2)
        messages = " ".join(n.message for n in app._notifications)
        assert "settings.json" in messages and "positions.json" in messages
        app.reader.focus()
        await pilot.press("j", "j")
        app._flush_position()  # what the timer does a second later: must not crash
    saved = json.loads(positions.positions_file().read_text("utf-8"))
    assert saved["last"] == doc_key(path)


def test_an_app_crash_is_one_line_and_exit_70(monkeypatch, capsys) -> None:
    def boom(self: ShioriApp) -> None:
        raise ValueError("boom \x1b]52;c;SGk=\x07")

    monkeypatch.setattr(ShioriApp, "on_mount", boom)
    run = ShioriApp.run
    monkeypatch.setattr(
        ShioriApp, "run", lambda self, **kw: run(self, headless=True, size=(80, 24))
    )
    code = run_app(None)
    out, err = capsys.readouterr()
    assert code == 70
    assert err.count("\n") == 1 and "ValueError: boom ␛]52" in err and "\x1b" not in err
    assert "Traceback" not in err + out
    assert "Traceback" in (paths.cache_dir() / "crash.log").read_text("utf-8")


def test_15_a_damaged_preference_file_set_aside_is_private() -> None:
    path = positions.positions_file()
    path.write_bytes(b"\xff\xfe not json")
    path.chmod(0o644)
    assert positions.check()
    assert path.with_name("positions.json.damaged").stat().st_mode & 0o777 == 0o600
