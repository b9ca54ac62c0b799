"""Context rules that correct the dictionary's reading of a word.

Sudachi gives each word its dictionary reading; some words read differently by context. Each
rule is a function ``rule(tokens, i) -> str | None`` returning a better reading for
``tokens[i]`` (or None to keep it); ``RULES`` lists them in the order they run, each pinned by
tests (tests/test_japanese_rules.py) and kept only if it helps on the benchmark
(``python -m tui.bench furigana``). ``SHIORI_FURIGANA_SKIP=rule,rule`` turns rules off, so the
benchmark can measure each one.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from store.japanese.chars import has_kanji
from store.japanese.numbers import counter_rule, numeral_rule


class Token:
    """A word under analysis: Sudachi's view plus the reading chosen so far."""

    __slots__ = (
        "surface",
        "start",
        "end",
        "reading",
        "pos",
        "lemma",
        "oov",
        "source",
        "has_kanji",
        "absorbed",
    )

    def __init__(
        self,
        surface: str,
        start: int,
        end: int,
        reading: str,
        pos: tuple[str, ...],
        lemma: str,
        oov: bool = False,
    ) -> None:
        self.surface = surface
        self.start = start
        self.end = end
        self.reading = reading
        self.pos = pos
        self.lemma = lemma
        self.oov = oov
        self.source = "dict"
        self.has_kanji = has_kanji(surface)
        #: True when a following token took this one's span (number + counter read as one).
        self.absorbed = False

    def __repr__(self) -> str:
        return f"Token({self.surface!r}, {self.reading!r}, {'-'.join(self.pos[:3])})"


Rule = Callable[[list[Token], int], "str | None"]


def _next_surface(tokens: list[Token], i: int) -> str:
    return tokens[i + 1].surface if i + 1 < len(tokens) else ""


def watashi(tokens: list[Token], i: int) -> str | None:
    """私 as a pronoun is わたし in modern prose (the dictionary says わたくし)."""
    tok = tokens[i]
    if tok.surface == "私" and tok.pos[0] == "代名詞":
        return "わたし"
    return None


#: Each rule only looks at tokens whose surface contains one of these characters (speed).
RULES: list[tuple[str, str | None, Rule]] = [
    ("numeral", None, numeral_rule),
    ("counter", None, counter_rule),
    ("watashi", "私", watashi),
]


def _active() -> list[tuple[str, str | None, Rule]]:
    skip = set(filter(None, os.environ.get("SHIORI_FURIGANA_SKIP", "").split(",")))
    return [r for r in RULES if r[0] not in skip]


_ACTIVE = _active()


def apply_rules(tokens: list[Token], text: str = "") -> None:
    """Run every active rule over ``tokens`` in place."""
    for _name, chars, rule in _ACTIVE:
        for i, tok in enumerate(tokens):
            if not tok.has_kanji or tok.absorbed:
                continue
            if chars is not None and not any(c in tok.surface for c in chars):
                continue
            reading = rule(tokens, i)
            if reading is not None:
                tok.reading = reading
