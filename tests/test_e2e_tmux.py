"""End to end: the installed ``shiori`` in a real terminal (tmux, 80x24), driven by keys.

What is checked is what a person sees in the pane (``tmux capture-pane``): the heading, a
furigana row with the reading centred over its kanji, the footnote popup's text after ``]`` and
Enter, the help screen, and that ``q`` quits; and a library search (``F``) for a word in two
bundled documents whose second result opens in the reader at the match; a Word document with
its own ruby and a footnote. Skipped only where tmux is not installed (CI
installs it in ``.ci/run``).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rich.cells import cell_len

ROOT = Path(__file__).resolve().parent.parent
TMUX = shutil.which("tmux")

pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed (CI installs it)")

DOCUMENT = """# 政策の収斂

## 第1節 背景

各国の政策は次第に収斂しつつある[^1]。会談では協力の強化を確認した。

[^1]: 外務省の資料による整理。

## 第2節 展望

今後も対話を続ける。
"""


def shiori_command() -> list[str]:
    """The installed entry point (the venv's, else the one on PATH)."""
    beside = Path(sys.executable).with_name("shiori")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("shiori")
    if found:
        return [found]
    return [sys.executable, "-m", "tui.cli"]


class Pane:
    def __init__(self, socket: str, session: str) -> None:
        self.socket, self.session = socket, session

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [TMUX or "tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            check=check,
            timeout=20,
        )

    def keys(self, *keys: str) -> None:
        """Type ``keys``; the test then waits for what they change on screen."""
        for key in keys:
            self.tmux("send-keys", "-t", self.session, key)

    def lines(self) -> list[str]:
        out = self.tmux("capture-pane", "-p", "-t", self.session, check=False).stdout
        return out.splitlines()

    def wait_for(
        self, what: str, test: Callable[[list[str]], bool], timeout: float = 40
    ) -> list[str]:
        deadline = time.monotonic() + timeout
        lines: list[str] = []
        while time.monotonic() < deadline:
            lines = self.lines()
            if test(lines):
                return lines
            time.sleep(0.05)  # polling the pane: tmux tells no one when it changes
        screen = "\n".join(lines)
        raise AssertionError(f"never saw {what}; the pane shows:\n{screen}")

    def alive(self) -> bool:
        return self.tmux("has-session", "-t", self.session, check=False).returncode == 0


def open_in_tmux(doc: Path) -> Pane:
    """``shiori DOC`` in a fresh tmux server, 80x24."""
    # The test's data folders (conftest.py) reach the app through the tmux server's environment.
    command = f"env TERM=xterm-256color {shlex.join(shiori_command())} {shlex.quote(str(doc))}"
    socket = f"shiori-test-{uuid.uuid4().hex[:8]}"
    pane = Pane(socket, "reader")
    pane.tmux(
        "-f", os.devnull, "new-session", "-d", "-s", "reader", "-x", "80", "-y", "24", command
    )
    pane.tmux("set-option", "-s", "escape-time", "0", check=False)
    return pane


@pytest.fixture
def pane(tmp_path: Path) -> Iterator[Pane]:
    doc = tmp_path / "seisaku.md"
    doc.write_text(DOCUMENT, encoding="utf-8")
    pane = open_in_tmux(doc)
    try:
        yield pane
    finally:
        pane.tmux("kill-server", check=False)


def ruby_over(lines: list[str], reading: str, base: str) -> bool:
    """``reading`` on a row, centred (within a cell) over ``base`` on the row below."""
    for upper, lower in zip(lines, lines[1:], strict=False):
        if reading in upper and base in lower:
            r_start = cell_len(upper[: upper.index(reading)])
            b_start = cell_len(lower[: lower.index(base)])
            r_mid = r_start + cell_len(reading) / 2
            b_mid = b_start + cell_len(base) / 2
            if abs(r_mid - b_mid) <= 1:
                return True
    return False


def test_reading_a_document_in_a_real_terminal(pane: Pane) -> None:
    # The heading, then the furigana once the dictionary has analysed the text.
    pane.wait_for("the heading", lambda ls: any("政策の収斂" in line for line in ls))
    lines = pane.wait_for("しゅうれん over 収斂", lambda ls: ruby_over(ls, "しゅうれん", "収斂"))
    assert any("第1節 背景" in line for line in lines)
    # ] goes to the footnote marker, Enter opens its popup with the note's text.
    pane.keys("]", "Enter")
    pane.wait_for(
        "the footnote popup", lambda ls: any("外務省の資料による整理" in line for line in ls)
    )
    pane.keys("Escape")
    pane.wait_for(
        "the popup closed", lambda ls: not any("外務省の資料による整理" in line for line in ls)
    )
    # ? lists the keys; Escape returns to the text.
    pane.keys("?")
    pane.wait_for(
        "the help screen", lambda ls: any("Show every key" in line for line in ls)
    )
    pane.keys("Escape")
    pane.wait_for(
        "the text again, help closed",
        lambda ls: any("政策の収斂" in line for line in ls)
        and not any("Show every key" in line for line in ls),
    )
    # q quits: the program ends and its tmux session with it.
    pane.keys("q")
    deadline = time.monotonic() + 20
    while pane.alive() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not pane.alive()


@pytest.fixture
def library_pane() -> Iterator[Pane]:
    """``shiori`` on the bundled library (nothing opened yet)."""
    command = f"env TERM=xterm-256color {shlex.join(shiori_command())}"
    socket = f"shiori-test-{uuid.uuid4().hex[:8]}"
    pane = Pane(socket, "library")
    pane.tmux(
        "-f", os.devnull, "new-session", "-d", "-s", "library", "-x", "80", "-y", "24", command
    )
    pane.tmux("set-option", "-s", "escape-time", "0", check=False)
    try:
        yield pane
    finally:
        pane.tmux("kill-server", check=False)


def test_searching_the_library_and_opening_the_second_hit(library_pane: Pane) -> None:
    """造船 is in several bundled documents (one only in a footnote): F, the word, Down to the
    second result, Enter."""
    import json

    expected = json.loads(
        subprocess.run(
            [*shiori_command(), "search", "--json", "--notes", "造船"],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        ).stdout
    )
    documents = len({hit["document"] for hit in expected})
    assert documents >= 2 and any(hit.get("footnote") for hit in expected)
    second = expected[1]
    pane = library_pane
    pane.wait_for("the library", lambda ls: any("Library (5" in line for line in ls))
    pane.keys("F")
    pane.wait_for("the search screen", lambda ls: any("Search the library" in line for line in ls))
    pane.keys("造船")
    shown = f"{len(expected)} results in {documents} documents"
    lines = pane.wait_for("the results", lambda ls: any(shown in line for line in ls))
    assert sum(second["section"] in line for line in lines) >= 1
    pane.keys("Down", "Enter")  # the query keeps the keys: no wait on focus
    # the reader on the second hit's document, at the match, the search going on in it
    in_document = [h for h in expected if h["document"] == second["document"]]
    count = f"/造船 {in_document.index(second) + 1}/{len(in_document)}"
    lines = pane.wait_for(
        f"the second hit in the reader ({count}, the word in the text)",
        lambda ls: count in ls[0]
        and second["title"][:6] in ls[0]
        and any("造船" in line for line in ls[1:]),
    )


def test_the_longest_footnote_of_the_bluebook_shows_to_its_end() -> None:
    from store.importer import import_file
    from store.paths import SEEDS_DIR

    path = SEEDS_DIR / "diplomatic-bluebook-2025-north-america.txt"
    doc = import_file(path)
    note = max(doc.footnotes, key=lambda f: len(f.text))
    markers = sorted(
        (start + ref.offset, ref.footnote_id)
        for start, block in zip(doc.block_starts, doc.blocks, strict=True)
        for ref in block.refs
    )
    presses = 1 + [fid for _, fid in markers].index(note.id)
    pane = open_in_tmux(path)
    try:
        pane.wait_for("the document", lambda ls: any("概観" in line for line in ls))
        pane.keys("g", *["]"] * presses, "Enter")
        pane.wait_for(
            f"footnote {note.id}", lambda ls: any(f"Footnote {note.id}" in line for line in ls)
        )
        lines = pane.lines()
        if not any("Esc closes" in line and "End" in line for line in lines):
            assert any(line.strip() == "Esc closes" or "Esc closes" in line for line in lines)
        else:
            pane.keys("End")  # a note taller than the screen scrolls; End shows its end
        tail = note.text[-8:]
        pane.wait_for(
            f"the note's last characters {tail!r}",
            lambda ls: tail in "".join(line.strip() for line in ls),
        )
    finally:
        pane.tmux("kill-server", check=False)


def test_a_word_document_in_a_real_terminal(tmp_path: Path) -> None:
    """A .docx (Word's heading styles, its ruby, a footnote) opens like any document: the
    reading the file gives over its word (強敵 read とも), the note in its popup."""
    from render_formats import golden_to_docx

    model = {
        "title": "会談の報告",
        "metadata": {},
        "blocks": [
            {"kind": "heading", "level": 1, "text": "会談の報告", "ruby": [], "refs": []},
            {
                "kind": "paragraph",
                "text": "彼は強敵と語り合った。",
                "ruby": [[2, 4, "とも"]],  # the file's reading, not the dictionary's
                "refs": [[10, "1"]],
                "emphasis": [],
            },
        ],
        "footnotes": [{"id": "1", "text": "外務省の発表による。"}],
    }
    doc = tmp_path / "kaidan.docx"
    golden_to_docx(model, doc)
    pane = open_in_tmux(doc)
    try:
        pane.wait_for("the heading", lambda ls: any("会談の報告" in line for line in ls))
        pane.wait_for("とも over 強敵", lambda ls: ruby_over(ls, "とも", "強敵"))
        pane.keys("]", "Enter")
        pane.wait_for(
            "the footnote popup", lambda ls: any("外務省の発表による" in line for line in ls)
        )
    finally:
        pane.tmux("kill-server", check=False)
