"""The copy chain's domain part: try the system clipboard, then the terminal, and say which.

``copy_text`` tries, in order, and reports honestly (docs/design/annotations.md):

1. the **system clipboard** through a backend (pyperclip by default). Every failure is caught
   (no xclip/wl-copy, no display, a tool that exits badly). Over SSH without a forwarded
   display the remote machine's clipboard is not the user's, so it is not even tried. When the
   backend can read back, the copy is verified.
2. **OSC 52**, always when the caller gives an ``osc52`` callable (the Textual app passes one
   that writes through its driver; :func:`osc52_sequence` wraps it for tmux). We cannot know
   whether the terminal accepted it, so the result says "sent to the terminal", not "copied".
3. neither: the result asks the UI to show the text in a dialog to copy by hand.

No Textual import here; the UI stays a thin caller.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class Route(StrEnum):
    CLIPBOARD = "clipboard"
    TERMINAL = "terminal"
    NONE = "none"


@dataclass(frozen=True)
class CopyResult:
    route: Route
    #: A one-line status message that says what actually happened.
    message: str
    #: The text that was (or should have been) copied: what a dialog shows.
    text: str
    #: Why the system clipboard was not used, when it was not.
    detail: str = ""

    @property
    def copied(self) -> bool:
        return self.route is Route.CLIPBOARD


class ClipboardBackend(Protocol):
    """A system clipboard. ``copy`` raises on failure; ``paste`` may raise if unsupported."""

    name: str

    def copy(self, text: str) -> None: ...

    def paste(self) -> str: ...


class PyperclipBackend:
    """pyperclip, imported lazily; its mechanism's name is reported in the status line."""

    def __init__(self) -> None:
        import pyperclip

        self._pyperclip = pyperclip
        self.name = "pyperclip"

    def copy(self, text: str) -> None:
        self._pyperclip.copy(text)
        # After the first call pyperclip's copy is its chosen mechanism, e.g. copy_xclip.
        qualname = getattr(self._pyperclip.copy, "__qualname__", "")
        mechanism = qualname.split(".")[0].removeprefix("init_").removesuffix("_clipboard")
        if mechanism and "stub" not in mechanism:
            self.name = mechanism

    def paste(self) -> str:
        return str(self._pyperclip.paste())


def in_tmux(env: Mapping[str, str] | None = None) -> bool:
    env = os.environ if env is None else env
    return bool(env.get("TMUX"))


def remote_without_display(env: Mapping[str, str] | None = None) -> bool:
    """Over SSH with no forwarded display: this machine's clipboard is not the user's."""
    env = os.environ if env is None else env
    over_ssh = bool(env.get("SSH_CONNECTION") or env.get("SSH_TTY") or env.get("SSH_CLIENT"))
    return over_ssh and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def osc52_sequence(text: str, *, tmux: bool = False) -> str:
    """The OSC 52 "set clipboard" escape for ``text``; wrapped in tmux's DCS passthrough."""
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    seq = f"\x1b]52;c;{payload}\x07"
    if tmux:
        return "\x1bPtmux;" + seq.replace("\x1b", "\x1b\x1b") + "\x1b\\"
    return seq


def _same(a: str, b: str) -> bool:
    return a.replace("\r\n", "\n").rstrip("\n") == b.replace("\r\n", "\n").rstrip("\n")


def copy_text(
    text: str,
    *,
    backend: ClipboardBackend | None = None,
    osc52: Callable[[str], None] | None = None,
    env: Mapping[str, str] | None = None,
    verify: bool = True,
) -> CopyResult:
    """Copy ``text`` by every route available; never raises. See the module docstring."""
    env = os.environ if env is None else env
    detail = ""
    copied_by = ""
    if backend is None and remote_without_display(env):
        detail = "over SSH, this machine's clipboard is not yours"
    else:
        try:
            if backend is None:
                backend = PyperclipBackend()
            backend.copy(text)
            if verify:
                try:
                    back = backend.paste()
                except Exception:
                    back = text  # cannot read back: trust the copy that did not fail
                if not _same(back, text):
                    raise RuntimeError("the clipboard did not keep the text")
            copied_by = backend.name
        except Exception as exc:  # pyperclip raises several unrelated types; never crash
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
            detail = first.split(". ")[0].rstrip(".") or type(exc).__name__
    sent = False
    if osc52 is not None:
        try:
            osc52(text)
            sent = True
        except Exception as exc:
            detail = detail or f"the terminal write failed: {exc}"
    if copied_by:
        return CopyResult(Route.CLIPBOARD, f"Copied to the clipboard ({copied_by}).", text)
    if sent:
        hint = (
            " Inside tmux this needs `set -g set-clipboard on` (or allow-passthrough)."
            if in_tmux(env)
            else ""
        )
        return CopyResult(
            Route.TERMINAL,
            "Sent to the terminal (OSC 52): pasting works if your terminal allows "
            f"clipboard writes.{hint}",
            text,
            detail,
        )
    return CopyResult(
        Route.NONE,
        "No clipboard available: copy the text from the dialog"
        + (f" ({detail})." if detail else "."),
        text,
        detail,
    )
