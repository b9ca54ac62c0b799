"""Word boundaries Sudachi gets wrong, mended before the reading rules run.

Sudachi picks the cheapest path through its lattice, and a rare word sometimes wins over the
common words around it: 参議|院本|会議録 (院本 いんぽん, a kind of play script) for 参議院 +
本会議録, 委員|会下 (会下 えげ, a Buddhist term) for 委員会 + 下, 安倍|晋|三 for the given name
晋三. Two repairs, each using only the dictionary's own words:

- the words of parliament and government (``INSTITUTIONS``) keep their edges: a token that
  starts or ends inside one is analysed again with the boundary forced there;
- a family name followed by pieces that together make a given name the dictionary lists
  (晋 + 三 = 晋三 しんぞう) becomes that given name, so a person's name is read whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

from store.japanese import analyzer
from store.japanese.chars import is_kanji, to_hiragana
from store.japanese.rules import Token
from store.patterns import compiled

#: Words of parliament and government that rare homographs split (参議|院本, 委員|会下, 回国|会):
#: the citation of every Diet record is built from them (第217回国会衆議院予算委員会議録).
INSTITUTIONS = ("衆議院", "参議院", "本会議", "委員会", "国会")


@cache
def _institution_re() -> re.Pattern[str]:
    return compiled("|".join(INSTITUTIONS))


def keep_institutions(
    tokens: list[Token], text: str, tokenize: Callable[[str], list[Token]]
) -> list[Token]:
    """Re-analyse the tokens that straddle the edge of an institution word (see the module
    doc): the span they cover is analysed again in pieces cut at the word's edges."""
    if not any(word[:1] in text for word in INSTITUTIONS):
        return tokens
    out = tokens
    matches = list(_institution_re().finditer(text))
    spans = [(m.start(), m.end()) for m in matches]
    for m in reversed(matches):
        ms, me = m.start(), m.end()
        first = next((k for k, t in enumerate(out) if t.end > ms), None)
        if first is None:
            continue
        last = first
        while last + 1 < len(out) and out[last + 1].start < me:
            last += 1
        if first == last and out[first].start <= ms and out[first].end >= me:
            continue  # the word is whole already, or part of a longer word (衆議院議員)
        if out[first].start != ms and out[first].end <= ms:
            continue
        start, end = out[first].start, out[last].end
        left, right = text[start:ms], text[me:end]
        if not (
            _leftover_ok(left, start, spans, right=False)
            and _leftover_ok(right, me, spans, right=True)
        ):
            continue  # 大国|会計, 日本|会議: common words around, no rare word to mend
        pieces: list[Token] = []
        for a, b in ((start, ms), (ms, me), (me, end)):
            if a < b:
                for k, piece in enumerate(tokenize(text[a:b])):
                    piece.start += a
                    piece.end += a
                    if a == me and k == 0:
                        _as_suffix(piece)  # 委員会 + 下: the suffix か, not した
                    pieces.append(piece)
        out = out[:first] + pieces + out[last + 1 :]
    return out


def _leftover_ok(piece: str, at: int, spans: list[tuple[int, int]], *, right: bool) -> bool:
    """What a cut leaves beside an institution word must be a word of its own: nothing, two or
    more characters, part of another institution word (院 of 参議院), or on the right a suffix
    (委員会 + 下 か). 大|国会|計 (大国会計) is left alone."""
    if len(piece) != 1 or any(a <= at < b for a, b in spans):
        return True
    return right and suffix_entry(piece) is not None


@lru_cache(maxsize=1024)
def suffix_entry(surface: str) -> tuple[str, tuple[str, ...]] | None:
    """The dictionary's entry for ``surface`` as a suffix (下 か, 内 ない, 側 がわ), or None."""
    for m in analyzer.dictionary().lookup(surface):
        if m.surface() == surface and m.part_of_speech()[0] == "接尾辞":
            return to_hiragana(m.reading_form()), tuple(m.part_of_speech())
    return None


def _as_suffix(tok: Token) -> None:
    """A one-kanji word cut off right after an institution word is that word's suffix."""
    if len(tok.surface) != 1 or not tok.has_kanji:
        return
    entry = suffix_entry(tok.surface)
    if entry is not None:
        tok.reading, tok._pos = entry
        tok._morpheme = None


#: Compass points of two directions (北東 ほくとう, 西北 せいほく) and the kanji after which such a
#: point starts a word of its own: a place's suffix (秋田県|北東部, 中国|西北部), not a word's
#: last kanji (関東|北部 stays).
DIRECTIONS = {
    "北東": "ほくとう",
    "北西": "ほくせい",
    "南東": "なんとう",
    "南西": "なんせい",
    "東北": "とうほく",
    "西北": "せいほく",
    "東南": "とうなん",
    "西南": "せいなん",
}
_DIRECTIONS_RE = compiled(f"({'|'.join(DIRECTIONS)})部")
_NOUN_POS = ("名詞", "普通名詞", "一般", "*", "*", "*")
_PLACE_ENDS = frozenset("県市町村区郡省州国府都道島")


def keep_directions(
    tokens: list[Token], text: str, tokenize: Callable[[str], list[Token]]
) -> list[Token]:
    """A two-direction compass point before 部 is one word: Sudachi's cheapest path reads
    秋田県北|東部 (a place 秋田県北) and 西|北部, where a reader sees 秋田県 北東部 and 西北部
    (ほくとうぶ, せいほくぶ). The span is analysed again in pieces cut at the point's edges."""
    if "部" not in text:
        return tokens
    out = tokens
    for m in reversed(list(_DIRECTIONS_RE.finditer(text))):
        ms, me = m.start(), m.end() - 1  # the compass point; 部 follows
        before = text[ms - 1] if ms > 0 else ""
        if before and is_kanji(before) and before not in _PLACE_ENDS:
            continue
        first = next((k for k, t in enumerate(out) if t.end > ms), None)
        if first is None:
            continue
        last = first
        while last + 1 < len(out) and out[last + 1].start < me + 1:
            last += 1
        if out[first].start == ms and out[first].end in (me, me + 1):
            continue  # 北東|部 or 東南部 already
        start, end = out[first].start, out[last].end
        pieces: list[Token] = []
        for a, b in ((start, ms), (ms, me), (me, end)):
            if (a, b) == (ms, me):  # alone, 西北 is a place にしきた to the dictionary
                pieces.append(Token(text[a:b], a, b, DIRECTIONS[text[a:b]], _NOUN_POS))
            elif a < b:
                for piece in tokenize(text[a:b]):
                    piece.start += a
                    piece.end += a
                    pieces.append(piece)
        out = out[:first] + pieces + out[last + 1 :]
    return out


_SUFFIX_POS = ("接尾辞", "名詞的", "一般", "*", "*", "*")


def split_regions(tokens: list[Token]) -> list[Token]:
    """A family name before 部会 that makes a region of the dictionary with 部 is that region
    and an association (、中西|部会 なかにし ぶかい → 中西部 + 会, ちゅうせいぶ かい: the Midwest
    association): a committee (部会) belongs to a body, not to a person, so no name stands
    there; 中西部長 (a department head) and 中西部会長 are left alone."""
    out: list[Token] = []
    for k, tok in enumerate(tokens):
        prev = out[-1] if out else None
        if (
            tok.surface == "部会"
            and prev is not None
            and prev.end == tok.start
            and prev.pos[2:4] == ("人名", "姓")
            and (k + 1 == len(tokens) or tokens[k + 1].surface != "長")
        ):
            entry = compound_entry(prev.surface + "部")
            if entry is not None and entry[1][1] == "普通名詞":
                out[-1] = Token(prev.surface + "部", prev.start, tok.start + 1, entry[0], entry[1])
                out.append(Token("会", tok.start + 1, tok.end, "かい", _SUFFIX_POS))
                continue
        out.append(tok)
    return out


@lru_cache(maxsize=4096)
def given_name_reading(surface: str) -> str | None:
    """The dictionary's reading of ``surface`` as a given name (晋三 しんぞう), or None."""
    for m in analyzer.dictionary().lookup(surface):
        if m.surface() == surface and tuple(m.part_of_speech()[2:4]) == ("人名", "名"):
            return to_hiragana(m.reading_form())
    return None


def join_given_names(tokens: list[Token]) -> list[Token]:
    """A family name, then pieces that make a given name the dictionary knows: one word."""
    out: list[Token] = []
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        out.append(tok)
        i += 1
        if (
            i + 1 < n
            and tokens[i].surface in (" ", "\u3000")
            and tokens[i + 1].has_kanji
            and tok.pos[2:4] == ("人名", "姓")
        ):
            out.append(tokens[i])  # 安倍 晋三, 足利　尊氏: one space between the two names
            i += 1
        if i >= n or not tokens[i].has_kanji or tok.pos[2:4] != ("人名", "姓"):
            continue  # (a given name's first piece has kanji: the cheap test first)
        for k in (3, 2):  # the longest given name of two or three pieces
            parts = tokens[i : i + k]
            if len(parts) < k or not all(
                p.has_kanji and all(is_kanji(ch) for ch in p.surface) for p in parts
            ):
                continue
            surface = "".join(p.surface for p in parts)
            if len(surface) > 4 or any(
                p.end != q.start for p, q in zip(parts, parts[1:], strict=False)
            ):
                continue
            reading = given_name_reading(surface)
            if reading:
                name = Token(surface, parts[0].start, parts[-1].end, reading, _GIVEN_POS)
                out.append(name)
                i += k
                break
        else:
            in_parts = _name_in_parts(tokens, i)
            if in_parts is not None:
                out.append(in_parts)
                i += 2
    return out


#: Kanji that close a given name, with their reading there (博之 ひろゆき, 秀彦 ひでひこ, 拓哉
#: たくや, 大輔 だいすけ, 和雄 かずお, 直樹 なおき): after a family name and one kanji the
#: dictionary took for a given name, such a kanji is the name's end, whatever the dictionary read
#: it as alone (之 the particle の, 彦 げん, 男 おとこ).
NAME_FINALS = {
    "之": "ゆき",
    "彦": "ひこ",
    "哉": "や",
    "也": "や",
    "輔": "すけ",
    "介": "すけ",
    "雄": "お",
    "夫": "お",
    "男": "お",
    "樹": "き",
    "斗": "と",
}
#: Kanji that go on a given name after 之 (龍之介 りゅうのすけ): there 之 is の.
_AFTER_NO = frozenset("介助丞輔亮佑進")


def _name_in_parts(tokens: list[Token], i: int) -> Token | None:
    """A given name the dictionary lacks, after a family name: one kanji the dictionary took for
    a given name, then a kanji that closes names (``NAME_FINALS``) read otherwise (小林|鷹|之
    だか の → 鷹之 たかゆき), after the first kanji's name reading, without the し of a name
    standing alone (ひろし → ひろ)."""
    if i + 1 >= len(tokens):
        return None
    first, last = tokens[i], tokens[i + 1]
    final = NAME_FINALS.get(last.surface)
    if (
        final is None
        or last.reading == final
        or len(first.surface) != 1
        or first.pos[2:4] != ("人名", "名")
        or first.end != last.start
        or tokens[i - 1].end != first.start
    ):
        return None
    after = tokens[i + 2] if i + 2 < len(tokens) else None
    if (
        last.surface == "之"
        and after is not None
        and after.start == last.end
        and after.surface[:1] in _AFTER_NO
    ):
        return None  # 鷹之介: 之 is の
    stem = first.reading
    if len(stem) >= 3 and stem.endswith("し"):
        stem = stem[:-1]
    return Token(first.surface + last.surface, first.start, last.end, stem + final, _GIVEN_POS)


_GIVEN_POS = ("名詞", "固有名詞", "人名", "名", "*", "*")


@lru_cache(maxsize=8192)
def compound_entry(surface: str) -> tuple[str, tuple[str, ...]] | None:
    """The dictionary's entry for ``surface`` as one noun (上半期 かみはんき), or None."""
    found = None
    for m in analyzer.dictionary().lookup(surface):
        if m.surface() != surface or m.part_of_speech()[0] != "名詞":
            continue
        entry = (to_hiragana(m.reading_form()), tuple(m.part_of_speech()))
        if entry[1][1] == "普通名詞":
            return entry
        if found is None and entry[1][2] != "人名":
            found = entry
    return found


_JOINABLE = ("名詞", "接尾辞", "接頭辞")


def _may_join(before: Token | None, prev: Token, tok: Token, after: Token | None) -> bool:
    """Whether two kanji nouns side by side may be read as one (their context allows it)."""
    return (
        (before is None or before.pos[1] != "数詞")  # 1000年|頃 is not 年頃 としごろ
        and not (
            len(prev.surface) + len(tok.surface) == 2
            and before is not None
            and before.end == prev.start
            and before.has_kanji
        )  # 米国|内|法: 内法 うちのり is not there
        and not (
            after is not None and after.start == tok.end and len(after.surface) == 1 and after.has_kanji
        )  # 大法|院: the compound goes on
        and all(is_kanji(ch) for ch in prev.surface + tok.surface)
    )


def join_compounds(tokens: list[Token]) -> list[Token]:
    """Two kanji words that make one noun of the dictionary read otherwise are that noun:
    上|半期 かみはんき, 太陽|光 たいようこう, 財界|人 ざいかいじん, 南山|大学 なんざんだいがく."""
    out: list[Token] = []
    n = len(tokens)
    for k, tok in enumerate(tokens):
        prev = out[-1] if out else None
        # the cheap tests first: most pairs are not two kanji words side by side
        if (
            prev is not None
            and tok.has_kanji
            and prev.has_kanji
            and prev.end == tok.start
            and prev.pos[0] in _JOINABLE
            and tok.pos[0] in _JOINABLE
            and prev.pos[1] != "数詞"
            and tok.pos[1] != "数詞"
            and _may_join(out[-2] if len(out) > 1 else None, prev, tok, tokens[k + 1] if k + 1 < n else None)
        ):
            surface = prev.surface + tok.surface
            entry = compound_entry(surface)
            if entry is not None and entry[0] != prev.reading + tok.reading:
                out[-1] = Token(surface, prev.start, tok.end, entry[0], entry[1])
                continue
        out.append(tok)
    return out
