"""Quitting the app from the command line, in a real pseudo-terminal: the reading position is
kept (saved while the terminal is restored, before the process ends), and a position that
cannot be saved is one line on the restored terminal, not a toast nobody sees."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a pty")

ROOT = Path(__file__).resolve().parent.parent
ENTER_ALT_SCREEN = b"\x1b[?1049h"
LEAVE_ALT_SCREEN = b"\x1b[?1049l"
#: Generous: a run that has not done its step by then is stuck (not a timing).
DEADLINE = 120.0

APP = """
import errno, sys
from store import positions
from tui.app import run_app

if sys.argv[2] == "full-disk":
    def no_room(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")
    positions.save_position = no_room
run_app(sys.argv[1], exit_when_done=True)
"""


def long_document(path: Path) -> Path:
    parts = ["# Quitting", ""]
    for i in range(1, 121):
        parts += [f"Paragraph {i}. 会談では経済と安全保障について意見を交換した。", ""]
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


class Terminal:
    """The app's process on a pty of 80x24: what it wrote, keys sent to it."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        import fcntl
        import struct
        import termios

        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.proc = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
        )
        os.close(slave)
        self.output = b""

    def read_until(self, wanted: bytes, start: int = 0) -> None:
        deadline = time.monotonic() + DEADLINE
        while wanted not in self.output[start:]:
            if time.monotonic() > deadline or not self._read():
                raise AssertionError(f"{wanted!r} never came: {self.output[-300:]!r}")

    def finish(self) -> int:
        deadline = time.monotonic() + DEADLINE
        while self.proc.poll() is None and time.monotonic() < deadline:
            self._read()
        while self._read(0):
            pass
        os.close(self.master)
        if self.proc.poll() is None:
            self.proc.kill()
            raise AssertionError("the app did not end")
        return self.proc.returncode

    def _read(self, wait: float = 0.1) -> bool:
        if select.select([self.master], [], [], wait)[0]:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return False
            self.output += chunk
            return bool(chunk)
        return self.proc.poll() is None

    def send(self, keys: bytes) -> None:
        os.write(self.master, keys)


def run_and_quit(tmp_path: Path, mode: str) -> tuple[int, bytes, Path]:
    """Open a long document, page down twice, quit: (exit status, output from the terminal's
    restoring on, data dir)."""
    script = tmp_path / "app.py"
    script.write_text(APP, encoding="utf-8")
    doc = long_document(tmp_path / "quitting.md")
    env = dict(os.environ, TERM="xterm-256color", PYTHONPATH=str(ROOT))
    for name in ("DATA", "CACHE", "CONFIG"):
        env[f"SHIORI_{name}_DIR"] = str(tmp_path / name.lower())
    term = Terminal([sys.executable, str(script), str(doc), mode], env)
    term.read_until(ENTER_ALT_SCREEN)
    term.read_until(b"Paragraph")
    shown = len(term.output)
    term.send(b"  q")  # two pages down, then quit (in one burst: q waits for the pages)
    code = term.finish()
    assert LEAVE_ALT_SCREEN in term.output[shown:]
    return code, term.output[term.output.rindex(LEAVE_ALT_SCREEN) :], tmp_path / "data"


def test_quitting_keeps_the_reading_position(tmp_path: Path) -> None:
    """The position is written in a thread while the terminal is restored; the process ends
    only once it is on disk."""
    code, _after, data = run_and_quit(tmp_path, "ok")
    assert code == 0
    saved = json.loads((data / "positions.json").read_text(encoding="utf-8"))
    (entry,) = saved["documents"].values()
    assert entry["block"] > 10  # two pages down, not the top


def test_a_position_that_cannot_be_saved_is_one_line_after_the_terminal_is_back(
    tmp_path: Path,
) -> None:
    """A full disk on the way out was a toast on a screen about to vanish: now it is said on
    the restored terminal, in one line, and quitting still succeeds."""
    code, after, data = run_and_quit(tmp_path, "full-disk")
    assert code == 0
    text = after.decode("utf-8", "replace")
    lines = [line for line in text.splitlines() if "shiori:" in line]
    assert len(lines) == 1
    assert "could not save the reading position" in lines[0]
    assert "No space left on device" in lines[0]
    assert not (data / "positions.json").exists()


def test_quitting_before_the_first_paint_is_done_is_a_clean_exit(tmp_path: Path) -> None:
    """`q` the moment the screen appears, before the first paint's callbacks (the sidebar's
    list is put in after it) ran: mounting into a pane that had left the screen raised, the
    process exited 70 with a crash report (found by the reader benchmark on a 1 MB text)."""
    script = tmp_path / "app.py"
    script.write_text(APP, encoding="utf-8")
    doc = tmp_path / "big.md"
    doc.write_text(
        "\n\n".join(f"段落{i}。会談では経済と安全保障について意見を交換した。" for i in range(20000)),
        encoding="utf-8",
    )
    env = dict(os.environ, TERM="xterm-256color", PYTHONPATH=str(ROOT))
    for name in ("DATA", "CACHE", "CONFIG"):
        env[f"SHIORI_{name}_DIR"] = str(tmp_path / name.lower())
    term = Terminal([sys.executable, str(script), str(doc), "ok"], env)
    term.read_until(ENTER_ALT_SCREEN)
    term.send(b"q")
    code = term.finish()
    assert not (tmp_path / "cache" / "crash.log").exists(), (tmp_path / "cache" / "crash.log").read_text()
    assert code == 0
