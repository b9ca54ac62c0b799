"""A verb or adjective written with a kanji the dictionary does not know: its stem's reading.

Older prose writes verbs with kanji today's dictionary lacks, or with okurigana it does not
expect (眺むる, 痺らせて, 棄つる, 謳ひし, 醒むる, 貯うる): Sudachi leaves the kanji unknown, and
the guess gave its on-reading (眺 ちょう). KANJIDIC lists each kanji's kun-readings with their
okurigana (眺 なが.める, 痺 しび.れる); the kana written after the kanji say which one is meant —
the one whose okurigana starts in the same row of the kana table (む, める: ま行), allowing for a
verb's euphonic forms (い for く/ぐ, っ for つ/る/う, ん for む/ぶ/ぬ) and the older spelling's
は-row for the vowels (謳ひ うたい). Only where all such readings share one stem is it used.
``kun_stems.tsv`` is built by ``tools/build_kanji_table.py`` (EDRDG licence, see its header).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from store.japanese.chars import OLD_KANA_SAID
from store.japanese.tables import lookup

TABLE = Path(__file__).with_name("kun_stems.tsv")

_ROWS = (
    "あいうえおわゐゑを",  # vowels and わ, which a う-verb conjugates through
    "かきくけこ",
    "がぎぐげご",
    "さしすせそ",
    "ざじずぜぞ",
    "たちつてと",
    "だぢづでど",
    "なにぬねの",
    "はひふへほ",
    "ばびぶべぼ",
    "ぱぴぷぺぽ",
    "まみむめも",
    "やゆよ",
    "らりるれろ",
)
_ROW_OF = {kana: k for k, row in enumerate(_ROWS) for kana in row}
#: The older spelling's は-row after a kanji is the vowel row said (謳ひ うたい, 這ふ はう).
_SAID = OLD_KANA_SAID
#: A verb's euphonic forms: the kana written, and the rows of the okurigana they stand for.
_EUPHONIC = {
    "い": (_ROW_OF["く"], _ROW_OF["ぐ"], _ROW_OF["う"]),
    "っ": (_ROW_OF["つ"], _ROW_OF["る"], _ROW_OF["う"]),
    "つ": (_ROW_OF["つ"], _ROW_OF["る"], _ROW_OF["う"]),  # the older spelling's full-size っ
    "ん": (_ROW_OF["む"], _ROW_OF["ぶ"], _ROW_OF["ぬ"]),
}


def _rows(kana: str) -> tuple[int, ...]:
    said = _SAID.get(kana, kana)
    rows = _EUPHONIC.get(said, ())
    return rows + ((_ROW_OF[said],) if said in _ROW_OF else ())


@lru_cache(maxsize=4096)
def okurigana_stem(kanji: str, following: str) -> str | None:
    """The reading of ``kanji`` as the stem of the verb or adjective whose kana follow it
    (``following``, at least its first kana), when KANJIDIC's readings agree on one; else None."""
    if not following:
        return None
    columns = lookup(TABLE, kanji)
    if not columns:
        return None
    rows = _rows(following[0])
    stems = set()
    for reading in columns[0].split(";"):
        stem, _, okurigana = reading.partition(".")
        if okurigana in ("い", "しい"):  # an adjective: 尠い すくな, 怪しい
            if following.startswith(okurigana[:-1]) and following[len(okurigana) - 1 :][:1] in (
                "い",
                "か",
                "く",
                "け",
                "き",
                "さ",
                "う",
            ):
                stems.add(stem)
        elif okurigana and _ROW_OF.get(okurigana[0]) in rows:
            stems.add(stem)
    return stems.pop() if len(stems) == 1 else None
