"""The reading pane driven like a user drives it: every binding, the mouse, popups, search."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from pilot_waits import settle
from screen_text import widget_lines
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding

from store.japanese import DocumentReadings, Reading
from store.model import Block, Document, Emphasis, Footnote, Ref, Ruby
from tui.layout.cells import text_width
from tui.layout.document import DocumentLayout
from tui.screens.reader_popups import OpensReaderPopups
from tui.widgets.footnote_popup import FootnotePopup
from tui.widgets.reader import FURIGANA_MODES, ReaderView
from tui.widgets.search_bar import SearchBar
from tui.widgets.word_popup import WordPopup

P1 = "現在、国際社会は歴史の転換点にある。各国は協力に取り組み、対立の収斂を目指す。"
P2 = "大陸間弾道ミサイル（ICBM）級の発射が続いた。日米は対応に取り組む。"
NOTE = "ICBMは大陸間弾道ミサイルのこと。射程は五千五百キロ以上。"


def make_doc(paragraphs: int = 1) -> Document:
    blocks = [Block("heading", "第一章 概観", level=1)]
    for _ in range(paragraphs):
        blocks.append(
            Block(
                "paragraph",
                P1,
                ruby=[Ruby(P1.index("収斂"), P1.index("収斂") + 2, "しゅうれん")],
                emphasis=[Emphasis(0, 2, "bold")],
            )
        )
        blocks.append(Block("paragraph", P2, refs=[Ref(P2.index("）") + 1, "1")]))
    return Document("テスト", blocks, footnotes=[Footnote("1", NOTE)])


def make_readings(doc: Document) -> DocumentReadings:
    blocks = []
    for block in doc.blocks:
        rs = []
        for word, reading in (("転換点", "てんかんてん"), ("弾道", "だんどう")):
            at = block.text.find(word)
            if at >= 0:
                rs.append(Reading(at, at + len(word), reading, "dict"))
        blocks.append(rs)
    return DocumentReadings(
        blocks,
        {"1": [Reading(NOTE.index("射程"), NOTE.index("射程") + 2, "しゃてい", "dict")]},
        [b.text for b in doc.blocks],
        [b.kind == "heading" for b in doc.blocks],
        {"1": NOTE},
    )


class ReaderApp(OpensReaderPopups, App[None]):
    def __init__(
        self, doc: Document, readings: DocumentReadings | None = None, analyse: bool = False
    ) -> None:
        super().__init__()
        self.doc, self.readings, self.analyse = doc, readings, analyse
        self.messages: list[Any] = []

    def compose(self) -> ComposeResult:
        yield ReaderView()

    def on_mount(self) -> None:
        reader = self.query_one(ReaderView)
        reader.furigana_mode = "all"
        reader.furigana_style = "kana"  # readings as given (auto: half-width here)
        reader.show(self.doc, readings=self.readings, analyse=self.analyse)
        reader.focus()

    def on_reader_view_readings_ready(self, message: ReaderView.ReadingsReady) -> None:
        self.messages.append(message)

    def on_reader_view_selection_copied(self, message: ReaderView.SelectionCopied) -> None:
        self.messages.append(message)

    def on_reader_view_selection_changed(self, message: ReaderView.SelectionChanged) -> None:
        self.messages.append(message)

    def on_reader_view_position_changed(self, message: ReaderView.PositionChanged) -> None:
        self.messages.append(message)


def lines(reader: ReaderView) -> list[str]:
    return [reader.render_line(y).text for y in range(reader.size.height)]


def cell_of(line: str, needle: str) -> int:
    return text_width(line[: line.index(needle)])


async def test_furigana_sit_over_their_kanji() -> None:
    doc = make_doc()
    app = ReaderApp(doc, make_readings(doc))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        shown = lines(app.query_one(ReaderView))
        k = next(i for i, line in enumerate(shown) if "転換点" in line)
        ruby = shown[k - 1]
        assert "てんかんてん" in ruby
        base_col = cell_of(shown[k], "転換点")
        ruby_col = cell_of(ruby, "てんかんてん")
        assert ruby_col == base_col - 3  # 12-cell reading centred on a 6-cell base
        # the source's reading is drawn too, and the heading has no ruby line above it
        assert any("しゅうれん" in line for line in shown)
        assert "第一章" in shown[0]
        assert "[1]" in "".join(shown)


async def test_bindings_have_ids_for_the_keymap() -> None:
    ids = {b.id for b in ReaderView.BINDINGS if isinstance(b, Binding)}
    for name in (
        "down", "up", "page_down", "page_up", "top", "bottom", "search", "next_match",
        "prev_match", "next_footnote", "prev_footnote", "open_footnote", "clear", "visual",
        "word_next", "word_prev", "sentence_next", "sentence_prev", "word_info", "furigana",
    ):  # fmt: skip
        assert f"reader.{name}" in ids


async def test_j_k_space_pageup_g_G_scroll() -> None:
    doc = make_doc(paragraphs=12)
    for block in doc.blocks:
        block.ruby = []  # no furigana rows: every line is a scroll step
    app = ReaderApp(doc)
    async with app.run_test(size=(40, 12)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        await pilot.press("j", "j")
        assert reader.scroll_y == 2
        await pilot.press("k")
        assert reader.scroll_y == 1
        await pilot.press("down")
        assert reader.scroll_y == 2
        await pilot.press("up")
        await pilot.press("space")
        assert reader.scroll_y == 1 + 11
        await pilot.press("pagedown")
        assert reader.scroll_y == 1 + 22
        await pilot.press("pageup")
        assert reader.scroll_y == 1 + 11
        await pilot.press("ctrl+b")
        assert reader.scroll_y == 1
        await pilot.press("G")
        await pilot.pause()
        assert reader.scroll_y == reader.max_scroll_y > 0
        assert reader.position[0] > 10
        assert "取り組む" in "".join(lines(reader))
        await pilot.press("g")
        assert reader.scroll_y == 0 and reader.cursor == 0
        # the app hears where the reader is
        positions = [m for m in app.messages if isinstance(m, ReaderView.PositionChanged)]
        assert positions and positions[-1].block == 0 and positions[-1].section_title


async def test_arrows_move_the_cursor_by_character() -> None:
    app = ReaderApp(make_doc())
    async with app.run_test(size=(60, 20)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        await pilot.press("right", "right", "l")
        assert reader.cursor == 3
        await pilot.press("left", "h")
        assert reader.cursor == 1


async def test_footnote_markers_brackets_enter_and_escape() -> None:
    doc = make_doc(paragraphs=2)
    app = ReaderApp(doc, make_readings(doc))
    async with app.run_test(size=(60, 24)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        await pilot.press("right_square_bracket")
        first = doc.block_starts[2] + P2.index("）")
        assert reader.cursor == first
        await pilot.press("right_square_bracket")
        second = doc.block_starts[4] + P2.index("）")
        assert reader.cursor == second
        await pilot.press("left_square_bracket")
        assert reader.cursor == first
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FootnotePopup)
        inner = app.screen.query_one(ReaderView)
        shown = "\n".join(lines(inner))
        assert "大陸間弾道ミサイルのこと" in shown
        assert "しゃてい" in shown  # the footnote has furigana too
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, FootnotePopup)


async def test_visual_selection_copies_base_text_only() -> None:
    doc = make_doc()
    app = ReaderApp(doc, make_readings(doc))
    async with app.run_test(size=(60, 20)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        start = P1.index("転換点")
        reader.goto_offset(doc.block_starts[1] + start)
        await pilot.press("v", "l", "l", "l", "y")
        copied = [m for m in app.messages if isinstance(m, ReaderView.SelectionCopied)]
        assert [m.text for m in copied] == ["転換点に"]
        changed = [m for m in app.messages if isinstance(m, ReaderView.SelectionChanged)]
        assert (changed[0].start, changed[0].end) == (
            doc.block_starts[1] + start,
            doc.block_starts[1] + start + 1,
        )
        assert reader.selection is None  # copying ends the selection


async def test_escape_clears_selection() -> None:
    app = ReaderApp(make_doc())
    async with app.run_test(size=(60, 20)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        await pilot.press("v", "l")
        assert reader.selection == (0, 2)
        await pilot.press("escape")
        assert reader.selection is None


async def test_search_slash_n_N_and_inflections() -> None:
    doc = make_doc(paragraphs=2)
    app = ReaderApp(doc)
    async with app.run_test(size=(60, 20)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchBar)
        await pilot.press(*"取り組む")
        bar = app.screen
        await settle(pilot, until=lambda: bar.counted == "取り組む")
        # counted as Enter will find them: the literal two and, by dictionary form, 取り組み
        assert str(bar.query_one("#search-count").render()) == "4 matches"
        await pilot.press("enter")
        await settle(pilot)
        found = {doc.base_text[s:e] for s, e in reader.matches}
        # the literal match and, through the dictionary form, 取り組み
        assert found == {"取り組む", "取り組み"}
        assert len(reader.matches) == 4
        starts = [s for s, _ in reader.matches]
        k = starts.index(reader.cursor)
        await pilot.press("n")
        assert reader.cursor == starts[(k + 1) % 4]
        await pilot.press("N", "N")
        assert reader.cursor == starts[(k - 1) % 4]
        await pilot.press("escape")
        assert reader.matches == []


async def test_search_match_crosses_a_wrap_and_a_marker() -> None:
    doc = make_doc()
    app = ReaderApp(doc)
    async with app.run_test(size=(24, 20)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        query = "（ICBM）級"  # the marker [1] is drawn inside this span
        reader.search(query)
        await pilot.pause()
        assert len(reader.matches) == 1
        s, e = reader.matches[0]
        assert doc.base_text[s:e] == query
        # long query spanning the wrap of the first paragraph
        reader.search("歴史の転換点にある。各国")
        await pilot.pause()
        assert len(reader.matches) == 1


async def test_word_and_sentence_motions() -> None:
    doc = make_doc()
    app = ReaderApp(doc)
    async with app.run_test(size=(60, 20)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        reader.goto_offset(doc.block_starts[1])
        await pilot.press("w")
        assert doc.base_text[reader.cursor] == "、"  # 現在 is one word
        await pilot.press("w")
        assert doc.base_text[reader.cursor : reader.cursor + 2] == "国際"
        await pilot.press("b")
        assert doc.base_text[reader.cursor] == "、"
        await pilot.press("right_parenthesis")
        assert doc.base_text[reader.cursor : reader.cursor + 2] == "各国"
        await pilot.press("right_parenthesis")
        assert doc.base_text[reader.cursor : reader.cursor + 2] == "大陸"
        await pilot.press("left_parenthesis")
        assert doc.base_text[reader.cursor : reader.cursor + 2] == "各国"


async def test_sentence_back_stops_at_a_highlight_begun_mid_sentence() -> None:
    """``v ) a`` begun mid-sentence (after a footnote marker) leaves the cursor after the
    highlight; ``(`` went to the sentence's start, before the highlight, so ``y`` there said
    "Nothing to cite". It returns to the highlight first, then to the sentence's start."""
    doc = make_doc()
    app = ReaderApp(doc)
    async with app.run_test(size=(60, 20)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        base = doc.block_starts[1]
        start, end = base + P1.index("国際"), base + P1.index("。") + 1
        reader.highlights = [(start, end, "yellow")]
        reader.goto_offset(end + 3)  # in the next sentence
        await pilot.press("left_parenthesis")
        assert reader.cursor == end  # its start, where finish_selection leaves the cursor
        await pilot.press("left_parenthesis")
        assert reader.cursor == start
        await pilot.press("left_parenthesis")
        assert reader.cursor == base


async def test_K_shows_the_word() -> None:
    doc = make_doc()
    app = ReaderApp(doc)
    async with app.run_test(size=(60, 20)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        reader.goto_offset(doc.block_starts[1] + P1.index("取り組み"))
        await pilot.press("K")
        await pilot.pause()
        assert isinstance(app.screen, WordPopup)
        info = "\n".join(widget_lines(app.screen.query_one("#word-info")))
        assert "取り組む" in info  # dictionary form
        assert "とりくみ" in info  # reading
        assert "動詞" in info
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, WordPopup)


async def test_K_says_how_the_text_reads_a_word_the_dictionary_reads_otherwise() -> None:
    """The popup gave only the dictionary's reading (尹 いん) over a name the document glossed
    (ユン): now the reading shown in the text comes first, with where it came from."""
    text = "尹大統領は会談の後、記者団に語った。"
    doc = Document("名前", [Block("paragraph", text)])
    readings = DocumentReadings(
        [[Reading(0, 1, "ゆん", "gloss"), Reading(1, 4, "だいとうりょう", "dict")]],
        {},
        [text],
        [False],
        {},
    )
    app = ReaderApp(doc, readings)
    async with app.run_test(size=(60, 20)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        reader.goto_offset(0)
        await pilot.press("K")
        await pilot.pause()
        assert isinstance(app.screen, WordPopup)
        info = "\n".join(widget_lines(app.screen.query_one("#word-info")))
        assert "Read here" in info and "ゆん (a gloss in the document)" in info
        assert "いん" in info  # the dictionary's, still there
        await pilot.press("escape")
        await pilot.pause()
        reader.goto_offset(1)  # 大統領: read as the dictionary reads it, one reading row
        await pilot.press("K")
        await pilot.pause()
        info = "\n".join(widget_lines(app.screen.query_one("#word-info")))
        assert "Read here" not in info and "だいとうりょう" in info


async def test_r_cycles_furigana_modes_including_inline() -> None:
    doc = make_doc()
    app = ReaderApp(doc, make_readings(doc))
    async with app.run_test(size=(60, 20)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        modes = [m for m, _ in FURIGANA_MODES]
        seen = []
        for _ in modes:
            await pilot.press("r")
            await pilot.pause()
            seen.append(reader.furigana_mode)
            if reader.furigana_mode == "inline":
                assert "転換点(てんかんてん)" in "".join(lines(reader))
            if reader.furigana_mode == "off":
                shown = "".join(lines(reader))
                assert "てんかんてん" not in shown
                assert "しゅうれん" in shown  # the source's ruby stays
        assert sorted(seen) == sorted(modes)


async def test_resize_keeps_the_reading_position() -> None:
    doc = make_doc(paragraphs=20)
    app = ReaderApp(doc, make_readings(doc))
    async with app.run_test(size=(50, 15)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        reader.goto_block(21)
        await pilot.pause()
        assert reader.position == (21, 0)
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert reader.position == (21, 0)
        assert P1[:4] in lines(reader)[0] + lines(reader)[1]


async def test_mouse_click_marker_opens_popup_and_hover_previews() -> None:
    doc = make_doc()
    app = ReaderApp(doc)
    async with app.run_test(size=(80, 20)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        shown = lines(reader)
        y = next(i for i, line in enumerate(shown) if "[1]" in line)
        x = cell_of(shown[y], "[1]") + 1 + reader.gutter.left
        await pilot.hover(reader, offset=(x, y))
        assert reader.tooltip is not None and "ICBM" in str(reader.tooltip)
        await pilot.click(reader, offset=(x, y))
        await pilot.pause()
        assert isinstance(app.screen, FootnotePopup)


async def test_mouse_drag_selects() -> None:
    doc = make_doc()
    app = ReaderApp(doc)
    async with app.run_test(size=(80, 20)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        shown = lines(reader)
        y = next(i for i, line in enumerate(shown) if line.startswith("現在"))
        left = reader.gutter.left
        await pilot.mouse_down(reader, offset=(left, y))
        await pilot.hover(reader, offset=(left + 4, y))
        await pilot.mouse_up(reader, offset=(left + 4, y))
        sel = reader.selection
        assert sel is not None
        assert doc.base_text[sel[0] : sel[1]] == "現在、"


async def test_highlights_and_control_characters() -> None:
    doc = Document("t", [Block("paragraph", "安全\x1b[2Jな表示\x07です")])
    app = ReaderApp(doc)
    async with app.run_test(size=(40, 6)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        reader.highlights = [(0, 2, "yellow")]
        await pilot.pause()
        strip = reader.render_line(0)
        assert "␛[2J" in strip.text and "␇" in strip.text
        assert not any(ord(c) < 0x20 for c in strip.text)
        styled = [seg for seg in strip if "全" in seg.text]  # 安 has the cursor
        assert styled and styled[0].style is not None and styled[0].style.bgcolor is not None


async def test_big_document_paints_before_it_is_laid_out() -> None:
    doc = make_doc(paragraphs=1500)
    app = ReaderApp(doc)
    async with app.run_test(size=(60, 20)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        assert "第一章" in lines(reader)[0]
        await app.workers.wait_for_complete()
        await pilot.pause()
        layout = reader._layout
        assert layout is not None and layout.complete
        await pilot.press("G")
        assert "取り組む" in "".join(lines(reader))


async def test_readings_arriving_later_keep_the_position() -> None:
    doc = make_doc(paragraphs=20)
    app = ReaderApp(doc)
    async with app.run_test(size=(50, 15)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        reader.goto_block(9)
        await pilot.pause()
        assert "てんかんてん" not in "".join(lines(reader))
        reader.set_readings(make_readings(doc))
        await pilot.pause()
        assert reader.position == (9, 0)
        assert "てんかんてん" in "".join(lines(reader))


async def test_scrolling_never_cuts_a_furigana_row_from_its_text() -> None:
    doc = make_doc(paragraphs=10)
    app = ReaderApp(doc, make_readings(doc))
    async with app.run_test(size=(30, 10)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        for key in ["j"] * 15 + ["space"] * 3 + ["k"] * 7 + ["pageup"]:
            await pilot.press(key)
            layout = reader._layout
            assert layout is not None
            top = layout.line(int(reader.scroll_y))
            below = layout.line(int(reader.scroll_y) - 1)
            # the top line is never a base row whose readings sit just above the screen
            assert not (
                top is not None
                and top.kind == "base"
                and below is not None
                and below.kind == "ruby"
                and below.row is top.row
            ), key


async def test_first_mode_shows_a_reading_once_per_section() -> None:
    blocks = [
        Block("heading", "一", level=1),
        Block("paragraph", P1),
        Block("paragraph", P1),
        Block("heading", "二", level=1),
        Block("paragraph", P1),
    ]
    doc = Document("t", blocks)
    app = ReaderApp(doc, make_readings(doc))
    async with app.run_test(size=(100, 30)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        reader.furigana_mode = "first"
        await pilot.pause()
        layout = reader._layout
        assert layout is not None
        with_ruby = [i for i in range(5) if any(r.ruby for r in layout.block_rows(i))]
        assert with_ruby == [1, 4]


async def test_without_readings_the_reader_analyses_the_document_itself() -> None:
    doc = make_doc()
    app = ReaderApp(doc, analyse=True)
    async with app.run_test(size=(60, 20)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any(isinstance(m, ReaderView.ReadingsReady) for m in app.messages)
        reader.furigana_mode = "all"
        reader.furigana_style = "kana"  # readings as given (auto: half-width here)
        await pilot.pause()
        shown = lines(reader)
        k = next(i for i, line in enumerate(shown) if "転換点" in line)
        assert "てんかんてん" in shown[k - 1]


@pytest.mark.parametrize(
    "doc",
    [
        Document("empty", []),
        Document("blank blocks", [Block("paragraph", ""), Block("heading", "", level=2)]),
    ],
    ids=["no blocks", "empty blocks"],
)
async def test_every_key_is_harmless_on_an_empty_document(doc: Document) -> None:
    app = ReaderApp(doc)
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        keys = [
            "j", "k", "down", "up", "left", "right", "space", "pageup", "g", "G", "n", "N",
            "right_square_bracket", "left_square_bracket", "enter", "v", "w", "b",
            "right_parenthesis", "left_parenthesis", "K", "y", "escape", "r",
        ]  # fmt: skip
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
            if app.screen is not app.screen_stack[0]:
                await pilot.press("escape")
        await pilot.press("slash", *"abc", "enter")
        await pilot.pause()
        assert app.query_one(ReaderView).matches == []


async def test_without_a_working_analyser_words_follow_the_script(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import store.japanese

    def broken(text: str) -> list[Any]:
        raise RuntimeError("dictionary missing")

    monkeypatch.setattr(store.japanese, "tokenize", broken)
    doc = make_doc()
    app = ReaderApp(doc)
    async with app.run_test(size=(60, 20)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        reader.goto_offset(doc.block_starts[1])
        await pilot.press("w")
        assert doc.base_text[reader.cursor] == "、"
        reader.search("取り組む")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [doc.base_text[s:e] for s, e in reader.matches] == ["取り組む"]
        assert app.is_running


async def test_G_reaches_the_end_before_the_background_layout_is_done(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The background layout is held at a gate (not raced against the clock), so `G` is
    pressed while most of the document is still unlaid on every machine."""
    gate = threading.Event()
    compute = DocumentLayout.compute

    def held_in_workers(self: DocumentLayout, k: int) -> Any:
        if threading.current_thread() is not threading.main_thread():
            gate.wait()
        return compute(self, k)

    monkeypatch.setattr(DocumentLayout, "compute", held_in_workers)
    doc = make_doc(paragraphs=1500)
    doc.blocks.append(Block("paragraph", "最後の段落。"))
    app = ReaderApp(doc)
    try:
        async with app.run_test(size=(60, 20)) as pilot:
            reader = app.query_one(ReaderView)
            await pilot.pause()
            assert reader._layout is not None and not reader._layout.complete
            await pilot.press("G")
            await pilot.pause()
            assert "最後の段落。" in "".join(lines(reader))
            gate.set()
    finally:
        gate.set()


async def test_a_selection_grows_to_the_end_of_a_sentence_or_word_not_into_the_next() -> None:
    """`v )` selects exactly the sentence (its 。 included, the next sentence's first
    character not); `v w` the word; a second `w` on a word's last character takes the next."""
    doc = make_doc()
    app = ReaderApp(doc)
    async with app.run_test(size=(60, 20)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        start = doc.block_starts[1]
        first_sentence = P1[: P1.index("。") + 1]
        reader.goto_offset(start)
        await pilot.press("v", "right_parenthesis")
        a, b = reader.selection or (0, 0)
        assert doc.base_text[a:b] == first_sentence
        await pilot.press("escape")
        reader.goto_offset(start)
        await pilot.press("v", "w")
        a, b = reader.selection or (0, 0)
        assert doc.base_text[a:b] == "現在"
        await pilot.press("w")
        a, b = reader.selection or (0, 0)
        assert doc.base_text[a:b] == "現在、"
        # Without a selection the motions still land on the next unit's start.
        await pilot.press("escape")
        reader.goto_offset(start)
        await pilot.press("w")
        assert doc.base_text[reader.cursor] == "、"


async def test_v_sentence_from_a_sentence_end_selects_the_next_sentence_whole() -> None:
    """On a 。 (where a used selection used to leave the cursor) `v )` is the next sentence,
    without the 。 before it; a copied selection leaves the cursor at the next sentence."""
    doc = make_doc()
    app = ReaderApp(doc)
    async with app.run_test(size=(60, 20)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        start = doc.block_starts[1]
        first, second = P1.split("。")[:2]
        reader.goto_offset(start + len(first))  # on the first sentence's 。
        await pilot.press("v", "right_parenthesis")
        a, b = reader.selection or (0, 0)
        assert doc.base_text[a:b] == second + "。"
        await pilot.press("y")  # copied: reading goes on at the next sentence
        assert reader.selection is None
        assert doc.base_text[reader.cursor :].startswith(P2[:5])
        await pilot.press("v", "right_parenthesis")
        a, b = reader.selection or (0, 0)
        assert doc.base_text[a:b] == P2[: P2.index("。") + 1]


class PlainApp(App[None]):
    """A reader on a screen that opens no popups: what the reader asks for is recorded."""

    def __init__(self, doc: Document, readings: DocumentReadings) -> None:
        super().__init__()
        self.doc, self.readings = doc, readings
        self.asked: list[Any] = []

    def compose(self) -> ComposeResult:
        yield ReaderView()

    def on_mount(self) -> None:
        reader = self.query_one(ReaderView)
        reader.furigana_mode = "all"
        reader.furigana_style = "kana"  # readings as given (auto: half-width here)
        reader.show(self.doc, readings=self.readings)
        reader.focus()

    def on_reader_view_footnote_requested(self, message: ReaderView.FootnoteRequested) -> None:
        self.asked.append(message)

    def on_reader_view_word_info_requested(self, message: ReaderView.WordInfoRequested) -> None:
        self.asked.append(message)

    def on_reader_view_search_requested(self, message: ReaderView.SearchRequested) -> None:
        self.asked.append(message)


async def test_the_reader_asks_for_its_popups_and_pushes_no_screen() -> None:
    doc = make_doc(paragraphs=2)
    app = PlainApp(doc, make_readings(doc))
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.press("right_square_bracket", "enter")
        await pilot.pause()
        [footnote] = app.asked
        assert isinstance(footnote, ReaderView.FootnoteRequested)
        assert footnote.note.text == NOTE and footnote.mode == "all"
        assert [r.reading for r in footnote.readings] == ["しゃてい"]
        reader = app.query_one(ReaderView)
        reader.goto_offset(doc.block_starts[1] + P1.index("転換点"))
        await pilot.press("K")
        await pilot.pause()
        word = app.asked[1]
        assert isinstance(word, ReaderView.WordInfoRequested) and word.word.surface == "転換点"
        await pilot.press("slash")
        await pilot.pause()
        search = app.asked[2]
        assert isinstance(search, ReaderView.SearchRequested) and search.reader is reader
        assert len(app.screen_stack) == 1  # the reader itself opened nothing


def test_the_popups_import_no_reader() -> None:
    """No import cycle between the reader and its popups (not even inside a function)."""
    import ast
    from pathlib import Path

    widgets = Path(__file__).resolve().parent.parent / "tui" / "widgets"
    for name in ("footnote_popup.py", "word_popup.py", "search_bar.py"):
        tree = ast.parse((widgets / name).read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)} | {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        }
        assert "tui.widgets.reader" not in imported, name
    reader = ast.parse((widgets / "reader.py").read_text(encoding="utf-8"))
    modules = {node.module for node in ast.walk(reader) if isinstance(node, ast.ImportFrom)}
    assert not {"tui.widgets.footnote_popup", "tui.widgets.word_popup", "tui.widgets.search_bar"} & modules
async def test_the_analysis_starts_where_the_reader_is_and_stops_on_quit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A long document opened in its middle: the piece there is analysed first and shown at
    once; the analysis is then held at a gate, and quitting cancels it rather than waiting."""
    import store.japanese.document as document

    monkeypatch.setattr(document, "PIECE_CHARS", 400)
    doc = make_doc(paragraphs=60)
    done: list[int] = []
    gate = threading.Event()
    real_run_piece = document.DocumentAnalysis.run_piece

    def run_piece(self: Any, k: int, cancelled: Any = lambda: False) -> bool:
        if done:  # after the first piece: wait until the test lets go (or the quit cancels)
            while not gate.wait(0.01):
                if cancelled():
                    return False
        done.append(k)
        return real_run_piece(self, k, cancelled)

    monkeypatch.setattr(document.DocumentAnalysis, "run_piece", run_piece)
    middle = len(doc.blocks) // 2

    class MiddleApp(App[None]):
        CSS = "ReaderView { height: 1fr; }"

        def compose(self) -> ComposeResult:
            yield ReaderView()

        def on_mount(self) -> None:
            reader = self.query_one(ReaderView)
            reader.furigana_mode = "all"
            reader.furigana_style = "kana"  # readings as given (auto: half-width here)
            reader.show(doc, analyse=True, position=(middle, 0))

    app = MiddleApp()
    async with app.run_test(size=(60, 20)) as pilot:
        reader = app.query_one(ReaderView)
        for _ in range(200):
            await pilot.pause(0.02)
            if reader._readings is not None:
                break
        first = document.DocumentAnalysis(doc).pieces[done[0]]
        assert first[0] <= middle < first[1]  # the reader's piece came first
        shown = lines(reader)
        assert reader.position == (middle, 0) and "弾道" in shown[1]
        assert "だんどう" in shown[0]  # its furigana show before the rest is analysed
        k = next(i for i, line in enumerate(shown) if "転換点" in line)
        assert "てんかんてん" not in shown[k - 1]  # the next piece is not done yet
        assert not reader._readings.complete
        worker = next(w for w in app.workers if w.group == "reader-analyse")
        app.exit()
    assert worker.is_cancelled and not gate.is_set()
    assert len(done) == 1  # nothing after the quit


def test_laid_out_pieces_beyond_the_budget_keep_only_their_height(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import tui.layout.document as layout_module

    monkeypatch.setattr(layout_module, "KEEP_LAYOUTS", 5)
    doc = make_doc(paragraphs=20)
    layout = DocumentLayout(doc, 30)
    for k in range(len(layout.pieces)):
        layout.ensure(k)
    assert layout.complete and sum(x is not None for x in layout.layouts) == 5
    heights = list(layout.heights)
    assert layout.line(layout.starts[0]) is not None  # laid out again on demand
    assert layout.heights == heights and layout.complete
    assert layout.invalidate_blocks(3, 5) and not layout.complete  # their readings arrived


class OpensAtAMatchApp(ReaderApp):
    """Like the library search: the document shown and a match asked for at once, before
    the reader has its size (the first layout waits for it)."""

    def on_mount(self, event: events.Mount) -> None:
        event.prevent_default()  # ReaderApp's handler is called here, not again after
        super().on_mount()
        reader = self.query_one(ReaderView)
        start = self.doc.base_text.rindex("取り組む")
        reader.search("取り組む", at=(start, start + len("取り組む")))


async def test_a_match_asked_for_before_the_first_layout_is_on_screen_once_laid_out() -> None:
    many = make_doc(paragraphs=30)
    last = "最後の段落でも対応に取り組む。"
    doc = Document("テスト", [*many.blocks, Block("paragraph", last)], footnotes=many.footnotes)
    app = OpensAtAMatchApp(doc)
    async with app.run_test(size=(60, 20)) as pilot:
        reader = app.query_one(ReaderView)
        await settle(pilot)
        assert reader.cursor == doc.base_text.rindex("取り組む")
        shown = lines(reader)
        assert any("最後の段落" in line for line in shown), shown  # the match's paragraph


async def test_search_with_several_words_quotes_and_exclusions_as_the_library_does() -> None:
    doc = make_doc(paragraphs=2)
    app = ReaderApp(doc)
    async with app.run_test(size=(60, 20)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()

        def found(query: str) -> list[tuple[str, str]]:
            spans = reader.find_matches(query)
            assert spans is not None
            return [(doc.base_text[s:e], doc.blocks[doc.locate(s)[0]].text) for s, e in spans]

        # two words: their matches in the paragraphs holding both (P1), in any form
        both = found("取り組む 収斂")
        assert {text for text, _ in both} == {"取り組み", "収斂"} and len(both) == 4
        assert all(block == P1 for _, block in both)
        # a phrase is matched as written; -word leaves out the paragraphs that have it
        assert {text for text, _ in found('"取り組む"')} == {"取り組む"}
        assert {block for _, block in found("取り組む -収斂")} == {P2}
        # the search itself (Enter in the bar) shows the same matches, n goes through them
        await pilot.press("slash", *"取り組む 収斂", "enter")
        await settle(pilot, until=lambda: len(reader.matches) == 4)
        assert [doc.base_text[s:e] for s, e in reader.matches] == [t for t, _ in both]


async def test_a_selection_started_on_a_footnote_marker_starts_after_it() -> None:
    """] puts the cursor on the marker (drawn on the character before it); v ) there quoted
    「）級の発射…」, the bracket the marker follows."""
    doc = make_doc(paragraphs=1)
    app = ReaderApp(doc)
    async with app.run_test(size=(60, 20)) as pilot:
        reader = app.query_one(ReaderView)
        await pilot.pause()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert reader.marker_at_cursor() == "1"
        await pilot.press("v", "right_parenthesis")
        await pilot.pause()
        sel = reader.selection
        assert sel is not None
        assert doc.base_text[sel[0] : sel[1]] == "級の発射が続いた。"
