"""Aozora Bunko's ways of writing characters its Shift_JIS files cannot hold, made Unicode.

- Gaiji notes ``※［＃「てへん＋劣」、第3水準1-84-77］``: the JIS X 0213 plane-row-cell code is
  resolved with Python's own ``euc_jis_2004`` codec (plane 1 is the two EUC bytes ``row+0xA0,
  cell+0xA0``; plane 2 is the same after the SS3 byte ``0x8F``), a ``U+XXXX`` code directly. A
  note that gives neither (only a description, or the 底本's page and line) cannot be resolved.
- くの字点 ``／＼`` and ``／″＼`` (the vertical repetition marks) become ``〳〵`` and ``〴〵``.
- Accent decomposition ``〔Ame'rique〕`` (Latin letters with accents spelled as a letter and a
  mark) becomes ``Amérique``.
"""

from __future__ import annotations

import re
import unicodedata

from store.japanese.chars import voiced
from store.patterns import compiled

_JIS = compiled(r"(?<![0-9])(?P<plane>[12])-(?P<row>[0-9]{1,2})-(?P<cell>[0-9]{1,2})(?![0-9])")
_UCS = compiled(r"U\+(?P<hex>[0-9A-Fa-f]{4,6})(?![0-9A-Fa-f])")


def jis_x0213(plane: int, row: int, cell: int) -> str | None:
    """The character(s) at JIS X 0213 ``plane``-``row``-``cell`` (some are a base plus a
    combining mark), or None where the codec has none."""
    if plane not in (1, 2) or not (1 <= row <= 94 and 1 <= cell <= 94):
        return None
    data = bytes((row + 0xA0, cell + 0xA0))
    if plane == 2:
        data = b"\x8f" + data
    try:
        text = data.decode("euc_jis_2004")
    except UnicodeDecodeError:
        return None
    return text if text.isprintable() else None


def resolve(note: str) -> str | None:
    """The character a gaiji note's body names (``「…」、第3水準1-84-77``, ``…、U+6318、140-3``,
    ``感嘆符疑問符、1-8-78``), or None when it gives no code. The code is looked for after the
    description, so digits inside ``「…」`` never count."""
    tail = note[note.rfind("」") + 1 :] if "」" in note else note
    m = _UCS.search(tail)
    if m:
        cp = int(m.group("hex"), 16)
        if cp <= 0x10FFFF and not 0xD800 <= cp <= 0xDFFF:
            ch = chr(cp)
            if ch.isprintable():
                return ch
    m = _JIS.search(tail)
    if m:
        return jis_x0213(int(m.group("plane")), int(m.group("row")), int(m.group("cell")))
    return None


def description(note: str) -> str:
    """What a gaiji note says the character is (``「さんずい＋因」、424-3`` → ``さんずい＋因``)."""
    m = re.match(r"「(?P<d>.*)」", note)
    if m:
        return m.group("d")
    return note.split("、", 1)[0]


#: The mark's second half is ＼, or \ where the file was decoded as Shift_JIS-2004 (which maps
#: the byte pair of ＼ to the ASCII backslash): 赫々《くわく／\》 in 牧野信一's 嘆きの孔雀.
_KUNOJI = compiled("／[″〃゛\u3099\u309b]?[＼\\\\]")


def kunoji(text: str) -> str:
    """くの字点: ``／＼`` → ``〳〵``, the voiced ``／″＼`` → ``〴〵``."""
    if "／" not in text:
        return text
    return _KUNOJI.sub(lambda m: "〳〵" if len(m.group(0)) == 2 else "〴〵", text)


def kunoji_written_out(reading: str) -> str:
    """A reading that ends in a くの字点 repeats what comes before it: 赫々《くわく／＼》 is
    くわくくわく (〴〵 voices the repeat's first kana: さま〴〵 さまざま). Readings are set
    horizontally, where the vertical mark means nothing to a reader."""
    if len(reading) < 3 or reading[-2:] not in ("〳〵", "〴〵"):
        return reading
    said = reading[:-2]
    again = said if reading[-2] == "〳" else voiced(said)
    return said + again


#: Aozora's accent marks, after the letter they go on, and the combining character for each.
_MARKS = {
    "`": "\u0300",  # grave
    "'": "\u0301",  # acute
    "^": "\u0302",  # circumflex
    "~": "\u0303",  # tilde
    ":": "\u0308",  # diaeresis
    "&": "\u030a",  # ring
    "_": "\u0304",  # macron
    ",": "\u0327",  # cedilla
}
_LIGATURES = {"AE&": "Æ", "ae&": "æ", "OE&": "Œ", "oe&": "œ", "s&": "ß", "O/": "Ø", "o/": "ø"}
#: Which letters take which mark (an apostrophe after ``l`` or ``qu`` stays one; ``:`` and
#: ``,`` only inside a word, so ``Note:`` and ``etc,`` are left alone).
_ACCENTED = compiled(
    r"AE&|ae&|OE&|oe&|s&|[Oo]/(?=[a-z])"
    r"|(?<![Qq])[AEIOUYaeiouy]['`^_]|[ANOano]~|[AaUu]&"
    r"|[AEIOUaeiouy]:(?=[a-z])|[Cc],(?=[a-z])"
)
_ACCENT_SPAN = compiled(r"〔(?P<inner>[\x20-\x7e\u00c0-\u024f]+?)〕")


def _compose(m: re.Match[str]) -> str:
    seq = m.group(0)
    if seq in _LIGATURES:
        return _LIGATURES[seq]
    composed = unicodedata.normalize("NFC", seq[0] + _MARKS[seq[1]])
    return composed if len(composed) == 1 else seq


def accents(text: str) -> str:
    """``〔Ame'rique〕`` → ``Amérique``: a 〔〕 span of Latin text holding accent notation.
    Spans of other text, or Latin without a composable accent, keep their brackets."""
    if "〔" not in text:
        return text

    def repl(m: re.Match[str]) -> str:
        inner = m.group("inner")
        out = _ACCENTED.sub(_compose, inner)
        return out if out != inner else m.group(0)

    return _ACCENT_SPAN.sub(repl, text)
