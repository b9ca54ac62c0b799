"""Words with a numeral inside that the number rules would misread: Sudachi's readings kept.

双十節 (Taiwan's national day) is そうじゅうせつ and Sudachi's cut 双|十|節 reads it so, but the
counter rule takes 十節 for a number and its counter, じゅっせつ, as in 第十節; 身一つ is みひとつ,
which the sound-change rule voices to みびとつ. Only the word tells them from a count.
``numeral_words.tsv`` (built by ``tools/build_numeral_words_table.py``; EDRDG licence, see its
header) holds the JMdict words, read one way only, that the analysis cuts into several words
whose own readings make the word's reading and that the rules then misread. Where the text's
words are exactly such a word, they get back the readings they had before the rules. Read on
first use only.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from store.japanese.numbers import is_numeral
from store.japanese.rules import Token
from store.japanese.tables import has_prefix, longest_entry

TABLE = Path(__file__).with_name("numeral_words.tsv")
#: The most words a table word is cut into that are tried (the table's longest cut is shorter).
MOST_WORDS = 8

Kept = list[tuple[int, int, list[str]]]


@lru_cache(maxsize=65536)
def _may_start_word(surface: str) -> bool:
    """True when a word of the table starts with ``surface`` (asked once per word)."""
    return has_prefix(TABLE, surface)


def find_numeral_words(tokens: list[Token]) -> Kept:
    """The table words in ``tokens`` before the rules run: (start, end, readings) each, the
    readings as the dictionary gives them. A word right after a numeral is part of a longer
    number (三十節 is not 十節), so it is not taken."""
    kept: Kept = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        if (
            not tok.has_kanji
            or not _may_start_word(tok.surface)
            or (i > 0 and is_numeral(tokens[i - 1]) and tokens[i - 1].end == tok.start)
        ):
            i += 1
            continue
        found = longest_entry(TABLE, tokens, i, MOST_WORDS, fewest=2)
        if found is None:
            i += 1
            continue
        end = found[0]
        kept.append((i, end, [t.reading for t in tokens[i:end]]))
        i = end
    return kept


def restore_numeral_words(tokens: list[Token], kept: Kept) -> None:
    """Give the words found by ``find_numeral_words`` their readings back after the rules,
    unless a rule read one of them together with a neighbour (its span changed)."""
    for start, end, readings in kept:
        words = tokens[start:end]
        if any(t.absorbed for t in words) or (end < len(tokens) and tokens[end].absorbed):
            continue
        for t, r in zip(words, readings, strict=True):
            t.reading, t.source = r, "dict"


def analysed(word: str) -> tuple[list[str] | None, list[str]]:
    """For the table's build: the readings of ``word`` alone as the dictionary cuts it (None
    when it is one word) and as the rules then read it (the table itself not applied, so a
    rebuild finds the same words)."""
    from store.japanese.chars import to_hiragana
    from store.japanese.phrases import read_phrases
    from store.japanese.readings import words_of
    from store.japanese.rules import apply_rules

    tokens = words_of(word)
    if len(tokens) < 2 or any(t.has_kanji and not t.reading for t in tokens):
        return None, []
    cut = [t.reading if t.has_kanji else to_hiragana(t.surface) for t in tokens]
    apply_rules(tokens)
    read_phrases(tokens)
    ruled = [t.reading if t.has_kanji else to_hiragana(t.surface) for t in tokens if not t.absorbed]
    return cut, ruled
