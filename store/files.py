"""Opening a file someone named, without hanging, crashing or trusting its name.

Every file Shiori reads because a user (or an import, or a setting) named it goes through
:func:`open_regular`: it is opened without blocking (``O_NONBLOCK``, so a FIFO with no writer
cannot hang the command; ``O_NOCTTY``), checked on the open descriptor to be a regular file
(not a FIFO, device, socket or directory — no window for a swap between check and open), and
only then read. Every failure — missing, a symlink loop, permission, a name too long — becomes
one :class:`FileProblem` whose message names the file and says why in a few words.

File names are bytes on POSIX; Python keeps undecodable ones as lone surrogates
(``surrogateescape``), which open the right file but cannot be printed or encoded. They are
passed to the OS unchanged, stored losslessly (``store.jsonio``), and shown through
:func:`shown` with ``�`` for each undecodable byte.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from store.terminal_safe import safe_line

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_FLAGS |= getattr(os, "O_CLOEXEC", 0)

_WHY = {
    errno.ENOENT: "no such file",
    errno.ELOOP: "too many symbolic links (a symlink loop?)",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EISDIR: "is a directory, not a document",
    errno.ENOTDIR: "a part of the path is not a directory",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.ENXIO: "is a device or socket, not a regular file",
}


class FileProblem(OSError):
    """A named file that cannot be read as a document; ``str()`` is one line naming it."""

    def __init__(self, path: str | os.PathLike[str], why: str) -> None:
        super().__init__(f"{shown(path)}: {why}")
        self.path = path
        self.why = why

    @property
    def missing(self) -> bool:
        """The file does not exist (for a file that is optional, no problem at all)."""
        return self.why == _WHY[errno.ENOENT]


def shown(path: str | os.PathLike[str] | bytes) -> str:
    """A path as it may be printed: one line, control characters and undecodable bytes as
    visible stand-ins."""
    return safe_line(os.fsdecode(path))


def describe(exc: OSError) -> str:
    """A few words for an ``OSError`` (the file name is the caller's to add)."""
    if exc.errno in _WHY:
        return _WHY[exc.errno]
    return (exc.strerror or type(exc).__name__).lower()


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a directory, not a document"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    return "is not a regular file"


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """``path`` opened for reading in binary, once it is known to be a regular file.

    Raises :class:`FileProblem` (an ``OSError``) with a one-line message otherwise.
    """
    try:
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        raise FileProblem(path, describe(exc)) from None
    except ValueError:  # an embedded NUL
        raise FileProblem(path, "the file name is not valid") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise FileProblem(path, _kind(st.st_mode))
        if _FLAGS & getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def is_regular(path: str | os.PathLike[str]) -> bool:
    """True when ``path`` is a regular file (symlinks followed); never an error, unlike
    ``Path.is_file`` (which raises for a name too long)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def read_regular(path: str | os.PathLike[str], *, limit: int | None = None) -> bytes:
    """The whole of a regular file (:func:`open_regular`), refused past ``limit`` bytes."""
    with open_regular(path) as fh:
        if limit is not None:
            size = os.fstat(fh.fileno()).st_size
            if size > limit:
                raise FileProblem(path, f"too large ({size:,} bytes; the limit is {limit:,})")
            data = fh.read(limit + 1)
            if len(data) > limit:
                raise FileProblem(path, f"too large (more than {limit:,} bytes)")
            return data
        try:
            return fh.read()
        except OSError as exc:
            raise FileProblem(path, describe(exc)) from None


def same_bytes(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two regular files hold the same bytes, read side by side a MiB at a time (a
    difference stops the reading): how ``shiori add`` knows a file is already in the library,
    and how a file named on the command line finds its copy there
    (``store.library.library_copy``). Raises :class:`FileProblem`."""
    with open_regular(a) as fa, open_regular(b) as fb:
        if os.fstat(fa.fileno()).st_size != os.fstat(fb.fileno()).st_size:
            return False
        while True:
            ca, cb = fa.read(1 << 20), fb.read(1 << 20)
            if ca != cb:
                return False
            if not ca:
                return True


def absolute(path: str | os.PathLike[str]) -> Path:
    """``path`` made absolute with symlinks resolved where possible — never an error (a
    symlink loop or a vanished folder leaves the rest of the path as written)."""
    path = Path(path).expanduser()
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):  # a symlink loop (Python < 3.13), a NUL
        return Path(os.path.abspath(path))
