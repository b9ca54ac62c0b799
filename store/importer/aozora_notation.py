"""One line of Aozora Bunko text → plain text with its ruby, emphasis, headings and commands.

The notation is the archive's own (its manual, 注記一覧 and 外字注記辞書):

- ruby ``漢字《かんじ》``: without ``｜`` the base is the run of characters of one kind before
  ``《`` (kanji — a gaiji counts as one —, hiragana, katakana, full-width Latin, ASCII words);
  ``｜`` marks where a longer or mixed base starts (any length, notes inside it allowed);
- ``※［＃…、第3水準1-84-77］`` gaiji, resolved by :mod:`store.importer.gaiji`; one with no code
  becomes ``〓`` and is reported with its description (the caller turns it into a note);
- ``［＃…］`` notes, nested notes included: headings (``「X」は中見出し``, ``同行``/``窓`` forms,
  ``［＃中見出し］X［＃中見出し終わり］``, ``ここから…見出し``), emphasis (``傍点``/``傍線``
  of every style, ``太字``, ``斜体``, inline and block forms), ruby given as a note
  (``「X」に「Y」のルビ``, ``注記``, ``注記付き``), 返り点 (drawn with the kanbun marks
  ``㆒㆑``), 訓点送り仮名, 割り注 (kept in parentheses), and layout (字下げ, 地付き, 改ページ,
  罫囲み, captions and figures) reported as commands; every other note is dropped;
- くの字点 ``／＼`` ``／″＼`` → ``〳〵`` ``〴〵`` and accent decomposition ``〔e'〕`` → ``é``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from store.importer.gaiji import accents, kunoji, kunoji_written_out, resolve
from store.japanese.chars import is_hiragana, is_kanji, is_katakana
from store.model import Emphasis, EmphasisKind, Ruby
from store.patterns import compiled

#: Where notation starts: a gaiji or other note, a ruby base mark, a reading.
_SPECIAL = compiled(r"※［＃|［＃|｜|《")
_SIZE = {"大": 1, "中": 2, "小": 3}
_DOTS = r"(?:[^「」]*傍点|[^「」]*傍線|二重傍線|鎖線|破線|波線|太字|斜体)"

_HEADING_OF = compiled(r"^「(?P<x>.+)」は(?P<kind>同行|窓)?(?P<size>[大中小])見出し$")
_HEADING_OPEN = compiled(r"^(?P<here>ここから)?(?:同行|窓)?(?P<size>[大中小])見出し$")
_HEADING_CLOSE = compiled(r"^(?:ここで)?(?:同行|窓)?(?P<size>[大中小])見出し終わり$")
_EMPH_OF = compiled(rf"^「(?P<x>.+)」(?:(?:の左)?に(?P<mark>{_DOTS})|は(?P<face>太字|斜体))$")
_EMPH_OPEN = compiled(rf"^(?P<here>ここから)?(?:左に)?(?P<mark>{_DOTS})$")
_EMPH_CLOSE = compiled(rf"^(?:ここで)?(?:左に)?(?P<mark>{_DOTS})終わり$")
_RUBY_OF = compiled(r"^「(?P<x>.+)」(?:の左)?に「(?P<y>.+)」の(?:ルビ|注記)$")
_NOTE_OPEN = compiled(r"^(?:左に)?注記付き$")
_NOTE_CLOSE = compiled(r"^(?:左に)?「(?P<y>.+)」の注記付き終わり$")
_KAERITEN = compiled(r"^(?P<order>[一二三四上中下甲乙丙丁天地人])?(?P<re>レ)?$")
_KUNTEN_KANA = compiled(r"^（(?P<kana>[^（）]+)）$")
_CAPTION_OF = compiled(r"^「(?P<x>.+)」はキャプション$")
_FIGURE = compiled(r"^(?:「(?P<x>.+)」の)?(?:キャプション付きの)?(?:図|写真|挿絵|.*の図).*入る$")
#: What stands in the text for a figure set inside a sentence.
FIGURE_PLACE = "〔図〕"
_KANBUN = dict(zip("一二三四上中下甲乙丙丁天地人レ", "㆒㆓㆔㆕㆖㆗㆘㆙㆚㆛㆜㆝㆞㆟㆑", strict=True))


@dataclass
class Parsed:
    """A line's text and what its notation said about it (offsets into ``text``)."""

    text: str
    ruby: list[Ruby] = field(default_factory=list)
    emphasis: list[Emphasis] = field(default_factory=list)
    #: ``(offset, note)`` of each gaiji left as 〓 (no code): the note's body.
    gaiji: list[tuple[int, str]] = field(default_factory=list)
    #: ``(start, end, size)`` spans marked as headings (size 1 大, 2 中, 3 小).
    headings: list[tuple[int, int, int]] = field(default_factory=list)
    #: Layout notes that concern the line or a region: ``("here", "字下げ")``,
    #: ``("open", "字下げ")``, ``("close", "字下げ")``, ``("open", "見出し2")``,
    #: ``("caption", text)``, ``("here", "地付き")``…
    commands: list[tuple[str, str]] = field(default_factory=list)
    #: Emphasis opened on this line and not closed on it (a block form running on).
    open_emphasis: str = ""

    def strip(self) -> Parsed:
        """Leading and trailing spaces (the paragraph indent) removed, offsets shifted."""
        text = self.text
        lead = len(text) - len(text.lstrip(" \u3000\t"))
        end = len(text.rstrip(" \u3000\t"))
        if lead == 0 and end == len(text):
            return self
        self.text = text[lead:end]
        n = len(self.text)

        def cut(a: int, b: int) -> tuple[int, int]:
            return max(0, min(n, a - lead)), max(0, min(n, b - lead))

        self.ruby = [Ruby(*cut(r.start, r.end), r.reading) for r in self.ruby]
        self.ruby = [r for r in self.ruby if r.start < r.end]
        self.emphasis = [Emphasis(*cut(e.start, e.end), e.kind) for e in self.emphasis]
        self.emphasis = [e for e in self.emphasis if e.start < e.end]
        self.gaiji = [(cut(o, o)[0], note) for o, note in self.gaiji]
        self.headings = [(*cut(a, b), s) for a, b, s in self.headings]
        return self


def _close(s: str, start: int) -> int:
    """Index of the ``］`` closing the note opened by the ``［`` at ``start`` (nested notes
    counted), or -1."""
    depth = 0
    for i in range(start, len(s)):
        ch = s[i]
        if ch == "［":
            depth += 1
        elif ch == "］":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _kind(ch: str) -> str:
    """The character's kind for finding a ruby base (a run of one kind before ``《``)."""
    if is_kanji(ch) or ch in "※〇":
        return "kanji"
    if ch in "ー":
        return "long"
    if is_hiragana(ch):
        return "hiragana"
    if is_katakana(ch):
        return "katakana"
    o = ord(ch)
    if 0xFF10 <= o <= 0xFF5A and ch.isalnum() or 0x391 <= o <= 0x3C9 or 0x410 <= o <= 0x44F:
        return "zenkaku"
    if ch.isascii() and (ch.isalnum() or ch in "-'&") or 0xC0 <= o <= 0x24F:
        return "latin"
    return ""


def plain(raw: str) -> str:
    """The text a piece of notation reads as (a reading, a note's quoted text): gaiji
    resolved, notes and ruby marks dropped."""
    if "［＃" not in raw and "｜" not in raw and "《" not in raw:
        return kunoji(raw)
    return parse(raw).text


class _Line:
    """Builds one line's :class:`Parsed`."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.length = 0
        self.gaiji_at: set[int] = set()
        self.bar = -1
        self.barrier = 0  # a ruby base never reaches back past the previous ruby
        self.out = Parsed("")
        self.open: dict[str, tuple[int, str]] = {}  # inline block forms: name → (start, data)

    def text(self) -> str:
        if len(self.pieces) > 1:
            self.pieces = ["".join(self.pieces)]
        return self.pieces[0] if self.pieces else ""

    def add(self, text: str) -> None:
        if text:
            self.pieces.append(text)
            self.length += len(text)

    def find(self, quoted: str) -> tuple[int, int] | None:
        """The span of the text a note quotes (``「X」``): its last occurrence so far, a ``※``
        in the quote standing for any gaiji."""
        target = plain(quoted)
        text = self.text()
        at = text.rfind(target)
        if at >= 0:
            return at, at + len(target)
        if "※" in quoted or "〓" in target:
            pattern = "".join(
                ".{1,2}" if ch in "※〓" else re.escape(ch) for ch in quoted.replace("〓", "※")
            )
            found = None
            for m in re.finditer(pattern, text):
                found = m
            if found:
                return found.start(), found.end()
        return None

    def base_start(self) -> int:
        """Where a ruby base without ``｜`` starts: the run of one kind ending here."""
        text = self.text()
        i = len(text)
        if not i:
            return i
        kind = "kanji" if i - 1 in self.gaiji_at else _kind(text[i - 1])
        if not kind:
            return i
        while i > self.barrier:
            k = "kanji" if i - 1 in self.gaiji_at else _kind(text[i - 1])
            if (
                k == kind
                or (k == "long" and kind == "katakana")
                or (kind == "long" and k in ("katakana", "long"))
            ):
                i -= 1
            else:
                break
        return i

    def ruby(self, start: int, end: int, reading: str) -> None:
        reading = kunoji_written_out(reading)
        if (
            start < end
            and reading
            and not any(r.start < end and start < r.end for r in self.out.ruby)
        ):
            self.out.ruby.append(Ruby(start, end, reading))

    def emphasis(self, start: int, end: int, kind: EmphasisKind) -> None:
        if start < end:
            self.out.emphasis.append(Emphasis(start, end, kind))

    # -- notes ----------------------------------------------------------------------------------

    def note(self, body: str) -> None:  # noqa: C901 - one branch per kind of note
        here = self.length
        if m := _HEADING_OF.match(body):
            span = self.find(m.group("x"))
            size = _SIZE[m.group("size")]
            if span:
                self.out.headings.append((*span, size))
            else:
                self.out.commands.append(("here", f"見出し{size}"))
        elif m := _HEADING_OPEN.match(body):
            size = _SIZE[m.group("size")]
            if m.group("here"):
                self.out.commands.append(("open", f"見出し{size}"))
            else:
                self.open["heading"] = (here, str(size))
        elif m := _HEADING_CLOSE.match(body):
            opened = self.open.pop("heading", None)
            if opened is not None:
                self.out.headings.append((opened[0], here, int(opened[1])))
            else:
                self.out.commands.append(("close", "見出し"))
        elif m := _EMPH_OF.match(body):
            span = self.find(m.group("x"))
            if span:
                self.emphasis(*span, "italic" if m.group("face") == "斜体" else "bold")
        elif m := _EMPH_OPEN.match(body):
            kind = "italic" if m.group("mark") == "斜体" else "bold"
            if m.group("here"):
                self.out.commands.append(("open", kind))
            else:
                self.open["emphasis"] = (here, kind)
        elif m := _EMPH_CLOSE.match(body):
            opened = self.open.pop("emphasis", None)
            if opened is not None:
                self.emphasis(opened[0], here, "italic" if opened[1] == "italic" else "bold")
            else:
                self.out.commands.append(("close", "emphasis"))
        elif m := _RUBY_OF.match(body):
            span = self.find(m.group("x"))
            if span:
                self.ruby(*span, plain(m.group("y")))
        elif _NOTE_OPEN.match(body):
            self.open["note"] = (here, "")
        elif m := _NOTE_CLOSE.match(body):
            opened = self.open.pop("note", None)
            if opened is not None:
                self.ruby(opened[0], here, plain(m.group("y")))
        elif body and (m := _KAERITEN.match(body)):
            self.add("".join(_KANBUN[ch] for ch in body))
        elif m := _KUNTEN_KANA.match(body):
            self.add(plain(m.group("kana")))
        elif body == "割り注":
            self.add("（")
        elif body == "割り注終わり":
            self.add("）")
        elif m := _CAPTION_OF.match(body):
            self.out.commands.append(("here", "キャプション"))
        elif m := _FIGURE.match(body):
            if m.group("x"):
                self.out.commands.append(("caption", plain(m.group("x"))))
            elif self.length:
                # a figure inside a sentence (a formula set as an image: 例えば［＃…の図…入る］
                # のごとき): its place is shown, or the sentence reads as if nothing were there
                self.add(FIGURE_PLACE)
        else:
            self._layout(body)

    def _layout(self, note: str) -> None:
        """Layout notes: which regions open and close, what this line is set as. Names are
        kept without their numbers, but for an indent's (``２字下げ``), read by :func:`indent_of`."""
        body = re.sub(r"[0-9０-９]+", "", note)
        if indent_of(note) is not None:
            body = note
        if body.startswith("ここで") and body.endswith("終わり"):
            self.out.commands.append(("close", body[3:-3]))
        elif body.startswith("ここから"):
            self.out.commands.append(("open", body[4:]))
        elif indent_of(body) is not None and not body.endswith("終わり"):
            self.out.commands.append(("here", body))  # ［＃２字下げ］: this line's paragraph
        elif body in (
            "地付き",
            "地から字上げ",
            "字下げ",
            "天から字下げ",
            "改ページ",
            "改丁",
            "改段",
            "改見開き",
            "ページの左右中央",
            "本文終わり",
            "キャプション",
        ):
            self.out.commands.append(("here", body))
        elif body == "キャプション終わり":
            pass


_INDENT = compiled(
    r"^(?:(?:改行)?天付き|(?:天から)?(?P<first>\d+)字下げ)(?:、折り返して(?P<rest>\d+)字下げ)?$"
)


def indent_of(note: str) -> tuple[int, int] | None:
    """``(first line, wrapped lines)`` indent in characters a 字下げ note sets: ``２字下げ``
    (2, 2), ``３字下げ、折り返して４字下げ`` (3, 4), ``改行天付き、折り返して２字下げ`` (0, 2); a
    ``ここから`` before it is allowed. None for any other note (天付き alone included)."""
    m = _INDENT.match(note.removeprefix("ここから"))
    if m is None or (m.group("first") is None and m.group("rest") is None):
        return None
    first = int(m.group("first") or 0)
    return first, int(m.group("rest") or first)


def parse(raw: str) -> Parsed:
    """Parse one line (or a piece of notation) of Aozora text."""
    raw = kunoji(accents(raw))
    line = _Line()
    pos = 0
    n = len(raw)
    while pos < n:
        m = _SPECIAL.search(raw, pos)
        if m is None:
            line.add(raw[pos:])
            break
        line.add(raw[pos : m.start()])
        token = m.group(0)
        if token in ("※［＃", "［＃"):
            bracket = m.start() + (1 if token == "※［＃" else 0)
            end = _close(raw, bracket)
            if end < 0:  # an unclosed note: the rest of the line is its body
                end = n
            body = raw[bracket + 2 : end]
            pos = end + 1
            if token == "※［＃":
                ch = resolve(body)
                if ch is None:
                    line.out.gaiji.append((line.length, body))
                    ch = "〓"
                line.gaiji_at.update(range(line.length, line.length + len(ch)))
                line.add(ch)
            else:
                line.note(body)
        elif token == "｜":
            line.bar = line.length
            pos = m.end()
        else:  # 《
            close = raw.find("》", m.end())
            if close < 0:
                line.add(raw[m.start() :])  # no reading: the bracket is text
                break
            reading = plain(raw[m.end() : close])
            start = line.bar if line.bar >= 0 else line.base_start()
            line.bar = -1
            if start >= line.length or not reading:
                line.add(raw[m.start() : close + 1])  # nothing to put it on: keep it as text
            else:
                line.ruby(start, line.length, reading)
                line.barrier = line.length
            pos = close + 1
    out = line.out
    out.text = line.text()
    for name, (start, data) in line.open.items():
        if name == "heading":  # a heading running on to the line's end (or the next lines)
            out.headings.append((start, line.length, int(data)))
        elif name == "emphasis":
            line.emphasis(start, line.length, "italic" if data == "italic" else "bold")
            out.open_emphasis = data
    out.ruby.sort(key=lambda r: r.start)
    out.emphasis.sort(key=lambda e: (e.start, e.end))
    return out
