"""Waiting in Pilot tests on what the app does, never on a fixed time.

``settle`` returns once no worker is pending or running, every message and callback they left
behind has been handled, the open document's annotations are loaded, and ``until()`` (when
given) holds. It waits on the workers
themselves; the timeout is only a guard that turns a hang into a failure, so a slow machine
waits longer and a fast one never races ahead.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from typing import Any

from textual.worker import WorkerState

#: Seconds before a wait that never ends fails the test (a guard, not a pace).
TIMEOUT = 120.0


def _quiet(app: Any) -> bool:
    """Nothing the app started is still on its way: the open document's annotations (loaded in
    a thread once the document has painted) are in."""
    controller = getattr(app, "annotations", None)
    return controller is None or not controller.loading


async def settle(pilot: Any, until: Callable[[], bool] | None = None) -> None:
    """Let workers (import, layout, furigana, annotations) finish and their results land."""
    app = pilot.app
    deadline = time.monotonic() + TIMEOUT
    idle = 0
    while True:
        if time.monotonic() > deadline:
            raise AssertionError("the app did not settle (a worker or a condition never ended)")
        await pilot.pause()
        busy = [w for w in app.workers if not w.is_finished]
        started = [w for w in busy if w.state is not WorkerState.PENDING]
        if started:
            idle = 0
            for worker in started:
                with contextlib.suppress(Exception):  # failed or cancelled is finished too
                    await asyncio.wait_for(worker.wait(), max(0.0, deadline - time.monotonic()))
            continue
        # Twice idle in a row: work scheduled for after the next refresh has started by then.
        idle = idle + 1 if not busy and _quiet(app) else 0
        if idle >= 2 and (until is None or until()):
            return
        await pilot.pause(0.01)  # a worker about to start, or a timer the condition waits for


async def select(pilot: Any, quote: str) -> tuple[int, int]:
    """Select ``quote`` in the app's reader the way a user does: go there, ``v``, extend."""
    reader = pilot.app.reader
    start = reader.document.base_text.index(quote)
    reader.focus()
    reader.goto_offset(start)
    await pilot.press("v", *["l"] * (len(quote) - 1))
    assert reader.selection == (start, start + len(quote))
    return start, start + len(quote)
