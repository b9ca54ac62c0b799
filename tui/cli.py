"""The ``shiori`` command line.

``shiori`` opens the library, ``shiori FILE`` opens one file, ``shiori --version`` says which
Shiori this is, and the subcommands below are scriptable (``python -m shiori`` is the same). Each subcommand lives in ``tui/commands/<name>.py`` with ``register(subparsers)``
and ``run(args) -> int``; those modules must not import Textual at module level, so
``shiori furigana`` and ``shiori inspect`` start fast and work in pipelines.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from collections.abc import Sequence

from shiori import __version__

#: Subcommand name -> module under ``tui.commands``.
COMMANDS: dict[str, str] = {
    "inspect": "inspect",
    "furigana": "furigana",
    "add": "add",
    "annotate": "annotate",
    "annotations": "annotations",
    "cite": "cite",
    "search": "search",
    "list": "listing",
    "remove": "remove",
}


def _available() -> dict[str, str]:
    """Subcommands whose module exists (lets the command line grow one module at a time)."""
    found = {}
    for name, module in COMMANDS.items():
        if importlib.util.find_spec(f"tui.commands.{module}") is not None:
            found[name] = module
    return found


def _keep_bytecode() -> None:
    """Start-up: with PYTHONDONTWRITEBYTECODE set, every run would recompile Shiori's own
    modules (a third of a second before the first paint, ~60 ms of ``shiori furigana``).
    Keep their bytecode in Shiori's cache dir instead, never in the source tree, so the app
    opens fast and the commands stay fast in scripts that call them once per file."""
    if not sys.dont_write_bytecode or sys.pycache_prefix is not None:
        return
    try:
        from store.paths import cache_dir

        sys.pycache_prefix = str(cache_dir() / "pycache")
        sys.dont_write_bytecode = False
    except Exception:  # an unusable cache dir only costs speed
        return


def main(argv: Sequence[str] | None = None) -> int:
    _keep_bytecode()
    args = list(sys.argv[1:] if argv is None else argv)
    commands = _available()
    if args and args[0] in commands:
        parser = argparse.ArgumentParser(prog="shiori")
        sub = parser.add_subparsers(dest="command", required=True)
        module = importlib.import_module(f"tui.commands.{commands[args[0]]}")
        module.register(sub)
        ns = parser.parse_args(args)
        try:
            return int(module.run(ns) or 0)
        except KeyboardInterrupt:
            return 130
        except BrokenPipeError:
            return 0
    return _run_app(args, commands)


def _run_app(args: list[str], commands: dict[str, str]) -> int:
    parser = argparse.ArgumentParser(
        prog="shiori",
        description="Read Japanese documents closely. Subcommands: " + ", ".join(commands),
    )
    parser.add_argument("file", nargs="?", help="open this file instead of the library")
    parser.add_argument("--version", action="version", version=f"shiori {__version__}")
    ns = parser.parse_args(args)
    from tui.app import run_app  # Textual is imported only here.
    from tui.quick_exit import exit_now

    exit_now(run_app(ns.file))  # quitting never waits on threads or teardown (tui/quick_exit)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
