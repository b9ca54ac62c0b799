"""Per-kanji facts from KANJIDIC2 (EDRDG, CC BY-SA 4.0): a reading to guess with, and the
standard form of a variant kanji.

The dictionary Sudachi uses lists most kanji only inside words, so a word it does not know gets
its characters' readings from here (步 ほ, 洛 らく, 習 しゅう), never nothing. The table
(``kanjidic.tsv``, built by ``tools/build_kanji_table.py``) is read on first use only: most
texts never need it.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

TABLE = Path(__file__).with_name("kanjidic.tsv")


UNIHAN = Path(__file__).with_name("unihan.tsv")


@cache
def _text(table: Path = TABLE) -> str:
    """A table as text, searched in place: parsing its 12,000 lines would cost ~9 ms of a
    ``shiori furigana`` process each time a text has a kanji the dictionary lacks."""
    try:
        return "\n" + table.read_text(encoding="utf-8")
    except OSError:  # an incomplete install: guesses fall back to the dictionary alone
        return ""


def _reading(table: Path, ch: str) -> str:
    """The second column of ``ch``'s line in ``table``, or ""."""
    text = _text(table)
    at = text.find(f"\n{ch}\t")
    if at < 0 or not ch:
        return ""
    start = at + len(ch) + 2
    return text[start : text.index("\t", start)]


@lru_cache(maxsize=4096)
def kanji_reading(ch: str) -> str:
    """KANJIDIC's reading of ``ch`` for a guess (its first on-reading), or ""."""
    return _reading(TABLE, ch)


@lru_cache(maxsize=1024)
def unihan_reading(ch: str) -> str:
    """A reading to guess with for a kanji KANJIDIC lacks (``unihan.tsv``, built by
    ``tools/build_unihan_table.py`` from the Unicode Han Database: its Japanese reading, a
    variant's, or the one its phonetic element gives most characters), or ""."""
    return _reading(UNIHAN, ch)


#: Variants that names are written with in Japan, outside the kanji most fonts and the dictionary
#: know, with the kanji they stand for: the vendor extensions of Shift_JIS (CP932: 髙 﨑 靍 …)
#: and JIS X 0213 (𠮷 嵜 …), in which family registers and business cards write 髙橋, 﨑山,
#: 𠮷田. KANJIDIC names no standard form for them (Unihan's variant fields disagree among
#: themselves: 德 → 悳), so a CP932 file's 髙橋 was read こう·きょう; these are the ones documents
#: meet, as tables of 異体字 for names list them.
NAME_VARIANTS = {
    "髙": "高",
    "﨑": "崎",
    "嵜": "崎",
    "𠮷": "吉",
    "槗": "橋",
    "靍": "鶴",
    "靏": "鶴",
    "濵": "濱",
    "冝": "宜",
    "逹": "達",
    "﨔": "欅",
    "𡈽": "土",
}


@cache
def kanji_variants() -> dict[int, str]:
    """Variant kanji -> standard form, as a ``str.translate`` table (步 -> 歩, 髙 -> 高)."""
    import re

    from store.patterns import compiled

    table = {ord(kanji): standard for kanji, standard in NAME_VARIANTS.items()}
    line = compiled(r"^([^\t\n#])\t[^\t\n]*\t([^\t\n]+)$", re.M)
    table.update((ord(kanji), standard) for kanji, standard in line.findall(_text()))
    return table


OLD_FORMS = Path(__file__).with_name("old_forms.tsv")


@cache
def old_forms() -> dict[int, str]:
    """Old character forms -> standard form, as a ``str.translate`` table (團 -> 団, 處 -> 処):
    the Jōyō Kanji Table's old forms and the CJK compatibility ideographs
    (``old_forms.tsv``, built by ``tools/build_kanji_table.py``)."""
    try:
        lines = OLD_FORMS.read_text(encoding="utf-8").splitlines()
    except OSError:  # an incomplete install: old forms are analysed as they are
        return {}
    return {
        ord(line[0]): line[2]
        for line in lines
        if len(line) == 3 and line[1] == "\t" and not line.startswith("#")
    }
