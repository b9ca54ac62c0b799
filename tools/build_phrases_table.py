"""Build ``store/japanese/phrases.tsv`` from JMdict (EDRDG, CC BY-SA 4.0).

Run once by a developer, never at run time: ``python tools/build_phrases_table.py JAMDICT_DB``
(the database of the ``jamdict-data`` package, as for ``tools/build_words_table.py``).

The words table leaves out whatever Sudachi cuts at a particle: a phrase, not a word. Some set
phrases are read otherwise whole than piece by piece (着の身着のまま きのみきのまま, cut
着|の|身|着|の|まま and read き·み·ぎ; 一か八か いちかばちか, read いち·はち). The table keeps,
with filters as strict as the words table's: expressions (every sense of every entry an
expression) that JMdict writes with kanji, opening with one, and reads one way only; that
Sudachi cuts into several words, one of them a particle, none a verb, adjective or auxiliary
(a predicate's nouns are read by their sense: 傍に置く わき or そば, 間がない ま or あいだ); whose reading the cut cannot give
(each word of two or more kanji read as any of its dictionary entries, a one-kanji word as the
cut read it: 手|の|内 て·の·うち is left out, the cut reads it so); and whose reading falls on
the cut's kana words as written (の reads の), so each kanji word gets its part. Each line is
the phrase and its reading in hiragana: ``一か八か\\tいちかばちか``.
"""

from __future__ import annotations

import re
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_words_table import _composable, _has_kanji, _hira, _readings  # noqa: E402
from table_file import write_table  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "store" / "japanese" / "phrases.tsv"
HEADER = (
    "# Set phrases Sudachi's dictionary cuts at a particle and reads otherwise, from JMdict.\n"
    "# JMdict (c) the Electronic Dictionary Research and Development Group, used under the\n"
    "# EDRDG licence (CC BY-SA 4.0, https://www.edrdg.org/edrdg/licence.html); this file is\n"
    "# under that licence. Built by tools/build_phrases_table.py. Columns: phrase, reading.\n"
)
EXPRESSION = "expressions (phrases, clauses, etc.)"
#: Words that make a phrase a predicate, whose nouns are read by their sense in the sentence
#: (傍に置く わきにおく or そばに, 両国の間がない あいだ, not 間がない まがない): left out.
PREDICATE = frozenset({"動詞", "形容詞", "助動詞"})


def _expressions(db: sqlite3.Connection) -> set[str]:
    """Kanji forms whose every entry is an expression in every sense."""
    senses: dict[int, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for idseq, sid, pos in db.execute(
        "SELECT s.idseq, s.ID, p.text FROM Sense s JOIN pos p ON p.sid = s.ID"
    ):
        senses[idseq][sid].add(pos)
    exp = {
        idseq
        for idseq, by_sense in senses.items()
        if by_sense and all(EXPRESSION in kinds for kinds in by_sense.values())
    }
    forms: dict[str, set[bool]] = defaultdict(set)
    for idseq, text in db.execute("SELECT idseq, text FROM Kanji"):
        forms[text].add(idseq in exp)
    return {text for text, kinds in forms.items() if kinds == {True}}


def aligned(surfaces: list[str], reading: str) -> bool:
    """Whether ``reading`` falls on the words: each kana word as written, each run of words with
    kanji some reading (着|の|身着|の|まま over き·の·みき·の·まま)."""
    pattern, run = [], False
    for surface in surfaces:
        if _has_kanji(surface):
            if not run:
                pattern.append("(.+?)")
            run = True
        else:
            pattern.append(re.escape(_hira(surface)))
            run = False
    return re.fullmatch("".join(pattern), reading) is not None


def main(argv: list[str]) -> int:
    from sudachipy import Dictionary, SplitMode

    db = sqlite3.connect(argv[0])
    readings, phrases = _readings(db), _expressions(db)
    dictionary = Dictionary(dict="core")
    tokenizer = dictionary.tokenizer(SplitMode.C)
    lines = []
    for phrase in sorted(phrases):
        kana = readings.get(phrase, set())
        if not _has_kanji(phrase[0]) or len(kana) != 1 or "" in kana:
            continue  # opening with kana, several readings, or of irregular usage
        reading = next(iter(kana))
        pieces = list(tokenizer.tokenize(phrase))
        if len(pieces) < 2 or not any(p.part_of_speech()[0] == "助詞" for p in pieces):
            continue  # one word, or cut into words only: the words table's, not this one's
        chosen = "".join(_hira(p.reading_form()) for p in pieces)
        if any(p.part_of_speech()[0] in PREDICATE for p in pieces):
            if len(phrase) < 6 or chosen == reading:
                continue  # a predicate: its words are read by their sense (傍に置く, 間がない)
            # a saying of six characters or more, verb and all, that the cut reads otherwise
            # than JMdict (絵に描いた餅 えがいた, 言うは易く行うは難し がたし): read whole
        elif _composable(dictionary, pieces, reading):
            continue  # the cut can read so (手|の|内): the rules choose
        if not aligned([p.surface() for p in pieces], reading):
            continue  # the reading does not fall on the cut's kana as written
        lines.append(f"{phrase}\t{reading}\n")
    return write_table(OUT, HEADER, lines, "phrases")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
