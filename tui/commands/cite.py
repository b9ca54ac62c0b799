"""``shiori cite FILE --quote TEXT [--nth N] [--style ja|sist02|en] [--readings] [--source-only]``.

Prints the quote (base text) and its source in the chosen style; the locator is the section
heading the quote sits under. ``--readings`` adds readings as ``｜漢字《かんじ》`` (the source's
own ruby first, the analyser for the rest). Exit 1 with a message if the quote is not found.
"""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser("cite", help="print a citation for a passage")
    p.add_argument("file")
    p.add_argument("--quote", required=True, help="the passage, as it reads (line breaks ignored)")
    p.add_argument("--nth", type=int, help="which occurrence (1-based) if it occurs several times")
    p.add_argument("--style", choices=("ja", "sist02", "en"), default="ja")
    p.add_argument("--readings", action="store_true", help="add readings as ｜漢字《かんじ》")
    p.add_argument("--page", default="", help="page(s) to cite, where the source has pages")
    p.add_argument("--source-only", action="store_true", help="the source without the quote")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from store.annotations.documents import QuoteNotFound, quote_readings, select_quote
    from store.annotations.metadata import install_metadata_hook
    from store.citation import format_citation, format_source, locator_for
    from store.importer import ImportFailed, import_file
    from store.library import metadata_for

    install_metadata_hook()
    try:
        document = import_file(Path(args.file))
    except ImportFailed as exc:  # its message names the file
        print(f"shiori cite: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"shiori cite: {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    try:
        start, end, _ = select_quote(document, args.quote, args.nth)
    except QuoteNotFound as exc:
        print(f"shiori cite: {args.file}: {exc}", file=sys.stderr)
        return 1
    meta = metadata_for(args.file)
    if not meta.title:
        from dataclasses import replace

        meta = replace(meta, title=document.title or Path(args.file).stem)
    locator = locator_for(document, start, title=meta.title, page=args.page)
    if args.source_only:
        print(format_source(meta, locator, args.style))
        return 0
    readings = quote_readings(document, start, end) if args.readings else None  # analyser: slow
    print(
        format_citation(meta, document.base_text[start:end], locator, args.style, readings=readings)
    )
    return 0
