"""What the command line and the app say: a mistyped command names the commands, and counts
read ``1 annotation``, ``2 annotations`` (never ``annotation(s)``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pilot_waits import settle

from store.counts import count
from tui.app import OpenedFile, ShioriApp, import_document
from tui.widgets.annotation_list import AnnotationList

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = "add, annotate, annotations, cite, furigana, inspect"


def shiori(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shiori", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


@pytest.mark.parametrize("word", ["bogus", "annotation", "missing/file.txt"])
def test_an_unknown_command_or_missing_file_names_the_commands(word: str) -> None:
    result = shiori(word)
    assert result.returncode == 2
    assert result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert word in line and "no such file or command" in line
    assert f"commands: {COMMANDS}" in line


def test_counts_agree_with_their_number() -> None:
    assert count(1, "annotation") == "1 annotation"
    assert count(2, "annotation") == "2 annotations"
    assert count(0, "match", "matches") == "0 matches"
    assert count(1, "match", "matches") == "1 match"


async def test_the_sidebar_counts_one_annotation_in_the_singular(tmp_path: Path) -> None:
    path = tmp_path / "domei.md"
    path.write_text("# 同盟\n\n日米同盟は基軸である。\n", encoding="utf-8")
    app = ShioriApp(OpenedFile(path, import_document(path)))
    async with app.run_test(size=(170, 40)) as pilot:
        await settle(pilot, until=lambda: app.annotations.current is not None)
        ctl = app.annotations
        assert ctl.repo is not None and ctl.current is not None
        start = app.reader.document.base_text.index("日米同盟")
        for end in (start + 2, start + 4):
            ctl.repo.create(ctl.current.key, ctl.current.document, start, end)
            ctl.reload()
            await settle(pilot)
            listing = app.main_screen.query_one(AnnotationList)
            shown = str(listing.query_one("#annotation-count").render())
            n = len(ctl.annotations)
            assert shown == ("1 annotation" if n == 1 else f"{n} annotations")
