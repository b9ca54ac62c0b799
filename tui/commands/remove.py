"""``shiori remove DOC...``: take documents out of the user's library.

``DOC`` is what ``shiori list`` shows in brackets (``lib:kaidan.md``), the file's path, its
name in the library folder (``kaidan.md``, ``papers/2024/a.pdf``) or its exact title. The file
is deleted from the library folder and from the index; its annotations are kept in the store,
orphaned until a document of the same name comes back (``shiori add`` it again). Bundled
documents cannot be removed. A DOC that names nothing, or more than one document, is one line
on stderr (exit 2); the others are still removed.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from typing import TYPE_CHECKING

from tui.commands._io import text_arg

if TYPE_CHECKING:
    from store.library import LibraryEntry

PROG = "shiori remove"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "remove",
        help="remove documents from your library (their annotations are kept)",
        description="Remove documents from your library. Their annotations are kept, "
        "orphaned until the document comes back.",
    )
    parser.add_argument(
        "docs",
        nargs="+",
        type=text_arg,
        metavar="DOC",
        help="a key (lib:NAME), path, file name or title",
    )


def resolve(name: str, entries: list[LibraryEntry]) -> LibraryEntry:
    """The one entry ``name`` stands for (see the module docstring); ``ValueError`` else."""
    from store.library import doc_key

    by_key = {e.key: e for e in entries}
    candidates = [name, f"lib:{name}"]
    if os.path.exists(os.path.expanduser(name)):  # never an error (a name too long)
        candidates.insert(0, doc_key(name))
    for key in candidates:
        if key in by_key:
            return by_key[key]
    titled = [e for e in entries if " ".join(e.title.split()) == " ".join(name.split())]
    if len(titled) == 1:
        return titled[0]
    if titled:
        keys = ", ".join(e.key for e in titled)
        raise ValueError(f"{name}: {len(titled)} documents have this title ({keys}); give the key")
    raise ValueError(f"{name}: no such document in the library (see shiori list)")


def run(args: argparse.Namespace) -> int:
    from store.files import describe, shown
    from store.library import Library, NotRemovable, remove_document
    from store.search import user_annotations
    from store.search.index import LibraryIndex
    from store.terminal_safe import safe_line
    from tui.commands._io import fail, say

    annotations, user_meta = user_annotations()
    library = Library(user_meta)
    failed = 0
    with LibraryIndex() as index:
        entries = library.entries(index.records())
        for name in args.docs:
            try:
                entry = resolve(name, entries)
                remove_document(entry.key)
            except (ValueError, NotRemovable) as exc:
                fail(PROG, str(exc))
                failed += 1
                continue
            except OSError as exc:
                fail(PROG, f"{shown(name)}: {describe(exc)}")
                failed += 1
                continue
            with contextlib.suppress(Exception):  # else the next sync drops it
                index.remove(entry.key)
            kept = sum(1 for a in annotations if a.doc == entry.key)
            line = f"removed {safe_line(entry.key[4:])} ({safe_line(entry.title)})"
            if kept:
                plural = kept != 1
                line += (
                    f"; its {kept} annotation{'s' if plural else ''} "
                    f"{'are' if plural else 'is'} kept, orphaned until it returns"
                )
            say(line)
            entries = [e for e in entries if e.key != entry.key]
    return 2 if failed else 0
