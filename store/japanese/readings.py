"""Readings for a text: the dictionary, corrected by context rules, overridden by the source.

``Annotator.readings(text, source_ruby)`` returns one ``Reading`` per kanji stretch (okurigana
split off). Precedence, highest first: ruby the source gives (``source``), a reading in
parentheses right after a word — ``齟齬（そご）`` — and later occurrences of a word the document
glossed (``gloss``), the dictionary with context rules (``dict``), and per-character readings
for words the dictionary lacks (``guess``, to be shown as uncertain).

An ``Annotator`` keeps the glosses it has seen, so feed it a document's paragraphs in order.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache

from store.japanese.chars import has_kanji, is_kanji, is_reading, unvoiced
from store.japanese.given import GivenReadings, Span
from store.japanese.guess import guess_readings
from store.japanese.numeral_words import find_numeral_words, restore_numeral_words
from store.japanese.okurigana import split_okurigana
from store.japanese.orthography import enlarged, writes_large_kana
from store.japanese.phrases import read_phrases
from store.japanese.reading_record import Reading, Source
from store.japanese.rules import Style, Token, apply_rules, detect_style
from store.japanese.segmentation import (
    join_compounds,
    join_given_names,
    keep_directions,
    keep_institutions,
    split_regions,
)
from store.japanese.selectors import Stripped, has_selectors
from store.japanese.tokens import word_tokens
from store.japanese.words import join_jmdict_words

Segment = tuple[str, str | None]


def words_of(text: str) -> list[Token]:
    """The words of ``text`` the rules read: Sudachi's cut, with the edges it gets wrong kept
    or joined (``store.japanese.segmentation``, ``store.japanese.words``)."""
    tokens = word_tokens(text)
    tokens = keep_directions(keep_institutions(tokens, text, word_tokens), text, word_tokens)
    if "部会" in text:
        tokens = split_regions(tokens)
    return join_jmdict_words(join_compounds(join_given_names(tokens)))


def analysed_readings(text: str) -> list[Reading]:
    """The dictionary's and the rules' readings of ``text`` alone (today's register): how a
    word reads with what is written on to it, for a rule that sees it cut apart."""
    return _dict_readings(text)


def _dict_readings(text: str, base: int = 0, style: Style = "modern") -> list[Reading]:
    """Dictionary + rules readings for ``text`` (offsets shifted by ``base``)."""
    return _dict_readings_and_edges(text, base, style)[0]


def _dict_readings_and_edges(
    text: str, base: int = 0, style: Style = "modern"
) -> tuple[list[Reading], set[int]]:
    """``_dict_readings`` and the offsets where the words read start or end (a reading of a
    word with okurigana ends inside the word: 想は|れて, the verb 想はれる)."""
    out: list[Reading] = []
    tokens = words_of(text)
    kept = find_numeral_words(tokens)
    apply_rules(tokens, style)
    restore_numeral_words(tokens, kept)
    read_phrases(tokens)
    prev_reading = ""
    for tok in tokens:
        if not tok.has_kanji or tok.absorbed:
            prev_reading = ""
            continue
        reading, source = tok.reading, tok.source
        pieces = _readable_pieces(tok.surface, reading) if reading else ()
        if not pieces or (reading == "きごう" and tok.pos[0] == "補助記号"):
            # Unknown to the dictionary (or a stray 々): per-character guesses, marked as such.
            pos = base + tok.start
            if tok.surface in ("々", "〻") and out and out[-1].end == pos:
                halves = _said_twice(prev_reading)
                if halves:  # 稍々 やや, 熟々 つくづく: the word before was read as the pair already
                    last = out[-1]
                    out[-1] = Reading(last.start, last.end, halves[0], last.source)
                    out.append(Reading(pos, pos + 1, halves[1], "guess"))
                    prev_reading = ""
                    continue
            for ch, guessed in zip(
                tok.surface, guess_readings(tok.surface, prev_reading), strict=True
            ):
                if guessed and is_kanji(ch):
                    out.append(Reading(pos, pos + 1, guessed, "guess"))
                pos += 1
            prev_reading = ""
            continue
        prev_reading = reading if len(tok.surface) == 1 else ""
        pos = base + tok.start
        for surface, piece in pieces:
            if piece is not None:
                out.append(Reading(pos, pos + len(surface), piece, source))
            pos += len(surface)
    edges = {base + tok.start for tok in tokens} | {base + tok.end for tok in tokens}
    return out, edges


def reading_over(
    text: str, start: int, end: int, readings: Iterable[Reading]
) -> tuple[str, Source] | None:
    """The reading shown over the word ``text[start:end]`` — its readings in order, the kana
    between them as written (取り組み: と·り·く·み) — and where the first of them came from; None
    when a kanji of the word has none."""
    inside = sorted((r for r in readings if start <= r.start and r.end <= end), key=lambda r: r.start)
    if not inside:
        return None
    out, pos = [], start
    for r in inside:
        if r.start < pos:
            continue
        gap = text[pos : r.start]
        if has_kanji(gap):
            return None
        out.append(gap)
        out.append(r.reading)
        pos = r.end
    if has_kanji(text[pos:end]):
        return None
    out.append(text[pos:end])
    return "".join(out), inside[0].source


def _said_twice(reading: str) -> tuple[str, str] | None:
    """The two halves of a reading that is one sound said twice (やや, つくづく), else None.
    A one-kanji adverb read so (稍 やや, 熟 つくづく) and then written with 々 is read once:
    稍々 is や|や, not やや|やや."""
    half = len(reading) // 2
    if half and len(reading) % 2 == 0 and reading[:half] == unvoiced(reading[half:]):
        return reading[:half], reading[half:]
    return None


@lru_cache(maxsize=65536)
def _readable_pieces(surface: str, reading: str) -> tuple[tuple[str, str | None], ...]:
    """``surface`` cut into kanji and okurigana with their readings, or () when the reading
    cannot be read over it (a word the dictionary does not really know). Cached: the same
    words come back on every page."""
    pieces = split_okurigana(surface, reading)
    if all(p is None or is_reading(p) for _, p in pieces):
        return pieces
    return ()


def _override(text: str, start: int, end: int, reading: str, source: Source) -> list[Reading]:
    out = []
    pos = start
    for surface, piece in split_okurigana(text[start:end], reading):
        if piece is not None and has_kanji(surface):
            out.append(Reading(pos, pos + len(surface), piece, source))
        pos += len(surface)
    return out


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a text is analysed, as it was before afterwards.
    The analysis makes a token object per word (150,000 for a novel), all alive until the
    end, and no cycles worth collecting; the collector, started by the allocations, would walk
    them again and again (about an eighth of the time of a long text)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class Annotator:
    """Readings paragraph by paragraph, remembering what the document taught (see
    ``store.japanese.given``): feed it a document's paragraphs in order."""

    def __init__(
        self,
        style: Style | None = None,
        given: GivenReadings | None = None,
        large_kana: bool | None = None,
    ) -> None:
        #: what the document taught so far (or, learned beforehand, the whole document)
        self.given = given if given is not None else GivenReadings()
        #: modern or literary register (decided from the first text seen when not given)
        self.style: Style | None = style
        #: the text writes no small kana, and so do its readings (``store.japanese.orthography``;
        #: decided from the first text seen when not given)
        self.large_kana: bool | None = large_kana

    def readings(
        self, text: str, source_ruby: Sequence[tuple[int, int, str]] = (), at: int | None = None
    ) -> list[Reading]:
        """Readings for one paragraph (no newline handling needed; any text works). ``at``
        numbers the paragraph when the document was learned beforehand (see
        ``store.japanese.document``): what it teaches only later does not apply here.
        Variation selectors (葛󠄀) are not shown to the analyser; a reading over the character
        before one covers it too (``store.japanese.selectors``)."""
        with _collector_paused():
            if has_selectors(text):
                stripped = Stripped(text)
                back = stripped.to_original
                return [
                    Reading(back(r.start), back(r.end), r.reading, r.source)
                    for r in self._readings(stripped.text, stripped.ruby_to_clean(source_ruby), at)
                ]
            return self._readings(text, source_ruby, at)

    def _readings(
        self, text: str, source_ruby: Sequence[tuple[int, int, str]], at: int | None
    ) -> list[Reading]:
        if self.style is None:
            self.style = detect_style(text)
        if self.large_kana is None:
            self.large_kana = writes_large_kana(text)
        found, edges = _dict_readings_and_edges(text, 0, self.style)
        spans = self.given.learn(text, source_ruby, word_tokens, at=-1 if at is None else at)
        if self.given.words or self.given.families:
            spans.extend(self.given.recall(text, _non_overlapping(list(spans)), edges, at))
        if spans:
            found = self._overlay(text, found, _non_overlapping(spans))
        if self.large_kana:
            found = [r._replace(reading=enlarged(r.reading)) for r in found]
        return found

    def _overlay(self, text: str, found: list[Reading], spans: list[Span]) -> list[Reading]:
        """The dictionary's readings with the document's own on top. A dictionary word that a
        given reading covers in part keeps the rest of its reading when the given part is
        the start or the end of it (喧《けん》騒: 喧騒 けんそう leaves そう to 騒)."""
        out: list[Reading] = []
        for start, end, reading, source in spans:
            out.extend(_override(text, start, end, reading, source))
        for r in found:
            over = [sp for sp in spans if sp[0] < r.end and sp[1] > r.start]
            if not over:
                out.append(r)
                continue
            if len(over) == 1:
                rest = _rest_of_word(r, over[0])
                if rest is not None:
                    out.append(rest)
                    continue
            pos = r.start
            for s0, e0, _, _ in sorted(over):  # the uncovered pieces, analysed on their own
                if s0 > pos:
                    out.extend(self._gap(text, pos, s0))
                pos = max(pos, e0)
            if pos < r.end:
                out.extend(self._gap(text, pos, r.end))
        out.sort(key=lambda x: x.start)
        return out

    def _gap(self, text: str, start: int, end: int) -> list[Reading]:
        if not has_kanji(text[start:end]):
            return []
        return _dict_readings(text[start:end], start, self.style or "modern")


def _rest_of_word(r: Reading, span: Span) -> Reading | None:
    """The part of dictionary reading ``r`` that ``span`` leaves, when the span reads the start
    or the end of the word with the start or the end of its reading; None otherwise."""
    start, end, reading, _ = span
    if start <= r.start and end >= r.end:
        return None  # wholly covered: nothing left (the caller drops it)
    if start <= r.start < end < r.end and r.reading.startswith(reading):
        rest = r.reading[len(reading) :]
        return Reading(end, r.end, rest, r.source) if rest and is_reading(rest) else None
    if r.start < start < r.end <= end and r.reading.endswith(reading):
        rest = r.reading[: -len(reading)]
        return Reading(r.start, start, rest, r.source) if rest and is_reading(rest) else None
    return None


def _non_overlapping(spans: list[Span]) -> list[Span]:
    rank = {"source": 0, "gloss": 1, "dict": 2, "guess": 3}
    spans.sort(key=lambda s: (rank[s[3]], s[0], -(s[1] - s[0])))
    taken: list[Span] = []
    for span in spans:
        if all(span[1] <= t[0] or span[0] >= t[1] for t in taken):
            taken.append(span)
    taken.sort()
    return taken


def _gap(text: str, start: int, end: int, out: list[Segment]) -> None:
    """Unread text; a kanji run in it (a word nobody could read) stays its own segment."""
    gap = text[start:end]
    if not has_kanji(gap):
        out.append((gap, None))
        return
    pos = 0
    while pos < len(gap):
        kanji = is_kanji(gap[pos])
        stop = pos + 1
        while stop < len(gap) and is_kanji(gap[stop]) == kanji:
            stop += 1
        out.append((gap[pos:stop], None))
        pos = stop


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
