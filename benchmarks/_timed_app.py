"""``python -m benchmarks._timed_app first|furigana FILE``: ``shiori FILE`` that exits once
FILE has painted (``first``: as soon as it shows; ``furigana``: once its furigana are drawn);
``python -m benchmarks._timed_app library``: ``shiori`` that exits once the library has painted.

The reader benchmark times whole processes with it; the app itself knows nothing of this.
"""

from __future__ import annotations

import sys

from tui.app import ShioriApp, run_app
from tui.widgets.reader import ReaderView

MODES = ("first", "furigana", "library")


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


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in MODES or len(argv) != (1 if argv[0] == "library" else 2):
        print(__doc__, file=sys.stderr)
        return 2
    TimedApp.exit_after = argv[0]
    return run_app(argv[1] if len(argv) > 1 else None, TimedApp)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
