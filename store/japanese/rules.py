"""Context rules that correct the dictionary's reading of a word.

Sudachi gives each word its dictionary reading; some words read differently by context. Each
rule is a function ``rule(tokens, i) -> str | None`` returning a better reading for
``tokens[i]`` (or None to keep it); ``RULES`` lists them in the order they run, each pinned by
tests (tests/test_japanese_rules.py) and kept only if it helps on the benchmark
(``python -m benchmarks furigana --ablate`` turns each off in turn, through
:func:`skip_rules`). Two are neutral there and kept because they are plainly
right on documents the benchmark lacks: ``weekday`` and ``juu``.

Some readings depend on the register of the whole text: in modern prose 私 is わたし, while
Meiji–Shōwa fiction prints わたくし, 好い いい, 宅 うち, 室 へや. ``detect_style`` tells the two
apart from signals only modern text has (Arabic digits, Latin letters, many katakana loanwords);
a rule tagged with a style runs only for that style. The readings of older fiction checked on
works the rules were not written from (極める きめる, お出で, 馳け出す, 床 とこ) are in
``literary.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from store.japanese.alternatives import country, country_reading, unvoice, voice
from store.japanese.analyzer import pos_of
from store.japanese.chars import has_kanji, is_kanji, to_hiragana, voiced
from store.japanese.countries import TRIGGERS as COUNTRY_TRIGGERS
from store.japanese.countries import country_abbreviation
from store.japanese.everyday import (
    a_bit,
    at_present,
    ato_kara,
    authority,
    brow,
    building_wing,
    chicken,
    compass_point,
    country_side,
    gold,
    head_count,
    in_article,
    inning_top,
    kokkai_gi,
    kurai,
    later_on,
    money,
    moon,
    on_reading,
    one_line,
    palace,
    price,
    rice,
    shoken,
    sign_of_people,
    taipei,
    venue,
    weather_later,
    what_time,
    what_time_ni,
    what_time_today,
    windmill,
    years_of_age,
)
from store.japanese.foreign import foreign_reading
from store.japanese.formal_prose import (
    coming_date,
    kaishun,
    kanki,
    mei,
    nanpito,
    placeholder,
    sono_yo,
    taisei,
    translation,
)
from store.japanese.kanjidic import kanji_reading
from store.japanese.literary import (
    agaru,
    akuru,
    akuruhi,
    ateru,
    daibu,
    floor,
    hasu,
    hata,
    heya,
    hiru,
    iru,
    itoma,
    kaeru,
    kano,
    kare,
    kenen,
    keshikaran,
    kimeru,
    kireru,
    kowai,
    kudan,
    kusuburu,
    mada,
    michi,
    minna,
    miyako,
    noboseru,
    nochi,
    oide,
    ra,
    ra_people,
    sasu,
    shiite,
    shitatameru,
    short_okurigana,
    tameshi,
    terasu,
    toko,
    tsukeru,
    tsukiau,
    tsumaranai,
    uchi,
    uchini,
)
from store.japanese.native_units import (
    native_count_of_a_word,
    native_count_with_kana,
    native_unit,
)
from store.japanese.neighbours import next_token as _next
from store.japanese.neighbours import prev_token as _prev
from store.japanese.numbers import (
    COUNTER_CHARS,
    NUMERAL_CHARS,
    article,
    counter_rule,
    decimal_count,
    ichi_geminate,
    number_word_rule,
    numeral_rule,
    ordinal_before_number,
    rate_a_year,
    read_kanji_number,
    servings,
    shi_hachi,
    ten_millions,
    tens_of_minutes,
    tenth,
    unsounded_count,
)
from store.japanese.offices import HONORIFICS, office_follows
from store.japanese.older_phrases import (
    amata,
    chotto,
    ike,
    kubu,
    ma_ni_ukeru,
    nanra,
    shikashi,
    tsuwamono,
    yo_first_person,
)
from store.japanese.older_words import (
    arazu,
    arigata,
    chikazuku,
    dake,
    donata,
    e_picture,
    historical_okurigana,
    hitokata,
    ibara,
    kaette,
    kore,
    kun_stem,
    mannaka,
    maru,
    me,
    motsu,
    nakanaka,
    nasu,
    neru,
    soro,
    spelled_before,
    tachimachi,
    tai,
    toutou,
    toyakaku,
    tsuini,
    tsuku,
    uru,
    written_sokuon,
    written_tail,
    yaru,
    zutsu,
)
from store.japanese.on_names import name_inside_word, on_given_name
from store.japanese.places import (
    festival,
    named_place,
    place_reading,
    post_town,
    suffix_after_gloss,
    town_of,
)
from store.japanese.preferred import has_preferred_entry, preferred_entry
from store.japanese.provinces import PROVINCES
from store.japanese.surnames import family_name, people_reading
from store.japanese.unknown_words import is_unknown_word, unknown_word
from store.patterns import compiled

if TYPE_CHECKING:  # readings imports this module
    from store.japanese.readings import Source


class Token:
    """A word under analysis: Sudachi's view plus the reading chosen so far."""

    __slots__ = (
        "surface",
        "start",
        "end",
        "reading",
        "_pos",
        "oov",
        "source",
        "has_kanji",
        "absorbed",
        "_morpheme",
        "gap",
    )

    def __init__(
        self,
        surface: str,
        start: int,
        end: int,
        reading: str,
        pos: tuple[str, ...] | None,
        morpheme: Any = None,
        oov: bool = False,
        kanji: bool | None = None,
    ) -> None:
        self.surface = surface
        self.start = start
        self.end = end
        self.reading = reading
        self._pos = pos
        self._morpheme = morpheme
        self.oov = oov
        self.source: Source = "dict"
        self.has_kanji = has_kanji(surface) if kanji is None else kanji
        #: True when a following token took this one's span (number + counter read as one).
        self.absorbed = False
        #: Spaces the analysis skipped just before this token (``12 月``: the space before 月).
        self.gap = ""

    @property
    def pos(self) -> tuple[str, ...]:
        """Sudachi's part of speech (looked up on first use: most tokens never need it)."""
        if self._pos is None:
            self._pos = pos_of(self._morpheme) if self._morpheme is not None else ("*",) * 6
        return self._pos

    @property
    def from_sudachi(self) -> bool:
        """True for a word as Sudachi analysed it, False for one a table made (words.tsv joins:
        its reading is JMdict's, not the analyser's)."""
        return self._morpheme is not None

    @property
    def lemma(self) -> str:
        """The dictionary form (looked up only when a rule asks)."""
        return self._morpheme.dictionary_form() if self._morpheme is not None else self.surface

    def __repr__(self) -> str:
        return f"Token({self.surface!r}, {self.reading!r}, {'-'.join(self.pos[:3])})"


Rule = Callable[[list[Token], int], "str | None"]


def _is_noun(tok: Token | None) -> bool:
    return (
        tok is not None and tok.pos[0] in ("名詞", "代名詞", "接尾辞") and tok.surface not in "、。"
    )


def _is_place(tok: Token | None) -> bool:
    return tok is not None and tok.pos[2] == "地名"


def _is_katakana_word(tok: Token | None) -> bool:
    return (
        tok is not None
        and bool(tok.surface)
        and all("ァ" <= c <= "ヺ" or c == "ー" for c in tok.surface)
    )


def watashi(tokens: list[Token], i: int) -> str | None:
    """私 as a pronoun is わたし in modern prose (the dictionary says わたくし)."""
    if tokens[i].surface == "私" and tokens[i].pos[0] == "代名詞":
        return "わたし"
    return None


#: What goes on 日本 in names their bearers read にっぽん: 日本武道館, 日本郵便, 日本放送協会,
#: 日本製鉄, 日本通運, 日本維新の会, 日本電気 (NEC), 日本体育大学.
_NIPPON_NAMES = frozenset(["武道館", "郵便", "放送協会", "製鉄", "通運", "維新", "電気", "体育大学"])


def nihon(tokens: list[Token], i: int) -> str | None:
    """日本 on its own is にほん, and so in a common noun of 日本 and one kanji (日本初 にほんはつ,
    as 日本製 and 日本酒 already read); formal names (日本銀行) are their own dictionary words,
    and the names their bearers read にっぽん (日本武道館, 日本郵便) keep it."""
    tok = tokens[i]
    nxt = _next(tokens, i)
    if (
        tok.surface == "日本"
        and nxt is not None
        and nxt.start == tok.end
        and nxt.surface in _NIPPON_NAMES
    ):
        return "にっぽん" if tok.reading != "にっぽん" else None
    if tok.surface == "日本" and tok.reading == "にっぽん":
        return "にほん"
    if (
        len(tok.surface) == 3
        and tok.surface.startswith("日本")
        and tok.reading.startswith("にっぽん")
        and tok.pos[1] == "普通名詞"
    ):
        return "にほん" + tok.reading[4:]
    return None


#: The spellings of いう, today's and older kana's (云ふ, 謂ふ: the dictionary reads them ゆふ).
_IU = frozenset(["言う", "言ふ", "云う", "云ふ", "謂う", "謂ふ"])


def iu(tokens: list[Token], i: int) -> str | None:
    """言う is written いう in furigana (the dictionary gives the spoken ゆう), and so are its
    older spellings 云ふ, 謂ふ (ゆふ, which no one writes)."""
    tok = tokens[i]
    if tok.lemma in _IU and tok.reading.startswith("ゆ"):
        return "い" + tok.reading[1:]
    return None


_NANI_NEXT = frozenset(
    ["も", "か", "を", "が", "に", "へ", "より", "や", "でも", "かしら", "故", "ゆえ"]
)
_SENTENCE_END = frozenset("。、？！?!」』）)…\n")


def nani(tokens: list[Token], i: int) -> str | None:
    """何 is なに before most particles and at a sentence end (何も, 何か, 何を, 何？);
    the dictionary's なん stays before だ/です/の/で/と and counters (see counter_rule)."""
    tok = tokens[i]
    if tok.surface != "何":
        return None
    nxt = _next(tokens, i)
    if nxt is None or nxt.surface in _NANI_NEXT or nxt.surface[0] in _SENTENCE_END:
        return "なに"
    if nxt.pos[0] == "動詞" and nxt.start == tok.end and nxt.surface[:1] not in "だでじ":
        return "なに"  # 何する, 何言ってるの: what, before a verb (speech drops を; 何だつて
        # in older kana is the copula, なん)
    return None


def kakari(tokens: list[Token], i: int) -> str | None:
    """係 right after a noun is the section name 〜がかり (福祉係, 保護係)."""
    tok = tokens[i]
    if tok.surface == "係" and _is_noun(_prev(tokens, i)):
        return "がかり"
    return None


def jin(tokens: list[Token], i: int) -> str | None:
    """人 after a place or a katakana name is a nationality, じん (モナコ人, アーリア人)."""
    tok = tokens[i]
    if tok.surface != "人" or tok.pos[0] != "接尾辞":
        return None
    prev = _prev(tokens, i)
    if _is_place(prev) or _is_katakana_word(prev):
        return "じん"
    if prev is not None and prev.surface.endswith("系") and prev.has_kanji:
        return "じん"  # 日系人, アジア系人: people of a descent
    return None


def jii(tokens: list[Token], i: int) -> str | None:
    """爺 after a name is the old man of that name, じい (正平爺, 茂助爺): the dictionary's
    suffix reading や belongs to Sino-Japanese compounds (好々爺 こうこうや, 老爺 ろうや)."""
    tok = tokens[i]
    if tok.surface != "爺" or tok.pos[0] != "接尾辞" or tok.reading != "や":
        return None
    prev = _prev(tokens, i)
    if prev is not None and prev.end == tok.start and prev.pos[1] == "固有名詞":
        return "じい"
    return None


def goro(tokens: list[Token], i: int) -> str | None:
    """頃 right after a time or a number (10月頃, 3時頃) is ごろ; after の, この or a verb, ころ."""
    tok = tokens[i]
    if tok.surface != "頃":
        return None
    prev = _prev(tokens, i)
    if _is_noun(prev):
        return "ごろ"
    return None


def hoka(tokens: list[Token], i: int) -> str | None:
    """他 after a verb or a noun + の is ほか (する他, 君主の他), and その他 before a comma or an
    adjectival noun (その他、 その他さまざまな); その他の, その他が stay そのた."""
    tok = tokens[i]
    if tok.surface != "他" or tok.pos[0] != "名詞":
        return None
    prev = _prev(tokens, i)
    if prev is None:
        return None
    if prev.pos[0] in ("動詞", "助動詞"):
        return "ほか"
    if prev.surface == "の" and _is_noun(_prev(tokens, i, 2)):
        return "ほか"
    nxt = _next(tokens, i)
    if (
        prev.surface == "その"
        and nxt is not None
        and (nxt.surface == "、" or nxt.pos[0] == "形状詞")
    ):
        return "ほか"  # その他、… / その他さまざまな: そのほか (その他の, その他が stay そのた)
    return None


def itta(tokens: list[Token], i: int) -> str | None:
    """Older kana write 行った as 行つた; the dictionary takes 行つ for 行ふ (おこなふ, to do).
    Gone, いつ, is what it says unless a thing done comes before it with を (儀式を行つた)."""
    tok = tokens[i]
    if tok.lemma != "行ふ" or not tok.surface.startswith("行つ"):
        return None
    prev = _prev(tokens, i)
    if prev is not None and prev.surface in ("を", "も", "は"):
        return None
    return "い" + tok.reading[3:]


def _how_often(tok: Token | None) -> bool:
    """A word saying how often or how something is done, between a thing done and its verb:
    a number, a counter, an adverb (二回, 何度も, 毎年, 改めて)."""
    return tok is not None and (
        tok.pos[1] == "数詞"
        or tok.pos[2] in ("助数詞", "助数詞可能")
        or tok.pos[0] == "副詞"
        or tok.surface in ("、", "毎年", "毎日", "毎月", "毎週", "改めて", "再び")
    )


def okonau(tokens: list[Token], i: int) -> str | None:
    """行っ after a verbal noun and を/も/は is 行う (診察も行っています), not 行く; so is 行って
    おります unless a destination precedes (店頭で行っております; 東京へ行っております stays)."""
    tok = tokens[i]
    if tok.lemma != "行く" or not tok.surface.startswith("行っ"):
        return None
    back = 1
    while back < 5:  # 実験を二回行った, 調査を何度も行った, 検査を毎年行っている
        between = _prev(tokens, i, back)
        if not _how_often(between) and not (
            between is not None
            and between.surface == "も"
            and _how_often(_prev(tokens, i, back + 1))  # 何度も (診察も is a thing done)
        ):
            break
        back += 1
    prev, prev2 = _prev(tokens, i, back), _prev(tokens, i, back + 1)
    if (
        prev is not None
        and prev.surface in ("を", "も", "は")
        and prev2 is not None
        and prev2.pos[2] == "サ変可能"
    ):
        return "おこなっ" + tok.reading[2:]
    prev = _prev(tokens, i)
    nxt, nxt2 = _next(tokens, i), _next(tokens, i, 2)
    if (
        nxt is not None
        and nxt.surface == "て"
        and nxt2 is not None
        and nxt2.lemma in ("おる", "居る")
        and nxt2.surface.startswith("お")
        and (prev is None or prev.surface not in ("に", "へ", "まで"))
    ):
        return "おこなっ" + tok.reading[2:]  # 行っております: going humbly is 参っております
    return None


#: Where a clause begins, looking back from a verb: a thing done is looked for after it.
_CLAUSE_START = frozenset("。？！?!「『（(\n")


def itta_without_object(tokens: list[Token], i: int) -> str | None:
    """行っ that the dictionary took for 行う (おこなう: 車で行った, それで行った) is 行く, いっ,
    where nothing done stands before it in its sentence: 行う takes a thing done with を
    (調査を行った), or one said with は/も/が (調査は東京で行った); going takes none."""
    tok = tokens[i]
    if tok.lemma != "行う" or not tok.surface.startswith("行っ"):
        return None
    for k in range(i - 1, max(-1, i - 40), -1):
        t = tokens[k]
        if t.surface and t.surface[-1] in _CLAUSE_START:
            break
        if t.surface == "を":
            return None
        if t.surface in ("は", "も", "が") and k > 0 and tokens[k - 1].pos[2] == "サ変可能":
            return None
    return "いっ" + tok.reading[4:]


def iki(tokens: list[Token], i: int) -> str | None:
    """行 after a place or a direction is 〜行き, いき (成田行, 東京行, 石山寺方面行)."""
    tok = tokens[i]
    if tok.surface != "行" or tok.pos[0] != "名詞":
        return None
    prev = _prev(tokens, i)
    if _is_place(prev) or (prev is not None and prev.surface == "方面" and prev.end == tok.start):
        return "いき"
    return None


#: The offices a province's governor held, read after the province with の: 越前守 えちぜんのかみ,
#: 武蔵介 むさしのすけ.
_GOVERNORS = {"守": "かみ", "介": "すけ"}


def kami(tokens: list[Token], i: int) -> str | None:
    """守 after an old province name is the governor's title かみ and the name takes の (大岡越前守
    えちぜんのかみ, 鳥居甲斐守 かいのかみ); 介 likewise すけ (武蔵介 むさしのすけ; 上総介 is cut
    上|総介 by the dictionary and not reached). The dictionary reads 守 as the given name まもる."""
    tok = tokens[i]
    title = _GOVERNORS.get(tok.surface)
    prev = _prev(tokens, i)
    if title is None or prev is None or prev.surface not in PROVINCES or prev.end != tok.start:
        return None
    prev.reading = PROVINCES[prev.surface] + "の"
    return title


def kuni(tokens: list[Token], i: int) -> str | None:
    """国 after an old province name is くに and the name takes の (越後国 えちごのくに); on its
    own it is くに too (国の史跡); after other places it stays こく (満洲国)."""
    tok = tokens[i]
    if tok.surface not in ("国", "國"):
        return None
    prev = _prev(tokens, i)
    if prev is not None and prev.surface in PROVINCES:
        prev.reading = PROVINCES[prev.surface] + "の"  # 信濃国 しなののくに, 下野国 しもつけの
        return "くに"
    if tok.surface == "國":
        return None
    if tok.pos[0] == "接尾辞" and (
        prev is None
        or not _is_noun(prev)
        or prev.pos[1] in ("数詞", "普通名詞")
        and "助数詞" in prev.pos[2]
    ):
        return "くに"
    return None


def ii(tokens: list[Token], i: int) -> str | None:
    """好い is いい (the dictionary reads よい; 好かった stays よかった)."""
    tok = tokens[i]
    return "いい" if tok.surface == "好い" else None


def soba(tokens: list[Token], i: int) -> str | None:
    """傍 without ら is そば (傍ら is かたわら)."""
    tok = tokens[i]
    if tok.surface == "傍" and not _next_starts(tokens, i, "ら"):
        return "そば"
    return None


def _next_starts(tokens: list[Token], i: int, prefix: str | tuple[str, ...]) -> bool:
    nxt = _next(tokens, i)
    return nxt is not None and nxt.surface.startswith(prefix)


#: Words before 会社 that point at a company rather than make a compound with it: 各会社,
#: 同会社, 当会社 かいしゃ.
_POINTING = frozenset("各同当本全貴両前元現旧別他諸某毎翌弊該")


def gaisha(tokens: list[Token], i: int) -> str | None:
    """会社 at the end of a compound voices: 子会社, 紹介会社 がいしゃ (rendaku), also after a
    na-adjective's stem and 大 (特殊会社, 大会社). After a loanword usage is split (ソフトウェア
    がいしゃ, イベントかいしゃ on the modern set), so the dictionary's reading stays."""
    tok = tokens[i]
    prev = _prev(tokens, i)
    if tok.surface == "会社" and prev is not None and prev.end == tok.start:
        if prev.surface in _POINTING:
            return None
        if prev.has_kanji and (_is_noun(prev) or prev.pos[0] == "形状詞"):
            return "がいしゃ"
        if prev.surface == "大" and prev.pos[0] == "接頭辞":
            return "がいしゃ"
    if (
        len(tok.surface) > 2
        and tok.surface.endswith("会社")
        and tok.reading.endswith("かいしゃ")
        and all(is_kanji(ch) for ch in tok.surface)
        and not (len(tok.surface) == 3 and tok.surface[0] in _POINTING)
    ):
        return tok.reading[:-4] + "がいしゃ"  # one dictionary compound: 人材紹介会社
    return None


_PARTICLES = frozenset(
    ["が", "を", "に", "は", "も", "の", "と", "で", "へ", "から", "まで", "より", "や"]
)


def _suffix_after_noun(tokens: list[Token], i: int) -> bool:
    prev = _prev(tokens, i)
    return prev is not None and _is_noun(prev) and prev.surface not in _PARTICLES


def dou(tokens: list[Token], i: int) -> str | None:
    """道 closing a compound is どう: 東北道, 空手道, 山陽道 (not みち)."""
    tok = tokens[i]
    if tok.surface == "道" and tok.reading == "みち" and _suffix_after_noun(tokens, i):
        prev = tokens[i - 1]
        if prev.has_kanji or _is_katakana_word(prev):
            return "どう"
    return None


def gawa(tokens: list[Token], i: int) -> str | None:
    """川 after a place or a foreign name is がわ (ロワール川, コロンビア川)."""
    tok = tokens[i]
    if tok.surface == "川" and tok.reading == "かわ":
        prev = _prev(tokens, i)
        if (
            _is_place(prev)
            or _is_katakana_word(prev)
            or (prev is not None and prev.pos[1] == "固有名詞")
        ):
            return "がわ"
    return None


def river_bank(tokens: list[Token], i: int) -> str | None:
    """川沿い after a place whose river the dictionary knows is that river's 川 and 沿い:
    多摩|川沿い たま·かわぞい is 多摩川 (たまがわ) + 沿い, がわぞい (as 鴨川沿い, cut after the
    river, reads かもがわ·ぞい)."""
    tok, prev = tokens[i], _prev(tokens, i)
    if not tok.surface.startswith("川沿") or prev is None or prev.end != tok.start:
        return None
    if prev.pos[2] != "地名" or not prev.reading:
        return None
    river = place_reading(prev.surface + "川")
    if river is None or not river.startswith(prev.reading):
        return None
    return river[len(prev.reading) :] + "ぞ" + tok.reading[len("かわそ") :]


def gumi(tokens: list[Token], i: int) -> str | None:
    """組 right after a name is a class or group, ぐみ (桜組, つき組)."""
    tok = tokens[i]
    if (
        tok.surface == "組"
        and tok.reading == "くみ"
        and _suffix_after_noun(tokens, i)
        and tokens[i - 1].pos[1] != "数詞"
    ):
        return "ぐみ"  # but 11組, 二組 (counting pairs) stay くみ
    return None


def omo(tokens: list[Token], i: int) -> str | None:
    """主 before に/だっ is おも (主に, 主だった); before として it is しゅ; before になる it is
    the noun (沼の主になる), the dictionary's."""
    tok = tokens[i]
    if tok.surface != "主":
        return None
    nxt = _next(tokens, i)
    if nxt is None:
        return None
    after = "".join(t.surface for t in tokens[i + 1 : i + 4])
    if after.startswith("として"):
        return "しゅ"
    after_ni = _next(tokens, i, 2)
    if nxt.surface == "に" and after_ni is not None and after_ni.lemma == "なる":
        return None  # 八郎潟の主になる: becoming the master (ぬし), not mainly
    if nxt.surface in ("に", "だっ", "だった", "な"):
        return "おも"
    return None


def kazu(tokens: list[Token], i: int) -> str | None:
    """数 standing alone before a particle is かず (数が多い, 数を表す)."""
    tok = tokens[i]
    nxt = _next(tokens, i)
    if (
        tok.surface == "数"
        and tok.pos[0] == "名詞"
        and nxt is not None
        and nxt.surface in _PARTICLES
        and not _is_noun(_prev(tokens, i))
    ):
        return "かず"  # but 部員数が, ページ数が: すう
    return None


def konnichi(tokens: list[Token], i: int) -> str | None:
    """今日 in 今日では / 今日に至る / 今日の + a place means "nowadays": こんにち."""
    tok = tokens[i]
    if tok.surface != "今日":
        return None
    nxt, nxt2 = _next(tokens, i), _next(tokens, i, 2)
    if nxt is not None and nxt.surface == "で" and nxt2 is not None and nxt2.surface == "は":
        return "こんにち"
    if (
        nxt is not None
        and nxt.surface == "に"
        and nxt2 is not None
        and nxt2.surface.startswith("至")
    ):
        return "こんにち"
    if nxt is not None and nxt.surface == "の" and _is_place(nxt2):
        return "こんにち"  # 今日の中国: present-day China
    if _past_earlier_in_sentence(tokens, i):
        return "こんにち"  # 当時の…、今日必要とされる: set against the past, "nowadays"
    return None


#: Words that set a sentence in the past, against which 今日 is "nowadays".
_THEN = frozenset(["当時", "かつて", "嘗て", "曾て", "昔"])
_SENTENCE_ENDS = frozenset("。！？!?\n")


def _past_earlier_in_sentence(tokens: list[Token], i: int) -> bool:
    for k in range(i - 1, max(-1, i - 40), -1):
        surface = tokens[k].surface
        if surface in _THEN:
            return True
        if any(ch in _SENTENCE_ENDS for ch in surface):
            return False
    return False


#: Dictionary spellings that differ from 現代仮名遣い (身近 is みぢか, not みじか).
SPELLING_FIXES = {
    "身近": "みぢか",
    "間近": "まぢか",
    "気付": "きづ",
    "手作": "てづく",
    "小包": "こづつみ",
}


def spelling(tokens: list[Token], i: int) -> str | None:
    """Spelling fixes for words the dictionary writes with じ/ず where the rules want ぢ/づ."""
    tok = tokens[i]
    for word, reading in SPELLING_FIXES.items():
        if tok.surface.startswith(word):
            wrong = reading.replace("ぢ", "じ").replace("づ", "ず")
            if tok.reading.startswith(wrong):
                return reading + tok.reading[len(wrong) :]
    return None


def tsui(tokens: list[Token], i: int) -> str | None:
    """対 in 対になる / 対を成す is a pair, つい."""
    tok = tokens[i]
    nxt, nxt2 = _next(tokens, i), _next(tokens, i, 2)
    if tok.surface != "対" or tok.pos[0] != "名詞" or nxt is None or nxt2 is None:
        return None
    if (nxt.surface == "に" and nxt2.lemma in ("なる", "成る")) or (
        nxt.surface == "を" and nxt2.surface[:1] in ("成", "な")
    ):
        return "つい"
    return None


def sino_suffix(tokens: list[Token], i: int) -> str | None:
    """神 closing a kanji compound is しん (唯一神, 主宰神); 島 and 山 after a foreign name are
    とう and さん (ナガンヌ島, ハワイ島, ハルラ山), 帝 after one is the emperor's title, てい
    (アウグスッス帝, ネロ帝: the dictionary's みかど is Japan's)."""
    tok = tokens[i]
    prev = _prev(tokens, i)
    if prev is None:
        return None
    if tok.surface == "神" and tok.reading == "かみ" and prev.has_kanji and _is_noun(prev):
        return "しん"
    if tok.surface == "島" and tok.reading == "しま" and _is_katakana_word(prev):
        return "とう"
    if tok.surface == "山" and tok.reading == "やま" and _is_katakana_word(prev):
        return "さん"  # ハルラ山, キリマンジャロ山
    if tok.surface == "帝" and tok.reading == "みかど" and _is_katakana_word(prev):
        return "てい"
    return None


#: Whole words whose customary reading differs from the dictionary's (施工 is せこう in the
#: trade and in the news; the electric field 電場 is でんば in physics; the dictionary reads
#: 富士山 ふじやま, the mountain is ふじさん).
#: 取引所 とりひきじょ: the dictionary's own 東京証券取引所 reads so, as the exchanges name themselves;
#: 黄道 こうどう (おうどう is no reading of the ecliptic); 歩兵 ほへい (ふひょう is the shogi pawn);
#: 八旗 はっき, the Qing banners (the dictionary lists only a surname やはた); 胡坐 あぐら (the
#: dictionary's こざ is no one's reading of it); 従妹, 従弟, 従姉 いとこ, as its own 従兄; 貴女
#: あなた (the dictionary's きじょ is a title, not the pronoun fiction writes) and 対手 あいて (相手);
#: 自暴 やけ and 自棄 やけ (自暴に, 自棄に酒を飲んだ; 自暴自棄 is a word of its own), 朧気 おぼろげ
#: (the dictionary has only a name おぼろけ), 泥溝 どぶ and 身装 みなり (the dictionary's
#: どろどぶ and しんそう are no one's), 君等 きみら (the dictionary's きみひと is a name);
#: readings JMdict marks out-dated or irregular where it gives today's (鍛冶 たんや, 獰猛 ねいもう,
#: 呪詛 ずそ, 鼻血 はなじ, 手近 てじか, 別棟 べっとう — found on a user's 十二支考 and by the audit).
CUSTOMARY_READINGS = {
    "鶏肉": "とりにく",  # the dictionary's けいにく is a trade statistic's word
    "施工": "せこう",
    "電場": "でんば",
    "富士山": "ふじさん",
    "取引所": "とりひきじょ",
    "黄道": "こうどう",
    "歩兵": "ほへい",
    "八旗": "はっき",
    "胡坐": "あぐら",
    "従妹": "いとこ",
    "従弟": "いとこ",
    "従姉": "いとこ",
    "貴女": "あなた",
    "対手": "あいて",
    "自暴": "やけ",
    "自棄": "やけ",
    "朧気": "おぼろげ",
    "泥溝": "どぶ",
    "身装": "みなり",
    "君等": "きみら",
    "鍛冶": "かじ",
    "獰猛": "どうもう",
    "呪詛": "じゅそ",
    "鼻血": "はなぢ",
    "手近": "てぢか",
    "別棟": "べつむね",
}


def kinzan(tokens: list[Token], i: int) -> str | None:
    """金山 as a common noun is a gold mine, きんざん (佐渡島の金山, 金山で働く; as 銀山 ぎんざん
    and 銅山 どうざん): the dictionary's common noun reads かなやま, an old word for any mine,
    and its path picks that entry in some sentences. The name stays: 金山さん, 金山町."""
    tok = tokens[i]
    if tok.surface == "金山" and tok.reading == "かなやま" and tok.pos[1] == "普通名詞":
        return "きんざん"
    return None


def customary(tokens: list[Token], i: int) -> str | None:
    """The customary reading of a few words the dictionary reads otherwise."""
    return CUSTOMARY_READINGS.get(tokens[i].surface)


_HOU_BEFORE = frozenset(
    [
        "この",
        "その",
        "あの",
        "どの",
        "どちら",
        "こちら",
        "そちら",
        "あちら",
        "両",
        "東",
        "西",
        "南",
        "北",
        "上",
        "下",
        "左",
        "右",
        "前",
        "後ろ",
        "奥",
        "手前",
        "向こう",
        "先",
    ]
)
#: Places before の方, which is then a direction (町の方から ほう), besides any place name.
_PLACES = frozenset(
    ["町", "村", "里", "山", "川", "海", "空", "森", "野", "庭", "門", "窓", "駅", "港", "岸",
     "沖", "浜", "谷", "丘", "峠", "坂", "橋", "池", "沼", "島", "田舎", "都会", "部屋", "台所",
     "座敷", "縁側", "玄関", "廊下", "往来", "通り", "街", "町内", "裏", "表", "外", "内"]
)


def _is_place_noun(tok: Token) -> bool:
    return tok.surface in _PLACES or tok.pos[2] == "地名"


#: Nouns for people, and words of quantity, before の方 (会社員の方, 多くの方): かた.
_PERSON_ENDINGS = tuple("者員人生歳性様児家師士民客")
_MANY = frozenset(
    [
        "たくさん",
        "多く",
        "大勢",
        "一般",
        "様々",
        "さまざま",
        "色々",
        "いろいろ",
        "皆様",
        "皆さん",
        "全て",
        "すべて",
    ]
)
_KATA_AFTER = frozenset(
    ["は", "も", "へ", "にも", "でも", "から", "や", "など", "のみ", "限定", "対象"]
)


#: Bounds of an age or a number before の方 (75歳以上の方, 3人未満の方: people).
_BOUNDS = frozenset(["以上", "以下", "未満"])


def _counted_before(tokens: list[Token], i: int) -> bool:
    """Whether a number, or a number and its counter, ends just before ``tokens[i]``."""
    prev = _prev(tokens, i)
    if prev is None or prev.end != tokens[i].start:
        return False
    if prev.pos[0] == "接尾辞" or "助数詞" in prev.pos[2]:  # 歳, 人, 年 after their number
        return _counted_before(tokens, i - 1)
    return prev.pos[1] == "数詞" or prev.surface[-1:].isdigit()


def kata(tokens: list[Token], i: int) -> str | None:
    """方 meaning "person" is かた: お考えの方は, 苦手な方も, 初めての方でも.

    It is ほう before が (comparisons: この方が良い), after demonstratives and directions
    (東の方), and elsewhere the dictionary's ほう stays.
    """
    tok = tokens[i]
    if tok.surface != "方" or tok.pos[0] != "名詞":
        return None
    prev, nxt = _prev(tokens, i), _next(tokens, i)
    if prev is None or nxt is None:
        return None
    if prev.surface in _HOU_BEFORE:
        return None
    before = _prev(tokens, i, 2)
    if prev.surface == "の":
        if before is None or before.surface in _HOU_BEFORE or _is_place_noun(before):
            return None  # 町の方から, 東京の方へ: a direction
        if before.surface in _MANY or before.surface.endswith(_PERSON_ENDINGS):
            return "かた"  # 会社員の方が, たくさんの方に, 初心者の方: people
        if before.surface in _BOUNDS and _counted_before(tokens, i - 2):
            return "かた"  # 75歳以上の方に, 3人未満の方: people of an age or a number
        honorific = _prev(tokens, i, 3)
        if honorific is not None and honorific.surface in ("お", "ご", "御"):
            return "かた"  # お持ちの方, ご希望の方: the honorific is for a person
    elif prev.surface == "な" and before is not None and before.surface in _MANY:
        return "かた"  # 様々な方
    elif prev.pos[0] not in ("動詞", "助動詞", "形容詞", "形状詞"):
        return None
    if nxt.surface in _KATA_AFTER:
        return "かた"
    if nxt.surface in ("に", "で") and _next_starts(tokens, i + 1, ("は", "も")):
        return "かた"
    if nxt.surface == "を" and _next_starts(tokens, i + 1, ("対象",)):
        return "かた"  # 困難な方を対象に: people are what a measure is for
    if prev.pos[0] == "動詞" and nxt.has_kanji and nxt.pos[0] == "名詞":
        return "かた"  # くださる方募集中
    return None


def gata(tokens: list[Token], i: int) -> str | None:
    """方 after a person (先生方, みなさま方, あなた方) is the plural がた."""
    tok = tokens[i]
    prev = _prev(tokens, i)
    if (
        tok.surface == "方"
        and prev is not None
        and prev.surface.endswith(("生", "様", "さま", "なた", "殿", "員"))
    ):
        return "がた"
    return None


_SO_ADNOMINALS = frozenset(
    [
        "こんな",
        "そんな",
        "あんな",
        "どんな",
        "こういう",
        "そういう",
        "ああいう",
        "どういう",
        "こう",
        "そう",
        "ああ",
        "どう",
    ]
)


def fuu(tokens: list[Token], i: int) -> str | None:
    """風 meaning "manner" is ふう: こんな風に, 楽しそうな風で; the wind is かぜ, and so is a 風
    after a comma or a line's start, where no word says whose manner (桜が、風に舞って)."""
    tok = tokens[i]
    if tok.surface != "風":
        return None
    prev, nxt = _prev(tokens, i), _next(tokens, i)
    if tok.reading == "ふう" and (prev is None or prev.pos[0] in ("補助記号", "空白")):
        return "かぜ"  # 桜が、風に舞って: nothing before it says whose manner (the dictionary's ふう)
    if tok.reading != "かぜ":
        return None
    if prev is None or nxt is None or nxt.surface not in ("に", "な", "だ", "で", "の", "です"):
        return None
    if (
        prev.surface in _SO_ADNOMINALS
        or prev.pos[0] in ("連体詞", "助動詞")
        or (prev.pos[0] == "動詞" and prev.pos[5:6] == ("連体形-一般",))
    ):
        return "ふう"
    return None


def hoka_soto(tokens: list[Token], i: int) -> str | None:
    """外 after その, より or a verb means "other": その外, より外に, する外はない (ほか)."""
    tok = tokens[i]
    prev = _prev(tokens, i)
    if tok.surface != "外" or prev is None:
        return None
    if prev.surface in ("その", "より", "この"):
        return "ほか"
    if prev.pos[0] in ("動詞", "助動詞") and _next_starts(tokens, i, ("に", "は", "な")):
        return "ほか"  # 休息する外に, という外に, 待つ外はない
    return None


#: The words before の外 in the idioms of "beyond": 存の外, 思いの外, 以ての外, 殊の外.
_BEYOND = frozenset(["存", "思い", "思", "以て", "殊"])


#: Things with an inside and an outside, before の外 (窓の外、 家の外、: outside them).
_ENCLOSURES = _PLACES | frozenset(
    ["家", "室", "戸", "城", "塀", "垣", "屋敷", "建物", "車", "障子", "襖", "幕", "枠", "線",
     "境", "範囲", "圏", "壁", "宅", "館", "店", "校", "国", "市", "府", "県", "郡", "視線", "想定"]
)


def _encloses(tok: Token) -> bool:
    return tok.surface in _ENCLOSURES or tok.surface[-1:] in _ENCLOSURES or tok.pos[2] == "地名"


def _counted_after(tokens: list[Token], i: int) -> bool:
    """Whether a number follows ``tokens[i]`` directly (外の二、三名, 外の3人)."""
    nxt = _next(tokens, i)
    return nxt is not None and nxt.start == tokens[i].end and (
        nxt.pos[1] == "数詞" or nxt.surface[:1].isdigit()
    )


def hoka_besides(tokens: list[Token], i: int) -> str | None:
    """外 meaning "besides, other than" is ほか: right before 何 or a count with も (外に何の効力も
    なかった, 外に一口も附け加えず, 一つの外何物も), in 存の外, 思いの外 (beyond), after a noun and
    の before a comma (医員たちの外、 besides the doctors; 窓の外、 stays outside) and before の and a
    number (外の二、三名). 外は何も見えない (outside) and 外に出る stay そと."""
    tok = tokens[i]
    if tok.surface != "外" or tok.reading != "そと":
        return None
    prev, prev2 = _prev(tokens, i), _prev(tokens, i, 2)
    if prev is not None and prev.surface == "の" and prev2 is not None and prev2.surface in _BEYOND:
        return "ほか"
    nxt = _next(tokens, i)
    if (
        nxt is not None
        and nxt.surface == "、"
        and prev is not None
        and prev.surface == "の"
        and prev2 is not None
        and not _encloses(prev2)
    ):
        return "ほか"  # 医員たちの外、 演芸等の外、 以上の外、: besides them
    if nxt is not None and nxt.surface == "の" and _counted_after(tokens, i + 1):
        return "ほか"  # 外の二、三名: others
    k = i + 1
    if k < len(tokens) and tokens[k].surface == "に":
        k += 1
    if k >= len(tokens) or k == i + 1 and not tokens[k].surface.startswith("何"):
        return None  # 外は, 外が: the outside; only 外に and 外何 say "besides"
    word = tokens[k].surface
    if word.startswith("何"):
        return "ほか"
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    if word[0] in "一二三四五六七八九十" and after is not None and after.surface == "も":
        return "ほか"
    return None


def _in_quotation(tokens: list[Token], i: int) -> bool:
    """True when ``tokens[i]`` is inside a 「」 or 『』 quotation opened earlier in its line."""
    for k in range(i - 1, -1, -1):
        surface = tokens[k].surface
        if surface in ("」", "』") or "\n" in surface:
            return False
        if surface in ("「", "『"):
            return True
    return False


def watashi_mekake(tokens: list[Token], i: int) -> str | None:
    """妾 said by a speaker, in quotation and not someone's (Xの妾), is the first person わたし of
    older fiction's women (「妾が悪いのですから」, 「妾は伯父様に」), not めかけ, a concubine."""
    tok = tokens[i]
    if tok.surface != "妾" or tok.reading != "めかけ":
        return None
    prev = _prev(tokens, i)
    if prev is not None and prev.surface in ("の", "が", "を", "に", "なり", "や", "と"):
        return None  # 主人の妾, 婢なり妾なり: the concubine
    nxt = _next(tokens, i)
    if nxt is not None and nxt.surface in ("を", "に", "の", "なり", "や", "と"):
        return None  # 妾を置く
    return "わたし" if _in_quotation(tokens, i) else None


def tareru(tokens: list[Token], i: int) -> str | None:
    """低れる is the older spelling of 垂れる (頭を低れた, 耳を低れて): た, not the prefix 低 てい
    the dictionary takes it for before a stray れ."""
    tok, nxt = tokens[i], _next(tokens, i)
    if tok.surface == "低" and tok.pos[0] == "接頭辞" and nxt is not None and nxt.surface.startswith("れ"):
        return "た"
    return None


#: Waters whose surface is their 面, おもて: 水の面, 池の面 (not a mask or a side, めん).
_WATERS = frozenset(["水", "海", "湖", "池", "沼", "川", "河", "淵", "波", "流れ", "湖水", "水田"])


def omote(tokens: list[Token], i: int) -> str | None:
    """面 after a water and の is its surface, おもて (黒い水の面をすべって, 池の面を蔽う蓮)."""
    tok, prev, prev2 = tokens[i], _prev(tokens, i), _prev(tokens, i, 2)
    if tok.surface != "面" or tok.reading != "めん" or prev is None or prev.surface != "の":
        return None
    return "おもて" if prev2 is not None and prev2.surface in _WATERS else None


def tei_air(tokens: list[Token], i: int) -> str | None:
    """体 after a clause or a state and before で, である, となる is an air, a show, てい (考うる体で,
    困惑の体であります, 毒気を抜かれた体で, しどろもどろの体となり); a body, からだ, is not what
    such words describe (疵ついた体を, 人の体で stay)."""
    tok = tokens[i]
    if tok.surface != "体" or tok.reading != "からだ":
        return None
    prev, prev2, nxt = _prev(tokens, i), _prev(tokens, i, 2), _next(tokens, i)
    if prev is None or nxt is None or nxt.surface not in ("で", "と"):
        return None
    if nxt.surface == "と" and not _next_starts(tokens, i + 1, "な"):
        return None  # 体と心: a body
    if prev.pos[0] in ("動詞", "助動詞", "形容詞") and not prev.surface.endswith(("て", "で")):
        return "てい"  # 告げる体で, 抜かれた体で, さもなき体で
    if prev.surface == "の" and prev2 is not None and (
        prev2.pos[2] == "サ変可能" or prev2.pos[0] in ("形状詞", "副詞")
    ):
        return "てい"  # 困惑の体, 躊躇の体, しどろもどろの体
    return None


def susuki(tokens: list[Token], i: int) -> str | None:
    """薄 standing as a noun is the plant, すすき (茨や薄で, 薄の葉, 穂薄); the dictionary reads the
    prefix うす (薄暗い, 薄緑色 stay: there it is an adjective's stem)."""
    tok = tokens[i]
    if tok.surface != "薄" or tok.reading != "うす" or tok.pos[:2] != ("名詞", "普通名詞"):
        return None
    return "すすき"


def ossharu(tokens: list[Token], i: int) -> str | None:
    """仰有る is an older spelling of おっしゃる (何と仰有る, 仰有った, 仰有います): 仰 おっ, 有 しゃ;
    the dictionary read the given name あおぐ and the verb 有る."""
    tok, nxt = tokens[i], _next(tokens, i)
    if tok.surface != "仰" or nxt is None or nxt.start != tok.end or nxt.lemma != "有る":
        return None
    if not nxt.surface.startswith("有"):
        return None
    nxt.reading = "しゃ" + to_hiragana(nxt.surface[1:])
    return "おっ"


def hoka_naranu(tokens: list[Token], i: int) -> str | None:
    """外ならぬ, 外ならない: "nothing other than", ほか (the dictionary reads そと)."""
    tok, nxt = tokens[i], _next(tokens, i)
    if tok.surface == "外" and nxt is not None and nxt.lemma in ("なる", "成る") and nxt.surface.startswith("なら"):
        return "ほか"
    return None


#: What 外の (another) qualifies in older fiction: 外の人 ほかのひと, 外の事.
_OTHER_THINGS = frozenset(["人", "事", "者", "物", "もの", "こと", "方"])


def hoka_no(tokens: list[Token], i: int) -> str | None:
    """In older fiction 外の + 人/事/者/物 at the start of a phrase is "other": 外の人 ほかのひと
    (written 他の today); 窓の外の人 stays outside (そと)."""
    tok, prev = tokens[i], _prev(tokens, i)
    nxt, nxt2 = _next(tokens, i), _next(tokens, i, 2)
    if (
        tok.surface == "外"
        and (prev is None or prev.surface != "の")
        and nxt is not None
        and nxt.surface == "の"
        and nxt2 is not None
        and nxt2.surface in _OTHER_THINGS
    ):
        return "ほか"
    return None


#: Literary standalone words and the reading printed books give them. (家 うち, 床 とこ, 灯 ひ and
#: 他の ひとの held on the eight works tuned on but not on forty others: dropped. 扉 と holds on
#: both: where older fiction prints a reading over 扉 it is と or ドア, never とびら.)
LITERARY_STANDALONE = {"己": "おれ", "扉": "と", "米": "こめ"}


def literary_standalone(tokens: list[Token], i: int) -> str | None:
    """In older fiction 己 standing alone is おれ, 扉 is と, 米 is rice, こめ (the dictionary
    reads the noun べい, the United States, as news writes it), and その中 is そのうち."""
    tok = tokens[i]
    prev, nxt = _prev(tokens, i), _next(tokens, i)
    if (
        tok.surface in LITERARY_STANDALONE
        and tok.pos[0] in ("名詞", "代名詞")
        and (prev is None or not prev.has_kanji)
        and (nxt is None or not nxt.has_kanji)
    ):
        return LITERARY_STANDALONE[tok.surface]
    if (
        tok.surface == "中"
        and prev is not None
        and (prev.surface in ("その", "この", "あの") or prev.pos[0] == "動詞")
    ):
        return "うち"
    return None


#: What opens of itself even with を in older fiction: 口を開いたまま, 眼を開く (an eye, a mouth).
AKU_WITH_WO = frozenset(["口", "眼", "目", "瞼", "唇"])
#: What opens out rather than open: 花が開く, 差が開く (ひらく in any register).
HIRAKU_SUBJECTS = frozenset(["花", "蕾", "つぼみ", "差", "距離", "間隔", "傘"])


def aku(tokens: list[Token], i: int) -> str | None:
    """In older fiction 開く is あく: 扉が開いて, 襖は開きません, 口を開いたまま (the dictionary
    reads ひらく; 開ける stays a verb of its own). Not where something is opened or held —
    会議を開く, 店を開いた, a passive or causative (会談が開かれた) — which is ひらく in any
    register (read あ in a modern essay the register test took for older prose) — nor what
    opens out (花が開いた, 差が開く)."""
    tok = tokens[i]
    if tok.lemma != "開く" or not tok.reading.startswith("ひら"):
        return None
    nxt = _next(tokens, i)
    if tok.surface.endswith("か") and nxt is not None and nxt.surface[:1] in ("れ", "せ"):
        return None  # 開かれる, 開かせる
    prev, before = _prev(tokens, i), _prev(tokens, i, 2)
    if prev is not None and prev.surface == "を":
        if before is None or before.surface not in AKU_WITH_WO:
            return None
    elif (
        prev is not None
        and prev.surface in ("が", "は", "も")
        and before is not None
        and before.surface in HIRAKU_SUBJECTS
    ):
        return None
    return "あ" + tok.reading[2:]


def yo(tokens: list[Token], i: int) -> str | None:
    """In older fiction a night is よ after その/この/あの/ある and in 夜に入る: その夜 そのよ."""
    tok = tokens[i]
    if tok.surface != "夜" or tok.reading != "よる":
        return None
    prev, nxt, nxt2 = _prev(tokens, i), _next(tokens, i), _next(tokens, i, 2)
    if prev is not None and prev.surface in ("その", "この", "あの", "ある", "或る"):
        return "よ"
    if nxt is not None and nxt.surface == "に" and nxt2 is not None and nxt2.lemma == "入る":
        return "よ"
    return None


def tatsu(tokens: list[Token], i: int) -> str | None:
    """In older fiction 起って is たって (stood up: 急に起って, 起って行って); 〜から起って (arose
    from) stays おこって."""
    tok = tokens[i]
    nxt, prev = _next(tokens, i), _prev(tokens, i)
    if (
        tok.surface == "起っ"
        and nxt is not None
        and nxt.surface == "て"
        and (prev is None or prev.surface != "から")
    ):
        return "たっ"
    return None


def ne(tokens: list[Token], i: int) -> str | None:
    """In older fiction the sound of an instrument or an insect is ね: 琴の音, 三味の音, 虫の音."""
    tok = tokens[i]
    prev, before = _prev(tokens, i), _prev(tokens, i, 2)
    if (
        tok.surface == "音"
        and tok.reading == "おと"
        and prev is not None
        and prev.surface == "の"
        and before is not None
        and before.surface in SOUNDS_READ_NE
    ):
        return "ね"
    return None


#: What makes a sound read ね rather than おと (琴の音 ことのね; not 笛: 汽車の笛の音 is おと).
SOUNDS_READ_NE = frozenset(["琴", "三味", "三味線", "虫", "鐘", "鈴", "琵琶", "笙", "物", "弦", "絃"])


def tachi(tokens: list[Token], i: int) -> str | None:
    """In older fiction 質 on its own after a verb or an adjective is a person's nature: たち
    (考える質の人, 飲める質でした, 理に暗い質); 会議の質 stays しつ."""
    tok = tokens[i]
    prev = _prev(tokens, i)
    if (
        tok.surface == "質"
        and prev is not None
        and prev.pos[0] in ("動詞", "助動詞", "形容詞")
    ):
        return "たち"
    return None


#: Activities one gives up: 止める after them (with を/は/も) is やめる (酒を止めた, 話は止めよう).
_GIVEN_UP = frozenset(
    ["話", "酒", "煙草", "タバコ", "たばこ", "仕事", "学校", "商売", "稽古", "勉強", "議論",
     "喧嘩", "研究", "交際", "会", "旅行", "計画", "相談", "問答", "遊び", "冗談"]
)


def yameru(tokens: list[Token], i: int) -> str | None:
    """止める with an activity as its object is やめる, giving it up (酒を止めた, その話はもう
    止めよう), not とめる (車を止めた)."""
    tok = tokens[i]
    if tok.lemma != "止める" or not tok.reading.startswith("とめ"):
        return None
    for k in range(i - 1, max(-1, i - 4), -1):  # 話を / 話はもう: a particle, an adverb between
        word = tokens[k]
        if word.surface in _GIVEN_UP:
            return "やめ" + tok.reading[2:]
        if word.pos[0] not in ("助詞", "副詞"):
            return None
    return None


#: Rooms: 間 after these and の is a room, ま (控えの間, 六畳の間, 次の間).
_ROOMS_BEFORE = frozenset(["控え", "次", "客", "茶", "奥", "居", "板", "床", "畳", "広", "仏"])


def ma(tokens: list[Token], i: int) -> str | None:
    """間 is ま as a room (控えの間, 六畳の間), in 間が悪い/間の悪い, 間がある/間のない (time to
    spare: まだ少し間があった) and in いつの間に(か). (知らない間に ま held on Sōseki only, with nothing to check it
    on in the forty: not added.)"""
    tok = tokens[i]
    if tok.surface != "間" or tok.reading != "あいだ":
        return None
    prev, before = _prev(tokens, i), _prev(tokens, i, 2)
    nxt, nxt2 = _next(tokens, i), _next(tokens, i, 2)
    if prev is not None and prev.surface == "の" and before is not None and before.surface in _ROOMS_BEFORE:
        return "ま"
    if (
        prev is not None
        and prev.surface == "の"
        and before is not None
        and before.surface in ("いつ", "何時")
        and nxt is not None
        and nxt.surface.startswith("に")
    ):
        return "ま"  # いつの間にか, 何時の間に
    if (
        (prev is None or prev.surface != "の")
        and nxt is not None
        and nxt.surface in ("が", "の")
        and nxt2 is not None
        and (nxt2.lemma in ("悪い", "ある", "無い", "ない") or nxt2.surface.startswith(("悪", "ある", "あっ", "ない", "無")))
    ):
        return "ま"
    return None


#: Ranks of biological classification after a taxon's name: 哺乳綱 こう, 食肉目 もく, 脊索動物門 もん.
TAXON_RANKS = {"綱": "こう", "目": "もく", "門": "もん"}
_TAXON_KUN = {"綱": "つな", "目": "め", "門": "かど"}
_TAXON_SIGNS = frozenset(["分類", "科", "亜科", "属", "綱", "目", "門", "亜目", "上科"])


def _after_name(tokens: list[Token], k: int) -> bool:
    """True when ``tokens[k]`` follows a name with nothing between: 哺乳|綱, ウシ|科 — not a
    count (2期|目, 2人|目)."""
    prev = _prev(tokens, k)
    return (
        prev is not None
        and prev.end == tokens[k].start
        and prev.pos[0] == "名詞"
        and prev.pos[1] != "数詞"
        and "助数詞" not in prev.pos[2]
        and (prev.has_kanji or _is_katakana_word(prev))
    )


def taxon(tokens: list[Token], i: int) -> str | None:
    """綱, 目, 門 right after a name are ranks of a classification when the sentence classifies
    (分類, or another rank such as ウシ科): 哺乳綱 ほにゅうこう, 鯨偶蹄目 もく — not the rope of
    横綱, the eye of 網の目 or the count of 2期目."""
    tok = tokens[i]
    reading = TAXON_RANKS.get(tok.surface)
    if reading is None:
        # a rank the dictionary wrote into one word with its name, read kun (霊長目 れいちょうめ)
        kun = _TAXON_KUN.get(tok.surface[-1:])
        if len(tok.surface) < 2 or kun is None or not tok.reading.endswith(kun):
            return None
        reading = tok.reading[: -len(kun)] + TAXON_RANKS[tok.surface[-1]]
        signs = _TAXON_SIGNS - {"分類"}  # another rank must follow a name: 網目を分類 stays あみめ
    elif not _after_name(tokens, i):
        return None
    else:
        signs = _TAXON_SIGNS
    lo = i
    while lo > 0 and not any(ch in _SENTENCE_ENDS for ch in tokens[lo - 1].surface):
        lo -= 1
    hi = i + 1
    while hi < len(tokens) and not any(ch in _SENTENCE_ENDS for ch in tokens[hi].surface):
        hi += 1
    for k in range(lo, hi):
        other = tokens[k].surface
        if k != i and other in signs and (other == "分類" or _after_name(tokens, k)):
            return reading
    return None


def dynasty_era(tokens: list[Token], i: int) -> str | None:
    """A dynasty and 代 that the dictionary took for a given name is the dynasty's era:
    中国の明代に みんだい (not あきよ) — unless a surname precedes it or an honorific
    follows (山田明代さん)."""
    tok = tokens[i]
    if len(tok.surface) != 2 or tok.surface[1] != "代" or tok.pos[2] != "人名":
        return None
    dynasty = country_reading(tok.surface[0])
    prev, nxt = _prev(tokens, i), _next(tokens, i)
    if dynasty is None or (prev is not None and prev.pos[2] == "人名"):
        return None
    if nxt is not None and nxt.surface in ("さん", "様", "さま", "氏", "君", "ちゃん", "殿"):
        return None
    return dynasty + "だい"


#: Ranks and offices whose holder's house is a family: 公爵家 こうしゃくけ, 将軍家 しょうぐんけ.
_HOUSE_HOLDERS = frozenset(
    ["公爵", "侯爵", "伯爵", "子爵", "男爵", "将軍", "藩主", "大名", "天皇", "宮"]
)


def ke(tokens: list[Token], i: int) -> str | None:
    """家 after a family name or a noble rank is the family, け: 田中家 たなかけ, 立花家代々,
    徳川公爵家 — not the か of a profession (作家, 専門家)."""
    tok = tokens[i]
    prev = _prev(tokens, i)
    if (
        tok.surface == "家"
        and tok.reading == "か"
        and prev is not None
        and prev.end == tok.start
        and (prev.pos[2] == "人名" or prev.surface in _HOUSE_HOLDERS)
    ):
        return "け"
    return None


def ki(tokens: list[Token], i: int) -> str | None:
    """基 right after a loanword is a chemical group, き: エチル基, ヒドロキシ基 (not もと)."""
    tok = tokens[i]
    prev = _prev(tokens, i)
    if (
        tok.surface == "基"
        and prev is not None
        and prev.end == tok.start
        and prev.pos[0] == "名詞"
        and _is_katakana_word(prev)
    ):
        return "き"
    return None


def ko(tokens: list[Token], i: int) -> str | None:
    """粉 right after a loanword is ground food, こ, as in the dictionary's カレー粉 and パン粉:
    コーヒー粉 こーひーこ (not こな)."""
    tok = tokens[i]
    prev = _prev(tokens, i)
    if (
        tok.surface == "粉"
        and tok.reading == "こな"
        and prev is not None
        and prev.end == tok.start
        and prev.pos[0] == "名詞"
        and _is_katakana_word(prev)
    ):
        return "こ"
    return None


#: What is spicy rather than painful: 辛い匂い, 辛いもの からい.
_SPICY = frozenset(
    ["匂い", "臭い", "味", "香り", "料理", "もの", "物", "食べ物", "ソース", "カレー", "風味"]
)


def karai(tokens: list[Token], i: int) -> str | None:
    """辛い before a taste, a smell or a food is からい: 辛い匂い, 辛いものが苦手 (not つらい, as
    in 辛い思い)."""
    tok = tokens[i]
    nxt = _next(tokens, i)
    if (
        tok.surface == "辛い"
        and tok.reading == "つらい"
        and nxt is not None
        and nxt.start == tok.end
        and nxt.surface in _SPICY
    ):
        return "からい"
    return None


def doujin(tokens: list[Token], i: int) -> str | None:
    """同人 of a coterie is どうじん, as the dictionary's own 同人誌 reads: 同人雑誌, 同人活動,
    and a bare 同人 in a sentence about 同人誌. A bare 同人 elsewhere is "the said person"
    (どうにん, the dictionary's reading), so it stays."""
    tok = tokens[i]
    if not tok.surface.startswith("同人") or not tok.reading.startswith("どうにん"):
        return None
    nxt = _next(tokens, i)
    coterie = len(tok.surface) > 2 or (
        nxt is not None
        and nxt.start == tok.end
        and nxt.pos[0] == "名詞"
        and nxt.surface not in "、。"
    )
    if not coterie:
        lo, hi = max(0, i - 30), min(len(tokens), i + 30)
        coterie = any(t.surface.startswith("同人誌") for t in tokens[lo:hi])
    return "どうじん" + tok.reading[4:] if coterie else None


def tadashiku(tokens: list[Token], i: int) -> str | None:
    """正しく in modern prose is ただしく (正しく安全に); まさしく "surely" is the older spelling
    that printed fiction keeps (正《まさ》しく), so the rule is modern only."""
    tok = tokens[i]
    if tok.surface == "正しく" and tok.reading == "まさしく":
        return "ただしく"
    return None


def hakushi(tokens: list[Token], i: int) -> str | None:
    """博士 after a field of learning is the degree, はくし: 薬学博士, 医学博士 (not はかせ)."""
    tok = tokens[i]
    prev = _prev(tokens, i)
    if (
        tok.surface == "博士"
        and tok.reading == "はかせ"
        and prev is not None
        and prev.end == tok.start
        and prev.surface.endswith("学")
        and len(prev.surface) >= 2
    ):
        return "はくし"
    return None


#: What one suffers rather than puts on: 損害を被る こうむる (a hat is かぶる).
_SUFFERED = frozenset(
    ["損害", "被害", "不利益", "損失", "迷惑", "打撃", "恩恵", "損", "災害", "罰", "影響", "痛手"]
)


def _verb_on_object(
    tokens: list[Token], i: int, kanji: str, reading: str, objects: frozenset[str], instead: str
) -> str | None:
    """A verb spelt ``kanji``… that the dictionary reads ``reading``…, with one of
    ``objects`` before its を, read ``instead``… (the rest of its reading kept)."""
    tok = tokens[i]
    if (
        tok.pos[0] != "動詞"
        or not tok.surface.startswith(kanji)
        or not tok.reading.startswith(reading)
    ):
        return None
    obj, particle = _prev(tokens, i, 2), _prev(tokens, i)
    if (
        particle is not None
        and particle.surface == "を"
        and obj is not None
        and obj.surface in objects
    ):
        return instead + tok.reading[len(reading) :]
    return None


def koumuru(tokens: list[Token], i: int) -> str | None:
    """被る with a harm or a favour as its object is こうむる: 不利益を被らない, 損害を被った."""
    return _verb_on_object(tokens, i, "被", "かぶ", _SUFFERED, "こうむ")


def eru(tokens: list[Token], i: int) -> str | None:
    """得る after its object is the verb える: 結論を得る, 許可を得る. うる is the auxiliary
    after a verb's stem (あり得る, 起こり得る), where no を stands before it."""
    tok = tokens[i]
    prev = _prev(tokens, i)
    if (
        tok.surface == "得る"
        and tok.reading == "うる"
        and prev is not None
        and prev.surface == "を"
    ):
        return "える"
    return None


def rui(tokens: list[Token], i: int) -> str | None:
    """類を見ない "unparalleled" reads 類 るい (not たぐい)."""
    tok = tokens[i]
    if tok.surface != "類" or tok.reading == "るい":
        return None
    particle, verb = _next(tokens, i), _next(tokens, i, 2)
    if (
        particle is not None
        and particle.surface == "を"
        and verb is not None
        and verb.surface.startswith("見")
    ):
        return "るい"
    return None


def kaname(tokens: list[Token], i: int) -> str | None:
    """要 of something that it turns on is かなめ: 選挙の要となる, 守りの要だ. The よう of need
    (その要はない) has no の before it or a は/が after it."""
    tok = tokens[i]
    prev, nxt = _prev(tokens, i), _next(tokens, i)
    if tok.surface != "要" or prev is None or prev.surface != "の" or nxt is None:
        return None
    if nxt.surface in ("だ", "です", "である", "で") or (
        nxt.surface == "と"
        and (after := _next(tokens, i, 2)) is not None
        and after.lemma in ("なる", "する")
    ):
        return "かなめ"
    return None


def okou(tokens: list[Token], i: int) -> str | None:
    """香 after the polite お is incense, こう: お香を焚く (not かおり)."""
    tok = tokens[i]
    prev = _prev(tokens, i)
    if tok.surface == "香" and prev is not None and prev.surface == "お" and prev.end == tok.start:
        return "こう"
    return None


#: Particles of physics beside which 陽子 is the proton, ようし (not the name ようこ).
_PARTICLES_OF_PHYSICS = frozenset(["中性子", "電子", "原子", "原子核", "粒子", "核子", "陽電子"])


def youshi(tokens: list[Token], i: int) -> str | None:
    """陽子 beside another particle of physics is the proton: 陽子や中性子 ようし."""
    tok = tokens[i]
    if tok.surface != "陽子" or tok.reading == "ようし":
        return None
    near = tokens[max(0, i - 4) : i] + tokens[i + 1 : i + 5]
    if any(t.surface in _PARTICLES_OF_PHYSICS for t in near):
        return "ようし"
    return None


#: The seasons by their native names, as a list of them reads: 春・夏・秋・冬.
SEASONS = {"春": "はる", "夏": "なつ", "秋": "あき", "冬": "ふゆ"}


def season_list(tokens: list[Token], i: int) -> str | None:
    """A season listed with another is its native word: 春・夏・秋・冬 あき (not しゅう)."""
    tok = tokens[i]
    native = SEASONS.get(tok.surface)
    if native is None or tok.reading == native:
        return None
    for mark, other in (
        (_prev(tokens, i), _prev(tokens, i, 2)),
        (_next(tokens, i), _next(tokens, i, 2)),
    ):
        if (
            mark is not None
            and mark.surface in _LIST_MARKS
            and other is not None
            and other.surface in SEASONS
        ):
            return native
    return None


#: What one draws rather than depicts: 絵を描く かく.
_DRAWN = frozenset(
    ["絵", "イラスト", "漫画", "マンガ", "似顔絵", "図", "線", "円", "地図", "落書き"]
)


def kaku(tokens: list[Token], i: int) -> str | None:
    """描く with a picture as its object is かく: 絵を描いている (えがく is to depict)."""
    return _verb_on_object(tokens, i, "描", "えが", _DRAWN, "か")


def gake(tokens: list[Token], i: int) -> str | None:
    """掛け after a count of people is a seat for that many, がけ: ３人掛け, 二人掛けのソファ."""
    tok = tokens[i]
    prev = _prev(tokens, i)
    if (
        tok.surface.startswith("掛")
        and tok.reading.startswith("か")
        and prev is not None
        and prev.end == tok.start
        and prev.surface in ("人", "名")
        and (num := _prev(tokens, i, 2)) is not None
        and num.pos[1] == "数詞"
    ):
        return "が" + tok.reading[1:]
    return None


#: A noun read by the verb it is the object of: 生を受ける せい, 種を蒔く たね, 一時を過ごす ひととき.
OBJECT_IDIOMS = {
    "生": ("受享", "せい"),
    "種": ("蒔撒植", "たね"),
    "一時": ("過", "ひととき"),
}


def object_idiom(tokens: list[Token], i: int) -> str | None:
    """A noun in a set phrase with its verb after を (see ``OBJECT_IDIOMS``): この世に生を受けて
    せい, 秋に種を蒔けば たね, 心和む一時をお過ごしください ひととき."""
    tok = tokens[i]
    idiom = OBJECT_IDIOMS.get(tok.surface)
    particle = _next(tokens, i)
    if idiom is None or particle is None or particle.surface != "を":
        return None
    verb = _next(tokens, i, 2)
    if verb is not None and verb.surface == "お":
        verb = _next(tokens, i, 3)  # お過ごし
    if verb is not None and verb.surface[:1] in idiom[0]:
        return idiom[1]
    return None


def _sentence(tokens: list[Token], i: int) -> list[Token]:
    """The tokens of the sentence ``tokens[i]`` stands in (cut at 。！？ and line ends)."""
    lo = i
    while lo > 0 and not any(ch in _SENTENCE_ENDS for ch in tokens[lo - 1].surface):
        lo -= 1
    hi = i + 1
    while hi < len(tokens) and not any(ch in _SENTENCE_ENDS for ch in tokens[hi].surface):
        hi += 1
    return tokens[lo:hi]


#: Old units of measure by their Sino-Japanese names: 尺 しゃく, 貫 かん (not さし, ぬき).
UNIT_NAMES = {"尺": "しゃく", "貫": "かん"}
_UNIT_SIGNS = frozenset(["単位", "尺貫法", "単位系", "寸", "斤", "長さ", "重さ", "質量"])


def unit_name(tokens: list[Token], i: int) -> str | None:
    """尺 and 貫 standing alone in a sentence about units are the units: 尺は、尺貫法における
    長さの単位 しゃく, 単位系は貫ではなく斤 かん."""
    tok = tokens[i]
    reading = UNIT_NAMES.get(tok.surface)
    if reading is None or tok.reading == reading:
        return None
    if any(t.surface in _UNIT_SIGNS for t in _sentence(tokens, i)):
        return reading
    return None


_POWER_SIGNS = frozenset(["冪", "べき", "累乗", "指数", "対数", "進法", "冪乗", "冪指数"])


def tei(tokens: list[Token], i: int) -> str | None:
    """底 in a sentence about powers or logarithms is the base, てい: 16を底とし (not そこ)."""
    tok = tokens[i]
    if tok.surface != "底" or tok.reading == "てい":
        return None
    if any(t.surface in _POWER_SIGNS for t in _sentence(tokens, i)):
        return "てい"
    return None


#: What one lives or acts under, not beneath: 法律の下に もと.
_UNDER_RULE = frozenset(
    [
        "法律",
        "法",
        "指導",
        "監督",
        "管理",
        "支配",
        "条件",
        "名",
        "旗",
        "前提",
        "原則",
        "方針",
        "体制",
        "協力",
        "責任",
        "統治",
        "保護",
        "命令",
        "指揮",
        "政権",
        "庇護",
        "規定",
        "合意",
        "理念",
        "信念",
        "目標",
        "号令",
        "判断",
        "計画",
        "構想",
        "約束",
        "仮定",
        "制度",
    ]
)


#: People one lives or learns under: 親の下で, 師匠の下に, 両親の下を離れる.
_GUARDIANS = frozenset(
    ["親", "両親", "父", "母", "父母", "祖父母", "師", "師匠", "恩師", "先生", "伯父", "叔父", "主君"]
)


def moto(tokens: list[Token], i: int) -> str | None:
    """下 after a rule, an authority or a condition and の is もと: 法律の下に, 指導の下で
    (the place beneath a thing stays した: 机の下に)."""
    tok = tokens[i]
    if tok.surface != "下" or tok.reading == "もと":
        return None
    particle, noun, after = _prev(tokens, i), _prev(tokens, i, 2), _next(tokens, i)
    if (
        particle is not None
        and particle.surface == "の"
        and noun is not None
        and noun.surface in _UNDER_RULE
        and after is not None
        and after.surface in ("に", "で", "、")
    ):
        return "もと"
    if (
        particle is not None
        and particle.surface == "の"
        and noun is not None
        and noun.surface in _GUARDIANS
        and after is not None
        and after.surface in ("に", "で", "を", "から", "へ", "、")
    ):
        return "もと"  # 親の下で育つ, 師の下を離れる: in someone's care, not beneath them
    return None


def article_number(tokens: list[Token], i: int) -> str | None:
    """A numbered place name after 第 is an article's number: 河川法第四条 よんじょう (四条
    alone is Kyoto's street, しじょう)."""
    tok = tokens[i]
    prev = _prev(tokens, i)
    if (
        prev is None
        or prev.surface != "第"
        or prev.end != tok.start
        or tok.pos[1] != "固有名詞"
        or len(tok.surface) < 2
        or tok.surface[-1] not in "条項章節"
    ):
        return None
    numerals = read_kanji_number(tok.surface[:-1])
    if numerals is None:
        return None
    return (
        "".join(numerals)
        + {"条": "じょう", "項": "こう", "章": "しょう", "節": "せつ"}[tok.surface[-1]]
    )


#: The arts of Kyoto and Osaka, after which 上方 is the region, かみがた: 上方落語.
_KAMIGATA_ARTS = frozenset(
    ["落語", "漫才", "歌舞伎", "芸能", "文化", "言葉", "舞", "浮世絵", "文学"]
)


def kamigata(tokens: list[Token], i: int) -> str | None:
    """上方 before one of Kyoto's and Osaka's arts is the region, かみがた: 上方落語 (not じょうほう,
    "upward")."""
    tok = tokens[i]
    nxt = _next(tokens, i)
    if (
        tok.surface == "上方"
        and nxt is not None
        and nxt.start == tok.end
        and nxt.surface in _KAMIGATA_ARTS
    ):
        return "かみがた"
    return None


def eightfold_path(tokens: list[Token], i: int) -> str | None:
    """正道 and 聖道 after 八 are the Buddhist Eightfold Path, read in go-on: 八正道, 八聖道
    はっしょうどう (正道を歩む stays せいどう)."""
    tok = tokens[i]
    prev = _prev(tokens, i)
    if tok.surface in ("正道", "聖道") and prev is not None and prev.surface == "八" and prev.end == tok.start:
        return "しょうどう"
    return None


def sanbouin(tokens: list[Token], i: int) -> str | None:
    """法印 after 三 voices, as the dictionaries read the Three Marks: 三法印 さんぼういん (四法印
    しほういん does not)."""
    tok = tokens[i]
    prev = _prev(tokens, i)
    if tok.surface == "法印" and tok.reading == "ほういん" and prev is not None and prev.surface == "三":
        return "ぼういん"
    return None


#: Nouns that make a verb with 立てる, voiced: 系統立てる けいとうだてる "set in order".
ORDER_NOUNS = frozenset(
    ["系統", "秩序", "順序", "筋道", "理論", "論理", "体系", "証拠", "義理", "段階", "系列", "筋"]
)


def dateru(tokens: list[Token], i: int) -> str | None:
    """立てる after a noun of order voices (系統立てて配列 けいとうだてて, 順序立てた); after
    any other noun it keeps its reading (看板立てて: a signboard put up, を dropped)."""
    tok = tokens[i]
    prev = _prev(tokens, i)
    if (
        tok.pos[0] == "動詞"
        and tok.surface.startswith("立")
        and tok.reading.startswith("た")
        and prev is not None
        and prev.end == tok.start
        and prev.surface in ORDER_NOUNS
    ):
        return "だ" + tok.reading[1:]
    return None


#: Second elements that voice after a noun (rendaku): 竹下通り, 普段使い, 野菜作り.
RENDAKU_SUFFIXES = {
    "通": "とお",
    "使": "つか",
    "作": "つく",
    "付": "つけ",
    "造": "つく",
    "遣": "つか",
    "醤": "しょう",
    "羽": "はお",
    "汁": "しる",
    "箱": "はこ",
    "沿": "そ",
    "細": "さいく",
    "豆": "とうふ",
}


def rendaku(tokens: list[Token], i: int) -> str | None:
    """通り, 使い, 作り, 醤油, 羽織, 汁, 箱, 沿い, 細工, 豆腐 right after a noun voice (rendaku):
    竹下通り どおり, 普段使い づかい, 野菜作り づくり, だし醤油 じょうゆ, 陣羽織 ばおり, 川沿い ぞい,
    ガラス細工 ざいく, 銀豆腐 どうふ."""
    tok = tokens[i]
    plain = RENDAKU_SUFFIXES.get(tok.surface[0])
    if plain is not None and i > 0 and tokens[i - 1].pos[1] == "数詞":
        return None  # 3箱 counts boxes: はこ
    if tok.pos[1] == "固有名詞":
        return None  # 神奈川県|箱根町: a name starts anew, it is no compound's second word
    if plain is None or not tok.reading.startswith(plain) or not _suffix_after_noun(tokens, i):
        return None
    if tok.surface[0] == "使" and tok.pos[0] == "動詞" and not _as_noun(tokens, i):
        return None  # 三日使ったら: 使う after its object, not a compound (位置付ける voices)
    return voiced(tok.reading)


#: Words that voice as the second element of a compound whatever their part of speech:
#: 興味深い ぶかい, 衝動買い がい, 行楽日和 びより, 勉強嫌い ぎらい, 分割払い ばらい, 一夜干し ぼし, 三拍子 びょうし.
VOICED_SECONDS = {
    "深": "ふか",
    "締め": "し",
    "買い": "か",
    "日和": "ひより",
    "嫌": "きら",
    "払": "はら",
    "干": "ほし",
    "拍子": "ひょうし",
    "創": "つく",
}


def voiced_second(tokens: list[Token], i: int) -> str | None:
    """深い, 買い, 日和, 嫌い, 払い, 干し, 拍子, 創り right after a noun (or a number, for 拍子)
    voice like a compound's second element: 注意深く ぶかく, 衝動買い がい, バイク日和, 現金払い,
    三拍子 さんびょうし."""
    tok = tokens[i]
    surface = tok.surface
    plain = VOICED_SECONDS.get(surface[0]) or VOICED_SECONDS.get(surface[:2])
    if plain is None:
        return _voiced_after_katakana(tok)
    if not tok.reading.startswith(plain):
        return None
    if tok.pos[0] == "動詞" and surface[0] != "創" and not _as_noun(tokens, i):
        return None  # a verb after its object with the particle dropped: 七銭払った はら
    prev = _prev(tokens, i)
    if prev is None or not (
        prev.has_kanji or _is_katakana_word(prev) or (plain == "ひょうし" and prev.pos[1] == "数詞")
    ):
        return None  # a count in digits voices 拍子 as one in kanji does: ３拍子 さんびょうし
    if not _suffix_after_noun(tokens, i):
        return None
    return voiced(tok.reading)


def _as_noun(tokens: list[Token], i: int) -> bool:
    """Whether the verb at ``i`` is its 連用形 used as a noun: before する or a case particle
    (衝動買いした, まとめ買いを), not before た or て (七銭払った)."""
    tok, nxt = tokens[i], _next(tokens, i)
    return (
        tok.pos[5].startswith("連用形")
        and nxt is not None
        and (nxt.lemma == "する" or nxt.surface in ("を", "が", "の", "は", "も", "に", "で"))
    )


def _voiced_after_katakana(tok: Token) -> str | None:
    """One dictionary word of a loanword and such a second element, read unvoiced by the
    dictionary: コンビニ払い こんびにばらい."""
    k = 0
    while k < len(tok.surface) and _is_katakana_word_char(tok.surface[k]):
        k += 1
    rest = tok.surface[k:]
    plain = VOICED_SECONDS.get(rest[:1]) or VOICED_SECONDS.get(rest[:2])
    head = to_hiragana(tok.surface[:k])
    if k == 0 or plain is None or not tok.reading.startswith(head):
        return None
    tail = tok.reading[len(head) :]
    if not tail.startswith(plain):
        return None
    return head + voiced(tail)


def _is_katakana_word_char(ch: str) -> bool:
    return "ァ" <= ch <= "ヺ" or ch == "ー"


def tsuki(tokens: list[Token], i: int) -> str | None:
    """付 after a noun means "with", つき (トイレ付, 朝食付); after a date it is づけ (20日付).
    After one kanji it is a verb's stem the dictionary split off: 片付方 かたづけかた."""
    tok = tokens[i]
    prev = _prev(tokens, i)
    if tok.surface != "付" or tok.pos[0] != "接尾辞" or prev is None:
        return None
    if prev.surface == "片":
        return "づけ"
    if len(prev.surface) == 1 and prev.has_kanji:
        return None
    return "づけ" if prev.surface.endswith("日") else "つき"


def honorific_ji(tokens: list[Token], i: int) -> str | None:
    """時 right after an honorific お/ご + word is じ: お支払い時, お申し込み時 (not とき)."""
    tok = tokens[i]
    prev, before = _prev(tokens, i), _prev(tokens, i, 2)
    if (
        tok.surface == "時"
        and tok.reading == "とき"
        and prev is not None
        and prev.has_kanji
        and before is not None
        and before.surface in ("お", "ご", "御")
    ):
        return "じ"
    return None


def bi(tokens: list[Token], i: int) -> str | None:
    """日 closing a compound with a verbal noun is び: 休館日, 登録日, 満了日 (雨の日 stays ひ)."""
    tok = tokens[i]
    prev = _prev(tokens, i)
    if (
        tok.surface == "日"
        and tok.reading == "ひ"
        and prev is not None
        and prev.has_kanji
        and _is_noun(prev)
        and prev.pos[1] != "数詞"
    ):
        return "び"
    if (
        tok.surface == "日"
        and tok.reading in ("ひ", "にち")
        and prev is not None
        and prev.pos[2] == "サ変可能"
        and (prev.has_kanji or _is_katakana_word(prev))
    ):
        return "び"  # 脱稿日, アクセス日: the day of an act
    return None


#: Ancient clan names read with の before a given name: 源義経 みなもとの よしつね.
UJI = frozenset(
    ["源", "平", "藤原", "菅原", "橘", "在原", "紀", "大江", "清原", "中臣", "物部", "大伴", "小野"]
)


#: The last character of a given name of today (健三郎, 和博, 文太, 紀香): after it a clan name
#: is a family name of today and takes no の (大江健三郎 おおえ, 清原和博 きよはら). Not 子 nor 代:
#: the Heian court's women are 子 (藤原彰子, 紀良子 きのよしこ).
TODAYS_GIVEN_ENDINGS = frozenset("郎太介助美也哉樹博男夫雄香奈恵穂菜")


def uji_no(tokens: list[Token], i: int) -> str | None:
    """An old clan name before a given name takes の: 源義経 (みなもとの), 菅原道真 (すがわらの);
    not before a given name of today (大江健三郎 おおえ)."""
    tok = tokens[i]
    if tok.surface not in UJI or tok.reading.endswith("の"):
        return None
    k = i + 1
    while k < len(tokens) and tokens[k].surface in (" ", "　"):
        k += 1
    if k < len(tokens) and tokens[k].pos[2:4] == ("人名", "名"):
        given = tokens[k].surface
        if given[-1:] in TODAYS_GIVEN_ENDINGS:
            return None
        return tok.reading + "の"
    return None


#: Words Meiji–Shōwa fiction reads otherwise than modern prose (standalone words only).
LITERARY_READINGS = {
    "宅": "うち",
    "室": "へや",
    "先刻": "さっき",
    "身体": "からだ",
    "一寸": "ちょっと",
    "昨夜": "ゆうべ",
    "咽喉": "のど",
    "停車場": "ていしゃば",
    "頓着": "とんじゃく",
    "無頓着": "むとんじゃく",
    "服装": "なり",
    "目標": "めじるし",
    "理由": "わけ",
    "四辺": "あたり",
    "塵埃": "ほこり",
    "人数": "にんず",
    "多人数": "たにんず",
    "行先": "ゆくさき",
    "少時": "しばらく",
    "腸": "はらわた",
    "塵": "ちり",
    "創": "きず",
    "尖": "さき",
    "笑談": "じょうだん",
    "独言": "ひとりごと",
    "行衛": "ゆくえ",
    "樵夫": "きこり",
    "漸々": "ようよう",
    "住居": "すまい",
    "玩具": "おもちゃ",
    "裸体": "はだか",
    "後生": "ごしょう",
    "種々": "いろいろ",
    "詞": "ことば",  # 女房の詞, お詞に従って, けしかけ詞; 歌詞, 品詞 are words of their own
}


#: Prefixes that make a Sino-Japanese compound of the word after them.
_SINO_PREFIXES = frozenset(["全", "半", "非", "無", "未", "不"])


def literary(tokens: list[Token], i: int) -> str | None:
    """The literary reading of a few standalone words (宅 うち, 室 へや, 先刻 さっき)."""
    tok = tokens[i]
    reading = LITERARY_READINGS.get(tok.surface)
    if reading is None or tok.pos[0] != "名詞":
        return None
    prev = _prev(tokens, i)
    if prev is not None and prev.has_kanji and _is_noun(prev):
        return None  # part of a compound (自宅 is written as one word, but 研究 室 may not be)
    if tok.surface == "宅" and prev is not None and prev.surface in ("お", "御"):
        return None  # お宅 (your home) is おたく
    nxt = _next(tokens, i)
    if nxt is not None and nxt.has_kanji and nxt.pos[0] == "接尾辞":
        return None  # 昨夜来 is さくやらい
    if len(tok.surface) == 1 and nxt is not None and nxt.start == tok.end:
        if nxt.pos[0] == "名詞":
            return None  # one kanji before a noun makes a compound: 腸窒扶斯, 腸チフス ちょう
        if nxt.pos[0] == "動詞":
            return None  # or a verb's stem: 家を創しぬ (おこす), not a wound
    if prev is not None and prev.end == tok.start and prev.surface in _SINO_PREFIXES:
        return None  # 全裸体 ぜんらたい (小人数 こにんず keeps the literary reading)
    return reading


def yuku(tokens: list[Token], i: int) -> str | None:
    """行く is ゆく in older fiction (行っ keeps い: ゆった does not exist)."""
    tok = tokens[i]
    if tok.lemma == "行く" and tok.reading.startswith("い") and not tok.surface.startswith("行っ"):
        return "ゆ" + tok.reading[1:]
    return None


def hyou(tokens: list[Token], i: int) -> str | None:
    """表 after 意を (謝意を表します, 敬意を表する) is 表する, ひょう (not 表す あらわす)."""
    tok = tokens[i]
    prev, prev2 = _prev(tokens, i), _prev(tokens, i, 2)
    if (
        tok.lemma == "表す"
        and prev is not None
        and prev.surface == "を"
        and prev2 is not None
        and prev2.surface.endswith("意")
    ):
        return "ひょう" + tok.reading[len("あらわ") :]
    return None


def suku(tokens: list[Token], i: int) -> str | None:
    """空く after お腹 / 腹 is すく (お腹の空く子), not あく."""
    tok = tokens[i]
    prev, prev2 = _prev(tokens, i), _prev(tokens, i, 2)
    if tok.lemma != "空く" or not tok.reading.startswith("あ"):
        return None
    for t in (prev, prev2):
        if t is not None and t.surface.endswith("腹"):
            return "す" + tok.reading[1:]
    return None


def kuu(tokens: list[Token], i: int) -> str | None:
    """空 opening a Sino-Japanese compound is くう (空集合, 空対空), not そら."""
    tok = tokens[i]
    nxt = _next(tokens, i)
    if (
        tok.surface == "空"
        and tok.reading == "そら"
        and nxt is not None
        and nxt.has_kanji
        and _is_noun(nxt)
        and nxt.pos[1] == "普通名詞"
        and (i == 0 or not tokens[i - 1].has_kanji)
    ):
        return "くう"
    return None


#: Nouns after which 中 means "throughout" (じゅう): 一日中, 世界中, 日本中, 一年中.
_JUU_AFTER = frozenset(
    ["日", "年", "世界", "日本", "国", "町", "村", "家", "体", "晩", "夜", "部屋", "学校", "街"]
)


def juu(tokens: list[Token], i: int) -> str | None:
    """中 after a span of time or a place is "throughout", じゅう (一日中, 世界中); 会議中 stays
    ちゅう. Also mends Sudachi's 一|日中 (にっちゅう) split of 一日中."""
    tok = tokens[i]
    prev = _prev(tokens, i)
    if (
        tok.surface == "中"
        and tok.pos[0] == "接尾辞"
        and prev is not None
        and prev.surface in _JUU_AFTER
        and (
            prev.surface not in ("日", "年")
            or (before := _prev(tokens, i, 2)) is not None
            and before.pos[1] == "数詞"
        )
    ):
        return "じゅう"  # 一日中, 世界中; but 日中両政府 (Japan and China) is ちゅう
    if tok.surface == "日中" and prev is not None and prev.surface in ("一", "1", "１"):
        return "にちじゅう"
    if (
        tok.surface == "雨"
        and tok.pos[0] == "接尾辞"
        and prev is not None
        and prev.surface == "日中"
    ):
        return "あめ"  # the word after the mis-split 一|日中|雨 is plain 雨
    return None


WEEKDAYS = {
    "月": "げつ",
    "火": "か",
    "水": "すい",
    "木": "もく",
    "金": "きん",
    "土": "ど",
    "日": "にち",
    "祝": "しゅく",
}
_OPEN, _CLOSE = frozenset("(（〔[［"), frozenset(")）〕]］")


def weekday(tokens: list[Token], i: int) -> str | None:
    """A weekday in brackets after a date is its on-reading: 10月28日（火） か, (土・日) ど, にち."""
    tok = tokens[i]
    if tok.surface not in WEEKDAYS:
        return None
    k = i - 1
    while k >= 0 and (tokens[k].surface in WEEKDAYS or tokens[k].surface in ("・", "、", "･")):
        k -= 1
    j = i + 1
    while j < len(tokens) and (
        tokens[j].surface in WEEKDAYS or tokens[j].surface in ("・", "、", "･")
    ):
        j += 1
    if k >= 0 and j < len(tokens) and tokens[k].surface in _OPEN and tokens[j].surface in _CLOSE:
        return WEEKDAYS[tok.surface]
    return None


_LIST_MARKS = ("・", "･", "、")


def _weekday_like(tok: Token | None) -> bool:
    """A weekday or a word of weekdays (土日, 祝日), not just a word starting with one (日本)."""
    return (
        tok is not None
        and tok.has_kanji
        and (all(ch in WEEKDAYS or ch in "・･" for ch in tok.surface) or tok.surface == "祝日")
    )


def weekday_list(tokens: list[Token], i: int) -> str | None:
    """Weekdays listed together are their on-readings: 土・日・祝日 ど·にち, 金土 きんど,
    月・水・金 げつ·すい·きん (a lone 土 or 月 keeps the dictionary's word)."""
    tok = tokens[i]
    surface = tok.surface
    if (
        len(surface) > 1
        and tok.pos[1] == "固有名詞"
        and all(ch in WEEKDAYS and ch != "祝" for ch in surface)
    ):  # taken for a name (金土 こんど); 土木, 祝日 are words
        parts = [WEEKDAYS[ch] for ch in surface]
        for n in range(len(parts) - 1):
            if parts[n] == "げつ" and parts[n + 1][0] in "かきくけこさしすせそたちつてと":
                parts[n] = "げっ"
        return "".join(parts)
    if surface not in WEEKDAYS:
        return None
    before = _prev(tokens, i)
    if before is not None and before.pos[1] == "数詞":
        return None  # 7日、日本の…: a date, not a list of weekdays
    after = _next(tokens, i)
    listed_after = (
        after is not None and after.surface in _LIST_MARKS and _weekday_like(_next(tokens, i, 2))
    )
    listed_before = (
        before is not None and before.surface in _LIST_MARKS and _weekday_like(_prev(tokens, i, 2))
    )
    if listed_after or listed_before:
        return WEEKDAYS[surface]
    return None


def former(tokens: list[Token], i: int) -> str | None:
    """前 and 元 before an office mean "former": トランプ前大統領 ぜん, 安倍元首相 もと, 元国防相
    もと; 3日前 (a time before) keeps まえ and 3元 (a currency) げん."""
    tok = tokens[i]
    if tok.surface == "前":
        if tok.reading != "まえ":
            return None
        target = "ぜん"
    elif tok.surface == "元":
        if tok.reading == "もと":
            return None
        target = "もと"
    else:
        return None
    prev = _prev(tokens, i)
    if prev is not None and (
        prev.pos[1] == "数詞"
        or "助数詞" in prev.pos[2]
        or prev.pos[2] == "副詞可能"
        or prev.surface == "の"
    ):
        return None  # 3日前, 数年前, 首相の前
    return target if office_follows(tokens, i + 1) else None


def sonogo(tokens: list[Token], i: int) -> str | None:
    """その後 "after that, later" is そのご (その後、 その後の その後も); before a case particle
    it is the place or time behind, そのあと (その後を追う, その後で, その後から)."""
    tok = tokens[i]
    nxt = _next(tokens, i)
    if nxt is not None and nxt.surface in ("を", "に", "で", "が", "から", "へ", "まで"):
        return None
    if tok.surface == "その後" and tok.reading == "そのあと":
        return "そのご"
    prev = _prev(tokens, i)
    if (
        tok.surface == "後"
        and tok.reading == "あと"
        and prev is not None
        and prev.surface == "その"
    ):
        return "ご"
    return None


def sangoku(tokens: list[Token], i: int) -> str | None:
    """国 after the numeral 三 voices: 第三国 だいさんごく, 三国間 (like 三階 さんがい); and the
    place name 三国 (みくに) before what names the Three Kingdoms is them: 三国志, 三国時代."""
    tok = tokens[i]
    prev = _prev(tokens, i)
    if tok.surface == "国" and tok.reading == "こく" and prev is not None and prev.surface == "三":
        return "ごく"
    nxt = _next(tokens, i)
    if (
        tok.surface == "三国"
        and tok.reading == "みくに"
        and nxt is not None
        and nxt.start == tok.end
        and nxt.surface in _THREE_KINGDOMS
    ):
        return "さんごく"
    return None


#: What follows 三国 when it is the Three Kingdoms: 三国志 さんごくし, 三国時代.
_THREE_KINGDOMS = frozenset(["志", "時代", "演義", "干渉", "同盟", "鼎立", "統一", "史記"])


#: How the kanji numerals count things natively before つ: 四つ よっつ, 九つ ここのつ.
NATIVE_COUNTS = {
    "一": "ひと",
    "二": "ふた",
    "三": "みっ",
    "四": "よっ",
    "五": "いつ",
    "六": "むっ",
    "七": "なな",
    "八": "やっ",
    "九": "ここの",
}


def native_count(tokens: list[Token], i: int) -> str | None:
    """A kanji digit before つ counts natively: 四つの よっ, 三つ みっ (not よん, さん)."""
    tok = tokens[i]
    reading = NATIVE_COUNTS.get(tok.surface)
    nxt, prev = _next(tokens, i), _prev(tokens, i)
    if (
        reading is None
        or nxt is None
        or nxt.surface != "つ"
        or (prev is not None and prev.pos[1] == "数詞")
    ):
        return None
    return reading


#: Words of measure after which a bare 十 counts things natively (十ばかり, 十ぐらいの子).
_ABOUT = frozenset(["ばかり", "ばっかり", "ぐらい", "くらい", "ほど"])


def too(tokens: list[Token], i: int) -> str | None:
    """十 standing alone before ばかり, ぐらい, ほど counts natively, とお (十ばかり並べて, 十ぐらいの
    小供): the native count of ten has no つ (とお, as ひとつ…ここのつ), and an approximate count of
    things or years is native; 三十ばかり, 十年ほど, 第十 are Sino-Japanese and stay じゅう."""
    tok = tokens[i]
    if tok.surface != "十" or tok.reading != "じゅう":
        return None
    prev, nxt = _prev(tokens, i), _next(tokens, i)
    if prev is not None and (prev.pos[1] == "数詞" or prev.has_kanji or prev.surface.isdigit()):
        return None
    if nxt is not None and nxt.surface in _ABOUT:
        return "とお"
    return None


def shima(tokens: list[Token], i: int) -> str | None:
    """島 after a Japanese place name is じま (与那国島, 波照間島); after a name read the Chinese
    way it stays とう (釣魚島 ちょうぎょとう)."""
    tok = tokens[i]
    prev = _prev(tokens, i)
    if (
        tok.surface != "島"
        or tok.reading != "とう"
        or prev is None
        or prev.pos[2] != "地名"
        or not prev.has_kanji
        or not all(is_kanji(ch) for ch in prev.surface)
        or _sino_word(prev.surface, prev.reading)
    ):
        return None
    return "じま"


_SINO_ENDS = frozenset("くきつちんういー")
_SMALL_KANA = frozenset("ゃゅょぁぃぅぇぉ")


def _morae(reading: str) -> list[str]:
    out: list[str] = []
    for ch in reading:
        if ch in _SMALL_KANA and out:
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _sino_word(surface: str, reading: str) -> bool:
    """True when ``reading`` splits into one Sino-Japanese syllable per kanji of ``surface``
    (釣魚 ちょう·ぎょ), which a Japanese native name (与那国 よなぐに) does not."""
    morae = _morae(reading)
    n = len(surface)

    def fits(k: int, m: int) -> bool:
        if k == n:
            return m == len(morae)
        if m >= len(morae):
            return False
        if fits(k + 1, m + 1):
            return True
        return m + 1 < len(morae) and morae[m + 1] in _SINO_ENDS and fits(k + 1, m + 2)

    return n <= 6 and fits(0, 0)


def shin_pro(tokens: list[Token], i: int) -> str | None:
    """親 before a country or a foreign name means "pro-": 親イスラエル しん, 親イラン."""
    tok = tokens[i]
    nxt = _next(tokens, i)
    if (
        tok.surface == "親"
        and tok.reading == "おや"
        and nxt is not None
        and (
            nxt.pos[2:4] == ("地名", "国") or (_is_katakana_word(nxt) and nxt.pos[1] == "固有名詞")
        )
    ):
        return "しん"
    return None


#: Phrases read as a whole (瞬く間 またたくま: the dictionary offers しばたたく and あいだ).
PHRASES = {("瞬く", "間"): ("またたく", "ま")}


def phrase(tokens: list[Token], i: int) -> str | None:
    """The words of a fixed phrase take the phrase's reading (瞬く間に またたく·ま)."""
    tok = tokens[i]
    nxt, prev = _next(tokens, i), _prev(tokens, i)
    if nxt is not None and (tok.surface, nxt.surface) in PHRASES:
        return PHRASES[(tok.surface, nxt.surface)][0]
    if prev is not None and (prev.surface, tok.surface) in PHRASES:
        return PHRASES[(prev.surface, tok.surface)][1]
    return None


def _one_kanji(tok: Token) -> bool:
    return len(tok.surface) == 1 and tok.has_kanji and not tok.gap


#: The shape of a Sino-Japanese reading of one kanji: one mora (possibly contracted), then
#: optionally ん, う, い, つ, ち, く or き (かい, じゅん, しょ, てい).
_SINO_READING = compiled(r"^[か-ぢつ-もやゆよら-ろわ][ゃゅょ]?[んういつちくき]?$")


def _reads_sino(reading: str) -> bool:
    return _SINO_READING.match(reading) is not None


def spelled_verb(tokens: list[Token], i: int) -> str | None:
    """A kanji standing alone before kana that conjugate a verb or adjective JMdict writes with
    it, which the dictionary lacks in that spelling (裹まれて つつ, 飜して ひるがえ, 中てて あ),
    or a word of two or three kanji so (私語く ささや, not the noun しご; 懸合って かけあ): the
    verb's reading (``store.japanese.spellings``). A verbal noun before さ/し/す/せ is the noun
    and する (射殺された しゃさつ, though 射殺す いころす conjugates the same kana). Where the dictionary could not read the
    kanji at all, any such kana will do; where it read a noun, not before a particle (衾を被て
    stays: 被 is a prefix to it, and て a particle)."""
    tok = tokens[i]
    if len(tok.surface) > 3:
        return None
    nxt = _next(tokens, i)
    if nxt is None or nxt.start != tok.end or not nxt.surface[:1].isalpha():
        return None
    first = nxt.surface[0]
    if not "\u3041" <= first <= "\u3096":
        return None
    from store.japanese.spellings import spelled_reading, spellings

    if not spellings(tok.surface):  # (the table first: parts of speech cost a lookup)
        return None
    unknown = tok.oov or tok.reading == tok.surface
    if len(tok.surface) > 1 and tok.pos[2] == "サ変可能" and first in "さしすせ":
        return None  # 射殺される: a verbal noun + する conjugates as a godan す verb (射殺す) does
    if not unknown and (
        tok.pos[0] not in ("名詞", "接頭辞", "接尾辞") or nxt.pos[0] in ("助詞", "補助記号")
    ):
        return None
    following = "".join(t.surface for t in tokens[i + 1 : i + 4])
    return spelled_reading(tok.surface, following)




def prose_adverb(tokens: list[Token], i: int) -> str | None:
    """A word the dictionary took for a family name or a place whose spelling JMdict has as an
    adverb (矢張私の方が やばり → やはり, 大方手紙で おおがた → おおかた, 平生疎遠な ひらお →
    へいぜい; ``store.japanese.prose_words``): the adverb's reading. A name stays where it
    stands as one: as a given name (the dictionary's 人名/名), after another name or a prefix
    (滋賀県八幡), before a suffix or an honorific (八幡様, 大方さん)."""
    tok = tokens[i]
    if len(tok.surface) < 2 or tok.oov:
        return None
    from store.japanese.prose_words import prose_reading

    reading = prose_reading(tok.surface)  # (the table first: parts of speech cost a lookup)
    if reading is None or reading == tok.reading:
        return None
    if tok.pos[1] != "固有名詞" or tok.pos[3] == "名":
        return None
    before, after = _prev(tokens, i), _next(tokens, i)
    if before is not None and before.end == tok.start and before.pos[1] == "固有名詞":
        return None
    if before is not None and before.end == tok.start and before.pos[0] == "接頭辞":
        return None
    if after is not None and (after.pos[0] == "接尾辞" or after.surface in HONORIFICS):
        return None
    return reading


def on_run(tokens: list[Token], i: int) -> str | None:
    """A one-kanji noun read kun inside a run of one-kanji words the dictionary could not join,
    whose other words all read on, is part of a Sino-Japanese compound unknown to it: its
    on-reading (台湾の海|巡|署 かい·じゅん·しょ, the coast guard, not うみ)."""
    tok = tokens[i]
    if not _one_kanji(tok):
        return None
    first = last = i  # (the run first: most words stand in none, and parts of speech cost)
    while first > 0 and _one_kanji(tokens[first - 1]) and tokens[first - 1].end == tokens[first].start:
        first -= 1
    while (
        last + 1 < len(tokens)
        and _one_kanji(tokens[last + 1])
        and tokens[last + 1].start == tokens[last].end
    ):
        last += 1
    if last - first < 2 or tok.pos[1] != "普通名詞":
        return None
    on = kanji_reading(tok.surface)
    if not on or on == tok.reading or _reads_sino(tok.reading):
        return None  # (丁 てい is another on-reading than KANJIDIC's first, ちょう)
    before, after = _prev(tokens, first), _next(tokens, last)
    if (before is not None and before.has_kanji and before.end == tokens[first].start) or (
        after is not None and after.has_kanji and after.start == tokens[last].end
    ):
        return None  # the run is part of a longer kanji word
    others = [t for t in tokens[first : last + 1] if t is not tok]
    if all(
        t.pos[0] in ("名詞", "接尾辞", "接頭辞")
        and t.pos[1] != "数詞"
        and t.reading == kanji_reading(t.surface)
        for t in others
    ):
        return on
    return None


#: (name, characters a token must contain for the rule to run, rule), in the order they run.
RULES: list[tuple[str, str, Rule, Style | None]] = [
    ("number_word", NUMERAL_CHARS, number_word_rule, None),
    ("unsounded_count", NUMERAL_CHARS, unsounded_count, None),
    ("numeral", NUMERAL_CHARS, numeral_rule, None),
    ("counter", COUNTER_CHARS, counter_rule, None),
    ("tenth", "分", tenth, None),
    ("rate_a_year", "年", rate_a_year, None),
    ("tens_of_minutes", "十", tens_of_minutes, None),
    ("article", "条", article, None),
    ("ordinal_before_number", "第", ordinal_before_number, None),
    ("ten_millions", "千", ten_millions, None),
    ("servings", "前", servings, "modern"),
    ("post_town", "宿", post_town, None),
    ("suffix_after_gloss", "川町村市山島駅区県郡湾岬峠寺宮線橋港", suffix_after_gloss, None),
    ("decimal_count", "人日", decimal_count, None),
    ("ichi_geminate", "一", ichi_geminate, None),
    ("former", "前元", former, None),
    ("sonogo", "後", sonogo, None),
    ("sangoku", "国", sangoku, None),
    ("native_count", "一二三四五六七八九", native_count, None),
    ("native_unit", "一二", native_unit, None),
    ("native_count_with_kana", "一二", native_count_with_kana, None),
    ("native_count_of_a_word", "一", native_count_of_a_word, None),
    ("shima", "島", shima, None),
    ("shin_pro", "親", shin_pro, None),
    ("phrase", "瞬間", phrase, None),
    ("country_abbreviation", COUNTRY_TRIGGERS, country_abbreviation, None),
    ("watashi", "私", watashi, "modern"),
    ("nihon", "日", nihon, None),
    ("iu", "言云謂", iu, None),
    ("nani", "何", nani, None),
    ("kakari", "係", kakari, None),
    ("jin", "人", jin, None),
    ("jii", "爺", jii, None),
    ("goro", "頃", goro, None),
    ("hoka", "他", hoka, None),
    ("okonau", "行", okonau, None),
    ("itta_without_object", "行", itta_without_object, None),
    ("itta", "行", itta, None),
    ("iki", "行", iki, None),
    ("kuni", "国國", kuni, None),
    ("kami", "守介", kami, None),
    ("ii", "好", ii, None),
    ("soba", "傍", soba, None),
    ("gaisha", "会", gaisha, None),
    ("literary", "宅室先身一昨咽停頓服目理四塵人行少腸創尖笑独樵漸住玩裸後種詞", literary, "literary"),
    ("yuku", "行", yuku, "literary"),
    ("hyou", "表", hyou, None),
    ("weekday", "".join(WEEKDAYS), weekday, None),
    ("weekday_list", "".join(WEEKDAYS), weekday_list, None),
    ("juu", "中雨", juu, None),
    ("suku", "空", suku, None),
    ("kuu", "空", kuu, None),
    ("dou", "道", dou, None),
    ("gawa", "川", gawa, None),
    ("river_bank", "沿", river_bank, None),
    ("named_place", "山岳峠湖島寺", named_place, None),
    ("town_of", "高", town_of, None),
    ("festival", "祭", festival, None),
    ("kurai", "位", kurai, None),
    ("what_time_ni", "何", what_time_ni, "modern"),
    ("one_line", "行", one_line, None),
    ("miyako", "都", miyako, "literary"),
    ("ma_ni_ukeru", "真", ma_ni_ukeru, None),
    ("venue", "於", venue, None),
    ("compass_point", "北南", compass_point, None),
    ("country_side", "側", country_side, None),
    ("a_bit", "狭", a_bit, None),
    ("chicken", "鶏", chicken, None),
    ("gumi", "組", gumi, None),
    ("omo", "主", omo, None),
    ("kazu", "数", kazu, None),
    ("konnichi", "今", konnichi, None),
    ("spelling", "身間気手小", spelling, None),
    ("customary", "施電富取黄歩八胡従貴対自朧泥身君鍛獰呪鼻手別鶏", customary, None),
    ("kinzan", "金", kinzan, None),
    ("tsui", "対", tsui, None),
    ("sino_suffix", "神島山帝", sino_suffix, None),
    ("shi", "四八", shi_hachi, None),
    ("kata", "方", kata, "modern"),
    ("gata", "方", gata, None),
    ("fuu", "風", fuu, None),
    ("taxon", "".join(TAXON_RANKS), taxon, None),
    ("ke", "家", ke, None),
    ("ki", "基", ki, None),
    ("ko", "粉", ko, None),
    ("karai", "辛", karai, None),
    ("doujin", "同", doujin, None),
    ("tadashiku", "正", tadashiku, "modern"),
    ("hakushi", "博", hakushi, None),
    ("koumuru", "被", koumuru, None),
    ("eru", "得", eru, None),
    ("rui", "類", rui, None),
    ("kaname", "要", kaname, None),
    ("okou", "香", okou, None),
    ("youshi", "陽", youshi, None),
    ("season_list", "春夏秋冬", season_list, None),
    ("kaku", "描", kaku, "modern"),
    ("gake", "掛", gake, None),
    ("object_idiom", "生種一", object_idiom, None),
    ("unit_name", "尺貫", unit_name, None),
    ("tei", "底", tei, None),
    ("moto", "下", moto, None),
    ("article_number", "一二三四五六七八九十", article_number, None),
    ("kamigata", "上", kamigata, None),
    ("eightfold_path", "正聖", eightfold_path, None),
    ("sanbouin", "法", sanbouin, None),
    ("dynasty_era", "明清唐宋元漢秦隋周晋魏呉蜀殷金遼", dynasty_era, None),
    ("dateru", "立", dateru, None),
    ("rendaku", "".join(RENDAKU_SUFFIXES), rendaku, None),
    ("bi", "日", bi, None),
    ("honorific_ji", "時", honorific_ji, None),
    ("voiced_second", "深買日嫌払干拍創締", voiced_second, None),
    ("tsuki", "付", tsuki, None),
    ("uji_no", "源平藤菅橘在紀大清中物小", uji_no, None),
    ("hoka_soto", "外", hoka_soto, None),
    ("hoka_naranu", "外", hoka_naranu, None),
    ("hoka_besides", "外", hoka_besides, None),
    ("watashi_mekake", "妾", watashi_mekake, None),
    ("tareru", "低", tareru, None),
    ("ossharu", "仰", ossharu, None),
    ("susuki", "薄", susuki, None),
    ("tei_air", "体", tei_air, None),
    ("omote", "面", omote, None),
    ("hoka_no", "外", hoka_no, "literary"),
    ("literary_standalone", "中己扉米", literary_standalone, "literary"),
    ("rice", "米", rice, None),
    ("aku", "開", aku, "literary"),
    ("yo", "夜", yo, "literary"),
    ("tatsu", "起", tatsu, "literary"),
    ("ne", "音", ne, "literary"),
    ("tachi", "質", tachi, "literary"),
    ("kimeru", "極", kimeru, "literary"),
    ("oide", "出", oide, None),
    ("akuruhi", "翌", akuruhi, "literary"),
    ("akuru", "翌", akuru, None),
    ("iru", "入", iru, "literary"),
    ("uchi", "家", uchi, "literary"),
    ("keshikaran", "怪", keshikaran, None),
    ("terasu", "照", terasu, None),
    ("toko", "床", toko, None),
    ("tsukeru", "灯", tsukeru, None),
    ("heya", "室", heya, None),
    ("what_time", "何", what_time, None),
    ("price", "値", price, None),
    ("at_present", "目", at_present, None),
    ("windmill", "車", windmill, "modern"),
    ("weather_later", "後", weather_later, None),
    ("ato_kara", "後", ato_kara, None),
    ("inning_top", "表", inning_top, None),
    ("later_on", "後", later_on, None),
    ("moon", "月", moon, None),
    ("building_wing", "棟", building_wing, None),
    ("taipei", "台", taipei, "modern"),
    ("gold", "金", gold, None),
    ("palace", "宮", palace, None),
    ("what_time_today", "時", what_time_today, "modern"),
    ("authority", "家", authority, None),
    ("sign_of_people", "気", sign_of_people, None),
    ("years_of_age", "年", years_of_age, None),
    ("money", "金", money, None),
    ("on_reading", "音", on_reading, None),
    ("in_article", "中", in_article, None),
    ("brow", "額", brow, None),
    ("head_count", "数", head_count, None),
    ("kokkai_gi", "会", kokkai_gi, None),
    ("shoken", "諸", shoken, None),
    ("floor", "階", floor, "modern"),
    ("kaeru", "更", kaeru, None),
    ("minna", "皆", minna, None),
    ("shitatameru", "認", shitatameru, None),
    ("michi", "途", michi, "literary"),
    ("tsukiau", "交", tsukiau, None),
    ("kusuburu", "燻", kusuburu, None),
    ("agaru", "上", agaru, "literary"),
    ("short_okurigana", "馳尾詫壮騎揮焦冠晩", short_okurigana, None),
    ("shiite", "強", shiite, None),
    ("tsumaranai", "詰", tsumaranai, None),
    ("nochi", "後", nochi, "literary"),
    ("mada", "未", mada, "literary"),
    ("itoma", "暇", itoma, None),
    ("kowai", "恐", kowai, None),
    ("kireru", "断", kireru, "literary"),
    ("hiru", "午", hiru, "literary"),
    ("hasu", "蓮", hasu, None),
    ("ra", "等", ra, None),
    ("ra_people", "等", ra_people, "literary"),
    ("daibu", "大", daibu, "literary"),
    ("kenen", "掛", kenen, None),
    ("ma", "間", ma, None),
    ("yameru", "止", yameru, None),
    ("sasu", "射", sasu, None),
    ("noboseru", "逆", noboseru, None),
    ("too", "十", too, None),
    ("ateru", "中", ateru, None),
    ("kano", "彼", kano, "literary"),
    ("uchini", "中", uchini, "literary"),
    ("hata", "傍", hata, "literary"),
    ("tameshi", "例", tameshi, "literary"),
    ("kudan", "件", kudan, "literary"),
    ("maru", "全", maru, None),
    ("tai", "度", tai, None),
    ("me", "奴", me, None),
    ("toutou", "遂", toutou, None),
    ("spelled_before", "却頻漸於左頓成号毎申打夫饒有斯和", spelled_before, None),
    ("arigata", "難", arigata, None),
    ("tachimachi", "忽", tachimachi, None),
    ("kaette", "反", kaette, None),
    ("chikazuku", "近", chikazuku, None),
    ("motsu", "有", motsu, None),
    ("dake", "丈", dake, None),
    ("tsuini", "終", tsuini, None),
    ("nakanaka", "却", nakanaka, None),
    ("yaru", "遣", yaru, None),
    ("zutsu", "宛", zutsu, None),
    ("toyakaku", "兎角", toyakaku, None),
    ("neru", "寐", neru, None),
    ("mannaka", "真", mannaka, None),
    ("ibara", "茨", ibara, None),
    ("donata", "誰方", donata, None),
    ("e_picture", "画", e_picture, None),
    ("kore", "是", kore, None),
    ("soro", "候", soro, None),
    ("nasu", "作", nasu, None),
    ("arazu", "非", arazu, None),
    ("tsuku", "吐", tsuku, None),
    ("hitokata", "方", hitokata, None),
    ("uru", "得", uru, "literary"),
    ("kare", "渠", kare, "literary"),
    ("chotto", "寸", chotto, None),
    ("taisei", "勢", taisei, None),
    ("sono_yo", "余", sono_yo, None),
    ("placeholder", "〇", placeholder, None),
    ("nanpito", "人", nanpito, None),
    ("coming_date", "来去", coming_date, None),
    ("kaishun", "買", kaishun, None),
    ("translation", "訳", translation, None),
    ("kanki", "寒", kanki, None),
    ("mei", "命", mei, None),
    ("nanra", "等", nanra, None),
    ("amata", "多", amata, None),
    ("kubu", "分", kubu, None),
    ("ike", "不", ike, None),
    ("tsuwamono", "兵", tsuwamono, None),
    ("shikashi", "併", shikashi, None),
    ("yo_first_person", "余", yo_first_person, "literary"),
]


_ACTIVE = list(RULES)

#: Rules that look at every kanji word no triggered rule has changed (the first that answers wins).
GENERAL_RULES: list[tuple[str, Rule]] = [
    ("written_sokuon", written_sokuon),
    ("kun_stem", kun_stem),
    ("historical_okurigana", historical_okurigana),
    ("unknown_word", unknown_word),
    ("preferred_entry", preferred_entry),
    ("foreign_reading", foreign_reading),
    ("spelled_verb", spelled_verb),
    ("prose_adverb", prose_adverb),
    ("unvoice", unvoice),
    ("voice", voice),
    ("country", country),
    ("on_run", on_run),
    ("on_given_name", on_given_name),
    ("family_name", family_name),
    ("name_inside_word", name_inside_word),
    ("written_tail", written_tail),
]
_GENERAL = [rule for _name, rule in GENERAL_RULES]


def _may_spell_verb(surface: str) -> bool:
    from store.japanese.spellings import spellings

    return len(surface) <= 3 and bool(spellings(surface))


def _may_be_prose_adverb(surface: str) -> bool:
    from store.japanese.prose_words import prose_reading

    return len(surface) >= 2 and prose_reading(surface) is not None


#: What a word's surface must be for a general rule to answer at all (each rule returns None
#: first thing otherwise): checked once per surface, not once per occurrence.
_SURFACE_TESTS: dict[Rule, Callable[[str], bool]] = {
    unknown_word: lambda surface: len(surface) >= 2 and is_unknown_word(surface),
    preferred_entry: lambda surface: len(surface) >= 2 and has_preferred_entry(surface),
    foreign_reading: lambda surface: all(is_kanji(ch) for ch in surface),
    spelled_verb: _may_spell_verb,
    prose_adverb: _may_be_prose_adverb,
    voice: lambda surface: len(surface) in (1, 2),  # its pairs are looked up after its context
    country: lambda surface: len(surface) == 1,
    on_run: lambda surface: len(surface) == 1,
    on_given_name: lambda surface: len(surface) == 1,
    family_name: lambda surface: len(surface) >= 2 and people_reading(surface) is not None,
    name_inside_word: lambda surface: len(surface) == 1,
    written_sokuon: lambda surface: len(surface) == 1,
    kun_stem: lambda surface: len(surface) == 1,
    historical_okurigana: lambda surface: len(surface) == 1,
}
#: Word -> the general rules that can answer for it (filled as words come: they repeat).
_GENERAL_FOR: dict[str, tuple[Rule, ...]] = {}


def _general_for(surface: str) -> tuple[Rule, ...]:
    found = _GENERAL_FOR.get(surface)
    if found is None:
        if len(_GENERAL_FOR) > 100_000:
            _GENERAL_FOR.clear()
        found = _GENERAL_FOR[surface] = tuple(
            rule for rule in _GENERAL if rule not in _SURFACE_TESTS or _SURFACE_TESTS[rule](surface)
        )
    return found


Style = Literal["modern", "literary"]


#: An Aozora Bunko editor's note (［＃「にんべん＋參」、第4水準2-1-79］, ［＃ここから2字下げ］): its
#: numbers and letters are the transcriber's, not the author's, and say nothing of the register.
_EDITORIAL_NOTE = compiled(r"［＃[^］\n]*］")


@cache
def _old_spellings() -> re.Pattern[str]:
    """Spellings only older prose has (云う, 其の, 然し), compiled on first use."""
    return compiled(
        "云[うっわひへ]|此の|其の|此処|其処|然し|併し|矢張|呉れ|仕舞[うっわひ]|彼処|兎に角|抔|乃ち|"
        "而し|頗る|況し"
    )


def detect_style(text: str) -> Style:
    """``literary`` for long text with no digits or Latin letters and few katakana words."""
    sample = text[:20000]
    if "［＃" in sample:
        sample = _EDITORIAL_NOTE.sub("", sample)
    if len(sample) < 1000:
        return "modern"
    from collections import Counter

    counts = Counter(sample).items()  # each kind of character looked at once, not each one
    signals = sum(
        n for c, n in counts if c.isdigit() or ("a" <= c.lower() <= "z") or "ａ" <= c <= "ｚ"
    )
    katakana = sum(n for c, n in counts if "ァ" <= c <= "ヺ")
    if signals / len(sample) > 0.01:
        return "modern"
    older = len(_old_spellings().findall(sample))
    if katakana / len(sample) > 0.06 and older * 1000 < len(sample):
        return "modern"
    if (older + len(_older_habits().findall(sample))) * 10_000 < len(sample):
        return "modern"  # not one older spelling in 10,000 characters: today's prose
    return "literary"


@cache
def _older_habits() -> re.Pattern[str]:
    """Words older prose writes in kanji and today's in kana (て居る, 迄, 筈, 或る日, 此の, 一寸,
    矢張, 沢山, 随分): Aozora Bunko's works in new kana keep them, today's writers do not. Not
    彼の: today's prose writes his, かれの, so (a translated novel was taken for older prose)."""
    return compiled(
        "或(?!い)|[てで]居[るたてりまられ]|迄|[ぁ-ん]丈[けはで]?|[ぁ-ん]筈|[ぁ-ん]為[にめ]|"
        "[るたい]事[がをはもにで]|屹度|迚も|態々|吃驚|兎角|兎も角|一寸|些と|何故|何処|貴方|"
        "貴女|此[のれ処方]|其[のれ処方]|彼[れ処]|乍ら|居ない|仰[しっ]|頂戴|御座|仕舞|矢張|"
        "流石|可笑し|可哀想|成程|勿論|丁度|沢山|随分|殆ど|漸く|暫く|直ぐ|却って|益々|愈々|尤も|"
        "即ち|寧ろ|恰も|宛ら|殊に|稍|凡そ"
    )


def _index(
    rules: Sequence[tuple[str, str | None, Rule, Style | None]],
) -> dict[str, list[int]]:
    """Trigger character -> positions in ``rules`` of the rules it triggers."""
    index: dict[str, list[int]] = {}
    for k, (_name, chars, _rule, _style) in enumerate(rules):
        for ch in chars or "":
            index.setdefault(ch, []).append(k)
    return index


_INDEX = _index(_ACTIVE)
#: Word -> the rules its characters trigger, in order (filled as words come: they repeat).
_TRIGGERED: dict[str, list[int]] = {}


def skip_rules(names: Collection[str]) -> None:
    """Turn the named rules off in this process (all on again with none): how the benchmark
    measures what each rule is worth. Raises ``ValueError`` for a name no rule has."""
    global _ACTIVE, _INDEX, _GENERAL
    known = {name for name, *_ in RULES} | {name for name, _rule in GENERAL_RULES}
    unknown = sorted(set(names) - known)
    if unknown:
        raise ValueError(f"no furigana rule is called {', '.join(unknown)}")
    _ACTIVE = [r for r in RULES if r[0] not in names]
    _INDEX = _index(_ACTIVE)
    _TRIGGERED.clear()
    _GENERAL = [rule for name, rule in GENERAL_RULES if name not in names]
    _GENERAL_FOR.clear()


def apply_rules(tokens: list[Token], style: Style = "modern") -> None:
    """Run the active rules for ``style`` over ``tokens`` in place, left to right.

    A rule runs on a token only if the token contains one of the rule's trigger characters;
    rules for one token run in ``RULES`` order, so a counter sees its number's final reading.
    """
    for i, tok in enumerate(tokens):
        if not tok.has_kanji or tok.absorbed:
            continue
        surface = tok.surface
        found = _TRIGGERED.get(surface)
        if found is None:
            if len(_TRIGGERED) > 100_000:
                _TRIGGERED.clear()
            found = _TRIGGERED[surface] = sorted({k for ch in surface for k in _INDEX.get(ch, ())})
        dictionary_reading = tok.reading
        for k in found:
            _name, _chars, rule, only = _ACTIVE[k]
            if only is not None and only != style:
                continue
            reading = rule(tokens, i)
            if reading is not None:
                tok.reading = reading
        if tok.reading == dictionary_reading:
            for general in _general_for(tok.surface):
                reading = general(tokens, i)
                if reading is not None:
                    tok.reading = reading
                    break
