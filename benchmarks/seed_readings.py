"""``python -m benchmarks seed_readings`` — every reading the analyser gives on the bundled seeds.

For a careful reader's review: each seed is imported as the reader imports it, analysed as the
reader analyses it (``document_readings``: blocks in order, then footnotes, glosses carried
through the document), and printed block by block with every reading inline, ``漢字(かんじ)``
(a guess is marked ``漢字(?かんじ)``, a reading the source gives ``漢字(=かんじ)``). ``--tsv``
writes one row per reading instead (seed, block, start, end, surface, reading, source,
context), to diff two versions of the rules; ``--grep`` prints only blocks containing a string.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

MARK = {"source": "=", "gloss": "=", "guess": "?", "dict": ""}


def _seeds() -> list[Path]:
    from store.paths import SEEDS_DIR

    return sorted(SEEDS_DIR.glob("*.txt"))


def _units(path: Path) -> Iterator[tuple[str, str, list]]:
    """(label, text, readings) for each block and footnote of the imported seed."""
    from store.importer import import_file
    from store.japanese.document import analyse_document

    doc = import_file(path)
    result = analyse_document(doc)
    for i, block in enumerate(doc.blocks):
        yield f"b{i}", block.text, result.blocks[i]
    for note in doc.footnotes:
        yield f"n{note.id}", note.text, result.footnotes[note.id]


def inline(text: str, readings: list) -> str:
    out, pos = [], 0
    for r in readings:
        out.append(text[pos : r.end])
        out.append(f"({MARK[r.source]}{r.reading})")
        pos = r.end
    out.append(text[pos:])
    return "".join(out)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks seed_readings", description=__doc__)
    parser.add_argument("--tsv", action="store_true", help="one row per reading")
    parser.add_argument("--grep", default="", help="only blocks containing this string")
    parser.add_argument("--seed", default="", help="only seeds whose file name contains this")
    args = parser.parse_args(argv)
    total = 0
    out = sys.stdout
    for path in _seeds():
        if args.seed not in path.name:
            continue
        if not args.tsv:
            out.write(f"=== {path.name}\n")
        for label, text, readings in _units(path):
            total += len(readings)
            if args.grep and args.grep not in text:
                continue
            if args.tsv:
                for r in readings:
                    context = (
                        text[max(0, r.start - 8) : r.end + 8].replace("\t", " ").replace("\n", "⏎")
                    )
                    out.write(
                        f"{path.stem}\t{label}\t{r.start}\t{r.end}\t{text[r.start : r.end]}"
                        f"\t{r.reading}\t{r.source}\t{context}\n"
                    )
            else:
                out.write(f"[{label}] {inline(text, readings)}\n")
    print(f"# {total} readings", file=sys.stderr)
    return 0
