"""Set phrases JMdict knows that Sudachi cuts at a particle and reads otherwise.

着の身着のまま is きのみきのまま (with nothing but the clothes one wears), but Sudachi cuts it
着|の|身|着|の|まま and reads the second 着 as the suffix ぎ; 一か八か is いちかばちか, read
いち·はち. ``phrases.tsv`` (built by ``tools/build_phrases_table.py``; EDRDG licence, see its
header) holds the ~950 expressions JMdict reads one way only whose reading Sudachi's cut
cannot give, and the sayings of six characters or more, verb and all, that the cut reads
otherwise than JMdict (絵に描いた餅 えがいた for かいた, 言うは易く行うは難し がたし for かたし). Where the text's words are exactly such a cut, each word with kanji takes its part
of the phrase's reading (the kana words are the anchors: 一(いち)か八(ばち)か), so the phrase
keeps Sudachi's segments. Read on first use only.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from store.japanese.chars import to_hiragana
from store.japanese.rules import Token
from store.japanese.tables import has_prefix, longest_entry

TABLE = Path(__file__).with_name("phrases.tsv")
#: The most words a phrase is cut into that are tried (the table's longest cut is shorter).
MOST_WORDS = 16


def read_phrases(tokens: list[Token]) -> None:
    """Give the words of each table phrase in ``tokens`` their parts of its reading."""
    i, n = 0, len(tokens)
    while i < n:
        found = _phrase_at(tokens, i) if tokens[i].has_kanji else None
        if found is None:
            i += 1
            continue
        end, reading = found
        if _read_over(tokens[i:end], reading):
            i = end
        else:
            i += 1


@lru_cache(maxsize=65536)
def _may_start_phrase(surface: str) -> bool:
    """True when a phrase of the table starts with ``surface`` (asked once per word: the
    words repeat, and few start a phrase)."""
    return has_prefix(TABLE, surface)


def _phrase_at(tokens: list[Token], i: int) -> tuple[int, str] | None:
    """The longest table phrase whose cut starts at ``tokens[i]``: (end index, reading)."""
    if not _may_start_phrase(tokens[i].surface):
        return None
    found = longest_entry(TABLE, tokens, i, MOST_WORDS)
    return None if found is None else (found[0], found[1][0])


def _read_over(words: list[Token], reading: str) -> bool:
    """Share ``reading`` among ``words``: the kana words anchor it, each run of words with
    kanji takes the part between, split by the words' own readings where they fit it (身|着
    みき: 身 み, 着 き). False (nothing changed) when the reading does not fall so."""
    if any(w.absorbed for w in words):
        return False  # a number rule read a word together with its neighbour
    runs: list[list[Token]] = []
    pattern = []
    for k, w in enumerate(words):
        if w.has_kanji:
            if k == 0 or not words[k - 1].has_kanji:
                runs.append([])
                pattern.append("(.+?)")
            runs[-1].append(w)
        else:
            pattern.append(re.escape(to_hiragana(w.surface)))
    m = re.fullmatch("".join(pattern), reading)
    if m is None:
        return False
    parts = [_split(run, part) for run, part in zip(runs, m.groups(), strict=True)]
    if any(p is None for p in parts):
        return False
    for run, part in zip(runs, parts, strict=True):
        assert part is not None
        for w, r in zip(run, part, strict=True):
            w.reading, w.source = r, "dict"
    return True


def _split(run: list[Token], reading: str) -> list[str] | None:
    """``reading`` over the words of ``run``: each but the last takes its own reading where the
    rest starts with it, the last takes what is left; None when that leaves nothing."""
    out = []
    rest = reading
    for w in run[:-1]:
        if not w.reading or not rest.startswith(w.reading) or rest == w.reading:
            return None
        out.append(w.reading)
        rest = rest[len(w.reading) :]
    out.append(rest)
    return out
