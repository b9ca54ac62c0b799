"""Counts in words, with the noun in the right number: ``1 annotation``, ``2 annotations``.

Every message that counts something says it this way (never ``annotation(s)``).
"""

from __future__ import annotations

#: What the importers remove from a document, one and several.
CONTROL = "control character or escape sequence"
CONTROLS = "control characters or escape sequences"


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and ``noun``, in the plural (``plural``, else ``noun + "s"``) unless ``n`` is 1."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def were(n: int) -> str:
    """The verb after a count: ``was`` for one, ``were`` for others."""
    return "was" if n == 1 else "were"
