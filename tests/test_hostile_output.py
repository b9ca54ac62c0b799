"""Issue 14, terminal and file injection (cases 1-4): nothing reaches the terminal raw, and
exports written to files are escaped for their format."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hostile import OSC52, QUOTE, SNIPPET, assert_clean, shiori
from markdown_it import MarkdownIt


@pytest.fixture
def hostile_name(tmp_path: Path) -> Path:
    """A document whose name carries an OSC 52 and whose title comes from that name."""
    path = tmp_path / f"x{OSC52}.txt"
    path.write_text("米国は日本にとって唯一の同盟国である。\n", "utf-8")
    return path


def test_1_a_file_name_never_reaches_the_terminal_raw(hostile_name: Path, capsys) -> None:
    code, out, err = shiori(capsys, "inspect", hostile_name)
    assert code == 0 and out.splitlines()[0] == "x"  # the title taken from the name, cleaned
    assert_clean(out, err)
    code, out, err = shiori(capsys, "inspect", hostile_name, "--json")
    assert code == 0 and '"title": "x"' in out
    assert_clean(out, err)
    code, out, err = shiori(capsys, "add", hostile_name)
    assert code == 0 and "added x␛]52;c;SGk=␇.txt" in out
    assert_clean(out, err)
    assert shiori(capsys, "annotate", hostile_name, "--quote", QUOTE)[0] == 0
    for fmt in ("md", "csv", "json"):
        code, out, err = shiori(capsys, "annotations", "export", "--format", fmt)
        assert code == 0
        assert_clean(out, err)
    code, out, err = shiori(capsys, "annotations", "list")
    assert code == 0 and "␛]52" in out
    assert_clean(out, err)


def test_1_a_missing_hostile_name_is_one_clean_line(tmp_path: Path, capsys) -> None:
    code, out, err = shiori(capsys, "inspect", tmp_path / f"gone{OSC52}.txt")
    assert code == 2 and err.count("\n") == 1 and "no such file" in err
    assert_clean(out, err)


def test_2_a_colour_name_with_escapes_is_shown_not_sent(tmp_path: Path, capsys) -> None:
    doc = tmp_path / "na.md"
    doc.write_text(SNIPPET, "utf-8")
    code, out, err = shiori(capsys, "annotations", "colors", "yellow", "Y\x1b[31mX")
    assert code == 0
    assert_clean(out, err)
    assert shiori(capsys, "annotate", doc, "--quote", QUOTE, "--color", "yellow")[0] == 0
    code, md, err = shiori(capsys, "annotations", "export", "--format", "md")
    assert code == 0
    assert_clean(md, err)
    assert "- Colour: yellow (YX)" in md  # the escape sequence stripped from the name


def _annotate(capsys, doc: Path, note: str = "", *tags: str) -> None:
    args = ["annotate", doc, "--quote", QUOTE, f"--note={note}", *(f"--tag={t}" for t in tags)]
    code, _, err = shiori(capsys, *args)
    assert code == 0, err


def test_3_csv_cells_never_start_a_formula(tmp_path: Path, capsys) -> None:
    doc = tmp_path / "na.md"
    doc.write_text(SNIPPET, "utf-8")
    _annotate(capsys, doc, '=HYPERLINK("http://evil","x")', "@SUM(A1)", "-2+3")
    _annotate(capsys, doc, "+1 and\tmore")
    _annotate(capsys, doc, "\tstarts with a tab")
    out_file = tmp_path / "out.csv"
    assert shiori(capsys, "annotations", "export", "--format", "csv", "-o", out_file)[0] == 0
    for text in (
        out_file.read_text("utf-8"),
        shiori(capsys, "annotations", "export", "--format", "csv")[1],
    ):
        rows = list(csv.DictReader(io.StringIO(text)))
        assert len(rows) == 3
        for row in rows:
            for cell in row.values():
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row
        notes = {r["note"] for r in rows}
        assert '\'=HYPERLINK("http://evil","x")' in notes
        assert "'+1 and\tmore" in notes and "'\tstarts with a tab" in notes
        assert {r["tags"] for r in rows} >= {"'@SUM(A1); -2+3"}


def _rendered(md: str) -> str:
    return MarkdownIt("commonmark").render(md)


def test_4_a_markdown_note_cannot_open_structure(tmp_path: Path, capsys) -> None:
    doc = tmp_path / "na.md"
    doc.write_text(SNIPPET, "utf-8")
    hostile = (
        "a\n## H\n> q\n```\n<img src=x onerror=alert(1)>\n- item\n1. one\n---\n[l](javascript:x)"
    )
    _annotate(capsys, doc, hostile, "<b>tag</b>", "## t")
    code, md, err = shiori(capsys, "annotations", "export", "--format", "md")
    assert code == 0
    assert_clean(md, err)
    html = _rendered(md)
    for opened in ("<img", "<b>", 'href="javascript', "<pre>", "<hr", "<ol>", "<h2>H</h2>"):
        assert opened not in html, opened
    assert html.count("<h2>") == 1  # the document, nothing from the note
    assert html.count("<blockquote>") == 1  # the quoted passage, not the note's "> q"
    assert html.count("<ul>") == 1  # the item's fields, no list from the note
    # The text itself is all there, as text.
    for piece in (
        "## H",
        "&gt; q",
        "```",
        "&lt;img src=x onerror=alert(1)&gt;",
        "- item",
        "1. one",
    ):
        assert piece in html, piece
    # A single-line note is escaped the same way.
    _annotate(capsys, doc, "# not a heading <script>")
    html = _rendered(shiori(capsys, "annotations", "export", "--format", "md")[1])
    assert "<script>" not in html and "# not a heading &lt;script&gt;" in html


def test_the_import_progress_line_shows_a_hostile_name_through_the_gate(monkeypatch) -> None:
    """The one line a long import draws on a terminal names the file: through the gate, so an
    escape sequence, a line break or a byte that is not UTF-8 in the name is shown, not sent."""
    import io

    from tui.commands import _progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(_progress, "DELAY", 0.0)
    monkeypatch.setattr(_progress, "RATE", 10**9)
    out = Terminal()
    name = f"/tmp/北米{OSC52}\n\udcff.pdf"
    with _progress.import_progress(name, out) as progress:
        assert progress is not None
        progress(1, 2)
    line = out.getvalue().removesuffix("\r\x1b[K")
    assert line == "\rshiori: reading /tmp/北米␛]52;c;SGk=␇ \ufffd.pdf: 1/2"


def test_a_page_label_is_stripped_like_every_other_field_of_a_citation() -> None:
    """A PDF's page labels are the document's data: one with an escape sequence must not reach
    the clipboard (the app copies citations with OSC 52) or the terminal through a citation."""
    from store.citation import Passage, cite
    from store.library import DocMeta

    meta = DocMeta(title="北米", author="外務省")
    for style in ("ja", "sist02", "en"):
        text = cite(meta, Passage("日米同盟", ("1 概観",), f"13{OSC52}5\n"), style)
        assert "\x1b" not in text and "\x07" not in text and "5\n" not in text
        assert "135" in text
