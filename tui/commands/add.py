"""``shiori add FILE...``: copy documents into the user's library folder.

Each file is imported first, so only files the reader can open are added; a file that does not
import gets one line on stderr naming it and why, and the others are still added (exit 2 if any
failed). A copy is written atomically (``store.atomic``), so the library never holds half a file.
A different file with the same name is not overwritten unless ``--replace`` is given.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from store import atomic, paths
from store.files import FileProblem, describe, open_regular, shown
from store.library import DOCUMENT_SUFFIXES
from store.terminal_safe import safe_line
from tui.commands._io import fail, say

PROG = "shiori add"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "add",
        help="copy documents into your library (each is checked to import first)",
        description="Copy documents into your library after checking that each one imports.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="documents to add")
    parser.add_argument(
        "--replace",
        action="store_true",
        help="overwrite a different document of the same name already in the library",
    )


def add_file(source: Path, library: Path, *, replace: bool = False) -> str:
    """Add one file; returns what happened, raises ``ValueError`` with a one-line reason."""
    from store.document_cache import load_document
    from store.importer import ImportFailed
    from store.importer.sniff import named_for_kind
    from tui.commands._progress import import_progress

    try:  # through the cache: the reader then opens the document at once
        with import_progress(str(source)) as progress:
            document = load_document(source, progress=progress)
    except ImportFailed as exc:
        raise ValueError(" ".join(str(exc).split())) from None
    if not document.blocks:
        raise ValueError(f"{shown(source)}: no text to read")
    name = named_for_kind(source)
    if Path(name).suffix.lower() not in DOCUMENT_SUFFIXES:
        kinds = ", ".join(sorted(DOCUMENT_SUFFIXES))
        raise ValueError(f"{shown(source)}: the library lists only {kinds} files")
    target = library / name
    if target.exists():
        if _same_bytes(source, target):
            return f"{shown(name)}: already in the library"
        if not replace:
            raise ValueError(
                f"{shown(source)}: a different {shown(name)} is already in the library "
                "(rename the file, or use --replace)"
            )
    atomic.copy_file(source, target)
    title = " ".join(document.title.split()) or source.stem
    return f"added {shown(name)} ({safe_line(title)})"


def _same_bytes(a: Path, b: Path) -> bool:
    with open_regular(a) as fa, open_regular(b) as fb:
        while True:
            ca, cb = fa.read(1 << 20), fb.read(1 << 20)
            if ca != cb:
                return False
            if not ca:
                return True


def run(args: argparse.Namespace) -> int:
    library = paths.library_dir()
    failed = 0
    for name in args.files:
        try:
            say(add_file(Path(name), library, replace=args.replace))
        except (ValueError, FileProblem) as exc:
            fail(PROG, str(exc))
            failed += 1
        except OSError as exc:
            fail(PROG, f"{shown(name)}: {describe(exc)}")
            failed += 1
    return 2 if failed else 0
