"""The app shell driven through Pilot: library tree, panes, keys, help, palette, themes.

Every test runs against tmp data/cache/config dirs, with a document of our own written into
the user's library folder (the bundled seeds are listed too, as a user would see them).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pilot_waits import settle
from rich.console import Console
from textual.command import CommandList, CommandPalette

from store import paths, positions
from store.library import doc_key
from tui.app import OpenedFile, ShioriApp, import_document, run_app
from tui.screens.help import HelpScreen, bindings_table
from tui.screens.main import MainScreen
from tui.widgets.doc_tree import DocTree, TreeTarget
from tui.widgets.reader import ReaderView
from tui.widgets.sidebar import Sidebar

ROOT = Path(__file__).resolve().parent.parent

SNIPPET = """# 日米関係の記録

## 第1章 概観

日米同盟は、日本の外交・安全保障の基軸である[^1]。両国は経済でも協力を深めている。

## 第2章 首脳会談

首脳会談では、同盟の抑止力と対処力の強化を確認した。

### 2.1 経済

投資と雇用について議論した。

[^1]: 外務省『外交青書』による。
"""


def long_snippet() -> str:
    """Enough paragraphs that the reader scrolls at any test size."""
    parts = ["# 長い記録", ""]
    for i in range(1, 61):
        if i % 10 == 1:
            parts += [f"## 第{i // 10 + 1}節", ""]
        parts += [
            f"第{i}段落。会談では経済と安全保障について意見を交換し、協力の強化を確認した。",
            "",
        ]
    return "\n".join(parts)


@pytest.fixture
def user_doc() -> Path:
    path = paths.library_dir() / "kiroku.md"
    path.write_text(SNIPPET, encoding="utf-8")
    return path


async def palette_run(pilot: Any, name: str) -> None:
    """In the open command palette: type ``name``, wait until it is the first hit, run it."""
    app = pilot.app
    await settle(pilot, until=lambda: isinstance(app.screen, CommandPalette))
    await pilot.press(*name)

    def offered() -> bool:
        hits = app.screen.query_one(CommandList)
        return (
            hits.option_count > 0
            and hits.highlighted == 0
            and name.casefold() in str(hits.get_option_at_index(0).prompt).casefold()
        )

    await settle(pilot, until=offered)
    await pilot.press("enter")
    await settle(pilot, until=lambda: not isinstance(app.screen, CommandPalette))


def footer_labels(app: ShioriApp) -> list[str]:
    from textual.widgets._footer import FooterKey

    return [key.description for key in app.main_screen.query(FooterKey)]


def tree_of(app: ShioriApp) -> DocTree:
    return app.main_screen.query_one(DocTree)


async def open_user_doc_from_tree(pilot: Any, app: ShioriApp, path: Path) -> None:
    """Walk the tree with the keys a person would press until the document is open."""
    tree = tree_of(app)
    key = doc_key(path)
    index = [i for i, node in enumerate(tree.root.children) if node.data and node.data.key == key][
        0
    ]
    tree.focus()
    tree.move_cursor(tree.root)
    await pilot.pause()
    await pilot.press(*["down"] * (index + 1), "enter")
    await settle(pilot)
    assert app.current_key == key


async def test_library_lists_seeds_and_the_users_documents_by_title(user_doc: Path) -> None:
    app = ShioriApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        tree = tree_of(app)
        labels = [str(node.label) for node in tree.root.children]
        assert len(labels) == len(list((ROOT / "seeds").glob("*.txt"))) + 1
        assert "日米関係の記録" in labels  # its own title (the index read it), never "kiroku"
        assert labels == sorted(labels)
        assert str(tree.root.label) == "Library (6, by title)"
        # Nothing read yet: the welcome text and the tree, focused, to choose from.
        assert app.current_key is None
        assert app.focused is tree
        assert app.header.doc_title == ""


async def test_tree_opens_a_document_and_jumps_to_a_heading(user_doc: Path) -> None:
    app = ShioriApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_user_doc_from_tree(pilot, app, user_doc)
        tree, reader = tree_of(app), app.reader
        assert app.focused is reader
        assert app.header.doc_title == "日米関係の記録"
        node = tree.document_node(doc_key(user_doc))
        assert node is not None and str(node.label) == "日米関係の記録"
        # The outline: one title heading, expanded to show its chapters.
        [title] = node.children
        assert [str(c.label) for c in title.children] == ["第1章 概観", "第2章 首脳会談"]
        assert [str(c.label) for c in title.children[1].children] == ["2.1 経済"]
        # Back to the tree, down to the second chapter, Enter: the reader jumps there.
        await pilot.press("tab", "tab", "tab")  # reader -> sidebar -> tree
        assert app.focused is tree
        tree.move_cursor(node)
        await pilot.press("down", "down", "down", "enter")
        await settle(pilot)
        assert isinstance(tree.cursor_node.data, TreeTarget)
        assert str(tree.cursor_node.label) == "第2章 首脳会談"
        # The cursor sits on that heading (the short text fits, so nothing scrolls).
        doc = app.current_document
        assert doc is not None
        block, offset = doc.locate(reader.cursor)
        assert doc.blocks[block].text == "第2章 首脳会談" and offset == 0
        assert app.focused is reader


async def test_on_a_narrow_terminal_the_tree_puts_the_sidebar_away_and_gives_it_back() -> None:
    """At 80 columns with the sidebar open, ``t`` left the text no width (tree and sidebar
    side by side, the sidebar cut), and a heading chosen there moved the cursor but left the
    text at its top (header ``1 概観``)."""
    path = ROOT / "seeds" / "diplomatic-bluebook-2025-north-america.txt"
    app = ShioriApp(OpenedFile(path, import_document(path)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert app.tree_shown and not app.sidebar_shown
        assert app.reader.size.width > 0
        tree = tree_of(app)
        for _ in range(60):
            if tree.cursor_node is not None and str(tree.cursor_node.label) == "3 カナダ":
                break
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        assert app.header.section == "3 カナダ"
        assert not app.tree_shown and app.sidebar_shown  # the sidebar is back
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("s")  # the sidebar asked for: the tree goes
        await settle(pilot)
        assert app.sidebar_shown and not app.tree_shown


async def test_a_document_opened_from_the_tree_on_a_narrow_terminal_gets_the_whole_width() -> None:
    """Opening a document from the tree at 60 columns brought up the sidebar nobody had asked
    for (taken for one the tree had put away), leaving the text a 21-column strip."""
    app = ShioriApp()
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        assert app.tree_shown and not app.sidebar_shown
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.current_document is not None
        assert not app.tree_shown and not app.sidebar_shown
        assert app.reader.size.width >= 55


async def test_a_heading_chosen_while_the_reader_has_no_room_is_shown_when_it_has() -> None:
    path = ROOT / "seeds" / "diplomatic-bluebook-2025-north-america.txt"
    doc = import_document(path)
    app = ShioriApp(OpenedFile(path, doc))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        reader = app.reader
        reader.styles.width = 0
        await settle(pilot)
        assert reader.size.width == 0
        block = next(i for i, b in enumerate(doc.blocks) if b.text == "3 カナダ")
        reader.goto_block(block)
        reader.styles.width = "1fr"
        await settle(pilot)
        assert reader.position[0] == block
        assert app.header.section == "3 カナダ"


async def test_keys_t_s_and_tab_toggle_and_cycle_the_panes(user_doc: Path) -> None:
    doc = import_document(user_doc)
    app = ShioriApp(OpenedFile(user_doc, doc))
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        tree, reader, pane = tree_of(app), app.reader, app.library_pane
        sidebar = app.main_screen.query_one(Sidebar)
        assert pane.display and sidebar.display  # wide: all three panes
        assert app.focused is reader
        await pilot.press("tab")
        assert app.focused is not None and sidebar in (app.focused, *app.focused.ancestors)
        await pilot.press("tab")
        assert app.focused is tree
        await pilot.press("tab")
        assert app.focused is reader
        await pilot.press("shift+tab")
        assert app.focused is tree
        await pilot.press("t")
        assert not pane.display and app.focused is reader
        await pilot.press("t")
        assert pane.display and app.focused is tree
        await pilot.pause()
        assert "Open" in footer_labels(app)  # the footer follows the focused pane
        await pilot.press("tab")
        await pilot.pause()
        labels = footer_labels(app)
        assert "Open" not in labels and "Footnote" in labels
        await pilot.press("shift+tab")
        await pilot.press("s")
        assert not sidebar.display
        await pilot.press("tab", "tab")  # the hidden sidebar is skipped
        assert app.focused is tree
        await pilot.press("s")
        assert sidebar.display


async def test_narrow_terminal_collapses_tree_and_sidebar(user_doc: Path) -> None:
    doc = import_document(user_doc)
    app = ShioriApp(OpenedFile(user_doc, doc))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        tree, sidebar = tree_of(app), app.main_screen.query_one(Sidebar)
        pane = app.library_pane
        assert not pane.display and not sidebar.display
        assert app.reader.outer_size.width == 80  # the text has the whole width
        await pilot.press("t")
        assert pane.display and app.focused is tree
        # Choosing a heading puts the tree away again so the text has the width.
        node = tree.document_node(doc_key(user_doc))
        tree.move_cursor(node.children[0].children[0])
        await pilot.pause()
        assert str(tree.cursor_node.label) == "第1章 概観"
        await pilot.press("enter")
        await settle(pilot)
        assert not pane.display and app.focused is app.reader
        # Widening shows the panes again.
        await pilot.resize_terminal(200, 60)
        await settle(pilot)
        assert pane.display and sidebar.display


async def test_help_turns_its_pages_with_the_readers_page_keys(user_doc: Path) -> None:
    """Help lists space as "Next page" but did nothing on it (only j, Down, PgDn scrolled)."""
    doc = import_document(user_doc)
    app = ShioriApp(OpenedFile(user_doc, doc))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body")
        await pilot.press("space")
        await pilot.pause()
        page = body.scroll_y
        assert page > 1
        await pilot.press("G")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y > page
        await pilot.press("pageup")
        await pilot.pause()
        assert body.scroll_y < body.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert body.scroll_y == 0


async def test_help_lists_every_binding_with_the_users_keymap(user_doc: Path) -> None:
    (paths.config_dir() / "keymap.toml").write_text('app.toggle_tree = "f2"\n', encoding="utf-8")
    doc = import_document(user_doc)
    app = ShioriApp(OpenedFile(user_doc, doc))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=120, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
        console.print(bindings_table(app.screen._infos))
        shown = console.export_text()
        lines = [line.rstrip() for line in shown.splitlines()]
        # Every binding of the reader, the tree and the shell is listed with its description.
        for cls in (ReaderView, DocTree, MainScreen, ShioriApp):
            for binding in cls.BINDINGS:
                if binding.id == "reader.copy":
                    continue  # while reading, y is the screen's "copy as citation" (listed)
                if binding.system:
                    continue  # hidden from help on purpose (esc leaving a text field)
                assert (binding.tooltip or binding.description) in shown, binding
        for heading in ("Everywhere", "Library tree", "Reader", "Annotations"):
            assert heading in lines
        # The remapped key is what the help shows.
        [tree_line] = [line for line in lines if "library tree" in line and "Show" in line]
        assert tree_line.split()[0] == "f2"
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("t")
        assert app.library_pane.display  # t no longer toggles (tree shown at 120 cells)
        await pilot.press("f2")
        assert not app.library_pane.display


async def test_a_broken_keymap_gives_one_line_and_keeps_the_defaults(user_doc: Path) -> None:
    (paths.config_dir() / "keymap.toml").write_text("app.toggle_tree = [\n", encoding="utf-8")
    app = ShioriApp(OpenedFile(user_doc, import_document(user_doc)))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("keymap.toml:") and "\n" not in m for m in messages), messages
        await pilot.press("t")
        assert not app.library_pane.display


async def test_q_quits(user_doc: Path) -> None:
    app = ShioriApp(OpenedFile(user_doc, import_document(user_doc)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_a_subclass_defined_in_another_folder_finds_the_styles(user_doc: Path) -> None:
    """The reader benchmark runs a subclass of the app from ``benchmarks/``: the style sheets
    are found wherever the subclass lives (they used to be looked up beside it)."""

    class Elsewhere(ShioriApp):
        pass

    app = Elsewhere(OpenedFile(user_doc, import_document(user_doc)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "記録" in app.header.doc_title


async def test_the_palette_offers_one_quit_and_one_help(user_doc: Path) -> None:
    """Textual's own "Quit" and "Keys" stood in the palette beside Shiori's "Quit Shiori" and
    "Show every key" (its key panel is not the help)."""
    app = ShioriApp(OpenedFile(user_doc, import_document(user_doc)))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Quit" not in titles and "Keys" not in titles
        assert "Theme" in titles


async def test_palette_runs_actions_modes_and_themes_by_name(user_doc: Path) -> None:
    app = ShioriApp(OpenedFile(user_doc, import_document(user_doc)))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        sidebar = app.main_screen.query_one(Sidebar)
        assert not sidebar.display

        async def run_command(name: str) -> None:
            await pilot.press("ctrl+p")
            await palette_run(pilot, name)

        await run_command("Show or hide the annotation sidebar")
        assert sidebar.display
        await run_command("Furigana off")
        assert app.reader.furigana_mode == "off"
        await run_command("Theme: dracula")
        assert app.theme == "dracula"
        await run_command("Next footnote marker")
        assert app.reader.marker_at_cursor() == "1"
        await run_command("Readings: half-width katakana")
        assert app.reader.furigana_style == "half-width"
        await run_command("Measure: 30 characters a line")
        assert app.reader.measure == 30
        saved = json.loads((paths.config_dir() / "settings.json").read_text(encoding="utf-8"))
        assert saved == {
            "theme": "dracula",
            "furigana_mode": "off",
            "library_sort": None,
            "furigana_style": "half-width",
            "measure": 30,
            "sidebar_shown": True,  # shown from the palette above
        }
    # Remembered: the next run starts with them.
    again = ShioriApp(OpenedFile(user_doc, import_document(user_doc)))
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert again.theme == "dracula"
        assert again.reader.furigana_mode == "off"
        assert again.reader.furigana_style == "half-width" and again.reader.measure == 30


async def test_the_sidebar_is_shown_again_as_the_user_left_it(user_doc: Path) -> None:
    """Opened with ``s`` at 120 columns (where it is hidden by default), the sidebar was gone
    again at the next start."""
    app = ShioriApp(OpenedFile(user_doc, import_document(user_doc)))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not app.sidebar_shown
        await pilot.press("s")
        await settle(pilot)
        assert app.sidebar_shown
    again = ShioriApp(OpenedFile(user_doc, import_document(user_doc)))
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert again.sidebar_shown
        await pilot.press("s")  # and put away, it stays away
        await settle(pilot)
    third = ShioriApp(OpenedFile(user_doc, import_document(user_doc)))
    async with third.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        assert not third.sidebar_shown


async def test_theme_key_opens_the_theme_picker(user_doc: Path) -> None:
    app = ShioriApp(OpenedFile(user_doc, import_document(user_doc)))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await palette_run(pilot, "nord")
        assert app.theme == "nord"
    saved = json.loads((paths.config_dir() / "settings.json").read_text(encoding="utf-8"))
    assert saved["theme"] == "nord"


async def test_reading_position_is_restored_on_reopen(user_doc: Path) -> None:
    path = user_doc.with_name("nagai.md")
    path.write_text(long_snippet(), encoding="utf-8")
    app = ShioriApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_user_doc_from_tree(pilot, app, path)
        await pilot.press("space", "space", "space")
        await settle(pilot)
        left_at = app.reader.position
        assert left_at[0] > 10
        assert "節" in app.header.section and app.header.progress
        await pilot.press("q")
    assert positions.last_read() == doc_key(path)
    saved = positions.load_position(doc_key(path))
    assert saved is not None and (saved.block, saved.offset) == left_at
    # `shiori` again: the last document read opens where it was left.
    again = ShioriApp()
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert again.current_key == doc_key(path)
        # Exactly the row left at (not a few characters earlier after the furigana relayout).
        assert again.reader.position == left_at


async def test_a_document_that_fails_to_import_is_one_notice(user_doc: Path) -> None:
    bad = user_doc.with_name("broken.txt")
    bad.write_bytes(b"\x00\x01binary\x00" * 50)
    app = ShioriApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_user_doc_from_tree(pilot, app, user_doc)
        app.open_document(doc_key(bad), bad)
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any("broken.txt" in m and "\n" not in m for m in messages), messages
        assert app.current_key == doc_key(user_doc)  # still reading what was open


def test_shiori_file_with_a_bad_file_is_one_line_and_exit_2(
    user_doc: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.txt"
    assert run_app(str(missing)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("shiori: ") and "missing.txt" in err


def test_the_installed_command_fails_before_the_ui_starts(user_doc: Path, tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    result = subprocess.run(
        [sys.executable, "-m", "tui.cli", str(binary)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    assert result.stdout == ""  # nothing drawn: the UI never started
    [line] = result.stderr.splitlines()
    assert line.startswith("shiori: ") and "image.txt" in line


async def test_a_footnote_popup_does_not_move_the_reading_position(user_doc: Path) -> None:
    path = user_doc.with_name("nagai.md")
    path.write_text(long_snippet() + "\n\n最後の段落[^n]。\n\n[^n]: 注の本文。\n", encoding="utf-8")
    app = ShioriApp(OpenedFile(path, import_document(path)))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("G")
        await settle(pilot)
        section, where = app.header.section, app.reader.position
        assert section.startswith("第") and section.endswith("節")
        await pilot.press("left_square_bracket", "enter")
        await settle(pilot)
        assert app.screen is not app.main_screen  # the popup is up
        assert app.header.section == section and app.reader.position == where
        await pilot.press("escape")
        await pilot.press("q")
    saved = positions.load_position(doc_key(path))
    assert saved is not None and (saved.block, saved.offset) == where


async def test_clicking_a_document_in_the_tree_opens_it(user_doc: Path) -> None:
    app = ShioriApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        tree = tree_of(app)
        key = doc_key(user_doc)
        row = 1 + [n.data.key for n in tree.root.children if n.data].index(key)
        await pilot.click(DocTree, offset=(8, row))
        await settle(pilot)
        assert app.current_key == key
        assert app.header.doc_title == "日米関係の記録"
        assert app.focused is app.reader


async def test_control_characters_in_names_never_reach_the_terminal(user_doc: Path) -> None:
    odd = user_doc.with_name("\x1b[31mred\x07.txt")
    odd.write_text("本文です。\n", encoding="utf-8")
    app = ShioriApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        tree = tree_of(app)
        [node] = [n for n in tree.root.children if n.data and n.data.path == odd]
        assert "\x1b" not in str(node.label) and "\x07" not in str(node.label)
        assert "red" in str(node.label)
        app.open_document(doc_key(odd), odd)
        await settle(pilot)
        assert "\x1b" not in app.header.render().plain
        shot = app.export_screenshot()
        assert "\x1b[31m" not in shot and "\x07" not in shot


async def test_a_document_arriving_while_help_is_open_lands_in_the_main_screen(
    user_doc: Path,
) -> None:
    app = ShioriApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        app.open_document(doc_key(user_doc), user_doc)  # imports in a worker meanwhile
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert app.current_key == doc_key(user_doc)
        node = tree_of(app).document_node(doc_key(user_doc))
        assert node is not None and str(node.label) == "日米関係の記録"


def test_the_app_quits_without_waiting_on_the_input_thread() -> None:
    """On Linux the app's driver stops its input thread without waiting for its last poll when
    the app is exiting (quitting a 50 MB document must take well under 0.2 s)."""
    from textual.drivers.linux_driver import LinuxDriver

    from tui.quick_exit import QuickExitDriver

    app = ShioriApp()
    if sys.platform.startswith("linux"):
        assert app.driver_class is QuickExitDriver and issubclass(QuickExitDriver, LinuxDriver)


STUCK_APP = """
import sys, threading
from textual import work
from tui.app import ShioriApp, run_app

class Stuck(ShioriApp):
    def on_mount(self) -> None:
        super().on_mount()
        self.stuck()

    @work(thread=True)
    def stuck(self) -> None:
        # a thread worker that never finishes (an analysis between its checks, forever)
        self.call_from_thread(self.exit)
        threading.Event().wait()

run_app(None, Stuck, exit_when_done=True)
"""


def test_quitting_never_waits_for_a_thread_worker(tmp_path: Path) -> None:
    """asyncio.run waits, on the way out, for every thread worker still running: quitting a
    large document waited 0.4-1.4 s for the analysis. The app runs on a loop of its own and
    the process ends once the terminal is restored, whatever a worker is doing."""
    import os
    import select
    import subprocess
    import time

    script = tmp_path / "stuck.py"
    script.write_text(STUCK_APP, encoding="utf-8")
    env = dict(os.environ, TERM="xterm-256color", PYTHONPATH=str(Path.cwd()))
    for name in ("DATA", "CACHE", "CONFIG"):
        env[f"SHIORI_{name}_DIR"] = str(tmp_path / name.lower())
    master, slave = os.openpty()
    proc = subprocess.Popen(
        [sys.executable, str(script)], stdin=slave, stdout=slave, stderr=slave, env=env,
        start_new_session=True,
    )
    os.close(slave)
    deadline = time.monotonic() + 120  # hangs for ever without the fix; this is not a timing
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if select.select([master], [], [], 0.1)[0]:
                try:
                    os.read(master, 65536)
                except OSError:
                    break
        proc.wait(timeout=max(0.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        proc.kill()
        raise AssertionError("the app did not end while a thread worker ran") from None
    finally:
        os.close(master)
    assert proc.returncode == 0


def shown_percent(app: ShioriApp) -> str:
    """The reading progress the header ends with (``42%``)."""
    return app.header.render().plain.split()[-1]


async def test_progress_is_the_same_whenever_the_same_top_line_is_shown(tmp_path: Path) -> None:
    """The header's figure depends on the top line alone: not on how much is laid out yet,
    the furigana (more rows), or whether the document was just opened."""
    path = (tmp_path / "nagai.md").resolve()
    path.write_text(long_snippet(), encoding="utf-8")
    key = doc_key(path)
    app = ShioriApp(OpenedFile(path, import_document(path)))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert shown_percent(app) == "0%"  # the start, the end below the screen
        doc = app.current_document
        assert doc is not None
        block = next(i for i, b in enumerate(doc.blocks) if b.text == "第4節")
        app.open_document(key, path, block)  # what choosing the heading in the tree does
        await settle(pilot)
        assert app.reader.position == (block, 0)
        there = shown_percent(app)
        assert there not in ("0%", "100%")
        await pilot.press("r")  # furigana over every kanji: many more rows
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert shown_percent(app) == "0%"
        app.open_document(key, path, block)
        await settle(pilot)
        assert app.reader.position == (block, 0)
        assert shown_percent(app) == there
        await pilot.press("q")
    again = ShioriApp(OpenedFile(path, import_document(path)))
    async with again.run_test(size=(120, 36)) as pilot:
        assert shown_percent(again) == there  # from the first frame
        await settle(pilot)
        assert again.reader.position == (block, 0)
        assert shown_percent(again) == there


async def test_progress_is_full_once_the_end_is_on_screen(tmp_path: Path) -> None:
    """`G` showed 97% (and a two-page PDF 43%): the share above the top line. Once the last
    line is on screen the whole text has been seen; a text that fits on one screen is 100%."""
    path = (tmp_path / "nagai.md").resolve()
    path.write_text(long_snippet(), encoding="utf-8")
    app = ShioriApp(OpenedFile(path, import_document(path)))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert shown_percent(app) == "0%"
        await pilot.press("G")
        await settle(pilot)
        assert shown_percent(app) == "100%"
        await pilot.press("g")
        await settle(pilot)
        assert shown_percent(app) == "0%"
    short = (tmp_path / "mijikai.md").resolve()
    short.write_text("# 短い記録\n\n一行だけの本文。\n", encoding="utf-8")
    app = ShioriApp(OpenedFile(short, import_document(short)))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert shown_percent(app) == "100%"


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("empty.txt", b"", "empty file: nothing to read"),
        ("blank.txt", b"\n  \n\t\n", "empty file: nothing to read"),
        ("script.html", b"<html><body><script>var a = 1;</script></body></html>", "nothing"),
    ],
)
async def test_a_document_with_no_text_says_so_in_the_reader(
    tmp_path: Path, name: str, content: bytes, said: str
) -> None:
    from screen_text import widget_lines

    path = (tmp_path / name).resolve()
    path.write_bytes(content)
    doc = import_document(path)
    assert not doc.base_text.strip()
    app = ShioriApp(OpenedFile(path, doc))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        shown = " ".join(line.strip() for line in widget_lines(app.reader) if line.strip())
        assert said in shown
        if doc.notices:
            assert shown == " ".join(doc.notices)


async def test_what_the_import_said_is_told_once_when_the_document_opens(tmp_path: Path) -> None:
    path = (tmp_path / "sjis.txt").resolve()
    path.write_bytes("日米関係の記録\n\n両国は協力を確認した。\n".encode("cp932"))
    doc = import_document(path)
    assert doc.notices
    app = ShioriApp(OpenedFile(path, doc))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        told = [n for n in app._notifications if doc.notices[0] in n.message]
        assert len(told) == 1 and told[0].title == "日米関係の記録"
