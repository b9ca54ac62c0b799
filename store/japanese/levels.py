"""Which readings to show: the reader's display levels and the personal known-words list.

Levels:

- ``all`` — every kanji word;
- ``above-grade`` — only words with a kanji above ``grade`` (1–6: elementary-school grades of
  教育漢字; 7: the whole 常用漢字 list, so only kanji beyond it get readings);
- ``first`` — every kanji word, but only its first occurrence in each section (a section starts
  at each heading; each footnote is its own section);
- ``off`` — none.

Readings the document itself gives are the author's and show at every level but ``off``: ruby
(``source``) and readings reused from it, from a gloss in brackets or from a name glossed in
katakana (``gloss``). ``known_words`` suppresses readings at every level: a reading is dropped when the text
at its start begins with a known word that covers it (known 読む hides the よ over 読 in 読む).

Default: ``above-grade`` with grade 6 — readers who know Japanese well are not slowed by readings
over school kanji, and the base line stays close to its natural width (readings wider than their
kanji push characters apart; ``python -m benchmarks furigana`` measures that spread per level).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Literal

from store.japanese.document import DocumentReadings
from store.japanese.kanji_grades import word_grade
from store.japanese.readings import Reading

Level = Literal["all", "above-grade", "first", "off"]
LEVELS: tuple[Level, ...] = ("all", "above-grade", "first", "off")
DEFAULT_LEVEL: Level = "above-grade"
DEFAULT_GRADE = 6


def _known_index(known_words: Collection[str]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for word in known_words:
        if word:
            index.setdefault(word[0], []).append(word)
    return index


def _is_known(text: str, r: Reading, index: dict[str, list[str]]) -> bool:
    for word in index.get(text[r.start], ()):
        if len(word) >= r.end - r.start and text.startswith(word, r.start):
            return True
    # the reading may sit inside a known word that starts earlier (known 取り組み, reading 組)
    for k in range(max(0, r.start - 8), r.start):
        for word in index.get(text[k], ()):
            if k + len(word) >= r.end and text.startswith(word, k):
                return True
    return False


def filter_readings(
    readings: Sequence[Reading],
    text: str,
    level: Level,
    *,
    grade: int = DEFAULT_GRADE,
    known_words: Collection[str] = (),
    seen: set[tuple[str, str]] | None = None,
) -> list[Reading]:
    """The readings of one block (or footnote) to show at ``level``.

    ``seen`` carries the words already shown in the current section for ``first``.
    """
    if level == "off":
        return []
    if level not in LEVELS:
        raise ValueError(f"unknown furigana level {level!r} (choose from {', '.join(LEVELS)})")
    index = _known_index(known_words) if known_words else {}
    out: list[Reading] = []
    for r in readings:
        if index and _is_known(text, r, index):
            continue
        if r.source in ("source", "gloss"):
            out.append(r)
            continue
        surface = text[r.start : r.end]
        if level == "above-grade" and word_grade(surface) <= grade:
            continue
        if level == "first":
            key = (surface, r.reading)
            if seen is not None:
                if key in seen:
                    continue
                seen.add(key)
        out.append(r)
    return out


def select_readings(
    readings: DocumentReadings,
    level: Level = DEFAULT_LEVEL,
    *,
    grade: int = DEFAULT_GRADE,
    known_words: Collection[str] = (),
) -> DocumentReadings:
    """The readings to show for a whole document (same shape as ``readings``)."""
    blocks: list[list[Reading]] = []
    seen: set[tuple[str, str]] = set()
    for i, block in enumerate(readings.blocks):
        if i < len(readings.headings) and readings.headings[i]:
            seen = set()
        text = readings.texts[i] if i < len(readings.texts) else ""
        blocks.append(
            filter_readings(block, text, level, grade=grade, known_words=known_words, seen=seen)
        )
    notes = {
        key: filter_readings(
            rs,
            readings.footnote_texts.get(key, ""),
            level,
            grade=grade,
            known_words=known_words,
            seen=set(),
        )
        for key, rs in readings.footnotes.items()
    }
    return DocumentReadings(
        blocks, notes, readings.texts, readings.headings, readings.footnote_texts
    )
