"""Which lines are headings, in which numbering style, and at which outline level.

Styles with an inherent rank nest in the usual Japanese order (第1章 > 第1節 > 1／１． > （1） >
ア > （ア））. Roman numerals (Ⅰ, II.), kanji numbers (一、, （一）) take the rank they first
appear at: just under the ranked heading open then, or above everything if none is. Bracketed
and ■ headings have no rank: they nest under whatever is open and give
way to the next ranked heading — except that a style first seen right under a bracketed
heading, with no text between, nests under that style wherever it appears under it again
(《概観》 then 【政治】, 【概観】 then 1 政治); an appendix label (``(参考)``, ``(別添)``) is a
sibling of the outermost section instead. A style already open closes everything below it. Markdown ``#``
gives its level outright.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.importer.chars import continues_after_sentence, ends_sentence
from store.patterns import compiled

_NUM = "0-9０-９"
_KATA = "ア-ンｱ-ﾝ"
_ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"
_KANJI_NUM = "一二三四五六七八九十"
_MAX_LEN = 60

#: (style, rank, pattern). The pattern's ``text`` group is the heading text *with* its
#: numbering (except the tabbed PDF form, rebuilt below).
_PATTERNS: list[tuple[str, int | None, re.Pattern[str]]] = [
    (
        "chapter",
        0,
        compiled(rf"^(?P<text>第[{_NUM}一二三四五六七八九十百]+[章部編][\s　]*\S.*)$"),
    ),
    ("section", 1, compiled(rf"^(?P<text>第[{_NUM}一二三四五六七八九十百]+節[\s　]*\S.*)$")),
    ("num", 2, compiled(rf"^(?P<text>[{_NUM}]{{1,2}}(?:．|\.(?![0-9]))[ 　\t]*\S.*)$")),
    (
        "num",
        2,
        compiled(
            rf"^(?P<text>[{_NUM}]{{1,2}}[ 　\t]+(?![{_NUM}％%か歳人件回]|[年月日時分秒][^\u4e00-\u9fff]).*\S)$"
        ),
    ),
    ("paren_num", 3, compiled(rf"^(?P<text>[（(][{_NUM}]{{1,2}}[）)][ 　\t]*\S.*)$")),
    # Roman numerals and kanji numbers: ranked by the order they first appear (see Outline)
    ("roman", -1, compiled(rf"^(?P<text>[{_ROMAN}]{{1,3}}[．.、]?[ 　\t]*[^\s{_ROMAN}].*)$")),
    (
        "roman",
        -1,
        compiled(r"^(?P<text>(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)[.．][ 　\t]*\S.*)$"),
    ),
    ("kanji_num", -1, compiled(rf"^(?P<text>[{_KANJI_NUM}]{{1,3}}[、．.][ 　\t]*\S.*)$")),
    ("paren_kanji", -1, compiled(rf"^(?P<text>[（(][{_KANJI_NUM}]{{1,3}}[）)][ 　\t]*\S.*)$")),
    ("kata", 4, compiled(rf"^(?P<text>[{_KATA}][．.]?[ 　\t]+\S.*)$")),
    ("paren_kata", 5, compiled(rf"^(?P<text>[（(][{_KATA}][）)][ 　\t]*\S.*)$")),
    ("angle", None, compiled(r"^(?P<text>〈[^〈〉]+〉)$")),
    ("double_angle", None, compiled(r"^(?P<text>《[^《》]+》)$")),
    ("ascii_angle", None, compiled(r"^(?P<text><[^<>/=]+>)$")),
    ("lenticular", None, compiled(r"^(?P<text>【[^【】]+】)$")),
    ("square_bracket", None, compiled(r"^(?P<text>\[[^\[\]]+\])$")),
    ("paren_label", None, compiled(r"^(?P<text>[（(](?:参考|注|付録|補足|別添|概要)[）)])$")),
    ("square", 2, compiled(r"^(?P<text>[■□◆◇●][ 　]*\S.*)$")),
]
_TABBED = compiled(rf"^\s*(?P<num>[{_NUM}]+)\t+(?:(?P=num)\t+)?\s*(?P<rest>\S.*)$")
_MARKDOWN = compiled(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.+?)[ \t#]*$")
#: First characters a numbered or bracketed heading can start with (katakana ones are checked
#: with the character after them).
_OPENERS = frozenset("0123456789０１２３４５６７８９（(第〈《<【[■□◆◇●IVX" + _ROMAN + _KANJI_NUM)
_PLAIN_WORDS = compiled(
    r"^(はじめに|おわりに|むすび|結論|結び|まとめ|序論|参考文献|要旨|概要|謝辞)$"
)
_DEFINITION_TITLE = compiled(r"^\S{2,20}とは$")


@dataclass(frozen=True, slots=True)
class HeadingLine:
    style: str
    rank: int | None  # -1: ranked by first appearance
    text: str
    level: int = 0  # only for Markdown headings


def _plausible(text: str) -> bool:
    """A heading is short, holds no sentence end followed by more text, does not end a
    sentence or clause, and has balanced brackets."""
    if len(text) > _MAX_LEN or text.endswith(("、", "，", ",")):
        return False
    if ends_sentence(text) and not text.endswith(("）", ")", "》", "〉", "】", "」")):
        return False
    if continues_after_sentence(text):
        return False  # a sentence ends inside it and more follows: prose
    for open_, close in ("（）", "()", "「」", "〈〉", "《》"):
        if text.count(open_) != text.count(close):
            return False
    return True


def match_heading(line: str) -> HeadingLine | None:
    """Classify one source line (already stripped of its newline) as a heading, or not."""
    m = _MARKDOWN.match(line.strip())
    if m:
        return HeadingLine("md", None, m.group("text").strip(), len(m.group("hashes")))
    m = _TABBED.match(line)
    if m and "\t" in line and "\t" not in m.group("rest"):
        text = f"{m.group('num')} {m.group('rest').strip()}"
        return HeadingLine("num", 2, re.sub(r"[ \t]+", " ", text)) if _plausible(text) else None
    stripped = line.strip()
    if not stripped or len([c for c in stripped.split("\t") if c.strip()]) >= 3:
        return None  # empty, or a table row
    if stripped[0] not in _OPENERS and not (
        len(stripped) > 1 and stripped[1] in " 　\t．." and "\u30a0" <= stripped[0] <= "\uff9f"
    ):
        if _PLAIN_WORDS.match(stripped) or _DEFINITION_TITLE.match(stripped):
            return HeadingLine("plain", None, stripped)
        return None  # no numbering style starts with this character
    for style, rank, pattern in _PATTERNS:
        m = pattern.match(stripped)
        if m:
            text = re.sub(r"[ \t]+", " ", m.group("text")).strip()
            if _plausible(text):
                return HeadingLine(style, rank, text)
            return None
    if _PLAIN_WORDS.match(stripped) or _DEFINITION_TITLE.match(stripped):
        return HeadingLine("plain", None, stripped)
    return None


class Outline:
    """Assigns levels to headings as they come, keeping the stack of open numbering styles."""

    def __init__(self, base_level: int = 1) -> None:
        self.base = base_level
        self.stack: list[tuple[str, float | None, int]] = []  # (style, rank, level)
        #: Ranks of the styles without one of their own (Ⅰ, 一、, （一）), fixed when each
        #: first appears: just under the ranked heading open then, or above all if none is.
        self.ranks: dict[str, float] = {}
        #: Bracket styles first seen right under another one: the style they nest under.
        self.nested: dict[str, str] = {}
        self.has_content = True

    def _rank(self, heading: HeadingLine) -> float | None:
        if heading.rank is None or heading.rank >= 0:
            return heading.rank
        if heading.style not in self.ranks:
            open_ranks = [r for _, r, _ in self.stack if r is not None]
            self.ranks[heading.style] = (max(open_ranks) + 0.5) if open_ranks else -1.0
        return self.ranks[heading.style]

    def level_for(self, heading: HeadingLine) -> int:
        if heading.style == "md":
            level = min(6, self.base - 1 + heading.level)
            while self.stack and self.stack[-1][2] >= level:
                self.stack.pop()
            self.stack.append((f"md{heading.level}", None, level))
            return level
        for i, (style, _rank, level) in enumerate(self.stack):
            if style == heading.style:
                del self.stack[i + 1 :]
                return level
        if heading.style == "paren_label":
            # (参考), (別添), (付録) label material for the whole document: a sibling of the
            # outermost numbered section, not a child of the last one
            outer = 0
            while outer < len(self.stack) and self.stack[outer][0].startswith(("md", "title")):
                outer += 1
            del self.stack[outer:]
        rank = self._rank(heading)
        if rank is None:
            parent = self.nested.get(heading.style)
            top = self.stack[-1][0] if self.stack else ""
            if top and self.stack[-1][1] is None and not self.has_content and parent is None:
                # another bracket style right under an open one, no text between: its child
                # (《概観》 then 【政治】), and so wherever it appears under that style again
                parent = self.nested[heading.style] = top
            while (
                self.stack
                and self.stack[-1][1] is None
                and not self.stack[-1][0].startswith(("md", "title"))
                and self.stack[-1][0] != parent
            ):
                self.stack.pop()
        else:
            open_entry = self.stack[-1] if self.stack else None
            if open_entry is not None and open_entry[1] is None and not self.has_content:
                self.nested.setdefault(heading.style, open_entry[0])  # 【概観】 then 1 政治
            parent = self.nested.get(heading.style)
            while self.stack and not self.stack[-1][0].startswith("md"):
                top_rank = self.stack[-1][1]
                if top_rank is None and self.stack[-1][0] == parent:
                    break
                if top_rank is None or top_rank >= rank:
                    self.stack.pop()
                else:
                    break
        level = min(6, (self.stack[-1][2] + 1) if self.stack else self.base)
        self.stack.append((heading.style, rank, level))
        self.has_content = False
        return level

    def content(self) -> None:
        """Text came after the last heading."""
        self.has_content = True
