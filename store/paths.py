"""Every path Shiori uses, in one place (after posting's ``locations.py``).

``SHIORI_DATA_DIR``, ``SHIORI_CACHE_DIR`` and ``SHIORI_CONFIG_DIR`` override the platformdirs
locations; tests set them so they never touch the user's real files.
"""

from __future__ import annotations

import importlib.resources
import os
from pathlib import Path

import platformdirs

APP = "shiori"


def _bundled_seeds() -> Path:
    """The bundled library: the package data of ``shiori.seeds``, which is the checkout's
    ``seeds/`` folder in an editable install and a copy inside the installed packages
    otherwise (wheel, ``pip install --user``, pipx): found the same way by every kind."""
    root = importlib.resources.files("shiori.seeds")
    if not isinstance(root, Path):  # a zipped install: nothing on disk to list or open
        raise RuntimeError(f"Shiori's bundled library is not on disk ({root}); install unpacked")
    return root


#: The bundled library, read-only.
SEEDS_DIR = _bundled_seeds()


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
