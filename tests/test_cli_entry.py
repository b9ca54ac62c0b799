"""The ``shiori`` entry point (``tui.cli.entry``): exit codes, flushed output, and the
interpreter's teardown skipped only when nothing needs it (docs/furigana.md, start-up)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _python(code: str, data: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-c", code], input=data, capture_output=True, cwd=ROOT, timeout=120
    )


def _shiori(*args: str, data: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "shiori", *args], input=data, capture_output=True, cwd=ROOT, timeout=120
    )


def test_exit_codes_are_mains() -> None:
    assert _shiori("--version").returncode == 0
    assert _shiori("no-such-command-or-file").returncode == 2
    assert _shiori("furigana", "--format", "nonsense").returncode == 2


def test_all_output_is_written_before_the_process_ends() -> None:
    text = "日本の首相は東京で会見した。\n" * 4000
    result = _shiori("furigana", data=text.encode("utf-8"))
    assert result.returncode == 0, result.stderr.decode()
    segments = json.loads(result.stdout.decode("utf-8"))
    assert "".join(s for s, _ in segments) == text


def test_what_was_registered_with_atexit_still_runs() -> None:
    # the annotations journal is folded into annotations.json by an atexit handler
    code = (
        "import atexit, sys\n"
        "from tui import cli\n"
        "cli.main = lambda: 3\n"
        "atexit.register(lambda: print('folded', flush=True))\n"
        "cli.entry()\n"
    )
    result = _python(code)
    assert result.returncode == 3
    assert result.stdout == b"folded\n"


def test_a_running_thread_is_waited_for() -> None:
    code = (
        "import threading, time\n"
        "from tui import cli\n"
        "cli.main = lambda: 0\n"
        "def late():\n"
        "    time.sleep(0.2)\n"
        "    print('done', flush=True)\n"
        "threading.Thread(target=late).start()\n"
        "cli.entry()\n"
    )
    result = _python(code)
    assert result.returncode == 0
    assert result.stdout == b"done\n"


def test_unflushed_output_is_written_and_the_code_kept() -> None:
    code = (
        "import sys\n"
        "from tui import cli\n"
        "def main():\n"
        "    sys.stdout.write('kept')\n"  # no newline, no flush
        "    return 5\n"
        "cli.main = main\n"
        "cli.entry()\n"
    )
    result = _python(code)
    assert (result.returncode, result.stdout) == (5, b"kept")


def test_help_is_wrapped_as_argparse_wraps_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse

    from tui.commands._io import Parser

    for columns in ("50", "120"):
        monkeypatch.setenv("COLUMNS", columns)
        texts = []
        for cls in (Parser, argparse.ArgumentParser):
            parser = cls(prog="shiori furigana", description="Print readings " * 12)
            parser.add_argument("--format", choices=("json", "aozora", "html", "text"))
            texts.append(parser.format_help())
        assert texts[0] == texts[1]


def test_every_argument_of_every_command_says_what_it_is_for() -> None:
    """``shiori annotations list --help`` showed ``--state {anchored,moved,orphan}`` with
    nothing after it (so did export's --format, import's file, colors' key and name, cite's
    file and --style)."""
    import argparse
    import importlib

    from tui.cli import COMMANDS
    from tui.commands._io import Parser

    silent: list[str] = []

    def walk(parser: argparse.ArgumentParser, path: list[str]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, [*path, name])
            elif not action.help and action.dest != "help":
                silent.append(" ".join([*path, *(action.option_strings or [action.dest])]))

    for module in COMMANDS.values():
        parser = Parser(prog="shiori")
        sub = parser.add_subparsers(dest="command", required=True)
        importlib.import_module(f"tui.commands.{module}").register(sub)
        walk(parser, [])
    assert silent == []
