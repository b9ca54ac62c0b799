"""``shiori search QUERY [--json] [--doc FILE] [--tag T] [--annotated] [--limit N]``.

Searches every document of the library (bundled and the user's) and the user's annotations
(quote, note, ``#tag``), as DESIGN.md §2 specifies: several words must all be in one paragraph,
``"…"`` is a phrase, ``-word`` excludes, and a word also finds its other forms (取り組む →
取り組み, 取り組んで). ``--json`` prints an array, best document first, of
``{"document", "title", "block", "offset", "length", "section", "snippet"}`` (plus
``"annotation"`` for a result that is an annotation); without it, one line per result under
its document's title. Nothing found: exit 0 with ``[]`` (or nothing). The index is brought up
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

from tui.commands._output import write_utf8

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
    parser.add_argument("query", nargs="+", metavar="QUERY", help="what to find")
    parser.add_argument("--json", action="store_true", help="print a JSON array, best first")
    parser.add_argument("--doc", metavar="FILE", help="search this document only")
    parser.add_argument("--tag", metavar="T", help="only passages annotated with this tag")
    parser.add_argument(
        "--annotated", action="store_true", help="only passages you have annotated"
    )
    parser.add_argument("--limit", type=int, metavar="N", help="at most N results")


def run(args: argparse.Namespace) -> int:
    from store.search import Scope, search_library
    from tui.commands._progress import import_progress

    if args.limit is not None and args.limit < 0:
        return _fail("--limit must be 0 or more")
    query = " ".join(args.query)
    tag = args.tag.strip().lstrip("#") if args.tag else None
    scope = Scope(annotated=args.annotated, tag=tag or None)
    doc = Path(args.doc).expanduser() if args.doc else None
    if doc is not None and not doc.is_file():
        return _fail(f"{args.doc}: no such file")
    try:
        with import_progress("the library index") as progress:
            results, _report = search_library(
                query, doc_file=doc, scope=scope, limit=args.limit, progress=progress
            )
    except Exception as exc:  # ImportFailed of --doc, an unusable store
        return _fail(" ".join(str(exc).split()) or type(exc).__name__)
    if args.json:
        text = json.dumps([h.to_json() for h in results.hits], ensure_ascii=False, indent=1)
        write_utf8(text + "\n")
    else:
        write_utf8(_plain(results.hits, sys.stdout.isatty()))
    return 0


def _plain(hits: Sequence[Hit], bold: bool) -> str:
    """One block per document: its title, then ``section: snippet`` per result, the match
    in bold on a terminal (document text never reaches it raw)."""
    from tui.layout.cells import safe_text

    out: list[str] = []
    current = None
    for hit in hits:
        if hit.doc.key != current:
            current = hit.doc.key
            if out:
                out.append("")
            out.append(f"{safe_text(hit.doc.title)}  ({safe_text(str(hit.doc.path))})")
        snippet, marks = hit.context
        line = ""
        at = 0
        for s, e in marks:
            line += safe_text(snippet[at:s])
            line += f"\x1b[1m{safe_text(snippet[s:e])}\x1b[0m" if bold else safe_text(snippet[s:e])
            at = e
        line += safe_text(snippet[at:])
        where = safe_text(hit.section) + ": " if hit.section else ""
        if hit.annotation is not None:
            note = f" — {safe_text(hit.annotation.note)}" if hit.annotation.note else ""
            tags = "".join(f" #{safe_text(t)}" for t in hit.annotation.tags)
            orphan = " (orphaned)" if hit.annotation.orphan else ""
            line = f"[annotation{orphan}] 「{line}」{note}{tags}"
        out.append(f"  {hit.block}:{hit.offset}  {where}{line}")
    return "\n".join(out) + ("\n" if out else "")




def _fail(message: str) -> int:
    print(f"shiori search: {message}", file=sys.stderr)
    return 2
