"""Choices the app remembers between runs (theme, furigana mode), in ``settings.json``.

Written by the app itself (the user edits ``keymap.toml``, not this), atomically, under
``store.paths.config_dir()``. A damaged or hand-mangled file gives a one-line notice and the
defaults; it is left in place so nothing the user wrote is lost until the next save.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from store import atomic, paths

FILE_NAME = "settings.json"


@dataclass(slots=True)
class Settings:
    #: A Textual theme name; ``None`` means Textual's default.
    theme: str | None = None
    #: The reader's furigana mode; ``None`` means the reader's default.
    furigana_mode: str | None = None


def settings_file() -> Path:
    return paths.config_dir() / FILE_NAME


def load_settings() -> tuple[Settings, str | None]:
    """The saved settings and a one-line notice when the file could not be used."""
    path = settings_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings(), None
    except (OSError, ValueError) as exc:
        return Settings(), f"{path.name} unreadable ({type(exc).__name__}); using defaults"
    if not isinstance(data, dict):
        return Settings(), f"{path.name} is not a JSON object; using defaults"
    values = {}
    for f in fields(Settings):
        value = data.get(f.name)
        if isinstance(value, str) and value:
            values[f.name] = value
    return Settings(**values), None


def save_settings(settings: Settings) -> None:
    atomic.write_json(settings_file(), asdict(settings))
