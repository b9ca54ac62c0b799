"""Moving and searching in the logical text (offsets, never cells): sentences, words, matches.

Search runs on the base text, so a match may cross a line wrap, a reading or a footnote marker
(none of them are in the text). A one-word query also finds the word's inflections through the
analyser's dictionary form: 取り組む finds 取り組み and 取り組んだ.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# The matching rules are the store's (the library search uses them too); re-exported here.
from store.japanese.matching import (
    CLOSERS,
    SENTENCE_END,
    MorphemeLike,
    find_literal,
    find_word,
    fold,
    is_word_query,
    merge_spans,
    same_word,
    sentence_starts,
)

__all__ = [
    "CLOSERS",
    "SENTENCE_END",
    "SENTENCE_TAIL",
    "MorphemeLike",
    "ScriptRun",
    "find_literal",
    "find_word",
    "fold",
    "is_word_query",
    "merge_spans",
    "next_in",
    "past_sentence_end",
    "prev_in",
    "same_word",
    "script_runs",
    "sentence_starts",
    "word_starts",
]


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


#: What lies between a sentence's last word and the next sentence: its 。！？ (or line end), the
#: closing brackets after them and spaces.
SENTENCE_TAIL = SENTENCE_END | CLOSERS | frozenset(" \u3000\n")


def past_sentence_end(text: str, pos: int, next_start: int) -> int:
    """Where reading goes on from ``pos``: ``next_start`` (the next sentence's start) when all
    that lies before it from ``pos`` on only ends the sentence before (。, 」, spaces), else
    ``pos``. So a selection begun on a 。 — where a highlight left the cursor — starts with the
    next sentence rather than taking the previous one's end along (「。参考のため…」)."""
    tail = text[pos:next_start]
    return next_start if tail and all(ch in SENTENCE_TAIL for ch in tail) else pos


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
