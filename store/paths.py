"""Every path Shiori uses, in one place (after posting's ``locations.py``).

``SHIORI_DATA_DIR``, ``SHIORI_CACHE_DIR`` and ``SHIORI_CONFIG_DIR`` override the platformdirs
locations; tests set them so they never touch the user's real files.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "shiori"

#: The bundled library, shipped read-only beside the packages.
SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"


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
