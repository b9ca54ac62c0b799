"""Terminal cell widths and safe display of characters (no Textual, no Rich).

Widths follow wcwidth: East Asian Wide (W) and Fullwidth (F) characters take 2 cells; everything
else printable takes 1, **East Asian Ambiguous (A) included** (① ※ ― … are 1 cell, as in Rich
and most terminals in a non-CJK locale); combining marks, variation selectors and other
zero-width characters take 0 and ride on the previous cell.

A document may carry control characters or escape sequences; none of them may reach the terminal
raw. :func:`display_char` swaps every control, format, surrogate, private-use or unassigned code
point for a visible 1-cell symbol (C0 controls become their Unicode "control picture", e.g. ESC is
``␛``), so the layout can measure and draw it like any other character while the offsets into the
text stay unchanged.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

#: Shown for invisible or unsafe code points that have no control picture.
UNSAFE_SYMBOL = "⍰"
#: Shown for DEL (0x7F).
DEL_SYMBOL = "␡"

#: Emoji presentation selectors and the zero-width joiner are dropped from what is drawn: Rich
#: measures a whole emoji sequence as one glyph while the layout measures code points, and
#: without them both agree (❤️ is drawn as ❤, 👨‍👩‍👧 as 👨👩👧, skin tones are left out). The text itself keeps them.
DROPPED = frozenset({"\ufe0e", "\ufe0f", "\u200d", *map(chr, range(0x1F3FB, 0x1F400))})


@lru_cache(maxsize=8192)
def display_char(ch: str) -> str:
    """The string to draw for ``ch``: ``ch`` itself, a visible stand-in for unsafe chars, or
    ``""`` for the few invisible joiners in :data:`DROPPED`."""
    if ch in DROPPED:
        return ""
    o = ord(ch)
    if o < 0x20:
        return chr(0x2400 + o)
    if o == 0x7F:
        return DEL_SYMBOL
    if 0x80 <= o < 0xA0:
        return UNSAFE_SYMBOL
    cat = unicodedata.category(ch)
    if cat in ("Cc", "Cs", "Co", "Cn", "Zl", "Zp"):
        return UNSAFE_SYMBOL  # controls, surrogates, private use, unassigned, line separators
    if cat == "Cf":
        # Bidi overrides, zero-width spaces, soft hyphens... would reorder or hide text.
        return UNSAFE_SYMBOL
    return ch


@lru_cache(maxsize=8192)
def char_width(ch: str) -> int:
    """Cells taken by ``ch`` as drawn (after :func:`display_char`): 0, 1 or 2."""
    ch = display_char(ch)
    if not ch:
        return 0
    o = ord(ch)
    if 0x20 <= o < 0x7F:
        return 1
    cat = unicodedata.category(ch)
    if cat in ("Mn", "Me"):
        return 0
    if 0x1160 <= o <= 0x11FF:  # Hangul medial vowels / final consonants: conjoining, zero width
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def text_width(text: str) -> int:
    """Cells taken by ``text`` drawn on one line."""
    if text.isascii() and text.isprintable():
        return len(text)
    return sum(char_width(ch) for ch in text)


def safe_text(text: str) -> str:
    """``text`` with every unsafe character replaced by its visible stand-in."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(display_char(ch) for ch in text)
