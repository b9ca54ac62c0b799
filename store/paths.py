"""Every path Shiori uses, in one place (after posting's ``locations.py``).

``SHIORI_DATA_DIR``, ``SHIORI_CACHE_DIR`` and ``SHIORI_CONFIG_DIR`` override the platformdirs
locations; tests set them so they never touch the user's real files.

Importing this module is cheap (it runs before every command, to find the bytecode cache):
``platformdirs`` and ``importlib.resources`` are imported only when a path needs them, and
on Linux the cache dir is found without them (``cache_location``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

APP = "shiori"


def _bundled_seeds() -> Path:
    """The bundled library: the package data of ``shiori.seeds``, which is the checkout's
    ``seeds/`` folder in an editable install and a copy inside the installed packages
    otherwise (wheel, ``pip install --user``, pipx): found the same way by every kind."""
    import importlib.resources

    root = importlib.resources.files("shiori.seeds")
    if not isinstance(root, Path):  # a zipped install: nothing on disk to list or open
        raise RuntimeError(f"Shiori's bundled library is not on disk ({root}); install unpacked")
    return root


#: The bundled library, read-only (``SEEDS_DIR``, found on first use: ``__getattr__``).
SEEDS_DIR: Path


def __getattr__(name: str) -> Any:
    if name == "SEEDS_DIR":
        global SEEDS_DIR
        SEEDS_DIR = _bundled_seeds()
        return SEEDS_DIR
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    import platformdirs

    return private_dir(Path(os.environ.get("SHIORI_DATA_DIR") or platformdirs.user_data_dir(APP)))


def cache_location() -> str:
    """The cache dir's path, not created: ``SHIORI_CACHE_DIR``, else platformdirs' user cache
    dir — on Linux worked out as platformdirs does (``$XDG_CACHE_HOME`` when absolute, else
    ``$HOME/.cache``), without importing it (3–4 ms of every command's start-up)."""
    if override := os.environ.get("SHIORI_CACHE_DIR"):
        return override
    if sys.platform == "linux":
        xdg, home = os.environ.get("XDG_CACHE_HOME", ""), os.environ.get("HOME", "")
        if os.path.isabs(xdg):
            return os.path.join(xdg, APP)
        if os.path.isabs(home):
            return os.path.join(home.rstrip("/") or "/", ".cache", APP)
    import platformdirs

    return platformdirs.user_cache_dir(APP)


def cache_dir() -> Path:
    path = Path(cache_location())
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    import platformdirs

    return _dir("SHIORI_CONFIG_DIR", platformdirs.user_config_dir(APP))


def library_dir() -> Path:
    """Where ``shiori add`` copies the user's own documents."""
    return private_dir(data_dir() / "library")


def annotations_db() -> Path:
    return data_dir() / "annotations.json"
