"""The Office Open XML package of a Word document: its parts, read strictly and in memory,
what its paragraph and character styles mean, how it numbers notes, and what its core
properties state. :mod:`store.importer.docx` reads the body with these.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from store.importer.archive import Archive, resolve
from store.importer.errors import ImportFailed
from store.importer.html import iso_date
from store.importer.meta import JUNK_AUTHOR, JUNK_TITLE
from store.importer.sanitize import sanitize
from store.patterns import compiled

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: Strict Office Open XML (ISO/IEC 29500 strict) names the same elements in another namespace.
_STRICT_W = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_TRANSITIONAL_W = W[1:-1].encode()
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
_PARSER = etree.XMLParser(
    recover=False, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
)
#: Control characters XML 1.0 does not allow: a file holding them is no well-formed XML, but
#: they are the text's (an escape sequence), so they go by the shared rule and the rest is read.
_XML_CONTROLS = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: Style names (lower case, spaces out) that are headings: Word's built-in names, in English
#: and as a Japanese Word shows them.
_HEADING_NAME = compiled(r"^(?:heading|見出し)([1-9])$")
_TITLE_NAMES = frozenset(["title", "表題", "タイトル"])
#: Paragraph styles that say what a block is besides a heading: Word's built-in names (as
#: ``styles.xml`` keeps them whatever the interface language) and their Japanese labels.
_STYLE_ROLES = {
    **dict.fromkeys(["subtitle", "副題", "サブタイトル"], "subtitle"),
    **dict.fromkeys(["quote", "intensequote", "引用文", "引用文2", "blocktext"], "quote"),
    **dict.fromkeys(["caption", "図表番号", "キャプション"], "caption"),
    **dict.fromkeys(["tocheading", "目次の見出し"], "toc"),
    **{f"toc{n}": "toc" for n in range(1, 10)},
    **{f"目次{n}": "toc" for n in range(1, 10)},
}


def local(el: etree._Element) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def val(el: etree._Element | None, name: str) -> str | None:
    """The ``w:val`` of ``el``'s child ``name`` (``""`` when it has none), ``None`` without it."""
    if el is None:
        return None
    child = el.find(W + name)
    return None if child is None else child.get(W + "val", "")


def on(el: etree._Element | None, name: str) -> bool:
    """A toggle property (``w:b``, ``w:i``) set: present and not ``0``/``false``/``off``."""
    value = val(el, name)
    return value is not None and value.lower() not in ("0", "false", "off", "none")


class Parts:
    """The package's XML parts, parsed strictly; control characters counted as removed."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.removed = 0

    def get(self, name: str, *, required: bool = False) -> etree._Element | None:
        if name not in self.archive.infos:
            if required:
                raise ImportFailed(
                    f"{self.archive.path}: cannot import: the Word file has no {name}"
                )
            return None
        data = self.archive.read(name).replace(_STRICT_W, _TRANSITIONAL_W)
        utf16 = data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4]
        if not utf16 and _XML_CONTROLS.search(data):
            try:
                text, n = sanitize(data.decode("utf-8"))
            except UnicodeDecodeError:
                pass
            else:
                self.removed += n
                data = text.encode("utf-8")
        try:
            return etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError as exc:
            raise ImportFailed(
                f"{self.archive.path}: cannot import: damaged Word file ({name}: {exc})"
            ) from exc


class Styles:
    """What a style makes of its text: a paragraph's role (a heading and its level, a title, a
    list, a quote...), a run's emphasis."""

    def __init__(self, root: etree._Element | None) -> None:
        self.styles: dict[str, etree._Element] = {}
        self.characters: dict[str, etree._Element] = {}
        if root is not None:
            for style in root.iter(W + "style"):
                kind = style.get(W + "type", "paragraph")
                if kind in ("paragraph", "character"):
                    table = self.styles if kind == "paragraph" else self.characters
                    table[style.get(W + "styleId", "")] = style

    def _chain(self, style_id: str) -> list[tuple[str, etree._Element | None]]:
        """The style and those it is based on: ``(id, element)``, nearest first."""
        chain: list[tuple[str, etree._Element | None]] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and len(chain) < 20:
            seen.add(style_id)
            style = self.styles.get(style_id)
            chain.append((style_id, style))
            style_id = (val(style, "basedOn") or "") if style is not None else ""
        return chain

    def role(self, style_id: str) -> tuple[str, int]:
        """``("heading", n)``, ``("title", 1)``, a role of :data:`_STYLE_ROLES` with 0, or
        ``("", 0)``."""
        for sid, style in self._chain(style_id):
            for name in (val(style, "name") or "", sid):
                key = "".join(name.split()).lower()
                m = _HEADING_NAME.match(key)
                if m:
                    return "heading", min(6, int(m.group(1)))
                if key in _TITLE_NAMES:
                    return "title", 1
                if key in _STYLE_ROLES:
                    return _STYLE_ROLES[key], 0
            level = val(style.find(W + "pPr") if style is not None else None, "outlineLvl")
            if level is not None and level.isdigit() and int(level) < 9:
                return "heading", min(6, int(level) + 1)
        return "", 0

    def run_emphasis(self, style_id: str) -> tuple[bool | None, bool | None]:
        """Bold and italic a character style sets (``Strong``, ``Emphasis``, a style of the
        user's), following ``basedOn``; ``None`` where it says nothing."""
        bold: bool | None = None
        italic: bool | None = None
        seen: set[str] = set()
        while style_id and style_id not in seen and len(seen) < 20:
            seen.add(style_id)
            style = self.characters.get(style_id)
            if style is None:
                break
            key = "".join((val(style, "name") or style_id).split()).lower()
            rpr = style.find(W + "rPr")
            if bold is None and (val(rpr, "b") is not None or val(rpr, "em") is not None):
                bold = on(rpr, "b") or mark(rpr)
            if italic is None and val(rpr, "i") is not None:
                italic = on(rpr, "i")
            if bold is None and key in ("strong", "強調太字"):
                bold = True
            if italic is None and key in ("emphasis", "強調斜体"):
                italic = True
            style_id = val(style, "basedOn") or ""
        return bold, italic

    def num_pr(self, style_id: str) -> etree._Element | None:
        """The numbering (``w:numPr``) the style or one it is based on gives its paragraphs."""
        for _, style in self._chain(style_id):
            ppr = style.find(W + "pPr") if style is not None else None
            num = ppr.find(W + "numPr") if ppr is not None else None
            if num is not None:
                return num
        return None


def mark(rpr: etree._Element | None) -> bool:
    """An emphasis mark (傍点: ``w:em`` dot, comma, circle, under-dot) on the run."""
    value = val(rpr, "em")
    return value is not None and value not in ("none", "")


def _roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    """Word's letter numbering: a…z, then aa…zz, aaa…"""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


#: Word's note number formats (``w:numFmt``) → the label of note ``n``; a format not here is
#: decimal.
_NUMBER_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
    "lowerLetter": _letters,
    "upperLetter": lambda n: _letters(n).upper(),
    "decimalFullWidth": lambda n: str(n).translate(
        str.maketrans("0123456789", "０１２３４５６７８９")
    ),
    "decimalEnclosedCircle": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
    "decimalEnclosedParen": lambda n: f"({n})",
    "chicago": lambda n: "*†‡§"[(n - 1) % 4] * ((n - 1) // 4 + 1),
    "decimalZero": lambda n: f"{n:02d}",
    "japaneseCounting": lambda n: _kanji(n),
    "ideographTraditional": lambda n: "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10],
    "aiueo": lambda n: _AIUEO[(n - 1) % len(_AIUEO)],
    "aiueoFullWidth": lambda n: _AIUEO[(n - 1) % len(_AIUEO)],
    "iroha": lambda n: _IROHA[(n - 1) % len(_IROHA)],
    "irohaFullWidth": lambda n: _IROHA[(n - 1) % len(_IROHA)],
}
_AIUEO = (
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
)
_IROHA = (
    "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス"
)


def _kanji(n: int) -> str:
    """一, 十二, 百三 (Word's ``japaneseCounting``); beyond 999 the digits."""
    digits = "〇一二三四五六七八九"
    if not 0 < n < 1000:
        return str(n)
    out = ""
    for value, unit in ((100, "百"), (10, "十")):
        q, n = divmod(n, value)
        if q:
            out += ("" if q == 1 else digits[q]) + unit
    return out + (digits[n] if n else "")


class ListNumbers:
    """The numbers Word draws before numbered paragraphs (``numbering.xml``), counted in
    document order: ``第１章``, ``1.2``. A level counts on from its start value and starts
    again when a level above it counts; ``%1``…``%9`` in a level's text are the levels'
    numbers in their own formats (in digits for a level set as legal numbering, ``1.1``
    under ``第１章``)."""

    def __init__(self, root: etree._Element | None) -> None:
        self.levels: dict[str, dict[int, etree._Element]] = {}  # abstractNumId -> ilvl -> lvl
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstract, starts)
        self.counts: dict[str, list[int]] = {}
        if root is None:
            return
        for abstract in root.iter(W + "abstractNum"):
            self.levels[abstract.get(W + "abstractNumId", "")] = {
                _int(lvl.get(W + "ilvl")): lvl for lvl in abstract.iter(W + "lvl")
            }
        for num in root.iter(W + "num"):
            starts = {
                _int(o.get(W + "ilvl")): _int(val(o, "startOverride"), 1)
                for o in num.iter(W + "lvlOverride")
                if val(o, "startOverride") is not None
            }
            self.nums[num.get(W + "numId", "")] = (val(num, "abstractNumId") or "", starts)

    def next(self, num_id: str, ilvl: int) -> str:
        """Count a paragraph of list ``num_id`` at level ``ilvl``; the number it shows, with
        the space after it, or "" (a bullet, no such list)."""
        abstract, starts = self.nums.get(num_id, ("", {}))
        levels = self.levels.get(abstract, {})
        if ilvl not in levels:
            return ""
        counts = self.counts.setdefault(num_id, [0] * 10)

        def start(level: int) -> int:
            return starts.get(level, _int(val(levels.get(level), "start"), 1))

        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else start(ilvl)
        for deeper in range(ilvl + 1, len(counts)):
            counts[deeper] = 0
        lvl = levels[ilvl]
        if val(lvl, "numFmt") in ("bullet", "none"):
            return ""

        legal = on(lvl, "isLgl")  # "legal" numbering: every level's number in digits

        def number(m: re.Match[str]) -> str:
            level = int(m.group(1)) - 1
            fmt = "decimal" if legal else val(levels.get(level), "numFmt") or "decimal"
            return _NUMBER_FORMATS.get(fmt, str)(counts[level] or start(level))

        text = _LEVEL_REF.sub(number, val(lvl, "lvlText") or "")
        return text + ("" if val(lvl, "suff") == "nothing" else " ") if text.strip() else ""


_LEVEL_REF = compiled(r"%([1-9])")


def _int(value: str | None, default: int = 0) -> int:
    return int(value) if value and value.isdigit() and len(value) < 6 else default


def note_numbering(settings: etree._Element | None) -> dict[str, tuple[Callable[[int], str], int]]:
    """How footnotes and endnotes are numbered (``settings.xml``: ``w:footnotePr``,
    ``w:endnotePr``): Word's defaults are 1, 2… and i, ii…, from 1."""
    found = {"footnote": (_NUMBER_FORMATS["decimal"], 1), "endnote": (_roman, 1)}
    if settings is None:
        return found
    for kind in found:
        props = settings.find(f"{W}{kind}Pr")
        fmt = val(props, "numFmt")
        start = val(props, "numStart") or ""
        number = _NUMBER_FORMATS.get(fmt, str) if fmt else found[kind][0]
        found[kind] = (number, int(start) if start.isdigit() and int(start) < 10000 else 1)
    return found


def main_part(parts: Parts) -> str:
    """The document part the package's relationships name (``word/document.xml`` as Word
    writes it)."""
    rels = parts.get("_rels/.rels")
    if rels is not None:
        for rel in rels:
            if rel.get("Type", "").endswith("/officeDocument"):
                target = resolve("", rel.get("Target", "").lstrip("/"))
                if target and target in parts.archive.infos:
                    return target
    return "word/document.xml"


def core_metadata(root: etree._Element | None) -> dict[str, str]:
    if root is None:
        return {}

    def first(tag: str) -> str:
        el = root.find(tag)
        return " ".join((el.text or "").split()) if el is not None else ""

    meta: dict[str, str] = {}
    title = first(_DC + "title")
    if title and not JUNK_TITLE.match(title):
        meta["title"] = title
    author = first(_DC + "creator")
    if author and not JUNK_AUTHOR.match(author):
        meta["author"] = author
    date = first(_DCTERMS + "created") or first(_DCTERMS + "modified")
    if date and not date.startswith("1601"):  # Word's "no date" (the FILETIME epoch)
        meta["date"] = iso_date(date)
    language = first(_DC + "language")
    if language:
        meta["language"] = language
    return meta
