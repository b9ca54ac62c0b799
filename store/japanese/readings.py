"""Readings for a text: the dictionary, corrected by context rules, overridden by the source.

``Annotator.readings(text, source_ruby)`` returns one ``Reading`` per kanji stretch (okurigana
split off). Precedence, highest first: ruby the source gives (``source``), a reading in
parentheses right after a word — ``齟齬（そご）`` — and later occurrences of a word the document
glossed (``gloss``), the dictionary with context rules (``dict``), and per-character readings
for words the dictionary lacks (``guess``, to be shown as uncertain).

An ``Annotator`` keeps the glosses it has seen, so feed it a document's paragraphs in order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from store.japanese import analyzer
from store.japanese.chars import KANJI_RE, has_kanji, is_kanji, is_reading, to_hiragana
from store.japanese.guess import guess_readings
from store.japanese.okurigana import split_okurigana
from store.japanese.rules import Style, Token, apply_rules, detect_style
from store.japanese.segmentation import join_compounds, join_given_names, keep_institutions

Source = Literal["source", "gloss", "dict", "guess"]
Segment = tuple[str, str | None]


@dataclass(frozen=True, slots=True)
class Reading:
    """``reading`` (hiragana) goes over ``text[start:end]``; ``source`` says where it came from."""

    start: int
    end: int
    reading: str
    source: Source


#: A kanji run, optional okurigana, then a hiragana reading in parentheses: 齟齬（そご）.
@cache
def _gloss_pattern() -> re.Pattern[str]:
    """Compiled on first use (only text with parentheses needs it; start-up stays short)."""
    return re.compile(
        r"([\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff々〆ヶ]+)([ぁ-ゖ]{0,4})[（(]([ぁ-ゖー]{1,30})[）)]"
    )


#: Spaces that text extraction leaves between a number and its counter (``2024 年 12 月``,
#: ``33 人``, ``12　月``): Sudachi is shown the text without them, so the counter is read as one.
_NUMBER_GAP = re.compile(r"(?<=[0-9０-９])[ \u3000\u00a0]+(?=[\u3400-\u9fff々ヶヵかカケ])")


def _close_number_gaps(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    """``text`` without number-counter gaps, and the gaps as (clean offset, original offset,
    removed characters), in order."""
    gaps: list[tuple[int, int, str]] = []
    pieces: list[str] = []
    pos = removed = 0
    for m in _NUMBER_GAP.finditer(text):
        pieces.append(text[pos : m.start()])
        gaps.append((m.start() - removed, m.start(), m.group()))
        removed += len(m.group())
        pos = m.end()
    if not gaps:
        return text, gaps
    pieces.append(text[pos:])
    return "".join(pieces), gaps


def _tokens(text: str) -> list[Token]:
    """Sudachi's words for ``text`` as rule tokens (the hot loop: kept lean on purpose)."""
    gaps: list[tuple[int, int, str]] = []
    if " " in text or "\u3000" in text or "\u00a0" in text:
        text_for_sudachi, gaps = _close_number_gaps(text)
    else:
        text_for_sudachi = text
    out: list[Token] = []
    append = out.append
    search = KANJI_RE.search
    tokenizer = analyzer.tokenizer()
    for offset, piece in analyzer.chunks(text_for_sudachi):
        start = offset
        for m in tokenizer.tokenize(piece):
            surface = m.surface()
            end = start + len(surface)
            if search(surface) is not None:
                tok = Token(
                    surface,
                    start,
                    end,
                    to_hiragana(m.reading_form()),
                    None,
                    m,
                    m.is_oov(),
                    True,
                )
            else:
                tok = Token(surface, start, end, "", None, m, False, False)
            append(tok)
            start = end
    if gaps:
        _reopen_gaps(out, gaps, text)
    return out


def _reopen_gaps(tokens: list[Token], gaps: list[tuple[int, int, str]], text: str) -> None:
    """Map token offsets back to the text with its gaps; a token after a gap records it."""
    k = shift = 0
    for tok in tokens:
        while k < len(gaps) and gaps[k][0] <= tok.start:
            if gaps[k][0] == tok.start:
                tok.gap = gaps[k][2]
            shift += len(gaps[k][2])
            k += 1
        start = tok.start + shift
        inner = 0  # a gap inside the token (never expected: digits are words of their own)
        while k + inner < len(gaps) and gaps[k + inner][0] < tok.end:
            inner += 1
        end = tok.end + shift + sum(len(g[2]) for g in gaps[k : k + inner])
        if inner:
            tok.surface = text[start:end]
            shift += sum(len(g[2]) for g in gaps[k : k + inner])
            k += inner
        tok.start, tok.end = start, end


def _dict_readings(text: str, base: int = 0, style: Style = "modern") -> list[Reading]:
    """Dictionary + rules readings for ``text`` (offsets shifted by ``base``)."""
    out: list[Reading] = []
    tokens = join_compounds(join_given_names(keep_institutions(_tokens(text), text, _tokens)))
    apply_rules(tokens, style)
    prev_reading = ""
    for tok in tokens:
        if not tok.has_kanji or tok.absorbed:
            prev_reading = ""
            continue
        reading, source = tok.reading, tok.source
        pieces = split_okurigana(tok.surface, reading) if reading else ()
        if (
            not all(p is None or is_reading(p) for _, p in pieces)
            or not pieces
            or (reading == "きごう" and tok.pos[0] == "補助記号")
        ):
            # Unknown to the dictionary (or a stray 々): per-character guesses, marked as such.
            pos = base + tok.start
            for ch, piece in zip(
                tok.surface, guess_readings(tok.surface, prev_reading), strict=True
            ):
                if piece and is_kanji(ch):
                    out.append(Reading(pos, pos + 1, piece, "guess"))
                pos += 1
            prev_reading = ""
            continue
        prev_reading = reading if len(tok.surface) == 1 else ""
        pos = base + tok.start
        for surface, piece in pieces:
            if piece is not None:
                out.append(Reading(pos, pos + len(surface), piece, source))  # type: ignore[arg-type]
            pos += len(surface)
    return out


def _override(text: str, start: int, end: int, reading: str, source: Source) -> list[Reading]:
    out = []
    pos = start
    for surface, piece in split_okurigana(text[start:end], reading):
        if piece is not None and has_kanji(surface):
            out.append(Reading(pos, pos + len(surface), piece, source))
        pos += len(surface)
    return out


class Annotator:
    """Readings paragraph by paragraph, remembering the document's glosses."""

    def __init__(self, style: Style | None = None) -> None:
        #: word surface -> reading the document gave it in parentheses
        self.glosses: dict[str, str] = {}
        #: modern or literary register (decided from the first text seen when not given)
        self.style: Style | None = style

    def _find_glosses(self, text: str) -> list[tuple[int, int, str]]:
        found = []
        for m in _gloss_pattern().finditer(text):
            run, okuri, gloss = m.group(1), m.group(2), m.group(3)
            if okuri:
                if not gloss.endswith(okuri) or len(gloss) <= len(okuri):
                    continue
                gloss = gloss[: -len(okuri)]
            start, end = _gloss_span(run, gloss, m.start(1))
            if start is None:
                continue
            found.append((start, end, gloss))
            self.glosses.setdefault(text[start:end], gloss)
        return found

    def readings(
        self, text: str, source_ruby: Sequence[tuple[int, int, str]] = ()
    ) -> list[Reading]:
        """Readings for one paragraph (no newline handling needed; any text works)."""
        if self.style is None:
            self.style = detect_style(text)
        spans: list[tuple[int, int, str, Source]] = []
        for start, end, reading in source_ruby:
            reading = to_hiragana(reading)
            if 0 <= start < end <= len(text) and is_reading(reading):
                spans.append((start, end, reading, "source"))
        if "（" in text or "(" in text:
            spans.extend((s, e, g, "gloss") for s, e, g in self._find_glosses(text))
        for word, gloss in self.glosses.items():
            i = text.find(word)
            while i != -1:
                spans.append((i, i + len(word), gloss, "gloss"))
                i = text.find(word, i + len(word))
        if not spans:
            return _dict_readings(text, 0, self.style)
        return self._merge(text, _non_overlapping(spans))

    def _merge(self, text: str, spans: list[tuple[int, int, str, Source]]) -> list[Reading]:
        out: list[Reading] = []
        pos = 0
        for start, end, reading, source in spans:
            if start > pos:
                out.extend(self._gap(text, pos, start))
            out.extend(_override(text, start, end, reading, source))
            pos = end
        if pos < len(text):
            out.extend(self._gap(text, pos, len(text)))
        return out

    def _gap(self, text: str, start: int, end: int) -> list[Reading]:
        # Analyse the gap on its own so no word straddles an override.
        if not has_kanji(text[start:end]):
            return []
        return _dict_readings(text[start:end], start, self.style or "modern")


def _gloss_span(run: str, gloss: str, run_start: int) -> tuple[int | None, int]:
    """Which tail of a kanji run the gloss reads: the dictionary's word if it agrees, else the
    longest tail with no more kanji than the gloss has kana."""
    end = run_start + len(run)
    best = None
    for k in range(len(run)):
        tail = run[k:]
        kanji = sum(1 for ch in tail if is_kanji(ch))
        if kanji > len(gloss) or len(gloss) > 5 * kanji:
            continue  # at least one kana per kanji, at most five (承 うけたまわ)
        words = _tokens(tail)
        reading = "".join(t.reading for t in words)
        if reading == gloss:
            return run_start + k, end
        if best is None:
            best = run_start + k
    return best, end


def _non_overlapping(
    spans: list[tuple[int, int, str, Source]],
) -> list[tuple[int, int, str, Source]]:
    rank = {"source": 0, "gloss": 1}
    spans.sort(key=lambda s: (rank[s[3]], s[0], -(s[1] - s[0])))
    taken: list[tuple[int, int, str, Source]] = []
    for span in spans:
        if all(span[1] <= t[0] or span[0] >= t[1] for t in taken):
            taken.append(span)
    taken.sort()
    return taken


@cache
def _kanji_run() -> re.Pattern[str]:
    return re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff々〆〇ヶ仝〻]+")


def _gap(text: str, start: int, end: int, out: list[Segment]) -> None:
    """Unread text; a kanji run in it (a word nobody could read) stays its own segment."""
    gap = text[start:end]
    pos = 0
    if has_kanji(gap):
        for m in _kanji_run().finditer(gap):
            if m.start() > pos:
                out.append((gap[pos : m.start()], None))
            out.append((m.group(), None))
            pos = m.end()
    if pos < len(gap):
        out.append((gap[pos:], None))


def segments_from_readings(text: str, readings: Iterable[Reading]) -> list[Segment]:
    """The ``shiori furigana`` JSON segments: surfaces join to ``text``; kana runs are null."""
    out: list[Segment] = []
    pos = 0
    for r in readings:
        if r.start > pos:
            _gap(text, pos, r.start, out)
        out.append((text[r.start : r.end], r.reading))
        pos = r.end
    if pos < len(text):
        _gap(text, pos, len(text), out)
    return out


def furigana_segments(text: str, source_ruby: Sequence[tuple[int, int, str]] = ()) -> list[Segment]:
    """``[(surface, reading | None), ...]`` for ``text``; ``"".join(surfaces) == text``."""
    return segments_from_readings(text, Annotator().readings(text, source_ruby))


__all__ = [
    "Annotator",
    "Reading",
    "Segment",
    "furigana_segments",
    "is_kanji",
    "segments_from_readings",
]
