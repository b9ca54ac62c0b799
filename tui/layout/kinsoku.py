"""Where a line may break: kinsoku shori (禁則処理) and the Latin-word rule.

A line never starts with a character of :data:`NO_LINE_START` (closing brackets, 。、, small
kana, ー, 々, …) and never ends with one of :data:`NO_LINE_END` (opening brackets). Latin words
and numbers are runs of narrow "word" characters that stay whole, and a number keeps its
counter or unit (:func:`counts_with`); a break may fall between any two other characters
(Japanese text has no spaces to wait for).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from tui.layout.cells import char_width

#: Characters a line must not start with.
NO_LINE_START = frozenset(
    "、。，．」』）】〕〉》！？・ー々ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ…‥"
    "ゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ〟｝］〙〗，：；゛゜ヽヾ"
    ",.:;!?)]}"
)
#: Characters a line must not end with.
NO_LINE_END = frozenset("「『（【〔〈《〝｛［〘〖([{")

#: Digits and kanji numerals: a number keeps the unit or counter that follows it on its line.
NUMERALS = frozenset("0123456789０１２３４５６７８９〇一二三四五六七八九十百千万億兆")
#: Symbols that follow a number as its unit (full-width ones: the ASCII ``%`` is part of the
#: number's word already).
UNIT_SYMBOLS = frozenset("％‰℃°′″")


def counts_with(before: str, ch: str) -> bool:
    """True when ``ch`` after ``before`` is a number's counter or unit, kept on its line:
    ``9時``, ``30分``, ``2025年``, ``三人``, ``５０％`` never break between number and unit, as
    careful typesetting keeps them (a reader meeting ``9`` at a line end reads on to ``時``)."""
    if before not in NUMERALS:
        return False
    return ch in UNIT_SYMBOLS or "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


#: Spaces a wrap may swallow (drawn nowhere when they fall at a line end or start).
BREAK_SPACES = frozenset(" ")


@lru_cache(maxsize=8192)
def is_word_char(ch: str) -> bool:
    """Characters that glue into a Latin word or number (``U.S.-Japan``, ``2,375``, ``２０２５``)."""
    o = ord(ch)
    if 0x21 <= o < 0x7F:
        return True
    if 0xFF10 <= o <= 0xFF19 or 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A:
        return True  # full-width digits and letters keep together like their ASCII forms
    if o < 0xA0 or ch in BREAK_SPACES or ch in NO_LINE_START or ch in NO_LINE_END:
        return False
    if 0xFF61 <= o <= 0xFF9F:  # half-width katakana break like kana
        return False
    if char_width(ch) != 1:
        return False
    return unicodedata.category(ch)[0] in "LNM"


def is_zero_width(ch: str) -> bool:
    return char_width(ch) == 0
