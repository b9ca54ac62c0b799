"""What the whole app looks like at the smallest and largest supported sizes (SVG snapshots).

The document is opened as ``shiori FILE`` would, so the tree lists only it; the furigana come
from the real analyser, awaited before the shot. Blinking cursors are frozen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pilot_waits import settle
from textual.widgets import Input

from tui.app import OpenedFile, ShioriApp, import_document

TEXT = """# 政策の収斂

## 第1節 背景

各国の政策は次第に収斂しつつある[^1]。首脳会談では、同盟の抑止力と対処力の強化を確認した。

- 経済安全保障の協力
- 人的交流の拡大

## 第2節 展望

今後も対話を続け、地域の平和と安定に貢献する。

[^1]: 外務省の資料による整理。
"""


@pytest.fixture
def app(tmp_path: Path) -> ShioriApp:
    path = tmp_path / "seisaku.md"
    path.write_text(TEXT, encoding="utf-8")
    return ShioriApp(OpenedFile(path, import_document(path)))


async def ready(pilot: Any) -> None:
    """The document painted with its furigana, nothing left running, no blinking cursor."""
    await settle(pilot)
    for field in pilot.app.query(Input):
        field.cursor_blink = False
    await pilot.pause()


def test_app_at_80x24(app: ShioriApp, snap_compare: Any) -> None:
    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


def test_app_at_200x60(app: ShioriApp, snap_compare: Any) -> None:
    assert snap_compare(app, terminal_size=(200, 60), run_before=ready)


async def help_open(pilot: Any) -> None:
    await ready(pilot)
    await pilot.press("question_mark")
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
def test_help(app: ShioriApp, snap_compare: Any, size: tuple[int, int]) -> None:
    """Help lists what works in each pane, ours first (no ^pgup Page Left in the reader)."""
    assert snap_compare(app, terminal_size=size, run_before=help_open)
