"""Footnote definitions (recognised per line) and linking inline markers to them.

Definitions come in several forms: ``(1)<TAB>…`` (white papers), ``1 …`` lines at a page's
foot or under a ``注`` heading, ``※…`` / ``※1 …`` notes and Markdown ``[^1]: …``. Markers are
linked only in sequence and only where a definition with that number exists, so ``2025年``,
``1億5,230万`` and ``第217回`` are never mistaken for markers. A numbering that restarts is a
new scope (a column's own notes) with ids ``2-1``, ``2-2``…
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from store.importer.chars import separator
from store.japanese.chars import KANA, KANJI
from store.model import Block, Emphasis, Ref, Ruby
from store.patterns import compiled

_PAREN_DEF = compiled(r"^[ \t]*\((?P<num>\d{1,3})\)\t[ \t]*(?P<text>\S.*)$")
_BARE_DEF = compiled(r"^(?P<num>\d{1,3})[ \u3000]{1,3}(?P<text>\S.*)$")
_LABEL = compiled(r"\[\^[^\]\s]+\]|※[0-9０-９]+")
_MD_DEF = compiled(r"^\[\^(?P<num>[^\]\s]+)\]:[ \t]*(?P<text>.*)$")
_NOTE_DEF = compiled(r"^(?P<mark>※[0-9０-９]*)[ \u3000]*(?P<text>\S.*)$")

#: Characters after which a bare-digit marker may sit (text, not a number or a Latin word).
_BEFORE = f"{KANJI}{KANA}Ａ-Ｚａ-ｚー」』）〕】\\)”’。、"
#: A following character that makes the digits a quantity, a date or a longer number.
_UNIT_AFTER = compiled(
    r"[0-9０-９.,．，:：/]|[年月日時分秒兆億万千百十か箇ヶ回人件％%歳代号条位倍点度割週期円ドル名社国都道府県巻頁章節つ本枚個台冊匹頭羽杯階種番軒隻機票席周級次戸棟品色]"
    r"|[ \u3000][0-9A-Za-z%]"  # a unit set apart: 1 km, 30 mm
)


@dataclass(slots=True)
class NoteDef:
    """One footnote definition as found in the source."""

    style: str  # "paren", "bare", "md", "note"
    number: str
    text: str
    scope: int = 0
    #: Index of the source line the definition started on.
    line: int = 0
    #: How many raw blocks preceded the definition: where its page is.
    block: int = 0
    #: How many body lines had been read when it was defined: definitions with the same
    #: count stand together (one page's notes).
    body_mark: int = 0
    full_id: str = field(default="")
    #: Continuation lines, joined by :meth:`finish` (a long note is not copied line by line).
    more: list[str] = field(default_factory=list)

    def extend(self, line: str, *, paragraph: bool = False) -> None:
        """Add a continuation line (a new paragraph of the note after a newline)."""
        if paragraph:
            self.more.append("\n" + line)
            return
        last = self.more[-1] if self.more else self.text
        end = (self.text[-300:] + "".join(self.more[-4:]))[-300:]
        self.more.append(separator(end, line, last[-60:]) + line)

    def finish(self) -> None:
        if self.more:
            self.text += "".join(self.more)
            self.more = []


def match_definition(
    line: str, *, expect_bare: set[int], next_bare: int = 0
) -> tuple[str, str, str] | None:
    """``(style, number, text)`` when ``line`` opens a footnote definition.

    A bare ``1 …`` line counts only when its number is in ``expect_bare`` (the next in sequence,
    or 1 for a new box), and it reads as a note (long, or ending a sentence) rather than a
    ``1 概要`` heading — unless it is ``next_bare``, the next of a numbering already running.
    """
    m = _PAREN_DEF.match(line)
    if m:
        return ("paren", m.group("num"), m.group("text").strip())
    m = _MD_DEF.match(line)
    if m:
        return ("md", m.group("num"), m.group("text").strip())
    m = _NOTE_DEF.match(line.strip())
    if m:
        return ("note", m.group("mark"), m.group("text").strip())
    m = _BARE_DEF.match(line)
    if m and int(m.group("num")) in expect_bare:
        text = m.group("text").strip()
        if next_bare > 1 and int(m.group("num")) == next_bare:
            return ("bare", m.group("num"), text)
        if len(text) >= 30 or text.endswith(("。", "。）", "）。", ")。")):
            return ("bare", m.group("num"), text)
    return None


def assign_ids(notes: list[NoteDef]) -> None:
    """Give each definition an id; a numbering that restarts opens a new scope (a box's notes)."""
    last: dict[str, int] = {}
    runs: dict[tuple[str, int], int] = {}  # (style, scope) → its last number
    scope_of_style: dict[str, int] = {}
    scopes = 0
    seen_ids: set[str] = set()
    for note in notes:
        if note.style == "note":
            index = sum(1 for n in notes[: notes.index(note)] if n.style == "note") + 1
            note.full_id = note.number if len(note.number) > 1 else f"※{index}"
            while note.full_id in seen_ids:
                note.full_id += "'"
            seen_ids.add(note.full_id)
            continue
        if note.style == "md":
            note.full_id = note.number
            continue
        num = int(note.number)
        style_key = note.style
        if style_key not in scope_of_style or num <= last.get(style_key, 0):
            # a numbering that restarts: a box's own notes; or the body's, going on after
            # the box from where they were
            back = [s for s, n in runs.items() if s[0] == style_key and n + 1 == num]
            if back and num > 1:
                scope_of_style[style_key] = back[-1][1]
            else:
                scope_of_style[style_key] = scopes
                scopes += 1
        elif runs.get((style_key, scope_of_style[style_key]), 0) + 1 != num:
            back = [s for s, n in runs.items() if s[0] == style_key and n + 1 == num]
            if back:
                scope_of_style[style_key] = back[-1][1]
        last[style_key] = num
        note.scope = scope_of_style[style_key]
        runs[(style_key, note.scope)] = num
        note.full_id = note.number if note.scope == 0 else f"{note.scope + 1}-{note.number}"
        while note.full_id in seen_ids:
            note.full_id += "'"
        seen_ids.add(note.full_id)


def marker_pattern(note: NoteDef) -> re.Pattern[str]:
    num = re.escape(note.number)
    if note.style == "paren":
        return compiled(rf"[（(]{num}[）)]")
    if note.style == "md":
        return compiled(rf"\[\^{num}\]")
    if note.style == "note":
        return compiled(rf"{num}(?![0-9０-９])")
    return compiled(rf"(?<=[{_BEFORE}]){num}(?![0-9])")


def acceptable(note: NoteDef, text: str, start: int, end: int) -> bool:
    if note.style == "paren":
        return start > 0  # （1） opening a block is its numbering (a heading's, an item's)
    if note.style != "bare":
        return True
    return not _UNIT_AFTER.match(text, end) and text[start - 1 : start] != "第"


#: Page-bound notes (``(1)``, page-foot ``1 …``) have their marker on the same page: search
#: this many blocks before and after the definition (it also keeps the search linear).
_BEFORE_DEF = 40
_AFTER_DEF = 80
#: Endnotes gathered at a section's end: how far back their markers are looked for.
_FAR_BEFORE_DEF = 600


#: A marker already placed in the raw text (:mod:`store.importer.page_notes`): the index of
#: its note between interlinear annotation marks, which the sanitiser removes from input.
SENTINEL = compiled("\ufff9([0-9]+)\ufffb")


def sentinel(note_index: int) -> str:
    return f"\ufff9{note_index}\ufffb"


def _placed_markers(blocks: list[Block], notes: list[NoteDef]) -> dict[int, tuple[int, int]]:
    """Turn the sentinels in ``blocks`` into refs; return {note index: (block, offset)}."""
    placed: dict[int, tuple[int, int]] = {}
    for b, block in enumerate(blocks):
        while "\ufff9" in block.text:
            m = SENTINEL.search(block.text)
            if m is None:
                block.text = block.text.replace("\ufff9", "")
                break
            k = int(m.group(1))
            _remove(block, m.start(), m.end(), notes[k].full_id if k < len(notes) else "")
            if k < len(notes):
                placed[k] = (b, m.start())
            else:  # not one of ours: dropped
                block.refs = [r for r in block.refs if r.footnote_id]
    return placed


def link_markers(blocks: list[Block], notes: list[NoteDef], *, raw_count: int = 0) -> None:
    """Find each definition's marker, in sequence per scope, and move it into ``refs``.

    ``raw_count`` is the number of blocks the definitions' ``block`` positions refer to (before
    empty and duplicated blocks were dropped); positions are scaled to ``blocks``.
    """
    scale = len(blocks) / raw_count if raw_count else 1.0
    cursor: dict[tuple[str, int], tuple[int, int]] = {}
    placed = _placed_markers(blocks, notes)
    # Labelled markers ([^n], ※n) can be anywhere: index the blocks that hold each label once,
    # so a note whose marker is missing does not rescan the whole document.
    labelled: dict[str, list[int]] = {}
    if any(n.style in ("md", "note") for n in notes):
        for b, block in enumerate(blocks):
            if block.kind == "code":
                continue  # verbatim: a [^1] in code is code
            for m in _LABEL.finditer(block.text):
                places = labelled.setdefault(m.group(0), [])
                if not places or places[-1] != b:
                    places.append(b)
    for k, note in enumerate(notes):
        if k in placed:  # found on its page: the next of its numbering comes after it
            cursor[(note.style, note.scope)] = placed[k]
            continue
        if note.style == "note" and len(note.number) == 1:
            continue  # a bare ※ note has no marker
        key = (note.style, note.scope)
        start_block, start_pos = cursor.get(key, (0, 0))
        pattern = marker_pattern(note)
        searches: list[tuple[Iterable[int], int, int]] = []  # (blocks, first block, its pos)
        if note.style in ("md", "note"):
            label = f"[^{note.number}]" if note.style == "md" else note.number
            places = [b for b in labelled.get(label, []) if b >= start_block]
            searches.append((places, start_block, start_pos))
        else:
            here = int(note.block * scale)
            lo = max(start_block, here - _BEFORE_DEF)
            first_pos = start_pos if lo == start_block else 0
            searches.append((range(lo, min(len(blocks), here + _AFTER_DEF)), lo, first_pos))
            if lo > start_block:  # endnotes: the marker may be pages before its note
                far = max(start_block, here - _FAR_BEFORE_DEF)
                far_pos = start_pos if far == start_block else 0
                searches.append((range(far, lo), far, far_pos))
        found = None
        for candidates, first, first_pos in searches:
            found = _first_marker(blocks, note, pattern, candidates, first, first_pos)
            if found:
                break
        if not found:
            continue
        b, start, end = found
        _remove(blocks[b], start, end, note.full_id)
        cursor[key] = (b, start)


#: After a bare-digit marker: a katakana, kanji or Latin word going on makes it part of the text.
_WORD_AFTER = compiled(f"[{KANJI}ァ-ヺA-Za-z]")


def weak(note: NoteDef, text: str, end: int) -> bool:
    """Bare digits glued to a word (``における1インチ``): a marker only if nothing better is."""
    return note.style == "bare" and bool(_WORD_AFTER.match(text, end))


def _first_marker(
    blocks: list[Block],
    note: NoteDef,
    pattern: re.Pattern[str],
    candidates: Iterable[int],
    first: int,
    first_pos: int,
) -> tuple[int, int, int] | None:
    """The first acceptable marker; for bare digits, one followed by a kana particle or
    punctuation (``再登場1を``, ``こと1。``) before one glued to a word (``における1インチ``)."""
    candidates = list(candidates)
    loose: tuple[int, int, int] | None = None
    for b in candidates:
        if blocks[b].kind == "code":
            continue
        text = blocks[b].text
        for m in pattern.finditer(text, first_pos if b == first else 0):
            if acceptable(note, text, m.start(), m.end()):
                if not weak(note, text, m.end()):
                    return (b, m.start(), m.end())
                loose = loose or (b, m.start(), m.end())
    return loose


def _remove(block: Block, start: int, end: int, footnote_id: str) -> None:
    """Delete ``text[start:end]`` (a marker), shifting spans, and record the reference."""
    n = end - start
    block.text = block.text[:start] + block.text[end:]

    def shift(x: int) -> int:
        return x if x <= start else max(start, x - n)

    block.ruby = [Ruby(shift(r.start), shift(r.end), r.reading) for r in block.ruby]
    block.emphasis = [Emphasis(shift(e.start), shift(e.end), e.kind) for e in block.emphasis]
    block.refs = sorted(
        [Ref(shift(r.offset), r.footnote_id) for r in block.refs] + [Ref(start, footnote_id)],
        key=lambda r: r.offset,
    )
