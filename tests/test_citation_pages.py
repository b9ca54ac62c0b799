"""Citations name the printed page of the quoted passage, in every style, as a range when the
passage runs over a page break."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from render_formats import golden_to_pdf

from store.citation import Passage, cite, pages_of
from store.library import DocMeta
from store.model import Block, Document, PageStart

ROOT = Path(__file__).resolve().parent.parent

DOC = Document(
    title="北米",
    blocks=[
        Block("heading", "2 米国", level=1),
        Block("paragraph", "第一の段落は百三十五頁で始まり、次の頁へ続く。"),
        Block("paragraph", "第二の段落。"),
    ],
    pages=[PageStart(0, 0, "135"), PageStart(1, 14, "136")],
)
META = DocMeta(title="北米", author="外務省", container="外交青書2025", date="2025")


def _span(text: str) -> tuple[int, int]:
    start = DOC.base_text.index(text)
    return start, start + len(text)


def test_the_page_of_a_passage_and_the_range_of_one_across_a_page_break() -> None:
    assert pages_of(DOC, *_span("第一の段落")) == "135"
    assert pages_of(DOC, *_span("始まり、次の頁")) == "135–136"
    assert pages_of(DOC, *_span("第二")) == "136"
    assert pages_of(Document("t", [Block("paragraph", "頁のない文書。")]), 0, 3) == ""


def test_every_style_writes_the_page() -> None:
    one = Passage.in_document(DOC, *_span("第二"))
    run = Passage.in_document(DOC, *_span("始まり、次の頁"))
    assert (one.page, run.page) == ("136", "135–136")

    def source(passage: Passage, style: str) -> str:
        return cite(META, passage, style, source_only=True)

    assert source(one, "ja") == "外務省「北米」『外交青書2025』2025年、「2 米国」、136頁。"
    assert source(run, "ja").endswith("、135-136頁。")
    assert source(one, "sist02").endswith(", p. 136.")
    assert source(run, "sist02").endswith(", p. 135-136.")
    assert source(one, "en").endswith(", p. 136.")
    assert source(run, "en").endswith(", pp. 135–136.")


def test_shiori_cite_names_the_page_of_a_quote_in_a_pdf(tmp_path: Path) -> None:
    model = json.loads(
        (ROOT / "tests/golden/inspect/diplomatic-bluebook-2025-north-america.json").read_text(
            encoding="utf-8"
        )
    )
    pdf = tmp_path / "bluebook.pdf"
    golden_to_pdf(model, pdf, first_page=135)
    quote = "日米同盟はかつてなく強固なものとなっている。"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "tui.cli", "cite", str(pdf), "--quote", quote, "--style", "en"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    from store.importer import import_file

    doc = import_file(pdf)
    start = doc.base_text.index(quote)
    expected = pages_of(doc, start, start + len(quote))
    assert expected.isdigit() and int(expected) > 135
    assert result.stdout.rstrip().endswith(f"p. {expected}.")
