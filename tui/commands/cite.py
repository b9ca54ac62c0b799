"""``shiori cite FILE --quote TEXT [--nth N] [--style ja|sist02|en] [--readings] [--source-only]``.

Prints the quote (base text) and its source in the chosen style; the locator is the section
heading the quote sits under. ``--readings`` adds readings as ``｜漢字《かんじ》`` (the source's
own ruby first, the analyser for the rest). Exit 1 with a message if the quote is
not found, exit 2 if the file cannot be imported.
"""

from __future__ import annotations

import argparse

from tui.commands._io import fail, say, text_arg

PROG = "shiori cite"


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser("cite", help="print a citation for a passage")
    p.add_argument("file")
    p.add_argument(
        "--quote",
        required=True,
        type=text_arg,
        help="the passage, as it reads (line breaks ignored)",
    )
    p.add_argument("--nth", type=int, help="which occurrence (1-based) if it occurs several times")
    p.add_argument("--style", choices=("ja", "sist02", "en"), default="ja")
    p.add_argument("--readings", action="store_true", help="add readings as ｜漢字《かんじ》")
    p.add_argument(
        "--page", default="", type=text_arg, help="page(s) to cite, where the source has pages"
    )
    p.add_argument("--source-only", action="store_true", help="the source without the quote")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from store.annotations.documents import quote_readings
    from store.annotations.metadata import install_metadata_hook
    from store.citation import format_citation, format_source, locator_for
    from store.library import metadata_for
    from store.terminal_safe import clean_line
    from tui.commands._passage import PassageError, find_passage

    install_metadata_hook()
    try:
        passage = find_passage(args.file, args.quote, args.nth)
    except PassageError as exc:
        return fail(PROG, str(exc), exc.code)
    document, start, end = passage.document, passage.start, passage.end
    meta = metadata_for(args.file)
    if not meta.title:
        from dataclasses import replace

        meta = replace(meta, title=document.title or clean_line(Path(args.file).stem))
    locator = locator_for(document, start, title=meta.title, page=args.page)
    if args.source_only:
        say(format_source(meta, locator, args.style))
        return 0
    readings = quote_readings(document, start, end) if args.readings else None  # analyser: slow
    say(
        format_citation(meta, document.base_text[start:end], locator, args.style, readings=readings)
    )
    return 0
