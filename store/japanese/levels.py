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
katakana (``gloss``) — except over the word a gloss follows at once (``栞（しおり）``: the reading
is there to read), which only ``all`` draws. ``known_words`` suppresses readings at every level: a reading is dropped when the text
at its start begins with a known word that covers it (known 読む hides the よ over 読 in 読む).

Default: ``above-grade`` with grade 6 — readers who know Japanese well are not slowed by readings
over school kanji, and the base line stays close to its natural width (readings wider than their
kanji push characters apart; ``python -m benchmarks furigana`` measures that spread per level).
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Literal

from store.japanese.kanji_grades import word_grade

if TYPE_CHECKING:  # imported lazily: the reader names the levels long before it analyses
    from store.japanese.document import DocumentReadings
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
        if r.source in ("source", "gloss", "own"):
            if level != "all" and r.source == "gloss" and _glossed_right_after(text, r):
                continue  # 栞（しおり）: the reader has the reading in the text already
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


_OPEN = "（(［["
_CLOSE = "）)］]"
_GLOSS_SEPARATORS = str.maketrans("", "", "・･＝= 　")


def _glossed_right_after(text: str, r: Reading) -> bool:
    """The bracket right after the word (or after the rest of its kanji run: a name's parts)
    holds its reading: ``栞（しおり）``, ``尹錫悦（ユン・ソンニョル）``."""
    from store.japanese.chars import is_kanji, to_hiragana

    i = r.end
    while i < len(text) and is_kanji(text[i]):
        i += 1
    if i >= len(text) or text[i] not in _OPEN:
        return False
    close = min((j for j in (text.find(c, i + 1) for c in _CLOSE) if j > 0), default=-1)
    if close < 0 or close - i > 40:
        return False
    inside = to_hiragana(text[i + 1 : close]).translate(_GLOSS_SEPARATORS)
    return bool(r.reading) and to_hiragana(r.reading) in inside


class ShownReadings:
    """The readings ``level`` shows in a document, chosen block by block on first use.

    For a reader that lays a document out piece by piece (a 1 MB document does not wait for
    every block's choice); :func:`select_readings` makes the same choice for a whole
    document at once. ``first`` walks the blocks in order up to the one asked for, starting a
    new section at each heading. Safe to call from several threads (the reader asks from its
    layout worker and from the main thread).
    """

    def __init__(
        self,
        readings: DocumentReadings,
        level: Level = DEFAULT_LEVEL,
        *,
        grade: int = DEFAULT_GRADE,
        known_words: Collection[str] = (),
    ) -> None:
        if level not in LEVELS:
            raise ValueError(f"unknown furigana level {level!r} (choose from {', '.join(LEVELS)})")
        self.readings, self.level = readings, level
        self._grade, self._known = grade, known_words
        self._blocks: dict[int, list[Reading]] = {}
        self._lock = threading.Lock()
        self._next = 0  # ``first``: the next block to choose for, in order
        self._seen: set[tuple[str, str]] = set()

    def _choose(self, index: int, seen: set[tuple[str, str]] | None) -> list[Reading]:
        r = self.readings
        text = r.texts[index] if index < len(r.texts) else ""
        return filter_readings(
            r.block(index), text, self.level, grade=self._grade, known_words=self._known, seen=seen
        )

    def block(self, index: int) -> list[Reading]:
        """The readings block ``index`` shows (offsets into its text)."""
        found = self._blocks.get(index)
        if found is not None:
            return found
        with self._lock:
            if self.level != "first":
                found = self._blocks[index] = self._choose(index, None)
                return found
            headings = self.readings.headings
            while self._next <= index:
                k = self._next
                if k < len(headings) and headings[k]:
                    self._seen = set()
                self._blocks[k] = self._choose(k, self._seen)
                self._next += 1
            return self._blocks[index]

    def forget(self, first: int, end: int) -> None:
        """Blocks ``first``..``end`` got their readings (an analysis that runs in pieces):
        choose for them again when asked. For ``first`` every choice may change, so all go."""
        with self._lock:
            if self.level == "first":
                self._blocks.clear()
                self._next = 0
                self._seen = set()
                return
            for i in range(first, end):
                self._blocks.pop(i, None)

    def footnote(self, footnote_id: str) -> list[Reading]:
        """The readings footnote ``footnote_id`` shows (each footnote is its own section)."""
        r = self.readings
        return filter_readings(
            r.footnote(footnote_id),
            r.footnote_texts.get(footnote_id, ""),
            self.level,
            grade=self._grade,
            known_words=self._known,
            seen=set(),
        )


def select_readings(
    readings: DocumentReadings,
    level: Level = DEFAULT_LEVEL,
    *,
    grade: int = DEFAULT_GRADE,
    known_words: Collection[str] = (),
) -> DocumentReadings:
    """The readings to show for a whole document (same shape as ``readings``)."""
    from store.japanese.document import DocumentReadings

    shown = ShownReadings(readings, level, grade=grade, known_words=known_words)
    return DocumentReadings(
        [shown.block(i) for i in range(len(readings.blocks))],
        {key: shown.footnote(key) for key in readings.footnotes},
        readings.texts,
        readings.headings,
        readings.footnote_texts,
    )
