"""The library in the app, driven through Pilot: the tree (titles, filter, sort, collisions,
width, outlines, recently read, remove), the library search screen and the palette."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from pilot_waits import settle
from rich.text import Text
from textual.command import CommandList, CommandPalette

from store import paths
from store.library import doc_key
from tui.app import ShioriApp
from tui.screens.confirm import ConfirmScreen
from tui.screens.library_search import LibrarySearchScreen, ResultList
from tui.widgets.doc_tree import RECENT, DocTree, TreeTarget

KAIDAN = """# 首脳会談の記録

## 第1節 抑止

両国は拡大
抑止の強化を確認した。

## 第2節 経済

両国は経済協力に取り組んでいる。さらに投資にも取り組む。
"""

TSUSHO = """# 通商の覚え書き

著者の覚え書き。関税について。
"""


@pytest.fixture
def library() -> Path:
    folder = paths.library_dir()
    (folder / "kaidan.md").write_text(KAIDAN, encoding="utf-8")
    (folder / "tsusho.md").write_text(TSUSHO, encoding="utf-8")
    return folder


def doc_labels(tree: DocTree) -> list[str]:
    return [str(n.label) for n in tree.root.children if isinstance(n.data, TreeTarget)]


def tree_of(app: ShioriApp) -> DocTree:
    return app.doc_tree


async def test_titles_come_from_the_files_and_the_filter_narrows_them(library: Path) -> None:
    app = ShioriApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        tree = tree_of(app)
        assert "首脳会談の記録" in doc_labels(tree) and "通商の覚え書き" in doc_labels(tree)
        tree.focus()
        await pilot.press("slash")
        assert app.focused is app.library_pane.filter_box
        await pilot.press(*"覚え")
        await settle(pilot)
        assert doc_labels(tree) == ["通商の覚え書き"]
        assert str(tree.root.label).startswith("Library (1 of 7")
        await pilot.press("enter")  # to the tree, on the first document left
        assert app.focused is tree
        assert tree.cursor_node is tree.document_node("lib:tsusho.md")
        await pilot.press("slash", "escape")  # Escape clears the filter, back to the tree
        await settle(pilot)
        assert app.focused is tree and len(doc_labels(tree)) == 7
        # the author and the file name are searched too
        app.library_pane.filter_box.value = "kaidan"
        await settle(pilot)
        assert doc_labels(tree) == ["首脳会談の記録"]


async def test_a_file_the_index_has_not_read_yet_gets_its_title_once_it_has(
    library: Path,
) -> None:
    app = ShioriApp()
    async with app.run_test(size=(120, 40)) as pilot:
        # before the index has read it, a new file is listed by its name...
        tree = tree_of(app)
        node = tree.document_node("lib:kaidan.md")
        assert node is not None and str(node.label) in ("kaidan", "首脳会談の記録")
        await settle(pilot)
        # ...and by its title once the index (a worker after the first paint) has read it
        node = tree.document_node("lib:kaidan.md")
        assert node is not None and str(node.label) == "首脳会談の記録"


async def test_o_cycles_the_order_and_it_is_remembered(library: Path) -> None:
    app = ShioriApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        tree = tree_of(app)
        tree.focus()
        await pilot.press("o")
        assert "by author" in str(tree.root.label)
        authors = [
            e.meta.author
            for key in tree.document_keys()
            for e in app.library_entries
            if e.key == key
        ]
        known = [a for a in authors if a]
        assert known == sorted(known) and authors[: len(known)] == known  # unknown last
        await pilot.press("o", "o")
        assert "last read first" in str(tree.root.label)
    saved = json.loads((paths.config_dir() / "settings.json").read_text(encoding="utf-8"))
    assert saved["library_sort"] == "read"
    app = ShioriApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "last read first" in str(tree_of(app).root.label)


async def test_same_titles_show_where_each_comes_from(library: Path) -> None:
    seed = paths.SEEDS_DIR / "mofa-japan-us-summit-2025-10-28.txt"
    shutil.copy(seed, library / "mofa-copy.txt")
    app = ShioriApp()
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        labels = doc_labels(tree_of(app))
        title = "日米首脳会談、署名式、ワーキング・ランチ"
        assert f"{title} (bundled)" in labels and f"{title} (library)" in labels


async def test_long_titles_are_cut_and_nothing_scrolls_sideways(library: Path) -> None:
    long_title = "日米同盟の抑止力と対処力の一層の強化に関する首脳間の議論の記録とその背景"
    (library / "long.md").write_text(f"# {long_title}\n\n本文。\n", encoding="utf-8")
    app = ShioriApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        tree = tree_of(app)
        assert app.library_pane.display  # nothing open yet: the tree, even at 80 columns
        assert tree.virtual_size.width <= tree.scrollable_content_region.width
        assert not tree.show_horizontal_scrollbar
        lines = [line.text for line in (tree.render_line(y) for y in range(tree.size.height))]
        cut = [line for line in lines if "日米同盟の抑止力" in line]
        assert cut and cut[0].rstrip().endswith("...") and long_title not in cut[0]


async def test_expanding_the_last_document_scrolls_its_outline_into_view(library: Path) -> None:
    chapters = "\n\n".join(f"## 第{i}章\n\n本文{i}。" for i in range(1, 9))
    for i in range(30):
        (library / f"z{i:02d}.md").write_text(f"# 文書{i:02d}\n\n{chapters}\n", encoding="utf-8")
    app = ShioriApp()
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        tree = tree_of(app)
        tree.focus()
        last = tree.document_node(tree.document_keys()[-1])
        assert last is not None
        tree.move_cursor(last)
        await pilot.press("space")
        await settle(pilot, until=lambda: bool(last.children) and last.children[0].data is not None)
        await settle(pilot)
        top, height = int(tree.scroll_y), tree.scrollable_content_region.height
        heading = last.children[0]
        assert heading.children, "the title heading is expanded to its chapters"
        assert last.line >= height  # it was below the first screen
        assert top <= last.line < top + height
        assert heading.children[-1].line < top + height  # the chapters are on screen


async def test_recently_read_comes_first(library: Path) -> None:
    app = ShioriApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_document("lib:tsusho.md", library / "tsusho.md")
        await settle(pilot)
        tree = tree_of(app)
        folder = tree.root.children[0]
        assert str(folder.label) == RECENT
        assert [c.data.key for c in folder.children if c.data] == ["lib:tsusho.md"]


async def test_removing_asks_first_and_keeps_the_annotations(library: Path) -> None:
    from store.annotations.repository import default_repository
    from store.document_cache import load_document

    doc = load_document(library / "kaidan.md")
    start = doc.base_text.index("経済協力")
    default_repository().create("lib:kaidan.md", doc, start, start + 4, tags=["経済"])
    app = ShioriApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        tree = tree_of(app)
        tree.focus()
        node = tree.document_node("lib:kaidan.md")
        assert node is not None
        tree.move_cursor(node)
        await pilot.press("x")
        await settle(pilot, until=lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("n")  # keep it
        await settle(pilot)
        assert (library / "kaidan.md").exists()
        tree.move_cursor(tree.document_node("lib:kaidan.md"))
        await pilot.press("x")
        await settle(pilot, until=lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await settle(pilot)
        assert not (library / "kaidan.md").exists()
        assert tree.document_node("lib:kaidan.md") is None
        # its annotation is kept, shown as orphaned in the tag browser
        assert [a.doc for a in app.annotations.all_annotations()] == ["lib:kaidan.md"]
        await pilot.press("T")
        await settle(pilot)
        passages = app.screen.query_one("#tag-passages")
        shown = [str(passages.get_option_at_index(i).prompt) for i in range(passages.option_count)]
        assert any("removed: orphaned until it returns" in line for line in shown), shown
        await pilot.press("escape")
        await settle(pilot)
        # a bundled document is not removed
        seed = next(k for k in tree.document_keys() if k.startswith("seed:"))
        tree.move_cursor(tree.document_node(seed))
        await pilot.press("x")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmScreen)
        assert any("cannot be removed" in n.message for n in app._notifications)


async def search_for(pilot: Any, query: str) -> LibrarySearchScreen:
    app = pilot.app
    await pilot.press("F")
    await settle(pilot, until=lambda: isinstance(app.screen, LibrarySearchScreen))
    screen = app.screen
    await pilot.press(*query)
    await settle(
        pilot,
        until=lambda: (
            screen.results is not None
            and screen.state.query == query
            and "s)" in str(screen.query_one("#library-search-status").render())
        ),
    )
    return screen


async def test_a_quoted_phrase_search_ends_with_its_time(library: Path) -> None:
    """A phrase has no other forms to look for: the status stayed at "(looking for other
    forms...)" for ever."""
    app = ShioriApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot, until=lambda: isinstance(app.screen, LibrarySearchScreen))
        screen = app.screen
        assert isinstance(screen, LibrarySearchScreen)
        await pilot.press(*'"取り組む"')
        await settle(pilot, until=lambda: screen.results is not None)
        await settle(pilot)  # the search's worker has ended
        status = str(screen.query_one("#library-search-status").render())
        assert "looking for other forms" not in status
        assert status.endswith(" s)")


async def test_the_search_screen_finds_opens_and_n_goes_on(library: Path) -> None:
    app = ShioriApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await search_for(pilot, "取り組む")
        results = screen.results
        assert results is not None
        mine = [h for h in results.hits if h.doc.key == "lib:kaidan.md"]
        assert [h.text[h.offset : h.offset + h.length] for h in mine] == ["取り組ん", "取り組む"]
        listed = screen.query_one(ResultList)
        prompts = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert any(p.startswith("首脳会談の記録 · 第2節 経済") for p in prompts)
        # the first result is highlighted; Down / Up in the query move it, Enter opens it
        assert listed.highlighted == 0
        index = results.hits.index(mine[1])
        await pilot.press(*["down"] * (index + 1), "up")
        assert listed.highlighted == index
        assert screen.query_one("#library-search-input").has_focus
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_key == "lib:kaidan.md"
        doc = app.current_document
        assert doc is not None
        reader = app.reader
        assert doc.base_text[reader.cursor : reader.cursor + 4] == "取り組む"
        assert "/取り組む 2/2" in app.header.render().plain
        await pilot.press("n")  # on in the document: back to the first (取り組ん)
        await settle(pilot)
        assert doc.base_text[reader.cursor : reader.cursor + 4] == "取り組ん"
        # F again: the last query and its results are there
        await pilot.press("F")
        await settle(pilot, until=lambda: isinstance(app.screen, LibrarySearchScreen))
        assert app.screen.query_one("#library-search-input").value == "取り組む"


async def test_a_query_of_two_words_goes_on_through_its_own_results(library: Path) -> None:
    """同盟 強化 (AND): in the document, n goes to the next passage with both words, not to
    the next 同盟 wherever it is."""
    app = ShioriApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await search_for(pilot, "同盟 強化")
        results = screen.results
        assert results is not None
        first = results.hits[0]
        mine = [h for h in results.hits if h.doc.key == first.doc.key and h.annotation is None]
        assert len(mine) >= 2
        await pilot.press("enter")
        await settle(pilot, until=lambda: app.current_key == first.doc.key)
        doc = app.current_document
        assert doc is not None
        starts = [doc.block_starts[h.block] + h.offset for h in mine]
        everywhere = doc.base_text.count("同盟")
        assert everywhere > len(mine)  # a plain 同盟 search would stop elsewhere too
        await settle(pilot, until=lambda: app.reader.cursor == starts[0])
        assert f"/同盟 強化 1/{len(mine)}" in app.header.render().plain
        await pilot.press("n")
        await settle(pilot)
        assert app.reader.cursor == starts[1]
        assert f"/同盟 強化 2/{len(mine)}" in app.header.render().plain

        # "/" offers the query to edit; Enter searches it by the same rules (was: literally,
        # the space included, so nothing was found)
        await pilot.press("slash")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot, until=lambda: bool(app.reader.matches))
        shown = app.reader.matches
        for s, _e in shown:
            block = doc.blocks[doc.locate(s)[0]].text
            assert "同盟" in block and "強化" in block
        assert {doc.base_text[s:e] for s, e in shown} >= {"同盟", "強化"}
        assert {doc.block_starts[h.block] + h.offset for h in mine} <= {s for s, _ in shown}


async def test_matches_in_one_sentence_are_results_told_apart(library: Path) -> None:
    """同盟 three times in one sentence of a seed: three results with the same sentence, each
    with its own match highlighted and the other two underlined."""
    app = ShioriApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await search_for(pilot, "同盟")
        listed = screen.query_one(ResultList)
        match = listed.get_component_rich_style("result-list--match", partial=True)
        also = listed.get_component_rich_style("result-list--also", partial=True)
        rows: dict[str, list[tuple[list[int], list[int]]]] = {}
        for i in range(listed.option_count):
            prompt = listed.get_option_at_index(i).prompt
            assert isinstance(prompt, Text)
            body = prompt.plain.split("\n", 1)[1]
            shift = len(prompt.plain) - len(body)
            own = [
                p - shift
                for sp in prompt.spans
                if sp.style == match
                for p in range(sp.start, sp.end)
            ]
            others = [
                p - shift
                for sp in prompt.spans
                if sp.style == also
                for p in range(sp.start, sp.end)
            ]
            rows.setdefault(body, []).append((own, others))
        sentence = next(b for b, r in rows.items() if len(r) == 3 and "偉大な同盟" in b)
        marked = rows[sentence]
        for own, others in marked:
            assert "".join(sentence[p] for p in own) == "同盟"
            assert "".join(sentence[p] for p in others) == "同盟同盟"
        assert len({own[0] for own, _ in marked}) == 3  # each row's own match is another one


async def test_a_match_across_a_line_wrap_is_found_and_shown(library: Path) -> None:
    app = ShioriApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await search_for(pilot, "拡大抑止")
        assert screen.results is not None
        [hit] = [h for h in screen.results.hits if h.doc.key == "lib:kaidan.md"]
        assert hit.snippet == "両国は拡大抑止の強化を確認した。"
        await pilot.press("escape")
        assert not isinstance(app.screen, LibrarySearchScreen)


async def test_annotated_only_and_readings(library: Path) -> None:
    from store.annotations.repository import default_repository
    from store.document_cache import load_document

    doc = load_document(library / "kaidan.md")
    start = doc.base_text.index("経済協力")
    default_repository().create("lib:kaidan.md", doc, start, start + 4, note="要点", tags=["経済"])
    app = ShioriApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await search_for(pilot, "協力")
        assert screen.results is not None
        everywhere = len(screen.results.hits)
        status = screen.query_one("#library-search-status")
        await pilot.press("ctrl+o")
        await settle(pilot, until=lambda: "annotated passages only" in str(status.render()))
        await settle(pilot, until=lambda: "s)" in str(status.render()))
        assert screen.results is not None
        # the annotation (its quote holds 協力) and the text's match inside it; nothing else
        hits = screen.results.hits
        assert [(h.doc.key, h.block, h.offset, h.annotation is not None) for h in hits] == [
            ("lib:kaidan.md", 4, 3, True),
            ("lib:kaidan.md", 4, 5, False),
        ]
        assert everywhere > len(hits)
        listed = screen.query_one(ResultList)
        assert "要点" in str(listed.get_option_at_index(0).prompt)
        await pilot.press("ctrl+r")
        await settle(
            pilot, until=lambda: "(きょうりょく)" in str(listed.get_option_at_index(0).prompt)
        )


async def test_the_palette_opens_a_document_by_its_title(library: Path) -> None:
    app = ShioriApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot, until=lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"通商の覚え")

        def offered() -> bool:
            hits = app.screen.query_one(CommandList)
            return hits.option_count > 0 and "通商の覚え書き" in str(
                hits.get_option_at_index(0).prompt
            )

        await settle(pilot, until=offered)
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_key == doc_key(library / "tsusho.md")


async def test_after_shiori_file_the_palette_still_opens_any_document(
    library: Path, tmp_path: Path
) -> None:
    """``shiori FILE`` lists that file only in the tree; the palette found no title at all
    ("No matches found" for 通商の覚え書き), though the README says a title opens it."""
    from tui.app import OpenedFile, import_document

    own = tmp_path / "own.md"
    own.write_text("# 自分の覚え書き\n\n本文。\n", encoding="utf-8")
    app = ShioriApp(OpenedFile(own, import_document(own)))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot, until=lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"通商の覚え")

        def offered() -> bool:
            hits = app.screen.query_one(CommandList)
            return hits.option_count > 0 and "通商の覚え書き" in str(
                hits.get_option_at_index(0).prompt
            )

        await settle(pilot, until=offered)
        await pilot.press("enter")
        await settle(pilot, until=lambda: app.current_key == doc_key(library / "tsusho.md"))


async def test_the_palette_opens_the_library_search(library: Path) -> None:
    app = ShioriApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot, until=lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"search every document")

        def offered() -> bool:
            hits = app.screen.query_one(CommandList)
            return hits.option_count > 0 and "Search every document of the library" in str(
                hits.get_option_at_index(0).prompt
            )

        await settle(pilot, until=offered)
        await pilot.press("enter")
        await settle(pilot, until=lambda: isinstance(app.screen, LibrarySearchScreen))
        assert isinstance(app.screen, LibrarySearchScreen)


@pytest.mark.parametrize("width", [160, 120])
async def test_a_footnote_popup_covers_the_reader_not_the_library(library: Path, width: int) -> None:
    from tui.widgets.footnote_popup import FootnotePopup

    (library / "notes.md").write_text(
        "# 注の多い文書\n\n外交の在り方が問われる[^1]。\n\n[^1]: 外務大臣の演説による。\n",
        encoding="utf-8",
    )
    app = ShioriApp()
    async with app.run_test(size=(width, 40)) as pilot:
        await settle(pilot)
        app.open_document("lib:notes.md", library / "notes.md")
        await settle(pilot)
        tree, reader = tree_of(app), app.reader
        assert tree.display and tree.region.width > 0
        reader.focus()
        await pilot.press("right_square_bracket", "enter")
        await settle(pilot)
        assert isinstance(app.screen, FootnotePopup)
        box = app.screen.query_one("#footnote-box").region
        assert box.x >= tree.region.right  # the library stays readable beside the note
        assert reader.region.x <= box.x and box.right <= reader.region.right


async def test_opening_another_document_closes_the_outline_opening_the_first_had_opened(
    library: Path,
) -> None:
    app = ShioriApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        tree = tree_of(app)
        kaidan, tsusho = tree.document_node("lib:kaidan.md"), tree.document_node("lib:tsusho.md")
        assert kaidan is not None and tsusho is not None
        app.open_document("lib:kaidan.md", library / "kaidan.md")
        await settle(pilot, until=lambda: bool(kaidan.children))
        assert kaidan.is_expanded
        app.open_document("lib:tsusho.md", library / "tsusho.md")
        await settle(pilot, until=lambda: bool(tsusho.children))
        assert tsusho.is_expanded
        assert not kaidan.is_expanded  # the tree shows the open document's outline

        # an outline the reader opened by hand stays open when another document is opened
        tree.move_cursor(kaidan)
        tree.focus()
        await pilot.press("space")
        await settle(pilot)
        assert kaidan.is_expanded
        app.open_document("lib:kaidan.md", library / "kaidan.md")
        await settle(pilot)
        app.open_document("lib:tsusho.md", library / "tsusho.md")
        await settle(pilot)
        assert tsusho.is_expanded and kaidan.is_expanded



async def test_enter_in_the_tree_opens_like_any_opening_and_its_outline_closes_later(
    library: Path,
) -> None:
    """Enter on a document expanded it before opening it, so the opening counted it as
    expanded by hand: its outline stayed open after the next document was opened."""
    app = ShioriApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        tree = tree_of(app)
        kaidan, tsusho = tree.document_node("lib:kaidan.md"), tree.document_node("lib:tsusho.md")
        assert kaidan is not None and tsusho is not None
        for node in (kaidan, tsusho):
            tree.focus()  # opening a document gives the reader the focus
            tree.move_cursor(node)
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot, until=lambda n=node: bool(n.children) and n.is_expanded)
        assert app.current_key == "lib:tsusho.md"
        assert not kaidan.is_expanded  # the open document's outline only


SAKURA = "桜の便り\n\n春になると川辺の桜が咲き、人々は花見に集まる。\n\n桜の木の下で弁当を食べる。\n"
BLUEBOOK = "seed:diplomatic-bluebook-2025-north-america.txt"


async def test_a_document_the_search_opens_is_titled_and_listed_as_the_tree_opens_it(
    tmp_path: Path,
) -> None:
    """``shiori FILE``, then ``F``: a bundled document opened from the search shows its
    library title in the header (北米, not its file name) and joins the tree, outline shown."""
    from tui.app import OpenedFile, import_document

    path = tmp_path / "sakura.txt"
    path.write_bytes(SAKURA.encode("cp932"))
    app = ShioriApp(OpenedFile(path.resolve(), import_document(path)))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        tree = tree_of(app)
        assert doc_labels(tree) == ["桜の便り"]
        screen = await search_for(pilot, "桜")
        assert screen.results is not None
        index = next(i for i, h in enumerate(screen.results.hits) if h.doc.key == BLUEBOOK)
        await pilot.press(*["down"] * index, "enter")
        await settle(pilot)
        assert app.current_key == BLUEBOOK
        header = app.header.render().plain
        assert header.split()[2] == "北米", header  # 栞 Shiori 北米 / section ...
        assert "diplomatic" not in header
        assert str(tree.root.label).startswith("Library (2, by title)")
        assert sorted(doc_labels(tree)) == sorted(["桜の便り", "北米"])
        node = tree.document_node(BLUEBOOK)
        assert node is not None and node.is_expanded and node.children
        cursor = tree.cursor_node
        assert cursor is not None and isinstance(cursor.data, TreeTarget)
        assert cursor.data.key == BLUEBOOK and cursor.data.block is not None
        # and back to the file given, from the tree, as before
        first = tree.document_node(doc_key(path.resolve()))
        assert first is not None
        tree.focus()
        tree.move_cursor(first)
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_key == doc_key(path.resolve())
        assert app.header.render().plain.split()[2] == "桜の便り"
