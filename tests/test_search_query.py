"""The search query language, and the word forms a library search looks for."""

from __future__ import annotations

import pytest

from store.japanese.matching import same_word, word_keys
from store.search.plans import Word
from store.search.query import Term, parse_query


def test_words_are_and_phrases_keep_their_spaces_minus_excludes() -> None:
    q = parse_query('日米 "拡大 抑止"  -中国 同盟')
    assert q.include == (Term("日米"), Term("拡大 抑止", phrase=True), Term("同盟"))
    assert q.exclude == (Term("中国"),)
    assert q.describe() == '日米 "拡大 抑止" 同盟 -中国'


def test_full_width_space_and_quotes_and_an_excluded_phrase() -> None:
    q = parse_query("日米\u3000＂核 抑止＂ -“北 朝鮮”")
    assert q.include == (Term("日米"), Term("核 抑止", phrase=True))
    assert q.exclude == (Term("北 朝鮮", phrase=True),)


def test_an_unclosed_quote_runs_to_the_end_and_nothing_is_dropped() -> None:
    assert parse_query('"日米 同盟').include == (Term("日米 同盟", phrase=True),)


def test_a_lone_minus_is_a_word_and_duplicates_go() -> None:
    q = parse_query("- 同盟 同盟 -")
    assert q.include == (Term("-"), Term("同盟"))


@pytest.mark.parametrize("text", ["", "   ", "-日米", '""'])
def test_nothing_to_find(text: str) -> None:
    assert parse_query(text).empty


def test_every_form_of_a_verb_holds_one_of_its_keys() -> None:
    verb = Word("取り組む", "取り組む", "取り組む", ("動詞", "一般"))
    keys = word_keys(verb)
    assert keys == {"取り組": True, "取組": False}  # a stem, and the spelling without kana
    for form in ("取り組む", "取り組み", "取り組んで", "取り組ま", "取組み", "取組む"):
        assert any(k in form for k in keys), form


def test_a_renyou_noun_finds_the_verb_and_a_noun_is_itself() -> None:
    noun = Word("取り組み", "取り組み", "取り組み", ("名詞", "普通名詞"))
    assert word_keys(noun)["取り組"]
    assert word_keys(Word("同盟", "同盟", "同盟", ("名詞", "普通名詞"))) == {"同盟": False}


def test_an_adjective_keeps_its_stem_and_no_one_kanji_key() -> None:
    adj = Word("大きい", "大きい", "大きい", ("形容詞", "一般"))
    assert word_keys(adj) == {"大き": True}


def test_keys_are_folded_like_the_text() -> None:
    assert word_keys(Word("ＩＣＢＭ", "ＩＣＢＭ", "ICBM", ("名詞",))) == {"icbm": False}


def test_a_stem_is_a_candidate_only_before_a_kana() -> None:
    from store.search.engine import TermMatcher

    matcher = TermMatcher(Term("思う"))
    text = "思想と意思について、私はこう思った。"
    assert [text[s:e] for s, e in matcher.spans(text)] == ["思っ"]


def test_same_word_accepts_inflections_and_the_renyou_noun_only() -> None:
    q = Word("取り組む", "取り組む", "取り組む", ("動詞", "一般"))
    assert same_word(Word("取り組ん", "取り組む", "取り組む", ("動詞", "一般")), q)
    assert same_word(Word("取り組み", "取り組み", "取り組み", ("名詞", "普通名詞")), q)
    assert not same_word(Word("取組織", "取組織", "取組織", ("名詞",)), q)


def test_the_analyser_finds_forms_the_keys_point_at() -> None:
    """With the real analyser: a library search for 取り組む keeps 取り組み and 取り組んで,
    and leaves a word that only shares the characters."""
    from store.search.engine import TermMatcher

    matcher = TermMatcher(Term("取り組む"))
    text = "課題に取り組んでいる。取り組みを続ける。取組織という語はない。"
    spans = matcher.spans(text)
    found = [text[s:e] for s, e in spans]
    assert found[:2] == ["取り組ん", "取り組み"]
    assert "取組織" not in "".join(found)


def test_a_phrase_is_not_analysed() -> None:
    from store.search.engine import TermMatcher

    matcher = TermMatcher(Term("取り組む", phrase=True))
    assert matcher.word is None and matcher.keys == ["取り組む"]



@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("ＩＣＢＭの発射", "icbm"),
        ("icbm", "ＩＣＢＭ"),
        ("ﾐｻｲﾙ防衛", "ミサイル"),
        ("２０２５年（令和７年）", "2025年(令和"),
        ("Straße", "STRASSE"),  # folds to more than one character: not folded (offsets stay)
        ("①の項目", "1の"),
    ],
)
def test_the_pattern_finds_what_folding_finds(text: str, query: str) -> None:
    from store.japanese.matching import find_literal, find_pattern, literal_pattern

    assert find_pattern(text, literal_pattern(query)) == find_literal(text, query)


@pytest.mark.parametrize(
    ("text", "word", "sentence"),
    [
        ("前の文。「引用です。」と述べた。次の文。", "述べ", "と述べた。"),
        ("前の文。「引用です。」と述べた。次の文。", "引用", "「引用です。」"),
        ("一行目\n二行目の文", "二行", "二行目の文"),
        ("終わりのない文", "ない", "終わりのない文"),
        # a number's full stop ends no sentence: a list number, a decimal point
        ("１．2025年の国際情勢\n本文。", "国際", "１．2025年の国際情勢"),
        ("前の文。値は３．５％だった。次。", "５％", "値は３．５％だった。"),
        ("その値は３．次の文である。", "次の", "次の文である。"),  # ends a sentence after all
    ],
)
def test_the_sentence_around_a_match(text: str, word: str, sentence: str) -> None:
    from store.japanese.matching import sentence_around, sentence_starts

    at = text.index(word)
    first, last = sentence_around(text, at, at + len(word))
    assert text[first:last] == sentence
    assert first in sentence_starts(text)
