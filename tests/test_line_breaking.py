"""One line-breaking routine everywhere: kinsoku, wide characters and whole Latin words in the
reader and in every other widget that wraps text (sidebar, toasts, dialogs, help)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from pilot_waits import settle
from screen_text import closing_mark_starts, widget_lines
from textual.widgets import TextArea
from textual.widgets._toast import Toast

from store.importer import import_file
from tui.app import OpenedFile, ShioriApp
from tui.layout.cells import text_width
from tui.layout.kinsoku import NO_LINE_START
from tui.layout.wrap import break_offsets, wrap_lines, wrap_pieces
from tui.screens.citation_dialog import CitationDialog
from tui.widgets.annotation_list import AnnotationList

JA = "日米同盟は基軸である「」（）、。ー々っゃ…ＡＢ abc XYZ 0123"


def test_break_offsets_follow_kinsoku_and_keep_latin_words_whole() -> None:
    text = "日米同盟は、日本の外交と安全保障の基軸である。「同盟国である。」 (u undoes)"
    lines = wrap_lines(text, 20)
    assert lines == [
        "日米同盟は、日本の外",
        "交と安全保障の基軸で",
        "ある。「同盟国であ",
        "る。」 (u undoes)",
    ]
    assert wrap_lines("alpha beta gamma", 10) == ["alpha beta", "gamma"]


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=JA, max_size=80), width=st.integers(4, 60))
def test_every_piece_fits_and_none_starts_with_a_closing_mark(text: str, width: int) -> None:
    offsets = break_offsets(text, width)
    assert offsets == sorted(set(offsets)) and all(0 < k < len(text) for k in offsets)
    cuts = [0, *offsets, len(text)]
    pieces = [text[a:b].rstrip(" ") for a, b in zip(cuts, cuts[1:], strict=False)]
    assert "".join(text[a:b] for a, b in zip(cuts, cuts[1:], strict=False)) == text
    for k, piece in enumerate(pieces):
        assert text_width(piece) <= width
        if k and piece and piece[0] in NO_LINE_START:
            # only after a space, or when a glued run wider than the line had to be cut
            after_space = text[cuts[k] - 1] == " "
            assert after_space or text_width(pieces[k - 1] + piece[0]) > width


PARAGRAPH = (
    "日米同盟は、日本の外交と安全保障の基軸であり、インド太平洋地域の平和と安定の礎である。"
    "両国は「自由で開かれたインド太平洋」の実現に向け、協力を深めることで一致した。"
)
#: Quotes of every length from 10 to 40 characters, each ending in 。 or 」 or a plain
#: character, so wherever a widget's width falls, some line break lands right before a mark.
QUOTES = [PARAGRAPH[:n] for n in range(10, 41)]


@settings(max_examples=200, deadline=None)
@given(
    pieces=st.lists(st.tuples(st.text(alphabet=JA, max_size=30), st.booleans()), max_size=5),
    width=st.integers(6, 40),
)
def test_pieces_wrap_like_text_and_keep_their_marks(
    pieces: list[tuple[str, bool]], width: int
) -> None:
    """``shiori search`` on a terminal: a result's line, its match marked, broken where
    :func:`break_offsets` breaks (kinsoku: tests above and in test_search_cli), the lines
    after the first indented; every character kept with its mark."""
    lines = wrap_pieces(pieces, width, "  ")
    drawn = [lines[0], *(line[1:] for line in lines[1:])]
    assert all(line[0] == ("  ", False) for line in lines[1:])
    for n, line in enumerate(drawn):
        row = "".join(t for t, _ in line)
        assert text_width(row) <= (width if n == 0 else width - 2)
    # nothing lost but the spaces a break swallowed; each character keeps its mark
    def marked(parts: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
        return [(ch, m) for t, m in parts for ch in t if ch != " "]

    assert marked([p for line in drawn for p in line]) == marked(pieces)


async def test_sidebar_toasts_and_dialogs_never_start_a_line_with_a_closing_mark(
    tmp_path: Path,
) -> None:
    path = tmp_path / "domei.txt"
    path.write_text("# 日米同盟\n\n" + PARAGRAPH + "\n", encoding="utf-8")
    app = ShioriApp(OpenedFile(path.resolve(), import_file(path)))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot, until=lambda: app.annotations.current is not None)
        ctl, reader = app.annotations, app.reader
        start = reader.document.base_text.index(PARAGRAPH)
        assert ctl.repo is not None and ctl.current is not None
        for quote in QUOTES:
            ctl.repo.create(ctl.current.key, ctl.current.document, start, start + len(quote))
        ctl.reload()
        await pilot.press("s")
        await settle(pilot, until=lambda: len(ctl.annotations) == len(QUOTES))
        listing = app.main_screen.query_one(AnnotationList)
        seen: list[str] = []
        for k in range(len(QUOTES)):
            listing.options.scroll_to(y=k * 4, animate=False, immediate=True)
            await pilot.pause()
            seen += widget_lines(listing.options)
        # toasts: deleting each highlight says which, the shortest first
        reader.focus()
        reader.goto_offset(start)
        for _ in QUOTES[:12]:
            await pilot.press("d")
            await pilot.pause()
            for toast in app.screen.query(Toast):
                seen += widget_lines(toast)
        # the citations, shown to copy by hand (no clipboard here)
        for quote in QUOTES[::3]:
            ctl.cite_annotation_or_span((start, start + len(quote)), None, source_only=False)
            await pilot.pause()
            assert isinstance(app.screen, CitationDialog)
            seen += widget_lines(app.screen.query_one("#citation-text", TextArea))
            await pilot.press("escape")
            await pilot.pause()
    assert sum("」" in line for line in seen) > 20
    assert closing_mark_starts(seen) == []


def test_the_app_installs_the_routine_for_every_widget() -> None:
    import subprocess
    import sys

    code = (
        "import rich.text, textual.content, textual.document._wrapped_document as w\n"
        "from tui.app import ShioriApp\n"
        "ShioriApp()\n"
        "print(rich.text.divide_line.__module__, textual.content.divide_line.__module__,"
        " w.compute_wrap_offsets.__module__)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout.split()
    assert out == ["tui.line_breaking"] * 3


HINT_LINE = "ctrl+s or Enter in Tags: save   tab: next field   right arrow: complete a tag   Esc: back"


def test_a_hint_breaks_between_its_phrases_never_inside_one() -> None:
    """At 60 columns the note dialog's hint ended a line with ``Esc:`` and began the next with
    ``back``: a text of phrases set apart by wide gaps breaks between them."""
    assert wrap_lines(HINT_LINE, 60) == [
        "ctrl+s or Enter in Tags: save   tab: next field",
        "right arrow: complete a tag   Esc: back",
    ]
    assert wrap_lines(HINT_LINE, 40) == [
        "ctrl+s or Enter in Tags: save",
        "tab: next field",
        "right arrow: complete a tag   Esc: back",
    ]
    # a phrase wider than the line is broken the ordinary way
    assert all(text_width(line) <= 20 for line in wrap_lines(HINT_LINE, 20))


def test_widgets_break_a_hint_between_its_phrases() -> None:
    from textual.content import Content

    from tui.line_breaking import install

    install()
    lines = [line.plain.rstrip() for line in Content(HINT_LINE).wrap(40)]
    assert lines[-1] == "right arrow: complete a tag   Esc: back"
