"""The one exception import raises: its message is the one line the user sees."""

from __future__ import annotations


class ImportFailed(Exception):
    """A file could not be imported; ``str()`` is a one-line message naming the file."""
