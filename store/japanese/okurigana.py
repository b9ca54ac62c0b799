"""Splitting a word's reading over its kanji runs, so kana in the word carry no reading.

読む + よむ → 読/よ, む; 取り組み + とりくみ → 取/と, り, 組/く, み. When the kana written in the
word cannot be found in the reading (a dictionary quirk), the word keeps its reading whole rather
than guessing a cut.
"""

from __future__ import annotations

import re
from functools import lru_cache

from store.japanese.chars import is_kanji, to_hiragana

Segment = tuple[str, str | None]


def _runs(surface: str) -> list[tuple[bool, str]]:
    runs: list[tuple[bool, str]] = []
    for ch in surface:
        k = is_kanji(ch)
        if runs and runs[-1][0] == k:
            runs[-1] = (k, runs[-1][1] + ch)
        else:
            runs.append((k, ch))
    return runs


@lru_cache(maxsize=65536)
def split_okurigana(surface: str, reading: str | None) -> tuple[Segment, ...]:
    """``(surface, reading)`` → segments whose surfaces join to ``surface``.

    Segments without kanji get ``None``; a word without kanji, or without a reading, is one
    segment with ``None``.
    """
    runs = _runs(surface)
    if not any(k for k, _ in runs) or not reading:
        return ((surface, None),)
    if len(runs) == 1:
        return ((surface, reading),)
    pattern = "".join("(.+?)" if k else "(" + re.escape(to_hiragana(t)) + ")" for k, t in runs)
    m = re.fullmatch(pattern, reading)
    if m is None:
        return ((surface, reading),)
    return tuple((t, m.group(i + 1) if k else None) for i, (k, t) in enumerate(runs))
