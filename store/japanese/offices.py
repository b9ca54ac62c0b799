"""Offices and titles (大統領, 国防相, 総書記): what a name or 前/元 stands before.

A word is an office when it ends in one of the title words below (国防相, 外務大臣, 国連大使,
副部長, 大統領権限代行). Several rules need it: 前 before an office means "former" (ぜん, not
まえ), 元 is もと there, and a family name standing before an office is a short form of a name
(尹大統領, 金総書記) that takes the reading the document gave the full name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.japanese.rules import Token

#: What follows a person's name and nothing else: 大谷さん, 西沢氏, 紀子様, 太郎君.
HONORIFICS = frozenset(["さん", "様", "さま", "氏", "君", "くん", "ちゃん", "殿"])

#: Endings of words for an office, a title or a government (longest first where it matters).
OFFICE_ENDINGS = (
    "大統領",
    "首相",
    "総理",
    "大臣",
    "相",
    "長官",
    "次官",
    "議員",
    "知事",
    "大使",
    "公使",
    "領事",
    "議長",
    "総裁",
    "会長",
    "社長",
    "市長",
    "町長",
    "村長",
    "区長",
    "委員長",
    "代表",
    "主席",
    "総統",
    "書記",
    "書記長",
    "部長",
    "局長",
    "補佐官",
    "幹事長",
    "監督",
    "理事長",
    "党首",
    "政権",
    "国王",
    "皇帝",
    "総長",
    "学長",
    "校長",
    "所長",
    "院長",
    "官",
    "代行",
    "首脳",
    "氏",
)

#: Words that may stand between a name and its office (尹前大統領, 金与正副部長).
OFFICE_PREFIXES = ("副", "前", "元", "現", "新", "故", "次期", "初代", "臨時", "暫定")


def is_office(surface: str) -> bool:
    """True for a word naming an office or a title (国防相, 国連大使, 総書記)."""
    return len(surface) > 0 and surface.endswith(OFFICE_ENDINGS) and surface not in ("相", "官")


def office_follows(tokens: list[Token], i: int) -> bool:
    """True when the words from ``tokens[i]`` on name an office (副部長 = 副 + 部 + 長,
    国連 + 大使, 大統領 + 権限代行): up to four kanji words joined."""
    joined = ""
    for tok in tokens[i : i + 4]:
        if not tok.has_kanji or tok.pos[0] not in ("名詞", "接頭辞", "接尾辞"):
            break
        joined += tok.surface
        if is_office(joined):
            return True
    return False
