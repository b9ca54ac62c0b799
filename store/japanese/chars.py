"""Character classes and kana conversion: the one place Shiori says what a kanji or a kana is.

Used by the importer (line rules, Aozora notation, footnote markers) and by the analysis here.
A *kanji* is a CJK ideograph of any block — the URO, Extension A, the compatibility
ideographs, and every supplementary-plane extension (B to I, compatibility supplement) — or
one of the marks written and read like one (``KANJI_LIKE``: 々 〆 〇 ヶ ヵ 仝 〻), as the
``shiori furigana`` contract says (docs/design/contracts.md).

``KANJI``, ``HIRAGANA``, ``KATAKANA`` and ``KANA`` are the same classes as regular-expression
ranges, to put inside ``[...]``; the kana ranges are the whole Unicode blocks (with their
marks and the half-width katakana), where ``is_hiragana`` / ``is_katakana`` answer for the
letters a reading is spelled with.
"""

from __future__ import annotations

from store.patterns import compiled

#: Characters that are written like kanji and take a reading (iteration marks, 〆, ヶ, 〇).
KANJI_LIKE = frozenset("々〆〇ヶヵ仝〻")

#: Regular-expression ranges (for inside ``[...]``) of the classes below.
KANJI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff" + "".join(
    sorted(KANJI_LIKE)
)
HIRAGANA = "\u3041-\u309f"
KATAKANA = "\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f"
KANA = HIRAGANA + KATAKANA

KANJI_RE = compiled(f"[{KANJI}]")
#: A line of kana only (no kanji, no punctuation).
KANA_ONLY_RE = compiled(f"^[{KANA}]+$")

#: The older spelling's kana after a verb's or an adjective's stem and the kana said today:
#: the は-row for the vowels (謳ひ うたい, 這ふ はう, 整へ ととのえ) and ゐ, ゑ (用ゐる, 植ゑる).
OLD_KANA_SAID = {"は": "わ", "ひ": "い", "ふ": "う", "へ": "え", "ほ": "お", "ゐ": "い", "ゑ": "え"}
_KATA_TO_HIRA = {c: c - 0x60 for c in range(0x30A1, 0x30F7)}
_KATA_TO_HIRA.update({ord("ヽ"): ord("ゝ"), ord("ヾ"): ord("ゞ")})


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


_VOICE = str.maketrans(
    "かきくけこさしすせそたちつてとはひふへほ", "がぎぐげござじずぜぞだぢづでどばびぶべぼ"
)
_UNVOICE = str.maketrans(
    "がぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽ",
    "かきくけこさしすせそたちつてとはひふへほはひふへほ",
)


def voiced(reading: str) -> str:
    """``reading`` with its first sound voiced, as a compound's second element (はこ → ばこ)."""
    return reading[:1].translate(_VOICE) + reading[1:]


def unvoiced(reading: str) -> str:
    """``reading`` with its first sound unvoiced, as a word opening a phrase (ばこ -> はこ)."""
    return reading[:1].translate(_UNVOICE) + reading[1:]


_READING_RE = compiled("[\u3041-\u3096ーゝゞ]+")


def is_reading(text: str) -> bool:
    """A usable reading: non-empty and only hiragana (plus ー)."""
    return _READING_RE.fullmatch(text) is not None


def _half_width_table() -> dict[int, str]:
    """Full-width kana (hiragana folded in) → half-width katakana, voiced ones as two
    characters (ガ → ｶﾞ, パ → ﾊﾟ), built from Unicode's own compatibility mappings."""
    import unicodedata

    table: dict[int, str] = {}
    for o in range(0xFF61, 0xFFA0):
        half = chr(o)
        full = unicodedata.normalize("NFKC", half)
        if len(full) != 1:
            continue
        table.setdefault(ord(full), half)
        for mark, half_mark in (("\u3099", "\uff9e"), ("\u309a", "\uff9f")):
            voiced = unicodedata.normalize("NFC", full + mark)
            if len(voiced) == 1:
                table.setdefault(ord(voiced), half + half_mark)
    table.update({ord(k): v for k, v in {"ヰ": "ｲ", "ヱ": "ｴ", "ヮ": "ﾜ", "ヵ": "ｶ", "ヶ": "ｹ"}.items()})
    for kata, half in list(table.items()):
        if 0x30A1 <= kata <= 0x30F6:
            table.setdefault(kata - 0x60, half)  # the hiragana of the same kana
    return table


_HALF_WIDTH = _half_width_table()


def to_half_width_katakana(text: str) -> str:
    """A reading in half-width katakana (``こくさい`` → ``ｺｸｻｲ``, ``ぱ`` → ``ﾊﾟ``): one terminal
    cell per kana, so a reading takes about the width of its kanji. Anything else is kept; the
    kana iteration marks, which have no half-width form, are written out (``よりかゝ`` →
    ``ﾖﾘｶｶ``, ``たゞ`` → ``ﾀﾀﾞ``)."""
    if any(mark in text for mark in _ITERATION):
        text = _written_out(to_hiragana(text))
    return text.translate(_HALF_WIDTH)


#: Kana iteration marks: repeat the kana before (ゝ, ヽ) or repeat it voiced (ゞ, ヾ).
_ITERATION = {"ゝ": False, "ヽ": False, "ゞ": True, "ヾ": True}


def _written_out(reading: str) -> str:
    out: list[str] = []
    for ch in reading:
        voice = _ITERATION.get(ch)
        if voice is not None and out and is_kana(out[-1]):
            before = out[-1]  # ゝ repeats it as written (珠数 ずゝ ずず), ゞ voiced
            out.append(voiced(unvoiced(before)) if voice else before)
        else:
            out.append(ch)
    return "".join(out)
