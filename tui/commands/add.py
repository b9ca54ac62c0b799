"""``shiori add FILE|DIR...``: copy documents into the user's library folder and index them.

Each file is imported first, so only files the reader can open are added; a file that does not
import gets one line on stderr naming it and why, and the others are still added (exit 2 if any
failed). A folder is added whole, sub-folders too, keeping its layout under its own name
(``shiori add papers`` puts ``papers/2024/a.pdf`` at ``<library>/papers/2024/a.pdf``); files of
kinds the library does not list are passed over, and a summary line ends the run
(``added 12, skipped 3, failed 1``: skipped ones are already in the library). A copy is written
atomically (``store.atomic``), so the library never holds half a file, and is indexed at once
(title, author, search). A different file with the same name is not overwritten unless
``--replace`` is given.
"""

from __future__ import annotations

import argparse
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from store import atomic, paths
from store.files import FileProblem, describe, same_bytes, shown
from store.library import DOCUMENT_SUFFIXES, is_document
from store.terminal_safe import safe_line
from tui.commands._io import fail, say

if TYPE_CHECKING:
    from store.search.index import LibraryIndex

PROG = "shiori add"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "add",
        help="copy documents (or folders of them) into your library",
        description="Copy documents into your library after checking that each one imports; "
        "a folder is added with its sub-folders.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE|DIR", help="documents or folders")
    parser.add_argument(
        "--replace",
        action="store_true",
        help="overwrite a different document of the same name already in the library",
    )


@dataclass
class Added:
    """What became of one file: ``added`` or ``skipped`` (already there), and the line said."""

    outcome: str
    line: str
    key: str = ""
    target: Path | None = None


def add_file(
    source: Path, library: Path, *, replace: bool = False, name: str | None = None
) -> Added:
    """Add one file (as ``name``, a path inside the library; default its own name);
    raises ``ValueError`` with a one-line reason."""
    from store.document_cache import load_document
    from store.importer import ImportFailed
    from store.importer.sniff import named_for_kind
    from tui.commands._progress import import_progress

    try:  # through the cache: the reader and the index then open the document at once
        with import_progress(str(source)) as progress:
            document = load_document(source, progress=progress)
    except ImportFailed as exc:
        raise ValueError(" ".join(str(exc).split())) from None
    if not document.blocks:
        raise ValueError(f"{shown(source)}: no text to read")
    kind_name = named_for_kind(source)
    if Path(kind_name).suffix.lower() not in DOCUMENT_SUFFIXES:
        kinds = ", ".join(sorted(DOCUMENT_SUFFIXES))
        raise ValueError(f"{shown(source)}: the library lists only {kinds} files")
    relative = Path(name).with_name(kind_name) if name else Path(kind_name)
    target = library / relative
    where = shown(relative.as_posix())
    key = f"lib:{relative.as_posix()}"
    if os.path.exists(target):
        if same_bytes(source, target):
            return Added("skipped", f"{where}: already in the library", key, target)
        if not replace:
            raise ValueError(
                f"{shown(source)}: a different {where} is already in the library "
                "(rename the file, or use --replace)"
            )
    atomic.copy_file(source, target)
    title = " ".join(document.title.split()) or source.stem
    return Added("added", f"added {where} ({safe_line(title)})", key, target)


def _folder_files(folder: Path) -> tuple[list[Path], int]:
    """The documents under ``folder`` (hidden ones left out), and how many other files."""
    documents, others = [], 0
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        if is_document(path):
            documents.append(path)
        else:
            others += 1
    return documents, others


def _index(index: LibraryIndex | None, added: Added) -> None:
    """Index a new copy now (its title for the tree, its text for search): a failure here
    only delays that to the next search or start of the app."""
    if index is None or added.target is None or added.outcome != "added":
        return
    try:
        index.add_file(added.key, added.target, added=time.time())
    except Exception:  # an unusable cache folder: the next sync tries again
        return


def run(args: argparse.Namespace) -> int:
    from store.search.index import LibraryIndex

    library = paths.library_dir()
    counts = {"added": 0, "skipped": 0, "failed": 0}
    ignored = 0
    folders = 0
    try:
        index: LibraryIndex | None = LibraryIndex()
    except Exception:  # an unusable cache folder: documents are still added
        index = None
    try:
        for name in args.files:
            source = Path(name).expanduser()
            if os.path.isdir(source):  # never an error (a name too long is one line below)
                folders += 1
                documents, others = _folder_files(source)
                ignored += others
                if not documents:
                    kinds = ", ".join(sorted(DOCUMENT_SUFFIXES))
                    fail(PROG, f"{shown(name)}: no {kinds} files in this folder")
                    counts["failed"] += 1
                base = source.resolve().name or "documents"
                jobs: list[tuple[Path, str | None]] = [
                    (p, f"{base}/{p.relative_to(source).as_posix()}") for p in documents
                ]
            else:
                jobs = [(source, None)]
            for path, inside in jobs:
                try:
                    added = add_file(path, library, replace=args.replace, name=inside)
                except (ValueError, FileProblem) as exc:
                    fail(PROG, str(exc))
                    counts["failed"] += 1
                    continue
                except OSError as exc:
                    fail(PROG, f"{shown(path)}: {describe(exc)}")
                    counts["failed"] += 1
                    continue
                counts[added.outcome] += 1
                say(added.line)
                _index(index, added)
    finally:
        if index is not None:
            index.close()
    if folders:
        summary = ", ".join(f"{what} {n}" for what, n in counts.items())
        if ignored:
            summary += f" ({ignored} other file{'s' if ignored != 1 else ''} passed over)"
        say(summary)
    return 2 if counts["failed"] else 0
