"""Blocks a structured source states outright (PDF layout, HTML, EPUB) → :class:`Document`.

The text importer has to guess paragraphs, notes and ruby back from lines; a PDF's layout or an
HTML tree says them. Those importers hand over :class:`Piece` s whose spans are already known,
and this module does the part every source shares, by the text importer's own rules: what
the page states about itself (a byline or dateline under the title, publication dates, an
author profile box: :mod:`store.importer.page_facts`) goes to metadata; boxes nest under
their section (:mod:`store.importer.sections`); footnote ids (a numbering that restarts is a
new scope, as in :func:`store.importer.footnotes.assign_ids`), markers that only a pattern
finds (``(1)`` at body size, via :func:`store.importer.footnotes.link_markers`), page starts,
heading levels shifted to start at 1, and the one title.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from store.counts import count
from store.importer import page_facts
from store.importer.footnotes import NoteDef, assign_ids, link_markers
from store.importer.headings import match_heading
from store.importer.sanitize import sanitize
from store.importer.sections import document_title, own_title
from store.importer.sections import nest_boxes as nest_boxes_in
from store.model import Block, Document, Emphasis, Footnote, PageStart, Ref, Ruby
from store.patterns import compiled
from store.terminal_safe import clean_line

_DIGITS = compiled(r"[0-9]+")


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
    #: A heading's style where the source says more than its text: ``title`` (the layout's
    #: title), ``box`` (a box's title, once nested).
    heading_style: str = ""
    #: Pieces of one box (コラム, a profile box) share a number; 0 outside boxes.
    box: int = 0


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


_NOTES_HEADING = compiled(
    r"^[【＜<(（\[■]?(?:注|注記|脚注|注釈|註|原注|Notes?|Endnotes|Footnotes)[】＞>)）\]]?$", re.I
)
_ENDNOTE_LABEL = compiled(
    r"^(?P<label>[(（][0-9０-９]{1,3}[)）]|[0-9０-９]{1,3}(?=[ 　.．:：)）])|※[0-9０-９]*|[*＊][0-9０-９]*|注[0-9０-９]{1,3})"
    r"[ 　.．:：)）]*"
)


_KOME_NOTE = compiled(r"^(?P<label>※[0-9０-９]{1,3})[ 　:：]*(?P<text>\S.*)$")


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
    """Assemble the document: the page's statements into metadata, boxes nested, empty pieces
    dropped (their page starts move on), notes given ids, marks turned into refs, the
    remaining notes linked by pattern, where pages start recorded, and the title."""
    # The source's metadata and the file name are data like its text: no terminal control.
    meta = {k: clean for k, v in (metadata or {}).items() if v and (clean := sanitize(v)[0])}
    pieces = state_facts(pieces, meta)
    pieces, notes = nest_boxes(pieces, notes)
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
    return Document(
        title=clean_line(document_title(meta, _own_title(pieces), name)),
        blocks=blocks,
        footnotes=footnotes,
        metadata=meta,
        pages=_dedupe_pages(starts),
        notices=notices,
    )


def heading_style(piece: Piece) -> str:
    """The style the outline rules see: what the source says (``title``, ``box``), else the
    numbering the text shows (``num``, ``paren_num``…), else its rank there (``h1``)."""
    if piece.heading_style:
        return piece.heading_style
    head = match_heading(piece.text.strip())
    return head.style if head is not None and head.style != "plain" else f"h{piece.level}"


def _own_title(pieces: list[Piece]) -> str:
    shown = [p for p in pieces if p.text.strip()]
    return own_title(
        (p.kind, heading_style(p) if p.kind == "heading" else "", p.text) for p in shown
    )


def _title_index(pieces: list[Piece], meta: dict[str, str]) -> int:
    """The index of the heading that titles the document (its own title, or the title its
    metadata states shown as the first heading), or -1."""
    first = next((i for i, p in enumerate(pieces) if p.text.strip() and p.kind != "meta"), -1)
    if first < 0 or pieces[first].kind != "heading":
        return -1
    text = pieces[first].text.strip()
    stated = meta.get("title", "")
    if text == _own_title(pieces) or (
        stated and " ".join(text.split()) in " ".join(stated.split())
    ):
        return first
    return -1


def state_facts(pieces: list[Piece], meta: dict[str, str]) -> list[Piece]:
    """What the page states about itself goes from the text to ``meta``, by the text
    importer's rules: a byline or dateline right under the title (a name, its Latin
    spelling, a date), ``公開日：``/``最終更新日：`` dates, an author profile box."""
    gone: set[int] = set()
    title = _title_index(pieces, meta)
    if title >= 0:
        for i in range(title + 1, min(title + 6, len(pieces))):
            piece = pieces[i]
            text = piece.text.strip()
            if not text:
                continue
            if piece.kind not in ("meta", "paragraph") or piece.marks:
                break
            if not page_facts.byline_candidate(text):
                break
            if page_facts.byline(text, meta):
                gone.add(i)
    texts = [p.text.strip() if p.kind in ("meta", "paragraph", "heading") else "" for p in pieces]
    barriers = frozenset(
        i for i, p in enumerate(pieces) if p.kind in ("heading", "table", "list_item")
    )
    grouped = frozenset(
        i for i in range(1, len(pieces)) if pieces[i].box and pieces[i].box == pieces[i - 1].box
    )
    gone |= page_facts.block_statements(texts, meta, barriers=barriers, grouped=grouped)
    for i in gone:
        pieces[i] = Piece("paragraph", "", pages=pieces[i].pages)  # its page start stays
    return pieces


def nest_boxes(
    pieces: list[Piece], notes: list[NoteSource]
) -> tuple[list[Piece], list[NoteSource]]:
    """Each box whose first piece is a heading (its title) moves to the end of the section it
    sits in, nested one level under it (:func:`store.importer.sections.nest_boxes`); boxes keep
    their order. A page that starts inside a box moved past text starts at that text."""
    spans: dict[int, list[int]] = {}
    for k, p in enumerate(pieces):
        if p.box:
            spans.setdefault(p.box, [k, k])[1] = k
    runs: list[range] = []
    for first, last in spans.values():
        # what falls between a box's pieces (an empty page start) goes with it
        shown = [k for k in range(first, last + 1) if pieces[k].text.strip()]
        if shown and pieces[shown[0]].kind == "heading":
            runs.append(range(shown[0], last + 1))
            for k in range(first, shown[0]):  # empty pieces before the title stay before it
                pieces[k].box = 0
    if not runs:
        return pieces, notes
    for p in pieces:
        if p.kind == "heading" and not p.text.strip():
            p.kind = "paragraph"  # an empty heading bounds no section (it is dropped)
    order = nest_boxes_in(pieces, runs)
    at = {k: n for n, k in enumerate(order)}
    for run in runs:
        after = next((k for k in range(run[-1] + 1, len(pieces)) if not pieces[k].box), None)
        if after is not None and at[after] < at[run[0]]:
            pieces[after].pages[:0] = [(0, label) for k in run for _, label in pieces[k].pages]
            for k in run:
                pieces[k].pages = []
    if order == list(range(len(pieces))):
        return pieces, notes
    for note in notes:
        if note.near >= 0:
            note.near = at.get(note.near, note.near)
    return [pieces[k] for k in order], notes


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
