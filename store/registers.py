"""The register the user chose for a document's readings, where the detected one is wrong.

The analyser reads older prose (Meiji–Shōwa fiction: 私 わたくし, 行く ゆく, 家 うち) and today's
prose differently and tells them apart by the text (``store.japanese.rules.detect_style``); a
modern essay of plain prose, with few digits, Latin letters and katakana, looks like older
prose to it, and no measured spelling tells the two apart (``docs/furigana.md``). The reader
therefore lets the user say which a document is. The choice is kept per document, like the
reading position: one small JSON file under the data dir, keyed by the library's document key,
read and written through ``store.preferences`` (atomic; a damaged file is moved aside).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal, cast

from store import paths, preferences

FILE_NAME = "registers.json"
SCHEMA_VERSION = 1
#: The analyser's registers (``store.japanese.rules.Style``) and what the user is told of each.
Register = Literal["modern", "literary"]
NAMES: dict[Register, str] = {"modern": "today's prose", "literary": "older prose"}


def registers_file() -> Path:
    return paths.data_dir() / FILE_NAME


def _load(path: Path) -> tuple[dict[str, Any], str | None]:
    return preferences.read_documents(path, {"schema_version": SCHEMA_VERSION, "documents": {}})


def check() -> str | None:
    """A one-line notice if the file was damaged (the app asks once at start-up)."""
    return _load(registers_file())[1]


def register_of(doc_key: str) -> Register | None:
    """The register the user chose for ``doc_key``; None: the analyser's own choice."""
    value = _load(registers_file())[0]["documents"].get(doc_key)
    return cast(Register, value) if value in NAMES else None


def save_register(doc_key: str, register: Register | None) -> None:
    """Keep ``register`` for ``doc_key`` (None: back to the analyser's choice). Raises
    ``OSError`` when the file cannot be written."""
    path = registers_file()
    data = _load(path)[0]
    documents: dict[str, Any] = data["documents"]
    if register is None:
        if documents.pop(doc_key, None) is None:
            return
    else:
        documents[doc_key] = register
    data["schema_version"] = SCHEMA_VERSION
    preferences.write_object(path, data)
