"""Export annotations (Markdown, W3C Web Annotation JSON, CSV) and re-import our JSON.

The JSON export is a versioned envelope ``{"format": "shiori-annotations", "version": 1,
"exported": ..., "annotations": [...]}`` whose items are W3C Web Annotation objects: a
``TextualBody`` per note (``commenting``) and per tag (``tagging``), a target whose ``source`` is
the document key and whose selectors are a ``TextQuoteSelector`` and a
``TextPositionSelector``; what W3C has no term for (colour, state, block hint, content hash,
section) sits under ``"shiori"``. Importing it back is idempotent: items are matched by id.
The user's own readings of words (``store.japanese.own_readings``) follow the annotations as
``"readings": {document key: {word: reading}}`` — a key older versions of Shiori skip — and an
import keeps each one the store does not have yet, leaving a reading the user gave since alone.

Every writer streams (``write_*`` take annotations one at a time and a text stream), and each
format is escaped for what it is, so an export can be printed or opened anywhere:

* **JSON** is exact: every character that could act on a terminal is a ``\\uXXXX`` escape.
* **CSV**: control characters are shown as symbols (``store.terminal_safe``), and a cell that
  a spreadsheet would run as a formula (starting with ``= + - @``, a tab or a carriage
  return) gets a leading ``'``.
* **Markdown**: user text (titles, notes, tags, headings, colour names) cannot open structure:
  characters that start a heading, quote, list, fence, table or link, and raw HTML, are
  escaped; each line of a note is left-trimmed and escaped on its own.

Import checks every item against ``schema.py`` first: items that fail are refused and named
(which, and why), the others are stored whole, in batches that are each durable; after a
failure (a full disk) the report says exactly what was stored.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from store.annotations import schema
from store.annotations.model import Annotation, ColorSlot, now_iso
from store.annotations.repository import Repository, normalise_tags
from store.annotations.storage import StorageError
from store.citation import Passage, SourceMeta, cite
from store.counts import count
from store.jsonio import loads
from store.patterns import compiled
from store.terminal_safe import escape_json, safe_line, safe_text

FORMAT = "shiori-annotations"
VERSION = 1
W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
#: Most items one import file may hold.
MAX_ITEMS = 1_000_000

MetaLookup = Callable[[str], SourceMeta]


class ExportFormatError(ValueError):
    """The file is not one of our exports (or is from a newer version)."""


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    #: ``(item number, id or "", why)`` of every item that was refused (item 0: one of the
    #: user's own readings, ``id`` naming it).
    rejected: list[tuple[int, str, str]] = field(default_factory=list)
    #: Items that were valid but not stored (a write failed part-way); 0 when all went in.
    not_stored: int = 0
    #: The user's own readings of words the import added (``"readings"``).
    readings: int = 0

    def __str__(self) -> str:
        text = f"{self.added} added, {self.updated} updated, {self.unchanged} already present"
        if self.rejected:
            text += f", {len(self.rejected)} refused"
        if self.not_stored:
            text += f", {self.not_stored} not stored"
        if self.readings:
            text += f"; {count(self.readings, 'reading')} of yours"
        return text


class ImportIncomplete(Exception):
    """A write failed part-way: ``report`` says exactly what was stored before it."""

    def __init__(self, report: ImportReport, error: StorageError) -> None:
        super().__init__(f"{error}; stored before that: {report}")
        self.report = report
        self.error = error


# -- Markdown --------------------------------------------------------------------------------

_MD_INLINE = compiled(r"[\\`*_\[\]{}<>&|~!]")
_MD_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
_MD_LINE_START = compiled(r"^(?:[#+=:-]|\d{1,9}(?=[.)]))")


def md_escape(line: str) -> str:
    """One line of user text as Markdown that shows exactly the text and opens nothing."""
    line = safe_line(line).lstrip()
    line = _MD_INLINE.sub(lambda m: _MD_ENTITIES.get(m.group(), "\\" + m.group()), line)
    if m := _MD_LINE_START.match(line):
        if m.group()[0].isdigit():  # "1." / "1)" opens a list: escape the punctuation
            end = m.end()
            line = line[:end] + "\\" + line[end:]
        else:
            line = "\\" + line
    return line


def _md_block(text: str, prefix: str) -> list[str]:
    return [
        prefix + md_escape(line) if line.strip() else prefix.rstrip() for line in text.split("\n")
    ]


def _code_span(text: str) -> str:
    """``text`` as inline code, with a fence longer than any backtick run inside it."""
    text = safe_line(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _title(doc: str, meta_for: MetaLookup | None) -> tuple[str, SourceMeta | None]:
    meta = meta_for(doc) if meta_for else None
    title = safe_line(getattr(meta, "title", "") or "") if meta else ""
    return title or doc, meta


def _md_annotation(ann: Annotation, labels: dict[str, str], meta: Any, style: str) -> list[str]:
    out = _md_block(ann.quote, "> ")
    out.append("")
    note = ann.note.strip()
    if note and "\n" not in note:
        out.append("- Note: " + md_escape(note))
    elif note:
        out += ["- Note:", *_md_block(note, "    ")]
    if ann.tags:
        out.append("- Tags: " + " ".join(f"#{md_escape(t)}" for t in ann.tags))
    label = labels.get(ann.color, "")
    out.append(f"- Colour: {md_escape(ann.color)}" + (f" ({md_escape(label)})" if label else ""))
    if ann.state != "anchored":
        out.append(f"- State: {ann.state}")
    if meta is not None:
        passage = Passage(ann.quote, ann.section, ann.page)
        out.append("- Citation: " + md_escape(cite(meta, passage, style, source_only=True)))
    out.append("")
    return out


def write_markdown(
    out: TextIO,
    annotations: Iterable[Annotation],
    *,
    meta_for: MetaLookup | None = None,
    colors: list[ColorSlot] | None = None,
    style: str = "ja",
) -> int:
    """One ``##`` per document, one ``###`` per section, each passage with its citation;
    orphans after a document's other passages. ``annotations`` must come grouped by document
    in reading order (as ``Repository.iter`` gives them). Returns how many were written."""
    labels = {c.key: c.label for c in colors or []}
    out.write(f"# Annotations ({now_iso()[:10]})\n\n")
    count = 0
    doc: str | None = None
    meta: Any = None
    current: tuple[str, ...] | None = None
    orphans: list[Annotation] = []

    def section_heading(section: tuple[str, ...]) -> None:
        nonlocal current
        if section != current:
            current = section
            heading = md_escape(" › ".join(section)) or "(before the first heading)"
            out.write(f"### {heading}\n\n")

    def finish_document() -> None:
        for orphan in orphans:
            section_heading(("(passage not found in the current text)",))
            out.write("\n".join(_md_annotation(orphan, labels, meta, style)) + "\n")
        orphans.clear()

    for ann in annotations:
        count += 1
        if ann.doc != doc:
            finish_document()
            doc, current = ann.doc, None
            title, meta = _title(doc, meta_for)
            out.write(f"## {md_escape(title)}\n\n{_code_span(doc)}\n\n")
        if ann.state == "orphan":
            orphans.append(ann)
            continue
        section_heading(ann.section)
        out.write("\n".join(_md_annotation(ann, labels, meta, style)) + "\n")
    finish_document()
    if not count:
        out.write("(none)\n")
    return count


def write_export(
    out: TextIO,
    repo: Repository,
    fmt: str,
    *,
    doc: str | Collection[str] | None = None,
    tag: str | None = None,
    style: str = "ja",
) -> int:
    """The store's annotations (of document key(s) ``doc``, with ``tag``, when given) in ``fmt``
    (``md``, ``json`` or ``csv``): what ``shiori annotations export`` and the app's export
    write. Markdown cites each passage with the metadata the library has for its document."""
    items = repo.iter(doc=doc, tag=tag)
    if fmt == "md":
        from store.annotations.documents import stored_source_meta
        from store.annotations.metadata import user_library

        library = user_library(repo)
        return write_markdown(
            out,
            items,
            meta_for=lambda key: stored_source_meta(library, repo, key),
            colors=repo.colors(),
            style=style,
        )
    if fmt == "json":
        readings = {} if tag is not None else repo.all_own_readings()
        if doc is not None:
            wanted = {doc} if isinstance(doc, str) else set(doc)
            readings = {key: words for key, words in readings.items() if key in wanted}
        return write_json(out, items, readings)
    return write_csv(out, items)


def export_to_file(path: Path, repo: Repository, fmt: str, **kw: Any) -> int:
    """:func:`write_export` into ``path``, replaced atomically once complete (0600); returns
    how many annotations were written. Raises ``OSError``."""
    from store import atomic

    def fill(fh: BinaryIO) -> int:
        text = io.TextIOWrapper(fh, encoding="utf-8", errors="replace", newline="")
        try:
            return write_export(text, repo, fmt, **kw)
        finally:
            text.flush()
            text.detach()

    return atomic.write_stream(path, fill)


def to_markdown(
    annotations: Iterable[Annotation],
    *,
    meta_for: MetaLookup | None = None,
    colors: list[ColorSlot] | None = None,
    style: str = "ja",
) -> str:
    buf = io.StringIO()
    items = sorted(annotations, key=lambda a: (a.doc, a.start, a.end, a.created))
    write_markdown(buf, items, meta_for=meta_for, colors=colors, style=style)
    return buf.getvalue().rstrip("\n") + "\n"


# -- JSON ------------------------------------------------------------------------------------


def to_w3c(ann: Annotation) -> dict[str, Any]:
    body: list[dict[str, Any]] = []
    if ann.note:
        body.append(
            {
                "type": "TextualBody",
                "value": ann.note,
                "format": "text/plain",
                "purpose": "commenting",
            }
        )
    body += [{"type": "TextualBody", "value": t, "purpose": "tagging"} for t in ann.tags]
    q, p = ann.anchor.quote, ann.anchor.position
    return {
        "@context": W3C_CONTEXT,
        "id": f"urn:uuid:{ann.id}",
        "type": "Annotation",
        "motivation": "commenting" if ann.note else "highlighting",
        "created": ann.created,
        "modified": ann.updated,
        "body": body,
        "target": {
            "source": ann.doc,
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": q.exact,
                    "prefix": q.prefix,
                    "suffix": q.suffix,
                },
                {"type": "TextPositionSelector", "start": p.start, "end": p.end},
            ],
        },
        "shiori": {
            "color": ann.color,
            "state": ann.state,
            "block": ann.anchor.block,
            "block_offset": ann.anchor.block_offset,
            "content_hash": ann.anchor.content_hash,
            "nonspace_start": ann.anchor.nonspace_start,
            "section": list(ann.section),
            "original": ann.original,
            "page": ann.page,
        },
    }


def json_text(obj: Any, *, indent: int | None = 2) -> str:
    """JSON, exact and safe to print (see the module docstring)."""
    return escape_json(json.dumps(obj, ensure_ascii=False, indent=indent))


def write_json(
    out: TextIO,
    annotations: Iterable[Annotation],
    readings: Mapping[str, Mapping[str, str]] | None = None,
) -> int:
    """The versioned envelope, one annotation at a time, then the user's own ``readings``
    (document key -> word -> reading) when there are any. Returns how many annotations were
    written."""
    out.write(f'{{\n  "format": "{FORMAT}",\n  "version": {VERSION},\n')
    out.write(f'  "exported": "{now_iso()}",\n  "annotations": [')
    written = 0
    for ann in annotations:  # one annotation per line (the C encoder: fast at any size)
        out.write(("," if written else "") + "\n    " + json_text(to_w3c(ann), indent=None))
        written += 1
    out.write("\n  ]" if written else "]")
    if readings:
        out.write(',\n  "readings": ' + json_text(dict(readings), indent=None))
    out.write("\n}\n")
    return written


def to_json(annotations: Iterable[Annotation]) -> str:
    buf = io.StringIO()
    write_json(buf, annotations)
    return buf.getvalue()


# -- CSV -------------------------------------------------------------------------------------

CSV_FIELDS = (
    "id", "doc", "section", "page", "quote", "note", "tags", "color", "state", "start", "end",
    "created", "updated",
)  # fmt: skip
#: What a spreadsheet reads as the start of a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A cell a spreadsheet shows as text: never a formula, never a control character."""
    text = str(value)
    if text.startswith(_FORMULA_START):
        text = "'" + text
    return safe_text(text)


def write_csv(out: TextIO, annotations: Iterable[Annotation]) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    count = 0
    for a in annotations:
        writer.writerow(
            [
                csv_cell(v)
                for v in (
                    a.id, a.doc, " › ".join(a.section), a.page, a.quote, a.note, "; ".join(a.tags),
                    a.color, a.state, a.start, a.end, a.created, a.updated,
                )
            ]
        )  # fmt: skip
        count += 1
    return count


# -- import ----------------------------------------------------------------------------------


def _object(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise schema.wrong_type(value, what, "an object")
    return value


def _objects(value: Any, what: str) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        value = [value]
    if value is None:
        return []
    if not isinstance(value, list):
        raise schema.wrong_type(value, what, "a list")
    return [_object(v, f"an entry of {what}") for v in value]


def from_w3c(item: Any) -> Annotation:
    """One W3C annotation (ours, or another tool's with the same selectors), checked against
    ``schema.py``: an Annotation, or :class:`schema.RecordError` saying what is wrong."""
    item = _object(item, "the item")
    ident = schema.name(item.get("id"), "the id", required=True).removeprefix("urn:uuid:")
    if not ident:
        raise schema.RecordError("the id is empty")
    target = _object(item.get("target"), "the target")
    selectors = _objects(target.get("selector"), "the selectors")
    quote = next((s for s in selectors if s.get("type") == "TextQuoteSelector"), None)
    if quote is None:
        raise schema.RecordError("the target has no TextQuoteSelector")
    pos = next((s for s in selectors if s.get("type") == "TextPositionSelector"), None)
    ext = _object(item.get("shiori", {}), 'the "shiori" part')
    bodies = _objects(item.get("body"), "the body")
    notes = [
        schema.text(b.get("value", ""), "a note")
        for b in bodies
        if b.get("purpose", "commenting") == "commenting"
    ]
    tags = [
        schema.name(b.get("value", ""), "a tag") for b in bodies if b.get("purpose") == "tagging"
    ]
    exact = schema.text(quote.get("exact"), "the quote", required=True)
    start, end = (pos.get("start"), pos.get("end")) if pos is not None else (0, len(exact))
    created = item.get("created", now_iso())
    record = {
        "id": ident,
        "doc": schema.doc_key(target.get("source"), "the source"),
        "anchor": {
            "start": start,
            "end": end,
            "exact": exact,
            "prefix": quote.get("prefix", ""),
            "suffix": quote.get("suffix", ""),
            "block": ext.get("block", 0),
            "block_offset": ext.get("block_offset", 0),
            # Unknown hash: the first re-anchor against the document checks the position.
            "content_hash": ext.get("content_hash", ""),
            "nonspace_start": ext.get("nonspace_start", -1),
        },
        "color": ext.get("color", "yellow"),
        "note": "\n\n".join(notes),
        "tags": list(normalise_tags(tags)),
        "created": created,
        "updated": item.get("modified", created),
        "state": ext.get("state", "anchored"),
        "section": ext.get("section", []),
        "original": ext.get("original", exact),
        "page": ext.get("page", ""),
    }
    return schema.annotation_from_record(record)


def _envelope(text: str | bytes) -> list[Any]:
    return _export(text)[0]


def _export(text: str | bytes) -> tuple[list[Any], Any]:
    """The export's items and its ``"readings"`` (unchecked), or :class:`ExportFormatError`."""
    try:
        data = loads(text)
    except ValueError as exc:
        raise ExportFormatError(str(exc)) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ExportFormatError(
            'not a Shiori annotations export (no "format": "shiori-annotations")'
        )
    version = data.get("version")
    if type(version) is int and version > VERSION:
        raise ExportFormatError(
            f"export version {version} is newer than this Shiori reads ({VERSION})"
        )
    if type(version) is not int or version < 1:
        raise ExportFormatError(f"export version {safe_line(repr(version))[:40]} is not valid")
    items = data.get("annotations", [])
    if not isinstance(items, list):
        raise ExportFormatError('"annotations" is not a list')
    if len(items) > MAX_ITEMS:
        raise ExportFormatError(f"more than {MAX_ITEMS:,} annotations in one file")
    return items, data.get("readings")


def _item_id(item: Any) -> str:
    ident = item.get("id") if isinstance(item, dict) else None
    if not isinstance(ident, str):
        return ""
    return safe_line(ident.removeprefix("urn:uuid:"))[:80]


def check_items(text: str | bytes) -> tuple[list[Annotation], list[tuple[int, str, str]]]:
    """Every item of an export, checked: ``(good, rejected)`` where each rejected entry is
    ``(item number, id, why)``. Raises :class:`ExportFormatError` when the file is not an
    export at all."""
    good: list[Annotation] = []
    rejected: list[tuple[int, str, str]] = []
    seen: set[str] = set()
    for n, item in enumerate(_envelope(text), 1):
        try:
            ann = from_w3c(item)
        except schema.RecordError as exc:
            rejected.append((n, _item_id(item), str(exc)))
            continue
        if ann.id in seen:
            rejected.append((n, ann.id, "the same id as an earlier item"))
            continue
        seen.add(ann.id)
        good.append(ann)
    return good, rejected


def parse_json(text: str | bytes) -> list[Annotation]:
    """Every item, or :class:`ExportFormatError` naming the first one that is malformed."""
    good, rejected = check_items(text)
    if rejected:
        n, ident, why = rejected[0]
        named = f" ({ident})" if ident else ""
        raise ExportFormatError(f"annotation #{n}{named} is malformed: {why}")
    return good


def import_json(repo: Repository, text: str | bytes) -> ImportReport:
    """Merge an export into ``repo``; importing the same file twice changes nothing.

    Refused items are listed in the report (the rest are imported). A failed write raises
    :class:`ImportIncomplete`, whose report counts exactly what was stored before it.
    """
    good, rejected = check_items(text)
    report = ImportReport(rejected=rejected)
    stored: list[str] = []
    try:
        repo.merge_many(good, stored=stored)
    except StorageError as exc:
        _count(report, stored)
        report.not_stored = len(good) - len(stored)
        raise ImportIncomplete(report, exc) from exc
    _count(report, stored)
    try:
        report.readings = _import_readings(repo, _export(text)[1], report)
    except StorageError as exc:
        raise ImportIncomplete(report, exc) from exc
    return report


def _import_readings(repo: Repository, readings: Any, report: ImportReport) -> int:
    """Keep each of the export's own readings the store has no reading of that word for; one
    that is not a reading (or not a word) is refused into the report. Returns how many were
    kept."""
    from store.japanese.own_readings import OwnReadingError

    if readings is None:
        return 0
    if not isinstance(readings, dict):
        report.rejected.append((0, "the readings", '"readings" is not an object'))
        return 0
    kept = 0
    for doc, words in readings.items():
        try:
            doc = schema.doc_key(doc, "a document of the readings")
        except schema.RecordError as exc:
            report.rejected.append((0, "the readings", str(exc)))
            continue
        if not isinstance(words, dict):
            report.rejected.append((0, "the readings", f"those of {safe_line(doc)[:60]} are no object"))
            continue
        have = repo.own_readings(doc)
        for word, reading in words.items():
            if not isinstance(word, str) or not isinstance(reading, str):
                report.rejected.append((0, "a reading", f"in {safe_line(doc)[:60]}, not text"))
                continue
            if word in have:
                continue  # the user's reading here stands
            try:
                repo.save_own_reading(doc, word, reading)
            except OwnReadingError as exc:
                report.rejected.append((0, f"your reading of {safe_line(word)[:20]}", str(exc)))
                continue
            kept += 1
    return kept


def _count(report: ImportReport, outcomes: Iterator[str] | list[str]) -> None:
    for outcome in outcomes:
        setattr(report, outcome, getattr(report, outcome) + 1)
