"""Adverbs Sudachi takes for names (矢張 やばり, 大方 おおがた, 平生 ひらお).

Older prose writes adverbs in kanji that today's text keeps for family names and places: 矢張
(やはり), 大方 (おおかた), 平生 (へいぜい), 此間 (こないだ), 可也 (かなり). Sudachi's dictionary
has these spellings as proper nouns, sometimes only so, and its cheapest path then reads
「矢張私の方が」 as the family name Yabari. ``prose_words.tsv`` (built by
``tools/build_prose_words_table.py``; EDRDG licence, see its header) holds the spellings of two or
more kanji that JMdict reads one way only, as a common word one of whose entries is an adverb,
and that Sudachi also has as a proper noun. Read on first use only.
"""

from __future__ import annotations

from pathlib import Path

from store.japanese.tables import lookup

TABLE = Path(__file__).with_name("prose_words.tsv")


def prose_reading(surface: str) -> str | None:
    """JMdict's reading of the adverb spelled ``surface`` when it is in the table, else None."""
    columns = lookup(TABLE, surface)
    return columns[0] if columns else None
