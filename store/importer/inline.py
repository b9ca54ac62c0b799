"""Inline marks inside one block's raw text → plain text plus ruby and emphasis spans.

Handles Aozora ruby (``｜漢字《かんじ》`` and ``漢字《かんじ》``; the PDF ruby lines are rewritten
into this notation while lines are joined), Aozora ``［＃…］`` annotations (dropped), Markdown
``**bold**`` / ``*italic*``, links (read as their text) and images (dropped), and inline web
debris ("別ウィンドウで開く").

No pattern can scan past the opening of another of its kind (a link's text stops at ``[``, an
annotation at ``［``), so a hostile line of 100,000 brackets is read in linear time.
"""

from __future__ import annotations

import re

from store.japanese.chars import KANA, KANJI
from store.model import Emphasis, EmphasisKind, Ruby
from store.patterns import compiled

_TOKEN = compiled(
    rf"""
      ｜(?P<base>[^｜《》\n]{{1,30}})《(?P<reading>[^《》\n]{{1,40}})》
    | (?P<kbase>[{KANJI}]+)《(?P<kreading>[{KANA}ー・]{{1,40}})》
    | (?P<annot>［＃[^］［]*］)
    | \*\*(?P<bold>[^*\s](?:[^*]*?[^*\s])?)\*\*
    | (?<![*A-Za-z0-9])\*(?P<italic>[^*\s](?:[^*]*?[^*\s])?)\*(?![*A-Za-z0-9])
    | (?P<debris>別ウィンドウで開く|新しいウィンドウで開く|外部サイトへ移動|!\[[^\[\]\n]*\]\([^()\s]*\))
    | \[(?P<link>[^\[\]\n^][^\[\]\n]*)\]\((?:https?://|/|\.|\#)[^()\s]*\)
    """,
    re.VERBOSE,
)


def parse_inline(raw: str) -> tuple[str, list[Ruby], list[Emphasis]]:
    """Strip inline notation from ``raw``; return ``(text, ruby, emphasis)`` with offsets."""
    if not any(ch in raw for ch in "｜《［*別新外["):
        return raw, [], []
    out: list[str] = []
    ruby: list[Ruby] = []
    emphasis: list[Emphasis] = []
    pos = 0
    length = 0
    for m in _TOKEN.finditer(raw):
        chunk = raw[pos : m.start()]
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group("base") or m.group("kbase"):
            base = m.group("base") or m.group("kbase")
            reading = m.group("reading") or m.group("kreading")
            ruby.append(Ruby(length, length + len(base), reading))
            out.append(base)
            length += len(base)
        elif m.group("link") is not None:
            out.append(m.group("link"))  # a Markdown link reads as its text
            length += len(m.group("link"))
        elif m.group("bold") is not None or m.group("italic") is not None:
            kind: EmphasisKind = "bold" if m.group("bold") is not None else "italic"
            inner_text, inner_ruby, inner_emph = parse_inline(m.group(kind))
            ruby.extend(Ruby(length + r.start, length + r.end, r.reading) for r in inner_ruby)
            emphasis.extend(Emphasis(length + e.start, length + e.end, e.kind) for e in inner_emph)
            emphasis.append(Emphasis(length, length + len(inner_text), kind))
            out.append(inner_text)
            length += len(inner_text)
        # annotations and debris are dropped
    out.append(raw[pos:])
    return "".join(out), ruby, sorted(emphasis, key=lambda e: (e.start, e.end))
