"""JSON in and out of files Shiori does not fully control.

* :func:`loads` turns every way a file can be wrong — bad UTF-8, bad JSON, nesting so deep the
  parser gives up (``RecursionError``) — into one ``ValueError``, so a caller has one thing to
  catch and the message is one line.
* :func:`dumps_bytes` writes UTF-8 without ``\\u`` escapes, except for lone surrogates (the
  undecodable bytes of a file name, kept by ``surrogateescape``): those become ``\\udcxx``
  escapes, which JSON allows and :func:`loads` turns back into the same string, so a file name
  that is not UTF-8 is stored losslessly instead of crashing the write.
"""

from __future__ import annotations

import json
from typing import Any


class JSONProblem(ValueError):
    """The data is not the JSON it should be (the message says how, in one line)."""


def loads(data: str | bytes) -> Any:
    """Parse JSON (a leading byte-order mark is allowed); raises :class:`JSONProblem` (a
    ``ValueError``) for anything malformed."""
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data.removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise JSONProblem(f"not UTF-8 (bad byte at offset {exc.start})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise JSONProblem(f"not JSON ({exc.msg} at line {exc.lineno})") from None
    except RecursionError:
        raise JSONProblem("nested too deeply to read") from None


def dumps(obj: Any, **kwargs: Any) -> str:
    """``json.dumps`` without ASCII escapes (lone surrogates stay as they are: see
    :func:`encode`)."""
    return json.dumps(obj, ensure_ascii=False, **kwargs)


def encode(text: str) -> bytes:
    """UTF-8 bytes of serialised JSON; a lone surrogate becomes its ``\\uXXXX`` escape."""
    return text.encode("utf-8", "backslashreplace")


def dumps_bytes(obj: Any, **kwargs: Any) -> bytes:
    return encode(dumps(obj, **kwargs))
