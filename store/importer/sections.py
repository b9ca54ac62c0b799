"""The outline rules every importer shares, whatever the source (text, PDF, web page, EPUB):
which heading names the whole document, and where a box (コラム) goes in the outline.

- **The title**: what the file states about itself first (front matter, a PDF's document
  information, a web page's metadata), else its own title heading, else the file's name. A
  first heading heads the whole text only when nothing but ``meta`` comes before it and no
  other heading shares its numbering style: ``第1章 北米`` alone names the document, ``1 概観``
  before ``2 米国`` names a section, never the document.
- **Boxes**: a box's title becomes a heading of its own, before the box's text, with its
  byline under it; the box moves to the end of the section it sits in (so the section's body
  is not cut by it) and nests one level under that section (so a quote from the box is cited
  under the box's title, and the section's text after it is not).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol, TypeVar

#: ``heading_style`` of a box's title heading.
BOX = "box"
#: Heading styles that never name the document by this rule: a Markdown heading and an
#: unnumbered phrase are titled by their own rules (``# Title``, a page's first line).
_NEVER_TITLE = frozenset({"md", "plain", BOX})
#: Characters a box's subtitle line opens with (``－ジャパン・パレード－``).
_SUBTITLE_OPENERS = "－―‐-〜～−"


class Outlined(Protocol):
    """A block as the outline sees it (the text importer's raw blocks, structured pieces)."""

    kind: str
    level: int
    heading_style: str


_B = TypeVar("_B", bound=Outlined)


def own_title(blocks: Iterable[tuple[str, str, str]]) -> str:
    """The heading that heads the whole text, or "". ``blocks`` are ``(kind, heading style,
    text)`` in reading order; a heading's style is its numbering style (``num``, ``chapter``,
    …), or for a structured source's unnumbered heading, its rank there (``h1``)."""
    items = list(blocks)
    first = next((b for b in items if b[0] != "meta"), None)
    if first is None or first[0] != "heading" or first[1] in _NEVER_TITLE:
        return ""
    if any(b is not first and b[0] == "heading" and b[1] == first[1] for b in items):
        return ""
    return first[2]


def document_title(stated: Mapping[str, str], own: str, name: str) -> str:
    """One title everywhere: what the file states, else its own title, else its name."""
    return stated.get("title") or own or name


def box_title(lines: list[str]) -> tuple[str, list[str]]:
    """A box's title lines → ``(title, byline lines)``: the first line is the title, and a
    subtitle line right under it (``－ジャパン・パレード－``) belongs to it."""
    title, byline = lines[0], list(lines[1:])
    if byline and byline[0][:1] in _SUBTITLE_OPENERS:
        title += "\u3000" + byline.pop(0)
    return title, byline


def nest_box(blocks: list[_B], start: int, box: list[_B]) -> list[_B]:
    """``blocks`` with ``box`` (its title heading first) put at the end of the section that
    ``blocks[start]`` falls in, its heading one level under that section's (other headings in
    the box one further). Boxes already at that end stay before it."""
    section = next(
        (b for b in reversed(blocks[:start]) if b.kind == "heading" and b.heading_style != BOX),
        None,
    )
    level = min(6, (section.level if section is not None else 0) + 1)
    head = box[0]
    head.level, head.heading_style = level, BOX
    for b in box[1:]:
        if b.kind == "heading":
            b.level, b.heading_style = min(6, level + 1), BOX
    end = start
    while end < len(blocks) and not (
        blocks[end].kind == "heading"
        and blocks[end].heading_style != BOX
        and blocks[end].level <= level - 1
    ):
        end += 1
    return blocks[:end] + box + blocks[end:]
