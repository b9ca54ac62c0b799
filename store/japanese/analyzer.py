"""The Sudachi analyzer, loaded lazily, once per process, with one tokenizer per thread.

Why a wrapper: importing SudachiPy and mapping its 190 MB dictionary costs time the app must not
spend before it paints, and a Sudachi tokenizer is not thread-safe. ``tokenize`` hides both and
feeds Sudachi at most ``MAX_CHUNK_BYTES`` of UTF-8 per call (Sudachi refuses longer input),
cutting at line ends, then sentence ends, so results do not depend on the input size.

The analyzer is configured without two of Sudachi's default plugins, because they spoil readings:
``JoinNumericPlugin`` (joins ``1億5,230万`` into one token read as digits) and
``IgnoreYomiganaPlugin`` (swallows ``齟齬（そご）`` into one token, hiding the gloss we want to use).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any, NamedTuple

from store.japanese.chars import has_kanji, is_kana, to_hiragana

#: Sudachi rejects input above 49149 bytes of UTF-8; stay clear of it.
MAX_CHUNK_BYTES = 40_000

#: Overrides of Sudachi's default configuration (see the module docstring for why).
SUDACHI_CONFIG: dict[str, Any] = {
    "inputTextPlugin": [
        {"class": "com.worksap.nlp.sudachi.DefaultInputTextPlugin"},
        {
            "class": "com.worksap.nlp.sudachi.ProlongedSoundMarkPlugin",
            "prolongedSoundMarks": ["ー", "-", "⁓", "〜", "〰"],
            "replacementSymbol": "ー",
        },
    ],
    "pathRewritePlugin": [
        {
            "class": "com.worksap.nlp.sudachi.JoinKatakanaOovPlugin",
            "oovPOS": ["名詞", "普通名詞", "一般", "*", "*", "*"],
            "minLength": 3,
        }
    ],
}


class Morpheme(NamedTuple):
    """One word of the text: ``text[start:end] == surface``; ``reading`` is hiragana.

    ``reading`` is the dictionary's reading (empty for symbols and spaces); the furigana rules
    may choose another one in context. ``pos`` is Sudachi's six-level part of speech.
    """

    surface: str
    start: int
    end: int
    reading: str
    dictionary_form: str
    normalized_form: str
    pos: tuple[str, ...]
    is_oov: bool = False


_lock = threading.Lock()
_local = threading.local()
_dictionary: Any = None


def dictionary() -> Any:
    """The shared ``sudachipy.Dictionary`` (loaded on first use)."""
    global _dictionary
    if _dictionary is None:
        with _lock:
            if _dictionary is None:
                from sudachipy import Config, Dictionary

                config = Config(**SUDACHI_CONFIG)
                _dictionary = Dictionary(config=config, dict="core")
    return _dictionary


def tokenizer() -> Any:
    """This thread's Sudachi tokenizer (mode C), created on first use."""
    tok = getattr(_local, "tokenizer", None)
    if tok is None:
        from sudachipy import SplitMode

        tok = dictionary().tokenizer(SplitMode.C)
        _local.tokenizer = tok
    return tok


def chunks(text: str, limit: int = MAX_CHUNK_BYTES) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, piece)`` covering ``text``, each piece at most ``limit`` UTF-8 bytes.

    Pieces end at a line end when possible, else after 。！？, else anywhere (never inside a
    surrogate-free code point, since ``str`` indexing is by code point).
    """
    n = len(text)
    if len(text) * 4 <= limit or len(text.encode("utf-8")) <= limit:
        if text:
            yield 0, text
        return
    pos = 0
    while pos < n:
        # Code points take at most 4 bytes: limit // 4 chars is always safe; try more first.
        end = min(n, pos + limit // 3)
        while end > pos and len(text[pos:end].encode("utf-8")) > limit:
            end = pos + (end - pos) * 3 // 4
        if end < n:
            cut = text.rfind("\n", pos, end)
            if cut <= pos:
                cut = max(text.rfind(p, pos, end) for p in "。！？.!?")
            end = cut + 1 if cut > pos else end
        yield pos, text[pos:end]
        pos = end


_pos_cache: dict[int, tuple[str, ...]] = {}


def iter_sudachi(text: str) -> Iterator[tuple[int, Any]]:
    """Raw Sudachi morphemes with the offset of their chunk (for callers that need speed)."""
    tok = tokenizer()
    for offset, piece in chunks(text):
        for m in tok.tokenize(piece):
            yield offset, m


def pos_of(m: Any) -> tuple[str, ...]:
    pid = m.part_of_speech_id()
    pos = _pos_cache.get(pid)
    if pos is None:
        pos = _pos_cache[pid] = tuple(m.part_of_speech())
    return pos


def reading_of(surface: str, reading_form: str) -> str:
    """The dictionary reading in hiragana, or "" for symbols, digits, Latin and spaces."""
    if has_kanji(surface) or any(is_kana(ch) for ch in surface):
        return to_hiragana(reading_form)
    return ""


def _in_standard_forms(text: str) -> str:
    """``text`` as the readings analyse it: old character forms (團扇, 此處) in their standard
    forms outside words the dictionary knows in the old spelling (``tokens.word_tokens``), so
    a word's popup says what its furigana says (團扇 うちわ, not 團 だん). ``text`` itself
    (the same object) when it has none."""
    from store.japanese.kanjidic import old_forms

    standard = text.translate(old_forms())
    if standard == text:
        return text
    from store.japanese.tokens import standard_outside_known_words, sudachi_tokens

    return standard_outside_known_words(text, standard, sudachi_tokens(text))


def tokenize(text: str) -> list[Morpheme]:
    """Split ``text`` into words (Sudachi mode C); offsets index ``text``. Variation
    selectors (葛󠄀) are not shown to Sudachi: each stays in the word of the character before
    it (``store.japanese.selectors``)."""
    from store.japanese.selectors import Stripped, has_selectors

    stripped = Stripped(text) if has_selectors(text) else None
    clean = text if stripped is None else stripped.text
    analysed = _in_standard_forms(clean)
    out: list[Morpheme] = []
    for offset, m in iter_sudachi(analysed):
        surface = m.surface()
        start, end = offset + m.begin(), offset + m.end()
        if analysed is not clean:
            surface = clean[start:end]  # one character for one: the text's own forms shown
        if stripped is not None:
            start, end = stripped.to_original(start), stripped.to_original(end)
            surface = text[start:end]
        out.append(
            Morpheme(
                surface=surface,
                start=start,
                end=end,
                reading=reading_of(surface, m.reading_form()),
                dictionary_form=m.dictionary_form(),
                normalized_form=m.normalized_form(),
                pos=pos_of(m),
                is_oov=m.is_oov(),
            )
        )
    return out
