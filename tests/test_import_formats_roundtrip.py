"""The five seeds' known structure (their golden ``inspect --json`` models) set as a printed PDF,
a web page, an EPUB and a Word document: importing each gives back the same headings, paragraphs, lists,
tables, ruby, footnotes and marker places, plus its pages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from render_formats import (
    combine,
    golden_to_docx,
    golden_to_epub,
    golden_to_html,
    golden_to_pdf,
    golden_to_platypus_pdf,
)

from store.importer import import_file

GOLDEN = Path(__file__).parent / "golden" / "inspect"
SEEDS = sorted(p.stem for p in GOLDEN.glob("*.json"))
#: Characters a non-embedded Japanese CID font cannot tell apart: Adobe-Japan1 has one glyph
#: for each pair, and pdfminer gives it back as the second.
CID_SAME = str.maketrans({"～": "〜", "－": "−"})


def _golden(name: str) -> dict[str, Any]:
    return json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))


def _structure(model: dict[str, Any]) -> list[tuple[Any, ...]]:
    """What a reader gets: each block's kind, level, text, ruby, emphasis, table rows, and
    which note each marker opens (by the note's text) at which place."""
    notes = {n["id"]: n["text"].translate(CID_SAME) for n in model["footnotes"]}
    return [
        (
            b["kind"],
            b.get("level", 0),
            b["text"].translate(CID_SAME),
            [tuple(r) for r in b["ruby"]],
            [(offset, notes[note_id]) for offset, note_id in b["refs"]],
            [tuple(e) for e in b["emphasis"]],
            b.get("rows", []),
        )
        for b in model["blocks"]
    ]


def _notes(model: dict[str, Any]) -> list[str]:
    return [n["text"].translate(CID_SAME) for n in model["footnotes"]]


@pytest.mark.parametrize("name", SEEDS)
def test_pdf_of_a_seed_imports_to_its_structure_with_printed_pages(
    name: str, tmp_path: Path
) -> None:
    model = _golden(name)
    path = tmp_path / f"{name}.pdf"
    golden_to_pdf(model, path, first_page=135)
    doc = import_file(path).to_json()
    # emphasis is left out: the PDF shows it only as a typeface, which the renderer does not set
    assert [s[:5] + s[6:] for s in _structure(doc)] == [s[:5] + s[6:] for s in _structure(model)]
    assert _notes(doc) == _notes(model)
    assert [n["id"] for n in doc["footnotes"]] == [n["id"] for n in model["footnotes"]]
    assert doc["title"] == model["title"]
    # the byline, dateline and profile box the page shows are the document's metadata again
    assert model["metadata"].items() <= doc["metadata"].items()
    labels = [label for _, _, label in doc["pages"]]
    assert labels == [str(135 + i) for i in range(len(labels))] and len(labels) >= 2
    # every page starts at a real place in the text, in reading order
    places = [(b, o) for b, o, _ in doc["pages"]]
    assert places == sorted(places) and places[0] == (0, 0)
    assert all(o <= len(doc["blocks"][b]["text"]) for b, o in places)


def test_a_pdf_that_states_no_title_is_named_by_its_running_head(tmp_path: Path) -> None:
    model = _golden("diplomatic-bluebook-2025-north-america")  # its sections are numbered
    path = tmp_path / "bluebook.pdf"
    golden_to_pdf(model, path, info=False)
    assert import_file(path).title == "北米"  # the head every page carries, not "1 概観"
    golden_to_pdf(model, path, info=False, header=False)
    assert import_file(path).title == "bluebook"  # nothing names it: the file's name


@pytest.mark.parametrize(
    ("head", "title"),
    [
        ("2025年の国際情勢と日本外交", "2025年の国際情勢と日本外交"),  # a year is part of a title
        ("令和6年版 外交青書", "令和6年版 外交青書"),
        ("国際問題 No.712（2023年5月）", "bluebook"),  # a journal's issue line names no document
        ("第2章 米国", "bluebook"),  # a chapter's head neither
    ],
)
def test_a_running_head_names_the_document_when_it_holds_no_number_but_a_year(
    head: str, title: str, tmp_path: Path
) -> None:
    model = {**_golden("diplomatic-bluebook-2025-north-america"), "title": head}
    path = tmp_path / "bluebook.pdf"
    golden_to_pdf(model, path, info=False)
    assert import_file(path).title == title


@pytest.mark.parametrize("name", SEEDS)
def test_web_page_of_a_seed_imports_to_its_structure_without_the_site_around_it(
    name: str, tmp_path: Path
) -> None:
    model = _golden(name)
    path = tmp_path / f"{name}.html"
    path.write_text(golden_to_html(model), encoding="utf-8")
    doc = import_file(path).to_json()
    assert _structure(doc) == _structure(model)
    assert _notes(doc) == _notes(model)
    assert doc["title"] == model["title"]
    # the page's head names the site's date unless the text shows a dateline of its own
    assert doc["metadata"] == {
        "title": model["title"],
        "author": "外務省",
        "publisher": "外務省",
        "date": "2025-02-07",
        "language": "ja",
        **model["metadata"],
    }
    text = "\n".join(b["text"] for b in doc["blocks"])
    for chrome in ("会見・発表・広報", "ツイート", "ページの先頭へ", "関連リンク", "Copyright"):
        assert chrome not in text


@pytest.mark.parametrize("name", SEEDS)
def test_epub_of_a_seed_imports_to_its_structure_with_its_print_pages(
    name: str, tmp_path: Path
) -> None:
    model = _golden(name)
    path = tmp_path / f"{name}.epub"
    golden_to_epub(model, path, page_every=8)
    doc = import_file(path).to_json()
    assert _structure(doc) == _structure(model)
    assert _notes(doc) == _notes(model)
    # the package's metadata first (its dc:date), then what the chapters show (a byline)
    assert doc["metadata"] == {
        **model["metadata"],
        "title": model["title"],
        "author": model["metadata"].get("author", "外務省"),
        "publisher": "外務省",
        "date": "2025-04-01",
        "language": "ja",
        "kind": "book",  # an EPUB is cited as a book
    }
    pages = len(model["blocks"]) // 8 + (1 if len(model["blocks"]) % 8 else 0)
    assert doc["pages"] == [[8 * i, 0, str(i + 1)] for i in range(pages)]


@pytest.mark.parametrize("name", SEEDS)
def test_word_document_of_a_seed_imports_to_its_structure(name: str, tmp_path: Path) -> None:
    """Headings by Word's heading styles, notes as Word footnotes, boxes as text boxes,
    dates and signatures flush right: the same structure back, boxes nested as in the text."""
    model = _golden(name)
    path = tmp_path / f"{name}.docx"
    golden_to_docx(model, path)
    doc = import_file(path).to_json()
    assert _structure(doc) == _structure(model)
    assert _notes(doc) == _notes(model)
    assert doc["title"] == model["title"]
    # the core properties' creator, and their date after the one the text shows
    assert doc["metadata"] == {
        "title": model["title"],
        "author": "外務省",
        "date": "2025-04-01",
        **model["metadata"],
    }


def test_the_five_seeds_in_one_long_pdf_import_to_their_structure(tmp_path: Path) -> None:
    """Forty-odd pages where paragraphs, markers and notes fall across pages at other places
    than in the seeds' own PDFs (a marker opening a line, a URL running past the margin)."""
    model = combine([_golden(name) for name in SEEDS])
    path = tmp_path / "seeds.pdf"
    golden_to_pdf(model, path)
    doc = import_file(path).to_json()

    def without_levels(structure: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        # one outline for all five: a seed's title heading in the middle nests under the
        # section before it, so levels are the seeds' own tests' business
        return [s[:1] + s[2:5] + s[6:] for s in structure]

    assert without_levels(_structure(doc)) == without_levels(_structure(model))
    assert _notes(doc) == _notes(model)
    assert len(doc["pages"]) >= 30


@pytest.mark.parametrize("name", SEEDS)
def test_a_ragged_word_processor_pdf_of_a_seed_keeps_its_paragraphs(
    name: str, tmp_path: Path
) -> None:
    """Lines cut at 40 characters, not justified, not indented, paragraphs set apart by half a
    line: a paragraph is told by its lines' character count, an open sentence and the spacing.
    Scored as the hold-out checks score (≥ .95 of the blocks exactly; every note linked right);
    what still differs is a lone short line before an overlong URL, and an ideographic space
    that a line break swallowed."""
    model = _golden(name)
    path = tmp_path / f"{name}.pdf"
    golden_to_pdf(model, path, ragged=40)
    doc = import_file(path).to_json()
    got = [s[:5] + s[6:] for s in _structure(doc)]
    want = [s[:5] + s[6:] for s in _structure(model)]
    same = sum(1 for s in want if s in got)
    assert same >= 0.95 * len(want) and len(got) <= 1.05 * len(want)
    assert _notes(doc) == _notes(model)


def _score(doc: dict[str, Any], model: dict[str, Any], kind: str) -> float:
    """The share of ``model``'s blocks of ``kind`` found in ``doc`` exactly (text, level, which
    note each marker opens, by its opening words); ideographic spaces count as spaces."""
    same = str.maketrans({"\u3000": " "})

    def keys(m: dict[str, Any]) -> list[tuple[Any, ...]]:
        return [
            (s[1], s[2].translate(same), tuple((o, n[:20]) for o, n in s[4]))
            for s in _structure(m)
            if s[0] == kind
        ]

    want, got = keys(model), keys(doc)
    return sum(1 for k in want if k in got) / len(want) if want else 1.0


@pytest.mark.parametrize("name", SEEDS)
def test_a_pdf_from_reportlabs_own_layout_engine_scores_as_the_hold_out_checks_do(
    name: str, tmp_path: Path
) -> None:
    """Platypus wraps at spaces, sets markers as ``<super>`` (raised by text rise, on the next
    line when it wraps there), its notes as endnotes at the end and its U+3000 as spaces."""
    model = _golden(name)
    path = tmp_path / f"{name}.pdf"
    golden_to_platypus_pdf(model, path)
    doc = import_file(path).to_json()
    assert _score(doc, model, "heading") >= 0.95
    assert _score(doc, model, "paragraph") >= 0.9
    assert sum(1 for n in _notes(model) if n in _notes(doc)) >= 0.9 * len(model["footnotes"])
    text = "\n".join(b["text"] for b in doc["blocks"])
    assert "注" not in [b["text"] for b in doc["blocks"]]  # the endnotes' heading went with them
    for note in model["footnotes"][:3]:
        assert note["text"] not in text  # notes are read out of the text
