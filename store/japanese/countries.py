"""One-kanji country abbreviations read as countries: 日米豪印 にち·べいごう·いん, 米英仏 ふつ,
日・カナダ にち, 日中両政府 にっちゅう, トランプ米大統領 べい, 加中外相会談 かちゅう.

News and policy writing abbreviates countries to one kanji (米 the US, 仏 France, 加 Canada)
and strings them together; the dictionary reads such a kanji by its everyday word (米 まい
"rice", 仏 ぶつ "Buddha", 日 ひ "day") or takes a pair for a name (加中 かなか). A kanji from
``ABBREVIATIONS`` is read as its country when it stands in a list of countries (next to another
abbreviation or a country's name, with or without ・) or right before an office or a government
(米大統領, 米政府). 日 geminates before a voiceless sound as the dictionary's own 日中, 日韓 do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.japanese.offices import office_follows

if TYPE_CHECKING:
    from store.japanese.rules import Token

#: Country abbreviations and their readings (the ones the press uses in lists).
ABBREVIATIONS = {
    "日": "にち",
    "米": "べい",
    "英": "えい",
    "仏": "ふつ",
    "独": "どく",
    "伊": "い",
    "加": "か",
    "豪": "ごう",
    "印": "いん",
    "中": "ちゅう",
    "韓": "かん",
    "朝": "ちょう",
    "露": "ろ",
    "台": "たい",
    "比": "ひ",
    "欧": "おう",
    "越": "えつ",
}
TRIGGERS = "".join(ABBREVIATIONS)

#: Words a country abbreviation stands before as the country itself (米政府, 米軍).
GOVERNMENT_WORDS = ("政府", "軍", "議会", "国務省", "大使館", "側", "当局", "政権")
#: Words a pair of abbreviations stands before (加中外相会談, 日韓関係, 米中首脳).
RELATION_WORDS = ("関係", "会談", "首脳", "外相", "同盟", "両国", "間", "協力", "対立", "貿易")
_LIST_MARKS = frozenset("・･、")
_GEMINATE = {"か": "っ", "き": "っ", "く": "っ", "け": "っ", "こ": "っ", "さ": "っ", "し": "っ",
             "す": "っ", "せ": "っ", "そ": "っ", "た": "っ", "ち": "っ", "つ": "っ", "て": "っ",
             "と": "っ", "ひ": "っ", "は": "っ"}  # fmt: skip
_H_TO_P = str.maketrans("はひふへほ", "ぱぴぷぺぽ")


def _abbreviation(tok: Token | None) -> bool:
    """A word made only of country abbreviations (米, 米豪, 日韓)."""
    return (
        tok is not None
        and 0 < len(tok.surface) <= 4
        and all(ch in ABBREVIATIONS for ch in tok.surface)
    )


def _country(tok: Token | None) -> bool:
    """A country's name (カナダ, 韓国) or a country abbreviation."""
    return tok is not None and (tok.pos[2:4] == ("地名", "国") or _abbreviation(tok))


def reading_of(surface: str) -> str:
    """The country reading of a string of abbreviations: 日中 にっちゅう, 米英 べいえい."""
    parts = [ABBREVIATIONS[ch] for ch in surface]
    for k in range(len(parts) - 1):
        if parts[k] == "にち" and parts[k + 1][0] in _GEMINATE:
            parts[k] = "にっ"
            parts[k + 1] = parts[k + 1][0].translate(_H_TO_P) + parts[k + 1][1:]
    return "".join(parts)


def _acronym(surface: str) -> bool:
    """An organisation's or a region's letters, paired with a country as countries are: 日EU,
    日ASEAN, 米NATO (Japan and the EU: にち, not ひ)."""
    letters = surface.translate(_FULL_WIDTH_CAPITALS)
    return len(letters) >= 2 and letters.isascii() and letters.isalpha() and letters.isupper()


_FULL_WIDTH_CAPITALS = {c: c - 0xFEE0 for c in range(ord("Ａ"), ord("Ｚ") + 1)}


def _neighbour(tokens: list[Token], i: int, step: int) -> Token | None:
    """The country next to ``tokens[i]`` in direction ``step``, across one ・ (or a 、 between
    two abbreviations: 日米韓、日米比), or None."""
    k = i + step
    comma = False
    if 0 <= k < len(tokens) and tokens[k].surface in _LIST_MARKS:
        comma = tokens[k].surface == "、"
        k += step
    if not 0 <= k < len(tokens):
        return None
    tok = tokens[k]
    if comma and not (_abbreviation(tok) and _abbreviation(tokens[i])):
        return None  # …される中、日本は: not a list
    return tok if _country(tok) else None


def country_abbreviation(tokens: list[Token], i: int) -> str | None:
    """Read ``tokens[i]`` as country abbreviations when it stands as one (see the module doc)."""
    tok = tokens[i]
    if not _abbreviation(tok):
        return _after_tai(tokens, i)
    target = reading_of(tok.surface)
    if tok.reading == target or (i > 0 and tokens[i - 1].pos[1] == "数詞"):
        return None  # 7日、日本の: a date
    prev = tokens[i - 1] if i > 0 else None
    if tok.surface == "中" and prev is not None and prev.pos[0] in ("動詞", "助動詞", "形容詞"):
        return None  # 取り沙汰される中: "while", not China
    listed = _neighbour(tokens, i, -1) is not None or _neighbour(tokens, i, 1) is not None
    if not listed and len(tok.surface) > 1:
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        listed = nxt is not None and nxt.surface.startswith(RELATION_WORDS)
    if not listed and len(tok.surface) == 1:
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        listed = nxt is not None and (
            nxt.surface.startswith(GOVERNMENT_WORDS) or office_follows(tokens, i + 1)
        )
        if listed and tok.surface not in "米英仏独伊豪露韓":
            return None  # 中大統領? 日政府? only the unambiguous ones before an office
    if not listed:
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        listed = nxt is not None and nxt.start == tok.end and _acronym(nxt.surface)
    if not listed:
        return None
    if tok.surface == "日":
        nxt = _neighbour(tokens, i, 1)
        if nxt is not None and nxt.reading[:1] in _GEMINATE and _abbreviation(nxt):
            return "にっ"  # 日|中: にっちゅう
    return target


def _after_tai(tokens: list[Token], i: int) -> str | None:
    """対 + a country + a suffix taken for one rare word: 対|中観 (ちゅうがん, Buddhist) is
    対中 + 観, a view of China (たいちゅうかん); 対米観, 対日観 likewise."""
    from store.japanese.segmentation import suffix_entry

    tok = tokens[i]
    if (
        i == 0
        or tokens[i - 1].surface != "対"
        or len(tok.surface) != 2
        or tok.surface[0] not in ABBREVIATIONS
    ):
        return None
    entry = suffix_entry(tok.surface[1])
    if entry is None:
        return None
    return ABBREVIATIONS[tok.surface[0]] + entry[0]
