"""Build ``store/japanese/numeral_words.tsv`` from JMdict (EDRDG, CC BY-SA 4.0).

Run once by a developer, never at run time:
``python tools/build_numeral_words_table.py JAMDICT_DB`` (the database of the ``jamdict-data``
package, as for ``tools/build_words_table.py``).

The number rules read a numeral and the word after it as a number and its counter, and voice
一つ/一重 after a noun. Inside some words that is wrong: 双十節 is そうじゅうせつ (Taiwan's
national day), not じゅっせつ as in 第十節; 身一つ is みひとつ, not みびとつ. Sudachi's own cut
reads such words right; only the word tells them from a count. The table keeps the JMdict
words (nouns and expressions, read one way only across entries, of regular usage) with a kanji
numeral after their first character that the analysis cuts into several words, whose readings
as Sudachi gives them make the JMdict reading, and which the rules then misread: found by
running the rules on each word alone. Each line is the word and its reading in hiragana.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from build_words_table import _readings  # noqa: E402
from table_file import write_table  # noqa: E402

OUT = ROOT / "store" / "japanese" / "numeral_words.tsv"
HEADER = (
    "# Words with a numeral inside that the number rules would misread, from JMdict.\n"
    "# JMdict (c) the Electronic Dictionary Research and Development Group, used under the\n"
    "# EDRDG licence (CC BY-SA 4.0, https://www.edrdg.org/edrdg/licence.html); this file is\n"
    "# under that licence. Built by tools/build_numeral_words_table.py. Columns: word, reading.\n"
)
NUMERALS = frozenset("一二三四五六七八九十百千万億")


def main(argv: list[str]) -> int:
    from store.japanese.numeral_words import analysed

    db = sqlite3.connect(argv[0])
    lines = []
    for word, kana in sorted(_readings(db).items()):
        if len(kana) != 1 or "" in kana or not any(ch in NUMERALS for ch in word[1:]):
            continue  # several readings, irregular usage, or no numeral after the first character
        reading = next(iter(kana))
        cut, ruled = analysed(word)
        if cut is None or "".join(cut) != reading:
            continue  # one word, or Sudachi's cut does not read it so: nothing to keep
        if "".join(ruled) != reading:
            lines.append(f"{word}\t{reading}\n")
    return write_table(OUT, HEADER, lines, "words")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
