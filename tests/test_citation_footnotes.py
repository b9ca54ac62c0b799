"""A quote from a footnote is cited with a locator that says so — ``注2`` (ja, SIST 02),
``n. 2`` (en) — after the page of the note's marker where the source has pages, by the one
builder (``store.citation.cite``) and by ``shiori cite``."""

from __future__ import annotations

import json
from pathlib import Path

from footnote_texts import ROOT, shiori, write_toudai
from render_formats import golden_to_pdf

from store.citation import Passage, cite
from store.library import DocMeta
from store.model import Block, Document, Footnote, PageStart, Ref

DOC = Document(
    title="北米",
    blocks=[
        Block("heading", "2 米国", level=1),
        Block("paragraph", "第一の段落。", refs=[Ref(5, "1")]),
        Block("paragraph", "第二の段落は次の頁。", refs=[Ref(9, "2")]),
    ],
    footnotes=[Footnote("1", "外務省の資料による。"), Footnote("2", "気象庁の観測による。")],
    pages=[PageStart(0, 0, "135"), PageStart(2, 0, "136")],
)
META = DocMeta(title="北米", author="外務省", container="外交青書2025", date="2025")



def test_a_note_passage_is_cited_with_its_note_and_its_marker_page() -> None:
    passage = Passage.in_note(DOC, "2", 0, 3)
    assert passage == Passage("気象庁", ("2 米国",), "136", note="2")
    assert cite(META, passage, "ja", source_only=True) == (
        "外務省「北米」『外交青書2025』2025年、「2 米国」、136頁、注2。"
    )
    assert cite(META, passage, "ja").startswith("「気象庁」\n")
    assert cite(META, passage, "sist02", source_only=True).endswith(", p. 136, 注2.")
    assert cite(META, passage, "en", source_only=True).endswith(', p. 136, n. 2.')
    first = Passage.in_note(DOC, "1", 0, 3)
    assert first.page == "135"


def test_a_note_without_pages_is_still_named() -> None:
    doc = Document("t", [Block("paragraph", "本文。", refs=[Ref(2, "a")])], [Footnote("a", "注の文。")])
    passage = Passage.in_note(doc, "a", 0, 2)
    assert cite(DocMeta(title="t"), passage, "ja", source_only=True) == "「t」注a。"
    assert cite(DocMeta(title="t"), passage, "en", source_only=True).endswith("n. a.")


def test_shiori_cite_finds_a_quote_in_a_footnote(tmp_path: Path) -> None:
    path = write_toudai(tmp_path)
    result = shiori("cite", str(path), "--quote", "気象庁の資料")
    assert result.returncode == 0, result.stderr
    quote, source = result.stdout.rstrip("\n").split("\n")
    assert quote == "「気象庁の資料」"
    assert source.endswith("「第1節 岬」、注2。")
    en = shiori("cite", str(path), "--quote", "気象庁", "--style", "en")
    assert en.returncode == 0, en.stderr
    assert en.stdout.rstrip().endswith('n. 1.')  # the first in reading order
    second = shiori("cite", str(path), "--quote", "気象庁", "--nth", "2", "--source-only")
    assert second.stdout.rstrip().endswith("注2。")
    # the text's own occurrence comes before a note's, as they are read
    text = shiori("cite", str(path), "--quote", "灯台", "--nth", "3", "--source-only")
    assert text.stdout.rstrip().endswith("注2。")


def test_shiori_cite_names_the_page_of_a_footnote_in_a_pdf(tmp_path: Path) -> None:
    model = json.loads(
        (ROOT / "tests/golden/inspect/international-affairs-2025-japanese-diplomacy.json").read_text(
            encoding="utf-8"
        )
    )
    pdf = tmp_path / "gaiko.pdf"
    golden_to_pdf(model, pdf, first_page=1)
    from store.importer import import_file

    doc = import_file(pdf)
    note = next(n for n in doc.footnotes if "日本語教育" in n.text)
    result = shiori("cite", str(pdf), "--quote", "日本語教育", "--style", "en", "--source-only")
    assert result.returncode == 0, result.stderr
    passage = Passage.in_note(doc, note.id, 0, 1)
    assert passage.page
    assert result.stdout.rstrip().endswith(f"p. {passage.page}, n. {note.id}.")
    found = json.loads(shiori("search", "--json", "--notes", "--doc", str(pdf), "日本語教育").stdout)
    assert note.id in {i.get("footnote") for i in found}
