"""What a well-formed annotation is, checked wherever one comes from outside this process.

Two doors let records in that Shiori did not just build itself: the store's own files (written
by another version, edited by hand, damaged) and ``annotations import``. Both go through
:func:`annotation_from_record` / :func:`check_annotation`, which either give a complete,
well-typed :class:`Annotation` or raise :class:`RecordError` saying in one line which field is
wrong and why. Nothing is coerced half-way: ``"start": "12"`` or ``1e400`` is refused, not
guessed at.

Rules: every text is a ``str`` without lone surrogates (except the undecodable bytes of a file
name in an absolute-path document key) and within a size limit; offsets are integers with
``0 <= start < end``; the colour is one of the palette's five keys; the state is one of
``anchored``, ``moved``, ``orphan``; a document key is ``seed:NAME`` or ``lib:NAME`` with a
plain file name (no ``/``, no ``..``) or a normalised absolute path. A file name may hold any
character but NUL (control characters included: it is shown through the terminal gate, never
raw), and an absolute path the undecodable bytes of a name that is not UTF-8.
"""

from __future__ import annotations

import os
from typing import Any

from store.annotations.model import (
    DEFAULT_COLORS,
    STATES,
    Anchor,
    Annotation,
    State,
    TextPositionSelector,
    TextQuoteSelector,
)
from store.library import is_library_name
from store.patterns import compiled

#: Longest quote or note accepted (characters).
MAX_TEXT = 1_000_000
#: Longest id, tag, heading, timestamp or key.
MAX_NAME = 4_096
#: Most tags (or headings) on one annotation.
MAX_ITEMS = 1_000
#: Largest offset: far beyond any document, small enough for every consumer.
MAX_OFFSET = 1 << 40

COLOR_KEYS = tuple(key for key, _ in DEFAULT_COLORS)

_SURROGATE = compiled("[\ud800-\udfff]")
#: What ``surrogateescape`` makes of a byte that is not UTF-8: allowed in file paths only.
_NOT_ESCAPED_BYTE = compiled("[\ud800-\udc7f\udd00-\udfff]")
_CONTROL = compiled("[\x00-\x1f\x7f]")


class RecordError(ValueError):
    """A record that cannot be used; ``str()`` is one line: the field and what is wrong."""


def text(value: Any, what: str, *, limit: int = MAX_TEXT, required: bool = False) -> str:
    if not isinstance(value, str):
        raise wrong_type(value, what, "text")
    if required and not value:
        raise RecordError(f"{what} is empty")
    if len(value) > limit:
        raise RecordError(f"{what} is longer than {limit:,} characters")
    if _SURROGATE.search(value):
        raise RecordError(f"{what} is not valid Unicode (a lone surrogate)")
    return value


def name(value: Any, what: str, *, required: bool = False) -> str:
    """A short one-line text (an id, a tag, a timestamp): no control characters either."""
    value = text(value, what, limit=MAX_NAME, required=required)
    if _CONTROL.search(value):
        raise RecordError(f"{what} contains control characters")
    return value


def integer(value: Any, what: str, *, low: int = 0, high: int = MAX_OFFSET) -> int:
    if type(value) is not int:
        raise wrong_type(value, what, "a whole number")
    if not low <= value <= high:
        raise RecordError(f"{what} ({value}) is out of range")
    return value


def names(value: Any, what: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise wrong_type(value, what, "a list")
    if len(value) > MAX_ITEMS:
        raise RecordError(f"{what} has more than {MAX_ITEMS:,} entries")
    return tuple(name(v, f"an entry of {what}") for v in value)


def color(value: Any) -> str:
    value = name(value, "the colour")
    if value not in COLOR_KEYS:
        shown = value if value.isprintable() and len(value) <= 40 else "(unprintable)"
        raise RecordError(f"the colour {shown!r} is not one of {', '.join(COLOR_KEYS)}")
    return value


def state(value: Any) -> State:
    value = name(value, "the state")
    if value not in STATES:
        raise RecordError(f"the state {value!r} is not one of {', '.join(STATES)}")
    return value


def doc_key(value: Any, what: str = "the document") -> str:
    """``seed:NAME``, ``lib:NAME`` or a normalised absolute path (see the module docstring)."""
    if not isinstance(value, str) or not value:
        raise wrong_type(value, what, "a document key")
    if len(value) > MAX_NAME or "\x00" in value:
        raise RecordError(f"{what} is not a document key")
    for prefix in ("seed:", "lib:"):
        if value.startswith(prefix):
            if not is_library_name(value[len(prefix) :]) or _NOT_ESCAPED_BYTE.search(value):
                raise RecordError(f"{what} {_shown(value)} is not a file of the library")
            return value
    if not os.path.isabs(value) or os.path.normpath(value) != value or value.startswith("//"):
        raise RecordError(f"{what} {_shown(value)} is neither in the library nor an absolute path")
    if _NOT_ESCAPED_BYTE.search(value):
        raise RecordError(f"{what} is not valid Unicode (a lone surrogate)")
    return value


def anchor(rec: Any) -> Anchor:
    if not isinstance(rec, dict):
        raise wrong_type(rec, "the anchor", "an object")
    start = integer(rec.get("start"), "the start offset")
    end = integer(rec.get("end"), "the end offset")
    if end <= start:
        raise RecordError(f"the passage is empty or reversed (start {start}, end {end})")
    return Anchor(
        TextPositionSelector(start, end),
        TextQuoteSelector(
            text(rec.get("exact"), "the quote", required=True),
            text(rec.get("prefix", ""), "the quote's prefix", limit=MAX_NAME),
            text(rec.get("suffix", ""), "the quote's suffix", limit=MAX_NAME),
        ),
        integer(rec.get("block", 0), "the block hint"),
        integer(rec.get("block_offset", 0), "the block offset"),
        name(rec.get("content_hash", ""), "the content hash"),
        integer(rec.get("nonspace_start", -1), "the anchor's character count", low=-1),
    )


def annotation_from_record(rec: Any, key: str | None = None) -> Annotation:
    """A stored record as an :class:`Annotation`, or :class:`RecordError`."""
    if not isinstance(rec, dict):
        raise wrong_type(rec, "the record", "an object")
    ident = name(rec.get("id"), "the id", required=True)
    if key is not None and ident != key:
        raise RecordError(f"the id {ident!r} is not the record's key {key!r}")
    return Annotation(
        id=ident,
        doc=doc_key(rec.get("doc")),
        anchor=anchor(rec.get("anchor")),
        color=color(rec.get("color", COLOR_KEYS[0])),
        note=text(rec.get("note", ""), "the note"),
        tags=names(rec.get("tags", []), "the tags"),
        created=name(rec.get("created", ""), "the creation time"),
        updated=name(rec.get("updated", ""), "the update time"),
        state=state(rec.get("state", "anchored")),
        section=names(rec.get("section", []), "the section"),
        original=text(rec.get("original", ""), "the original quote"),
        page=name(rec.get("page", ""), "the page"),
    )


def check_annotation(ann: Annotation) -> Annotation:
    """Every rule above, for an annotation built elsewhere (an import): the same record back."""
    return annotation_from_record(ann.to_record())


def wrong_type(value: Any, what: str, expected: str) -> RecordError:
    """The error for a value of the wrong type (or a missing one), saying which it is."""
    if value is None:
        return RecordError(f"{what} is missing")
    return RecordError(f"{what} is {_kind(value)}, not {expected}")


def _kind(value: Any) -> str:
    if value is None:
        return "missing"
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)


def _shown(value: str) -> str:
    from store.terminal_safe import safe_line

    shown = safe_line(value)
    return repr(shown if len(shown) <= 80 else shown[:79] + "…")
