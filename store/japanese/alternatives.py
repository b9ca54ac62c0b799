"""The dictionary's own alternative readings of a word, chosen by the word's position.

Sudachi lists many native words twice, plain and voiced (箱 はこ / ばこ, 口 くち / ぐち, 深い
ふかい / ぶかい): the voiced form is the word as the second element of a compound (rendaku).
Its path search sometimes picks the wrong one, and the rules here correct it from context: a
word standing on its own (after a particle, an inflected word, punctuation or the line start)
cannot be a compound's second element, so it takes its plain reading (四角い箱 はこ, 鉢の上
はち); only readings the dictionary itself lists for the word are ever chosen.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from store.japanese import analyzer
from store.japanese.chars import is_kanji, to_hiragana, unvoiced
from store.japanese.offices import HONORIFICS

if TYPE_CHECKING:
    from store.japanese.rules import Token

_VOICED_START = frozenset("がぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽ")

#: Look-ups are cached and rare; one at a time keeps them safe across threads.
_LOOKUP_LOCK = threading.Lock()


def dictionary_entries(surface: str) -> list[Any]:
    """Every entry the dictionary has for ``surface`` (thread-safe)."""
    with _LOOKUP_LOCK:
        return list(analyzer.dictionary().lookup(surface))


#: Parts of speech after which a word can be a compound's second element.
_COMPOUNDING = frozenset(["名詞", "代名詞", "接頭辞", "接尾辞"])


@lru_cache(maxsize=4096)
def rendaku_pairs(surface: str) -> dict[str, str]:
    """Voiced reading -> plain reading, for the entries of ``surface`` that are one word listed
    twice: the plain entry first, then the voiced one, with the same part of speech (箱 ばこ ->
    はこ). Unrelated readings (台 たい / だい, 誰 だれ / たれ) differ in one of these."""
    entries = [
        (m.word_id(), m.part_of_speech_id(), to_hiragana(m.reading_form()))
        for m in dictionary_entries(surface)
    ]
    pairs: dict[str, str] = {}
    for word_id, pos_id, reading in entries:
        if not reading or reading[0] not in _VOICED_START:
            continue
        plain = unvoiced(reading)
        for other_id, other_pos, other in entries:
            if other == plain and other_pos == pos_id and 0 < word_id - other_id <= 8:
                pairs[reading] = plain
    return pairs


def _stands_alone(prev: Token | None) -> bool:
    """True when the word before cannot form a compound with the next one."""
    if prev is None or not prev.surface.strip():
        return True
    if prev.has_kanji and prev.pos[0] in _COMPOUNDING:
        return False
    if prev.pos[0] == "形容詞" and not prev.surface[-1:].isascii() and prev.surface[-1] == "い":
        return True  # an adjective's full form (四角い箱), not its stem (若獅子)
    if prev.pos[0] == "動詞":
        return not prev.pos[5].startswith("連用形")  # し甲斐, 焦がし醤油 are compounds
    return prev.pos[0] in ("助詞", "助動詞", "補助記号", "形容詞", "連体詞", "副詞")


#: Things sorted, and what sorting does to them: ゴミの分別, 分別収集 ぶんべつ.
_SORTED = frozenset(["ゴミ", "ごみ", "塵", "資源", "廃棄物", "収集", "回収", "処理", "ゴミ箱"])


def _acted_on(tokens: list[Token], i: int) -> bool:
    """True when a verbal noun has what it acts on beside it (ゴミの分別, 分別収集)."""
    near = tokens[max(0, i - 2) : i] + tokens[i + 1 : i + 2]
    return any(t.surface in _SORTED for t in near)


def unvoice(tokens: list[Token], i: int) -> str | None:
    """A word on its own takes its plain reading, not its compound (voiced) one:
    四角い箱の はこ, 誤って鉢の上に はち, 菌は偏性 へん."""
    tok = tokens[i]
    reading = tok.reading
    if not reading or reading[0] not in _VOICED_START:
        return None
    if tok.pos[2] == "サ変可能" and _acted_on(tokens, i):
        return None  # a verbal noun's two readings are two words: ゴミの分別 ぶんべつ / 分別がある ふんべつ
    if not _stands_alone(tokens[i - 1] if i > 0 else None):
        return None
    return rendaku_pairs(tok.surface).get(reading)


#: What ends a place's name: 県, 都, 府, 道, 市, 町, 村, 区, 郡.
_PLACE_SUFFIXES = frozenset("県都府道市町村区郡")


def _joins(prev: Token | None) -> bool:
    """True when the word before forms a compound with the next one (登山|口, 若|獅子)."""
    if prev is None or prev.pos[1] == "数詞" or prev.pos[2] == "副詞可能":
        return False  # 3本, 時|底 (an adverbial noun does not compound)
    if prev.surface[:1] == "何" and len(prev.surface) > 1:
        return False  # 何度|里へ: a question of how many does not compound
    if prev.pos[2] == "地名" and prev.surface[-1:] in _PLACE_SUFFIXES:
        return False  # 神奈川県|箱根町: a place's name ends at its suffix; the next starts anew
    if prev.pos[0] == "名詞" and (
        prev.has_kanji or all("ァ" <= c <= "ヺ" or c == "ー" for c in prev.surface)
    ):
        return True
    if prev.pos[0] == "接尾辞" and "助数詞" in prev.pos[2] and prev.has_kanji:
        return True  # a count and a noun make one word: 三本柱 さんぼんばしら, 二枚舌 じた
    return prev.pos[0] == "形容詞" and prev.has_kanji and is_kanji(prev.surface[-1])


def voice(tokens: list[Token], i: int) -> str | None:
    """A word right after a noun takes the voiced reading the dictionary lists for it as a
    compound's second element: 登山口 ぐち, 若獅子 じし, ガラス細工 ざいく."""
    tok = tokens[i]
    prev = tokens[i - 1] if i > 0 else None
    if (
        len(tok.surface) == 2
        and tok.pos[0] == "名詞"
        and prev is not None
        and prev.end == tok.start
        and prev.pos[0] == "動詞"
        and prev.pos[5].startswith("連用形-一般")
        and prev.has_kanji
    ):  # a verb's stem and a two-kanji noun make one word: 取り沙汰 とりざた
        for voiced, plain in rendaku_pairs(tok.surface).items():
            if plain == tok.reading:
                return voiced
        return None
    if (
        len(tok.surface) != 1
        or tok.pos[0] != "名詞"
        or tok.pos[1] == "数詞"  # a count never voices: 身一つ みひとつ, 壁一重 かべひとえ
        or sino_shaped(tok.reading)
        or not _joins(prev)
        or (tok.surface == "方" and prev is not None and not prev.from_sudachi)
    ):  # (方 after a verb's noun written without its kana is the way of it: 片付方 かた)
        return None  # Sino-Japanese words (写真, 僧 そう, 経 きょう) do not voice
    for voiced, plain in rendaku_pairs(tok.surface).items():
        if plain == tok.reading:
            return voiced
    return None


_SINO_SECOND = frozenset("くきつんうい")
_SMALL = frozenset("ゃゅょぁぃぅぇぉ")


def sino_shaped(reading: str) -> bool:
    """True for a reading shaped like a kanji's Sino-Japanese one (one mora, or two ending in
    く き つ ん う い): そう, きょう, か; native words such as はしら, くち, たに are not."""
    morae = [ch for ch in reading if ch not in _SMALL]
    return len(morae) == 1 or (len(morae) == 2 and morae[1] in _SINO_SECOND)


@lru_cache(maxsize=4096)
def country_reading(surface: str) -> str | None:
    """The reading the dictionary gives ``surface`` as the name of a country or dynasty (the
    Sino-Japanese one when it lists several: 唐 とう, not から)."""
    readings = [
        to_hiragana(m.reading_form())
        for m in dictionary_entries(surface)
        if m.part_of_speech()[2:4] == ("地名", "国")
    ]
    readings.sort(key=lambda r: not sino_shaped(r))
    return readings[0] if readings else None


_LIST_MARKS = frozenset("・･、")


def _is_country(tok: Token | None) -> bool:
    return tok is not None and tok.pos[2] == "地名" and tok.pos[3] == "国"


def _may_be_country(tok: Token) -> bool:
    """A country, or a one-kanji word that can be one (元 in 金・元・清)."""
    return _is_country(tok) or (len(tok.surface) == 1 and country_reading(tok.surface) is not None)


def country(tokens: list[Token], i: int) -> str | None:
    """A one-kanji dynasty the dictionary took for a given name or a word reads as the
    country when listed with countries (魏・呉 ご, 金・元・清 げん, しん) or when it stands
    where no name can (清がロシアへ しん: no surname before it, no さん after it)."""
    tok = tokens[i]
    if len(tok.surface) != 1 or _is_country(tok) or tok.pos[0] != "名詞":
        return None
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if not (
        tok.pos[2:4] == ("人名", "名")
        or (prev is not None and prev.surface in _LIST_MARKS)
        or (nxt is not None and nxt.surface in _LIST_MARKS)
    ):
        return None  # neither listed nor a name: no need to look the dictionary up
    reading = country_reading(tok.surface)
    if reading is None or reading == tok.reading:
        return None
    listed = (
        prev is not None
        and prev.surface in _LIST_MARKS
        and i > 1
        and _may_be_country(tokens[i - 2])
    ) or (
        nxt is not None
        and nxt.surface in _LIST_MARKS
        and i + 2 < len(tokens)
        and _may_be_country(tokens[i + 2])
    )
    if listed:
        return reading
    if tok.pos[2:4] == ("人名", "名"):
        if prev is not None and prev.pos[2] == "人名":
            return None  # a given name after a surname
        if nxt is not None and nxt.surface in HONORIFICS:
            return None
        if nxt is not None and nxt.surface in ("が", "に", "を", "は", "の", "と"):
            return reading
    return None
