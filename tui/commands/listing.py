"""``shiori list [--json] [--sort title|author|added|read]``: every document of the library.

One line per document: title, author, where it comes from (``bundled`` / ``library``), when it
was added and last read, and its key (what ``shiori remove`` takes). Titles and authors are
the library's metadata, else what the file itself says (the index's catalog, brought up to
date first: only new or changed files are read). ``--json`` prints an array of
``{"key", "path", "title", "author", "date", "source", "added", "last_read", "characters",
"error"}`` (times ISO 8601, null when not known). Annotations whose document is no longer in
the library are counted at the end: they are kept, orphaned, until their document returns.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import get_args

from store.library import SortKey
from store.terminal_safe import escape_json
from tui.commands._io import say, say_marked, terminal_columns

#: How a terminal shows an entry broken over several lines: the lines after the first indented.
CONTINUED = "    "


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("list", help="list the documents of the library")
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    parser.add_argument(
        "--sort", choices=get_args(SortKey), default="title", help="order (default: title)"
    )


def _when(seconds: float | None) -> str | None:
    if not seconds:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(seconds))


def run(args: argparse.Namespace) -> int:
    from store import positions
    from store.library import sort_entries
    from store.search import user_annotations
    from store.search.index import LibraryIndex
    from tui.commands._progress import import_progress

    annotations, user_meta = user_annotations()
    from store.library import Library

    library = Library(user_meta)
    with LibraryIndex() as index:
        with import_progress("the library index") as progress:
            index.sync(library.files(), progress=progress)
        entries = library.entries(index.records())
    read = positions.read_times()
    entries = sort_entries(entries, args.sort, read)
    if args.json:
        items = [
            {
                "key": e.key,
                "path": str(e.path),
                "title": e.title,
                "author": e.meta.author,
                "date": e.meta.date,
                "source": e.source,
                "added": _when(e.added),
                "last_read": _when(read.get(e.key)),
                "characters": e.chars,
                "error": e.error,
            }
            for e in entries
        ]
        say(escape_json(json.dumps(items, ensure_ascii=False, indent=1)))  # exact, printable
        return 0
    from store.terminal_safe import safe_line

    lines = []
    for e in entries:
        parts = [safe_line(e.title)]
        if e.meta.author:
            parts.append(safe_line(e.meta.author))
        parts.append(e.source)
        if e.added:
            parts.append("added " + time.strftime("%Y-%m-%d", time.localtime(e.added)))
        if read.get(e.key):
            parts.append("read " + time.strftime("%Y-%m-%d", time.localtime(read[e.key])))
        if e.error:
            parts.append("does not import: " + safe_line(e.error))
        lines.append(" · ".join(parts) + f"  [{safe_line(e.key)}]")
    keys = {e.key for e in entries}
    gone = [
        a
        for a in annotations
        if a.doc.startswith(("lib:", "seed:")) and a.doc not in keys
    ]
    if gone:
        docs = len({a.doc for a in gone})
        lines.append(
            f"{len(gone)} annotation{'s' if len(gone) != 1 else ''} on {docs} "
            f"document{'s' if docs != 1 else ''} not in the library (removed, or imported "
            "from another): kept, shown again when the file is added"
        )
    if lines and sys.stdout.isatty():
        # a terminal: each entry broken as the reader breaks lines, going on indented
        pieces = [[(line, False)] for line in lines]
        say_marked(pieces, bold=False, width=terminal_columns(), indent=CONTINUED)
    elif lines:
        say("\n".join(lines))  # a pipe: one entry a line
    return 0


