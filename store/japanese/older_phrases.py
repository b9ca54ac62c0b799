"""Set words of older prose that the count rules or the dictionary's cut misread (any register).

一寸 (ちょっと), 何等 (なんら), 九分通り (くぶどおり), 数多 (あまた), 不可ない (いけない), 兵ども
(つわものども): Meiji–Shōwa prose, and today's writing that quotes or imitates it, spells these with
kanji that Sudachi cuts into a number and its counter, a grade or a noun of today, and reads so.
Each is read as the word only where what follows shows it (した after 一寸, か after 何等); the
count stays wherever it can be one (約一寸, 一寸五分, 何等星). Found in an archive work no rule
was written for and in a careful reader's pass (2026-12-07); checked over all the bench sets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.japanese.neighbours import joined as _joined
from store.japanese.neighbours import next_token as _next
from store.japanese.neighbours import prev_token as _prev
from store.japanese.numbers import absorb_number

if TYPE_CHECKING:
    from store.japanese.rules import Token

#: What 一寸 is followed by when it is a length even as Sudachi's word ちょっと: 一寸先も, 一寸先は.
_AHEAD_AFTER = frozenset(["も", "は", "が", "の"])


def _with_number(tokens: list[Token], i: int, number: str) -> Token | None:
    """The number ``number`` right before tokens[i] as a word of its own (一|寸, 九|分), which
    the reading of the two together then takes in: None when there is none."""
    prev = _prev(tokens, i)
    if prev is None or prev.surface != number or not _joined(prev, tokens[i]):
        return None
    before = _prev(tokens, i, 2)
    if before is not None and _joined(before, prev) and before.pos[1] == "数詞":
        return None  # 十一|寸: a longer number
    return prev


def chotto(tokens: list[Token], i: int) -> str | None:
    """一寸 before する or の間 is ちょっと, a little (一寸した事, 一寸して, 一寸の間): Sudachi cut
    it into 一|寸 and the counter rule read a length, いっすん; 一寸先も見えない and 一寸五分 are the
    length even where the dictionary took the adverb."""
    tok = tokens[i]
    nxt = _next(tokens, i)
    if nxt is None or not _joined(tok, nxt):
        return None
    if tok.surface == "寸" or (tok.surface == "一寸" and tok.reading == "いっすん"):
        after = _next(tokens, i, 2)
        a_while = nxt.surface == "の" and after is not None and after.surface == "間"
        if (nxt.lemma != "する" or nxt.pos[0] != "動詞") and not a_while:
            return None  # (一寸の間, a little while: ちょっとの間)
        if tok.surface == "寸":
            if _with_number(tokens, i, "一") is None:
                return None
            return absorb_number(tokens, i - 1, i, "ちょっと")
        return "ちょっと"
    if tok.surface != "一寸":
        return None
    if tok.reading != "ちょっと":
        return None
    if nxt.pos[1] == "数詞":
        return "いっすん"  # 一寸五分
    after = _next(tokens, i, 2)
    if nxt.surface == "先" and after is not None and after.surface in _AHEAD_AFTER:
        return "いっすん"
    return None


#: What follows 何等 when it is a grade, なんとう: 何等星, 何等賞, 何等級, 何等車, 何等席.
_GRADED = tuple("星賞級車席地")


def nanra(tokens: list[Token], i: int) -> str | None:
    """等 after 何 is the ら of なんら, any (何等かの理由, 何等の関係もない, 何等生命のない): the
    dictionary reads 何|等 as the grade, なん·とう, which 何等星 and 何等賞 keep."""
    tok = tokens[i]
    if tok.surface != "等" or tok.reading != "とう":
        return None
    prev = _prev(tokens, i)
    if prev is None or prev.surface != "何" or not _joined(prev, tok):
        return None
    nxt = _next(tokens, i)
    if nxt is not None and _joined(tok, nxt) and nxt.surface.startswith(_GRADED):
        return None
    return "ら"


def amata(tokens: list[Token], i: int) -> str | None:
    """数多 is あまた, many (数多の人々, 数多ある): the dictionary's すうた is no word a reader
    knows; 数多く (かずおおく) is a word of its own."""
    tok = tokens[i]
    return "あまた" if tok.surface == "数多" and tok.reading == "すうた" else None


def kubu(tokens: list[Token], i: int) -> str | None:
    """九分 before 通り is くぶ, nine tenths (九分通り出来た): the counter rule's きゅう·ふん is
    nine minutes."""
    tok = tokens[i]
    nxt = _next(tokens, i)
    if tok.surface not in ("分", "九分") or nxt is None or not _joined(tok, nxt):
        return None
    if not nxt.surface.startswith("通"):
        return None
    if tok.surface == "分":
        if _with_number(tokens, i, "九") is None:
            return None
        return absorb_number(tokens, i - 1, i, "くぶ")
    return "くぶ"


#: How 不可 goes on when it is いけ (いけない): 不可ない, 不可なかった, 不可ません, 不可ねえ.
_IKE_AFTER = ("ない", "なかっ", "なく", "なけれ", "ませ", "ねえ")


def ike(tokens: list[Token], i: int) -> str | None:
    """不可 before ない or ません is older prose's spelling of いけない (そうしては不可ない); the
    dictionary's ふか stays before なし and of a grade (可もなく不可もなく)."""
    tok = tokens[i]
    if tok.surface != "不可":
        return None
    nxt = _next(tokens, i)
    if nxt is None or not _joined(tok, nxt) or not nxt.surface.startswith(_IKE_AFTER):
        return None
    return "いけ"


def tsuwamono(tokens: list[Token], i: int) -> str | None:
    """兵 standing alone before ども is つわもの, warriors (夏草や兵どもが夢の跡): the
    dictionary's へい is a soldier of a modern army, which takes 達 or たち, not ども."""
    tok = tokens[i]
    if tok.surface != "兵" or tok.reading != "へい":
        return None
    prev = _prev(tokens, i)
    if prev is not None and prev.has_kanji and _joined(prev, tok):
        return None  # 胡兵ども: the end of a longer word (こへい)
    nxt = _next(tokens, i)
    return "つわもの" if nxt is not None and nxt.surface == "ども" and _joined(tok, nxt) else None


def shikashi(tokens: list[Token], i: int) -> str | None:
    """併し before 乍ら is しかし (併し乍ら, しかしながら): after a line's end the dictionary took
    it for 併す, あわし, though 併し alone is the conjunction."""
    tok, nxt = tokens[i], _next(tokens, i)
    if tok.surface != "併し" or tok.reading != "あわし" or nxt is None or not _joined(tok, nxt):
        return None
    return "しかし" if nxt.surface.startswith(("乍", "ながら")) else None


#: What opens a sentence or a clause, before which a word stands first.
_OPENING = frozenset("。、！？!?「『（(　\n")


def yo_first_person(tokens: list[Token], i: int) -> str | None:
    """余 opening a sentence before は, が or も is the first person of older prose, よ (余は此の
    一篇を草して): the dictionary's あまり is the rest, which follows what it is the rest of."""
    tok = tokens[i]
    if tok.surface != "余" or tok.reading != "あまり":
        return None
    prev, nxt = _prev(tokens, i), _next(tokens, i)
    if nxt is None or nxt.surface not in ("は", "が", "も"):
        return None
    if prev is not None and not (prev.surface and prev.surface[-1] in _OPENING):
        return None
    return "よ"


def ma_ni_ukeru(tokens: list[Token], i: int) -> str | None:
    """真 before に受ける is ま (真に受ける, to take at face value): the dictionary's しん is the
    truth (真に迫る)."""
    tok, nxt, verb = tokens[i], _next(tokens, i), _next(tokens, i, 2)
    if tok.surface != "真" or tok.reading == "ま" or nxt is None or nxt.surface != "に":
        return None
    return "ま" if verb is not None and verb.lemma in ("受ける", "請ける") else None
