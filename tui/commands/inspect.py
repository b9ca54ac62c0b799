"""``shiori inspect FILE [--json]``: the document model import produces (docs/design/contracts.md).

Without ``--json`` it prints a readable outline: headings indented by level, block counts,
footnotes and import notices. The title is the one the app and citations use: the library's
metadata first, else the file's own. Errors are one line on stderr and exit code 2. Everything
printed goes through the terminal gate (``tui.commands._io``); the JSON is exact, with every
character that could act on a terminal as a ``\\u`` escape.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter

from store.model import Document
from store.terminal_safe import escape_json, safe_line
from tui.commands._io import fail, say

PROG = "shiori inspect"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("inspect", help="show how a file imports")
    parser.add_argument(
        "file", help="a text, Markdown, Aozora, PDF, web page (.html), EPUB, Word (.docx) or Aozora .zip file"
    )
    parser.add_argument("--json", action="store_true", help="print the document model as JSON")


def run(args: argparse.Namespace) -> int:
    from store.annotations.metadata import user_library
    from store.citation import source_meta
    from store.document_cache import load_document
    from store.importer import ImportFailed
    from store.library import named_file
    from tui.commands._progress import import_progress

    try:
        with import_progress(args.file) as progress:
            doc = load_document(args.file, progress=progress)
    except ImportFailed as exc:
        return fail(PROG, str(exc), 2)
    # one title everywhere: the library's metadata (the user's, else the bundled), else the
    # file's own (Document.title: its header, front matter or page title), else its name
    key = named_file(args.file).key  # a file added to the library: its metadata there
    doc.title = source_meta(user_library().metadata(key), key, doc.title).title
    if args.json:
        say(escape_json(json.dumps(doc.to_json(), ensure_ascii=False, indent=1)))
    else:
        say(outline(doc), end="")
    return 0


def outline(doc: Document) -> str:
    """The human-readable summary printed without ``--json`` (each line made safe to show)."""
    out = [f"{safe_line(doc.title) or '(untitled)'}", f"encoding: {doc.encoding}"]
    counts = Counter(b.kind for b in doc.blocks)
    out.append("blocks: " + (", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "none"))
    out.append(f"footnotes: {len(doc.footnotes)}")
    if doc.pages:
        first, last = safe_line(doc.pages[0].label), safe_line(doc.pages[-1].label)
        span = first if len(doc.pages) == 1 else f"{first}–{last}"
        out.append(f"pages: {len(doc.pages)} ({span})")
    out.extend(f"notice: {safe_line(n)}" for n in doc.notices)
    heads = [b for b in doc.blocks if b.kind == "heading"]
    if heads:
        out.append("outline:")
        out.extend("  " * b.level + safe_line(b.text) for b in heads)
    return "\n".join(out) + "\n"
