"""Full names of people whose reading the analyser's dictionary gets wrong, from JMnedict.

Sudachi reads 岸田文雄 ぶんゆう and 金正恩 かねまさ おん; a careful reader says ふみお and キム・
ジョンウン. ``names.tsv`` (built by ``tools/build_names_table.py``; EDRDG licence, see its
header) holds the ~12,600 names of three or more kanji that JMnedict reads one way only and
Sudachi reads otherwise, each split into family name and the rest where JMnedict's surnames
allow, so that the family name alone (金総書記) can take the same reading later. Read on first
use only.
"""

from __future__ import annotations

from pathlib import Path

from store.japanese.tables import lookup

TABLE = Path(__file__).with_name("names.tsv")
#: The shortest and longest names in the table (characters).
SHORTEST, LONGEST = 3, 12


def _entry(name: str) -> tuple[int, str, str] | None:
    columns = lookup(TABLE, name)
    if columns is None:
        return None
    family, family_reading, rest = columns
    return int(family), family_reading, rest


def person_name(run: str) -> tuple[str, tuple[tuple[int, int, str], ...]] | None:
    """The longest full name in the table that ``run`` (a run of kanji) starts with: the name
    and its parts as (offset, length, reading) — family name and the rest, or the whole."""
    for length in range(min(LONGEST, len(run)), SHORTEST - 1, -1):
        entry = _entry(run[:length])
        if entry is None:
            continue
        family, family_reading, rest = entry
        if family:
            return run[:length], ((0, family, family_reading), (family, length - family, rest))
        return run[:length], ((0, length, rest),)
    return None
