"""The copy chain reports honestly which route worked and never raises."""

from __future__ import annotations

import base64
import subprocess
import sys
from pathlib import Path

from store.clipboard import Route, copy_text, osc52_sequence

ROOT = Path(__file__).resolve().parent.parent
LOCAL = {"DISPLAY": ":0"}
SSH = {"SSH_CONNECTION": "10.0.0.1 5000 10.0.0.2 22"}


class FakeClipboard:
    name = "fake"

    def __init__(self, *, fail: Exception | None = None, keeps: bool = True) -> None:
        self.fail, self.keeps, self.value = fail, keeps, ""

    def copy(self, text: str) -> None:
        if self.fail:
            raise self.fail
        self.value = text if self.keeps else ""

    def paste(self) -> str:
        return self.value


def test_working_clipboard_says_copied_and_still_sends_osc52() -> None:
    board, sent = FakeClipboard(), []
    result = copy_text("「引用」\n外務省。", backend=board, osc52=sent.append, env=LOCAL)
    assert result.route is Route.CLIPBOARD and result.copied
    assert result.message == "Copied to the clipboard (fake)."
    assert board.value == "「引用」\n外務省。" and sent == ["「引用」\n外務省。"]


def test_failing_clipboard_falls_back_to_the_terminal_honestly() -> None:
    sent = []
    result = copy_text(
        "本文",
        backend=FakeClipboard(fail=OSError("xclip: no display")),
        osc52=sent.append,
        env=LOCAL,
    )
    assert result.route is Route.TERMINAL and not result.copied
    assert result.message.startswith("Sent to the terminal (OSC 52)")
    assert "copied" not in result.message.lower()
    assert result.detail == "xclip: no display" and sent == ["本文"]


def test_a_clipboard_that_silently_drops_the_text_is_not_trusted() -> None:
    result = copy_text("本文", backend=FakeClipboard(keeps=False), env=LOCAL)
    assert result.route is Route.NONE
    assert "did not keep" in result.message


def test_no_route_asks_for_a_dialog_with_the_text() -> None:
    def broken_terminal(text: str) -> None:
        raise OSError("not a tty")

    result = copy_text(
        "引用文",
        backend=FakeClipboard(fail=RuntimeError("nothing")),
        osc52=broken_terminal,
        env=LOCAL,
    )
    assert result.route is Route.NONE and result.text == "引用文"
    assert result.message.startswith("No clipboard available")


def test_over_ssh_the_remote_clipboard_is_not_pretended_to_be_yours() -> None:
    sent = []
    result = copy_text("本文", osc52=sent.append, env=SSH)
    assert result.route is Route.TERMINAL and "not yours" in result.detail


def test_inside_tmux_the_message_says_what_tmux_needs() -> None:
    result = copy_text(
        "本文",
        backend=FakeClipboard(fail=OSError("x")),
        osc52=lambda t: None,
        env={**SSH, "TMUX": "/tmp/tmux-0/default,1,0"},
    )
    assert "set-clipboard on" in result.message


def test_osc52_sequences_plain_and_wrapped_for_tmux() -> None:
    payload = base64.b64encode("栞".encode()).decode()
    assert osc52_sequence("栞") == f"\x1b]52;c;{payload}\x07"
    assert osc52_sequence("栞", tmux=True) == f"\x1bPtmux;\x1b\x1b]52;c;{payload}\x07\x1b\\"


def test_real_pyperclip_without_display_never_raises() -> None:
    code = "from store.clipboard import copy_text\nr = copy_text('引用')\nprint(r.route.value)\n"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() in ("none", "clipboard")
