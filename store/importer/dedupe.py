"""A body that a scraper duplicated is shown once."""

from __future__ import annotations

from store.model import Block

_MIN_RUN = 3
_MIN_CHARS = 80


def drop_repeated_runs(blocks: list[Block]) -> list[Block]:
    """Remove a run of blocks that repeats an earlier run (at least 3 blocks, 80 characters).

    Only the first occurrence of each block is a candidate start, so this stays linear-ish.
    """
    keys = [(b.kind, b.text) for b in blocks]
    first_seen: dict[tuple[str, str], int] = {}
    keep = [True] * len(blocks)
    i = 0
    while i < len(blocks):
        j = first_seen.get(keys[i])
        run = 0
        if j is not None:
            while i + run < len(blocks) and j + run < i and keys[j + run] == keys[i + run]:
                run += 1
        chars = sum(len(blocks[i + x].text) for x in range(run))
        if run >= _MIN_RUN and chars >= _MIN_CHARS:
            for x in range(run):
                keep[i + x] = False
            i += run
            continue
        first_seen.setdefault(keys[i], i)
        i += 1
    return [b for b, k in zip(blocks, keep, strict=True) if k]
