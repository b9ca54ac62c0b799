"""Quitting at once, whatever the document's size.

Waits stand between ``q`` and the shell prompt that have nothing to do with the reader's
state: Textual's Linux driver joins its input thread, which finishes the poll it is in and
then polls once more (up to 0.2 s); Textual closes every widget's message queue one after
another (20-60 ms with a large document); and the interpreter, on its way out, joins worker
threads (a paragraph of furigana analysis) and frees every object of a large document one by
one (hundreds of milliseconds for a 50 MB one).

Nothing is lost by skipping them: the reading position is written when the app exits (in a
thread while the terminal is restored; ``ShioriApp.position_saved`` waits for it), an
annotation when it is made, a readings-cache piece atomically when it is done. So when the
process is about to end (``ShioriApp.leaving_process``, the command line) the app's driver
stops its input thread without waiting for its last poll, the app skips the widgets'
teardown, and ``exit_now`` ends the process once the terminal is restored."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import termios
from typing import Any

from textual.drivers.linux_driver import LinuxDriver

#: How long the input thread may take to notice the exit before we go on without it.
INPUT_THREAD_GRACE = 0.02


class QuickExitDriver(LinuxDriver):
    """Textual's Linux driver, minus the wait for the input thread's last poll on exit."""

    def disable_input(self) -> None:
        app: Any = getattr(self, "_app", None)
        thread = getattr(self, "_key_thread", None)
        if not getattr(app, "_exit", False) or thread is None or self.exit_event.is_set():
            super().disable_input()  # suspending (ctrl+z) or anything else: the full stop
            return
        with contextlib.suppress(Exception):
            signal.signal(signal.SIGWINCH, signal.SIG_DFL)
            self._disable_mouse_support()
            self.exit_event.set()  # the thread ends after its current poll; not waited for
            if not getattr(app, "leaving_process", False):  # the process ends: nothing to wait
                thread.join(INPUT_THREAD_GRACE)
            with contextlib.suppress(termios.error):
                termios.tcflush(self.fileno, termios.TCIFLUSH)


def exit_now(code: int) -> None:
    """End the process now (the app has exited and restored the terminal)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)
