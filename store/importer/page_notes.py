"""A PDF page's notes mark text on that page: their markers are placed by where the page is.

A page's footnotes sit at its foot (after the text they annotate) or, in some layouts, at its
head (before it). In the extracted line stream a block of definitions is a page boundary for
its numbering, so the marker of a definition lies between the previous block of the same
numbering and this one (foot), or between this block and the next (head). Which of the two a
document uses is told by where its markers are found. Searching only the page's own lines
keeps a number in the text (``分の1で``) from taking another page's note, and one wrong match
from shifting every later one; a box's notes (a numbering of their own) are searched back
from where they are defined, so the body's note 1 earlier on the page is not theirs.

Each marker found is replaced in the raw text by a sentinel (:func:`sentinel`) naming its
note; :func:`store.importer.footnotes.link_markers` turns sentinels into refs once the text
is final. The sentinel characters (interlinear annotation marks) are removed from every input
by the sanitiser, so only these can occur.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from store.importer.footnotes import (
    NoteDef,
    acceptable,
    assign_ids,
    marker_pattern,
    sentinel,
    weak,
)


class Spanned(Protocol):
    """A raw block that records which source line each part of its text came from."""

    spans: list[tuple[int, int]]  # (offset in the text, source line)

    def full(self) -> str: ...

    def replace_text(self, text: str) -> None: ...


@dataclass
class _Group:
    """Consecutive definitions with no body text between them: one page's notes."""

    scope: int
    notes: list[int] = field(default_factory=list)  # indexes into the notes list
    first_line: int = 0
    last_line: int = 0


@dataclass(frozen=True, order=True)
class _Hit:
    line: int
    block: int
    start: int
    end: int
    strong: bool


def place_markers(blocks: Sequence[Spanned], notes: list[NoteDef]) -> None:
    """Find the markers of page-bound notes (``(1)``, page-foot ``1 …``) on their page and
    put a sentinel in their place."""
    page_bound = [k for k, n in enumerate(notes) if n.style in ("paren", "bare")]
    if not page_bound:
        return
    assign_ids(notes)
    groups = _groups(notes, page_bound)
    lines = _line_index(blocks)
    if not lines:
        return
    texts = [b.full() for b in blocks]
    # each numbering has its side: the body's notes at the page's head, a box's after it
    foot = {
        scope: _count(groups, notes, lines, texts, scope, foot=True)
        >= _count(groups, notes, lines, texts, scope, foot=False)
        for scope in {g.scope for g in groups}
    }
    used: set[tuple[int, int]] = set()
    placed: list[tuple[int, int, int, int]] = []  # (block, start, end, note index)
    for g, group in enumerate(groups):
        use_foot = foot[group.scope]
        lo, hi = _segment(groups, g, foot=use_foot)
        hits_by_note = {k: _hits(notes[k], lines, texts, lo, hi) for k in group.notes}
        order = list(reversed(group.notes)) if use_foot else group.notes
        bound: _Hit | None = None
        for k in order:
            hit = _choose(hits_by_note[k], used, bound, backward=use_foot)
            if hit is None:
                continue
            used.add((hit.block, hit.start))
            placed.append((hit.block, hit.start, hit.end, k))
            bound = hit
    for b in {p[0] for p in placed}:
        text = texts[b]
        for _, start, end, k in sorted((p for p in placed if p[0] == b), reverse=True):
            text = text[:start] + sentinel(k) + text[end:]
        blocks[b].replace_text(text)


def _groups(notes: list[NoteDef], page_bound: list[int]) -> list[_Group]:
    groups: list[_Group] = []
    for k in page_bound:
        note = notes[k]
        last = groups[-1] if groups else None
        prev = notes[last.notes[-1]] if last is not None else None
        if (
            last is not None
            and prev is not None
            and last.scope == note.scope
            and (
                prev.body_mark == note.body_mark
                # a line or two of a note taken for body text does not end the page's notes
                or (note.body_mark - prev.body_mark <= 2 and _follows(prev, note))
            )
        ):
            last.notes.append(k)
            last.last_line = note.line
        else:
            groups.append(_Group(note.scope, [k], note.line, note.line))
    return groups


def _follows(prev: NoteDef, note: NoteDef) -> bool:
    return prev.number.isdigit() and note.number.isdigit() and int(note.number) == int(
        prev.number
    ) + 1


def _segment(groups: list[_Group], g: int, *, foot: bool) -> tuple[int, int]:
    """The source lines (exclusive bounds) a group's markers may be on."""
    group = groups[g]
    same = [x for x in groups if x.scope == group.scope]
    at = same.index(group)
    if foot:
        lo = same[at - 1].last_line if at > 0 else -1
        return max(lo, group.first_line - _PAGE_LINES), group.first_line
    hi = same[at + 1].first_line if at + 1 < len(same) else 1 << 60
    return group.last_line, min(hi, group.last_line + _PAGE_LINES)


#: No page is longer than this many source lines (a double-spaced one with its notes): the
#: search for a marker stops there, which also keeps it linear.
_PAGE_LINES = 400


def _line_index(blocks: Sequence[Spanned]) -> list[tuple[int, int, int, int]]:
    """(source line, block, start, end) of every line's part of a block's text, in line order."""
    out = []
    for b, block in enumerate(blocks):
        spans = getattr(block, "spans", None)
        if not spans:
            continue
        length = len(block.full())
        for k, (start, line) in enumerate(spans):
            end = spans[k + 1][0] if k + 1 < len(spans) else length
            out.append((line, b, start, end))
    out.sort()
    return out


def _hits(
    note: NoteDef, lines: list[tuple[int, int, int, int]], texts: list[str], lo: int, hi: int
) -> list[_Hit]:
    pattern = marker_pattern(note)
    hits = []
    for k in range(bisect.bisect_right(lines, (lo, 1 << 60)), len(lines)):  # (no copy)
        line, b, start, end = lines[k]
        if line >= hi:
            break
        text = texts[b]
        for m in pattern.finditer(text, start, end + 4):  # (a marker never runs past)
            if m.start() >= end:
                break
            if not acceptable(note, text, m.start(), m.end()):
                continue
            hits.append(_Hit(line, b, m.start(), m.end(), not weak(note, text, m.end())))
    return hits


def _choose(
    hits: list[_Hit], used: set[tuple[int, int]], bound: _Hit | None, *, backward: bool
) -> _Hit | None:
    """The nearest free hit on the right side of ``bound`` (the next note's marker when
    going back, the last one's going forward); one followed by a particle or punctuation
    before one glued to a word."""
    free = [
        h
        for h in hits
        if (h.block, h.start) not in used
        and (
            bound is None
            or ((h.line, h.start) < (bound.line, bound.start) if backward else
                (h.line, h.start) > (bound.line, bound.start))
        )
    ]
    if backward:
        free.reverse()
    return next((h for h in free if h.strong), free[0] if free else None)


def _count(
    groups: list[_Group],
    notes: list[NoteDef],
    lines: list[tuple[int, int, int, int]],
    texts: list[str],
    scope: int,
    *,
    foot: bool,
) -> int:
    """How many definitions of ``scope`` find a marker (one followed by a particle or
    punctuation) on the page's side ``foot`` (or head) supposes."""
    found = 0
    for g, group in enumerate(groups):
        if group.scope != scope:
            continue
        lo, hi = _segment(groups, g, foot=foot)
        found += sum(
            1 for k in group.notes if any(h.strong for h in _hits(notes[k], lines, texts, lo, hi))
        )
    return found
