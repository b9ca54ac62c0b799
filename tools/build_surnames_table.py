"""Build ``store/japanese/surnames.tsv`` from JMnedict (EDRDG, CC BY-SA 4.0).

Run once by a developer, never at run time: ``python tools/build_surnames_table.py JAMDICT_DB``
(the SQLite database of the ``jamdict-data`` package; see ``build_names_table.py``), then
rebuild ``names.tsv``, which consults this table.

A family name has several readings and Sudachi, given one before a person's given name, often
takes a rare one: 大谷翔平 おおや (JMnedict's people named 大谷 are おおたに 51 times, おおや twice),
萩原 はぎはら, 西沢 にしさわ. The table keeps the family names of two or more kanji whose people in
JMnedict read one way in nine of ten (``SHARE``) of ``FEWEST`` or more names, where Sudachi
reads the name another way before a given name (at four in five, 茂木 もぎ came in, 12 of 14,
and 茂木外相 of today's news is もてぎ). A person's family name is the longest of JMnedict's
surnames their name starts with whose reading their reading starts with (菅原道真 counts for
菅原, not for 菅). One-kanji family names are left out: JMnedict's people there are emperors,
monks and Chinese and Korean names as often as family names (後鳥羽 ご, 床次 とこ). Columns: the
family name, its people's reading, in hiragana.
"""

from __future__ import annotations

import sqlite3
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_names_table import _entries, _hira  # noqa: E402
from table_file import write_table  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "store" / "japanese" / "surnames.tsv"
#: The fewest people, and the least share of them, a reading must have to be the name's.
FEWEST, SHARE = 5, 0.9
HEADER = (
    "# Family names whose people JMnedict reads one way where Sudachi, before a given name,\n"
    "# reads another. JMnedict (c) the Electronic Dictionary Research and Development Group,\n"
    "# used under the EDRDG licence (CC BY-SA 4.0, https://www.edrdg.org/edrdg/licence.html);\n"
    "# this file is under that licence. Built by tools/build_surnames_table.py. Columns:\n"
    "# family name, its people's reading.\n"
)


def people_readings(db: sqlite3.Connection) -> dict[str, Counter[str]]:
    """Family name -> how many of JMnedict's people (one reading each) read it which way."""
    surnames, persons = _entries(db, "surname"), _entries(db, "person")
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for name, readings in persons.items():
        if len(readings) != 1:
            continue
        reading = next(iter(readings))
        for k in range(min(len(name) - 1, 4), 0, -1):
            fits = [r for r in surnames.get(name[:k], ()) if reading.startswith(r) and r != reading]
            if name[:k] in surnames:
                if fits:
                    counts[name[:k]][max(fits, key=len)] += 1
                break
    return counts


def main(argv: list[str]) -> int:
    from sudachipy import Dictionary

    counts = people_readings(sqlite3.connect(argv[0]))
    tokenizer = Dictionary(dict="core").tokenizer()
    lines = []
    for family, readings in counts.items():
        if len(family) < 2:
            continue
        reading, people = readings.most_common(1)[0]
        if people < FEWEST or people < SHARE * sum(readings.values()):
            continue
        words = list(tokenizer.tokenize(family + "太郎さん"))
        if words[0].surface() != family:
            continue  # Sudachi cuts the name: the names table and the rules read it
        if _hira(words[0].reading_form()) != reading:
            lines.append(f"{family}\t{reading}\n")
    return write_table(OUT, HEADER, lines, "family names")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
