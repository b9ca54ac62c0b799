"""Strip terminal control from document text before anything else sees it.

A document may carry ANSI/OSC escape sequences (an OSC 52 one could write the user's clipboard)
or stray C0/C1 control characters. They are removed so they never reach the terminal raw; tabs
and newlines stay (they carry structure), and a form feed (a PDF page break) becomes a newline.
The character classes are the terminal gate's (``store.terminal_safe``): one definition of
what is unsafe, for import and for output alike.
"""

from __future__ import annotations

from store.terminal_safe import strip_controls


def sanitize(text: str) -> tuple[str, int]:
    """Return ``(clean_text, removed)``: escapes and control characters removed, counted."""
    return strip_controls(text)
