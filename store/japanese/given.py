"""Readings the document gives itself, remembered for the rest of the document.

A document tells its reader how to read a word in three ways, and a careful reader then reads
every later occurrence the same way:

- ruby (``蓮《はす》``, a PDF's ruby line): the reading of those characters;
- a reading in brackets after a word (``齟齬（そご）``);
- a name with its reading in katakana (``尹錫悦（ユン・ソンニョル）``): the parts of the gloss are
  the parts of the name (尹 ゆん, 錫悦 そんにょる), and the family name alone before an office
  (``尹大統領``, ``尹政権``) is a short form of the same name.

A full name the names table knows (``store.japanese.names``: 金正恩 きむ じょんうん, 岸田文雄)
is read from it wherever it stands as a name, and teaches its family name the same way
(``金総書記``), as a dictionary reading (source ``dict``), not as the text's own.

``GivenReadings.learn`` finds them in a paragraph (the spans at their own place) and
``recall`` finds later occurrences. A learned word of one character counts only where it
stands as a word of its own, between characters that are not kanji (``蓮`` read はす is not the
蓮 of 蓮華, nor 経《へ》 the 経 of 因縁経), and, when the ruby stood on a word's stem (目《なづ》けて,
事《つか》え), only before the same okurigana (not 二年目, 教えた事); a numeral's reading belongs
to its counter or number (三《み》たび is not 三疋, 一九《いっく》 not 一一九頁), so a lone numeral is
never learned and a longer one counts only between characters that are not kanji; a family
name only at the start of a word and before an office (日韓首脳 is not a short form of 韓悳洙).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import Literal, NamedTuple

from store.japanese.chars import is_kanji, is_reading, to_hiragana
from store.japanese.kanjidic import kanji_reading
from store.japanese.names import SHORTEST, person_name
from store.japanese.offices import OFFICE_PREFIXES, is_office
from store.japanese.rules import Token
from store.japanese.selectors import Stripped, has_selectors
from store.japanese.surnames import family_name, table_surnames
from store.patterns import compiled

Source = Literal["source", "gloss", "dict", "guess"]
#: (start, end, reading, source) of a reading the document gives.
Span = tuple[int, int, str, Source]
#: Dictionary words of a text (used to check a reading's span and a name's parts).
Tokenize = Callable[[str], list[Token]]

#: The brackets of a reading in hiragana (齟齬（そご）) and of a name's reading in katakana
#: (尹錫悦（ユン・ソンニョル）, parts split by ・). The kanji before them are found by walking back
#: (``_kanji_before``): a character class of every kanji costs ~3 ms to compile, in every process.
_BRACKET_HIRAGANA = compiled(r"[（(]([ぁ-ゖー]{1,30})[）)]")
_BRACKET_KATAKANA = compiled(r"[（(]([ァ-ヺー]+(?:[・･＝=][ァ-ヺー]+)*)[）)]")
#: Okurigana between a word and its bracketed reading (取り沙汰される（…）: at most four kana).
_MAX_OKURIGANA = 4
#: Kanji of a name glossed in katakana.
_MAX_NAME = 6


def _gloss_kanji(ch: str) -> bool:
    o = ord(ch)
    return (
        0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3FFFF or ch in "々〆ヶ"
    )


def _kanji_before(text: str, end: int, limit: int = 0) -> int:
    """Where the run of kanji ending at ``end`` starts (``end`` when there is none); at most
    ``limit`` characters back when ``limit`` is set."""
    start = end
    floor = max(0, end - limit) if limit else 0
    while start > floor and _gloss_kanji(text[start - 1]):
        start -= 1
    return start


def _bracket_glosses_in(text: str) -> list[tuple[int, str, str, str]]:
    """(start, kanji run, okurigana, reading) of each ``漢字かな（よみ）`` in ``text``."""
    found = []
    for m in _BRACKET_HIRAGANA.finditer(text):
        okuri_start = m.start()
        while (
            okuri_start > m.start() - _MAX_OKURIGANA
            and okuri_start > 0
            and "\u3041" <= text[okuri_start - 1] <= "\u3096"
        ):
            okuri_start -= 1
        start = _kanji_before(text, okuri_start)
        if start < okuri_start:
            found.append(
                (start, text[start:okuri_start], text[okuri_start : m.start()], m.group(1))
            )
    return found


def _name_glosses_in(text: str) -> list[tuple[int, str, str]]:
    """(start, kanji, katakana reading) of each ``漢字（カナ）`` in ``text`` (up to six kanji)."""
    found = []
    for m in _BRACKET_KATAKANA.finditer(text):
        start = _kanji_before(text, m.start(), _MAX_NAME)
        if start < m.start():
            found.append((start, text[start : m.start()], m.group(1)))
    return found


#: Kanji, for the runs a full name is looked for in (``store.japanese.names``).
_KANJI = r"\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff々〆ヶ"


#: Offices only China and Taiwan have: the name before one is Chinese (read in on-readings).
CHINESE_OFFICES = (
    "外交部長",
    "国防部長",
    "商務部長",
    "総統",
    "国家主席",
    "国家副主席",
    "国務院総理",
    "行政院長",
    "立法院長",
)


@cache
def _surname_run() -> re.Pattern[str]:
    return compiled(rf"[{_KANJI}]{{3,}}")


@cache
def _kanji_run() -> re.Pattern[str]:
    return compiled(rf"[{_KANJI}]{{{SHORTEST},}}")


class Given(NamedTuple):
    """A reading the document gave a word: ``parts`` are (offset in the word, length, reading);
    ``at`` is where the document gave it (a paragraph number; -1: unknown, i.e. already);
    ``tail`` the okurigana a one-kanji word was given before (a stem: 目《なづ》けて → け), which
    a later occurrence must have too (not for longer words: 挨拶《あいさつ》し is the 挨拶 of 挨拶を)."""

    parts: tuple[tuple[int, int, str], ...]
    at: int = -1
    tail: str = ""


#: Kanji numerals: a numeral's reading is its counter's or its number's (三たび, 三疋, 一一九).
_NUMERALS = frozenset("〇一二三四五六七八九十百千万億兆零壱弐参拾廿卅")
#: Kana that start a particle or a copula after a noun (蓮《はす》の, 間《ひま》に): a one-kanji
#: word given before one of these is a noun, not a stem with okurigana.
_PARTICLE_STARTS = frozenset("のがをにへとでやはもかよだなば")


def _is_numeral(word: str) -> bool:
    return all(ch in _NUMERALS for ch in word)


def _is_number_char(ch: str) -> bool:
    return bool(ch) and (ch in _NUMERALS or ch.isdigit())


def _okurigana_after(text: str, end: int) -> str:
    """The kana a one-kanji word is given before when it is a stem (``け`` of 目《なづ》けて), or
    "" when what follows starts a particle or is no hiragana at all."""
    nxt = text[end : end + 1]
    if nxt and "\u3041" <= nxt <= "\u3096" and nxt not in _PARTICLE_STARTS:
        return nxt
    return ""


class GivenReadings:
    """What one document has taught so far (feed it the paragraphs in order)."""

    def __init__(self) -> None:
        #: word -> its reading, by parts
        self.words: dict[str, Given] = {}
        #: family name -> (its reading, where it was given, how), from a name glossed in
        #: katakana or one the names table knows
        self.families: dict[str, tuple[str, int, Source]] = {}
        self._index: dict[str, list[str]] | None = None
        #: (index, number of families, pattern of the characters a recalled word can start with)
        self._starts: tuple[dict[str, list[str]], int, re.Pattern[str]] | None = None
        #: True once a whole document has been learned (``learn`` then only finds spans)
        self.frozen = False
        self._at = -1

    def freeze(self) -> None:
        """Stop learning: the document has been read through once."""
        self.frozen = True
        self._word_index()

    # -- learning ------------------------------------------------------------------------
    def learn(
        self,
        text: str,
        source_ruby: Sequence[tuple[int, int, str]],
        tokenize: Tokenize,
        at: int = -1,
    ) -> list[Span]:
        """The readings ``text`` (paragraph number ``at``) gives at their own place;
        remembered for later unless frozen. Learned from the text without its variation
        selectors, as the readings are found (``store.japanese.selectors``)."""
        if has_selectors(text):
            stripped = Stripped(text)
            back = stripped.to_original
            return [
                (back(s), back(e), reading, source)
                for s, e, reading, source in self._learn(
                    stripped.text, stripped.ruby_to_clean(source_ruby), tokenize, at
                )
            ]
        return self._learn(text, source_ruby, tokenize, at)

    def _learn(
        self,
        text: str,
        source_ruby: Sequence[tuple[int, int, str]],
        tokenize: Tokenize,
        at: int,
    ) -> list[Span]:
        self._at = at
        spans: list[Span] = []
        runs: list[tuple[int, int, list[tuple[int, int, str]]]] = []
        for start, end, reading in sorted(source_ruby):
            reading = to_hiragana(reading)
            if not (0 <= start < end <= len(text) and is_reading(reading)):
                continue
            spans.append((start, end, reading, "source"))
            if runs and runs[-1][1] == start:
                runs[-1] = (runs[-1][0], end, [*runs[-1][2], (start, end, reading)])
            else:
                runs.append((start, end, [(start, end, reading)]))
        for start, end, parts in runs:
            word = text[start:end]
            if all(is_kanji(ch) for ch in word) and not (len(word) == 1 and _is_numeral(word)):
                tail = _okurigana_after(text, end) if len(word) == 1 else ""
                given = Given(tuple((a - start, b - a, r) for a, b, r in parts), tail=tail)
                self._remember(word, given)
        if "（" in text or "(" in text:
            spans.extend(self._bracket_glosses(text, tokenize))
            spans.extend(self._name_glosses(text, tokenize))
        spans.extend(self._known_names(text, tokenize, spans))
        spans.extend(self._chinese_surnames(text, tokenize, spans))
        self._table_surnames(text, tokenize)
        return spans

    def _table_surnames(self, text: str, tokenize: Tokenize) -> None:
        """A family name the surnames table reads as its people do, standing as a person's
        name (大谷翔平 おおたに, 西沢さん): remembered, so that the name standing alone later
        reads so too (大谷は, not the dictionary's おおや)."""
        if self.frozen:
            return
        for surname, reading in table_surnames().items():
            if surname in self.families or surname not in text:
                continue
            for m in re.finditer(re.escape(surname), text):
                words = tokenize(text[m.start() : m.end() + 8])
                if words and words[0].surface == surname and family_name(words, 0) == reading:
                    self.families[surname] = (reading, self._at, "dict")
                    break

    def _remember(self, word: str, given: Given) -> None:
        if self.frozen or word in self.words:
            return  # the first reading the document gave a word is the one reused
        self.words[word] = Given(given.parts, self._at, given.tail)
        self._index = None

    def _bracket_glosses(self, text: str, tokenize: Tokenize) -> list[Span]:
        found: list[Span] = []
        for run_start, run, okuri, gloss in _bracket_glosses_in(text):
            if okuri:
                if not gloss.endswith(okuri) or len(gloss) <= len(okuri):
                    continue
                gloss = gloss[: -len(okuri)]
            start, end = _gloss_span(run, gloss, run_start, tokenize)
            if start is None:
                continue
            found.append((start, end, gloss, "gloss"))
            self._remember(text[start:end], Given(((0, end - start, gloss),)))
        return found

    def _name_glosses(self, text: str, tokenize: Tokenize) -> list[Span]:
        found: list[Span] = []
        for start, run, gloss in _name_glosses_in(text):
            parts = [to_hiragana(p) for p in re.split("[・･＝=]", gloss)]
            words = tokenize(run)
            named = len(parts) == 2 and 2 <= len(run) <= 4 and all(parts) and _surname(run[0])
            if not _reads_like(run, "".join(parts)) or not (
                named or all(t.oov or t.pos[1] == "固有名詞" for t in words)
            ):
                continue  # 蟹（ンカラ）, 族霊（トーテム）: a translation, not a reading (a family
                # and a given name glossed apart is a name whatever the dictionary sees in its
                # kanji: 文在寅（ムン・ジェイン）, 文 and 在 common words to it)
            if len(parts) == 2 and len(run) >= 2:
                family = _family_length(run, words)
                given = Given(((0, family, parts[0]), (family, len(run) - family, parts[1])))
                if not self.frozen:
                    self.families.setdefault(run[:family], (parts[0], self._at, "gloss"))
            else:
                given = Given(((0, len(run), "".join(parts)),))
            self._remember(run, given)
            found.extend(
                (start + off, start + off + length, reading, "gloss")
                for off, length, reading in given.parts
            )
        return found

    def _known_names(self, text: str, tokenize: Tokenize, taken: list[Span]) -> list[Span]:
        """Full names of the names table at the start of a kanji run, where the dictionary
        too sees a person's name begin, and the name ends where a word ends or an office
        begins (金与正副部長); never where the text gave a reading of its own."""
        found: list[Span] = []
        covered = [(s, e) for s, e, _, _ in taken]
        for m in _kanji_run().finditer(text):
            hit = person_name(m.group())
            if hit is None:
                continue
            name, parts = hit
            start, end = m.start(), m.start() + len(name)
            if not _free(start, end, covered):
                continue
            words = tokenize(m.group())
            if not words or words[0].pos[1:3] != ("固有名詞", "人名"):
                continue  # the dictionary sees another word there: not this name
            edges = {t.end for t in words}
            if end < m.end() and len(name) not in edges:
                if not _office_after(text, end):
                    continue  # the name would end inside a word that is not an office
                if any(t.start < len(name) < t.end and t.pos[1] == "固有名詞" for t in words):
                    continue  # nor inside another name: 清和源氏 is the clan, not 清和源 + 氏
            found.extend(
                (start + off, start + off + n, reading, "dict") for off, n, reading in parts
            )
            if len(parts) == 2 and not self.frozen:
                family, reading = name[: parts[0][1]], parts[0][2]
                self.families.setdefault(family, (reading, self._at, "dict"))
        return found

    def _chinese_surnames(self, text: str, tokenize: Tokenize, taken: list[Span]) -> list[Span]:
        """A Chinese name is read in on-readings (林佳龍 りん かりゅう), but the dictionary
        reads a one-kanji surname the Japanese way (林 はやし). Where the office after the
        name is one only China and Taiwan have (外交部長, 総統, 国家主席), the surname takes
        KANJIDIC's on-reading, and so does the same surname before an office later."""
        found: list[Span] = []
        if not any(office in text for office in CHINESE_OFFICES):
            return found
        covered = [(s, e) for s, e, _, _ in taken]
        for m in _surname_run().finditer(text):
            words = tokenize(m.group())
            if not words or words[0].pos[1:4] != ("固有名詞", "人名", "姓"):
                continue
            surname = words[0].surface
            after = len(surname)
            if (
                len(words) > 1
                and words[1].pos[1:3] == ("固有名詞", "人名")
                and len(words[1].surface) <= 2
            ):
                after += len(words[1].surface)  # the given name: the dictionary's reading
            rest = m.group()[after:]
            if rest[:1] in "前元現副新":
                rest = rest[1:]
            if len(surname) != 1 or not rest.startswith(CHINESE_OFFICES):
                continue
            reading = kanji_reading(surname)
            start = m.start()
            if not reading or reading == words[0].reading or not _free(start, start + 1, covered):
                continue
            found.append((start, start + 1, reading, "dict"))
            if not self.frozen:
                self.families.setdefault(surname, (reading, self._at, "dict"))
        return found

    # -- recalling -----------------------------------------------------------------------
    def recall(
        self, text: str, taken: list[Span], word_edges: set[int], at: int | None = None
    ) -> list[Span]:
        """Later occurrences of what was learned, outside ``taken``. ``word_edges`` are the
        offsets where the dictionary's words start or end (a one-character word must stand
        between two of them); ``at`` is this paragraph's number (what was learned after it
        does not apply)."""
        if not self.words and not self.families:
            return []
        covered = [(s, e) for s, e, _, _ in taken]
        found: list[Span] = []
        index = self._word_index()
        starts = self._start_pattern(index).search
        n = len(text)
        i = 0
        while i < n:
            # Only where a learned word or family name can start is anything recalled: the
            # characters between are skipped in one search, not looked at one by one.
            m = starts(text, i)
            if m is None:
                break
            i = m.start()
            ch = text[i]
            hit = None
            for word in index.get(ch, ()):
                if (
                    (at is None or self.words[word].at <= at)
                    and text.startswith(word, i)
                    and _free(i, i + len(word), covered)
                    and self._stands_as_given(word, text, i, word_edges)
                ):
                    hit = word
                    break
            if hit is not None:
                for off, length, reading in self.words[hit].parts:
                    found.append((i + off, i + off + length, reading, "gloss"))
                covered.append((i, i + len(hit)))
                i += len(hit)
                continue
            family_entry = self.families.get(ch) if is_kanji(ch) else None
            if family_entry is None:
                for family, entry in self.families.items():
                    if len(family) > 1 and text.startswith(family, i):
                        ch, family_entry = family, entry
                        break
            family_reading: str | None = None
            family_source: Source = "gloss"
            if family_entry is not None and (at is None or family_entry[1] <= at):
                family_reading, family_source = family_entry[0], family_entry[2]
            if (
                family_reading is not None
                and (i == 0 or not is_kanji(text[i - 1]))
                and (
                    _office_after(text, i + len(ch))
                    or _stands_alone(text, i, i + len(ch), word_edges)
                )
                and not _given_name_at(text, i + len(ch), word_edges)
                and _free(i, i + len(ch), covered)
            ):
                found.append((i, i + len(ch), family_reading, family_source))
                covered.append((i, i + len(ch)))
                i += len(ch)
                continue
            i += 1
        return found

    def _stands_as_given(self, word: str, text: str, i: int, word_edges: set[int]) -> bool:
        """Whether ``word`` at ``i`` is the word the document gave a reading: never a part of
        a longer number; a one-kanji word a word of its own, not inside a run of kanji, before
        the okurigana it was given with; a numeral not inside a longer run of kanji either."""
        end = i + len(word)
        before, after = text[i - 1 : i] if i else "", text[end : end + 1]
        if (word[0] in _NUMERALS and _is_number_char(before)) or (
            word[-1] in _NUMERALS and _is_number_char(after)
        ):
            return False  # 一年《ひととせ》 is not the 一年 of 一八八一年 or 三十一年
        if not text.startswith(self.words[word].tail, end):
            return False  # 目《なづ》けて is not the 目 of 目を
        if len(word) > 1 and not _is_numeral(word):
            return True
        if (i > 0 and is_kanji(text[i - 1])) or (end < len(text) and is_kanji(text[end])):
            return False
        return len(word) > 1 or (i in word_edges and end in word_edges)

    def _start_pattern(self, index: dict[str, list[str]]) -> re.Pattern[str]:
        """A pattern of the first characters of the learned words and family names (kept
        while neither changes: words change the index, families only ever grow)."""
        if (
            self._starts is None
            or self._starts[0] is not index
            or self._starts[1] != len(self.families)
        ):
            chars = set(index) | {family[0] for family in self.families}
            pattern = compiled("[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]")
            self._starts = (index, len(self.families), pattern)
        return self._starts[2]

    def _word_index(self) -> dict[str, list[str]]:
        if self._index is None:
            index: dict[str, list[str]] = {}
            for word in sorted(self.words, key=len, reverse=True):
                index.setdefault(word[0], []).append(word)
            self._index = index
        return self._index


def _free(start: int, end: int, covered: list[tuple[int, int]]) -> bool:
    return all(end <= s or start >= e for s, e in covered)


def _office_after(text: str, at: int) -> bool:
    """True when the kanji after ``at`` begin with an office (大統領, 政権下, 副部長)."""
    run = ""
    for ch in text[at : at + 10]:
        if not is_kanji(ch):
            break
        run += ch
    for prefix in OFFICE_PREFIXES:
        if run.startswith(prefix) and len(run) > len(prefix):
            run = run[len(prefix) :]
            break
    return any(is_office(run[:k]) for k in range(1, len(run) + 1))


def _stands_alone(text: str, start: int, end: int, word_edges: set[int]) -> bool:
    """Whether a family name of two kanji or more is a word of its own at ``start``, no kanji
    written on (大谷は, 大谷が; not 大谷石, 大谷地区): the person named before, standing alone."""
    return (
        end - start > 1
        and start in word_edges
        and end in word_edges
        and (end >= len(text) or not is_kanji(text[end]))
    )


def _given_name_at(text: str, at: int, word_edges: set[int]) -> bool:
    """True when the dictionary's word at ``at`` is a given name and nothing else (直人 of
    菅直人元首相): the family name before it is another person's, whatever the document taught
    of 菅義偉 (すが; 菅直人 is かん)."""
    end = min((e for e in word_edges if e > at), default=at)
    word = text[at:end]
    if len(word) < 2:
        return False
    from store.japanese.alternatives import dictionary_entries

    entries = dictionary_entries(word)
    return bool(entries) and all(
        tuple(m.part_of_speech()[1:4]) == ("固有名詞", "人名", "名") for m in entries
    )


def _surname(kanji: str) -> bool:
    """Whether the dictionary lists ``kanji`` as a family name (文, 朴, 尹: a glossed name's
    first kanji; 窓 of 窓霜（ジャック・フロスト） is none)."""
    from store.japanese.alternatives import dictionary_entries

    return any(
        m.surface() == kanji and tuple(m.part_of_speech()[2:4]) == ("人名", "姓")
        for m in dictionary_entries(kanji)
    )


def _reads_like(run: str, reading: str) -> bool:
    """A plausible reading of ``run``: one to five kana per kanji."""
    kana = len([ch for ch in reading if ch not in "ゃゅょぁぃぅぇぉっー"])
    return len(run) <= kana <= 5 * len(run)


def _family_length(run: str, words: list[Token]) -> int:
    """How many characters of a glossed name are the family name: the dictionary's surname if
    it starts the name, else one (Korean and Chinese names), two for a four-character name."""
    if words and words[0].pos[2:4] == ("人名", "姓") and len(words[0].surface) < len(run):
        return len(words[0].surface)
    return 2 if len(run) >= 4 else 1


def _gloss_span(run: str, gloss: str, run_start: int, tokenize: Tokenize) -> tuple[int | None, int]:
    """Which tail of a kanji run the gloss reads: the dictionary's word if it agrees, else the
    longest tail with no more kanji than the gloss has kana."""
    end = run_start + len(run)
    best = None
    for k in range(len(run)):
        tail = run[k:]
        kanji = sum(1 for ch in tail if is_kanji(ch))
        if kanji > len(gloss) or len(gloss) > 5 * kanji:
            continue  # at least one kana per kanji, at most five (承 うけたまわ)
        reading = "".join(t.reading for t in tokenize(tail))
        if reading == gloss:
            return run_start + k, end
        if best is None:
            best = run_start + k
    return best, end
