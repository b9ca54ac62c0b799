"""Family names read as most people who bear them read them (大谷翔平 おおたに, not おおや).

A family name has several readings, and Sudachi's dictionary, given one before a person's given
name, often takes a rare one: 大谷 おおや, 萩原 はぎはら, 西沢 にしさわ. ``surnames.tsv`` (built by
``tools/build_surnames_table.py``; EDRDG licence, see its header) holds the ~30 family names of
two or more kanji whose people in JMnedict read one way at least nine times in ten (大谷: 51
おおたに, 2 おおや) where Sudachi reads another; a person JMnedict reads the other way is in the
names table, which wins (高村正彦 こうむら, where most 高村 are たかむら). The reading changes only
where the word stands as a person's name: before a given name, an honorific or an office
(大谷翔平, 西沢さん, 茂木外相), never a place (大谷石, 豊島区). Read on first use only.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from store.japanese.neighbours import joined as _joined
from store.japanese.neighbours import next_token as _next
from store.japanese.offices import HONORIFICS, office_follows
from store.japanese.tables import lookup

if TYPE_CHECKING:
    from store.japanese.rules import Token

TABLE = Path(__file__).with_name("surnames.tsv")


def people_reading(surface: str) -> str | None:
    """How most people named ``surface`` read it, where the table has it, else None."""
    columns = lookup(TABLE, surface)
    return columns[0] if columns else None


@cache
def table_surnames() -> dict[str, str]:
    """Every family name of the table with its people's reading (a few dozen: read whole)."""
    out: dict[str, str] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, reading, *_ = line.split("\t")
            out[name] = reading
    return out


def family_name(tokens: list[Token], i: int) -> str | None:
    """A family name of the table standing as a person's name: its people's reading."""
    tok = tokens[i]
    reading = people_reading(tok.surface)
    if reading is None or reading == tok.reading or tok.pos[2] != "人名":
        return None
    nxt = _next(tokens, i)
    if nxt is None or not _joined(tok, nxt):
        return None
    if nxt.pos[2:4] == ("人名", "名") or nxt.surface in HONORIFICS or office_follows(tokens, i + 1):
        return reading
    return None
