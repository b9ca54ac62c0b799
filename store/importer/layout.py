"""The page's geometry, measured from the lines themselves: is this text hard-wrapped (a PDF
extraction) and at what width, are its blank lines meaningful, how wide is a full line, and
how much wider than its paragraph a line may be and still belong to it.
"""

from __future__ import annotations

from collections import Counter

from store.importer.chars import ends_sentence, width
from store.importer.web_debris import is_debris, starts_debris_section
from store.japanese.chars import KANA, KANJI
from store.patterns import compiled

#: Digits glued to text that are not a quantity: a footnote marker, set small in the PDF.
_MARKER = compiled(
    rf"(?<=[{KANJI}{KANA}ー」』）。、])[0-9]{{1,3}}"
    r"(?![0-9０-９.,．，:：/年月日時分秒兆億万千百十か箇ヶ回人件％%歳代号条位倍点度割週期円ドル名社国都道府県巻頁章節つ本枚個台冊匹頭羽杯階種番軒隻機票席周級次戸棟品色])"
)


def is_wrapped(lines: list[str]) -> tuple[bool, float]:
    """Hard-wrapped text has many lines at one printed width that stop mid-sentence; return
    (wrapped, that width)."""
    widths: list[int] = []
    open_widths: list[int] = []  # widths of the lines that stop mid-sentence
    for line in lines:
        s = line.strip()
        if len(s) >= 4 and not is_debris(s) and not starts_debris_section(s):  # page chrome
            w = round(width(s))
            widths.append(w)
            if not ends_sentence(s):
                open_widths.append(w)
    body = [w for w in widths if w >= 12]  # headings, dates and captions are not the measure
    if len(widths) < 4 or not body:
        return False, 0.0
    common = Counter(body).most_common()
    mode = max(common[:3], key=lambda kv: (kv[1], kv[0]))[0]
    # the measure or one short of it (a paragraph's first line, the commonest in short ones)
    cut = sum(1 for w in open_widths if mode - 2 <= w <= mode + 1.5)
    return (12 <= mode <= 60 and cut >= max(3, 0.2 * len(widths))), float(mode)


def double_spaced(lines: list[str]) -> bool:
    """Most lines followed by a blank one: the blank lines are the extractor's, not breaks."""
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    if len(nonblank) < 8:
        return False
    followed = sum(1 for i in nonblank if i + 1 < len(lines) and not lines[i + 1].strip())
    return followed / len(nonblank) >= 0.8


def ends_marked(lines: list[str]) -> bool:
    """The file marks a paragraph's end: most lines ending a sentence carry a trailing space
    (``…が求められよう。␠``), so one without it, however full, runs on."""
    ends = marked = 0
    for line in lines:
        if ends_sentence(line):
            ends += 1
            marked += line[-1:] == " "
    return ends >= 6 and marked >= 0.6 * ends


_FIRST_TOKEN = compiled(r"[0-9０-９]+|.")


def has_room(line: str, after: str, measure: float) -> bool:
    """The next line's first character (or number, never split) would have fitted on this
    line within ``measure``: the line was not cut by the page's width, so it ended there —
    a paragraph's last line, or a first line set one character short by its indent."""
    m = _FIRST_TOKEN.match(after.strip())
    if m is None or m.group(0) in "。、，．）」』":
        return False  # a closing mark may hang past the measure
    # half-width letters' widths are only estimated: capitals run wider than the estimate
    upper = sum(1 for ch in line if "A" <= ch <= "Z")
    slack = 0.12 * upper + 0.02 * (len(line.encode("ascii", "ignore")) - upper) - 0.01
    return set_width(line, hanging=False) + width(m.group(0)) <= measure - slack


#: Characters that may not start a line (行頭禁則), other than the closing marks that hang
#: past its end instead: one of them takes the character before it to the next line.
_NO_LINE_START = frozenset("・ー々ゝゞっゃゅょぁぃぅぇぉゎァィゥェォッャュョヮヵヶ！？")


def starts_pushed(line: str) -> bool:
    """The line starts with a character pushed over from the line before (追い出し): its
    second may not start a line (``残っ…``), so the one before it came along."""
    s = line.strip()
    return len(s) > 1 and s[1] in _NO_LINE_START


def indented_firsts(lines: list[str], flow: float) -> bool:
    """A paragraph's first line is set one character short (its indent, lost in extraction):
    most lines after a clear paragraph end (a sentence's end well short of the measure) are."""
    one_short = total = 0
    prev = ""
    for line in lines:
        s = line.strip()
        if not s:
            continue
        if prev and ends_sentence(prev) and set_width(prev, hanging=False) < flow - 3:
            w = set_width(s)
            if flow - 3 <= w <= flow + 1.5 and not ends_sentence(s):  # a body line
                total += 1
                one_short += flow - 1.6 <= w <= flow - 0.4
        prev = s
    return total >= 4 and one_short >= 0.6 * total


def stray_blanks(lines: list[str], flow: float) -> bool:
    """Blank lines that mean nothing: the extractor puts some inside paragraphs, after a line
    the page's width cut mid-sentence (several of them, so not a one-off)."""
    cut = 0
    for k in range(len(lines) - 2):
        if lines[k + 1].strip() or not lines[k + 2].strip():
            continue
        s = lines[k].strip()
        if s and not ends_sentence(s) and abs(set_width(s) - flow) <= 1.0:
            cut += 1
            if cut >= 3:
                return True
    return False


def page_width(lines: list[str]) -> float:
    """The widest lines of the page (98th percentile): what a full footnote line reaches."""
    ordered = sorted(width(s) for s in (line.strip() for line in lines) if s)
    return ordered[int(0.98 * (len(ordered) - 1))] if ordered else 0.0


def tolerance(line: str, maxw: float, nlines: int, last: str) -> float:
    """How much wider than its paragraph a line may be and still belong to it: a little, and
    more for half-width characters, whose printed width we can only estimate."""
    uncertain = len(line.encode("ascii", "ignore"))
    if nlines == 1:  # the paragraph's width is only an estimate from one line
        uncertain += len(last.encode("ascii", "ignore"))
    return 1 + 0.04 * maxw + 0.12 * uncertain


def full_width_cells(line: str) -> int | None:
    """How many full-width characters a line holds, footnote markers left out; ``None`` when
    it holds other half-width characters, whose printed width is only an estimate.

    Exact counts let a paragraph's first line be told by its indent: the PDF sets it one
    character in, and the extraction drops the indent but not the shorter line.
    """
    s = line.strip()
    if "(" in s[1:] or "（" in s[1:]:
        s = s[:1] + _PAREN_MARKER.sub("", s[1:])
    s = _MARKER.sub("", s)
    return len(s) if s and width(s) == len(s) else None


_PAREN_MARKER = compiled(r"[（(][0-9]{1,3}[）)](?=[^\s（(])")


#: Bare digits that can only be a note marker (set small): glued to a word and followed by
#: punctuation or a particle (``こと13。``, ``再登場1を``); ``19世紀`` stays.
_STRONG_MARKER = compiled(
    rf"(?<=[{KANJI}{KANA}ー」』）])[0-9]{{1,3}}(?=[。、，．」』）]|[ぁ-ざじ-ゖ](?<!つ))"
)


_DIGIT = compiled("[0-9]")


def set_width(line: str, *, hanging: bool = True) -> float:
    """The width a line takes in the page's measure: footnote markers (set small above the
    line: ``(1)``, and bare digits before punctuation or a particle) left out, and a closing
    。 or 、 hanging past the measure (ぶら下げ) not counted."""
    s = line.strip()
    if "(" in s[1:] or "（" in s[1:]:
        s = s[:1] + _PAREN_MARKER.sub("", s[1:])  # a leading (1) is numbering, not a marker
    if _DIGIT.search(s):
        s = _STRONG_MARKER.sub("", s)
    w = width(s)
    return w - 1 if hanging and s.endswith(("。", "、")) and w > 12 else w


def measure_cells(lines: list[str]) -> int:
    """The page's measure in characters, where its lines are set exactly: the most common
    count of full-width characters among lines that stop mid-sentence (0 if none is common)."""
    counts = Counter(
        c
        for c in (
            full_width_cells(line) for line in lines if line.strip() and not ends_sentence(line)
        )
        if c is not None and c >= 12
    )
    if not counts:
        return 0
    cells, n = counts.most_common(1)[0]
    return cells if n >= max(5, 0.3 * sum(counts.values())) else 0
