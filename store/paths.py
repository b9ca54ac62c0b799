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


def private_dir(path: Path) -> Path:
    """``path`` created if needed, readable by its owner only (0700): notes, positions and the
    user's documents are nobody else's. A folder someone else owns is left as it is."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        st = path.stat()
        if st.st_mode & 0o077 and st.st_uid == os.getuid():
            path.chmod(0o700)
    except (OSError, AttributeError):  # AttributeError: no getuid (Windows)
        pass
    return path


def data_dir() -> Path:
    """Annotations, positions and the user's library: private (0700)."""
    return private_dir(Path(os.environ.get("SHIORI_DATA_DIR") or platformdirs.user_data_dir(APP)))


def cache_dir() -> Path:
    return _dir("SHIORI_CACHE_DIR", platformdirs.user_cache_dir(APP))


def config_dir() -> Path:
    return _dir("SHIORI_CONFIG_DIR", platformdirs.user_config_dir(APP))


def library_dir() -> Path:
    """Where ``shiori add`` copies the user's own documents."""
    return private_dir(data_dir() / "library")


def annotations_db() -> Path:
    return data_dir() / "annotations.json"
