"""Documents made from other text, set as PDF, web pages, EPUB and Word, imported and scored.

A document's truth is the layout generator's :class:`~layout_styles.Doc` (sections,
subsections, paragraphs with notes, a box) filled with any sentences; :func:`to_model` turns it
into the model an import gives (``inspect --json``: blocks, footnotes, metadata) in one of
:data:`STYLES` (a white paper numbered ``1`` / ``（1）`` with no title line, a report with a
title, a byline and ``１．`` / ``（１）``, a bulletin with ``Ⅰ`` / ``１．``), with a list and a
caption added. :func:`render` sets the model in one of :data:`FORMATS` with
``tests/render_formats.py`` (typeset PDF, a word processor's ragged PDF, reportlab's Platypus
layout, a web page with its site around it, an EPUB, a Word document) and :func:`score` imports it and scores as
the hold-out checks do: the share of the true headings (text and level), paragraphs and list
items (text and which note each marker opens) found exactly; notes kept; debris (text in the
import that belongs to no true block, note or statement); metadata; and, for the typeset and ragged PDFs,
whether the page a citation names for each paragraph is the page it starts on.

Used by ``tests/test_import_formats_layouts.py`` (the unit tests' sentences) and by ``python -m
benchmarks formats_layouts`` (the bench's sentences); nothing here knows the importers' rules.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from layout_styles import Box, Doc, Heading, Para, numbered
from render_formats import (
    golden_to_docx,
    golden_to_epub,
    golden_to_html,
    golden_to_pdf,
    golden_to_platypus_pdf,
)

from store.citation import pages_of
from store.importer import import_file
from store.model import Document


@dataclass(frozen=True)
class Style:
    heading_styles: list[str]
    titled: bool  # a title line (and byline) opens the document


STYLES: dict[str, Style] = {
    "white paper": Style(["num", "paren", "kata"], titled=False),
    "report": Style(["fullnum", "fullparen", "kata"], titled=True),
    "bulletin": Style(["roman", "fullnum", "fullparen"], titled=True),
}
FORMATS = ("pdf", "ragged", "platypus", "html", "epub", "docx")


def _block(kind: str, text: str, level: int = 0, **extra: Any) -> dict[str, Any]:
    block: dict[str, Any] = {"kind": kind, "text": text, "ruby": [], "refs": [], "emphasis": []}
    if kind == "heading":
        block["level"] = level
    block.update(extra)
    return block


def to_model(doc: Doc, style: str, seed: int = 0) -> dict[str, Any]:
    """``doc`` as the model its import should give in ``style``."""
    rng = random.Random(seed)
    spec = STYLES[style]
    heads = numbered(doc, spec.heading_styles)
    shift = 1 if spec.titled else 0
    blocks: list[dict[str, Any]] = []
    notes: list[dict[str, str]] = []
    box_notes = 0
    if spec.titled:
        blocks.append(_block("heading", doc.title, 1))
    level = 0

    def para(p: Para, box: bool = False) -> dict[str, Any]:
        nonlocal box_notes
        refs = []
        for offset, text in p.notes:
            if box:
                box_notes += 1
                nid = f"2-{box_notes}"
            else:
                nid = str(sum(1 for n in notes if "-" not in n["id"]) + 1)
            notes.append({"id": nid, "text": text})
            refs.append([offset, nid])
        return _block(p.kind, p.text, refs=refs)

    for i, item in enumerate(doc.items):
        if isinstance(item, Heading):
            level = item.level + shift
            blocks.append(_block("heading", heads[i], level))
            if item.level == 2 and rng.random() < 0.3:
                items = rng.sample(_ITEMS, 2)
                blocks += [_block("list_item", t) for t in items]
        elif isinstance(item, Box):
            blocks.append(_block("heading", item.title, level + 1, box=True))
            blocks.append(_block("meta", item.byline))
            blocks += [para(p, box=True) for p in item.paras]
        else:
            blocks.append(para(item))
            if rng.random() < 0.1:
                blocks.append(_block("meta", rng.choice(_CAPTIONS)))
    metadata = {"author": doc.author, "date": doc.date} if spec.titled else {}
    return {"title": doc.title, "blocks": blocks, "footnotes": notes, "metadata": metadata}


_ITEMS = [
    "重要鉱物の供給網の強靱化",
    "先端技術の研究開発における連携",
    "人的交流の拡大と留学生の受入れ",
    "エネルギー安全保障の強化",
    "海洋秩序の維持と法の支配",
]
_CAPTIONS = [
    "会談に臨む両国の首脳（2月7日、ワシントンD.C.　写真提供：首相官邸ホームページ）",
    "交流事業に参加した生徒たち（3月、東京）",
]


def render(model: dict[str, Any], fmt: str, path: Path, first_page: int = 1) -> list[str]:
    """Write ``model`` as ``fmt`` at ``path`` (its ending set by the format); the page each
    block starts on for the typeset and ragged PDFs, else []."""
    if fmt == "pdf":
        return golden_to_pdf(model, path, first_page=first_page)
    if fmt == "ragged":
        return golden_to_pdf(model, path, first_page=first_page, ragged=40)
    if fmt == "platypus":
        golden_to_platypus_pdf(model, path)
    elif fmt == "html":
        path.write_text(golden_to_html(model), encoding="utf-8")
    elif fmt == "epub":
        golden_to_epub(model, path)
    elif fmt == "docx":
        golden_to_docx(model, path)
    return []


_SPACES = re.compile(r"[\s\u3000]+")
#: Characters a non-embedded CID font cannot tell apart (pdfminer gives the second).
_CID_SAME = str.maketrans({"～": "〜", "－": "−"})


def _norm(text: str) -> str:
    return _SPACES.sub("", text).translate(_CID_SAME)


@dataclass
class FormatScore:
    headings: float  # true headings found with their text and level
    paragraphs: float  # true paragraphs and list items found whole, markers on their notes
    notes: float  # true notes kept (as notes)
    debris: list[str]  # imported text that belongs to nothing true
    metadata: float  # the byline's author and date found in the metadata
    #: paragraphs whose citation names the page they start on (None: a format not scored so)
    pages: float | None

    def ok(self, threshold: float = 0.95) -> bool:
        return (
            self.headings >= threshold
            and self.paragraphs >= threshold
            and self.notes >= threshold
            and not self.debris
        )


def score(
    model: dict[str, Any], doc: Document, started: list[str] | None = None, fmt: str = ""
) -> FormatScore:
    notes = {n["id"]: _norm(n["text"]) for n in model["footnotes"]}
    got_notes = {f.id: _norm(f.text) for f in doc.footnotes}

    def key(kind: str, level: int, text: str, refs: list[tuple[int, str]]) -> tuple[Any, ...]:
        return (kind, level, _norm(text), tuple((o, n[:20]) for o, n in refs))

    want_heads = [(b["level"], _norm(b["text"])) for b in model["blocks"] if b["kind"] == "heading"]
    got_heads = {(b.level, _norm(b.text)) for b in doc.blocks if b.kind == "heading"}
    headings = sum(h in got_heads for h in want_heads) / len(want_heads) if want_heads else 1.0
    got = {
        key(b.kind, 0, b.text, [(r.offset, got_notes.get(r.footnote_id, "")) for r in b.refs]): i
        for i, b in enumerate(doc.blocks)
        if b.kind in ("paragraph", "list_item")
    }
    found = []
    page_hits = page_total = 0
    for i, b in enumerate(model["blocks"]):
        if b["kind"] not in ("paragraph", "list_item"):
            continue
        k = key(b["kind"], 0, b["text"], [(o, notes[n]) for o, n in b["refs"]])
        found.append(k in got)
        if started and k in got and b["kind"] == "paragraph":
            j = got[k]
            page_total += 1
            start = sum(len(x.text) + 1 for x in doc.blocks[:j])  # base_text joins with \n
            page_hits += pages_of(doc, start, start + 1) == started[i]
    paragraphs = sum(found) / len(found) if found else 1.0
    want_notes = list(notes.values())
    kept = set(got_notes.values())
    note_score = sum(n in kept for n in want_notes) / len(want_notes) if want_notes else 1.0
    truth = {_norm(b["text"]) for b in model["blocks"]} | set(want_notes)
    truth |= {_norm(v) for v in model.get("metadata", {}).values()}
    debris = [
        b.text
        for b in doc.blocks
        if _norm(b.text) not in truth and not any(_norm(b.text) in t for t in truth)
    ]
    stated = dict(model.get("metadata", {}))
    if fmt == "epub":
        stated.pop("date", None)  # an EPUB's package states its own date, which comes first
    meta = sum(doc.metadata.get(k) == v for k, v in stated.items()) / len(stated) if stated else 1.0
    pages = page_hits / page_total if page_total else None
    return FormatScore(headings, paragraphs, note_score, debris, meta, pages)


def run(doc: Doc, style: str, fmt: str, folder: Path, seed: int = 0) -> FormatScore:
    """``doc`` in ``style`` set as ``fmt`` in ``folder``, imported and scored."""
    model = to_model(doc, style, seed)
    ending = {"html": ".html", "epub": ".epub", "docx": ".docx"}.get(fmt, ".pdf")
    path = folder / f"{style.replace(' ', '-')}-{fmt}-{seed}{ending}"
    started = render(model, fmt, path, first_page=11)
    return score(model, import_file(path), started, fmt)
