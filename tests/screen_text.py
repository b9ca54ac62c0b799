"""What a widget shows, as text lines (for tests that read the screen like a person does).

Not a test module: tests import :func:`widget_lines`, :func:`screen_lines` and
:func:`closing_mark_starts`.
"""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from textual.geometry import Region
from textual.widget import Widget

#: Marks a line must never start with (kinsoku), as a reader sees them.
CLOSING_MARKS = frozenset("、。，．」』）】〕〉》！？・ー々ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ…‥")


def widget_lines(widget: Widget) -> list[str]:
    """The text of each row ``widget`` paints now (its padding included)."""
    width, height = widget.size
    strips = widget.render_lines(Region(0, 0, width, height))
    return ["".join(segment.text for segment in strip) for strip in strips]


def closing_mark_starts(lines: list[str]) -> list[str]:
    """The lines whose text (after leading blanks) starts with a closing mark."""
    return [line for line in lines if line.strip() and line.strip()[0] in CLOSING_MARKS]


def screen_lines(app: Any) -> list[str]:
    """The whole screen as the terminal shows it (screens under a modal included), as text."""
    console = Console(
        width=app.size.width,
        height=app.size.height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
    )
    update = app.screen._compositor.render_update(
        full=True, screen_stack=app._background_screens
    )
    console.print(update)
    return console.export_text(styles=False).splitlines()
