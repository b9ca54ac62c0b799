"""Japanese analysis: words, readings (furigana) and which readings to show.

Public interface (everything loads SudachiPy lazily, on first use, one tokenizer per thread):

- ``tokenize(text) -> list[Morpheme]`` — words with offsets, hiragana reading, dictionary and
  normalized forms and part of speech (word motion, the word popup, search by dictionary form).
- ``furigana_segments(text, source_ruby=()) -> list[(surface, reading | None)]`` — the
  ``shiori furigana --format json`` contract: surfaces join back to ``text``; readings only on
  kanji, okurigana split off.
- ``document_readings(doc) -> DocumentReadings`` — ``Reading(start, end, reading, source)`` per
  block (``.blocks[i]``) and per footnote (``.footnotes[id]``), cached by content hash.
- ``select_readings(readings, level, grade=..., known_words=...)`` — the display levels
  ``all``, ``above-grade``, ``first``, ``off`` for a whole document (``filter_readings`` does
  one block); see ``store.japanese.levels`` for the default and why.
- ``Annotator`` — readings paragraph by paragraph for a stream (remembers glosses).
"""

from store.japanese.analyzer import Morpheme, tokenize
from store.japanese.document import DocumentReadings, document_readings
from store.japanese.levels import (
    DEFAULT_GRADE,
    DEFAULT_LEVEL,
    LEVELS,
    Level,
    filter_readings,
    select_readings,
)
from store.japanese.readings import (
    Annotator,
    Reading,
    Segment,
    furigana_segments,
    segments_from_readings,
)

__all__ = [
    "DEFAULT_GRADE",
    "DEFAULT_LEVEL",
    "LEVELS",
    "Annotator",
    "DocumentReadings",
    "Morpheme",
    "Reading",
    "Segment",
    "Level",
    "document_readings",
    "filter_readings",
    "furigana_segments",
    "segments_from_readings",
    "select_readings",
    "tokenize",
]
