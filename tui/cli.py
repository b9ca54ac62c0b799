"""The ``shiori`` command line.

``shiori`` opens the library, ``shiori FILE`` opens one file, ``shiori --version`` says which
Shiori this is, and the subcommands below are scriptable (``python -m shiori`` is the same).
Each subcommand lives in ``tui/commands/<name>.py`` with ``register(subparsers)`` and
``run(args) -> int``; those modules must not import Textual at module level, so
``shiori furigana`` and ``shiori inspect`` start fast and work in pipelines.

Every failure is one line on stderr and a non-zero exit: the commands report what they expect
(exit 1 or 2), argparse's errors are one line (``tui.commands._io.Parser``), and anything
unexpected is caught here — one line naming the error and a crash report file with the
traceback, exit 70 — never a traceback on the terminal, never exit 0.
"""

from __future__ import annotations

import sys


def _keep_bytecode() -> None:
    """Start-up: with PYTHONDONTWRITEBYTECODE set, every run would recompile Shiori's own
    modules (a third of a second before the first paint, ~60 ms of ``shiori furigana``).
    Keep their bytecode in Shiori's cache dir instead, never in the source tree, so the app
    opens fast and the commands stay fast in scripts that call them once per file. Runs
    before this module's other imports, so that they are cached too (``store.paths`` is
    cheap to import and finds the cache dir without platformdirs)."""
    if not sys.dont_write_bytecode or sys.pycache_prefix is not None:
        return
    try:
        from store.paths import cache_location

        sys.pycache_prefix = cache_location() + "/pycache"
        sys.dont_write_bytecode = False
    except Exception:  # an unusable cache dir only costs speed
        return


_keep_bytecode()

import importlib  # noqa: E402 - after the bytecode cache is set, so that these are cached
import importlib.util  # noqa: E402
import os  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import NoReturn  # noqa: E402

from shiori import __version__  # noqa: E402
from tui.commands._io import Parser, crash_line, fail  # noqa: E402

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


#: Exit status after an unexpected error (sysexits' EX_SOFTWARE).
CRASHED = 70


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    commands = _available()
    prog = f"shiori {args[0]}" if args and args[0] in commands else "shiori"
    try:
        if args and args[0] in commands:
            parser = Parser(prog="shiori")
            sub = parser.add_subparsers(dest="command", required=True)
            module = importlib.import_module(f"tui.commands.{commands[args[0]]}")
            module.register(sub)
            ns = parser.parse_args(args)
            return int(module.run(ns) or 0)
        return _run_app(args, commands)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _quiet_stdout()  # the reader went away (``| head``): not an error of ours
        return 0
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2, one line printed)
        return exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    except BaseException as exc:  # noqa: BLE001 - the one place that turns a crash into a line
        return crashed(prog, exc)


def entry() -> NoReturn:
    """The ``shiori`` command and ``python -m shiori``: :func:`main`, then the process ends as
    soon as its output is flushed. The interpreter's own teardown (freeing every module and
    the dictionary's objects, ~10 ms) is skipped when nothing needs it: no other thread is
    running and nothing was registered with ``atexit`` (the annotations journal is). Exit
    codes are :func:`main`'s; an output that cannot be flushed is reported as Python would."""
    code = main()
    threading = sys.modules.get("threading")
    if (threading is not None and threading.active_count() > 1) or _atexit_pending():
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            _quiet_stdout()  # the reader went away (``| head``)
        except ValueError:  # closed: nothing left to write
            pass
        except OSError as exc:  # e.g. a full disk: not a success
            sys.exit(code or fail("shiori", f"cannot write the output: {exc}", 1))
    os._exit(code)


def _atexit_pending() -> bool:
    import atexit

    return atexit._ncallbacks() > 0


def crashed(prog: str, exc: BaseException) -> int:
    """One line on stderr for an unexpected error, the traceback into a report file."""
    return fail(prog, crash_line(exc), CRASHED)


def _quiet_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the interpreter's final flush does
    not print an error of its own."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _run_app(args: list[str], commands: dict[str, str]) -> int:
    parser = Parser(
        prog="shiori",
        description="Read Japanese documents closely. Commands: " + ", ".join(sorted(commands)),
    )
    parser.add_argument("file", nargs="?", help="open this file instead of the library")
    parser.add_argument("--version", action="version", version=f"shiori {__version__}")
    ns = parser.parse_args(args)
    if ns.file is not None and not Path(ns.file).expanduser().exists():
        # a typo'd command reads like a file name: say what the commands are
        print(
            f"shiori: {ns.file}: no such file or command "
            f"(commands: {', '.join(sorted(commands))}; shiori --help)",
            file=sys.stderr,
        )
        return 2
    from tui.app import run_app  # Textual is imported only here.

    # Once the app has run, quitting never waits on threads or teardown (tui/quick_exit).
    return run_app(ns.file, exit_when_done=True)


if __name__ == "__main__":
    entry()
