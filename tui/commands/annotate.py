"""``shiori annotate FILE --quote TEXT [--nth N] [--color C] [--note TEXT] [--tag T ...]``.

Highlights a passage from a script. The quote is matched against the imported base text, so a
sentence the source wraps across lines is found. Exit 0 only once the annotation is durably
saved (its id is printed); exit 1 with a one-line message otherwise (exit 2 when the file
cannot be imported at all, as for every command).
"""

from __future__ import annotations

import argparse
from contextlib import suppress

from tui.commands._io import fail, say, text_arg

PROG = "shiori annotate"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "annotate", help="highlight a passage of a file from the command line"
    )
    p.add_argument("file", help="the document (a seed, a library file, or any text file)")
    p.add_argument(
        "--quote",
        required=True,
        type=text_arg,
        help="the passage, as it reads (line breaks ignored)",
    )
    p.add_argument(
        "--nth", type=int, help="which occurrence when the quote occurs more than once (1-based)"
    )
    p.add_argument("--color", type=text_arg, help="colour key, its name (e.g. 疑問) or number 1-5")
    p.add_argument("--note", default="", type=text_arg, help="a note (may contain newlines)")
    p.add_argument(
        "--tag", action="append", default=[], type=text_arg, help="a tag (repeat for several)"
    )


def run(args: argparse.Namespace) -> int:
    from store.annotations.documents import refresh
    from store.annotations.repository import AnnotationError, Repository
    from store.annotations.storage import StorageError
    from store.files import describe
    from tui.commands._passage import PassageError, find_passage

    try:
        passage = find_passage(args.file, args.quote, args.nth)
    except PassageError as exc:
        return fail(PROG, str(exc), exc.code)
    # the document's key and file: the library's copy of the file named, when it has one
    key, path, document = passage.key, passage.path, passage.document
    start, end, count = passage.start, passage.end, passage.count
    repo = None
    try:
        repo = Repository(stream=True)
        refresh(repo, key, path, document)  # re-anchor older annotations if the file changed
        ann = repo.create(
            key, document, start, end, color=args.color, note=args.note, tags=args.tag
        )
    except (AnnotationError, StorageError) as exc:
        return fail(PROG, str(exc))
    except OSError as exc:
        return fail(PROG, f"cannot use the annotation store: {describe(exc)}")
    finally:
        if repo is not None:
            with suppress(StorageError, OSError):  # bookkeeping only: the save is durable
                repo.remember_file(
                    key, path, document.content_hash, document.title, document.metadata
                )
            repo.close()
            for notice in repo.notices:
                fail(PROG, notice)
    if count > 1 and args.nth is None:
        fail(PROG, f"the quote occurs {count} times; annotated the first (use --nth)")
    say(f"{ann.id}\t{' '.join(ann.quote.split())}")
    return 0
