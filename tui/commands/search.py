"""``shiori search QUERY [--json [--notes]] [--doc FILE] [--tag T] [--annotated] [--limit N]``.

Searches every document of the library (bundled and the user's) and the user's annotations
(quote, note, ``#tag``), as DESIGN.md §2 specifies: several words must all be in one paragraph,
``"…"`` is a phrase, ``-word`` excludes, and a word also finds its other forms (取り組む →
取り組み, 取り組んで). ``--json`` prints an array, best document first, of
``{"document", "title", "block", "offset", "length", "section", "snippet"}`` (plus
``"annotation"`` for a result that is an annotation). Results in footnotes are listed as
``[注2] …`` lines, and in ``--json`` only with ``--notes`` (with ``"footnote": "2"``; their
``block`` holds the marker, ``offset``/``length`` are in the note's text: a tool reading
``block``/``offset`` as DESIGN.md says gets no item they do not fit); without it, one line per result under
its document's title (on a terminal, a long line is broken as the reader breaks lines: no
line starts with 。、」). Nothing found: exit 0 with ``[]`` (or nothing). The index is brought up
to date first (only new or changed documents are read; a line on stderr says how far a long
build has got). Errors are one line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from store.model import note_label
from store.terminal_safe import escape_json
from tui.commands._io import fail, say, say_marked, terminal_columns, text_arg

PROG = "shiori search"
#: What a result's line goes on after when a terminal breaks it.
CONTINUED = "    "

if TYPE_CHECKING:
    from store.search import Hit


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "search",
        help="search every document of the library",
        description="Search every document of the library (and your annotations). Words are "
        'AND (in one paragraph), "a phrase" is found as written, -word excludes; a word also '
        "finds its other forms (取り組む finds 取り組み).",
    )
    parser.add_argument(
        "query", nargs="+", type=text_arg, metavar="QUERY", help="what to find"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array, best first")
    parser.add_argument("--doc", metavar="FILE", help="search this document only")
    parser.add_argument("--tag", type=text_arg, metavar="T", help="only passages annotated with this tag")
    parser.add_argument(
        "--annotated", action="store_true", help="only passages you have annotated"
    )
    parser.add_argument("--limit", type=int, metavar="N", help="at most N results")
    parser.add_argument(
        "--notes",
        action="store_true",
        help="with --json, results in footnotes too (block/offset then point into the note)",
    )


def run(args: argparse.Namespace) -> int:
    from store.search import Scope, search_library
    from tui.commands._progress import import_progress

    if args.limit is not None and args.limit < 0:
        return _fail("--limit must be 0 or more")
    query = " ".join(args.query)
    tag = args.tag.strip().lstrip("#") if args.tag else None
    if not query.strip():
        return _fail("nothing to search for: give the words to find")
    # a JSON item's block/offset index the model's blocks; a note's only when asked for
    scope = Scope(annotated=args.annotated, tag=tag or None, footnotes=args.notes or not args.json)
    doc = Path(args.doc).expanduser() if args.doc else None
    if doc is not None:
        from store.files import FileProblem, open_regular

        try:  # a FIFO or a folder named as --doc is refused at once
            open_regular(doc).close()
        except FileProblem as exc:
            return _fail(str(exc))
    try:
        with import_progress("the library index") as progress:
            results, _report = search_library(
                query, doc_file=doc, scope=scope, limit=args.limit, progress=progress
            )
    except Exception as exc:  # ImportFailed of --doc, an unusable store
        return _fail(" ".join(str(exc).split()) or type(exc).__name__)
    if args.json:
        items = [h.to_json() for h in results.hits]
        say(escape_json(json.dumps(items, ensure_ascii=False, indent=1)))  # exact, printable
    else:
        tty = sys.stdout.isatty()
        width = terminal_columns() if tty else None
        say_marked(_plain(results.hits), bold=tty, width=width, indent=CONTINUED)
    return 0


def _plain(hits: Sequence[Hit]) -> list[list[tuple[str, bool]]]:
    """One block per document: its title, then ``section: snippet`` per result, as
    ``(text, is the match)`` pieces (the match is bold on a terminal)."""
    out: list[list[tuple[str, bool]]] = []
    current = None
    for hit in hits:
        if hit.doc.key != current:
            current = hit.doc.key
            if out:
                out.append([])
            out.append([(f"{hit.doc.title}  ({hit.doc.path})", False)])
        snippet, marks = hit.context
        pieces: list[tuple[str, bool]] = []
        at = 0
        for s, e in marks:
            pieces += [(snippet[at:s], False), (snippet[s:e], True)]
            at = e
        pieces.append((snippet[at:], False))
        where = f"  {hit.block}:{hit.offset}  " + (f"{hit.section}: " if hit.section else "")
        if hit.annotation is not None:
            note = f" — {hit.annotation.note}" if hit.annotation.note else ""
            tags = "".join(f" #{t}" for t in hit.annotation.tags)
            orphan = " (orphaned)" if hit.annotation.orphan else ""
            pieces = [(f"[annotation{orphan}] 「", False), *pieces, (f"」{note}{tags}", False)]
        elif hit.footnote:
            pieces = [(f"[{note_label(hit.footnote)}] ", False), *pieces]
        out.append([(where, False), *pieces])
    return out


def _fail(message: str) -> int:
    return fail(PROG, message, 2)
