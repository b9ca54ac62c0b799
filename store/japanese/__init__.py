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
  one block, ``ShownReadings`` chooses block by block on first use, as the reader needs); see
  ``store.japanese.levels`` for the default and why.
- ``Annotator`` — readings paragraph by paragraph for a stream (remembers glosses).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

#: Public name -> module that defines it. Imported on first use, so ``shiori furigana`` and
#: the app's first paint load only what they need (PEP 562).
_EXPORTS = {
    "Morpheme": "analyzer",
    "tokenize": "analyzer",
    "DocumentReadings": "document",
    "document_readings": "document",
    "DEFAULT_GRADE": "levels",
    "DEFAULT_LEVEL": "levels",
    "LEVELS": "levels",
    "Level": "levels",
    "ShownReadings": "levels",
    "filter_readings": "levels",
    "select_readings": "levels",
    "Annotator": "readings",
    "Reading": "reading_record",
    "Segment": "readings",
    "furigana_segments": "readings",
    "segments_from_readings": "readings",
}

__all__ = [
    "Annotator",
    "DEFAULT_GRADE",
    "DEFAULT_LEVEL",
    "DocumentReadings",
    "LEVELS",
    "Level",
    "Morpheme",
    "Reading",
    "Segment",
    "ShownReadings",
    "document_readings",
    "filter_readings",
    "furigana_segments",
    "segments_from_readings",
    "select_readings",
    "tokenize",
]

if TYPE_CHECKING:
    from store.japanese.analyzer import Morpheme, tokenize
    from store.japanese.document import DocumentReadings, document_readings
    from store.japanese.levels import (
        DEFAULT_GRADE,
        DEFAULT_LEVEL,
        LEVELS,
        Level,
        ShownReadings,
        filter_readings,
        select_readings,
    )
    from store.japanese.reading_record import Reading
    from store.japanese.readings import (
        Annotator,
        Segment,
        furigana_segments,
        segments_from_readings,
    )


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'store.japanese' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"store.japanese.{module}"), name)
    globals()[name] = value
    return value
