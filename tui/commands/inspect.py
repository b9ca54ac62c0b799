"""``shiori inspect FILE [--json]``: the document model import produces (DESIGN.md §2).

Without ``--json`` it prints a readable outline: headings indented by level, block counts,
footnotes and import notices. Errors are one line on stderr and exit code 2. Everything printed
goes through the terminal gate (``tui.commands._io``); the JSON is exact, with every character
that could act on a terminal as a ``\\u`` escape.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter

from store.model import Document
from store.terminal_safe import escape_json, safe_line
from tui.commands._io import fail, say

PROG = "shiori inspect"


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("inspect", help="show how a file imports")
    parser.add_argument("file", help="a text, Markdown or Aozora file")
    parser.add_argument("--json", action="store_true", help="print the document model as JSON")


def run(args: argparse.Namespace) -> int:
    from store.importer import ImportFailed, import_file

    try:
        doc = import_file(args.file)
    except ImportFailed as exc:
        return fail(PROG, str(exc), 2)
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
    out.extend(f"notice: {safe_line(n)}" for n in doc.notices)
    heads = [b for b in doc.blocks if b.kind == "heading"]
    if heads:
        out.append("outline:")
        out.extend("  " * b.level + safe_line(b.text) for b in heads)
    return "\n".join(out) + "\n"
