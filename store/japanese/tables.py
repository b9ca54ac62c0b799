"""Sorted TSV tables shipped with the package, looked up by bisection in their lines.

A process pays ~1 ms to read such a file rather than ~20 ms to make a dict of it, and most
texts look up only a few keys; the build tools (``tools/build_*_table.py``) write the lines
sorted, after a header of ``#`` lines. The lines are kept as UTF-8 bytes, which sort as their
text does: splitting bytes costs a fifth of decoding and splitting text (~12 ms of every
``shiori furigana`` process for the five large tables), and only a found line is decoded.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Protocol


@cache
def _lines(path: Path) -> tuple[list[bytes], int]:
    """The table's lines and where its entries begin (after the header)."""
    try:
        lines = path.read_bytes().rstrip(b"\n").split(b"\n")
    except OSError:  # an incomplete install: the table is empty, readings stay the dictionary's
        return [], 0
    first = 0
    while first < len(lines) and lines[first].startswith(b"#"):
        first += 1
    return lines, first


def lookup(path: Path, key: str) -> list[str] | None:
    """The columns after ``key`` on its line in the table at ``path``, or None."""
    lines, first = _lines(path)
    prefix = key.encode("utf-8", "surrogatepass") + b"\t"
    i = bisect_left(lines, prefix, lo=first)
    if i == len(lines) or not lines[i].startswith(prefix):
        return None
    return lines[i].decode("utf-8").split("\t")[1:]


def has_prefix(path: Path, prefix: str) -> bool:
    """True when a key of the table at ``path`` starts with ``prefix`` (or is it)."""
    lines, first = _lines(path)
    key = prefix.encode("utf-8", "surrogatepass")
    i = bisect_left(lines, key, lo=first)
    return i < len(lines) and lines[i].startswith(key)


class _Word(Protocol):
    surface: str
    start: int
    end: int
    gap: str


def longest_entry(
    path: Path, words: Sequence[_Word], i: int, most: int, fewest: int = 1
) -> tuple[int, list[str]] | None:
    """The longest key of the table at ``path`` spelled by adjacent ``words`` from ``words[i]``
    on (at least ``fewest``, at most ``most`` of them): (end index, its columns), or None. A
    table of words Sudachi cuts (phrases, numeral words) is looked up this way: the walk stops
    at a gap or as soon as no key starts so."""
    surface, best = "", None
    for j in range(i, min(len(words), i + most)):
        if j > i and (words[j].start != words[j - 1].end or words[j].gap):
            break
        surface += words[j].surface
        if not has_prefix(path, surface):
            break
        if j - i + 1 >= fewest:
            columns = lookup(path, surface)
            if columns:
                best = (j + 1, columns)
    return best
