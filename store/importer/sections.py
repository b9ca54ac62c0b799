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

from collections.abc import Iterable, Mapping, Sequence
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
    """``blocks`` with ``box`` (its title heading first), which stood before ``blocks[start]``,
    nested by :func:`nest_boxes`."""
    joined = blocks[:start] + box + blocks[start:]
    return [joined[k] for k in nest_boxes(joined, [range(start, start + len(box))])]


def nest_boxes(blocks: Sequence[_B], boxes: list[range]) -> list[int]:
    """The new order of ``blocks`` (their indexes) with each box (a run of blocks, its title
    heading first, in reading order) moved to the end of the section it sits in: before the
    next heading outside boxes of that section's level or above; boxes keep their order. Each
    box's title heading is set one level under that section's heading (other headings in the
    box one further), and every box heading's style becomes :data:`BOX`."""
    in_box = [-1 if b.heading_style == BOX else 0 for b in blocks]  # boxes nested before
    for n, run in enumerate(boxes, 1):
        for k in run:
            in_box[k] = n
            if blocks[k].kind == "heading":
                blocks[k].heading_style = BOX
    # the section each position falls in: the last heading outside boxes up to it
    section_at: list[int] = []
    last = -1
    for k, b in enumerate(blocks):
        if b.kind == "heading" and not in_box[k]:
            last = k
        section_at.append(last)
    keys: list[tuple[float, int]] = [(float(k), k) for k in range(len(blocks))]
    for run in boxes:
        section = section_at[run[0]]
        level = min(6, (blocks[section].level if section >= 0 else 0) + 1)
        head = blocks[run[0]]
        head.level = level
        for k in run[1:]:
            if blocks[k].kind == "heading":
                blocks[k].level = min(6, level + 1)
        end = run[-1] + 1
        while end < len(blocks) and not (
            blocks[end].kind == "heading" and not in_box[end] and blocks[end].level <= level - 1
        ):
            end += 1
        for k in run:
            keys[k] = (end - 0.5, k)  # just before the section's end, boxes in their order
    return [k for _, k in sorted(keys)]
