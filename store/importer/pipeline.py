"""The import pipeline: decode → sanitize → read lines → inline marks → footnote links."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from store.counts import CONTROL, CONTROLS, count
from store.importer.aozora import import_aozora, looks_aozora
from store.importer.assemble import assemble
from store.importer.decode import normalise_newlines, read_lines
from store.importer.dedupe import drop_repeated_runs
from store.importer.footnotes import assign_ids, link_markers
from store.importer.inline import parse_inline
from store.importer.markdown import resolve_references
from store.importer.sanitize import sanitize
from store.importer.sniff import TEXT, sniff
from store.model import Block, Document, Footnote
from store.terminal_safe import clean_line


def import_file(
    path: str | Path, *, progress: Callable[[int, int], None] | None = None
) -> Document:
    """Import one file; raises :class:`ImportFailed` with a one-line message naming it.

    PDF, web pages, EPUB, Word documents and Aozora ``.zip`` are told by their content and go to their own
    importers (:mod:`store.importer.formats`); ``progress(done, total)`` hears how far a long
    one (pages, chapters) has got.
    """
    path = Path(path)
    kind = sniff(path)
    if kind != TEXT:
        from store.importer.formats import import_format

        return import_format(kind, path, progress)
    lines, encoding = read_lines(str(path))
    # The file name is a title of last resort: no escape sequence or undecodable byte in it.
    doc = import_lines(lines, name=clean_line(path.stem), suffix=path.suffix or ".txt")
    doc.encoding = encoding
    if encoding not in ("utf-8", "utf-8-sig"):
        doc.notices.insert(0, f"decoded as {encoding}")
    return doc


def import_text(text: str, *, name: str = "", suffix: str = ".txt") -> Document:
    """Parse already-decoded text (``suffix`` ".md" for Markdown) into a :class:`Document`."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return import_lines(normalise_newlines(text).split("\n"), name=name, suffix=suffix)


def import_lines(lines: list[str], *, name: str = "", suffix: str = ".txt") -> Document:
    """The pipeline proper, on a list of source lines (sanitised in place, and emptied as
    they are read so a big file is not held twice)."""
    notices: list[str] = []
    removed = 0
    for i, line in enumerate(lines):
        if not line.isprintable():
            lines[i], n = sanitize(line)
            removed += n
    if removed:
        notices.append(f"removed {count(removed, CONTROL, CONTROLS)}")
    if not any(line.strip() for line in lines):
        notices.append("empty file: nothing to read")
        return Document(title=name, blocks=[], footnotes=[], notices=notices)
    if looks_aozora(lines):
        doc = import_aozora(lines)
        doc.title = doc.title or name
        doc.notices[:0] = notices
        return doc
    markdown = suffix.lower() in (".md", ".markdown")
    assembled = assemble(lines, markdown=markdown)
    blocks: list[Block] = []
    for raw in assembled.blocks:
        if raw.kind == "code":  # verbatim: no inline marks, no trimming of its indentation
            if raw.full().strip():
                blocks.append(Block("code", raw.full()))
            continue
        text = resolve_references(raw.full(), assembled.labels) if markdown else raw.full()
        body, ruby, emphasis = parse_inline(text)
        body = body.strip()
        if not body and raw.kind != "table":
            continue
        rows = [[parse_inline(c)[0] for c in row] for row in raw.rows]
        blocks.append(
            Block(raw.kind, body, raw.level, ruby=ruby, emphasis=emphasis, rows=rows)  # type: ignore[arg-type]  # RawBlock.kind is a str; the assembler emits only BlockKind names
        )
    blocks = drop_repeated_runs(blocks)
    assign_ids(assembled.notes)
    link_markers(blocks, assembled.notes, raw_count=len(assembled.blocks))
    linked = {r.footnote_id for b in blocks for r in b.refs}
    unlinked = [n.full_id for n in assembled.notes if n.full_id not in linked and n.style != "note"]
    if unlinked:
        notices.append(
            f"{count(len(unlinked), 'footnote')} without a marker in the text: {', '.join(unlinked[:5])}"
        )
    footnotes = []
    for note in assembled.notes:
        body, ruby, _ = parse_inline(note.text)
        footnotes.append(Footnote(note.full_id, body, ruby=ruby))
    metadata = dict(assembled.metadata)
    title = metadata.get("title") or assembled.title or name
    if title:
        title = parse_inline(title)[0]
    return Document(
        title=title, blocks=blocks, footnotes=footnotes, metadata=metadata, notices=notices
    )
