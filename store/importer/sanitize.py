"""Strip terminal control from document text before anything else sees it.

A document may carry ANSI/OSC escape sequences (an OSC 52 one could write the user's clipboard)
or stray C0/C1 control characters. They are removed so they never reach the terminal raw; tabs
and newlines stay (they carry structure), and a form feed (a PDF page break) becomes a newline.
The character classes are the terminal gate's (``store.terminal_safe``): one definition of
what is unsafe, for import and for output alike.
"""

from __future__ import annotations

from store.patterns import compiled
from store.terminal_safe import strip_controls

#: Invisible formatting: zero-width space and non-joiner, word joiner and the invisible math
#: operators, soft hyphen, left-to-right/right-to-left/Arabic letter marks, Mongolian vowel
#: separator. They carry no text (a web page's line-break hints, a soft hyphen's place) and
#: would be drawn as ⍰ (``store.terminal_safe``) or hide a difference between two words, so
#: the text is read without them. The zero-width joiner stays: emoji sequences need it.
_INVISIBLE = compiled("[\u00ad\u061c\u180e\u200b\u200c\u200e\u200f\u2060-\u2064]")
#: The interlinear annotation marks: the importer's own note markers
#: (``store.importer.page_notes``), so a document's own must never reach the rules.
_OWN_MARKERS = compiled("[\ufff9-\ufffb]")


def sanitize(text: str) -> tuple[str, int]:
    """Return ``(clean_text, removed)``: escapes, control characters and the importer's own
    marker characters removed, counted; invisible formatting characters removed too (not
    counted: nothing of the text is lost with them)."""
    text, removed = strip_controls(text)
    text = _INVISIBLE.sub("", text)
    text, n = _OWN_MARKERS.subn("", text)
    return text, removed + n
