"""Finding a query in Japanese text: folding, literal matches, a word's other forms, sentences.

One set of rules for every search: the reader's ``/`` in one document and the library search
over all of them (``store.search``) both match a query literally (ignoring case and full/half
width) and, for a one-word query, also the word's inflections through the analyser's
dictionary form: 取り組む finds 取り組み and 取り組んで. Offsets are ``str`` indices into the
text searched, never cells.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Protocol

from store.japanese.chars import HIRAGANA, has_kanji, is_hiragana, is_kanji, is_katakana
from store.japanese.selectors import SELECTOR_RE, has_selectors
from store.patterns import compiled

#: Characters that end a sentence; closing brackets right after them belong to that sentence.
SENTENCE_END = frozenset("。！？!?．")
CLOSERS = frozenset("」』）)】〕〉》\"'")

#: Verb endings (dictionary form) whose 連用形 (i-row) makes the noun: 取り組む → 取り組み.
#: Any variation selectors after a character of a literal pattern.
_SELECTORS_AFTER = f"{SELECTOR_RE.pattern}*"

_RENYOU = dict(zip("うくぐすつぬぶむる", "いきぎしちにびみり", strict=True))
#: Parts of speech whose words inflect (the last kana of the dictionary form changes).
INFLECTING = frozenset({"動詞", "形容詞", "助動詞"})


class WordForms(Protocol):
    """What telling two words the same needs (the library search asks only this much of
    the analyser for most words)."""

    # Read-only (properties): the analyser's Morpheme is a frozen dataclass.
    @property
    def dictionary_form(self) -> str: ...
    @property
    def normalized_form(self) -> str: ...
    @property
    def pos(self) -> tuple[str, ...]: ...


class MorphemeLike(WordForms, Protocol):
    @property
    def surface(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_DIGITS = frozenset("0123456789０１２３４５６７８９")


def _numeral_point(text: str, i: int) -> bool:
    """Whether the full stop at ``i`` belongs to a number rather than ending a sentence: a
    decimal point (``３．５``) or a list number's (``１．2025年の国際情勢`` at a line's start)."""
    if i == 0 or text[i - 1] not in _DIGITS:
        return False
    if i + 1 < len(text) and text[i + 1] in _DIGITS:
        return True
    j = i - 1
    while j >= 0 and text[j] in _DIGITS:
        j -= 1
    return j < 0 or text[j] in "\n \u3000"


def _ends_sentence(text: str, i: int) -> bool:
    return text[i] == "\n" or (text[i] in SENTENCE_END and not _numeral_point(text, i))


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences start: after 。！？ (and their closing brackets) and after "\\n";
    a full stop in a number (``３．５``, the list number ``１．``) ends none."""
    starts = [0]
    n = len(text)
    i = 0
    while i < n:
        if _ends_sentence(text, i):
            j = i + 1
            while j < n and text[j] in CLOSERS:
                j += 1
            while j < n and text[j] in " \u3000\n":
                j += 1
            if j < n and j != starts[-1]:
                starts.append(j)
            i = j
            continue
        i += 1
    return starts


_SENTENCE_END_RE = compiled("[。！？!?．\n][" + re.escape("".join(sorted(CLOSERS))) + "]*")
_ENDS = SENTENCE_END | {"\n"}


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """``(first, last)`` of the sentence(s) holding ``text[start:end]`` (the rules of
    :func:`sentence_starts`), without the spaces that open or close them."""
    i = start - 1
    while i >= 0 and not (text[i] in _ENDS and _ends_sentence(text, i)):
        i -= 1
    first = i + 1
    if i >= 0:  # closing brackets right after the end belong to the sentence before
        while first < start and text[first] in CLOSERS:
            first += 1
    found = next(
        (m for m in _SENTENCE_END_RE.finditer(text, max(end, first)) if _ends_sentence(text, m.start())),
        None,
    )
    last = found.end() if found else len(text)
    while first < last and text[first] in " \u3000\n":
        first += 1
    while last > first and text[last - 1] in " \u3000\n":
        last -= 1
    return first, last


#: Characters that bound a clause: sentence ends, commas, brackets, spaces, dashes and leaders.
CLAUSE_BREAKS = "、。，．！？!?,「」『』（）()〈〉《》【】〔〕［］[] \u3000\n…―"
_CLAUSE_BREAK_RE = compiled("[" + re.escape(CLAUSE_BREAKS) + "]")


#: Characters of context the analyser is given before and after a word it is asked about
#: (then on to where the script changes), within its clause.
WORD_CONTEXT = (6, 8)


def word_context(text: str, start: int, end: int) -> tuple[int, int]:
    """``(first, last)`` of the text the analyser needs to read the word at ``[start, end)``
    as it reads it in its sentence: :data:`WORD_CONTEXT` characters either side, widened to
    where the script changes (kanji, hiragana, katakana, other) so that no word next to it is
    cut, and never past the marks that bound its clause (:data:`CLAUSE_BREAKS`), which are
    kept: the analyser reads a word after 「 or before 、 as in the sentence, and without
    them not always (「強がる).

    What the library search asks the analyser about: its time goes with the text, and this is
    13 characters on average where a sentence is 49. Checked against whole sentences for 23
    common verbs and adjectives over eight novels and the seeds (6,586 places): the same
    verdict at every one.
    """
    before, after = WORD_CONTEXT
    first = max(0, start - before)
    while first > 0 and _script(text[first - 1]) == _script(text[first]):
        first -= 1
    for mark in _CLAUSE_BREAK_RE.finditer(text, first, start):
        first = mark.start()
    n = len(text)
    last = min(n, end + after)
    while last < n and _script(text[last - 1]) == _script(text[last]):
        last += 1
    closing = _CLAUSE_BREAK_RE.search(text, end, last)
    return first, (closing.end() if closing else last)


def _script(ch: str) -> int:
    return 1 if is_hiragana(ch) else 2 if is_katakana(ch) else 3 if is_kanji(ch) else 0


def _fold_char(ch: str) -> str:
    """``ch`` compared loosely: NFKC (full-width ＡＢ１ and half-width ｱ fold) and case-folded,
    kept only when that is still one character (so offsets stay put)."""
    folded = unicodedata.normalize("NFKC", ch).casefold()
    return folded if len(folded) == 1 else ch


#: Characters that fold to another (by code point), and every character already looked at.
_FOLDS: dict[int, str] = {}
_SEEN: set[str] = set()


def fold(text: str) -> str:
    """``text`` with every character folded by :func:`_fold_char`; same length, same offsets."""
    new = set(text) - _SEEN
    if new:
        for ch in new:
            folded = _fold_char(ch)
            if folded != ch:
                _FOLDS[ord(ch)] = folded
        _SEEN.update(new)
    return text.translate(_FOLDS)


def find_literal(text: str, query: str, folded: str | None = None) -> list[tuple[int, int]]:
    """Every occurrence of ``query``, non-overlapping, ignoring case and full/half width
    (icbm finds ＩＣＢＭ) and the variation selectors of the text (葛飾 finds 葛󠄀飾);
    ``folded`` is ``fold(text)`` when the caller keeps it."""
    if not query:
        return []
    if has_selectors(text) or has_selectors(query):
        return find_pattern(text, literal_pattern(query))
    hay, needle = folded if folded is not None else fold(text), fold(query)
    out: list[tuple[int, int]] = []
    start = 0
    while True:
        i = hay.find(needle, start)
        if i < 0:
            return out
        out.append((i, i + len(needle)))
        start = i + max(1, len(needle))


#: Code points looked at for characters that fold into another: the Basic Multilingual Plane
#: and the letter-like blocks beyond it (mathematical alphanumerics, enclosed alphanumerics),
#: less the CJK ideographs and Hangul syllables (none folds into another; every search
#: process builds this table, so its cost is start-up).
_FOLD_RANGES = (
    (0, 0x3400),
    (0x4DC0, 0x4E00),
    (0xA000, 0xAC00),
    (0xD7A4, 0xD800),
    (0xE000, 0x10000),
    (0x1D400, 0x1D800),
    (0x1F100, 0x1F200),
)
_PREIMAGES: dict[str, str] | None = None


def _preimages() -> dict[str, str]:
    """Folded character -> the other characters that fold into it (``i`` -> ``Iｉ…``)."""
    global _PREIMAGES
    if _PREIMAGES is None:
        table: dict[str, str] = {}
        decomposition, normalize = unicodedata.decomposition, unicodedata.normalize
        for lo, hi in _FOLD_RANGES:
            for code in range(lo, hi):
                ch = chr(code)
                if ch.casefold() == ch and not decomposition(ch):
                    continue  # neither case nor a compatibility form: folds to itself
                folded = normalize("NFKC", ch).casefold()
                if len(folded) == 1 and folded != ch:
                    table[folded] = table.get(folded, "") + ch
        _PREIMAGES = table
    return _PREIMAGES


def literal_pattern(query: str, *, kana_after: bool = False) -> re.Pattern[str] | None:
    """A pattern that finds ``query`` as :func:`find_literal` does, in the text as it is (no
    folded copy of a large text to make): each character stands for every character that
    folds into it (``kana_after``: only where a hiragana follows). None for an empty query."""
    needle = fold(query)
    if not needle:
        return None
    table = _preimages()
    parts = []
    for ch in needle:
        if SELECTOR_RE.fullmatch(ch):
            continue  # a selector in the query picks a glyph, as in the text: never required
        others = table.get(ch)
        parts.append(f"[{re.escape(ch + others)}]" if others else re.escape(ch))
        parts.append(_SELECTORS_AFTER)  # 葛飾 finds 葛󠄀飾: a glyph's selector is not a letter
    if kana_after:
        parts.append(f"(?=[{HIRAGANA}])")
    return compiled("".join(parts))


def find_pattern(text: str, pattern: re.Pattern[str] | None) -> list[tuple[int, int]]:
    """Every match of a :func:`literal_pattern`, non-overlapping (as :func:`find_literal`)."""
    if pattern is None:
        return []
    return [m.span() for m in pattern.finditer(text)]


def _stem(m: WordForms) -> str | None:
    """The 連用形 noun form of a verb (取り組む → 取り組み), or None."""
    form = m.dictionary_form
    if m.pos and m.pos[0] == "動詞" and len(form) >= 2 and form[-1] in _RENYOU:
        return form[:-1] + _RENYOU[form[-1]]
    return None


def same_word(m: WordForms, q: WordForms) -> bool:
    """``m`` is an inflection (or the 連用形 noun) of the query word ``q``."""
    if m.dictionary_form == q.dictionary_form or (
        m.normalized_form == q.normalized_form and q.normalized_form
    ):
        return True
    qs, ms = _stem(q), _stem(m)
    return (qs is not None and m.dictionary_form == qs) or (
        ms is not None and q.dictionary_form == ms
    )


def is_word_query(query_morphemes: Sequence[MorphemeLike]) -> bool:
    """A query worth matching by dictionary form: one content word (a verb, noun, adjective…)."""
    words = [m for m in query_morphemes if m.surface.strip()]
    return len(words) == 1 and bool(re.search(r"[^\W\d_]", words[0].surface))


def find_word(
    morphemes: Iterable[MorphemeLike], query: MorphemeLike, offset: int = 0
) -> list[tuple[int, int]]:
    """Spans (shifted by ``offset``) of the morphemes that are forms of ``query``."""
    return [(offset + m.start, offset + m.end) for m in morphemes if same_word(m, query)]


def word_keys(q: MorphemeLike) -> dict[str, bool]:
    """Strings at least one of which every form of the word ``q`` contains (folded), each
    with whether it is a *stem* (a form with its last kana dropped: an inflection always
    goes on with a kana right after it).

    What :func:`same_word` accepts keeps the word's stem: an inflection keeps the dictionary
    form without its last kana (取り組む, 取り組ん → 取り組), the 連用形 noun too (取り組み), and a
    spelling without the inner okurigana keeps the kanji (取組み → 取組, of two characters at
    least). So a search over a large text can look for these first and ask the analyser only
    where one occurs. Spelling variants that share no characters (附属 / 付属) are not covered.
    """
    keys: dict[str, bool] = {}
    for form in {q.dictionary_form, q.normalized_form} - {""}:
        inflects = bool(q.pos) and q.pos[0] in INFLECTING
        stem = len(form) >= 2 and is_hiragana(form[-1]) and (inflects or form[-1] in _RENYOU.values())
        key = form[:-1] if stem else form
        keys[fold(key)] = keys.get(fold(key), False) or stem
        if has_kanji(key):
            bare = "".join(ch for ch in key if not is_hiragana(ch))
            if len(bare) >= 2 and bare != key:
                keys.setdefault(fold(bare), False)
    return keys


def merge_spans(*groups: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of spans, sorted, with overlapping ones merged."""
    spans = sorted(s for g in groups for s in g)
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
