"""Verbs and adjectives written with a kanji Sudachi does not know in that spelling (裹まれて).

Older and rarer prose writes verbs with kanji the dictionary has no verb for (裹む つつむ, 飜す
ひるがえす, 匍う はう, 中てる あてる); the dictionary then reads the kanji as a noun, or cannot
read it at all and the analysis falls back to KANJIDIC's on-reading (裹 ほう, 飜 はん). JMdict
knows these spellings, and for rarer kanji KANJIDIC's kun-readings with okurigana do (詈 ののし.る,
漾 ただよ.う): ``spellings.tsv`` (built by ``tools/build_spellings_table.py``; EDRDG licence, see
its header) holds, for each such kanji, the okurigana of its verbs and adjectives, how they
conjugate and the kanji's reading; and the spellings of two or three kanji the dictionary
reads as a noun and its kana (私語く ささやく, not 私語 しご; 懸合う かけあう, 思召す おぼしめす).
A kanji (or such a word) standing alone whose following kana conjugate exactly one of them takes
that reading. Read on first use only.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from store.japanese.tables import lookup

TABLE = Path(__file__).with_name("spellings.tsv")

#: The kana a godan verb's ending becomes, by its dictionary-form ending (with the euphonic
#: っ, ん, い of て and た: 裹んで, 匍って).
_GODAN = {
    "う": "わいうえおっ",
    "く": "かきくけこい",
    "ぐ": "がぎぐげごい",
    "す": "さしすせそ",
    "つ": "たちつてとっ",
    "ぬ": "なにぬねのん",
    "ぶ": "ばびぶべぼん",
    "む": "まみむめもん",
    "る": "らりるれろっ",
}
#: What follows an i-adjective's stem: 丹い, 丹く, 丹かった, 丹ければ, 丹さ, 丹き, 丹げ.
_ADJECTIVE = ("い", "く", "かっ", "けれ", "さ", "き", "かろ", "げ")


def _conjugates(following: str, okurigana: str, kind: str) -> bool:
    """Whether ``following`` starts with a form of the word whose dictionary form ends in
    ``okurigana`` (the kana before its last one stay as they are in every form)."""
    stem = okurigana[:-1]
    if not following.startswith(stem):
        return False
    rest = following[len(stem) :]
    if kind == "5":
        return bool(rest) and rest[0] in _GODAN.get(okurigana[-1], "")
    if kind == "1":  # ichidan: 中て|る, 中て|ない, 中て|た — the table keeps only stems with kana
        return bool(stem)
    return rest.startswith(_ADJECTIVE)


@cache
def spellings(kanji: str) -> tuple[tuple[str, str, str], ...]:
    """The (okurigana, conjugation, reading) of the spellings of ``kanji``; () for most kanji."""
    columns = lookup(TABLE, kanji)
    if not columns:
        return ()
    entries = []
    for entry in columns[0].split(";"):
        okurigana, conjugation, reading = entry.split(",")
        entries.append((okurigana, conjugation, reading))
    return tuple(entries)


def spelled_reading(kanji: str, following: str) -> str | None:
    """The reading of ``kanji`` when the kana after it conjugate one of its JMdict spellings
    (all that match read it alike), else None: 裹 + まれて → つつ."""
    found = {
        reading
        for okurigana, kind, reading in spellings(kanji)
        if _conjugates(following, okurigana, kind)
    }
    return found.pop() if len(found) == 1 else None
