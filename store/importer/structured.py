"""Blocks a structured source states outright (PDF layout, HTML, EPUB) → :class:`Document`.

The text importer has to guess paragraphs, notes and ruby back from lines; a PDF's layout or an
HTML tree says them. Those importers hand over :class:`Piece` s whose spans are already known,
and this module does the part every source shares: footnote ids (a numbering that restarts is
a new scope, as in :func:`store.importer.footnotes.assign_ids`), markers that only a pattern
finds (``(1)`` at body size, via :func:`store.importer.footnotes.link_markers`), page starts,
heading levels shifted to start at 1, and the title.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from store.counts import count
from store.importer.footnotes import NoteDef, assign_ids, link_markers
from store.importer.sanitize import sanitize
from store.model import Block, Document, Emphasis, Footnote, PageStart, Ref, Ruby
from store.terminal_safe import clean_line

_DIGITS = re.compile(r"[0-9]+")


@dataclass
class Piece:
    """One block as the source states it; every offset is into ``text``."""

    kind: str
    text: str = ""
    level: int = 0
    ruby: list[Ruby] = field(default_factory=list)
    emphasis: list[Emphasis] = field(default_factory=list)
    #: Note markers: ``(offset, key)``, the marker drawn after ``text[offset - 1]``; ``key``
    #: names a :class:`NoteSource`. The marker's own characters are not in ``text``.
    marks: list[tuple[int, str]] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    #: ``(offset, label)``: page ``label`` starts at ``text[offset]``.
    pages: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class NoteSource:
    """A footnote or endnote: ``label`` as printed (``1``, ``(2)``, ``※``, ``*``)."""

    key: str
    label: str
    text: str
    ruby: list[Ruby] = field(default_factory=list)
    #: Index of the piece the note's page starts at (where a pattern search for its marker
    #: is centred); only for notes whose markers are not known (``marks``).
    near: int = -1


_NOTES_HEADING = re.compile(
    r"^[【＜<(（\[■]?(?:注|注記|脚注|注釈|註|原注|Notes?|Endnotes|Footnotes)[】＞>)）\]]?$", re.I
)
_ENDNOTE_LABEL = re.compile(
    r"^(?P<label>[(（][0-9０-９]{1,3}[)）]|[0-9０-９]{1,3}(?=[ 　.．:：)）])|※[0-9０-９]*|[*＊][0-9０-９]*|注[0-9０-９]{1,3})"
    r"[ 　.．:：)）]*"
)


_KOME_NOTE = re.compile(r"^(?P<label>※[0-9０-９]{1,3})[ 　:：]*(?P<text>\S.*)$")


def endnotes(pieces: list[Piece], notes: list[NoteSource]) -> tuple[list[Piece], list[NoteSource]]:
    """Notes the source did not link: the items under a ``注`` / ``Notes`` heading, each opening
    with its label (``1``, ``(1)``, ``※1``) or numbered by its place in a list, and ``※1 …``
    paragraphs anywhere. They are taken out of the text and their markers found by number, as
    the text importer finds endnotes."""
    out: list[Piece] = []
    found: list[NoteSource] = []
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        m = _KOME_NOTE.match(piece.text.strip()) if piece.kind in ("paragraph", "meta") else None
        if m and m.group("text"):  # ※1 … stands for a note wherever it is (as in the text)
            key = f"end{len(notes) + len(found) + 1}"
            found.append(NoteSource(key, m.group("label"), m.group("text"), near=len(out)))
            if piece.pages:
                out.append(Piece("paragraph", "", pages=piece.pages))
            i += 1
            continue
        if piece.kind != "heading" or not _NOTES_HEADING.match(piece.text.strip()):
            out.append(piece)
            i += 1
            continue
        j = i + 1
        items: list[NoteSource] = []
        while j < len(pieces) and pieces[j].kind in ("paragraph", "list_item", "meta"):
            text = pieces[j].text.strip()
            m = _ENDNOTE_LABEL.match(text)
            if m:
                label, body = m.group("label"), text[m.end() :]
            elif pieces[j].kind == "list_item":
                label, body = str(len(items) + 1), text
            else:
                break
            items.append(
                NoteSource(f"end{len(notes) + len(found) + len(items)}", label, body, near=len(out))
            )
            j += 1
        if not items:
            following = next((p for p in pieces[j:] if p.text.strip()), None)
            if following is None or following.kind == "heading":
                # the heading of a notes section whose notes were linked and read out
                if piece.pages:
                    out.append(Piece("paragraph", "", pages=piece.pages))
            else:
                out.append(piece)
            i += 1
            continue
        found.extend(items)
        carried = [page for p in pieces[i:j] for page in p.pages]
        if carried:
            out.append(Piece("paragraph", "", pages=[(0, label) for _, label in carried]))
        i = j
    return out, notes + found


def label_shape(label: str) -> tuple[str, str]:
    """``("(#)", "12")`` for ``（12）``: the label's form with digits as ``#``, and the number."""
    norm = unicodedata.normalize("NFKC", label).strip()
    m = _DIGITS.search(norm)
    if not m:
        return norm, ""
    return norm[: m.start()] + "#" + norm[m.end() :], m.group(0)


def note_ids(labels: list[str]) -> list[str]:
    """Ids for notes in definition order: the number, ``2-1`` for a numbering of one form that
    restarts (a box's own notes), the label itself when it has no number; never twice the same."""
    defs: list[NoteDef] = []
    style_of: dict[str, str] = {}  # a label form -> the numbering it belongs to
    last = 0
    for label in labels:
        shape, number = label_shape(label)
        if number and shape.startswith("※"):
            defs.append(NoteDef("note", f"※{int(number)}", ""))  # as the text importer: ※1
        elif number:
            if shape not in style_of:
                # a new form carrying on the numbering (1, then [2]) is the same sequence
                same = int(number) == last + 1 and defs and defs[-1].style.startswith("n")
                style_of[shape] = defs[-1].style if same else f"n{shape}"
            last = int(number)
            defs.append(NoteDef(style_of[shape], str(int(number)), ""))
        else:
            defs.append(NoteDef("md", shape or "*", ""))
    assign_ids(defs)
    seen: set[str] = set()
    ids = []
    for d in defs:
        nid = d.full_id
        while nid in seen:
            nid += "'"
        seen.add(nid)
        ids.append(nid)
    return ids


def build(
    pieces: list[Piece],
    notes: list[NoteSource],
    *,
    name: str,
    metadata: dict[str, str] | None = None,
    notices: list[str] | None = None,
) -> Document:
    """Assemble the document: drop empty pieces (their page starts move on), give notes ids,
    turn marks into refs, link the remaining notes by pattern, record where pages start."""
    ids = dict(zip((n.key for n in notes), note_ids([n.label for n in notes]), strict=True))
    blocks: list[Block] = []
    starts: list[PageStart] = []
    carried: list[str] = []  # page starts of dropped pieces, waiting for the next block
    kept_index: dict[int, int] = {}
    levels = [p.level for p in pieces if p.kind == "heading" and p.text.strip()]
    shift = min(levels) - 1 if levels else 0
    for i, piece in enumerate(pieces):
        text = piece.text
        if not text.strip() and piece.kind != "table":
            carried.extend(label for _, label in piece.pages)
            continue
        index = len(blocks)
        kept_index[i] = index
        for label in carried:
            starts.append(PageStart(index, 0, label))
        carried = []
        for offset, label in piece.pages:
            starts.append(PageStart(index, min(offset, len(text)), label))
        refs = sorted(
            (Ref(offset, ids[key]) for offset, key in piece.marks if key in ids),
            key=lambda r: r.offset,
        )
        level = max(1, piece.level - shift) if piece.kind == "heading" else 0
        blocks.append(
            Block(
                piece.kind,  # type: ignore[arg-type]  # a str; the builders set only BlockKind names
                text,
                level,
                ruby=sorted(piece.ruby, key=lambda r: r.start),
                refs=refs,
                emphasis=sorted(piece.emphasis, key=lambda e: (e.start, e.end)),
                rows=piece.rows,
            )
        )
    _link_unmarked(blocks, notes, ids, kept_index)
    footnotes = [Footnote(ids[n.key], n.text, ruby=n.ruby) for n in notes]
    linked = {r.footnote_id for b in blocks for r in b.refs}
    notices = list(notices or [])
    unlinked = [f.id for f in footnotes if f.id not in linked]
    if unlinked:
        notices.append(
            f"{count(len(unlinked), 'footnote')} without a marker in the text: {', '.join(unlinked[:5])}"
        )
    title = next((b.text for b in blocks if b.kind == "heading"), "")
    # The source's metadata and the file name are data like its text: no terminal control.
    meta = {k: clean for k, v in (metadata or {}).items() if v and (clean := sanitize(v)[0])}
    return Document(
        title=title or clean_line(meta.get("title", "") or name),
        blocks=blocks,
        footnotes=footnotes,
        metadata=meta,
        pages=_dedupe_pages(starts),
        notices=notices,
    )


def _link_unmarked(
    blocks: list[Block], notes: list[NoteSource], ids: dict[str, str], kept: dict[int, int]
) -> None:
    """Notes whose markers the source did not set apart (``(1)`` at body size): found by the
    text importer's marker search, in sequence, near the note's page."""
    marked = {r.footnote_id for b in blocks for r in b.refs}
    pending: list[NoteDef] = []
    for note in notes:
        nid = ids[note.key]
        if nid in marked or note.near < 0:
            continue
        shape, number = label_shape(note.label)
        if not number:
            continue
        near = next((kept[j] for j in range(note.near, note.near + 50) if j in kept), len(blocks))
        if shape.startswith("※"):  # ※1 notes: their marker is ※1 itself, wherever it stands
            pending.append(NoteDef("note", f"※{number}", note.text, block=near, full_id=nid))
            continue
        style = "paren" if shape == "(#)" else "bare"
        pending.append(NoteDef(style, number, note.text, block=near, full_id=nid))
    if pending:
        link_markers(blocks, pending)


def _dedupe_pages(starts: list[PageStart]) -> list[PageStart]:
    """One start per place: of several pages starting at the same place (pages without text),
    the last one is where the text is."""
    out: list[PageStart] = []
    for start in starts:
        if out and (out[-1].block, out[-1].offset) == (start.block, start.offset):
            out[-1] = start
        else:
            out.append(start)
    return out
