"""Positions, settings and citation preferences: one way to load, save and survive damage."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pilot_waits import settle

from store import paths, positions
from tui.app import OpenedFile, ShioriApp, import_document
from tui.citation_prefs import CitationPrefs
from tui.settings import Settings, load_settings, save_settings


def load_settings_notice() -> str | None:
    return load_settings()[1]


def load_prefs_notice() -> str | None:
    return CitationPrefs.load()[1]


def save_a_setting() -> None:
    save_settings(Settings(theme="nord"))


def save_a_pref() -> None:
    CitationPrefs(style="en").save()


def save_a_position() -> None:
    positions.save_position("seed:a.txt", positions.Position(2))


FILES: list[tuple[str, Callable[[], Path], Callable[[], str | None], Callable[[], None]]] = [
    ("settings", lambda: paths.config_dir() / "settings.json", load_settings_notice, save_a_setting),
    ("citation", lambda: paths.config_dir() / "citation.json", load_prefs_notice, save_a_pref),
    ("positions", positions.positions_file, positions.check, save_a_position),
]


@pytest.mark.parametrize(("_name", "where", "load", "save"), FILES, ids=[f[0] for f in FILES])
@pytest.mark.parametrize("damage", ["{not json", "[1, 2]", "\udcff"])
def test_a_damaged_file_is_one_line_kept_aside_and_never_overwritten(
    _name: str,
    where: Callable[[], Path],
    load: Callable[[], str | None],
    save: Callable[[], None],
    damage: str,
) -> None:
    path = where()
    path.write_bytes(damage.encode("utf-8", "surrogateescape"))
    notice = load()
    assert notice is not None and "\n" not in notice and path.name in notice
    save()  # the next save writes a new file; what the user had stays beside it
    aside = path.with_name(path.name + ".damaged")
    assert aside.read_bytes() == damage.encode("utf-8", "surrogateescape")
    assert json.loads(path.read_text(encoding="utf-8"))
    assert load() is None


def test_a_field_of_the_wrong_type_keeps_its_default_and_the_rest_is_used() -> None:
    path = paths.config_dir() / "citation.json"
    path.write_text(json.dumps({"style": 3, "readings": True}), encoding="utf-8")
    assert CitationPrefs.load() == (CitationPrefs(style="ja", readings=True), None)
    path.write_text(json.dumps({"style": "apa", "readings": "yes"}), encoding="utf-8")
    assert CitationPrefs.load() == (CitationPrefs(), None)
    settings = paths.config_dir() / "settings.json"
    settings.write_text(json.dumps({"theme": "", "furigana_mode": "all"}), encoding="utf-8")
    assert load_settings() == (Settings(furigana_mode="all"), None)


async def test_the_app_says_once_which_files_were_damaged(tmp_path: Path) -> None:
    for path in (
        paths.config_dir() / "settings.json",
        paths.config_dir() / "citation.json",
        positions.positions_file(),
    ):
        path.write_text("{not json", encoding="utf-8")
    doc = tmp_path / "kiroku.md"
    doc.write_text("# 記録\n\n本文。\n", encoding="utf-8")
    app = ShioriApp(OpenedFile(doc, import_document(doc)))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        messages = [n.message for n in app._notifications]
    for name in ("settings.json", "citation.json", "positions.json"):
        assert len([m for m in messages if m.startswith(name)]) == 1, messages
