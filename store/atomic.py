"""Writing a file so that it is always either the old or the new one, never half of each.

Every file Shiori writes whole goes through here: the annotation snapshot, reading positions,
settings and preferences, the document and readings caches, ``shiori add``'s copies and
exports. The recipe: a temp file in the target's folder (so the rename stays on one file
system), written and fsynced, ``os.replace``d over the target, then the folder fsynced so the
rename itself survives a crash. A failure removes the temp file and leaves the target as it
was. New files are private to the user (0600) unless the caller asks for another mode.

A file too large to build in memory (the annotation snapshot) is written by
:func:`write_stream`, which hands the open temp file to a function that fills it. JSON goes
through ``store.jsonio``, so a key holding a file name that is not UTF-8 is stored losslessly
(``\\udcxx``) instead of crashing the write. Temp files of writers that were killed are removed
by :func:`remove_stale_temps`.

(The annotation journal is appended to, not replaced: ``store.annotations.storage`` keeps
that path itself.)

This module imports none of Shiori's at its top: ``store.patterns`` writes through it while
the store's modules are still being imported.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

#: Mode of the files written here: the user's notes, positions and caches are nobody else's.
PRIVATE = 0o600
#: A temp file older than this was left by a writer that died (a write takes milliseconds).
STALE_TEMP_SECONDS = 600

R = TypeVar("R")


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


def temp_pattern(path: Path) -> str:
    """The glob matching the temp files written beside ``path`` (``.<name>.<random>.tmp``)."""
    return f".{path.name}.*.tmp"


def remove_stale_temps(path: Path, *, older_than: float = STALE_TEMP_SECONDS) -> None:
    """Remove temp files beside ``path`` left by writes that were killed: only those older
    than ``older_than`` seconds, never one a live writer may still own (``0`` when the caller
    holds a lock every writer takes)."""
    now = time.time()
    with contextlib.suppress(OSError):
        for tmp in path.parent.glob(temp_pattern(path)):
            with contextlib.suppress(OSError):
                if now - tmp.lstat().st_mtime >= older_than:
                    tmp.unlink()


def write_stream(
    path: Path,
    fill: Callable[[BinaryIO], R],
    *,
    mode: int = PRIVATE,
    before_replace: Callable[[], None] | None = None,
    durable: bool = True,
) -> R:
    """Replace ``path`` atomically and durably with what ``fill`` writes to the open temp file
    (for content too large to build in memory); returns what ``fill`` returns.

    ``before_replace`` runs once the new content is safely on disk, just before the rename
    (the annotation store rotates its backups there). ``durable=False`` skips the fsyncs, for
    a cache that is made again if a crash loses it: still never half written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            if hasattr(os, "fchmod"):  # POSIX (mkstemp already made it 0600)
                os.fchmod(fh.fileno(), mode)
            result = fill(fh)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        if before_replace is not None:
            before_replace()
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if durable:
        fsync_dir(path.parent)
    return result


def write_bytes(
    path: Path,
    data: bytes,
    *,
    mode: int = PRIVATE,
    before_replace: Callable[[], None] | None = None,
    durable: bool = True,
) -> None:
    """Replace ``path`` with ``data`` atomically and durably (``before_replace``,
    ``durable``: as :func:`write_stream`)."""
    write_stream(
        path, lambda fh: fh.write(data), mode=mode, before_replace=before_replace, durable=durable
    )


def write_text(path: Path, text: str, *, mode: int = PRIVATE) -> None:
    """Replace ``path`` with ``text`` as UTF-8, atomically and durably."""
    write_bytes(path, text.encode("utf-8"), mode=mode)


def write_json(path: Path, data: Any, *, compact: bool = False, mode: int = PRIVATE) -> None:
    """Replace ``path`` with ``data`` as UTF-8 JSON (no ``\\u`` escapes but for lone
    surrogates: ``store.jsonio``), atomically.

    ``compact`` for caches (no whitespace); otherwise indented for a person to read.
    """
    from store import jsonio  # here, not above: see the module's last paragraph

    if compact:
        raw = jsonio.dumps_bytes(data, separators=(",", ":"))
    else:
        raw = jsonio.dumps_bytes(data, indent=1)
    write_bytes(path, raw, mode=mode)


def copy_file(source: Path, target: Path, *, mode: int = PRIVATE) -> None:
    """Replace ``target`` with a copy of ``source`` atomically and durably (``source`` opened
    through the file check, ``store.files``: a FIFO or a device is refused, not read)."""

    from store.files import open_regular  # here, not above: see the module's last paragraph

    def fill(fh: BinaryIO) -> None:
        with open_regular(source) as src:
            shutil.copyfileobj(src, fh, 1 << 20)

    write_stream(target, fill, mode=mode)
