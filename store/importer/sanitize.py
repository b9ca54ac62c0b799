"""Strip terminal control from document text before anything else sees it.

A document may carry ANSI/OSC escape sequences (an OSC 52 one could write the user's clipboard)
or stray C0/C1 control characters. They are removed so they never reach the terminal raw; tabs
and newlines stay (they carry structure), and a form feed (a PDF page break) becomes a newline.
The character classes are the terminal gate's (``store.terminal_safe``): one definition of
what is unsafe, for import and for output alike.
"""

from __future__ import annotations

import re

from store.terminal_safe import strip_controls

#: The interlinear annotation marks: the importer's own note markers
#: (``store.importer.page_notes``), so a document's own must never reach the rules.
_OWN_MARKERS = re.compile("[\ufff9-\ufffb]")


def sanitize(text: str) -> tuple[str, int]:
    """Return ``(clean_text, removed)``: escapes, control characters and the importer's own
    marker characters removed, counted."""
    text, removed = strip_controls(text)
    text, n = _OWN_MARKERS.subn("", text)
    return text, removed + n
