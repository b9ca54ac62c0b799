"""Export annotations (Markdown, W3C Web Annotation JSON, CSV) and re-import our JSON.

The JSON export is a versioned envelope ``{"format": "shiori-annotations", "version": 1,
"exported": ..., "annotations": [...]}`` whose items are W3C Web Annotation objects: a
``TextualBody`` per note (``commenting``) and per tag (``tagging``), a target whose ``source`` is
the document key and whose selectors are a ``TextQuoteSelector`` and a
``TextPositionSelector``; what W3C has no term for (colour, state, block hint, content hash,
section) sits under ``"shiori"``. Importing it back is idempotent: items are matched by id.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from store.annotations.model import (
    STATES,
    Anchor,
    Annotation,
    ColorSlot,
    TextPositionSelector,
    TextQuoteSelector,
    now_iso,
)
from store.annotations.repository import Repository, normalise_tags
from store.citation import Passage, SourceMeta, cite, safe_text

FORMAT = "shiori-annotations"
VERSION = 1
W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"

MetaLookup = Callable[[str], SourceMeta]


class ExportFormatError(ValueError):
    """The file is not one of our exports (or is from a newer version)."""


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0

    def __str__(self) -> str:
        return f"{self.added} added, {self.updated} updated, {self.unchanged} already present"


def _title(doc: str, meta_for: MetaLookup | None) -> tuple[str, SourceMeta | None]:
    meta = meta_for(doc) if meta_for else None
    title = safe_text(getattr(meta, "title", "") or "") if meta else ""
    return title or doc, meta


def _md_lines(text: str, prefix: str) -> list[str]:
    return [prefix + line if line else prefix.rstrip() for line in safe_text(text).split("\n")]


def to_markdown(
    annotations: Iterable[Annotation],
    *,
    meta_for: MetaLookup | None = None,
    colors: list[ColorSlot] | None = None,
    style: str = "ja",
) -> str:
    """One ``##`` per document, one ``###`` per section, each passage with its citation."""
    labels = {c.key: c.label for c in colors or []}
    by_doc: dict[str, list[Annotation]] = {}
    for ann in sorted(annotations, key=lambda a: (a.doc, a.state == "orphan", a.start)):
        by_doc.setdefault(ann.doc, []).append(ann)
    out = [f"# Annotations ({now_iso()[:10]})", ""]
    if not by_doc:
        out += ["(none)", ""]
    for doc, items in by_doc.items():
        title, meta = _title(doc, meta_for)
        out += [f"## {title}", "", f"`{doc}`", ""]
        current: tuple[str, ...] | None = None
        for ann in items:
            section = (
                ("(passage not found in the current text)",)
                if ann.state == "orphan"
                else ann.section
            )
            if section != current:
                current = section
                out += [f"### {safe_text(' › '.join(section)) or '(before the first heading)'}", ""]
            out += _md_lines(ann.quote, "> ")
            out.append("")
            if ann.note and "\n" not in ann.note.strip():
                out.append("- Note: " + safe_text(ann.note.strip()))
            elif ann.note:
                out += ["- Note:"] + _md_lines(ann.note.strip(), "    ")
            if ann.tags:
                out.append("- Tags: " + " ".join(f"#{safe_text(t)}" for t in ann.tags))
            label = labels.get(ann.color, "")
            out.append(f"- Colour: {ann.color}" + (f" ({label})" if label else ""))
            if ann.state != "anchored":
                out.append(f"- State: {ann.state}")
            if meta is not None:
                passage = Passage(ann.quote, ann.section, ann.page)
                out.append("- Citation: " + cite(meta, passage, style, source_only=True))
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


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


def to_json(annotations: Iterable[Annotation]) -> str:
    envelope = {
        "format": FORMAT,
        "version": VERSION,
        "exported": now_iso(),
        "annotations": [to_w3c(a) for a in annotations],
    }
    return json.dumps(envelope, ensure_ascii=False, indent=2) + "\n"


CSV_FIELDS = (
    "id", "doc", "section", "quote", "note", "tags", "color", "state", "start", "end",
    "created", "updated",
)  # fmt: skip


def to_csv(annotations: Iterable[Annotation]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for a in annotations:
        writer.writerow(
            [
                a.id, a.doc, " › ".join(a.section), a.quote, a.note, "; ".join(a.tags),
                a.color, a.state, a.start, a.end, a.created, a.updated,
            ]
        )  # fmt: skip
    return buf.getvalue()


def from_w3c(item: dict[str, Any]) -> Annotation:
    """One W3C annotation (ours, or another tool's with the same selectors) as an Annotation."""
    ident = str(item["id"]).removeprefix("urn:uuid:")
    target = item["target"]
    selectors = target.get("selector", [])
    if isinstance(selectors, dict):
        selectors = [selectors]
    quote = next(s for s in selectors if s.get("type") == "TextQuoteSelector")
    pos = next((s for s in selectors if s.get("type") == "TextPositionSelector"), None)
    ext = item.get("shiori", {})
    bodies = item.get("body", [])
    if isinstance(bodies, dict):
        bodies = [bodies]
    note = "\n\n".join(
        str(b.get("value", "")) for b in bodies if b.get("purpose", "commenting") == "commenting"
    )
    tags = normalise_tags(str(b.get("value", "")) for b in bodies if b.get("purpose") == "tagging")
    exact = str(quote["exact"])
    start = int(pos["start"]) if pos else 0
    end = int(pos["end"]) if pos else start + len(exact)
    state = ext.get("state", "anchored")
    return Annotation(
        id=ident,
        doc=str(target["source"]),
        anchor=Anchor(
            TextPositionSelector(start, end),
            TextQuoteSelector(exact, str(quote.get("prefix", "")), str(quote.get("suffix", ""))),
            int(ext.get("block", 0)),
            int(ext.get("block_offset", 0)),
            # Unknown hash: the first re-anchor against the document checks the position.
            str(ext.get("content_hash", "")),
            int(ext.get("nonspace_start", -1)),
        ),
        color=str(ext.get("color", "yellow")),
        note=note,
        tags=tags,
        created=str(item.get("created", now_iso())),
        updated=str(item.get("modified", item.get("created", now_iso()))),
        state=state if state in STATES else "anchored",
        section=tuple(str(s) for s in ext.get("section", ())),
        original=str(ext.get("original", exact)),
        page=str(ext.get("page", "")),
    )


def parse_json(text: str) -> list[Annotation]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExportFormatError(f"not JSON ({exc.msg} at line {exc.lineno})") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ExportFormatError(
            'not a Shiori annotations export (no "format": "shiori-annotations")'
        )
    version = data.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise ExportFormatError(
            f"export version {version!r} is newer than this Shiori reads ({VERSION})"
        )
    out = []
    for n, item in enumerate(data.get("annotations", []), 1):
        try:
            out.append(from_w3c(item))
        except (KeyError, TypeError, ValueError, StopIteration) as exc:
            raise ExportFormatError(f"annotation #{n} is malformed ({exc!r})") from exc
    return out


def import_json(repo: Repository, text: str) -> ImportReport:
    """Merge an export into ``repo``; importing the same file twice changes nothing."""
    report = ImportReport()
    for ann in parse_json(text):
        outcome = repo.merge(ann)
        setattr(report, outcome, getattr(report, outcome) + 1)
    return report
