"""Words formal prose reads otherwise than everyday speech (any register).

Reports, judgments and notices use words the dictionary reads as everyday speech does: 大勢,
"the general trend", in 大勢を占める or 大勢見通し is たいせい, where the dictionary's おおぜい is
"many people"; a judgment's その余 (the rest) is そのよ, not あまり; 〇〇 standing for a name
left out (〇〇市) is まるまる, not two zeros; the weather's 寒気 is かんき, not a chill; an order
received (命を受け, 命により) is めい, not a life. Found in careful readers' passes over court,
economic, municipal, weather and history prose (2026-12-08) and checked over the bench sets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.japanese.chars import is_kanji
from store.japanese.neighbours import joined as _joined
from store.japanese.neighbours import next_token as _next
from store.japanese.neighbours import prev_token as _prev

if TYPE_CHECKING:
    from store.japanese.rules import Token

#: What 大勢, the general trend, is followed by: a particle and the verb or noun of that sense.
_TREND_PHRASES = {"を": ("占",), "に": ("影響",), "が": ("決",), "は": ("決",)}


def taisei(tokens: list[Token], i: int) -> str | None:
    """大勢 is the general trend, たいせい, where what follows says so: 大勢を占める, 大勢に影響
    はない, 大勢が決した, or a noun written on to it (大勢見通し, 大勢判断). 大勢の人, 大勢で,
    大勢いる keep the dictionary's おおぜい, many people."""
    tok = tokens[i]
    if tok.surface != "大勢" or tok.reading != "おおぜい":
        return None
    nxt = _next(tokens, i)
    if nxt is None or not _joined(tok, nxt):
        return None
    if nxt.has_kanji and nxt.pos[0] == "名詞" and is_kanji(nxt.surface[0]):
        return "たいせい"
    after = _next(tokens, i, 2)
    starts = _TREND_PHRASES.get(nxt.surface)
    if starts and after is not None and _joined(nxt, after) and after.surface.startswith(starts):
        return "たいせい"
    return None


#: Demonstratives before 余, the rest (その余の請求, 此の余は).
_DEMONSTRATIVES = frozenset(["その", "この", "其の", "此の"])


def sono_yo(tokens: list[Token], i: int) -> str | None:
    """余 after その or この, written without り, is よ, the rest (その余の請求を棄却する, その余
    の点): the dictionary read あまり, which is spelled 余り."""
    tok, prev = tokens[i], _prev(tokens, i)
    if tok.surface != "余" or tok.reading == "よ" or prev is None:
        return None
    nxt = _next(tokens, i)
    if prev.surface not in _DEMONSTRATIVES or not _joined(prev, tok):
        return None
    if nxt is not None and _joined(tok, nxt) and nxt.surface.startswith("り"):
        return None
    return "よ"


_CIRCLE = "〇"


def _circle_run(tokens: list[Token], i: int) -> tuple[int, int]:
    """The first and last index of the run of 〇 words ``tokens[i]`` is in."""
    first = last = i
    while first > 0 and set(tokens[first - 1].surface) == {_CIRCLE} and _joined(
        tokens[first - 1], tokens[first]
    ):
        first -= 1
    while (
        last + 1 < len(tokens)
        and set(tokens[last + 1].surface) == {_CIRCLE}
        and _joined(tokens[last], tokens[last + 1])
    ):
        last += 1
    return first, last


def _numeric(tok: Token | None) -> bool:
    return tok is not None and (tok.pos[1] == "数詞" or tok.surface[-1:].isdigit())


def placeholder(tokens: list[Token], i: int) -> str | None:
    """Two or more 〇 standing alone are a name or a figure left out, まる each (〇〇市
    まるまるし, 〇〇さん); beside other figures they are zeros (一〇〇, 2〇〇〇年)."""
    tok = tokens[i]
    if set(tok.surface) != {_CIRCLE}:
        return None
    first, last = _circle_run(tokens, i)
    if sum(len(t.surface) for t in tokens[first : last + 1]) < 2:
        return None
    before, after = _prev(tokens, first), _next(tokens, last)
    if (_numeric(before) and _joined(before, tokens[first])) or (
        _numeric(after) and _joined(tokens[last], after)
    ):
        return None
    return "まる" * len(tok.surface)


#: What a chill does to a body (寒気がする, 寒気を覚える, 寒気が走る): there 寒気 is さむけ.
_CHILL_VERBS = ("する", "し", "覚え", "感じ", "走", "襲", "立")


def kanki(tokens: list[Token], i: int) -> str | None:
    """寒気 is cold air, かんき (上空の強い寒気, 寒気が南下, 深夜の寒気), except a chill a body
    feels (寒気がする, 寒気を覚えた, 恐怖と寒気と眩暈: さむけ); the dictionary takes either in
    either place."""
    tok = tokens[i]
    if tok.surface != "寒気":
        return None
    reading = "さむけ" if _a_chill(tokens, i) else "かんき"
    return reading if reading != tok.reading else None


def _a_chill(tokens: list[Token], i: int) -> bool:
    nxt, after, prev = _next(tokens, i), _next(tokens, i, 2), _prev(tokens, i)
    if nxt is None:
        return False
    if nxt.surface.startswith(_CHILL_VERBS):
        return True  # 寒気立つ, 寒気する
    if nxt.surface in ("が", "を", "に") and after is not None:
        return after.surface.startswith(_CHILL_VERBS)
    return (prev is not None and prev.surface == "と") or nxt.surface == "と"  # 恐怖と寒気と


#: An order received or obeyed: 命を受け, 命を奉じ, 命を帯び, 命に従い, 命に背き, 命により.
_ORDERED = {
    "を": ("受け", "受", "奉じ", "奉", "帯び", "拝し", "承"),
    "に": ("より", "よっ", "従", "背", "応じ"),
}


def mei(tokens: list[Token], i: int) -> str | None:
    """命 received or obeyed is an order, めい (藩主の命を受けて, 天皇の命により, 命に背く); a life,
    いのち, is lost, saved or given (命を落とす, 命を救う)."""
    tok = tokens[i]
    if tok.surface != "命" or tok.reading != "いのち":
        return None
    nxt, after = _next(tokens, i), _next(tokens, i, 2)
    if nxt is None or after is None or not _joined(tok, nxt):
        return None
    verbs = _ORDERED.get(nxt.surface)
    return "めい" if verbs and after.surface.startswith(verbs) else None


def nanpito(tokens: list[Token], i: int) -> str | None:
    """何人 before も and a comma, or before たりとも, is anyone at all, なんぴと: a law's and a
    constitution's 何人も、…されない (the dictionary's なんにん, how many people; 何人も来た,
    many came, keeps it)."""
    tok = tokens[i]
    if tok.surface != "何人" or tok.reading == "なんぴと":
        return None
    nxt, after = _next(tokens, i), _next(tokens, i, 2)
    if nxt is None or not _joined(tok, nxt):
        return None
    if "".join(t.surface for t in tokens[i + 1 : i + 4]).startswith("たりとも") or (
        nxt.surface == "も" and after is not None and after.surface == "、"
    ):
        return "なんぴと"
    return None


def coming_date(tokens: list[Token], i: int) -> str | None:
    """来る and 去る before a date are きたる and さる (来る六月十二日, 去る三月): the dictionary's
    くる and さる as verbs."""
    tok = tokens[i]
    if tok.surface not in ("来る", "去る") or i + 1 >= len(tokens):
        return None
    nxt = tokens[i + 1]
    if nxt.start != tok.end or not (nxt.pos[1] == "数詞" or nxt.surface[:1].isdigit()):
        return None
    reading = "きたる" if tok.surface == "来る" else "さる"
    return reading if reading != tok.reading else None


def kaishun(tokens: list[Token], i: int) -> str | None:
    """買春 is かいしゅん in the law's and the news's reading (児童買春), set apart from 売春
    ばいしゅん, which the dictionary's ばいしゅん sounds the same as."""
    tok = tokens[i]
    return "かいしゅん" if tok.surface == "買春" and tok.reading != "かいしゅん" else None


#: Who a translation is by, after 訳は: 訳は筆者による, 訳は引用者.
_TRANSLATORS = ("筆者", "引用者", "編者", "著者")


def translation(tokens: list[Token], i: int) -> str | None:
    """訳 before は and the writer is a translation, やく (訳は筆者による, a note's formula): the
    dictionary's わけ is a reason."""
    tok = tokens[i]
    if tok.surface != "訳" or tok.reading != "わけ":
        return None
    nxt, after = _next(tokens, i), _next(tokens, i, 2)
    if nxt is None or after is None or nxt.surface not in ("は", ":", "：", "＝"):
        return None
    return "やく" if after.surface.startswith(_TRANSLATORS) else None
