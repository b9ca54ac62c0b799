"""``python -m benchmarks._timed_app first|furigana FILE``: ``shiori FILE`` that exits once
FILE has painted (``first``: as soon as it shows; ``furigana``: once its furigana are drawn);
``python -m benchmarks._timed_app library``: ``shiori`` that exits once the library has painted.

The reader benchmark times whole processes with it; the app itself knows nothing of this.
With ``SHIORI_BENCH_FRAMES`` set to a file name, each layout the reader painted text with
(``generation width furigana``, in order) is written there at exit: a text laid out once at
its final width shows one line.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from tui.app import ShioriApp, run_app
from tui.widgets.reader import ReaderView

MODES = ("first", "furigana", "library")

#: The layouts painted, in order: (generation, width, readings known).
PAINTED: list[tuple[int, int, bool]] = []


def _record_paints() -> None:
    """Note the layout of every frame in which the main reader paints text."""
    original = ReaderView.render_lines

    def render_lines(reader: ReaderView, crop: Any) -> Any:
        strips = original(reader, crop)
        layout = reader._layout
        if reader.id == "reader" and layout is not None and any(s.text.strip() for s in strips):
            key = (reader._gen, layout.width, reader._readings is not None)
            if not PAINTED or PAINTED[-1] != key:
                PAINTED.append(key)
        return strips

    ReaderView.render_lines = render_lines  # type: ignore[method-assign]


class TimedApp(ShioriApp):
    #: Set by :func:`main` before the app starts.
    exit_after = "first"

    def main_reader_moved(self, message: ReaderView.PositionChanged) -> None:
        super().main_reader_moved(message)
        if self.exit_after == "first" and self.current_key is not None:
            self.call_after_refresh(self.exit)

    async def main_screen_ready(self) -> None:
        await super().main_screen_ready()
        if self.exit_after == "library":
            self.call_after_refresh(self.exit)

    def on_reader_view_readings_ready(self, message: ReaderView.ReadingsReady) -> None:
        if self.exit_after == "furigana" and message.document is self.current_document:
            self.call_after_refresh(self.exit)

    def exit(self, *args: Any, **kwargs: Any) -> None:
        out = os.environ.get("SHIORI_BENCH_FRAMES")
        if out:
            lines = [f"{gen} {width} {int(readings)}" for gen, width, readings in PAINTED]
            Path(out).write_text("\n".join(lines) + "\n", encoding="utf-8")
        super().exit(*args, **kwargs)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in MODES or len(argv) != (1 if argv[0] == "library" else 2):
        print(__doc__, file=sys.stderr)
        return 2
    TimedApp.exit_after = argv[0]
    if os.environ.get("SHIORI_BENCH_FRAMES"):
        _record_paints()
    return run_app(argv[1] if len(argv) > 1 else None, TimedApp)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
