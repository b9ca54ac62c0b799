"""The one exception import raises: its message is the one line the user sees."""

from __future__ import annotations

from store.terminal_safe import safe_line


class ImportFailed(Exception):
    """A file could not be imported; ``str()`` is a one-line message naming the file.

    The message is made one safe line here, whoever raises it: a file name may hold a line
    break, an escape sequence or bytes that are not UTF-8 (``store.terminal_safe``)."""

    def __init__(self, message: str) -> None:
        super().__init__(safe_line(message))
