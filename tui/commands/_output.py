"""Writing a command's result to stdout as UTF-8, whatever the locale says."""

from __future__ import annotations

import sys


def write_utf8(text: str) -> None:
    out = getattr(sys.stdout, "buffer", None)
    if out is not None:
        sys.stdout.flush()
        out.write(text.encode("utf-8"))
        out.flush()
    else:
        sys.stdout.write(text)
