"""Per-character readings for words the dictionary does not know (marked "guess" upstream).

Each kanji takes the reading of the dictionary's own single-character entry (preferring a
common noun or suffix, which tend to carry the on-reading used in compounds); 々 repeats the
previous character's reading. A character the dictionary lacks entirely leaves the word without
a reading rather than inventing one.
"""

from __future__ import annotations

from functools import lru_cache

from store.japanese import analyzer
from store.japanese.chars import is_reading, to_hiragana

_PREFERRED_POS = ("接尾辞", "名詞", "接頭辞")


@lru_cache(maxsize=4096)
def char_reading(ch: str) -> str:
    """The dictionary's reading of a single kanji, or "" when it has no entry."""
    best = ""
    best_rank = len(_PREFERRED_POS) + 1
    for m in analyzer.dictionary().lookup(ch):
        reading = to_hiragana(m.reading_form())
        if m.surface() != ch or not is_reading(reading):
            continue
        pos = m.part_of_speech()[0]
        rank = _PREFERRED_POS.index(pos) if pos in _PREFERRED_POS else len(_PREFERRED_POS)
        if rank < best_rank:
            best, best_rank = reading, rank
    return best


def guess_reading(surface: str) -> str:
    """Concatenate per-character readings; "" if any kanji has none. Kana are kept as written."""
    parts: list[str] = []
    prev = ""
    for ch in surface:
        if ch in "々〻":
            reading = prev
        elif is_reading(to_hiragana(ch)):
            reading = to_hiragana(ch)
        else:
            reading = char_reading(ch)
        if not reading:
            return ""
        parts.append(reading)
        prev = reading
    return "".join(parts)
