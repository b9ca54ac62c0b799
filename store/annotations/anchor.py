"""Making anchors, finding quotes, and re-anchoring after a document changed.

Re-anchoring tries, in order (docs/design/annotations.md):

1. **hash equal** — the text is the one the anchor was made on: the position holds.
2. **exact quote** — every occurrence of the quote (or, failing that, of the quote with its
   whitespace allowed to move: a re-wrapped source) is scored by how much of the stored
   context surrounds it, ties broken by distance to the hint (the old offset and the old
   block's new start); a short quote needs its context to match, so a deleted two-character
   passage does not jump to an unrelated occurrence elsewhere.
3. **fuzzy** — candidate places (around the hint, and where the quote's character n-grams
   cluster) are aligned with ``difflib``; a candidate is accepted when its similarity to the
   quote is ≥ 0.9, or ≥ 0.7 (≥ 0.85 for quotes under 20 characters) with the surrounding
   context ≥ 0.6 similar; a quote under 8 characters always needs its context. The best
   accepted candidate by ``0.7·quote + 0.3·context`` wins.
4. otherwise the annotation is an **orphan**: kept with its quote, never dropped.

Found unchanged at the old offset — or with the same number of non-space characters before it,
i.e. only line breaks moved — means ``anchored`` (same place); found elsewhere, or found altered
(fuzzy), means ``moved`` — the user may want to look at it again.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from array import array
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from store.annotations.model import (
    CONTEXT,
    Anchor,
    State,
    TextPositionSelector,
    TextQuoteSelector,
)
from store.model import Document
from store.patterns import compiled

#: A quote shorter than this must have matching context to be trusted as an exact match.
SHORT_QUOTE = 8
#: Fuzzy acceptance: a quote this similar is ours whatever surrounds it...
FUZZY_ALONE = 0.9
#: ...otherwise it needs context at least this similar, and the quote at least this similar
#: (stricter for a short quote, where one changed word is a large part of it).
FUZZY_CONTEXT = 0.6
FUZZY_WITH_CONTEXT = 0.7
FUZZY_WITH_CONTEXT_SHORT = 0.85
SHORT_FUZZY = 20
_MAX_OCCURRENCES = 2000


@dataclass(frozen=True, slots=True)
class Resolution:
    state: State
    start: int
    end: int
    #: 1.0 for an exact find; the fuzzy score otherwise; 0.0 for an orphan.
    score: float


def make_anchor(document: Document, start: int, end: int) -> Anchor:
    """Anchor ``base_text[start:end]`` of ``document``."""
    text = document.base_text
    if not 0 <= start < end <= len(text):
        raise ValueError(f"selection {start}:{end} is outside the text (0:{len(text)})")
    block, offset = document.locate(start)
    return Anchor(
        TextPositionSelector(start, end),
        TextQuoteSelector(
            text[start:end], text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]
        ),
        block,
        offset,
        document.content_hash,
        _nonspace_prefix(text)[start],
    )


@lru_cache(maxsize=8)
def _nonspace_prefix(text: str) -> array[int]:
    """``out[i]`` = how many non-whitespace characters ``text[:i]`` has."""
    out = array("i", [0]) * (len(text) + 1)
    n = 0
    for i, ch in enumerate(text):
        if not ch.isspace():
            n += 1
        out[i + 1] = n
    return out


# -- finding a quote the user typed -----------------------------------------------------------

_WS = compiled(r"\s+")


#: Source notation a quote copied from the raw file may carry but base text does not:
#: Aozora ruby and its ｜ marker, Aozora editor notes, footnote markers like (1) or （２）.
_SOURCE_NOTATION = compiled(r"《[^》\n]{1,30}》|｜|［＃[^］\n]*］|[(（][0-9０-９]{1,3}[)）]")


def _fold(ch: str) -> str:
    """One character's compatibility form when that is one character (２→2, Ａ→a), else itself."""
    folded = unicodedata.normalize("NFKC", ch)
    return folded.casefold() if len(folded) == 1 else ch


def _search(text: str, quote: str) -> list[tuple[int, int]]:
    found = _exact_all(text, quote)
    if found:
        return found
    chunks = [c for c in _WS.split(quote) if c]
    if not chunks:
        return []
    for pattern in (
        r"\s*".join(re.escape(c) for c in chunks),
        r"\s*".join(re.escape(ch) for ch in "".join(chunks)),
    ):
        found = [(m.start(), m.end()) for m in re.finditer(pattern, text)]
        if found:
            return found
    return []


def find_quote(text: str, quote: str) -> list[tuple[int, int]]:
    """Every place ``quote`` occurs in ``text``, tolerant of how it was copied.

    Tried in order, the first that finds anything wins: exact; any run of whitespace in the
    quote matching any (or no) whitespace; whitespace ignored entirely (a sentence the source
    wrapped mid-word); then the same with the quote's source notation removed (Aozora ruby
    《》 and ｜, footnote markers such as (1)); then with full-/half-width and case folded.
    Offsets are always into ``text``.
    """
    quote = quote.strip()
    if not quote:
        return []
    found = _search(text, quote)
    if found:
        return found
    bare = _SOURCE_NOTATION.sub("", quote).strip()
    if bare and bare != quote:
        found = _search(text, bare)
        if found:
            return found
    folded_text = "".join(_fold(ch) for ch in text)  # same length: offsets carry over
    return _search(folded_text, "".join(_fold(ch) for ch in (bare or quote)))


def _exact_all(text: str, quote: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = text.find(quote)
    while pos >= 0 and len(out) < _MAX_OCCURRENCES:
        out.append((pos, pos + len(quote)))
        pos = text.find(quote, pos + 1)
    return out


# -- re-anchoring -------------------------------------------------------------------------------


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _hints(anchor: Anchor, document: Document) -> list[int]:
    hints = [anchor.position.start]
    if anchor.block < len(document.blocks):
        hints.append(document.block_starts[anchor.block] + anchor.block_offset)
    return hints


def resolve(anchor: Anchor, document: Document) -> Resolution:
    """Where ``anchor``'s passage is in ``document`` now (see the module docstring)."""
    text = document.base_text
    start, end = anchor.position.start, anchor.position.end
    exact = anchor.quote.exact
    if anchor.content_hash == document.content_hash and text[start:end] == exact:
        return Resolution("anchored", start, end, 1.0)
    found = _resolve_exact(anchor, text, _hints(anchor, document))
    if found is not None:
        return found
    fuzzy = _resolve_fuzzy(anchor, text, _hints(anchor, document))
    if fuzzy is not None:
        return fuzzy
    return Resolution("orphan", start, end, 0.0)


def _state_for(anchor: Anchor, start: int, text: str) -> State:
    """Same place: the old offset, or the same count of non-space characters before it
    (the source was only re-wrapped)."""
    if start == anchor.position.start:
        return "anchored"
    if anchor.nonspace_start >= 0 and _nonspace_prefix(text)[start] == anchor.nonspace_start:
        return "anchored"
    return "moved"


def _resolve_exact(anchor: Anchor, text: str, hints: list[int]) -> Resolution | None:
    """The quote itself, else the quote with its line breaks/spaces moved (a re-wrap)."""
    exact = anchor.quote.exact
    occurrences = _exact_all(text, exact)
    if not occurrences:
        squashed = _WS.sub("", exact)
        if not squashed:
            return None
        pattern = r"\s*".join(re.escape(ch) for ch in squashed)
        occurrences = [
            (m.start(), m.end())
            for m in itertools.islice(re.finditer(pattern, text), _MAX_OCCURRENCES)
        ]
        if not occurrences:
            return None
    return _choose(anchor, text, hints, occurrences)


def _choose(
    anchor: Anchor, text: str, hints: list[int], occurrences: list[tuple[int, int]]
) -> Resolution | None:
    """The occurrence with the most matching context, then the nearest to the hints."""
    exact, prefix, suffix = anchor.quote.exact, anchor.quote.prefix, anchor.quote.suffix
    context_len = len(prefix) + len(suffix)

    def score(span: tuple[int, int]) -> tuple[int, int]:
        pos, end = span
        ctx = _common_suffix(prefix, text[max(0, pos - len(prefix)) : pos])
        ctx += _common_prefix(suffix, text[end : end + len(suffix)])
        return ctx, -min(abs(pos - h) for h in hints)

    best = max(occurrences, key=score)
    best_ctx, _ = score(best)
    if len(exact) < SHORT_QUOTE and context_len and best_ctx < max(2, context_len // 4):
        return None  # a short quote with foreign context: probably not our passage
    return Resolution(_state_for(anchor, best[0], text), best[0], best[1], 1.0)


def _ngram_centres(exact: str, text: str, limit: int = 3) -> list[int]:
    """Likely start positions of ``exact`` in ``text``, by where its n-grams cluster."""
    g = 2 if len(exact) < 24 else 3
    grams = [(i, exact[i : i + g]) for i in range(0, max(1, len(exact) - g + 1))]
    if len(grams) > 96:
        step = len(grams) / 96
        grams = [grams[int(k * step)] for k in range(96)]
    votes: Counter[int] = Counter()
    bucket = max(8, len(exact) // 4)
    for i, gram in grams:
        pos = text.find(gram)
        hits = 0
        while pos >= 0 and hits < 200:
            votes[(pos - i) // bucket] += 1
            hits += 1
            pos = text.find(gram, pos + 1)
    return [b * bucket for b, _ in votes.most_common(limit)]


def _align(window: str, exact: str) -> tuple[int, int, int, int]:
    """The span of ``window`` that best lines up with ``exact``, and how many characters of
    ``exact`` its start and end leave unmatched (a word changed at either end)."""
    sm = SequenceMatcher(None, window, exact, autojunk=False)
    blocks = [b for b in sm.get_matching_blocks() if b.size]
    if not blocks:
        return (0, 0, 0, 0)
    # Drop stray single-character matches far from the main body of the match.
    main = max(blocks, key=lambda b: b.size)
    kept = [b for b in blocks if b.size > 1 or abs(b.a - main.a) <= len(exact)]
    head = min(b.b for b in kept)
    tail = len(exact) - max(b.b + b.size for b in kept)
    return (min(b.a for b in kept), max(b.a + b.size for b in kept), head, tail)


#: Context characters that must match where an edited end of a passage is placed.
EDGE_CONTEXT = 4


def _widen(text: str, s: int, e: int, head: int, tail: int, anchor: Anchor) -> tuple[int, int]:
    """A passage whose first or last word was edited (からすの… → 烏の…) aligns without it:
    its ends go back to where the stored context still meets the text — the prefix ends
    right before the new start, the suffix begins right after the new end."""
    prefix, suffix = anchor.quote.prefix, anchor.quote.suffix
    if head:
        before = prefix[-EDGE_CONTEXT:]
        for p in range(s, max(0, s - 2 * head - 2) - 1, -1):
            if (before and text.endswith(before, 0, p)) or (not prefix and p == 0):
                s = p
                break
    if tail:
        after = suffix[:EDGE_CONTEXT]
        for q in range(e, min(len(text), e + 2 * tail + 2) + 1):
            if (after and text.startswith(after, q)) or (not suffix and q == len(text)):
                e = q
                break
    return s, e


def _similarity(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _accept(n: int, q: float, ctx: float) -> bool:
    """Is a fuzzy candidate (quote similarity ``q``, context similarity ``ctx``) our passage?"""
    if n < SHORT_QUOTE and ctx < 0.5:
        return False  # a short quote alone proves nothing
    if q >= FUZZY_ALONE:
        return True
    q_min = FUZZY_WITH_CONTEXT_SHORT if n < SHORT_FUZZY else FUZZY_WITH_CONTEXT
    return q >= q_min and ctx >= FUZZY_CONTEXT


def _resolve_fuzzy(anchor: Anchor, text: str, hints: list[int]) -> Resolution | None:
    exact, prefix, suffix = anchor.quote.exact, anchor.quote.prefix, anchor.quote.suffix
    n = len(exact)
    if not text or not exact:
        return None
    slack = n // 2 + CONTEXT
    centres = list(dict.fromkeys(hints + _ngram_centres(exact, text)))
    best: tuple[float, int, int] | None = None
    for centre in centres:
        lo = max(0, centre - slack)
        window = text[lo : centre + n + slack]
        a, b, head, tail = _align(window, exact)
        if b <= a:
            continue
        s, e = lo + a, lo + b
        q = _similarity(exact, text[s:e])
        ctx = (
            _similarity(prefix, text[max(0, s - len(prefix)) : s])
            + _similarity(suffix, text[e : e + len(suffix)])
        ) / 2
        if not _accept(n, q, ctx):
            continue
        combined = 0.7 * q + 0.3 * ctx
        if best is None or combined > best[0]:
            best = (combined, *_widen(text, s, e, head, tail, anchor))
    if best is None:
        return None
    score, s, e = best
    same_text = _WS.sub("", text[s:e]) == _WS.sub("", exact)
    return Resolution(_state_for(anchor, s, text) if same_text else "moved", s, e, score)
