"""What a query term is looked for by (its *plan*), and the fingerprint of what made it.

A bare word's plan needs the analyser (Sudachi: its dictionary and normalised forms, its part
of speech, hence the stems its other forms keep), and every term's plan needs the table of
characters that fold into each other (``store.japanese.matching.literal_pattern``). Loading
Sudachi's dictionary costs ~25–40 ms and holds the GIL, and the fold table ~8 ms: more than the
rest of a ``shiori search`` for a word searched before. So the index keeps each term's plan
(its ``analyses`` table: ``LibraryIndex.plan``), and a repeat search neither imports SudachiPy
nor builds the fold table.

A plan is only as good as what made it: :func:`analyser_fingerprint` names Sudachi's package,
its dictionary (size and time of their files), Shiori's analyser settings and Python's Unicode
tables, and the index forgets every plan when it changes.
"""

from __future__ import annotations

import importlib.util
import json
import os
import unicodedata
from dataclasses import dataclass
from typing import Any

from store.japanese.matching import fold, is_word_query, literal_pattern, word_keys

#: Bump when a plan's content or how it is made changes: plans of another format are forgotten.
PLAN_FORMAT = "2"
#: The packages whose files decide what the analyser says (the code, the dictionary).
ANALYSER_PACKAGES = ("sudachipy", "sudachidict_core")


@dataclass(frozen=True, slots=True)
class Word:
    """The analyser's reading of a one-word query (what ``matching.same_word`` compares)."""

    surface: str
    dictionary_form: str
    normalized_form: str
    pos: tuple[str, ...]
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class TermPlan:
    """How to find one term: its literal pattern and, for a word the analyser was asked about
    (``analysed``), the word and the stems of its other forms with their patterns.

    ``keys`` are what the index is asked for (``matching.word_keys``: the literal and the
    stems, each with whether it is a stem); patterns are ``re`` sources (None: nothing to find).
    """

    text: str
    analysed: bool
    word: Word | None
    keys: tuple[tuple[str, bool], ...]
    pattern: str | None
    stem_patterns: tuple[str | None, ...]

    def to_json(self) -> str:
        w = self.word
        return json.dumps(
            {
                "analysed": self.analysed,
                "word": None
                if w is None
                else [w.surface, w.dictionary_form, w.normalized_form, list(w.pos)],
                "keys": [list(k) for k in self.keys],
                "pattern": self.pattern,
                "stem_patterns": list(self.stem_patterns),
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str, data: str) -> TermPlan:
        """The plan kept for ``text``; raises ValueError (or KeyError, TypeError) if it is not
        one (a damaged row is then made again)."""
        d: dict[str, Any] = json.loads(data)
        w = d["word"]
        word = None if w is None else Word(str(w[0]), str(w[1]), str(w[2]), tuple(map(str, w[3])))
        keys = tuple((str(k), bool(stem)) for k, stem in d["keys"])
        stems = tuple(None if p is None else str(p) for p in d["stem_patterns"])
        if len(stems) != sum(1 for k, _ in keys if k != fold(text)):
            raise ValueError("a stem without its pattern")
        pattern = d["pattern"]
        return cls(text, bool(d["analysed"]), word, keys, None if pattern is None else str(pattern), stems)


def make_plan(text: str, *, analyse: bool) -> TermPlan:
    """The plan of the term ``text``; ``analyse``: ask the analyser whether it is one word
    (a phrase never is), which loads Sudachi."""
    literal = fold(text)
    keys = {literal: False}
    word = _analysed_word(text) if analyse else None
    if word is not None:
        for key, stem in word_keys(word).items():
            keys[key] = keys.get(key, False) or stem
    # a key containing another adds nothing: the shorter one finds it too
    kept = sorted(k for k in keys if k and not any(o != k and o in k for o in keys))
    stems = [k for k in kept if k != literal]
    # a stem is followed by the kana of its ending (思 in 思う, not in 思想)
    return TermPlan(
        text,
        analyse,
        word,
        tuple((k, keys[k]) for k in kept),
        _source(literal_pattern(text)),
        tuple(_source(literal_pattern(k, kana_after=keys[k])) for k in stems),
    )


def _source(pattern: Any) -> str | None:
    return None if pattern is None else str(pattern.pattern)


def _analysed_word(text: str) -> Word | None:
    """The analyser's one content word of ``text``, or None (several words, none, or the
    analyser cannot run)."""
    try:
        from store.japanese.analyzer import tokenize

        morphemes = tokenize(text)
    except Exception:
        return None
    content = [m for m in morphemes if m.surface.strip()]
    if not is_word_query(content):
        return None
    m = content[0]
    return Word(m.surface, m.dictionary_form, m.normalized_form, tuple(m.pos))


def analyser_fingerprint() -> str:
    """What a plan depends on, as one string: the plan format, Python's Unicode tables,
    Shiori's analyser settings, and the size and time of every file of Sudachi's package and
    dictionary (a new version or dictionary replaces them). Found without importing them."""
    from store.japanese.analyzer import SUDACHI_CONFIG

    parts: list[object] = [
        PLAN_FORMAT,
        unicodedata.unidata_version,
        json.dumps(SUDACHI_CONFIG, sort_keys=True),
    ]
    for package in ANALYSER_PACKAGES:
        try:
            spec = importlib.util.find_spec(package)
        except (ImportError, ValueError):
            spec = None
        folders = list(spec.submodule_search_locations or []) if spec is not None else []
        parts.append([package, *_files(folders)])
    return json.dumps(parts, ensure_ascii=False)


def _files(folders: list[str]) -> list[list[object]]:
    """``[path, size, mtime_ns]`` of the files in ``folders`` and one level of sub-folders
    (the dictionary is in ``resources/``), bytecode caches left out."""
    out: list[list[object]] = []
    todo = [(folder, 1) for folder in folders]
    while todo:
        folder, depth = todo.pop()
        try:
            with os.scandir(folder) as it:
                found = sorted(it, key=lambda e: e.name)
        except OSError:
            continue
        for entry in found:
            try:
                if entry.is_dir():
                    if depth and entry.name != "__pycache__":
                        todo.append((entry.path, depth - 1))
                    continue
                st = entry.stat()
            except OSError:
                continue
            out.append([entry.path, st.st_size, st.st_mtime_ns])
    return out
