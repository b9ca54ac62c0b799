"""Sudachi's words for a text as rule tokens: the analysis hot loop, kept lean on purpose.

Text extraction often leaves a space between a number and its counter (``2024 年 12 月``,
``33 人``, ``12　月``); Sudachi then reads 月 as つき and 人 as ひと. The tokenizer is shown the
text without those spaces, and the tokens are mapped back to the text with them (a token after a
removed space records it in ``gap``, so a number read together with its counter can take it in).
A kanji the dictionary does not know in a variant form (步 for 歩) is analysed in its standard
form (KANJIDIC's variants), keeping the text's own character in the token. Old character forms
(旧字体: 團 處 樣 來, as older texts write them) and CJK compatibility ideographs are analysed in
their standard forms too, wherever they are: the dictionary knows a few words in old forms but
most not at all (此處 この·處 for ここ) or cut otherwise (團扇 だん·せん for うちわ). A word it
does know in old forms keeps its analysis (洋燈 ランプ).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from store.japanese import analyzer
from store.japanese.chars import KANJI_RE, is_kana, is_kanji, is_katakana, to_hiragana
from store.japanese.kanjidic import kanji_variants, old_forms
from store.japanese.rules import Token
from store.patterns import compiled

#: Spaces that text extraction leaves between a number and its counter (``2024 年 12 月``,
#: ``33 人``, ``12　月``): Sudachi is shown the text without them, so the counter is read as one.
_NUMBER_GAP = compiled(r"(?<=[0-9０-９])[ \u3000\u00a0]+")
#: What must follow such a gap: a kanji (a counter) or the kana of か国, ヶ月 (checked by hand,
#: not in the pattern: a class of every kanji costs ~3 ms to compile in every process).
_COUNTER_KANA = "々ヶヵかカケ"


def _counter_follows(text: str, at: int) -> bool:
    return at < len(text) and ("\u3400" <= text[at] <= "\u9fff" or text[at] in _COUNTER_KANA)


#: A one-digit number, or a kanji numeral, opening a line is a heading's or a list's (``3 日米
#:間の…``, ``1 概観``, a statute's ``一 支払停止…``, ``二 手形が…``): the space after it stays —
#: unless the kanji after it stands alone, a counter set apart as the rest of the line's words
#: are (``2 日 に 公表``, ``1 日 あたり``, ``9 月 1 日``).
_LIST_NUMBER = compiled(r"(?:^|\n)[ \u3000\t]*(?:[0-9０-９]|[一二三四五六七八九十]{1,3})$")


#: A space extraction left inside a word or a number (``外 務 大 臣``, ``1 2 9 万 人``, ``自治 体``,
#: ``我 が 国``): one half-width space between two Japanese characters or digits (checked by
#: hand). A full-width space is the writer's (源　義経, 町の　角に in a children's book): kept.
_INNER_GAP = compiled(r"(?<=[^\s])[ \u00a0](?=[^\s])")


def _japanese(ch: str) -> bool:
    return is_kanji(ch) or is_kana(ch) or _digit(ch)


def _word_char(ch: str) -> bool:
    """A kanji, a katakana or a digit: what a word piece cut off by a space is made of."""
    return is_kanji(ch) or is_katakana(ch) or _digit(ch)


def _digit(ch: str) -> bool:
    return "0" <= ch <= "9" or "０" <= ch <= "９"


def _cut_piece(text: str, at: int, step: int) -> bool:
    """Whether the character at ``at`` stands alone on its side of a gap: a kanji, katakana or
    digit with no such character beyond it (``自治 体。``, ``前 年 比``, ``イン ド``) — a piece cut
    off a word, not a word set apart (``発表 局長``, ``安倍 晋三`` keep their space)."""
    beyond = at + step
    return _word_char(text[at]) and not (0 <= beyond < len(text) and _word_char(text[beyond]))


def _gaps(text: str) -> Iterator[re.Match[str]]:
    """The gaps to close, in order: number-counter gaps, and a space between two Japanese
    characters where one of them is a piece cut off a word or both are digits."""
    found = {m.start(): m for m in _NUMBER_GAP.finditer(text) if _counter_follows(text, m.end())}
    for m in _INNER_GAP.finditer(text):
        left, right = m.start() - 1, m.end()
        if m.start() in found or not (_japanese(text[left]) and _japanese(text[right])):
            continue
        if _cut_piece(text, left, -1) or _cut_piece(text, right, 1):
            found[m.start()] = m
    for start in sorted(found):
        yield found[start]


def _close_number_gaps(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    """``text`` without number-counter gaps, and the gaps as (clean offset, original offset,
    removed characters), in order."""
    gaps: list[tuple[int, int, str]] = []
    pieces: list[str] = []
    pos = removed = 0
    for m in _gaps(text):
        if m.start() < pos or (
            _LIST_NUMBER.search(text, max(0, m.start() - 8), m.start())
            and not _cut_piece(text, m.end(), 1)
        ):
            continue
        pieces.append(text[pos : m.start()])
        gaps.append((m.start() - removed, m.start(), m.group()))
        removed += len(m.group())
        pos = m.end()
    if not gaps:
        return text, gaps
    pieces.append(text[pos:])
    return "".join(pieces), gaps


def word_tokens(text: str) -> list[Token]:
    """Sudachi's words for ``text`` as rule tokens (the hot loop: kept lean on purpose)."""
    gaps: list[tuple[int, int, str]] = []
    if " " in text or "\u3000" in text or "\u00a0" in text:
        text_for_sudachi, gaps = _close_number_gaps(text)
    else:
        text_for_sudachi = text
    out = sudachi_tokens(text_for_sudachi)
    analysed = text_for_sudachi
    standard = text_for_sudachi.translate(old_forms())
    if standard != text_for_sudachi:
        analysed = standard_outside_known_words(text_for_sudachi, standard, out)
        if analysed != text_for_sudachi:
            out = _reanalysed(out, text_for_sudachi, analysed)
    if "つ" in analysed:
        # older spelling's large geminate after a verb's kanji (這入つた, 眠つて): analysed as
        # today's っ, which the dictionary's verbs are written with (這|入り|つ しゃ·いり before)
        small = _LARGE_GEMINATE.sub("っ", analysed)
        if small != analysed:
            out = _reanalysed(out, analysed, small)
            analysed = small
    if any(t.oov and t.has_kanji for t in out):
        # a variant form the dictionary lacks (一步 for 一歩): analyse the standard form instead
        standard = analysed.translate(kanji_variants())
        if standard != analysed:
            out = _reanalysed(out, analysed, standard)
            analysed = standard
    if any(t.oov and len(t.surface) > 3 and _NUMERAL_RUN.search(t.surface) for t in out):
        out = _numbers_apart(out, analysed)
    if analysed != text_for_sudachi:
        for tok in out:
            tok.surface = text_for_sudachi[tok.start : tok.end]
    if gaps:
        _reopen_gaps(out, gaps, text)
    return out


#: Kanji figures inside a word the dictionary does not know: 〇二四年三月一日付朝刊 (a newspaper
#: citation run on without a break) is analysed again in pieces cut at the figures' edges.
_NUMERAL_RUN = compiled("[〇一二三四五六七八九十百千]+")
_DATE_UNITS = "年月日号頁"


def _numbers_apart(tokens: list[Token], text: str) -> list[Token]:
    """Tokens with each long unknown word that holds kanji figures analysed again in pieces
    cut where its figures start and end (the dictionary took the run for one unknown word and
    the guesses read it character by character: 年 とせ, 日 じつ, 付 つき)."""
    out: list[Token] = []
    for tok in tokens:
        if not (tok.oov and len(tok.surface) > 3 and _NUMERAL_RUN.search(tok.surface)):
            out.append(tok)
            continue
        word = text[tok.start : tok.end]
        edges = {0, len(word)}
        for m in _NUMERAL_RUN.finditer(word):
            end = m.end()
            if end < len(word) and word[end] in _DATE_UNITS:
                end += 1 + (word[end + 1 : end + 2] == "付")  # 三月|, 一日付| (as dated)
            edges |= {m.start(), min(end, len(word))}
        cuts = sorted(edges)
        for a, b in zip(cuts, cuts[1:], strict=False):
            for piece in sudachi_tokens(word[a:b]):
                piece.start += tok.start + a
                piece.end += tok.start + a
                out.append(piece)
    return out


def _reanalysed(tokens: list[Token], text: str, changed: str) -> list[Token]:
    """``tokens`` of ``text`` with the lines where ``changed`` (a character-for-character
    substitute) differs analysed again from ``changed``: one 處 in a novel costs its line,
    not a second analysis of the whole work (which doubled the time of a text with any)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for old_line, new_line in zip(text.splitlines(True), changed.splitlines(True), strict=True):
        end = pos + len(old_line)
        if old_line != new_line:
            spans.append((pos, end))
        pos = end
    starts = [t.start for t in tokens]
    out: list[Token] = []
    done = 0  # tokens[:done] are placed
    for a, b in spans:
        # from the token holding the line's start (or the first the span before left) to
        # the first token from the line's end on
        first = max(done, bisect_right(starts, a) - 1)
        last = bisect_left(starts, b)
        if first >= last:
            continue  # the span before analysed this line too
        lo, hi = tokens[first].start, tokens[last - 1].end
        out.extend(tokens[done:first])
        for tok in sudachi_tokens(changed[lo:hi]):
            tok.start += lo
            tok.end += lo
            out.append(tok)
        done = last
    out.extend(tokens[done:])
    return out


def standard_outside_known_words(text: str, standard: str, tokens: list[Token]) -> str:
    """``text`` with its old character forms in their standard forms (``standard``), except
    inside a word of two or more characters the dictionary knows in the old spelling: 洋燈 is
    ランプ, while 洋灯 is read ようとう; 以來 and 學校 read the same either way. A name the
    dictionary lists in old forms yields to a common word of the standard spelling (眞實 is
    the given name マミ, 真実 しんじつ), never to pieces (龍猛 りゅうみょう, not 竜|猛)."""
    pieces: list[str] = []
    pos = 0
    for tok in _on_changed_lines(text, standard, tokens):
        old, new = text[tok.start : tok.end], standard[tok.start : tok.end]
        if tok.oov or len(old) < 2 or old == new or _common_word_instead(tok, new):
            continue
        pieces.append(standard[pos : tok.start])
        pieces.append(old)
        pos = tok.end
    pieces.append(standard[pos:])
    return "".join(pieces)


def _on_changed_lines(text: str, standard: str, tokens: list[Token]) -> list[Token]:
    """The tokens on the lines where ``standard`` (``text`` character for character in other
    forms) differs, in order: a word elsewhere has no old form to keep. A novel with one 處
    has its other 150,000 words skipped. All of ``tokens`` when the two do not line up."""
    old_lines, new_lines = text.splitlines(True), standard.splitlines(True)
    if len(text) != len(standard) or len(old_lines) != len(new_lines):
        return tokens
    starts = [t.start for t in tokens]
    out: list[Token] = []
    done = pos = 0  # tokens[:done] are taken or passed
    for old_line, new_line in zip(old_lines, new_lines, strict=True):
        end = pos + len(old_line)
        if old_line != new_line:
            first = max(done, bisect_right(starts, pos) - 1)
            last = bisect_left(starts, end)
            out.extend(tokens[first:last])
            done = max(done, last)
        pos = end
    return out


def _common_word_instead(tok: Token, standard: str) -> bool:
    """True when ``tok`` is a proper noun and its standard spelling one common word."""
    if tok.pos[:2] != ("名詞", "固有名詞"):
        return False
    words = sudachi_tokens(standard)
    return len(words) == 1 and not words[0].oov and words[0].pos[:2] != ("名詞", "固有名詞")


#: A long vowel written ー after a kana of the う row, in a word written in kanji: the dictionary
#: spelled a Sino-Japanese う that way (数百 スーヒャク); read すうひゃく. Loanwords written in
#: kanji keep theirs (頁 ぺーじ, 麦酒 びーる, 麻雀 まーじゃん: not the う row; 烏龍 うーろん: no
#: Sino-Japanese syllable is うう).
_LONG_U = compiled("([くぐすずつづぬふぶぷむゆるゅ])ー")


#: A large つ before て/た right after a kanji, or after a kanji and the か, が, さ, ま or わ of
#: its okurigana: 言つた, 這入つて, 好かつた, 分かつて, 上がつた, 始まつて, 変わつた — always the
#: older spelling of っ (a verb's or adjective's つ before て/た is っ in today's spelling; 一つ,
#: 二つ are counted with つ but do not take て/た after them; かつて, once, never follows a kanji
#: directly).
_LARGE_GEMINATE = compiled(
    "(?:(?<=[\u3400-\u9fff々])|(?<=[\u3400-\u9fff々][かがさまわ]))つ(?=[てた])"
)


def sudachi_tokens(text: str) -> list[Token]:
    out: list[Token] = []
    append = out.append
    search = KANJI_RE.search
    tokenizer = analyzer.tokenizer()
    for offset, piece in analyzer.chunks(text):
        start = offset
        for m in tokenizer.tokenize(piece):
            surface = m.surface()
            end = start + len(surface)
            if search(surface) is not None:
                reading = to_hiragana(m.reading_form())
                if "ー" in reading and "ー" not in surface:
                    reading = _LONG_U.sub(r"\1う", reading)
                tok = Token(
                    surface,
                    start,
                    end,
                    reading,
                    None,
                    m,
                    m.is_oov(),
                    True,
                )
            else:
                tok = Token(surface, start, end, "", None, m, False, False)
            append(tok)
            start = end
    return out


def _reopen_gaps(tokens: list[Token], gaps: list[tuple[int, int, str]], text: str) -> None:
    """Map token offsets back to the text with its gaps; a token after a gap records it."""
    k = shift = 0
    for tok in tokens:
        while k < len(gaps) and gaps[k][0] <= tok.start:
            if gaps[k][0] == tok.start:
                tok.gap = gaps[k][2]
            shift += len(gaps[k][2])
            k += 1
        start = tok.start + shift
        inner = 0  # a gap inside the token (never expected: digits are words of their own)
        while k + inner < len(gaps) and gaps[k + inner][0] < tok.end:
            inner += 1
        end = tok.end + shift + sum(len(g[2]) for g in gaps[k : k + inner])
        if inner:
            tok.surface = text[start:end]
            shift += sum(len(g[2]) for g in gaps[k : k + inner])
            k += inner
        tok.start, tok.end = start, end
