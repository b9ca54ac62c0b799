"""``shiori annotations list|export|import|tags|colors``: the annotation store from scripts.

* ``list [--doc FILE] [--tag T] [--color C] [--text S] [--state S] [--json]`` — documents whose
  file changed since are re-anchored first; ``--doc`` names a file (``store.library.named_file``:
  a file added to the library is its copy there; a file that does not exist is exit 2); ``--json`` prints an array of objects with ``id``,
  ``doc``, ``quote``, ``note``, ``tags``, ``color``, ``state``, ``created``, ``updated`` (and
  ``start``, ``end``, ``section``).
* ``export --format md|json|csv [-o FILE] [--doc FILE] [--tag T]`` — Markdown by document and
  section with citations; W3C Web Annotation JSON in a versioned envelope; CSV one row per
  annotation.
* ``import FILE`` — our JSON back in; importing twice adds nothing. Items that do not pass the
  schema are refused, one line each naming the item and why (exit 1); the others are stored.
* ``tags`` — every tag with its count; ``colors [KEY NAME]`` — show or rename a colour.

``list`` and ``export`` stream: one annotation at a time from the store to the output, so
memory stays flat at any number of annotations. Everything printed goes through the terminal
gate. Errors are one line on stderr and exit 1.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from store.counts import count
from tui.commands._io import SafeStdout, fail, say, text_arg

if TYPE_CHECKING:
    from store.annotations.repository import Repository

PROG = "shiori annotations"
#: Largest import file read (bytes).
MAX_IMPORT_BYTES = 1 << 30


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("annotations", help="list, export and import annotations")
    sub = p.add_subparsers(dest="action", required=True)
    ls = sub.add_parser("list", help="list annotations (re-anchoring changed documents first)")
    ls.add_argument(
        "--doc", help="only this document (a file path; a file added to the library is its copy)"
    )
    ls.add_argument("--tag", type=text_arg, help="only annotations with this tag")
    ls.add_argument("--color", type=text_arg, help="only this colour (key, name or 1-5)")
    ls.add_argument(
        "--text", type=text_arg, help="only those whose quote, note or tags contain this"
    )
    ls.add_argument(
        "--state",
        choices=("anchored", "moved", "orphan"),
        help="only those found where they were, found elsewhere after an edit, or not found",
    )
    ls.add_argument("--json", action="store_true", help="print a JSON array")
    ex = sub.add_parser("export", help="export every annotation")
    ex.add_argument(
        "--format",
        choices=("md", "json", "csv"),
        required=True,
        help="Markdown with citations, JSON (everything, to import again) or CSV",
    )
    ex.add_argument("-o", "--output", help="write to this file instead of stdout")
    ex.add_argument(
        "--doc", help="only this document (a file path; a file added to the library is its copy)"
    )
    ex.add_argument("--tag", type=text_arg, help="only annotations with this tag")
    ex.add_argument(
        "--style", choices=("ja", "sist02", "en"), default="ja", help="citation style (md)"
    )
    im = sub.add_parser("import", help="import a JSON export (idempotent)")
    im.add_argument("file", help="a file written by `annotations export --format json`")
    sub.add_parser("tags", help="every tag with its count")
    co = sub.add_parser("colors", help="show the five colours, or rename one: colors KEY NAME")
    co.add_argument("key", nargs="?", type=text_arg, help="the colour to rename (key or 1-5)")
    co.add_argument("name", nargs="?", type=text_arg, help="its new name")


def run(args: argparse.Namespace) -> int:
    from store.annotations.repository import AnnotationError, Repository
    from store.annotations.storage import StorageError
    from store.files import describe

    repo = None
    try:
        repo = Repository(readonly=args.action in ("tags",), stream=True)
        action = {
            "list": _list,
            "export": _export,
            "import": _import,
            "tags": _tags,
            "colors": _colors,
        }[args.action]
        return action(repo, args)
    except (AnnotationError, StorageError) as exc:
        return fail(PROG, str(exc))
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        return fail(PROG, f"cannot use the annotation store: {describe(exc)}")
    finally:
        if repo is not None:
            repo.close()
            for notice in repo.notices:
                fail(PROG, notice)


def _doc_keys(repo: Repository, name: str | None) -> tuple[str, ...] | None:
    """The document keys ``--doc FILE`` stands for (None without it): the library copy's and
    the file's own path's (``store.library.named_file``), so annotations made before the file
    was added are listed with it. A file that cannot be read raises ``FileProblem``, unless
    annotations are stored under its path (a file moved or deleted since: they stay listable),
    so a typo is an error, not an empty list."""
    from store.files import FileProblem, open_regular
    from store.library import named_file

    if name is None:
        return None
    if name.startswith(("seed:", "lib:")) and repo.may_have_annotations(name):
        return (name,)  # a key as ``list`` prints it
    named = named_file(name)
    try:
        with open_regular(name):
            pass
    except FileProblem:
        if not any(repo.may_have_annotations(key) for key in named.keys):
            raise
    return named.keys


def _list(repo: Repository, args: argparse.Namespace) -> int:
    from store.annotations.documents import refresh_all
    from store.files import FileProblem
    from store.terminal_safe import escape_json, safe_line

    try:
        docs = _doc_keys(repo, args.doc)
    except FileProblem as exc:
        return fail(PROG, str(exc), 2)
    for message in refresh_all(repo, list(docs) if docs else None):
        fail(PROG, message)
    found = repo.iter(doc=docs, tag=args.tag, color=args.color, text=args.text, state=args.state)
    if args.json:
        import json

        out = SafeStdout()
        out.write("[")
        n = -1
        for n, a in enumerate(found):
            item = json.dumps(a.to_summary(), ensure_ascii=False)  # one per line: C-fast
            out.write(("," if n else "") + "\n" + escape_json(item))
        out.write("\n]\n" if n >= 0 else "]\n")
        out.flush()
        return 0
    listed = 0
    for a in found:
        listed += 1
        quote = safe_line(" ".join(a.quote.split()))
        quote = quote if len(quote) <= 40 else quote[:39] + "…"
        line = f"{a.id[:8]}  {a.state:<8}  {a.color:<6}  {a.doc}  「{quote}」"
        if a.tags:
            line += "  " + " ".join(f"#{t}" for t in a.tags)
        if a.note:
            note = " ".join(a.note.split())
            line += "  — " + (note if len(note) <= 40 else note[:39] + "…")
        say(safe_line(line))
    if not listed:
        fail(PROG, "(no annotations)", 0)
    return 0


def _export(repo: Repository, args: argparse.Namespace) -> int:
    from store.annotations.export import export_to_file, write_export
    from store.files import FileProblem, describe, shown

    try:
        docs = _doc_keys(repo, args.doc)
    except FileProblem as exc:
        return fail(PROG, str(exc), 2)
    what = {"doc": docs, "tag": args.tag, "style": args.style}
    if not args.output:  # stdout, through the gate
        # The exporters take a TextIO and only write to it; SafeStdout is an io.TextIOBase.
        out = cast(TextIO, SafeStdout())
        write_export(out, repo, args.format, **what)
        out.flush()
        return 0
    try:
        written = export_to_file(Path(args.output), repo, args.format, **what)
    except OSError as exc:
        return fail(PROG, f"could not write {shown(args.output)}: {describe(exc)}")
    fail(PROG, f"wrote {count(written, 'annotation')} to {shown(args.output)}", 0)
    return 0


def _import(repo: Repository, args: argparse.Namespace) -> int:
    from store.annotations.export import ExportFormatError, ImportIncomplete, import_json
    from store.files import FileProblem, read_regular, shown

    name = shown(args.file)
    try:
        data = read_regular(args.file, limit=MAX_IMPORT_BYTES)
    except FileProblem as exc:  # missing, a folder, unreadable: the file given is wrong
        return fail(PROG, f"could not read {exc}", 2)
    try:
        report = import_json(repo, data)
    except ExportFormatError as exc:
        return fail(PROG, f"{name}: {exc}")
    except ImportIncomplete as exc:
        _refused(name, exc.report.rejected)
        return fail(PROG, f"{name}: import stopped: {exc}")
    _refused(name, report.rejected)
    say(f"imported {name}: {report}")
    return 1 if report.rejected else 0


def _refused(name: str, rejected: list[tuple[int, str, str]]) -> None:
    for n, ident, why in rejected:
        named = f" ({ident})" if ident else ""
        what = f"annotation #{n}{named}" if n else ident  # 0: one of the user's readings
        fail(PROG, f"{name}: {what} refused: {why}")


def _tags(repo: Repository, args: argparse.Namespace) -> int:
    from store.terminal_safe import safe_line

    for tag, uses in repo.tags():
        say(f"{uses}\t{safe_line(tag)}")
    return 0


def _colors(repo: Repository, args: argparse.Namespace) -> int:
    from store.terminal_safe import safe_line

    if args.key:
        if not args.name:
            return fail(PROG, "give a colour and its new name, e.g. `colors blue 疑問`")
        repo.set_color_label(args.key, args.name)
    for i, slot in enumerate(repo.colors(), 1):
        say(f"{i}\t{slot.key}\t{safe_line(slot.label)}")
    return 0
