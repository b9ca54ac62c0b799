"""``shiori cite FILE --quote TEXT [--nth N] [--style ja|sist02|en] [--readings] [--source-only]``.

Prints the quote (base text, else a footnote's text) and its source in the chosen style; the
locator is the section heading the quote sits under (a note's: its marker's), its page(s) where
the source has pages, and ``注2`` / ``n. 2`` for a quote from a footnote. ``--readings`` adds readings as ``｜漢字《かんじ》`` (the source's
own ruby first, the analyser for the rest). Exit 1 with a message if the quote is
not found, exit 2 if the file cannot be imported.
"""

from __future__ import annotations

import argparse

from tui.commands._io import fail, say, text_arg

PROG = "shiori cite"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("cite", help="print a citation for a passage")
    p.add_argument("file", help="the document (a file path; a file added to the library is its copy)")
    p.add_argument(
        "--quote",
        required=True,
        type=text_arg,
        help="the passage, as it reads (line breaks ignored)",
    )
    p.add_argument("--nth", type=int, help="which occurrence (1-based) if it occurs several times")
    p.add_argument(
        "--style",
        choices=("ja", "sist02", "en"),
        default="ja",
        help="Japanese (default), SIST 02, or English",
    )
    p.add_argument("--readings", action="store_true", help="add readings as ｜漢字《かんじ》")
    p.add_argument(
        "--page",
        default="",
        type=text_arg,
        help="page(s) to cite (default: the pages the passage is on)",
    )
    p.add_argument("--source-only", action="store_true", help="the source without the quote")


def run(args: argparse.Namespace) -> int:
    from store.annotations.documents import note_quote_readings, quote_readings
    from store.annotations.metadata import load_own_readings, user_library
    from store.citation import Passage, cite, source_meta
    from store.registers import register_of
    from tui.commands._passage import PassageError, find_passage

    try:
        found = find_passage(args.file, args.quote, args.nth, notes=True)
    except PassageError as exc:
        return fail(PROG, str(exc), exc.code)
    document, start, end = found.document, found.start, found.end
    meta = source_meta(
        user_library().metadata(found.key), found.key, document.title, document.metadata
    )
    if found.note:
        passage = Passage.in_note(document, found.note, start, end, page=args.page)
    else:
        passage = Passage.in_document(document, start, end, page=args.page)
    readings = None
    if args.readings and not args.source_only:  # loads the analyser: slow
        own = load_own_readings(found.key)
        register = register_of(found.key)  # as the user reads it in the app
        if found.note:
            readings = note_quote_readings(document, found.note, start, end, own, register)
        else:
            readings = quote_readings(document, start, end, own, register)
    say(cite(meta, passage, args.style, source_only=args.source_only, readings=readings))
    return 0
