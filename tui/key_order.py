"""Keys that reach the app in one burst are routed one at a time, each after the app has
settled from the one before.

Textual hands a key to the widget focused when the app reads it; a binding's action runs later,
in that widget's queue, and what it opens (the search bar, a dialog) takes focus later still.
Keys read in between went to the widget being left: over a slow SSH link, or from tmux, ``/``
then ``日米`` searched nothing and typed 日米 into the reader, and ``/quota`` quit on its ``q``.
Here a key read while the app is still settling from the previous one waits, in order, until
every message that key caused has been handled (rounds of callbacks through the app and the
screen's widgets until a round finds every queue empty), then goes where the focus is by then.
Keys typed by hand, one by one, are routed at once as before: the app has settled between them.
"""

from __future__ import annotations

import asyncio
from collections import deque
from typing import TYPE_CHECKING, Any

from textual import events

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump

#: The most rounds a key waits for (a widget that keeps posting, an animation): then it goes.
MOST_ROUNDS = 12
#: A round's callbacks not all run by then (a widget removed with its queue): the round ends.
ROUND_TIMEOUT = 0.5


class KeyOrder:
    """Holds the keys read while the app settles, and routes them in order afterwards."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.waiting: deque[events.Key] = deque()
        self.released: events.Key | None = None
        self._task: asyncio.Task[None] | None = None

    @property
    def busy(self) -> bool:
        """Settling from a key, or a held key on its way back to the app."""
        return self.released is not None or (self._task is not None and not self._task.done())

    def hold(self, key: events.Key) -> bool:
        """True when ``key`` must wait (the app has not settled from an earlier key); it is
        routed later, by posting it to the app again."""
        if key is self.released:
            self.released = None
            return False
        if not self.busy and not self.waiting:
            return False
        self.waiting.append(key)
        return True

    def routed(self) -> None:
        """A key went its way: watch the app settle before the next may go."""
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._settle_then_release())

    async def _settle_then_release(self) -> None:
        try:
            await settled(self.app)
        except Exception:  # noqa: BLE001 - a screen torn down meanwhile: route the key anyway
            pass
        finally:
            if self.waiting and self.app.is_running:
                self.released = self.waiting.popleft()
                self.app.post_message(self.released)


async def settled(app: App[Any]) -> None:
    """Return once a round of callbacks through the app and the current screen's widgets
    finds every queue empty before and after it (or after ``MOST_ROUNDS`` rounds)."""
    for _ in range(MOST_ROUNDS):
        if not app.is_running:
            return
        pumps: list[MessagePump] = [app, *app.screen.walk_children(with_self=True)]
        quiet = all(pump._message_queue.empty() for pump in pumps)
        waits = []
        for pump in pumps:
            done = asyncio.get_running_loop().create_future()
            if pump.call_later(_report, done, pump):
                waits.append(done)
        if not waits:
            return
        finished, _unfinished = await asyncio.wait(waits, timeout=ROUND_TIMEOUT)
        if quiet and len(finished) == len(waits) and not any(f.result() for f in finished):
            return


def _report(done: asyncio.Future[bool], pump: MessagePump) -> None:
    """Marker callback: whether messages arrived behind the marker while it waited."""
    if not done.done():
        done.set_result(not pump._message_queue.empty())
