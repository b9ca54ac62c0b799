"""Aozora Bunko files: the header (title, author, symbol legend), 底本 footer and headings.

Inline notation (ruby, ［＃…］) is handled by :mod:`store.importer.inline`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_RULE = re.compile(r"^-{20,}\s*$")
_FOOTER = re.compile(r"^底本[：:]")
_HEADING_NOTE = re.compile(r"［＃「(?P<text>[^」]+)」は(?P<size>大|中|小)見出し］")
_LEVEL = {"大": 1, "中": 2, "小": 3}
_ONLY_NOTE = re.compile(r"^(?:[ 　]*［＃[^］]*］)+[ 　]*$")


@dataclass
class AozoraParts:
    """The header lines (title, author …), the body lines and the footer lines."""

    header: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)


def looks_aozora(lines: list[str]) -> bool:
    head = lines[:60]
    return any("【テキスト中に現れる記号について】" in line for line in head) or (
        sum(1 for line in lines if "《" in line and "》" in line) >= 3
        and any(_FOOTER.match(line) for line in lines[-80:])
    )


def split_aozora(lines: list[str]) -> AozoraParts:
    """Cut the symbol legend (between two rules) and the footer from 底本： on."""
    parts = AozoraParts()
    rules = [i for i, line in enumerate(lines[:80]) if _RULE.match(line)]
    if len(rules) >= 2:
        parts.header = [line for line in lines[: rules[0]] if line.strip()]
        body = lines[rules[1] + 1 :]
    else:
        body = lines
    for i in range(len(body) - 1, max(-1, len(body) - 120), -1):
        if _FOOTER.match(body[i]):
            parts.footer = [line for line in body[i:] if line.strip()]
            body = body[:i]
            break
    parts.body = body
    return parts


def heading_note(line: str) -> tuple[str, int] | None:
    """``［＃「第一章」は中見出し］`` → ("第一章", 2)."""
    m = _HEADING_NOTE.search(line)
    if not m:
        return None
    return m.group("text"), _LEVEL[m.group("size")]


def only_annotation(line: str) -> bool:
    """A line holding nothing but ［＃…］ notes (改ページ, 地から…) — layout, not text."""
    return bool(_ONLY_NOTE.match(line))
