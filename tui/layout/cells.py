"""Terminal cell widths and safe display of characters (no Textual, no Rich).

Widths follow wcwidth: East Asian Wide (W) and Fullwidth (F) characters take 2 cells; everything
else printable takes 1, **East Asian Ambiguous (A) included** (① ※ ― … are 1 cell, as in Rich
and most terminals in a non-CJK locale); combining marks, variation selectors and other
zero-width characters take 0 and ride on the previous cell.

A document may carry control characters or escape sequences; none of them may reach the terminal
raw. :func:`display_char` is the terminal gate's (``store.terminal_safe``): every control, format,
surrogate, private-use or unassigned code point becomes a visible 1-cell symbol (ESC is ``␛``), so
the layout can measure and draw it like any other character while the offsets into the text stay
unchanged.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from store.terminal_safe import display_char as safe_char

#: Emoji presentation selectors and the zero-width joiner are dropped from what is drawn: Rich
#: measures a whole emoji sequence as one glyph while the layout measures code points, and
#: without them both agree (❤️ is drawn as ❤, 👨‍👩‍👧 as 👨👩👧, skin tones are left out). The text itself keeps them.
DROPPED = frozenset({"\ufe0e", "\ufe0f", "\u200d", *map(chr, range(0x1F3FB, 0x1F400))})


@lru_cache(maxsize=8192)
def display_char(ch: str) -> str:
    """The string to draw for ``ch``: the terminal gate's (``store.terminal_safe``), or ``""``
    for the few invisible joiners in :data:`DROPPED`."""
    if ch in DROPPED:
        return ""
    return safe_char(ch)


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


def drawn_text(text: str) -> str:
    """``text`` as the layout draws it: each code point through :func:`display_char` (the
    terminal gate's stand-ins, joiners dropped), so its width is :func:`text_width`."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(display_char(ch) for ch in text)
