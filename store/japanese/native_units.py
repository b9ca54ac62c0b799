"""一 and 二 before a thing counted the native way: 一皿 ひとさら, 二組 ふたくみ, 一晩 ひとばん.

Sudachi cuts 一皿 into the numeral and the noun and reads いち·さら, 一房 (of grapes) as the given
name かずふさ, 二筋 に·すじ. A reader counts such units natively, ひと and ふた. Which nouns are
units comes from two dictionaries: JMdict reads 一 + the noun as ひと + a reading of it
(``native_units.tsv``, built by ``tools/build_native_units_table.py``: 皿 さら, 晩 ばん, 組 くみ),
or Sudachi marks the noun as able to count (助数詞可能) and reads it as a two-kana native word
(株 かぶ, 坪 つぼ; not 匁 もんめ or 頁 ぺーじ). The noun must be read in context as the unit is (一組
くみ; not 二間 けん, a length, nor 一重要 じゅう), 二 counts natively only where JMdict does not
read 二 + noun otherwise (二重 にじゅう), and a class after its year (三年一組) or an idiom of
numbers (二束三文) keeps the dictionary's reading. Counters with rules of their own (一人, 一日,
一本) are left to them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from store.japanese.alternatives import sino_shaped
from store.japanese.chars import is_hiragana, is_kanji, unvoiced
from store.japanese.numbers import COUNTERS, NATIVE_NUMBERS
from store.japanese.offices import HONORIFICS
from store.japanese.tables import lookup

if TYPE_CHECKING:
    from store.japanese.rules import Token

TABLE = Path(__file__).with_name("native_units.tsv")
#: The native counts of one and two; three and more are Sino-Japanese now (三皿 さんさら).
NATIVE_NUMERALS = {"一": NATIVE_NUMBERS[1], "二": NATIVE_NUMBERS[2]}


class Unit(NamedTuple):
    reading: str  # the noun's reading after ひと
    only: bool  # JMdict reads 一 + noun no other way
    not_two: bool  # JMdict reads 二 + noun otherwise than ふた (二重 にじゅう)


def unit(noun: str) -> Unit | None:
    """JMdict's native count of ``noun``, when it has one."""
    columns = lookup(TABLE, noun)
    if columns is None:
        return None
    return Unit(columns[0], columns[1:2] == ["only"], columns[2:3] == ["not2"])


def _not_a_count(prev: Token | None, tok: Token) -> bool:
    """True when the numeral is part of something else: a longer number (十一皿), an ordinal
    (第一組), a question (何組) or a class after its year (三年一組)."""
    if prev is None or prev.end != tok.start:
        return False
    return (
        prev.pos[1] == "数詞"
        or prev.surface in ("第", "何")
        or prev.surface.endswith("年")
        or prev.surface[-1:].isdigit()
    )


def _native_word(reading: str) -> bool:
    """A two-kana native noun (株 かぶ, 坪 つぼ): not Sino-Japanese in shape, not a loanword
    (頁 ぺーじ), not a longer measure (匁 もんめ, counted いちもんめ)."""
    return (
        len(reading) == 2
        and not sino_shaped(reading)
        and reading[0] not in "ぱぴぷぺぽ"
        and all(ch not in "ゃゅょぁぃぅぇぉっー" for ch in reading)
    )


def _unit_reading(numeral: str, noun: Token) -> str | None:
    """The reading of ``noun`` as a unit ``numeral`` counts natively, read as it is in context
    (箱 ばこ, a compound's second element, is はこ after a count), or None."""
    found = unit(noun.surface)
    plain = noun.reading
    if found is not None:
        if plain != found.reading and unvoiced(plain) != found.reading:
            return None  # 一重要 いち·じゅう(よう), 二間 に·けん: not the unit
        return found.reading if numeral == "一" or not found.not_two else None  # 二重 にじゅう
    if noun.surface in COUNTERS:
        return None  # 一本, 一枚: the counter rules read those
    plain = unvoiced(plain)
    return plain if noun.pos[2] == "助数詞可能" and _native_word(plain) else None


def native_unit(tokens: list[Token], i: int) -> str | None:
    """一 or 二 before a unit reads ひと or ふた, the unit its native reading (一皿 ひと·さら,
    二組 ふた·くみ, 一晩 ひと·ばん); a count the dictionary took for a name is read as the count
    (一房の葡萄 ひとふさ)."""
    tok = tokens[i]
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    numeral = tok.surface[:1]
    if numeral not in NATIVE_NUMERALS or _not_a_count(prev, tok):
        return None
    count = NATIVE_NUMERALS[numeral]
    if len(tok.surface) == 2 and tok.pos[1:3] == ("固有名詞", "人名"):
        found = unit(tok.surface[1])
        if (
            found is None
            or not found.only  # 一色, 一刀, 一間: a family, a sword stroke, a length as likely
            or (numeral == "二" and found.not_two)
            or (prev is not None and prev.pos[2] == "人名")
            or (nxt is not None and nxt.surface in HONORIFICS)
        ):
            return None
        return count + found.reading
    if len(tok.surface) != 1 or tok.pos[1] != "数詞" or nxt is None:
        return None
    if nxt.start != tok.end or len(nxt.surface) != 1 or nxt.pos[0] != "名詞":
        return None
    if _idiom_of_numbers(tokens, i):
        return None
    reading = _unit_reading(numeral, nxt)
    if reading is None:
        return None
    nxt.reading = reading
    return count


def _idiom_of_numbers(tokens: list[Token], i: int) -> bool:
    """True for two counts of different things in a row, an idiom the dictionary reads
    (二束三文 にそくさんもん); a count repeated (一組一組, 二筋三筋) is still a count."""
    if i + 3 >= len(tokens) or tokens[i + 2].pos[1] != "数詞":
        return False
    return tokens[i + 3].surface != tokens[i + 1].surface


#: Older spelling writes the native count's last kana after the kanji: 一と月, 一と晩, 一とかたまり
#: (ひとつき…), 二た月 (ふたつき): the kana written and the reading left for the kanji.
_WRITTEN_TAIL = {kanji: (native[-1], native[:-1]) for kanji, native in NATIVE_NUMERALS.items()}


def native_count_with_kana(tokens: list[Token], i: int) -> str | None:
    """一 before a written と, 二 before a written た, and then a word, is the native count with its
    last kana written out: 一と月 ひ·と·つき, 一とかたまり, 一と先ず, 一とたまりもなく, 二た月 ふ·た·
    つき (the dictionary read いち and a particle と). 一と二, 一という, 健一と are not."""
    tok = tokens[i]
    tail = _WRITTEN_TAIL.get(tok.surface)
    if tail is None or tok.pos[1] != "数詞":
        return None
    prev = tokens[i - 1] if i > 0 else None
    if _not_a_count(prev, tok) or i + 2 >= len(tokens):
        return None
    kana, word = tokens[i + 1], tokens[i + 2]
    if kana.surface != tail[0] or kana.start != tok.end or word.start != kana.end:
        return None
    nominal = word.pos[0] == "動詞" and word.pos[5] == "連用形-一般"  # 一とたまりも, 一と打ち
    if word.pos[0] not in ("名詞", "副詞") and not nominal:
        return None
    if word.pos[1] == "数詞" or word.lemma in ("いう", "言う"):
        return None
    return tail[1]


def native_count_of_a_word(tokens: list[Token], i: int) -> str | None:
    """一 before a native word written with its okurigana is the native count, ひと: 一降り
    ひとくだり, 一嚥み ひとのみ, 一固り ひとかたまり, 一稼ぎ — as in the dictionary's 一休み, 一眠り
    (Sudachi cut the ones it lacks into いち and the word). A word with okurigana is a native word,
    and one of them counted once is said with ひと; 十一, 第一, 一人一人 are not such counts."""
    tok = tokens[i]
    if tok.surface != "一" or tok.pos[1] != "数詞" or tok.reading != "いち":
        return None
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if _not_a_count(prev, tok) or nxt is None or nxt.start != tok.end:
        return None
    surface = nxt.surface
    kanji = 0
    while kanji < len(surface) and is_kanji(surface[kanji]):
        kanji += 1
    if not 0 < kanji < len(surface) or not all(is_hiragana(ch) for ch in surface[kanji:]):
        return None
    if nxt.pos[0] == "動詞":
        return NATIVE_NUMERALS["一"] if nxt.pos[5].startswith("連用形") else None
    if nxt.pos[0] == "名詞" and nxt.pos[1] == "普通名詞":
        return NATIVE_NUMERALS["一"]
    return None
