"""A body that a scraper duplicated is shown once."""

from __future__ import annotations

from store.model import Block

_MIN_RUN = 3
_MIN_CHARS = 80


def drop_repeated_runs(blocks: list[Block]) -> list[Block]:
    """Remove a run of blocks that repeats an earlier run (at least 3 blocks, 80 characters)."""
    keys = [(b.kind, b.text) for b in blocks]
    first_seen: dict[tuple[str, str], list[int]] = {}
    keep = [True] * len(blocks)
    i = 0
    while i < len(blocks):
        best = 0
        for j in first_seen.get(keys[i], []):
            k = 0
            while i + k < len(blocks) and j + k < i and keys[j + k] == keys[i + k]:
                k += 1
            best = max(best, k)
        chars = sum(len(blocks[i + x].text) for x in range(best))
        if best >= _MIN_RUN and chars >= _MIN_CHARS:
            for x in range(best):
                keep[i + x] = False
            i += best
            continue
        first_seen.setdefault(keys[i], []).append(i)
        i += 1
    return [b for b, k in zip(blocks, keep, strict=True) if k]
