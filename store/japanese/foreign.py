"""Words the dictionary reads in another language's sounds, read as Japanese when the text is.

Sudachi's dictionary carries Korean and Chinese readings for some kanji spellings: places in
Korea (養源 ヤンウォン, 昆弟 コンジェ, 水原 スーウォン), Chinese words (再見 ツァイツェン, 亭 ティン),
even an Okinawan-looking 打音 ウチウトゥ. Its path search sometimes picks one in ordinary Japanese
text: 養源寺 (Botchan's temple) read やんうぉんじ, a hammer's 打音 read うちうとぅ. Such readings
are easy to tell: they hold sounds no Japanese reading of a kanji has (a small vowel after a
consonant: ウォ, ジェ, トゥ, ファ; ヴ). Where the text is about Korea or China they may be
right (済州 チェジュ, as the news reads it), so they are kept when the paragraph names one of
them, and always for people and countries (崔 チェ, 諾威 ノルウェー); elsewhere the word takes
the dictionary's other, Japanese, entry for the same spelling, else its characters' Sino-Japanese
readings (養源 ようげん, 打音 だおん, 昆弟 こんてい).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from store.japanese.alternatives import dictionary_entries
from store.japanese.chars import is_kanji, is_reading, to_hiragana
from store.japanese.kanjidic import kanji_reading
from store.patterns import compiled

if TYPE_CHECKING:
    from store.japanese.rules import Token

#: Small vowels (ァィゥェォ, ヮ) and ヴ: in no Japanese reading of a kanji, in most foreign ones.
_FOREIGN_SOUND = compiled("[ぁぃぅぇぉゎゔ]")
@cache
def _foreign_setting_pattern() -> re.Pattern[str]:
    """A paragraph about Korea or China, where a place may go by its own name (済州 チェジュ);
    compiled on first use (most texts never need it)."""
    return compiled("韓国|朝鮮|中国|台湾|香港|中華|大韓|ソウル|北京|上海|[\uac00-\ud7a3]")


#: Which of the dictionary's other entries to take, best first.
_ENTRY_RANK = (("普通名詞",), ("固有名詞", "地名"), ("固有名詞", "一般"), ("固有名詞", "人名"))


def foreign_sounding(reading: str) -> bool:
    """True when ``reading`` (hiragana) has a sound no Japanese kanji reading has."""
    return _FOREIGN_SOUND.search(reading) is not None


@lru_cache(maxsize=1024)
def japanese_reading(surface: str) -> str | None:
    """The dictionary's Japanese-sounding entry for ``surface`` (a common noun first), else the
    characters' first Sino-Japanese readings in KANJIDIC joined; None when a character has
    none."""
    best: tuple[int, str] | None = None
    for m in dictionary_entries(surface):
        reading = to_hiragana(m.reading_form())
        if m.surface() != surface or not is_reading(reading) or foreign_sounding(reading):
            continue
        pos = m.part_of_speech()
        rank = next(
            (k for k, want in enumerate(_ENTRY_RANK) if pos[1 : 1 + len(want)] == want),
            len(_ENTRY_RANK),
        )
        if best is None or rank < best[0]:
            best = (rank, reading)
    if best is not None:
        return best[1]
    pieces = [kanji_reading(ch) for ch in surface]
    if not all(pieces):
        return None
    return "".join(pieces)


def _foreign_setting(tokens: list[Token], i: int) -> bool:
    """True when the paragraph of ``tokens[i]`` (the words between two line breaks) names
    Korea or China."""
    for step in (-1, 1):
        k = i
        while 0 <= k < len(tokens):
            surface = tokens[k].surface
            if _foreign_setting_pattern().search(surface):
                return True
            if "\n" in surface:
                break
            k += step
    return False


def foreign_reading(tokens: list[Token], i: int) -> str | None:
    """A kanji word read in foreign sounds takes a Japanese reading, unless it names a
    person or a country or the paragraph is about Korea or China."""
    tok = tokens[i]
    if not foreign_sounding(tok.reading) or not all(is_kanji(ch) for ch in tok.surface):
        return None
    if not tok.from_sudachi:
        return None  # a loanword JMdict spells so (欧羅巴 ヨーロッパ): its reading is meant
    pos = tok.pos
    if pos[2] == "人名" or pos[3] == "国":
        return None
    if pos[1] == "固有名詞" and _foreign_setting(tokens, i):
        return None
    return japanese_reading(tok.surface)
