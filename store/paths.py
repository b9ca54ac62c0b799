"""Every path Shiori uses, in one place (after posting's ``locations.py``).

``SHIORI_DATA_DIR``, ``SHIORI_CACHE_DIR`` and ``SHIORI_CONFIG_DIR`` override the platformdirs
locations; tests set them so they never touch the user's real files.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP = "shiori"


def find_seeds_dir(checkout: Path | None = None, prefix: str | None = None) -> Path:
    """The bundled library: the checkout's ``seeds/`` (editable install), else the copy a
    regular install puts under ``<prefix>/share/shiori/seeds``."""
    beside = (checkout or Path(__file__).resolve().parent.parent) / "seeds"
    if beside.is_dir():
        return beside
    installed = Path(prefix or sys.prefix) / "share" / APP / "seeds"
    return installed if installed.is_dir() else beside


#: The bundled library, read-only.
SEEDS_DIR = find_seeds_dir()


def _dir(env: str, default: str) -> Path:
    path = Path(os.environ.get(env) or default)
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    return _dir("SHIORI_DATA_DIR", platformdirs.user_data_dir(APP))


def cache_dir() -> Path:
    return _dir("SHIORI_CACHE_DIR", platformdirs.user_cache_dir(APP))


def config_dir() -> Path:
    return _dir("SHIORI_CONFIG_DIR", platformdirs.user_config_dir(APP))


def library_dir() -> Path:
    """Where ``shiori add`` copies the user's own documents."""
    path = data_dir() / "library"
    path.mkdir(parents=True, exist_ok=True)
    return path


def annotations_db() -> Path:
    return data_dir() / "annotations.json"
