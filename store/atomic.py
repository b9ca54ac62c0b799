"""Writing a file so that it is always either the old or the new one, never half of each.

Every file Shiori writes whole goes through here: the annotation snapshot, reading positions,
settings and preferences, the document and readings caches, ``shiori add``'s copies and
exports. The recipe: a temp file in the target's folder (so the rename stays on one file
system), written and fsynced, ``os.replace``d over the target, then the folder fsynced so the
rename itself survives a crash. A failure removes the temp file and leaves the target as it
was. New files are private to the user (0600) unless the caller asks for another mode.

(The annotation journal is appended to, not replaced: ``store.annotations.storage`` keeps
that path itself.)
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: Mode of the files written here: the user's notes, positions and caches are nobody else's.
PRIVATE = 0o600


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (where the platform allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def _replace_with(
    path: Path,
    fill: Callable[[Any], None],
    *,
    mode: int,
    before_replace: Callable[[], None] | None,
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            if hasattr(os, "fchmod"):  # POSIX (mkstemp already made it 0600)
                os.fchmod(fh.fileno(), mode)
            fill(fh)
            fh.flush()
            os.fsync(fh.fileno())
        if before_replace is not None:
            before_replace()
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def write_bytes(
    path: Path,
    data: bytes,
    *,
    mode: int = PRIVATE,
    before_replace: Callable[[], None] | None = None,
) -> None:
    """Replace ``path`` with ``data`` atomically and durably.

    ``before_replace`` runs once the new content is safely on disk, just before the rename
    (the annotation store rotates its backups there).
    """
    _replace_with(path, lambda fh: fh.write(data), mode=mode, before_replace=before_replace)


def write_text(path: Path, text: str, *, mode: int = PRIVATE) -> None:
    """Replace ``path`` with ``text`` as UTF-8, atomically and durably."""
    write_bytes(path, text.encode("utf-8"), mode=mode)


def write_json(path: Path, data: Any, *, compact: bool = False, mode: int = PRIVATE) -> None:
    """Replace ``path`` with ``data`` as UTF-8 JSON (no ``\\u`` escapes), atomically.

    ``compact`` for caches (no whitespace); otherwise indented for a person to read.
    """
    if compact:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    else:
        text = json.dumps(data, ensure_ascii=False, indent=1)
    write_bytes(path, text.encode("utf-8"), mode=mode)


def copy_file(source: Path, target: Path, *, mode: int = PRIVATE) -> None:
    """Replace ``target`` with a copy of ``source`` atomically and durably."""

    def fill(fh: Any) -> None:
        with open(source, "rb") as src:
            shutil.copyfileobj(src, fh, 1 << 20)

    _replace_with(target, fill, mode=mode, before_replace=None)
