"""Choices the app remembers between runs (theme, furigana mode and style, reading measure,
whether the sidebar is shown), in ``settings.json``.

Written by the app itself (the user edits ``keymap.toml``, not this) under
``store.paths.config_dir()``, through ``store.preferences``: atomically, and a damaged or
hand-mangled file gives a one-line notice and the defaults, and is kept aside as
``settings.json.damaged``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from store import paths, preferences

FILE_NAME = "settings.json"
#: Full-width characters per line by default (printed books set about 40); 0: the pane's width.
DEFAULT_MEASURE = 40


@dataclass(slots=True)
class Settings:
    #: A Textual theme name; ``None`` means Textual's default.
    theme: str | None = None
    #: The reader's furigana mode; ``None`` means the reader's default.
    furigana_mode: str | None = None
    #: How the library tree is sorted (``store.library.SORTS``); ``None``: by title.
    library_sort: str | None = None
    #: How readings are drawn (auto, kana, half-width); ``None`` means the reader's default.
    furigana_style: str | None = None
    #: At most this many full-width characters per line, the text centred; 0: full width.
    measure: int = DEFAULT_MEASURE
    #: The annotation sidebar as the user last left it with ``s``; ``None``: each terminal
    #: width's default (shown from 160 columns).
    sidebar_shown: bool | None = None


def settings_file() -> Path:
    return paths.config_dir() / FILE_NAME


def load_settings() -> tuple[Settings, str | None]:
    """The saved settings and a one-line notice when the file could not be used."""
    return preferences.load(Settings, settings_file())


def save_settings(settings: Settings) -> None:
    preferences.save(settings, settings_file())
