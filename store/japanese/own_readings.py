"""The reader's own readings: a word's reading as the user corrected it, for one document.

Some readings no text or dictionary can settle — a person's name (三牧 is みまき or みつまき;
聡 さとし, さとる or あきら) — and a careful reader who knows better corrects them once.
The correction is kept with the user's annotations (``Repository.own_readings``) and shown
over every occurrence of the word in that document, in every furigana mode but ``off``,
as the source's own ruby is.

It is laid over the analysis, never fed into it, so a correction shows at once, needs no
new analysis and leaves the readings cache alone. An occurrence takes it only where it is a
word of its own in the analysis: no reading there crosses its edges (a correction of 聡 in
森聡 leaves 聡明 alone) and the block has been analysed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

from store.japanese.chars import has_kanji, is_kana, is_reading, to_hiragana
from store.japanese.reading_record import Reading

#: The longest word a reading may be given for (a name with its title is under this).
MAX_WORD = 20


class OwnReadingError(ValueError):
    """A correction that cannot be kept; the message is one line for the user."""


def kanji_part(word: str) -> str:
    """The part of ``word`` a reading goes over: without spaces and without the kana at its
    ends (読ん → 読, お茶 → 茶; 取り沙汰 keeps its inner り)."""
    word = "".join(word.split())
    start, end = 0, len(word)
    while start < end and not has_kanji(word[start]):
        start += 1
    while end > start and not has_kanji(word[end - 1]):
        end -= 1
    return word[start:end]


def normalised(word: str, reading: str) -> tuple[str, str]:
    """``(word, reading)`` as kept: spaces dropped, katakana (half-width too) folded to
    hiragana, kana the word and its reading share at either end trimmed (跳る おどる → 跳 おど)
    and the word cut to its :func:`kanji_part`, so the ruby sits over the kanji only. Raises
    :class:`OwnReadingError` for what cannot be a correction."""
    word = "".join(word.split())
    reading = to_hiragana(unicodedata.normalize("NFKC", "".join(reading.split())))
    if not has_kanji(word):
        raise OwnReadingError("Only a word with kanji takes a reading.")
    if len(word) > MAX_WORD:
        raise OwnReadingError(f"A word of at most {MAX_WORD} characters takes a reading.")
    if not is_reading(reading) or reading[0] in "ーゝゞ":
        raise OwnReadingError("A reading is written in kana (hiragana or katakana).")
    while word and reading and is_kana(word[-1]) and to_hiragana(word[-1]) == reading[-1]:
        word, reading = word[:-1], reading[:-1]
    while word and reading and is_kana(word[0]) and to_hiragana(word[0]) == reading[0]:
        word, reading = word[1:], reading[1:]
    if not word or not reading or not has_kanji(word):
        raise OwnReadingError("The reading leaves nothing for the kanji.")
    return kanji_part(word), reading


def apply_own(
    text: str, readings: Sequence[Reading], own: Mapping[str, str]
) -> Sequence[Reading]:
    """``readings`` of ``text`` with the user's ``own`` readings (word -> reading) over every
    occurrence of each word that is a word of its own there (see the module docstring);
    longer words first, so a correction of 三牧聖子 wins over one of 三牧 inside it."""
    if not own or not text:
        return readings
    taken: list[tuple[int, int, str]] = []
    for word in sorted(own, key=len, reverse=True):
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            crossed = any(
                r.start < end and at < r.end and (r.start < at or r.end > end) for r in readings
            )
            if not crossed and all(end <= s or at >= e for s, e, _ in taken):
                taken.append((at, end, own[word]))
            at = text.find(word, at + 1)
    if not taken:
        return readings
    kept = [r for r in readings if all(r.end <= s or r.start >= e for s, e, _ in taken)]
    kept += [Reading(s, e, reading, "own") for s, e, reading in taken]
    kept.sort()
    return kept
