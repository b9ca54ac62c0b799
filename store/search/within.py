"""Where a query matches inside one document: the reader's ``/`` with the library's rules.

A query of several words finds the paragraphs that hold every word and none of the excluded
ones (as the library search does), and shows each word's matches there; one word finds all
its matches. How a single term is found (literally, with its other forms) is the caller's:
the reader keeps the analyses that finding word forms needs.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence

from store.japanese.matching import merge_spans
from store.search.query import Query, Term

Span = tuple[int, int]


def matches_within(
    block_starts: Sequence[int], query: Query, spans_of: Callable[[Term], list[Span] | None]
) -> list[Span] | None:
    """The spans of ``query``'s words in the blocks (paragraphs) starting at ``block_starts``
    that hold all of them and none of its exclusions; None when ``spans_of`` (a term's spans in
    the whole text, or None when cancelled) gave up."""
    included: list[list[Span]] = []
    for term in query.include:
        spans = spans_of(term)
        if spans is None:
            return None
        included.append(spans)
    if not included:
        return []
    if len(included) == 1 and not query.exclude:
        return merge_spans(included[0])

    def block(span: Span) -> int:
        return bisect_right(block_starts, span[0]) - 1

    shared = set.intersection(*({block(s) for s in spans} for spans in included))
    for term in query.exclude:
        spans = spans_of(term)
        if spans is None:
            return None
        shared -= {block(s) for s in spans}
    return merge_spans(*([s for s in spans if block(s) in shared] for spans in included))
