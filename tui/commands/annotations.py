"""``shiori annotations list|export|import|tags|colors``: the annotation store from scripts.

* ``list [--doc FILE] [--tag T] [--color C] [--text S] [--state S] [--json]`` — documents whose
  file changed since are re-anchored first; ``--json`` prints an array of objects with ``id``,
  ``doc``, ``quote``, ``note``, ``tags``, ``color``, ``state``, ``created``, ``updated`` (and
  ``start``, ``end``, ``section``).
* ``export --format md|json|csv [-o FILE] [--doc FILE] [--tag T]`` — Markdown by document and section with citations;
  W3C Web Annotation JSON in a versioned envelope; CSV one row per annotation.
* ``import FILE`` — our JSON back in; importing twice adds nothing.
* ``tags`` — every tag with its count; ``colors [KEY NAME]`` — show or rename a colour.

Errors are one line on stderr and exit 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from store.counts import count

if TYPE_CHECKING:
    from store.annotations.repository import Repository


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("annotations", help="list, export and import annotations")
    sub = p.add_subparsers(dest="action", required=True)
    ls = sub.add_parser("list", help="list annotations (re-anchoring changed documents first)")
    ls.add_argument("--doc", help="only this document (a file path)")
    ls.add_argument("--tag", help="only annotations with this tag")
    ls.add_argument("--color", help="only this colour (key, name or 1-5)")
    ls.add_argument("--text", help="only those whose quote, note or tags contain this")
    ls.add_argument("--state", choices=("anchored", "moved", "orphan"))
    ls.add_argument("--json", action="store_true", help="print a JSON array")
    ex = sub.add_parser("export", help="export every annotation")
    ex.add_argument("--format", choices=("md", "json", "csv"), required=True)
    ex.add_argument("-o", "--output", help="write to this file instead of stdout")
    ex.add_argument("--doc", help="only this document (a file path)")
    ex.add_argument("--tag", help="only annotations with this tag")
    ex.add_argument(
        "--style", choices=("ja", "sist02", "en"), default="ja", help="citation style (md)"
    )
    im = sub.add_parser("import", help="import a JSON export (idempotent)")
    im.add_argument("file")
    sub.add_parser("tags", help="every tag with its count")
    co = sub.add_parser("colors", help="show the five colours, or rename one: colors KEY NAME")
    co.add_argument("key", nargs="?")
    co.add_argument("name", nargs="?")


def _fail(message: str) -> int:
    print(f"shiori annotations: {message}", file=sys.stderr)
    return 1


def run(args: argparse.Namespace) -> int:
    from store.annotations.repository import AnnotationError, Repository
    from store.annotations.storage import StorageError

    repo = None
    try:
        repo = Repository(readonly=args.action in ("tags",))
        for notice in repo.notices:
            print(f"shiori annotations: {notice}", file=sys.stderr)
        action = {
            "list": _list,
            "export": _export,
            "import": _import,
            "tags": _tags,
            "colors": _colors,
        }[args.action]
        return action(repo, args)
    except (AnnotationError, StorageError) as exc:
        return _fail(str(exc))
    finally:
        if repo is not None:
            repo.close()


def _list(repo: Repository, args: argparse.Namespace) -> int:
    from store.annotations.documents import refresh_all
    from store.citation import clean
    from store.library import doc_key

    doc = doc_key(args.doc) if args.doc else None
    for message in refresh_all(repo, [doc] if doc else None):
        print(f"shiori annotations: {message}", file=sys.stderr)
    found = repo.list(doc=doc, tag=args.tag, color=args.color, text=args.text, state=args.state)
    if args.json:
        json.dump([a.to_summary() for a in found], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    for a in found:
        quote = clean(a.quote)
        quote = quote if len(quote) <= 40 else quote[:39] + "…"
        line = f"{a.id[:8]}  {a.state:<8}  {a.color:<6}  {clean(a.doc)}  「{quote}」"
        if a.tags:
            line += "  " + " ".join(f"#{clean(t)}" for t in a.tags)
        if a.note:
            note = clean(a.note)
            line += "  — " + (note if len(note) <= 40 else note[:39] + "…")
        print(line)
    if not found:
        print("(no annotations)", file=sys.stderr)
    return 0


def _export(repo: Repository, args: argparse.Namespace) -> int:
    from store import atomic
    from store.annotations.documents import stored_source_meta
    from store.annotations.export import to_csv, to_json, to_markdown
    from store.annotations.metadata import user_library
    from store.library import doc_key

    items = repo.list(doc=doc_key(args.doc) if args.doc else None, tag=args.tag)
    if args.format == "md":
        library = user_library(repo)
        text = to_markdown(
            items,
            meta_for=lambda key: stored_source_meta(library, repo, key),
            colors=repo.colors(),
            style=args.style,
        )
    elif args.format == "json":
        text = to_json(items)
    else:
        text = to_csv(items)
    if args.output:
        try:
            atomic.write_text(Path(args.output), text)
        except OSError as exc:
            return _fail(f"could not write {args.output}: {exc.strerror or exc}")
        print(f"wrote {count(len(items), 'annotation')} to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _import(repo: Repository, args: argparse.Namespace) -> int:
    from store.annotations.export import ExportFormatError, import_json

    try:
        text = Path(args.file).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return _fail(f"could not read {args.file}: {exc}")
    try:
        report = import_json(repo, text)
    except ExportFormatError as exc:
        return _fail(f"{args.file}: {exc}")
    print(f"imported {args.file}: {report}")
    return 0


def _tags(repo: Repository, args: argparse.Namespace) -> int:
    from store.citation import clean

    for tag, uses in repo.tags():
        print(f"{uses}\t{clean(tag)}")
    return 0


def _colors(repo: Repository, args: argparse.Namespace) -> int:
    from store.citation import clean

    if args.key:
        if not args.name:
            return _fail("give a colour and its new name, e.g. `colors blue 疑問`")
        repo.set_color_label(args.key, args.name)
    for i, slot in enumerate(repo.colors(), 1):
        print(f"{i}\t{slot.key}\t{clean(slot.label)}")
    return 0
