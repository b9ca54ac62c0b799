"""Readings in the document's own kana: large つ, や, ゆ, よ where the text writes no small ones.

Books set before the 1946 reform (and the Aozora Bunko texts typed from them: Ichiyō, Tōson,
Kyōka in their first editions) write no small kana at all: 言つて, 行つた, きやう, and their
printed ruby likewise (尤 もつと, 嫉妬 しつと, 折角 せつかく). The dictionary's readings are
today's (もっと); over such a text they are written as the text writes, so that a reading looks
like the words around it, as the printed ruby does. A text writing small kana now and then
(more than one in twenty of the large spellings, and more than one in all) keeps them.
"""

from __future__ import annotations

from store.patterns import compiled

#: Small kana -> the large ones older orthography writes.
_ENLARGED = str.maketrans("ぁぃぅぇぉっゃゅょゎ", "あいうえおつやゆよわ")
#: Small kana in running text: a geminate or a contracted sound.
_SMALL = "っゃゅょ"
#: The same sounds written large: a geminate つ before て/た after a verb's stem (言つて,
#: 行つた, 思つた) — the spelling no text with small kana uses.
_LARGE = "(?<=[\u4e00-\u9fffいきしちにひみりえけせてねへめれ])つ[てた]"
#: Below this many large spellings in the sample, the text says nothing either way.
_ENOUGH = 3


#: How much of a text is looked at (as ``rules.detect_style`` does for the register).
SAMPLE_CHARS = 20_000


def writes_large_kana(text: str) -> bool:
    """True when ``text`` (a document's opening; its first ``SAMPLE_CHARS`` are read) writes
    its geminates and contracted sounds with large kana and never small ones (言つて, not 言って)."""
    sample = text[:SAMPLE_CHARS]
    small = sum(sample.count(ch) for ch in _SMALL)
    large = len(compiled(_LARGE).findall(sample))  # on first use, not at import
    # one stray small kana is let pass however few the large ones (the 入力、校正、制作にあたった
    # of an Aozora colophon after a short work), else one in twenty
    return large >= _ENOUGH and small * 20 <= max(large, 20)


def enlarged(reading: str) -> str:
    """``reading`` in large kana (もっと -> もつと)."""
    return reading.translate(_ENLARGED)
