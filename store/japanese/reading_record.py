"""The ``Reading`` record: one reading over a span of text, and where it came from.

In a module of its own so that what only stores or shows readings (the readings cache, the
reader's first paint from it) loads without the analyser and its tables."""

from __future__ import annotations

from typing import Literal, NamedTuple

Source = Literal["source", "gloss", "dict", "guess", "own"]


class Reading(NamedTuple):
    """``reading`` (hiragana) goes over ``text[start:end]``; ``source`` says where it came from."""

    start: int
    end: int
    reading: str
    source: Source
