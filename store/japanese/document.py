"""Readings for a whole document, analysed in pieces and cached piece by piece.

A long document is analysed in *pieces* (runs of blocks of about ``PIECE_CHARS`` characters,
then the footnotes), in any order — the reader asks for the piece nearest its position first —
and each piece is written to the cache as soon as it is done, so a reader who quits early does
not pay for it again. The analysis checks for cancellation between paragraphs (and within a very
long one), so quitting never waits for it.

What the document teaches (ruby, glosses in brackets, names glossed in katakana; see
``store.japanese.given``) is learned first, in one cheap pass over the whole text, so a piece
analysed out of order still reads a glossed word as the document taught it — at the gloss and
after it, never before.

The cache lives under ``store.paths.cache_dir() / "readings" / KEY /``, one JSON file per
piece; KEY hashes everything that decides the readings (texts, source ruby, the analysis code,
the dictionary version). A piece file that is missing, damaged or lies (offsets past the text)
is ignored and analysed again; failing to write one is not an error either.

Readings are kept packed (``PackedReadings``: offsets in an array, readings interned), so a
52 MB document's readings fit in tens of megabytes rather than a gigabyte.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from sys import intern
from typing import TYPE_CHECKING, Any

from store import atomic
from store.japanese.reading_record import Reading, Source
from store.model import Document

if TYPE_CHECKING:  # the analyser is imported when a piece is analysed, not to read the cache
    from store.japanese.given import GivenReadings
    from store.japanese.readings import Annotator
    from store.japanese.rules import Style

#: Bump when the cache format changes. (Changes to the analysis code invalidate caches by
#: themselves: the key includes a hash of this package's sources.)
ANALYSIS_VERSION = 2
#: Characters of block text per piece of analysis (one cache file each).
PIECE_CHARS = 20_000
#: A paragraph longer than this is analysed in parts cut after a sentence (cancellable).
PART_CHARS = 4_000
_SOURCES: tuple[Source, ...] = ("source", "gloss", "dict", "guess", "own")
_SOURCE_CODE = {name: k for k, name in enumerate(_SOURCES)}


class PackedReadings(Sequence[Reading]):
    """The readings of one block, packed: offsets in an ``array``, readings interned."""

    __slots__ = ("_offsets", "_readings", "_sources")

    def __init__(self, readings: Sequence[Reading] = ()) -> None:
        self._offsets = array("I")
        for r in readings:
            self._offsets.append(r.start)
            self._offsets.append(r.end)
        self._readings = tuple(intern(r.reading) for r in readings)
        self._sources = bytes(_SOURCE_CODE[r.source] for r in readings)

    def __len__(self) -> int:
        return len(self._readings)

    def __getitem__(self, k: Any) -> Any:
        if isinstance(k, slice):
            return [self[j] for j in range(*k.indices(len(self)))]
        if k < 0:
            k += len(self)
        if not 0 <= k < len(self):
            raise IndexError(k)
        return Reading(
            self._offsets[2 * k],
            self._offsets[2 * k + 1],
            self._readings[k],
            _SOURCES[self._sources[k]],
        )

    def __iter__(self) -> Iterator[Reading]:
        offsets, readings, sources = self._offsets, self._readings, self._sources
        for k, reading in enumerate(readings):
            yield Reading(offsets[2 * k], offsets[2 * k + 1], reading, _SOURCES[sources[k]])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]  # unhashable, as a list it equals is

    def __repr__(self) -> str:
        return f"PackedReadings({list(self)!r})"


@dataclass
class DocumentReadings:
    """Readings per block (``blocks[i]``, offsets into ``doc.blocks[i].text``) and per
    footnote (``footnotes[id]``, offsets into that footnote's text). While a document is being
    analysed, a block not done yet is ``None`` (and ``block(i)`` is empty)."""

    blocks: list[Sequence[Reading] | None]
    footnotes: dict[str, Sequence[Reading]] = field(default_factory=dict)
    #: Block texts and which blocks are headings (display levels need them; not cached).
    texts: list[str] = field(default_factory=list, repr=False)
    headings: list[bool] = field(default_factory=list, repr=False)
    footnote_texts: dict[str, str] = field(default_factory=dict, repr=False)
    #: The user's own readings for this document (word -> reading), laid over the analysed
    #: blocks and footnotes by ``block`` and ``footnote`` (``store.japanese.own_readings``).
    own: dict[str, str] = field(default_factory=dict, repr=False)

    def block(self, index: int) -> Sequence[Reading]:
        found = self.blocks[index] if 0 <= index < len(self.blocks) else None
        if found is None:
            return []
        if self.own and index < len(self.texts):
            from store.japanese.own_readings import apply_own

            return apply_own(self.texts[index], found, self.own)
        return found

    def footnote(self, footnote_id: str) -> Sequence[Reading]:
        found = self.footnotes.get(footnote_id)
        if found is None:
            return []
        if self.own and footnote_id in self.footnote_texts:
            from store.japanese.own_readings import apply_own

            return apply_own(self.footnote_texts[footnote_id], found, self.own)
        return found

    def has_block(self, index: int) -> bool:
        return 0 <= index < len(self.blocks) and self.blocks[index] is not None

    @property
    def complete(self) -> bool:
        return all(b is not None for b in self.blocks)


def analysis_key(doc: Document, style: Style | None = None) -> str:
    """Hash of everything that decides the readings of ``doc`` (``style``: the register the
    user chose, None for the one detected)."""
    h = hashlib.sha256()
    h.update(f"v{ANALYSIS_VERSION}|{_dictionary_version()}|{_code_version()}|".encode())
    if style is not None:
        h.update(f"style={style}|".encode())
    for block in doc.blocks:
        h.update(block.text.encode("utf-8", "surrogatepass"))
        h.update(repr([(r.start, r.end, r.reading) for r in block.ruby]).encode())
        h.update(b"\x00")
    for note in doc.footnotes:
        h.update(f"\x01{note.id}\x02".encode("utf-8", "surrogatepass"))
        h.update(note.text.encode("utf-8", "surrogatepass"))
        h.update(repr([(r.start, r.end, r.reading) for r in note.ruby]).encode())
    return h.hexdigest()


_CODE_VERSION: str | None = None


def _code_version() -> str:
    """A hash of the analysis code and its tables, so a changed rule never serves stale
    readings."""
    global _CODE_VERSION
    if _CODE_VERSION is None:
        h = hashlib.sha256()
        here = Path(__file__).resolve().parent
        for name in sorted(p.name for p in [*here.glob("*.py"), *here.glob("*.tsv")]):
            with contextlib.suppress(OSError):
                h.update(name.encode() + (here / name).read_bytes())
        _CODE_VERSION = h.hexdigest()[:16]
    return _CODE_VERSION


def _dictionary_version() -> str:
    """The installed SudachiDict's version, from its ``.dist-info`` folder's name: asking
    ``importlib.metadata`` costs 50-120 ms of imports before a document's first paint."""
    try:
        import importlib.util

        spec = importlib.util.find_spec("sudachidict_core")
        for folder in spec.submodule_search_locations or () if spec else ():
            for info in Path(folder).parent.glob("sudachidict_core-*.dist-info"):
                return info.name.removeprefix("sudachidict_core-").removesuffix(".dist-info")
        from importlib.metadata import version  # installed some other way

        return version("sudachidict_core")
    except Exception:  # metadata missing: the analysis version alone keys the cache
        return "?"


def _pieces(doc: Document, limit: int) -> list[tuple[int, int]]:
    """Runs of blocks ``(first, end)`` of about ``limit`` characters each."""
    out: list[tuple[int, int]] = []
    start = size = 0
    for i, block in enumerate(doc.blocks):
        if size and size + len(block.text) > limit:
            out.append((start, i))
            start, size = i, 0
        size += len(block.text)
    if start < len(doc.blocks):
        out.append((start, len(doc.blocks)))
    return out


def _parts(text: str, limit: int = PART_CHARS) -> Iterator[tuple[int, int]]:
    """``(start, end)`` parts of a paragraph, cut after a sentence end where possible."""
    n = len(text)
    start = 0
    while n - start > limit:
        cut = max(text.rfind(p, start + limit // 2, start + limit) for p in "。！？!?\n")
        end = cut + 1 if cut > start else start + limit
        yield start, end
        start = end
    yield start, n


class DocumentAnalysis:
    """One document's analysis in pieces (see the module docstring).

    ``pieces[k]`` is a run of blocks; piece ``len(pieces)`` is the footnotes. ``readings`` fills
    as pieces are done (from the cache or analysed). Not thread-safe: one worker drives it.
    """

    def __init__(
        self,
        doc: Document,
        *,
        use_cache: bool = True,
        piece_chars: int | None = None,
        style: Style | None = None,
    ) -> None:
        self.doc = doc
        self.use_cache = use_cache
        self.key = analysis_key(doc, style) if use_cache else ""
        self.pieces = _pieces(doc, piece_chars or PIECE_CHARS)
        self.readings = DocumentReadings(
            [None] * len(doc.blocks),
            {},
            [b.text for b in doc.blocks],
            [b.kind == "heading" for b in doc.blocks],
            {n.id: n.text for n in doc.footnotes},
        )
        self.done = [False] * (len(self.pieces) + 1)
        #: The register the readings follow: the user's choice, else detected on first use.
        self._style: Style | None = style
        self._large_kana: bool | None = None
        self._given: GivenReadings | None = None

    # -- scheduling ----------------------------------------------------------------------
    @property
    def complete(self) -> bool:
        return all(self.done)

    def piece_of_block(self, block: int) -> int:
        for k, (first, end) in enumerate(self.pieces):
            if first <= block < end:
                return k
        return 0

    def next_piece(self, near_block: int = 0) -> int | None:
        """The piece not done yet nearest block ``near_block`` (ahead of it first), the
        footnotes once the blocks are done; None when everything is done."""
        pending = [k for k, done in enumerate(self.done[:-1]) if not done]
        if not pending:
            return None if self.done[-1] else len(self.pieces)
        here = self.piece_of_block(near_block)
        return min(pending, key=lambda k: (abs(k - here) * 2 + (k < here), k))

    # -- doing a piece -------------------------------------------------------------------
    def run_piece(self, k: int, cancelled: Callable[[], bool] = lambda: False) -> bool:
        """Fill piece ``k`` from the cache, else analyse it and cache it. False when
        ``cancelled`` answered True on the way (nothing of the piece is kept then)."""
        if self.done[k]:
            return True
        found = self._load(k)
        if found is None:
            found = self._analyse(k, cancelled)
            if found is None:
                return False
            self._save(k, found)
        self._fill(k, found)
        return True

    def load_cached(self, k: int) -> bool:
        """Fill piece ``k`` from the cache only (never analyse); True when it is done. The
        reader calls this before its first paint, so a returning reader's first screen has
        its furigana at once."""
        if self.done[k]:
            return True
        found = self._load(k)
        if found is None:
            return False
        self._fill(k, found)
        return True

    def _fill(
        self, k: int, found: tuple[dict[int, list[Reading]], dict[str, list[Reading]]]
    ) -> None:
        blocks, notes = found
        for i, rs in blocks.items():
            self.readings.blocks[i] = PackedReadings(rs)
        for note_id, rs in notes.items():
            self.readings.footnotes[note_id] = PackedReadings(rs)
        self.done[k] = True

    def run_all(self, cancelled: Callable[[], bool] = lambda: False) -> bool:
        """Every piece in order; False when cancelled on the way."""
        return all(self.run_piece(k, cancelled) for k in range(len(self.done)))

    def _given_readings(self) -> GivenReadings:
        """What the whole document teaches, learned in one pass, in document order."""
        if self._given is None:
            from store.japanese.given import GivenReadings
            from store.japanese.tokens import word_tokens

            given = GivenReadings()
            order = 0
            for block in self.doc.blocks:
                given.learn(block.text, _ruby(block), word_tokens, at=order)
                order += 1
            for note in self.doc.footnotes:
                given.learn(note.text, _ruby(note), word_tokens, at=order)
                order += 1
            given.freeze()
            self._given = given
        return self._given

    def _analyse(
        self, k: int, cancelled: Callable[[], bool]
    ) -> tuple[dict[int, list[Reading]], dict[str, list[Reading]]] | None:
        from store.japanese.orthography import writes_large_kana
        from store.japanese.readings import Annotator
        from store.japanese.rules import detect_style

        if self._large_kana is None:
            opening = _authors_opening(self.doc)
            self._style = self._style or detect_style(opening)
            self._large_kana = writes_large_kana(opening)
        annotator = Annotator(
            self._style, given=self._given_readings(), large_kana=self._large_kana
        )
        blocks: dict[int, list[Reading]] = {}
        notes: dict[str, list[Reading]] = {}
        if k < len(self.pieces):
            first, end = self.pieces[k]
            for i in range(first, end):
                found = _analyse_text(annotator, self.doc.blocks[i], i, cancelled)
                if found is None:
                    return None
                blocks[i] = found
        else:
            order = len(self.doc.blocks)
            for j, note in enumerate(self.doc.footnotes):
                found = _analyse_text(annotator, note, order + j, cancelled)
                if found is None:
                    return None
                notes[note.id] = found
        return blocks, notes

    # -- the cache -----------------------------------------------------------------------
    def _path(self, k: int) -> Path:
        return _cache_dir(self.key) / f"{k}.json"

    def _load(
        self, k: int
    ) -> tuple[dict[int, list[Reading]], dict[str, list[Reading]]] | None:
        if not self.use_cache:
            return None
        try:
            data = json.loads(self._path(k).read_text(encoding="utf-8"))
            if data.get("key") != self.key or data.get("piece") != k:
                return None
            blocks = {}
            if k < len(self.pieces):
                first, end = self.pieces[k]
                rows = data["blocks"]
                if len(rows) != end - first:
                    return None
                for i, block_rows in zip(range(first, end), rows, strict=True):
                    blocks[i] = _decode(block_rows, len(self.doc.blocks[i].text))
            notes = {}
            if k == len(self.pieces):
                notes = {
                    n.id: _decode(data["footnotes"][n.id], len(n.text)) for n in self.doc.footnotes
                }
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        return blocks, notes

    def _save(
        self, k: int, found: tuple[dict[int, list[Reading]], dict[str, list[Reading]]]
    ) -> None:
        if not self.use_cache:
            return
        blocks, notes = found
        data = {
            "key": self.key,
            "piece": k,
            "blocks": [_encode(blocks[i]) for i in sorted(blocks)],
            "footnotes": {note_id: _encode(rs) for note_id, rs in notes.items()},
        }
        with contextlib.suppress(OSError):  # only a cache: the next open analyses again
            atomic.write_json(self._path(k), data, compact=True)


#: Characters of a document's own text its register and kana are judged on.
OPENING_CHARS = 20_000


def _authors_opening(doc: Document) -> str:
    """The opening of the document's own text, without its ``meta`` blocks: an Aozora work's
    colophon (底本, 入力, 校正: dates, a URL, today's kana) made a short pre-war work look like
    modern prose in today's kana (片山廣子「アラン島」, 2,556 characters)."""
    parts: list[str] = []
    size = 0
    for block in doc.blocks:
        if block.kind == "meta":
            continue
        parts.append(block.text)
        size += len(block.text) + 1
        if size >= OPENING_CHARS:
            break
    return "\n".join(parts)[:OPENING_CHARS]


def _ruby(part: Any) -> list[tuple[int, int, str]]:
    return [(r.start, r.end, r.reading) for r in part.ruby]


def _analyse_text(
    annotator: Annotator, part: Any, order: int, cancelled: Callable[[], bool]
) -> list[Reading] | None:
    """Readings of one block or footnote (in parts when it is very long); None if cancelled."""
    if cancelled():
        return None
    if getattr(part, "kind", None) == "code":  # verbatim: never analysed
        return []
    text, ruby = part.text, _ruby(part)
    if len(text) <= PART_CHARS:
        return annotator.readings(text, ruby, at=order)
    out: list[Reading] = []
    for start, end in _parts(text):
        if cancelled():
            return None
        sub = [(s - start, e - start, r) for s, e, r in ruby if start <= s and e <= end]
        for r in annotator.readings(text[start:end], sub, at=order):
            out.append(Reading(r.start + start, r.end + start, r.reading, r.source))
    return out


def _cache_dir(key: str) -> Path:
    from store.paths import cache_dir

    return cache_dir() / "readings" / key


def _encode(readings: Sequence[Reading]) -> list[list[Any]]:
    return [[r.start, r.end, r.reading, r.source] for r in readings]


def _decode(rows: Any, length: int) -> list[Reading]:
    if not isinstance(rows, list):
        raise ValueError("not a list")
    out = []
    for row in rows:
        start, end, reading, source = row
        if not (
            isinstance(start, int)
            and isinstance(end, int)
            and 0 <= start < end <= length
            and isinstance(reading, str)
            and reading
            and source in _SOURCES
        ):
            raise ValueError(f"bad reading {row!r}")
        out.append(Reading(start, end, reading, source))
    return out


def analyse_document(doc: Document) -> DocumentReadings:
    """Analyse ``doc`` without the cache."""
    analysis = DocumentAnalysis(doc, use_cache=False)
    analysis.run_all()
    return analysis.readings


def document_readings(doc: Document, *, use_cache: bool = True) -> DocumentReadings:
    """Readings for every block and footnote of ``doc`` (from the cache where it is valid)."""
    analysis = DocumentAnalysis(doc, use_cache=use_cache)
    analysis.run_all()
    return analysis.readings

