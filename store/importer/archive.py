"""Zip archives, read in memory and with limits: EPUB containers and Aozora Bunko ``.zip`` files.

Nothing is ever extracted to disk, so a member named ``../../x`` cannot write anywhere; names
are still checked (no absolute paths, no ``..``) and only members the archive lists are read.
A zip bomb is refused: a member is read at most :data:`MAX_MEMBER` bytes (its declared size is
not trusted), a whole archive at most :data:`MAX_TOTAL`, and one whose members claim to expand
more than :data:`MAX_RATIO` times is refused before reading.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from pathlib import Path
from typing import IO

from store.files import open_regular
from store.importer.errors import ImportFailed

MAX_MEMBER = 64 * 1024 * 1024
MAX_TOTAL = 256 * 1024 * 1024
MAX_RATIO = 200
MAX_MEMBERS = 20000


class Archive:
    """One zip file, opened for bounded reads of its members."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:  # through the file check: a FIFO or a device is refused, not read
            self._fh = open_regular(path)
        except OSError as exc:
            raise ImportFailed(str(exc)) from exc
        try:
            self.zip = zipfile.ZipFile(self._fh)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            self._fh.close()
            raise ImportFailed(f"{path}: cannot import: damaged zip archive ({exc})") from exc
        infos = self.zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ImportFailed(f"{path}: cannot import: zip archive with {len(infos)} members")
        self.infos = {info.filename: info for info in infos if safe_name(info.filename)}
        self.read_total = 0

    def close(self) -> None:
        self.zip.close()
        self._fh.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def names(self) -> list[str]:
        return list(self.infos)

    def read(self, name: str, limit: int = MAX_MEMBER) -> bytes:
        """A member's bytes; refused (one line) when it is a bomb or past the limits."""
        info = self.infos.get(name)
        if info is None:
            raise ImportFailed(f"{self.path}: cannot import: {name!r} is not in the archive")
        if info.file_size > limit or (
            info.compress_size
            and info.file_size / info.compress_size > MAX_RATIO
            and info.file_size > 1024 * 1024
        ):
            raise ImportFailed(
                f"{self.path}: cannot import: {name!r} would expand to {info.file_size} bytes "
                "(a zip bomb?)"
            )
        try:
            with self.zip.open(info) as fh:
                data = read_bounded(fh, limit)
        except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, EOFError, zlib.error) as exc:
            # RuntimeError: an encrypted member; zlib.error: damaged deflate data (the CRC
            # check, a BadZipFile, comes only after data that inflates)
            raise ImportFailed(f"{self.path}: cannot import: cannot read {name!r} ({exc})") from exc
        if len(data) > limit:
            raise ImportFailed(f"{self.path}: cannot import: {name!r} is larger than it says")
        self.read_total += len(data)
        if self.read_total > MAX_TOTAL:
            raise ImportFailed(
                f"{self.path}: cannot import: archive expands past {MAX_TOTAL >> 20} MB"
            )
        return data


def read_bounded(fh: IO[bytes], limit: int) -> bytes:
    """At most ``limit + 1`` bytes, read in chunks (``read(limit)`` would reserve the whole
    limit in memory up front)."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = fh.read(min(1 << 20, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def safe_name(name: str) -> bool:
    """A member name that stays inside the archive: relative, no ``..``, no drive."""
    if not name or name.startswith(("/", "\\")) or ":" in name.split("/", 1)[0]:
        return False
    parts = name.replace("\\", "/").split("/")
    return ".." not in parts


def resolve(base: str, href: str) -> str:
    """``href`` (relative to the member ``base``) as a member name; "" when it leaves the archive."""
    from urllib.parse import unquote

    href = unquote(href.split("#", 1)[0])
    if not href:
        return base
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), href))
    return "" if joined.startswith("../") or joined == ".." or joined.startswith("/") else joined


def text_members(names: list[str]) -> list[str]:
    return [n for n in names if n.lower().endswith(".txt") and not n.endswith("/")]
