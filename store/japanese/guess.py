"""Per-character readings for words the dictionary does not know (marked "guess" upstream).

Each kanji takes the reading of the dictionary's own single-character entry (preferring a
suffix or a common noun, which tend to carry the on-reading used in compounds), else its first
on-reading in KANJIDIC (``store.japanese.kanjidic``: the dictionary lists most kanji only inside
words), else the Unicode Han Database's (``unihan.tsv``: 9,200 more characters, by their own
Japanese reading, a variant's, or their phonetic element's); 々 repeats the previous
character's reading. Only a character none of them knows gets none.
"""

from __future__ import annotations

from functools import lru_cache

from store.japanese import analyzer
from store.japanese.chars import is_reading, to_hiragana
from store.japanese.kanjidic import kanji_reading, unihan_reading

_PREFERRED_POS = ("接尾辞", "名詞普通名詞", "接頭辞", "名詞")


@lru_cache(maxsize=4096)
def char_reading(ch: str) -> str:
    """The dictionary's reading of a single kanji, else KANJIDIC's, else one the Unicode Han
    Database gives (``unihan_reading``), or "" when none has it."""
    best = ""
    best_rank = len(_PREFERRED_POS) + 1
    for m in analyzer.dictionary().lookup(ch):
        reading = to_hiragana(m.reading_form())
        if m.surface() != ch or not is_reading(reading):
            continue
        pos = m.part_of_speech()[0]
        if pos == "名詞" and m.part_of_speech()[1] == "普通名詞":
            pos = "名詞普通名詞"
        rank = _PREFERRED_POS.index(pos) if pos in _PREFERRED_POS else len(_PREFERRED_POS)
        if rank < best_rank:
            best, best_rank = reading, rank
    return best or kanji_reading(ch) or unihan_reading(ch)


def guess_readings(surface: str, before: str = "") -> list[str]:
    """One reading per character of ``surface`` ("" where none is known; kana read as written).

    ``before`` is the reading of the character just before the word, for a leading 々.
    """
    out: list[str] = []
    prev = before
    for ch in surface:
        if ch in "々〻":
            reading = prev
        elif is_reading(to_hiragana(ch)):
            reading = to_hiragana(ch)
        else:
            reading = char_reading(ch)
        out.append(reading)
        prev = reading
    return out
