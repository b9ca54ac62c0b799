"""Variation selectors: the analyser sees a text without them, readers see them where they were.

Government and place-name documents pick a glyph with an ideographic variation selector after the
kanji (葛󠄀 is 葛 U+845B + U+E0100, the 葛 of 葛󠄀城市 and 葛󠄀飾区; 辻󠄀 with its two-dot road). The
selector changes the glyph, never the word, but Sudachi takes it for a symbol of its own and cuts
the word at it (葛|󠄀|城市 くず·じょうし for かつらぎし). So the analysis runs on the text without
selectors and its offsets are mapped back; a selector belongs to the character before it, so a
reading that ends with that character ends after its selectors (葛󠄀 くず, never 葛 + a lone
selector), and ``shiori furigana``'s surfaces still join to the input.

Both blocks are covered: U+FE00–U+FE0F (standardized variation sequences, including the
CJK compatibility forms) and U+E0100–U+E01EF (the Ideographic Variation Database's).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from store.patterns import compiled

SELECTOR_RE = compiled("[\ufe00-\ufe0f\U000e0100-\U000e01ef]")


class Stripped:
    """``text`` without its variation selectors, with the way back to the original offsets."""

    __slots__ = ("_after", "original", "removed", "text")

    def __init__(self, original: str) -> None:
        self.original = original
        #: offsets in ``original`` of each selector taken out, in order
        self.removed = [m.start() for m in SELECTOR_RE.finditer(original)]
        self.text = SELECTOR_RE.sub("", original) if self.removed else original
        #: for each selector, the offset in ``text`` of the character after it
        self._after = [at - k for k, at in enumerate(self.removed)]

    def __bool__(self) -> bool:
        """True when the text had selectors (and the offsets need mapping)."""
        return bool(self.removed)

    def to_original(self, at: int) -> int:
        """An offset in ``text`` as an offset in ``original``: the place of the character at
        ``at`` there, so the selectors of the character before ``at`` stay before it (a span
        ending at ``at`` keeps them); the end of the text maps to the end of the original."""
        return at + bisect_right(self._after, at)

    def to_clean(self, at: int) -> int:
        """An offset in ``original`` as an offset in ``text`` (a selector's own offset maps
        to the character after it)."""
        return at - bisect_left(self.removed, at)

    def ruby_to_clean(self, ruby: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Source ruby spans over ``original`` as spans over ``text``."""
        return [(self.to_clean(s), self.to_clean(e), r) for s, e, r in ruby]


def has_selectors(text: str) -> bool:
    """True when ``text`` holds a variation selector (cheap: most texts have none)."""
    return SELECTOR_RE.search(text) is not None
