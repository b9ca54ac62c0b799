"""Strip terminal control from document text before anything else sees it.

A document may carry ANSI/OSC escape sequences (an OSC 52 one could write the user's clipboard)
or stray C0/C1 control characters. They are removed so they never reach the terminal raw; tabs
and newlines stay (they carry structure), and a form feed (a PDF page break) becomes a newline.
"""

from __future__ import annotations

import re

# ESC-introduced sequences: OSC/DCS/SOS/PM/APC strings up to BEL or ST, CSI with its final byte,
# and two-character escapes. The C1 single-byte forms (U+009B CSI, U+009D OSC, ...) likewise.
_ESCAPES = re.compile(
    r"""
    (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f]) [^\x07\x1b\x9c]*? (?:\x07|\x1b\\|\x9c|$)  # strings
    | (?:\x1b\[|\x9b) [\x30-\x3f]* [\x20-\x2f]* [\x40-\x7e]?                         # CSI
    | \x1b [\x20-\x2f]* [\x30-\x7e]?                                                  # 2-char
    """,
    re.VERBOSE,
)
# Everything else in C0/C1 except tab and newline (and DEL), the bidirectional overrides and
# isolates (which reorder what the terminal shows), stray byte-order marks, and the
# interlinear annotation marks (the importer's own markers, store.importer.page_notes).
_CONTROLS = re.compile(
    r"[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]"
)
_C1 = re.compile(r"[\x80-\x9f]")


def sanitize(text: str) -> tuple[str, int]:
    """Return ``(clean_text, removed)``: escapes and control characters removed, counted."""
    if "\x0c" in text:
        text = text.replace("\x0c", "\n")
    removed = 0
    if "\x1b" in text or _C1.search(text):
        text, n = _ESCAPES.subn("", text)
        removed += n
    text, n = _CONTROLS.subn("", text)
    return text, removed + n
