"""Regular expressions compiled once per machine, not once per process.

CPython compiles a character class one code point at a time (``re._compiler``): a class that
spans the CJK ideographs (一-鿿, 21,000 code points) costs ~1.5 ms, any class with a kana in it
~0.5 ms, and the analyser's expressions came to ~25 ms of every ``shiori furigana`` process —
an eighth of its start-up, paid again by each process of a script that reads file after file.
What the compiler makes is a program of integers that depends only on the pattern, its flags
and the interpreter's regular expression engine. :func:`compiled` keeps those programs in the
cache dir (one file per interpreter and engine version), hands them to the engine as ``re``
itself does, and compiles as ``re`` does what the file does not hold yet. Anything unexpected
— no cache dir, a damaged file, an engine that takes its programs otherwise — only costs the
compile: the pattern is then ``re.compile``'s.
"""

from __future__ import annotations

import importlib
import marshal
import re
import sys
from pathlib import Path
from typing import Any

#: A cache holding more programs than this (patterns Shiori no longer has) starts over.
MOST_PROGRAMS = 2_000

#: (flags as compiled, program, groups, group index, index group): ``_sre.compile``'s arguments.
Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

_made: dict[tuple[str, int], re.Pattern[str]] = {}
_programs: dict[tuple[str, int], Program] | None = None
_writable = True


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the programs kept in the cache dir when it can."""
    key = (pattern, int(flags))
    found = _made.get(key)
    if found is None:
        found = _made[key] = _from_programs(key)
    return found


def _from_programs(key: tuple[str, int]) -> re.Pattern[str]:
    try:
        engine = importlib.import_module("_sre")
        programs = _load(engine.MAGIC)
        program = programs.get(key)
        if program is not None:
            try:
                pattern: re.Pattern[str] = engine.compile(key[0], *program)
                return pattern
            except Exception:  # noqa: BLE001 - a program the engine refuses: compile it again
                pass
        program = _program(*key)
        pattern = engine.compile(key[0], *program)
    except Exception:  # noqa: BLE001 - an engine that works otherwise: re's own compile
        return re.compile(*key)
    programs[key] = program
    _save(programs, engine.MAGIC)
    return pattern


def _program(pattern: str, flags: int) -> Program:
    """What ``re._compiler.compile`` hands the engine for ``pattern``."""
    parser: Any = importlib.import_module("re._parser")
    compiler: Any = importlib.import_module("re._compiler")
    parsed = parser.parse(pattern, flags)
    code = compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        flags | parsed.state.flags,
        [int(op) for op in code],  # opcodes are int subclasses marshal does not take
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def cache_file(magic: int) -> Path:
    """The programs of this interpreter and engine version."""
    from store.paths import cache_location

    return Path(cache_location()) / f"patterns-{sys.implementation.cache_tag}-{magic}.marshal"


def _load(magic: int) -> dict[tuple[str, int], Program]:
    global _programs
    if _programs is None:
        _programs = {}
        try:
            data = marshal.loads(cache_file(magic).read_bytes())
        except (OSError, ValueError, EOFError, TypeError):  # none yet, or not a marshal
            return _programs
        if isinstance(data, dict) and len(data) <= MOST_PROGRAMS:
            _programs = data
    return _programs


def _save(programs: dict[tuple[str, int], Program], magic: int) -> None:
    """Write the programs (not durably: a cache lost in a crash is compiled again)."""
    global _writable
    if not _writable:
        return
    from store.atomic import write_bytes

    try:
        write_bytes(cache_file(magic), marshal.dumps(programs), durable=False)
    except (OSError, ValueError):  # a read-only or full cache dir: compile each time
        _writable = False
