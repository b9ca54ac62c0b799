"""Aozora Bunko text files → a :class:`Document`: header, symbol legend, body, colophon.

The file's parts, as the archive writes them: a header of short lines (title, subtitle or
original title, author, translator or editor) ended by a blank line; an optional symbol legend
(``【テキスト中に現れる記号について】``), between two rules of hyphens or without them; the body,
one paragraph per line; the colophon from ``底本：`` on. Header and colophon statements go into
``Document.metadata`` (``title``, ``subtitle``, ``author``, ``translator``, ``source``).

Body lines are parsed by :mod:`store.importer.aozora_notation`; this module turns what the
notes say into blocks: headings at the levels of the 見出し sizes the work uses (the title is
level 1), ``ここから…字下げ`` regions and boxes as ``quote``, captions and short lines set at the
foot (地付き) as ``meta``, ``ここから…見出し`` headings spanning lines, emphasis regions. A gaiji
the file gives no code for is shown as ``〓`` with a note holding its description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from store.importer.aozora_notation import Parsed, indent_of, parse, plain
from store.model import Block, Document, Emphasis, Footnote, Ref, Ruby
from store.patterns import compiled

_LEGEND = "【テキスト中に現れる記号について】"
_RULE = compiled(r"^[ 　]*[-－=＝]{5,}[ 　]*$")
_LEGEND_LINE = compiled(r"^(?:.{1,24}[：:]|（例）|[ 　]{2,}\S|[-－]{5,}|【テキスト中)")
_FOOTER = compiled(r"^(?:底本|翻訳の底本)[：:]")
_FOOTER_ALT = compiled(
    r"^(?:入力者注|(?:テキスト)?入力(?:者)?[：:]|校正(?:者)?[：:]|青空文庫(?:作成|収録)ファイル[：:])"
)
_BODY_END = compiled(r"^[ 　]*［＃本文終わり］[ 　]*$")
_COLOPHON_LINE = compiled(
    r"^(?:底本|底本の親本|親本|初出|入力|校正|翻訳|原作|原題|編集|青空文庫|※|このファイル|[ 　])"
)
_ROLE = compiled(r"(?:訳|翻訳|編|編集|編纂|編著|校訂|校注|校閲|監修|選|抄訳|訳注|補|注)$")
_MAX_HEADER = 8


@dataclass
class AozoraParts:
    """The header lines (title, author …), the body lines and the colophon lines."""

    header: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)


def looks_aozora(lines: list[str]) -> bool:
    """An Aozora text: its symbol legend near the top, or the archive's colophon at the end
    (with the archive's name, or notation in the text)."""
    if any(_LEGEND in line for line in lines[:80]):
        return True
    tail = lines[-200:]
    if not any(_FOOTER.match(line) or _FOOTER_ALT.match(line) for line in tail):
        return False
    return (
        any("青空文庫" in line for line in tail)
        or sum(1 for line in lines if "［＃" in line or "《" in line) >= 3
    )


def _header_end(lines: list[str], start: int) -> int:
    """Where the header (the short lines from ``start`` up to a blank line) ends."""
    i = start
    while i < len(lines) and i - start < _MAX_HEADER:
        s = lines[i].strip()
        if not s or _RULE.match(s) or _LEGEND in s or len(s) > 80:
            break
        i += 1
    if i - start >= _MAX_HEADER or (i < len(lines) and len(lines[i].strip()) > 80):
        return start + 1 if i > start else start  # no blank line after it: the title alone
    # an author set apart by blank lines: one short name line, then a blank line
    j = i
    while j < len(lines) and not lines[j].strip():
        j += 1
    name = lines[j].strip() if j < len(lines) else ""
    if (
        i > start
        and 0 < len(name) <= 20
        and not lines[j].startswith(("\u3000", " "))
        and not any(ch in name for ch in "。、「」［＃【")
        and j + 1 < len(lines)
        and not lines[j + 1].strip()
        and not _RULE.match(name)
    ):
        return -(j + 1)  # negative: the header takes the blank lines and the name too
    return i


def _legend_end(lines: list[str], i: int) -> int:
    """The end of a symbol legend starting at ``i`` (a rule, or the legend's heading)."""
    if _RULE.match(lines[i].strip()):
        for j in range(i + 1, min(len(lines), i + 80)):
            if _RULE.match(lines[j].strip()):
                return j + 1
        return i + 1
    j = i
    while j < len(lines) and (not lines[j].strip() or _LEGEND_LINE.match(lines[j])):
        j += 1
    return j


def _footer_start(lines: list[str]) -> int:
    """Where the colophon starts (``len(lines)`` when there is none): after ``［＃本文終わり］``,
    else at ``底本：``, else at the first of the lines naming who entered and proofread it."""
    n = len(lines)
    lo = max(0, n - 200)
    end = next((i for i in range(n - 1, lo - 1, -1) if _BODY_END.match(lines[i])), -1)
    if end >= 0:
        return end + 1
    start = next((i for i in range(lo, n) if _FOOTER.match(lines[i])), -1)
    if start >= 0:
        return start
    start = next((i for i in range(lo, n) if _FOOTER_ALT.match(lines[i])), -1)
    if start < 0:
        return n
    while start > lo and lines[start - 1].strip() and _COLOPHON_LINE.match(lines[start - 1]):
        start -= 1
    return start


def split_aozora(lines: list[str]) -> AozoraParts:
    """Cut the header, the symbol legend and the colophon from the body."""
    parts = AozoraParts()
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    end = _header_end(lines, i)
    if end < 0:  # title, blank line(s), author
        end = -end
        parts.header = [line.rstrip() for line in lines[i:end] if line.strip()]
    else:
        parts.header = [line.rstrip() for line in lines[i:end]]
    i = end
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i < len(lines) and (_RULE.match(lines[i].strip()) or _LEGEND in lines[i]):
        i = _legend_end(lines, i)
    elif not parts.header or end == len(lines):
        i = end
    footer = _footer_start(lines)
    parts.body = lines[i:footer] if footer > i else lines[i:]
    parts.footer = [line for line in lines[footer:] if line.strip()] if footer > i else []
    return parts


def _metadata(header: list[str]) -> dict[str, str]:
    """Title, subtitle, author and translator/editor from the header's lines."""
    # indented header lines are an epigraph, not a subtitle or a name
    names = [plain(line).strip() for line in header if not line.startswith(("\u3000", " "))]
    names = [n for n in names if n]
    meta: dict[str, str] = {}
    if not names:
        return meta
    meta["title"] = names[0]
    rest = names[1:]
    roles = [n for n in rest if _ROLE.search(n) and len(n) <= 30]
    others = [n for n in rest if n not in roles]
    if roles:
        meta["translator"] = "、".join(roles)
    if others:
        meta["author"] = others[-1]
        if len(others) > 1:
            meta["subtitle"] = "　".join(others[:-1])
    return meta


class _Builder:
    """Body lines → blocks, keeping the open regions (字下げ, 罫囲み, 見出し, emphasis)."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.heading_of: dict[int, int] = {}  # block index → size
        self.footnotes: list[Footnote] = []
        self.regions: list[str] = []
        self.emphasis = ""
        self.heading: list[Parsed] | None = None
        self.heading_size = 2

    def emit(
        self, kind: str, parsed: Parsed, size: int = 0, indent: tuple[int, int] = (0, 0)
    ) -> None:
        if not parsed.text:
            return
        refs = []
        for offset, note in parsed.gaiji:
            fid = f"外字{len(self.footnotes) + 1}"
            self.footnotes.append(Footnote(fid, f"外字（JIS・Unicode にない字）：{note}"))
            refs.append(Ref(offset + 1, fid))
        block = Block(kind, parsed.text, ruby=parsed.ruby, emphasis=parsed.emphasis, refs=refs)  # type: ignore[arg-type]  # kind: a str; callers pass BlockKind names
        block.indent, block.hanging = indent
        if kind == "heading":
            self.heading_of[len(self.blocks)] = size
        self.blocks.append(block)

    def _region(self, op: str, name: str) -> None:
        if name.startswith("見出し"):
            if op == "open":
                self.heading = []
                self.heading_size = int(name[-1])
            elif self.heading is not None:
                self.emit("heading", _join(self.heading), self.heading_size)
                self.heading = None
            return
        if name in ("bold", "italic", "emphasis"):
            self.emphasis = name if op == "open" else ""
            return
        if op == "open":
            key = _region_key(name)
            self.regions = [r for r in self.regions if _region_key(r) != key or key == "罫囲み"]
            self.regions.append(name)
        else:
            key = _region_key(name)
            for k in range(len(self.regions) - 1, -1, -1):
                if _region_key(self.regions[k]) == key:
                    del self.regions[k]
                    break

    def line(self, raw: str) -> None:
        parsed = parse(raw).strip()
        here = set()
        captions = []
        for op, name in parsed.commands:
            if op in ("open", "close"):
                self._region(op, name)
            elif op == "caption":
                captions.append(name)
            else:
                here.add(name)
        for caption in captions:
            self.emit("meta", Parsed(caption))
        if parsed.open_emphasis:
            self.emphasis = ""  # its close is on a later line: that line's opener is implied
        if self.heading is not None:
            if parsed.text:
                self.heading.append(parsed)
            return
        if not parsed.text:
            return
        if self.emphasis:
            parsed.emphasis.append(Emphasis(0, len(parsed.text), self.emphasis))  # type: ignore[arg-type]  # a str, set by an "open" command, which names only bold or italic
        if parsed.headings:
            self._split_headings(parsed)
            return
        if any(n.startswith("見出し") for n in here):
            self.emit("heading", parsed, int(next(n for n in here if n.startswith("見出し"))[-1]))
            return
        kind = self._kind(parsed, here)
        self.emit(kind, parsed, indent=self._indent(here) if kind in ("paragraph", "quote") else (0, 0))

    def _indent(self, here: set[str]) -> tuple[int, int]:
        """The line's indent as its notes set it: its own ``［＃２字下げ］``, else the innermost
        open 字下げ region's (first line, wrapped lines), in characters; (0, 0) for none."""
        for name in (*sorted(here), *reversed(self.regions)):
            found = indent_of(name)
            if found is not None:
                return found
        return (0, 0)

    def _kind(self, parsed: Parsed, here: set[str]) -> str:
        if "キャプション" in here or any("キャプション" in r for r in self.regions):
            return "meta"
        foot = here & {"地付き", "地から字上げ"} or any(
            r.startswith(("地付き", "地から")) for r in self.regions
        )
        if foot and len(parsed.text) <= 40:
            return "meta"  # a date, a signature, （完）: set at the foot of the page
        if any(_region_key(r) in ("字下げ", "罫囲み") and "天付き" not in r for r in self.regions):
            return "quote"
        return "paragraph"

    def _split_headings(self, parsed: Parsed) -> None:
        pos = 0
        for start, end, size in sorted(parsed.headings):
            if start < pos:
                continue
            self.emit("paragraph", _slice(parsed, pos, start).strip())
            self.emit("heading", _slice(parsed, start, end).strip(), size)
            pos = end
        self.emit("paragraph", _slice(parsed, pos, len(parsed.text)).strip())

    def finish(self, title_level: int) -> None:
        if self.heading:
            self.emit("heading", _join(self.heading), self.heading_size)
        sizes = sorted(set(self.heading_of.values()))
        for index, size in self.heading_of.items():
            self.blocks[index].level = min(6, title_level + 1 + sizes.index(size))


def _region_key(name: str) -> str:
    for key in ("字下げ", "字上げ", "地付き", "罫囲み", "字詰め", "キャプション"):
        if key in name:
            return "字上げ" if key == "地付き" else key
    return name


def _slice(parsed: Parsed, start: int, end: int) -> Parsed:
    """The part ``[start, end)`` of a parsed line, with the spans inside it."""
    return Parsed(
        parsed.text[start:end],
        ruby=[
            Ruby(r.start - start, r.end - start, r.reading)
            for r in parsed.ruby
            if start <= r.start and r.end <= end
        ],
        emphasis=[
            Emphasis(max(e.start, start) - start, min(e.end, end) - start, e.kind)
            for e in parsed.emphasis
            if e.start < end and start < e.end
        ],
        gaiji=[(o - start, note) for o, note in parsed.gaiji if start <= o < end],
    )


def _join(lines: list[Parsed], sep: str = "\u3000") -> Parsed:
    """Lines of one heading (``ここから中見出し`` … ``ここで中見出し終わり``) or of the colophon
    as one."""
    out = Parsed("")
    for part in lines:
        shift = len(out.text) + (len(sep) if out.text else 0)
        out.text += (sep if out.text else "") + part.text
        out.ruby += [Ruby(r.start + shift, r.end + shift, r.reading) for r in part.ruby]
        out.emphasis += [Emphasis(e.start + shift, e.end + shift, e.kind) for e in part.emphasis]
        out.gaiji += [(o + shift, note) for o, note in part.gaiji]
    return out


def import_aozora(lines: list[str]) -> Document:
    """Build the document of an Aozora Bunko text (already decoded into lines)."""
    parts = split_aozora(lines)
    metadata = _metadata(parts.header)
    builder = _Builder()
    title_level = 0
    if parts.header:
        title = parse(parts.header[0]).strip()
        builder.blocks.append(Block("heading", title.text, 1, ruby=title.ruby))
        title_level = 1
        for extra in parts.header[1:]:
            builder.emit("meta", parse(extra).strip())
    for line in parts.body:
        builder.line(line)
    builder.finish(title_level)
    blocks = builder.blocks
    if parts.footer:
        colophon = _join([parse(line).strip() for line in parts.footer], "\n")
        blocks.append(Block("meta", colophon.text, ruby=colophon.ruby))
        first = colophon.text.split("\n", 1)[0]
        if _FOOTER.match(first):
            metadata["source"] = re.split("[：:]", first, maxsplit=1)[1].strip()
    return Document(
        title=metadata.get("title", ""),
        blocks=blocks,
        footnotes=builder.footnotes,
        metadata=metadata,
    )
