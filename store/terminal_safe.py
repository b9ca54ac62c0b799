"""The one gate between user data and a terminal: which characters are unsafe, and what to do
with them.

Anything Shiori shows — a document's text, a title, a file name, a note, a tag, a colour's name,
an error naming a file, an export written to stdout — may carry escape sequences (an OSC 52 one
writes the user's clipboard), control characters, bidirectional overrides (which reorder what
the terminal shows) or lone surrogates (the undecodable bytes of a file name, kept by
``surrogateescape``). None of them may reach the terminal raw. Two treatments, one set of
character classes:

* **show** (:func:`display_char`, :func:`safe_text`, :func:`safe_line`): every unsafe code point
  becomes a visible one-cell stand-in (ESC is ``␛``, a lone surrogate ``�``), so the offsets of
  the text stay the same and the user sees that something was there. For everything printed.
* **strip** (:func:`strip_controls`, :func:`clean_line`): escape sequences are removed whole and
  stray controls dropped. For data: an imported document's text, a citation, a field the user
  typed.

JSON keeps everything: :func:`escape_json` turns every unsafe code point into a ``\\uXXXX``
escape, so the output is both exact and safe to print.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from store.patterns import compiled

#: C0 controls except tab and newline, DEL and the C1 controls.
CONTROL_CHARS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
#: Bidirectional embeddings, overrides and isolates: they reorder what a terminal shows.
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
#: ESC- or C1-introduced sequences: OSC/DCS/SOS/PM/APC strings up to BEL or ST (or the end),
#: CSI with its parameters and final byte, and two-character escapes.
ESCAPE_SEQUENCE = compiled(
    r"""
    (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f]) [^\x07\x1b\x9c]*? (?:\x07|\x1b\\|\x9c|$)  # strings
    | (?:\x1b\[|\x9b) [\x30-\x3f]* [\x20-\x2f]* [\x40-\x7e]?                         # CSI
    | \x1b [\x20-\x2f]* [\x30-\x7e]?                                                  # 2-char
    """,
    re.VERBOSE,
)
#: What stripping removes once the escape sequences are gone (a stray byte-order mark too).
STRIPPED = compiled(f"[{CONTROL_CHARS}{BIDI_CONTROLS}\ufeff]")
_ESCAPE_START = compiled("[\x1b\x90-\x9f]")

#: Shown for unsafe code points that have no control picture.
UNSAFE_SYMBOL = "⍰"
#: Shown for DEL (0x7F).
DEL_SYMBOL = "␡"
#: Shown for a lone surrogate: a byte of a file name that was not UTF-8.
UNDECODABLE = "\ufffd"

_UNSAFE_CATEGORIES = frozenset({"Cc", "Cs", "Co", "Cn", "Zl", "Zp", "Cf"})


@lru_cache(maxsize=8192)
def display_char(ch: str) -> str:
    """What to draw for ``ch``: itself, or a visible one-cell stand-in when it is unsafe.

    C0 controls become their control picture (ESC ``␛``, newline ``␊``), DEL ``␡``, a lone
    surrogate ``�``; every other control, format (bidi, zero-width), private-use, unassigned or
    line-separator code point ``⍰`` — a terminal would act on it, hide it, or draw it at a
    width nobody can predict.
    """
    o = ord(ch)
    if o < 0x20:
        return chr(0x2400 + o)
    if o < 0x7F:
        return ch
    if o == 0x7F:
        return DEL_SYMBOL
    if 0xD800 <= o <= 0xDFFF:
        return UNDECODABLE
    if unicodedata.category(ch) in _UNSAFE_CATEGORIES:
        return UNSAFE_SYMBOL
    return ch


class _Table(dict[int, str]):
    """A ``str.translate`` table filled on first use of each code point, so translating runs
    at C speed after the first sight of a character (at most ``_CACHED`` entries are kept)."""

    _CACHED = 1 << 16

    def __init__(self, treat: Callable[[str], str]) -> None:
        super().__init__()
        self._treat = treat

    def __missing__(self, code: int) -> str:
        value = self._treat(chr(code))
        if len(self) < self._CACHED:
            self[code] = value
        return value


def _show(ch: str) -> str:
    return ch if ch in "\n\t" else display_char(ch)


#: Code points known safe (ASCII and Latin printables, general punctuation, arrows and symbols,
#: CJK punctuation, kana, ideographs, full-width forms): text made only of them (and newlines
#: and tabs) is returned as it is without a look at each character.
SAFE_RANGES = (
    "\t\n\x20-\x7e\xa0-\xac\xae-\u0377\u2010-\u2027\u2030-\u205e\u2190-\u23ff"
    "\u2460-\u27bf\u3000-\u303f\u3041-\u3096\u3099-\u30ff\u3200-\u321e\u3220-\u32ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff9f"
)
_OUTSIDE_SAFE = compiled(f"[^{SAFE_RANGES}]")

_SHOW = _Table(_show)
_LINE = _Table(lambda ch: " " if ch in "\n\t\r" else display_char(ch))


def is_safe(text: str) -> bool:
    """True when every code point of ``text`` may be printed as it is (newline and tab too)."""
    return _OUTSIDE_SAFE.search(text) is None or text.translate(_SHOW) == text


def safe_text(text: str) -> str:
    """``text`` with every unsafe code point shown by its stand-in; newlines and tabs kept."""
    if _OUTSIDE_SAFE.search(text) is None:
        return text
    return text.translate(_SHOW)


def safe_line(text: str) -> str:
    """One line to show: newlines, tabs and carriage returns become spaces, the rest as
    :func:`safe_text`."""
    if _OUTSIDE_SAFE.search(text) is None and "\n" not in text and "\t" not in text:
        return text
    return text.translate(_LINE)


def strip_controls(text: str) -> tuple[str, int]:
    """``(text, removed)``: escape sequences removed whole, then stray controls, bidi overrides
    and byte-order marks; tabs and newlines kept, a form feed becomes a newline."""
    if "\x0c" in text:
        text = text.replace("\x0c", "\n")
    removed = 0
    if _ESCAPE_START.search(text):
        text, n = ESCAPE_SEQUENCE.subn("", text)
        removed += n
    text, n = STRIPPED.subn("", text)
    return text, removed + n


def clean_line(text: str) -> str:
    """Data for one line (a citation field, a tag): controls stripped, each line break and
    tab a space, lone surrogates replaced, ends trimmed."""
    text = strip_controls(text)[0].replace("\n", " ").replace("\t", " ")
    return replace_surrogates(text).strip()


_SURROGATE = compiled("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """Lone surrogates (undecodable bytes of a file name) as ``�``."""
    return _SURROGATE.sub(UNDECODABLE, text)


def has_surrogates(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def escape_json(serialised: str) -> str:
    """JSON text with every unsafe code point as a ``\\uXXXX`` escape: exact and printable.

    Safe because such code points can only occur inside JSON strings, where an escape means
    the same character (``json.dumps`` already escapes C0 controls).
    """
    if _OUTSIDE_SAFE.search(serialised) is None:
        return serialised
    return serialised.translate(_JSON)


def _json_escape(ch: str) -> str:
    if ch in "\n\t" or display_char(ch) == ch:
        return ch
    o = ord(ch)
    if o <= 0xFFFF:
        return f"\\u{o:04x}"
    o -= 0x10000  # outside the BMP: a surrogate pair, as JSON spells it
    return f"\\u{0xD800 + (o >> 10):04x}\\u{0xDC00 + (o & 0x3FF):04x}"


_JSON = _Table(_json_escape)
