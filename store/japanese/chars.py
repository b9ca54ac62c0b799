"""Character classes and kana conversion: the small facts every other module here relies on."""

from __future__ import annotations

import re

#: Characters that are written like kanji and take a reading (iteration marks, 〆, ヶ, 〇).
KANJI_LIKE = frozenset("々〆〇ヶヵ仝〻")

_KATA_TO_HIRA = {c: c - 0x60 for c in range(0x30A1, 0x30F7)}
_KATA_TO_HIRA.update({ord("ヽ"): ord("ゝ"), ord("ヾ"): ord("ゞ")})
_HIRA_TO_KATA = {v: k for k, v in _KATA_TO_HIRA.items()}


def is_kanji(ch: str) -> bool:
    """True for CJK ideographs (all extension blocks) and the kanji-like marks in ``KANJI_LIKE``."""
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x3FFFF
        or ch in KANJI_LIKE
    )


KANJI_RE = re.compile(
    "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff" + "".join(KANJI_LIKE) + "]"
)


def has_kanji(text: str) -> bool:
    return KANJI_RE.search(text) is not None


def is_hiragana(ch: str) -> bool:
    o = ord(ch)
    return 0x3041 <= o <= 0x3096 or ch in "ゝゞー"


def is_katakana(ch: str) -> bool:
    o = ord(ch)
    return (0x30A1 <= o <= 0x30FA and ch not in "ヶヵ") or ch in "ーヽヾ" or 0x31F0 <= o <= 0x31FF


def is_kana(ch: str) -> bool:
    return is_hiragana(ch) or is_katakana(ch)


def to_hiragana(text: str) -> str:
    """Fold katakana to hiragana; everything else (ー, Latin, kanji) is kept."""
    return text.translate(_KATA_TO_HIRA)


def to_katakana(text: str) -> str:
    return text.translate(_HIRA_TO_KATA)


_READING_RE = re.compile("[\u3041-\u3096ーゝゞ]+")


def is_reading(text: str) -> bool:
    """A usable reading: non-empty and only hiragana (plus ー)."""
    return _READING_RE.fullmatch(text) is not None
