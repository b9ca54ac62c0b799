"""Per-kanji facts from KANJIDIC2 (EDRDG, CC BY-SA 4.0): a reading to guess with, and the
standard form of a variant kanji.

The dictionary Sudachi uses lists most kanji only inside words, so a word it does not know gets
its characters' readings from here (步 ほ, 洛 らく, 習 しゅう), never nothing. The table
(``kanjidic.tsv``, built by ``tools/build_kanji_table.py``) is read on first use only: most
texts never need it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

TABLE = Path(__file__).with_name("kanjidic.tsv")


@cache
def _table() -> tuple[dict[str, str], dict[int, str]]:
    readings: dict[str, str] = {}
    variants: dict[int, str] = {}
    try:
        lines = TABLE.read_text(encoding="utf-8").splitlines()
    except OSError:  # an incomplete install: guesses fall back to the dictionary alone
        return readings, variants
    for line in lines:
        if not line or line[0] == "#":
            continue
        kanji, reading, standard = (line.split("\t") + ["", ""])[:3]
        if reading:
            readings[kanji] = reading
        if standard:
            variants[ord(kanji)] = standard
    return readings, variants


def kanji_reading(ch: str) -> str:
    """KANJIDIC's reading of ``ch`` for a guess (its first on-reading), or ""."""
    return _table()[0].get(ch, "")


def kanji_variants() -> dict[int, str]:
    """Variant kanji -> standard form, as a ``str.translate`` table (步 -> 歩)."""
    return _table()[1]
