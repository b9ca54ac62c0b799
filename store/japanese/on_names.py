"""A one-kanji given name after a surname read the Chinese way is read the Chinese way too.

Sudachi reads a Chinese (or Korean) surname of one kanji with its on-reading — 張 ちょう, 李 り,
劉 りゅう, 鄭 てい, 楊 よう — but the given name after it as a Japanese given name: 張栄
ちょう·ひさし, 李嵩 り·たかし, 朱泰 しゅ·やすし, 楊豊 よう·ゆたか. A name whose family name is read
on is read on throughout (ちょうえい, りすう), as Japanese print reads Chinese names; the same
cut also catches words the dictionary has no entry for and takes for such a name (Sōseki's
鄭寧 ていねい, a spelling of 丁寧, cut 鄭|寧 てい·やすし; 房總 ぼうそう; 弦鳴 げんめい in
弦鳴楽器), where the on-reading is right as well.

Over every text of the four bench sets, rubied or not (docs/furigana.md), the readings this
changes are 14 right ones (鄭寧 ×10, 張栄, 李嵩, 朱泰, 劉牧) and 竜猛 ×2 (もう for たけし; both
wrong, it is りゅうみょう). Given names of two kanji are left alone: after a one-kanji surname
read on they are often Japanese (紀良子, 菅政利, 王貞治 おう·さだはる). So is a name followed by
another one-kanji word (楊豊虎に噛まる): where the name ends is not known, and an on-read 豊
would make the on-reading run rule read the tiger こ. And so is a name whose surname the
dictionary also lists with a Japanese reading (菅 かん and すが, 林 りん and はやし, 金 きん and
こん): that family is as likely Japanese, and a Japanese given name after it is read as one
(菅薫 かん·かおる, not くん).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from store.japanese.alternatives import dictionary_entries, sino_shaped
from store.japanese.chars import is_kanji, to_hiragana
from store.japanese.kanjidic import kanji_reading
from store.japanese.offices import HONORIFICS

if TYPE_CHECKING:
    from store.japanese.rules import Token


def on_given_name(tokens: list[Token], i: int) -> str | None:
    """KANJIDIC's on-reading for a one-kanji given name read otherwise, right after a one-kanji
    surname the dictionary reads with that kanji's on-reading, at the start of a kanji run and
    not before another one-kanji word (張|栄 ひさし → えい, 鄭|寧 やすし → ねい); None otherwise."""
    tok = tokens[i]
    if len(tok.surface) != 1 or not tok.has_kanji or tok.gap or tok.oov or i == 0:
        return None
    three = _given_of_three(tokens, i)
    if three is not None:
        return three
    family = tokens[i - 1]
    if family.end != tok.start or len(family.surface) != 1 or not family.has_kanji:
        return None
    if i >= 2 and tokens[i - 2].end == family.start and tokens[i - 2].has_kanji:
        return None  # the surname is the end of a longer kanji word, not a name's start
    if i + 1 < len(tokens):
        after = tokens[i + 1]
        if after.start == tok.end and len(after.surface) == 1 and after.has_kanji:
            return None  # a run of one-kanji words (楊豊虎に噛まる): no telling where the name ends
    if tok.pos[2:4] != ("人名", "名") or family.pos[2:4] != ("人名", "姓"):
        return None
    on = kanji_reading(tok.surface)
    if not on or tok.reading == on or family.reading != kanji_reading(family.surface):
        return None
    if not _only_read_on(family.surface):
        return None
    return on


def _given_of_three(tokens: list[Token], i: int) -> str | None:
    """KANJIDIC's on-reading for a kanji of a Korean or Chinese given name of two kanji read
    otherwise, when the name stands whole — a one-kanji surname read on, two one-kanji names,
    then no kanji or an office (趙兌烈外交部長官: 兌 たい, not なおし)."""
    from store.japanese.offices import office_follows

    for first in (i - 1, i - 2):
        if first < 0 or first + 3 > len(tokens):
            continue
        run = tokens[first : first + 3]
        if i not in (first + 1, first + 2):
            continue
        if not all(len(t.surface) == 1 and t.has_kanji and not t.gap for t in run):
            continue
        if any(a.end != b.start for a, b in zip(run, run[1:], strict=False)):
            continue
        family = run[0]
        if family.pos[2:4] != ("人名", "姓") or any(t.pos[2] != "人名" for t in run[1:]):
            continue
        if first > 0 and tokens[first - 1].has_kanji and tokens[first - 1].end == family.start:
            continue  # the surname ends a longer kanji word
        end = first + 3
        if (
            end < len(tokens)
            and tokens[end].has_kanji
            and tokens[end].start == run[2].end
            and not office_follows(tokens, end)
        ):
            continue  # the name may go on: no telling where it ends
        if family.reading != kanji_reading(family.surface) or not _only_read_on(family.surface):
            continue
        tok = tokens[i]
        on = kanji_reading(tok.surface)
        return on if on and on != tok.reading else None
    return None


@lru_cache(maxsize=1024)
def _only_read_on(surname: str) -> bool:
    """Whether every surname entry of ``surname`` in the dictionary reads it the Chinese way
    (張 ちょう only; not 菅 かん/すが, a Japanese family too)."""
    on = kanji_reading(surname)
    readings = {
        m.reading_form()
        for m in dictionary_entries(surname)
        if tuple(m.part_of_speech()[2:4]) == ("人名", "姓")
    }
    return bool(readings) and all(to_hiragana(r) == on for r in readings)


#: The last kana of a verb's dictionary form: a name read so (すすむ, わたる, とおる) may be the
#: verb written without okurigana (相勧む, 見透し), which the on-reading would get wrong.
_VERB_ENDINGS = frozenset("うくぐすつぬぶむる")


def name_inside_word(tokens: list[Token], i: int) -> str | None:
    """A one-kanji word the dictionary took for a given name, read as one (浄 きよし, 恭 やすし,
    敬 たかし, 恒 ひさし), inside a run of kanji and after no name: part of a word it does not
    know, read on (浄願寺 じょう, 恭謹 きょう, 敬々しく けい, 恒同 こう); None otherwise. A name
    reading shaped like a verb (すすむ, わたる) is left: the kanji may be that verb."""
    tok = tokens[i]
    if len(tok.surface) != 1 or tok.pos[2:4] != ("人名", "名") or tok.oov:
        return None
    reading = tok.reading
    if not reading or sino_shaped(reading) or reading[-1] in _VERB_ENDINGS:
        return None
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if not (
        (prev is not None and prev.end == tok.start and _one_kanji(prev))
        or (nxt is not None and nxt.start == tok.end and not nxt.gap and _one_kanji(nxt))
    ):
        return None  # beside words of their own (大方清も, 清以外): a person, as likely
    if prev is not None and prev.end == tok.start and prev.pos[2] == "人名":
        return None  # a given name after its family name (佐藤清)
    if nxt is not None and (nxt.surface in HONORIFICS or nxt.pos[2] == "人名"):
        return None  # 清さん, 清君; 清|正 a name of its own
    if _also_a_word(tok.surface, reading):
        return None  # 尚 なお is the adverb too (尚類なく)
    return kanji_reading(tok.surface) or None


def _one_kanji(tok: Token) -> bool:
    """A word of one kanji (not 々, which repeats the one before: 敬々しく)."""
    return len(tok.surface) == 1 and is_kanji(tok.surface) and tok.surface not in "々〻"


@lru_cache(maxsize=1024)
def _also_a_word(kanji: str, reading: str) -> bool:
    """Whether the dictionary reads ``kanji`` so as a word that is not a name (尚 なお)."""
    return any(
        to_hiragana(m.reading_form()) == reading and m.part_of_speech()[1] != "固有名詞"
        for m in dictionary_entries(kanji)
    )
