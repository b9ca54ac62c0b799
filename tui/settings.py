"""Choices the app remembers between runs (theme, furigana mode), in ``settings.json``.

Written by the app itself (the user edits ``keymap.toml``, not this), atomically, under
``store.paths.config_dir()``. A file that is not JSON (or nested too deeply to read) is moved
aside as ``settings.json.damaged`` with a one-line notice and the defaults are used; one of
the wrong shape gives a notice and the defaults.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from pathlib import Path

from store import paths
from store.files import FileProblem, read_regular
from store.jsonio import loads
from store.positions import atomic_write_json, set_aside

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
        data = loads(read_regular(path, limit=1 << 20))
    except FileProblem as exc:
        if exc.why == "no such file":
            return Settings(), None
        return Settings(), f"{path.name}: cannot read ({exc.why}); using defaults"
    except OSError as exc:
        return Settings(), f"{path.name} unreadable ({type(exc).__name__}); using defaults"
    except ValueError as exc:
        notice: list[str] = []
        set_aside(path, str(exc), notice)
        return Settings(), notice[0]
    if not isinstance(data, dict):
        return Settings(), f"{path.name} is not a JSON object; using defaults"
    values = {}
    for f in fields(Settings):
        value = data.get(f.name)
        if isinstance(value, str) and value:
            values[f.name] = value
    return Settings(**values), None


def save_settings(settings: Settings) -> None:
    atomic_write_json(settings_file(), asdict(settings))
