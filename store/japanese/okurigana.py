"""Splitting a word's reading over its kanji runs, so kana in the word carry no reading.

読む + よむ → 読/よ, む; 取り組み + とりくみ → 取/と, り, 組/く, み. Kana the reading gives as
said (或は あるいわ, 先づ まず) match the kana written. When the kana written in the word cannot be
found in the reading even so (a dictionary quirk), the word keeps its reading whole rather than
guessing a cut.
"""

from __future__ import annotations

from functools import lru_cache

from store.japanese.chars import is_kanji, to_hiragana
from store.patterns import compiled

Segment = tuple[str, str | None]


def _runs(surface: str) -> list[tuple[bool, str]]:
    runs: list[tuple[bool, str]] = []
    for ch in surface:
        k = is_kanji(ch)
        if runs and runs[-1][0] == k:
            runs[-1] = (k, runs[-1][1] + ch)
        else:
            runs.append((k, ch))
    return runs


@lru_cache(maxsize=65536)
def split_okurigana(surface: str, reading: str | None) -> tuple[Segment, ...]:
    """``(surface, reading)`` → segments whose surfaces join to ``surface``.

    Segments without kanji get ``None``; a word without kanji, or without a reading, is one
    segment with ``None``.
    """
    runs = _runs(surface)
    if not any(k for k, _ in runs) or not reading:
        return ((surface, None),)
    if len(runs) == 1:
        return ((surface, reading),)
    pieces = _match(runs, reading, 0, 0)
    if pieces is None:
        pieces = _match_as_said(runs, reading)
    if pieces is None:
        return ((surface, reading),)
    return tuple((t, piece) for (_, t), piece in zip(runs, pieces, strict=True))


_VOICED = "がぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽ"
_PLAIN = "かきくけこさしすせそたちつてとはひふへほはひふへほ"
#: Kana written one way and read (or given by the dictionary) another, each mapped to one kana
#: so that positions stay the same: a voiced sound the kana leave plain (棒きれ ぼうぎれ), the
#: particles は へ を (或は あるいわ), the older spelling's づ ぢ ゐ ゑ ふ ひ (先づ まず, 思ふ おもう)
#: and its full-size つ や ゆ よ (行つた いった).
_SAID = {"は": "わ", "へ": "え", "を": "お", "ゐ": "い", "ゑ": "え", "ふ": "う", "ひ": "い"}
_SAID |= {"っ": "つ", "ゃ": "や", "ゅ": "ゆ", "ょ": "よ"}
_AS_SAID = str.maketrans(
    {v: _SAID.get(p, p) for v, p in zip(_VOICED, _PLAIN, strict=True)}
    | {"づ": "す", "ぢ": "し"}  # as ず and じ, unvoiced
    | _SAID
)


#: The older spelling's long o written with the a-row and う (可愛さう そう, 見やう よう, 行かう こう),
#: compared after ``_AS_SAID`` (so か stands for が too, わ for は).
_LONG_O = compiled("([かさたなまやらわ])う")
_O_ROW = str.maketrans("かさたなまやらわ", "こそとのもよろお")


def _said(kana: str) -> str:
    """``kana`` as it is said, one kana for one (see ``_AS_SAID``, ``_LONG_O``)."""
    return _LONG_O.sub(lambda m: m[1].translate(_O_ROW) + "う", kana.translate(_AS_SAID))


def _repeat_marks(kana: str) -> str:
    """ゝ and ゞ written out as the kana they repeat (流るゝ: るる)."""
    out: list[str] = []
    for ch in kana:
        if ch in "ゝゞ" and out:
            ch = out[-1] if ch == "ゝ" else chr(ord(out[-1]) + 1)
        out.append(ch)
    return "".join(out)


def _match_as_said(runs: list[tuple[bool, str]], reading: str) -> list[str | None] | None:
    """``_match`` with the written kana and the reading compared as said (``_AS_SAID``); the
    pieces are cut from ``reading`` as it is. Tried only where the literal match fails, so a
    word that matched before is cut as before."""
    said = [(k, text if k else _said(_repeat_marks(to_hiragana(text)))) for k, text in runs]
    pieces = _match(said, _said(reading), 0, 0)
    if pieces is None:
        return None
    out: list[str | None] = []
    pos = 0
    for (k, text), piece in zip(runs, pieces, strict=True):
        if k:
            assert piece is not None
            out.append(reading[pos : pos + len(piece)])
            pos += len(piece)
        else:
            out.append(None)
            pos += len(to_hiragana(text))
    return out


def _match(
    runs: list[tuple[bool, str]],
    reading: str,
    k: int,
    pos: int,
    failed: set[tuple[int, int]] | None = None,
) -> list[str | None] | None:
    """Readings for ``runs[k:]`` over ``reading[pos:]``: kana runs must appear literally, each
    kanji run takes at least one kana, the shortest that lets the rest match (like ``(.+?)``).
    Where a cut at (run, position) has failed once it is not tried again: without that, a long
    word whose kana recur in its reading (漢が漢が…, matched as said) took exponential time."""
    if failed is None:
        failed = set()
    if (k, pos) in failed:
        return None
    found = _match_here(runs, reading, k, pos, failed)
    if found is None:
        failed.add((k, pos))
    return found


def _match_here(
    runs: list[tuple[bool, str]], reading: str, k: int, pos: int, failed: set[tuple[int, int]]
) -> list[str | None] | None:
    if k == len(runs):
        return [] if pos == len(reading) else None
    is_kanji_run, text = runs[k]
    if not is_kanji_run:
        kana = to_hiragana(text)
        if not reading.startswith(kana, pos):
            return None
        rest = _match(runs, reading, k + 1, pos + len(kana), failed)
        return None if rest is None else [None, *rest]
    if k == len(runs) - 1:
        return [reading[pos:]] if pos < len(reading) else None
    kana = to_hiragana(runs[k + 1][1])
    j = reading.find(kana, pos + 1)
    while j != -1:
        rest = _match(runs, reading, k + 1, j, failed)
        if rest is not None:
            return [reading[pos:j], *rest]
        j = reading.find(kana, j + 1)
    return None
