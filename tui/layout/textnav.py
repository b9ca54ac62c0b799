"""Moving and searching in the logical text (offsets, never cells): sentences, words, matches.

Search runs on the base text, so a match may cross a line wrap, a reading or a footnote marker
(none of them are in the text). A one-word query also finds the word's inflections through the
analyser's dictionary form: 取り組む finds 取り組み and 取り組んだ.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

#: Characters that end a sentence; closing brackets right after them belong to that sentence.
SENTENCE_END = frozenset("。！？!?．")
CLOSERS = frozenset("」』）)】〕〉》\"'")

#: Verb endings (dictionary form) whose 連用形 (i-row) makes the noun: 取り組む → 取り組み.
_RENYOU = dict(zip("うくぐすつぬぶむる", "いきぎしちにびみり", strict=True))


class MorphemeLike(Protocol):
    # Read-only (properties): the analyser's Morpheme is a frozen dataclass.
    @property
    def surface(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def dictionary_form(self) -> str: ...
    @property
    def normalized_form(self) -> str: ...
    @property
    def pos(self) -> tuple[str, ...]: ...


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences start: after 。！？ (and their closing brackets) and after "\\n"."""
    starts = [0]
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch in SENTENCE_END or ch == "\n":
            j = i + 1
            while j < n and text[j] in CLOSERS:
                j += 1
            while j < n and text[j] in " \u3000\n":
                j += 1
            if j < n and j != starts[-1]:
                starts.append(j)
            i = j
            continue
        i += 1
    return starts


def next_in(starts: Sequence[int], offset: int) -> int | None:
    """The first of ``starts`` after ``offset``."""
    for s in starts:
        if s > offset:
            return s
    return None


def prev_in(starts: Sequence[int], offset: int) -> int | None:
    """The last of ``starts`` before ``offset``."""
    found = None
    for s in starts:
        if s >= offset:
            break
        found = s
    return found


@dataclass(frozen=True, slots=True)
class ScriptRun:
    """A stand-in word when the analyser is unavailable: a run of one script."""

    surface: str
    start: int
    end: int
    reading: str = ""
    dictionary_form: str = ""
    normalized_form: str = ""
    pos: tuple[str, ...] = ()


def _script(ch: str) -> str:
    o = ord(ch)
    if ch.isspace():
        return "space"
    if 0x3041 <= o <= 0x309F:
        return "hiragana"
    if 0x30A0 <= o <= 0x30FF or 0xFF66 <= o <= 0xFF9F:
        return "katakana"
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or ch in "々〆ヶ":
        return "kanji"
    if ch.isalnum():
        return "latin"
    return "punct:" + ch


def script_runs(text: str) -> list[ScriptRun]:
    """``text`` cut where the script changes (kanji / hiragana / katakana / Latin / each symbol)."""
    runs: list[ScriptRun] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or _script(text[i]) != _script(text[start]) or text[i] in "、。":
            runs.append(ScriptRun(text[start:i], start, i, dictionary_form=text[start:i]))
            start = i
    return runs


def word_starts(morphemes: Iterable[MorphemeLike]) -> list[int]:
    """Where words start (spaces and punctuation are not words to stop on)."""
    out = []
    for m in morphemes:
        if m.surface.strip() and not (m.pos and m.pos[0] in ("空白",)):
            out.append(m.start)
    return out


def _fold_char(ch: str) -> str:
    """``ch`` compared loosely: NFKC (full-width ＡＢ１ and half-width ｱ fold) and case-folded,
    kept only when that is still one character (so offsets stay put)."""
    folded = unicodedata.normalize("NFKC", ch).casefold()
    return folded if len(folded) == 1 else ch


def fold(text: str) -> str:
    """``text`` with every character folded by :func:`_fold_char`; same length, same offsets."""
    table = {ord(ch): _fold_char(ch) for ch in set(text)}
    return text.translate(table)


def find_literal(text: str, query: str, folded: str | None = None) -> list[tuple[int, int]]:
    """Every occurrence of ``query``, non-overlapping, ignoring case and full/half width
    (icbm finds ＩＣＢＭ); ``folded`` is ``fold(text)`` when the caller keeps it."""
    if not query:
        return []
    hay, needle = folded if folded is not None else fold(text), fold(query)
    out: list[tuple[int, int]] = []
    start = 0
    while True:
        i = hay.find(needle, start)
        if i < 0:
            return out
        out.append((i, i + len(needle)))
        start = i + max(1, len(needle))


def _stem(m: MorphemeLike) -> str | None:
    """The 連用形 noun form of a verb (取り組む → 取り組み), or None."""
    form = m.dictionary_form
    if m.pos and m.pos[0] == "動詞" and len(form) >= 2 and form[-1] in _RENYOU:
        return form[:-1] + _RENYOU[form[-1]]
    return None


def same_word(m: MorphemeLike, q: MorphemeLike) -> bool:
    """``m`` is an inflection (or the 連用形 noun) of the query word ``q``."""
    if m.dictionary_form == q.dictionary_form or (
        m.normalized_form == q.normalized_form and q.normalized_form
    ):
        return True
    qs, ms = _stem(q), _stem(m)
    return (qs is not None and m.dictionary_form == qs) or (
        ms is not None and q.dictionary_form == ms
    )


def is_word_query(query_morphemes: Sequence[MorphemeLike]) -> bool:
    """A query worth matching by dictionary form: one content word (a verb, noun, adjective…)."""
    words = [m for m in query_morphemes if m.surface.strip()]
    return len(words) == 1 and bool(re.search(r"[^\W\d_]", words[0].surface))


def find_word(
    morphemes: Iterable[MorphemeLike], query: MorphemeLike, offset: int = 0
) -> list[tuple[int, int]]:
    """Spans (shifted by ``offset``) of the morphemes that are forms of ``query``."""
    return [(offset + m.start, offset + m.end) for m in morphemes if same_word(m, query)]


def merge_spans(*groups: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of spans, sorted, with overlapping ones merged."""
    spans = sorted(s for g in groups for s in g)
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
