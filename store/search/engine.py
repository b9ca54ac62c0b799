"""Running a query over the library index: which passages match, best documents first.

For each term the index gives the blocks that hold its characters (or, for a word, one of its
stems: ``matching.word_keys``); here each such block is searched in Python with the same rules
as the reader's ``/`` (``store.japanese.matching``): the literal matches, and for a one-word
term the analyser's verdict on the word each stem falls in (read in its context:
``matching.word_context``), so 取り組む finds 取り組み and 取り組んで but not 取組織. Several terms
must all occur in one block (a paragraph); a block holding an excluded term is left out. How
each term is found (its *plan*: ``store.search.plans``) is kept in the index, so a repeat
search does not ask the analyser about the query.

Documents are ranked by BM25 over their matches (term frequency saturating, scaled by the
document's length, rarer terms weighing more); a document's matches follow in reading order.
The matching keeps only where the words are; :class:`Hit` objects (and their snippets, when
asked for) are made only of the results returned (``limit``).
Annotations match the same query in their quote, note and tags (``#tag``), and results can be
narrowed to annotated passages (all, or those with one tag).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol

from store.japanese.matching import (
    MorphemeLike,
    find_pattern,
    fold,
    merge_spans,
    same_word,
    sentence_around,
    word_context,
)
from store.patterns import compiled
from store.search.index import LibraryIndex, RowTuple, phrase
from store.search.plans import TermPlan, make_plan
from store.search.query import Query, Term, parse_query

#: Characters of a snippet at most; a longer sentence is cut around the match.
SNIPPET_CHARS = 160
#: Characters kept before the match when a sentence is cut.
SNIPPET_BEFORE = 50
ELLIPSIS = "…"
#: BM25 parameters (the usual ones).
K1, B = 1.2, 0.75


@dataclass(frozen=True)
class SearchDoc:
    """A document the search may return (from the index's catalog, titled by the caller)."""

    id: int
    key: str
    path: Path
    title: str
    chars: int
    #: False for a document no longer in the library (only its annotations are left).
    present: bool = True


@dataclass(frozen=True)
class AnnotationHit:
    """The annotation a result comes from (its passage, note and tags matched the query)."""

    id: str
    note: str
    tags: tuple[str, ...]
    color: str
    #: The passage could not be found in the document, or the document is not in the library.
    orphan: bool


@dataclass
class Hit:
    """One result: ``length`` characters at ``offset`` of block ``block`` of the document."""

    doc: SearchDoc
    block: int
    offset: int
    length: int
    section: str
    #: The block's text (the snippet is cut from it when asked for).
    text: str
    #: Every match of the query's words in the block (block offsets), for highlighting.
    marks: tuple[tuple[int, int], ...] = ()
    annotation: AnnotationHit | None = None
    #: For an annotation: its quote (the passage it marks), shown as the snippet.
    quote: str = ""
    #: For a match in a footnote: the note's id; ``offset``/``length``/``text`` are then the
    #: note's, ``block`` holds its marker at offset ``at`` (where the note is read).
    footnote: str = ""
    at: int = 0

    @cached_property
    def _parts(self) -> tuple[str, list[tuple[int, int]], tuple[int, int] | None]:
        if self.annotation is not None:
            return _cut(" ".join(self.quote.split()), 0, 0)[0], [], None
        start, end = self.offset, self.offset + self.length
        first, last = sentence_around(self.text, start, end)
        cut, spans, shift = _snippet(self.text, first, last, start, end, self.marks)
        s, e = max(0, start - shift), min(len(cut), end - shift)
        return cut, spans, ((s, e) if s < e else None)

    @property
    def context(self) -> tuple[str, list[tuple[int, int]]]:
        """The snippet, and where the query's words are in it (``(start, end)`` in it)."""
        cut, spans, _ = self._parts
        return cut, spans

    @property
    def focus(self) -> tuple[int, int] | None:
        """Where this result's own match is in the snippet: a sentence with several matches
        is several results, told apart by which match is theirs."""
        return self._parts[2]

    @property
    def snippet(self) -> str:
        return self.context[0]

    def to_json(self) -> dict[str, Any]:
        """The ``shiori search --json`` item (DESIGN.md §2), plus ``annotation`` for a
        result that comes from one."""
        out: dict[str, Any] = {
            "document": str(self.doc.path),
            "title": self.doc.title,
            "block": self.block,
            "offset": self.offset,
            "length": self.length,
            "section": self.section,
            "snippet": self.snippet,
        }
        if self.footnote:
            out["footnote"] = self.footnote
        if self.annotation is not None:
            a = self.annotation
            out["annotation"] = {
                "id": a.id,
                "note": a.note,
                "tags": list(a.tags),
                "color": a.color,
                "orphan": a.orphan,
            }
        return out


@dataclass(frozen=True)
class AnnotatedPassage:
    """What the engine needs of an annotation (``store.annotations.model.Annotation``)."""

    id: str
    doc: str
    block: int
    block_offset: int
    start: int
    end: int
    quote: str
    note: str
    tags: tuple[str, ...]
    color: str
    section: tuple[str, ...]
    orphan: bool

    @classmethod
    def of(cls, ann: Any, *, document_missing: bool = False) -> AnnotatedPassage:
        return cls(
            ann.id,
            ann.doc,
            ann.anchor.block,
            ann.anchor.block_offset,
            ann.start,
            ann.end,
            ann.quote,
            ann.note,
            tuple(ann.tags),
            ann.color,
            tuple(ann.section),
            ann.state == "orphan" or document_missing,
        )

    def searchable(self) -> str:
        return "\n".join([self.quote, self.note, *("#" + t for t in self.tags)])


@dataclass
class Scope:
    """What to search: some documents only, annotated passages only (with a tag)."""

    doc_keys: set[str] | None = None
    annotated: bool = False
    tag: str | None = None
    #: Footnotes' text too (``shiori search --json`` leaves them out unless asked: its items'
    #: ``block``/``offset`` then point into a note, which the model's blocks do not hold).
    footnotes: bool = True

    @property
    def needs_annotations(self) -> bool:
        return self.annotated or self.tag is not None


def _cut(text: str, start: int, end: int) -> tuple[str, int]:
    """``text`` cut to at most ``SNIPPET_CHARS`` around ``[start, end)``; returns the text
    and how many characters were dropped at its start (before the ellipsis)."""
    if len(text) <= SNIPPET_CHARS:
        return text, 0
    lo = max(0, min(start - SNIPPET_BEFORE, len(text) - SNIPPET_CHARS))
    hi = min(len(text), lo + SNIPPET_CHARS)
    out = text[lo:hi]
    dropped = lo
    if lo > 0:
        out = ELLIPSIS + out
        dropped -= 1
    if hi < len(text):
        out += ELLIPSIS
    return out, dropped


_SPACES = compiled(r"\s")


def _snippet(
    text: str,
    first: int,
    last: int,
    start: int,
    end: int,
    marks: Iterable[tuple[int, int]],
) -> tuple[str, list[tuple[int, int]], int]:
    """The sentence ``text[first:last]`` cut around ``[start, end)``, the marks in it, and the
    offset in ``text`` of the cut's first character (an ellipsis counts as one)."""
    sentence = _SPACES.sub(" ", text[first:last])  # same length: offsets stay
    cut, dropped = _cut(sentence, start - first, end - first)
    shift = first + dropped
    spans = []
    for s, e in merge_spans([(start, end)], marks):
        s2, e2 = max(0, s - shift), min(len(cut), e - shift)
        if s >= first and e <= last and s2 < e2:
            spans.append((s2, e2))
    return cut, spans, shift


# -- terms ------------------------------------------------------------------------------------


class PlanSource(Protocol):
    """Where a term's plan comes from (``LibraryIndex.plan``: kept from an earlier search)."""

    def plan(self, text: str, *, analyse: bool) -> TermPlan: ...


def _compiled(source: str | None) -> re.Pattern[str] | None:
    return None if source is None else compiled(source)


class TermMatcher:
    """Finds one term in a block: literally, and a word's other forms (see the module doc)."""

    def __init__(self, term: Term, *, words: bool = True, plans: PlanSource | None = None) -> None:
        analyse = words and not term.phrase
        plan = (
            plans.plan(term.text, analyse=analyse)
            if plans is not None
            else make_plan(term.text, analyse=analyse)
        )
        self.term = term
        self.literal = fold(term.text)
        self.word: MorphemeLike | None = plan.word if analyse else None
        self.pattern = _compiled(plan.pattern)
        if self.word is not None:
            self.keys = [k for k, _ in plan.keys]
            self.stems = [k for k in self.keys if k != self.literal]
            self.stem_patterns = [_compiled(p) for p in plan.stem_patterns]
        else:
            self.keys = [self.literal] if self.literal else []
            self.stems, self.stem_patterns = [], []

    def fts(self) -> str:
        """The FTS5 expression for blocks that may hold the term."""
        phrases = [p for p in (phrase(k) for k in self.keys) if p]
        return "(" + " OR ".join(phrases) + ")" if phrases else ""

    def spans(self, text: str, contexts: Contexts | None = None) -> list[tuple[int, int]]:
        """Where the term is in ``text``; ``contexts`` keeps the analyser's words of the
        contexts of this text already asked about (by another term of the query)."""
        literal = find_pattern(text, self.pattern)
        if self.word is None or not self.stems:
            return literal
        if contexts is None:
            contexts = Contexts(text)
        found: list[tuple[int, int]] = []
        for pattern in self.stem_patterns:
            for at, end in find_pattern(text, pattern):
                if not any(s <= at < e for s, e in literal) and not any(
                    s <= at < e for s, e in found
                ):
                    found.extend(self._verify(at, end, contexts))
        return merge_spans(literal, found) if found else literal

    def _verify(self, start: int, end: int, contexts: Contexts) -> list[tuple[int, int]]:
        """The word at ``start`` when the analyser says it is a form of the query's word."""
        first, words = contexts.words(start, end)
        assert self.word is not None
        at = start - first
        for s, e, m in words:
            if s <= at < e:
                if same_word(_Word(m), self.word):
                    return [(first + s, first + e)]
                return []
        return []


class Contexts:
    """The analyser's words of one text, asked for only around the words a stem falls in
    (``matching.word_context``: what the analyser needs to read a word as in its sentence,
    a quarter of the sentence on average)."""

    __slots__ = ("_text", "_words")

    def __init__(self, text: str) -> None:
        self._text = text
        self._words: dict[tuple[int, int], list[tuple[int, int, Any]]] = {}

    def words(self, start: int, end: int) -> tuple[int, list[tuple[int, int, Any]]]:
        """Where the context of the word at ``[start, end)`` begins, and its words as
        ``(start, end, morpheme)``, offsets in the context."""
        bounds = word_context(self._text, start, end)
        words = self._words.get(bounds)
        if words is None:
            words = self._words[bounds] = _analysed(self._text[bounds[0] : bounds[1]])
        return bounds[0], words


class _Word:
    """A word being checked: its forms are asked of the analyser only for the few words a
    stem falls in (most of a context is never looked at)."""

    __slots__ = ("_m",)

    def __init__(self, m: Any) -> None:
        self._m = m

    @property
    def dictionary_form(self) -> str:
        return str(self._m.dictionary_form())

    @property
    def normalized_form(self) -> str:
        return str(self._m.normalized_form())

    @property
    def pos(self) -> tuple[str, ...]:
        from store.japanese.analyzer import pos_of

        return pos_of(self._m)


def _analysed(text: str) -> list[tuple[int, int, Any]]:
    """The analyser's words of ``text`` as ``(start, end, morpheme)`` (none when it cannot
    run). Variation selectors (葛󠄀) are not shown to it: each stays in the word of the
    character before it, as in the readings (``store.japanese.selectors``)."""
    try:
        from store.japanese.analyzer import chunks, tokenizer
        from store.japanese.selectors import Stripped

        stripped = Stripped(text)
        back = stripped.to_original
        tok = tokenizer()
        return [
            (back(at + m.begin()), back(at + m.end()), m)
            for at, piece in chunks(stripped.text)
            for m in tok.tokenize(piece)
        ]
    except Exception:
        return []


# -- the search -----------------------------------------------------------------------------


@dataclass
class Results:
    hits: list[Hit] = field(default_factory=list)
    #: Documents with at least one result.
    documents: int = 0
    #: The query had nothing to look for (empty, or exclusions only).
    empty_query: bool = False
    #: The query as parsed (its first word is what a result's match is a match of).
    query: Query | None = None

    @property
    def term(self) -> str:
        """The text of the query's first word (what each text result matched)."""
        return self.query.include[0].text if self.query is not None and self.query.include else ""


def _overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def run_query(
    index: LibraryIndex,
    query: Query | str,
    docs: Mapping[str, SearchDoc],
    *,
    scope: Scope | None = None,
    annotations: Sequence[AnnotatedPassage] = (),
    words: bool = True,
    limit: int | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Results:
    """Every passage of ``docs`` (by key) matching ``query``, best documents first; the
    first ``limit`` of them only, if given (documents are ranked over all their matches, but
    results are made only of the passages returned).

    ``words=False`` leaves out the other forms of words (quicker: the first results while
    the rest is worked out); ``annotations`` are matched too and, with a ``scope`` asking
    for annotated passages, narrow the text's results to what they mark.
    """
    if isinstance(query, str):
        query = parse_query(query)
    scope = scope or Scope()
    if query.empty:
        return Results(empty_query=True, query=query)
    include = [TermMatcher(t, words=words, plans=index) for t in query.include]
    exclude = [TermMatcher(t, words=words, plans=index) for t in query.exclude]
    wanted = {k: d for k, d in docs.items() if scope.doc_keys is None or k in scope.doc_keys}
    by_id = {d.id: d for d in wanted.values()}

    marked: dict[str, list[AnnotatedPassage]] = {}
    for ann in annotations:
        if scope.tag is not None and scope.tag not in ann.tags:
            continue
        marked.setdefault(ann.doc, []).append(ann)
    if scope.needs_annotations:
        by_id = {i: d for i, d in by_id.items() if d.key in marked}

    matches: dict[str, list[_Match | Hit]] = {}
    term_counts: dict[str, list[int]] = {}
    expression = " AND ".join(m.fts() for m in include)
    if by_id and all(m.fts() for m in include):
        subset = by_id.keys() if len(by_id) < len(docs) else None
        for row in index.matching_rows(expression, subset):
            if cancelled is not None and cancelled():
                return Results(query=query)
            doc = by_id.get(row[1])
            if doc is None:
                continue
            found = _match_block(row, doc, include, exclude, marked, scope)
            if found is None:
                continue
            matches.setdefault(doc.key, []).append(_Match(doc, row, found))
            counts = term_counts.setdefault(doc.key, [0] * len(include))
            for i, spans in enumerate(found):
                counts[i] += len(spans)

    for doc_key, anns in marked.items():
        if scope.doc_keys is not None and doc_key not in scope.doc_keys:
            continue
        doc = docs.get(doc_key)
        missing = doc is None
        if doc is None:
            doc = _missing_doc(doc_key)
        for ann in anns:
            hit = _match_annotation(ann, doc, include, exclude, missing)
            if hit is not None:
                matches.setdefault(doc_key, []).append(hit)
                counts = term_counts.setdefault(doc_key, [0] * len(include))
                for i in range(len(include)):
                    counts[i] += 1

    hits: list[Hit] = []
    for key in _rank(matches, term_counts, wanted, len(include)):
        if limit is not None and len(hits) >= limit:
            break
        made = [h for m in matches[key] for h in _hits(m)]
        hits.extend(sorted(made, key=_reading_order))
    if limit is not None:
        del hits[limit:]
    return Results(hits, len({h.doc.key for h in hits}), query=query)


@dataclass(frozen=True, slots=True)
class _Match:
    """A block that matched: where each of the query's words is in it (made into
    :class:`Hit` objects only if it is shown)."""

    doc: SearchDoc
    row: RowTuple
    found: list[list[tuple[int, int]]]


def _hits(match: _Match | Hit) -> list[Hit]:
    """The results of one matched block (one per match of the first word; the others are
    marked in its snippet), or an annotation's result as it is."""
    if isinstance(match, Hit):
        return [match]
    _id, _doc, block, _base, section, text, note, at = match.row
    found = match.found
    marks = tuple(found[0]) if len(found) == 1 else tuple(merge_spans(*found))
    return [
        Hit(match.doc, block, start, end - start, section, text, marks, footnote=note, at=at)
        for start, end in found[0]
    ]


def _reading_order(hit: Hit) -> tuple[int, int, int, int, bool]:
    """Text in order; a note's matches right after its marker (before text that follows
    the marker at once: ``Ref.offset`` is the offset of the character after it)."""
    if hit.footnote:
        return (hit.block, hit.at, 0, hit.offset, False)
    return (hit.block, hit.offset, 1, 0, hit.annotation is not None)


def _missing_doc(key: str) -> SearchDoc:
    """A document the library no longer has (its annotations are orphaned)."""
    from store.library import path_for_key

    try:
        path = path_for_key(key)
    except ValueError:
        path = Path(key)
    return SearchDoc(-1, key, path, f"{path.name} (removed)", 0, present=False)


def _match_block(
    row: RowTuple,
    doc: SearchDoc,
    include: list[TermMatcher],
    exclude: list[TermMatcher],
    marked: Mapping[str, list[AnnotatedPassage]],
    scope: Scope,
) -> list[list[tuple[int, int]]] | None:
    """Where each word of the query is in the block ``row``, or None if it does not match."""
    if row[6] and not scope.footnotes:
        return None
    text = row[5]
    contexts = Contexts(text)
    found = []
    for matcher in include:
        spans = matcher.spans(text, contexts)
        if not spans:
            return None
        found.append(spans)
    for matcher in exclude:
        if matcher.spans(text, contexts):
            return None
    if scope.needs_annotations:
        if row[6]:
            return None  # a footnote: no annotation marks one
        base = row[3]
        allowed = [
            (a.start - base, a.end - base) for a in marked.get(doc.key, ()) if not a.orphan
        ]
        found = [[s for s in spans if _overlaps(allowed, *s)] for spans in found]
        if not all(found):
            return None
    return found


def _match_annotation(
    ann: AnnotatedPassage,
    doc: SearchDoc,
    include: list[TermMatcher],
    exclude: list[TermMatcher],
    missing: bool,
) -> Hit | None:
    text = ann.searchable()
    contexts = Contexts(text)
    if not all(m.spans(text, contexts) for m in include):
        return None
    if any(m.spans(text, contexts) for m in exclude):
        return None
    info = AnnotationHit(ann.id, ann.note, ann.tags, ann.color, ann.orphan or missing)
    section = ann.section[-1] if ann.section else ""
    return Hit(
        doc,
        ann.block,
        ann.block_offset,
        ann.end - ann.start,
        section,
        "",
        annotation=info,
        quote=ann.quote,
    )


def _rank(
    per_doc: Mapping[str, Sequence[object]],
    term_counts: Mapping[str, list[int]],
    docs: Mapping[str, SearchDoc],
    terms: int,
) -> list[str]:
    """Document keys, best first (BM25 over the documents' match counts)."""
    if not per_doc:
        return []
    n = max(1, len(docs))
    lengths = [d.chars for d in docs.values() if d.chars] or [1]
    average = sum(lengths) / len(lengths)
    df = [sum(1 for counts in term_counts.values() if counts[i]) for i in range(terms)]
    idf = [math.log(1 + (n - f + 0.5) / (f + 0.5)) for f in df]

    def score(key: str) -> float:
        doc = docs.get(key)
        length = doc.chars if doc is not None and doc.chars else average
        norm = K1 * (1 - B + B * length / average)
        counts = term_counts.get(key, [0] * terms)
        return sum(idf[i] * c * (K1 + 1) / (c + norm) for i, c in enumerate(counts))

    return sorted(per_doc, key=lambda k: (-score(k), k not in docs, k))
