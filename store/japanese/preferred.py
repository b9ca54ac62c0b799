"""Nouns read with another of the dictionary's own entries, the one JMdict confirms.

Sudachi lists some nouns with several readings and, reading the noun on its own, picks one
that JMdict does not have: 菅笠 すががさ (JMdict: すげがさ), 身命 しんみょう (しんめい), 下品 げぼん
(げひん; げぼん is the Buddhist grade), 木偶 もくぐう (でく), 無精 むせい (ぶしょう).
``preferred_entries.tsv`` (~170 nouns, built by ``tools/build_preferred_entries_table.py``)
holds each noun, JMdict's only reading — always one Sudachi lists too — and the reading it
replaces; only that reading is replaced, so a noun read otherwise in context keeps its reading.
Read on first use only.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from store.japanese.tables import lookup

if TYPE_CHECKING:
    from store.japanese.rules import Token

TABLE = Path(__file__).with_name("preferred_entries.tsv")


def has_preferred_entry(surface: str) -> bool:
    """Whether ``surface`` is a noun of the table (checked once per spelling, not per word)."""
    return lookup(TABLE, surface) is not None


def preferred_entry(tokens: list[Token], i: int) -> str | None:
    """JMdict's reading of a noun the dictionary read with another of its entries."""
    tok = tokens[i]
    columns = lookup(TABLE, tok.surface)
    if columns is None or columns[1] != tok.reading:
        return None
    return columns[0]
