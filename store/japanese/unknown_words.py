"""Words Sudachi's dictionary does not know at all, read as JMdict reads them.

Sudachi makes one unknown word of a kanji spelling it lacks and reads it as written; the
analyser can then only guess each character (僣越 しん·えつ, 贔負 ひ·ふ, 痲酔 ま·よい, 睇視). Where
JMdict writes the word so and reads it one way only (``unknown_words.tsv``, ~800 words built by
``tools/build_unknown_words_table.py``: せんえつ, ひいき, ますい, ていし), that reading is the
word's. Read on first use only.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from store.japanese.tables import lookup

if TYPE_CHECKING:
    from store.japanese.rules import Token

TABLE = Path(__file__).with_name("unknown_words.tsv")


def is_unknown_word(surface: str) -> bool:
    """Whether ``surface`` is a word of the table (checked once per spelling, not per word)."""
    return lookup(TABLE, surface) is not None


def unknown_word(tokens: list[Token], i: int) -> str | None:
    """JMdict's reading of a word the dictionary does not know (僣越 せんえつ)."""
    tok = tokens[i]
    if not tok.oov:
        return None
    columns = lookup(TABLE, tok.surface)
    return columns[0] if columns else None
