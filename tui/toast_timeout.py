"""A toast whose time is up before it is shown goes away, instead of freezing the app.

Textual's toast rack builds a toast for each notification not yet expired, and the toast takes
the time the notification has left as its timer's interval. A notification that expires
between the two (microseconds, or a whole switch interval while worker threads hold the
interpreter: the analysis of a long document) gives the timer a negative interval, and
Textual's timer loop then spins for ever without yielding — the app froze at full CPU. Seen
once in CI, under load, when a dialog opened as a toast ran out. :func:`install` gives every
toast at least ``MIN_SECONDS`` on screen. Textual 8; ``tests/test_toast_timeout.py`` checks
it on a real app.
"""

from __future__ import annotations

from typing import Any

#: The least time a toast is shown: a toast already due goes after this, never at once.
MIN_SECONDS = 0.1

_installed = False


def install() -> None:
    """Clamp every toast's timer to at least ``MIN_SECONDS`` (idempotent; the app calls it
    once at start-up)."""
    global _installed
    if _installed:
        return
    from textual.widgets._toast import Toast

    original = Toast.__init__

    def __init__(self: Any, notification: Any) -> None:
        original(self, notification)
        self._timeout = max(self._timeout, MIN_SECONDS)

    Toast.__init__ = __init__  # type: ignore[method-assign]  # Textual has no hook for it
    _installed = True
