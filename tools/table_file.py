"""The one way the build tools write a table for ``store.japanese.tables``: a header of ``#``
lines, then the entries sorted (they are looked up by bisection)."""

from __future__ import annotations

from pathlib import Path


def write_table(out: Path, header: str, lines: list[str], what: str) -> int:
    """Write ``lines`` (each ending in a newline) sorted after ``header`` to ``out``; say how many
    ``what`` went where, and return 0 (the tools' exit status)."""
    out.write_text(header + "".join(sorted(lines)), encoding="utf-8")
    print(f"{len(lines)} {what} -> {out}")
    return 0
