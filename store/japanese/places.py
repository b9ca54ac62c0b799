"""Places and their festivals, where the dictionary took the word for a person or a common noun.

高野山 (こうやさん) is also a family name, たかのやま, and Sudachi's path takes the name even
where nobody is named (高野山の奥の院); 高山 after 飛騨 is the town, たかやま, not a high
mountain, こうざん; a festival named after a place or a shrine is a まつり (天神祭, 札幌祭),
where 祭 after a common noun stays さい (文化祭, 音楽祭, 映画祭). Found in a careful reader's
pass over essays on seasons and customs (2026-12-07).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from store.japanese.chars import to_hiragana
from store.japanese.neighbours import next_token as _next
from store.japanese.neighbours import prev_token as _prev
from store.japanese.offices import HONORIFICS, office_follows

if TYPE_CHECKING:
    from store.japanese.rules import Token

#: What a mountain's, a temple's or a lake's name ends in: such a word named by itself is the
#: place, whatever family bears the name too.
_GEOGRAPHIC = ("山", "岳", "峠", "湖", "島", "寺")


@lru_cache(maxsize=1024)
def place_reading(surface: str) -> str | None:
    """The dictionary's reading of ``surface`` as a place, where it has one, else None."""
    from store.japanese.alternatives import dictionary_entries

    for m in dictionary_entries(surface):
        if m.surface() == surface and m.part_of_speech()[2] == "地名":
            return to_hiragana(m.reading_form())
    return None


def named_place(tokens: list[Token], i: int) -> str | None:
    """A mountain's or a temple's name the dictionary took for a family name, standing where no
    person is named (no given name, honorific or office after it), is the place: 高野山の奥の院
    こうやさん (was たかのやま)."""
    tok = tokens[i]
    if tok.pos[2:4] != ("人名", "姓") or len(tok.surface) < 3:
        return None
    if not tok.surface.endswith(_GEOGRAPHIC):
        return None
    nxt = _next(tokens, i)
    if nxt is not None and (
        nxt.pos[2] == "人名" or nxt.surface in HONORIFICS or office_follows(tokens, i + 1)
    ):
        return None
    reading = place_reading(tok.surface) or _named_by_jmnedict(tok.surface)
    return reading if reading is not None and reading != tok.reading else None


def _named_by_jmnedict(surface: str) -> str | None:
    """JMnedict's reading of a natural place the dictionary knows only as a family name
    (阿蘇山 あそさん; ``words.tsv``, where its places are), else None."""
    from store.japanese.words import word_reading

    return word_reading(surface)


def town_of(tokens: list[Token], i: int) -> str | None:
    """高山 right after a province or a place is the town, たかやま (飛騨高山); the dictionary's
    こうざん is a high mountain (高山植物)."""
    tok, prev = tokens[i], _prev(tokens, i)
    if tok.surface != "高山" or tok.reading != "こうざん" or prev is None:
        return None
    return "たかやま" if prev.end == tok.start and prev.pos[2] == "地名" else None


def festival(tokens: list[Token], i: int) -> str | None:
    """祭 after a place's or a shrine's name is まつり (天神祭, 札幌祭: a festival of that place);
    after a common noun it stays the event's さい (文化祭, 音楽祭)."""
    tok, prev = tokens[i], _prev(tokens, i)
    if tok.surface != "祭" or tok.reading != "さい" or prev is None or prev.end != tok.start:
        return None
    return "まつり" if prev.pos[1] == "固有名詞" else None


def post_town(tokens: list[Token], i: int) -> str | None:
    """宿 right after a proper noun is a post town of the old highways, じゅく (妻籠宿, 馬籠宿,
    品川宿, 大内宿); after a common noun it stays an inn, やど (温泉宿), and so after の."""
    tok, prev = tokens[i], _prev(tokens, i)
    if tok.surface != "宿" or tok.reading != "やど" or prev is None or prev.end != tok.start:
        return None
    return "じゅく" if prev.pos[1] == "固有名詞" and not prev.gap and not tok.gap else None


#: Brackets a reading is given in right after its word (四万十（しまんと）川).
_OPEN, _CLOSE = frozenset("（("), frozenset("）)")


def suffix_after_gloss(tokens: list[Token], i: int) -> str | None:
    """A place's suffix after the reading its name was given in brackets reads as it does right
    after the name: 四万十（しまんと）川 がわ, 長万部（おしゃまんべ）町 ちょう — the bracket hid the
    name from the word after it, which was read alone (かわ, まち)."""
    tok = tokens[i]
    if i < 3 or len(tok.surface) > 2 or tokens[i - 1].surface not in _CLOSE:
        return None
    k = i - 2
    while k > 0 and tokens[k].surface not in _OPEN:
        if tokens[k].has_kanji or i - k > 8:
            return None  # not a reading in kana
        k -= 1
    word = tokens[k - 1] if k > 0 else None
    if word is None or not word.has_kanji or word.end != tokens[k].start:
        return None
    from store.japanese.readings import analysed_readings

    combined = word.surface + tok.surface
    for r in analysed_readings(combined):
        if r.start == len(word.surface) and r.end == len(combined):
            return r.reading if r.reading != tok.reading else None
        if (r.start, r.end) == (0, len(combined)) and r.reading.startswith(word.reading):
            rest = r.reading[len(word.reading) :]  # the name and its suffix read as one word
            return rest if rest and rest != tok.reading else None
    return None
