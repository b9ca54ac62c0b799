"""The small JSON files Shiori keeps for the user: one way to read them, write them and survive
a damaged one.

Reading positions (data folder), settings and citation preferences (config folder) are each
one JSON object in one file. :func:`read_object` gives it (``{}`` while the file does not exist
yet). The file is opened through the file check (``store.files``: a FIFO or a device in its
place is refused at once, never waited on) and parsed by ``store.jsonio`` (invalid UTF-8 or
nesting too deep to parse are damage, not a crash). A file that is not JSON, not an object, or
fails the caller's ``check`` is moved aside as ``<name>.damaged`` (kept for the user to look at,
never overwritten by the next save) and a one-line notice says so; one that cannot be read at
all (not a regular file, permissions, too large) is left where it is, with a notice.
:func:`write_object` writes through ``store.atomic``, first removing temp files of writes that
were killed.

Preferences that are a flat dataclass (settings, the citation style) go through :func:`load`
and :func:`save`: a field keeps its default unless the file holds a value of the default's
type (a non-empty string where the default is ``None``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from store import atomic, jsonio
from store.files import FileProblem, read_regular

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

P = TypeVar("P", bound="DataclassInstance")

DAMAGED_SUFFIX = ".damaged"
#: Larger than any preference file Shiori writes (positions of 1000 documents are ~150 KB).
MAX_BYTES = 16 << 20


def _set_aside(path: Path, why: str) -> str:
    aside = path.with_name(path.name + DAMAGED_SUFFIX)
    try:
        os.replace(path, aside)
    except OSError:
        return f"{path.name} is unusable ({why}); using defaults"
    with contextlib.suppress(OSError):  # what the user had is nobody else's either
        os.chmod(aside, atomic.PRIVATE)
    return f"{path.name} was unusable ({why}); kept as {aside.name}, using defaults"


def read_object(
    path: Path, check: Callable[[dict[str, Any]], bool] | None = None
) -> tuple[dict[str, Any], str | None]:
    """The JSON object in ``path`` and a one-line notice when the file could not be used."""
    try:
        raw = read_regular(path, limit=MAX_BYTES)
    except FileProblem as exc:  # unreadable: leave it where it is, the user may fix it
        return {}, None if exc.missing else f"{path.name} unreadable ({exc.why}); using defaults"
    except OSError as exc:
        return {}, f"{path.name} unreadable ({exc.strerror or type(exc).__name__}); using defaults"
    try:
        data = jsonio.loads(raw)
    except ValueError as exc:  # not UTF-8, not JSON, nested too deeply
        return {}, _set_aside(path, str(exc))
    if not isinstance(data, dict) or (check is not None and not check(data)):
        return {}, _set_aside(path, "not what Shiori writes there")
    return data, None


def read_documents(path: Path, empty: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """A table of something per document (``{"documents": {key: ...}, ...}``: the reading
    positions, the registers chosen), ``empty`` while there is none, and the notice of
    :func:`read_object` when the file was damaged."""
    data, notice = read_object(path, lambda d: isinstance(d.get("documents"), dict))
    return data or empty, notice


def write_object(path: Path, data: dict[str, Any]) -> None:
    """Replace ``path`` with ``data`` (atomically; raises ``OSError``)."""
    atomic.remove_stale_temps(path)
    atomic.write_json(path, data)


def _accepts(field: dataclasses.Field[Any], value: Any) -> bool:
    """Whether ``value`` read from the file may stand for ``field``: of its default's type, or
    for a field that defaults to None (no choice yet), of the type its annotation names
    (``str | None``: a non-empty string; ``bool | None``: a boolean)."""
    if field.default is None:
        kinds = str(field.type)
        if "bool" in kinds and isinstance(value, bool):
            return True
        return "str" in kinds and isinstance(value, str) and bool(value)
    return type(value) is type(field.default)


def load(cls: type[P], path: Path) -> tuple[P, str | None]:
    """A ``cls`` (a dataclass with a default for every field) from ``path``, and a notice."""
    data, notice = read_object(path)
    values = {}
    for f in dataclasses.fields(cls):
        value = data.get(f.name)
        if f.name in data and _accepts(f, value):
            values[f.name] = value
    return cls(**values), notice


def save(prefs: DataclassInstance, path: Path) -> None:
    """Write the dataclass ``prefs`` to ``path`` (atomically; raises ``OSError``)."""
    write_object(path, dataclasses.asdict(prefs))
