"""Words older prose spells with a kanji that today's text writes in kana (rules for any register).

Meiji–Shōwa writers put a kanji on grammatical words and adverbs that are kana now: 却て (かえって),
全で (まるで), 会い度い (会いたい), 馬鹿奴 (馬鹿め), 遂々 (とうとう). Sudachi's dictionary knows the
kanji only in its content-word sense (却 as an unknown word, 全 ぜん, 度 たび, 奴 やつ, 遂々 ついつい),
so each rule below reads the kanji by what stands around it: the kana that follow it, or the verb
stem or noun before. Modern text writes none of these spellings, so the rules hold in both
registers; each was found in one set of works and checked over all the bench texts
(docs/furigana.md).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from store.japanese.chars import OLD_KANA_SAID, is_kanji
from store.japanese.neighbours import joined as _joined
from store.japanese.neighbours import next_token as _next
from store.japanese.neighbours import prev_token as _prev

if TYPE_CHECKING:
    from store.japanese.rules import Token




#: What follows 全 when it is まる (wholly): 全で (まるで), 全っ切り, 全っきり, 全きり.
_MARU_AFTER = ("で", "っ切り", "っきり", "きり")


def maru(tokens: list[Token], i: int) -> str | None:
    """全で (just like, quite) and 全っ切り/全きり (utterly) are まるで, まるっきり: 全で変ってる,
    全で大臣のような顔, 全っ切り誤解していた. The dictionary reads 全 ぜん (as a prefix or a
    name). 全て, 全く are words of their own and never reach here."""
    tok, nxt = tokens[i], _next(tokens, i)
    if tok.surface != "全" or tok.reading != "ぜん" or not _joined(tok, nxt):
        return None
    assert nxt is not None
    if nxt.surface not in _MARU_AFTER:
        return None
    prev = _prev(tokens, i)
    if _joined(prev, tok) and prev is not None and prev.has_kanji:
        return None  # 安全で, 完全で: the end of a word the dictionary cut
    return "まる"


def tai(tokens: list[Token], i: int) -> str | None:
    """度 after a verb's stem is the auxiliary たい (want to) in older spelling: 会い度かった,
    云い度い, 行き度くない, 見度ければ. The dictionary reads the noun たび (time, occasion),
    which follows a verb's dictionary form (見る度に), never its stem."""
    tok, prev, nxt = tokens[i], _prev(tokens, i), _next(tokens, i)
    if tok.surface != "度" or tok.reading != "たび":
        return None
    if not _joined(prev, tok) or not _joined(tok, nxt):
        return None
    assert prev is not None and nxt is not None
    if prev.pos[0] != "動詞" or not prev.pos[5].startswith("連用形-一般"):
        return None
    return "た" if nxt.surface[:1] in ("い", "か", "く", "け") else None


def me(tokens: list[Token], i: int) -> str | None:
    """奴 right after a noun, closing a phrase, is the pejorative suffix め: ごろつき奴、,
    青二才奴！, 出しゃ張り奴と呟いた. The dictionary reads やつ (fellow), which is what 奴 is after
    a modifier (あの奴, 悪い奴, 若い奴等) or before a particle that makes it a subject."""
    tok, prev, nxt = tokens[i], _prev(tokens, i), _next(tokens, i)
    if tok.surface != "奴" or tok.reading != "やつ" or not _joined(prev, tok):
        return None
    assert prev is not None
    if prev.pos[1] == "数詞" or prev.pos[0] not in ("名詞", "動詞"):
        return None
    if prev.pos[0] == "動詞" and not prev.pos[5].startswith("連用形"):
        return None  # 逃げる奴 (the one who runs) is やつ
    if nxt is None or nxt.pos[0] == "補助記号" or (nxt.surface == "と" and _joined(tok, nxt)):
        return "め"
    return None


#: Words before 丈 when it is the particle だけ (only, as much as): demonstratives.
_DEMONSTRATIVES = frozenset(["これ", "それ", "あれ", "どれ", "此れ", "其れ", "彼れ", "此", "其"])


#: Nouns that stand for a thing or a fact and take だけ right after them: 事丈, 物丈, 者丈.
_FORMAL_NOUNS = frozenset(["事", "物", "者", "所", "時", "程"])


def dake(tokens: list[Token], i: int) -> str | None:
    """丈 after a verb or an adjective's dictionary form, after これ/それ or a noun for a thing or
    a fact (事, 物), is the particle だけ (爲る丈の事, 苦勞する丈, 出来る丈早く, それ丈だ, 事丈は);
    the dictionary's たけ is one's height (丈の高い, 丈高く, 着物の丈), which follows nothing or
    another noun."""
    tok, prev = tokens[i], _prev(tokens, i)
    if tok.surface != "丈" or tok.reading != "たけ" or not _joined(prev, tok):
        return None
    assert prev is not None
    if prev.surface in _DEMONSTRATIVES or prev.surface in _FORMAL_NOUNS:
        return "だけ"  # それ丈, 事丈は記憶して居る
    if prev.pos[0] in ("動詞", "形容詞", "助動詞") and prev.pos[5].startswith(("連体形", "終止形")):
        return "だけ"
    return None


def tsuini(tokens: list[Token], i: int) -> str | None:
    """終には is ついには (in the end), the older spelling of 遂には: 終には孔雀と同じやうな; the
    dictionary knows 終に ついに but cuts 終|に|は and reads the noun おわり. After の it is the
    noun (その終には, 話の終には)."""
    tok, nxt = tokens[i], _next(tokens, i)
    if tok.surface != "終" or tok.reading != "おわり" or nxt is None or nxt.surface != "に":
        return None
    after, prev = _next(tokens, i + 1), _prev(tokens, i)
    if after is None or after.surface != "は":
        return None
    if prev is not None and (
        prev.surface == "の"
        or prev.pos[0] == "連体詞"
        or (prev.has_kanji and prev.end == tok.start)
    ):
        return None  # その終には, 話の終には: the end
    return "つい"


def nakanaka(tokens: list[Token], i: int) -> str | None:
    """却々 is なかなか (quite, not easily), an older spelling of 中々; the dictionary does not
    know it and would read each kanji きゃく."""
    return "なかなか" if tokens[i].surface == "却々" else None




#: What one spends or turns (気を遣う, 金を遣う): 遣った after these is つかった.
_SPENT = frozenset(["気", "金", "心", "神経", "銭", "金銭", "気持", "気持ち", "小遣", "目", "眼"])


def yaru(tokens: list[Token], i: int) -> str | None:
    """遣った, 遣って is やった, やって (遣る, to do, to give) in older prose: 男が遣ってきて,
    投げて遣った, 遣っつける. The dictionary reads 遣う つかった, which is what one does with one's
    attention or money (気を遣った, 金を遣って) — and what its other forms stay (仮病を遣い)."""
    tok = tokens[i]
    if not tok.surface.startswith("遣っ") or not tok.reading.startswith("つかっ"):
        return None
    prev, prev2 = _prev(tokens, i), (tokens[i - 2] if i > 1 else None)
    if prev is not None and prev.surface == "を" and prev2 is not None and prev2.surface in _SPENT:
        return None
    return "やっ" + tok.reading[3:]


_COUNT_START = frozenset("一二三四五六七八九十百千幾数何0123456789０１２３４５６７８９")


def zutsu(tokens: list[Token], i: int) -> str | None:
    """宛 right after a count is ずつ (each): 二つ宛取る, 一人宛配る, 三銭宛. The dictionary may
    read あて, which is what 宛 is after a person or a place (兄宛で出した, 私宛に)."""
    tok, prev = tokens[i], _prev(tokens, i)
    if tok.surface != "宛" or tok.reading == "ずつ" or not _joined(prev, tok):
        return None
    assert prev is not None
    counted = prev.pos[1] == "数詞" or (prev.pos[0] == "接尾辞" and "助数詞" in prev.pos[2])
    if not counted and prev.surface[:1] in _COUNT_START and prev.pos[0] == "名詞":
        counted = prev.surface[-1:] in ("人", "つ", "個", "本", "枚", "匹", "冊", "度", "回")
    return "ずつ" if counted else None






def toyakaku(tokens: list[Token], i: int) -> str | None:
    """兎や角 is とやかく (this and that: 兎や角言う), as JMdict has it; the dictionary cuts
    兎|や|角 and reads うさぎ, かど. Each kanji takes its part: 兎 と, 角 かく."""
    tok = tokens[i]
    if tok.surface == "兎":
        nxt, after = _next(tokens, i), _next(tokens, i + 1)
        if nxt is not None and nxt.surface == "や" and after is not None and after.surface == "角":
            return "と"
    if tok.surface == "角":
        prev, before = _prev(tokens, i), (tokens[i - 2] if i > 1 else None)
        if (
            prev is not None
            and prev.surface == "や"
            and before is not None
            and before.surface == "兎"
        ):
            return "かく"
    return None


def neru(tokens: list[Token], i: int) -> str | None:
    """寐 is the older spelling of 寝, ね (寐る, 寐ていた, 寐轉び, 寐間着); the dictionary reads it
    as the classical ぬ (寐ぬ, to sleep), which prose of the last century and a half never means."""
    tok = tokens[i]
    if tok.surface.startswith("寐") and tok.reading.startswith("ぬ"):
        return "ね" + tok.reading[1:]
    return None




def _after_unknown_kanji(tokens: list[Token], i: int) -> Token | None:
    """The word right after ``tokens[i]`` when that is one kanji the dictionary does not know
    (the two rules below start so), else None."""
    tok = tokens[i]
    if not tok.oov or len(tok.surface) != 1:
        return None
    nxt = _next(tokens, i)
    return nxt if _joined(tok, nxt) else None


def written_sokuon(tokens: list[Token], i: int) -> str | None:
    """A verb the older spelling writes with a full-size つ for its small っ (困つた, 送つて,
    握つている, 遇つた) is one the dictionary cannot find: it leaves the kanji unknown and guesses
    an on-reading (困 こん). Read it as the same verb written today (困った こまった): the stem's
    reading, こま."""
    tok, nxt = tokens[i], _after_unknown_kanji(tokens, i)
    if nxt is None:
        nxt = _after_stem_noun(tokens, i)
        if nxt is None:
            return None
    after = nxt.surface[1:2] or (tokens[i + 2].surface[:1] if i + 2 < len(tokens) else "")
    if not nxt.surface.startswith("つ") or after not in ("た", "て", "だ", "ち"):
        return None
    return _sokuon_stem(tok.surface, after)


def _after_stem_noun(tokens: list[Token], i: int) -> Token | None:
    """The word after ``tokens[i]`` when that is one kanji the dictionary took for the noun of a
    verb's stem before a full-size つ (掘つても read 掘 ほり + 伝手 つて, 取つて 取 とり), else None."""
    tok = tokens[i]
    if tok.oov or len(tok.surface) != 1 or tok.pos[0] != "名詞":
        return None
    nxt = _next(tokens, i)
    if not _joined(tok, nxt) or nxt is None:
        return None
    return nxt if nxt.surface == "つ" or nxt.surface[:2] in ("つて", "つた") else None


@lru_cache(maxsize=4096)
def _sokuon_stem(kanji: str, after: str) -> str | None:
    """The reading of ``kanji`` as the stem of a verb before っ + ``after``, if the dictionary
    reads ``kanji`` + っ + ``after`` so (困った: こま), else None."""
    from store.japanese.tokens import sudachi_tokens

    words = sudachi_tokens(kanji + "っ" + after)
    first = words[0] if words else None
    if first is None or first.surface != kanji + "っ" or first.pos[0] != "動詞" or first.oov:
        return None
    reading = first.reading
    return reading[:-1] if reading.endswith("っ") and len(reading) > 1 else None


#: What a verb's okurigana never is: a word of its own.
_NOT_OKURIGANA = frozenset(["副詞", "接続詞", "感動詞", "代名詞", "連体詞"])


def kun_stem(tokens: list[Token], i: int) -> str | None:
    """A kanji the dictionary does not know, with kana after it, is a verb's or an adjective's
    stem: the kun-reading of KANJIDIC whose okurigana those kana conjugate (眺むる なが, 痺らせ
    しび, 棄つる す; ``store.japanese.kun_stems``), not a guessed on-reading (眺 ちょう)."""
    tok, nxt = tokens[i], _after_unknown_kanji(tokens, i)
    if nxt is None:
        return None
    if not ("\u3041" <= nxt.surface[:1] <= "\u3096") or nxt.pos[0] in _NOT_OKURIGANA:
        return None  # (褒まさに: a name, then an adverb)
    prev, after = _prev(tokens, i), _next(tokens, i + 1)
    if (
        _joined(prev, tok)
        and prev is not None
        and is_kanji(prev.surface[-1])
        and prev.pos[0] != "動詞"
    ):
        return None  # 鬱悶: a compound's second kanji is a noun's (投げ棄つる is a verb's)
    if nxt.pos[0] == "助詞" and (after is None or not "\u3041" <= after.surface[:1] <= "\u3096"):
        return None  # 胸の悶を訴え: a particle after a noun, not okurigana
    from store.japanese.kun_stems import okurigana_stem

    following = "".join(t.surface for t in tokens[i + 1 : i + 3])
    return okurigana_stem(tok.surface, following)


#: Particles after 真中 the place (真中に, 真中へ, 真中を): a surname takes an honorific first.
_PLACE_PARTICLES = frozenset(["に", "へ", "を", "で", "から", "まで", "の", "は", "が"])


def mannaka(tokens: list[Token], i: int) -> str | None:
    """真中 standing before a particle is まんなか (the middle: 真中に栗の木が立って); the
    dictionary may take it for the surname 真中 まなか, which is what it is before さん or a
    given name."""
    tok, nxt = tokens[i], _next(tokens, i)
    if tok.surface != "真中" or tok.reading != "まなか" or not _joined(tok, nxt):
        return None
    assert nxt is not None
    return "まんなか" if nxt.surface in _PLACE_PARTICLES else None


def ibara(tokens: list[Token], i: int) -> str | None:
    """茨 is いばら (a thorn, a briar: 茨の道); the dictionary gives the older うばら, which no
    bench text prints and four works print いばら over."""
    tok = tokens[i]
    return "いばら" if tok.surface == "茨" and tok.reading == "うばら" else None


def donata(tokens: list[Token], i: int) -> str | None:
    """誰方 is どなた (who, politely), as 何方 is; the dictionary cuts 誰|方 and reads だれ·かた.
    Each kanji takes its part: 誰 ど, 方 なた."""
    tok = tokens[i]
    if tok.surface == "誰" and tok.reading == "だれ":
        nxt = _next(tokens, i)
        return "ど" if _joined(tok, nxt) and nxt is not None and nxt.surface == "方" else None
    if tok.surface == "方":
        prev = _prev(tokens, i)
        if _joined(prev, tok) and prev is not None and prev.surface == "誰":
            return "なた"
    return None


#: Particles after a noun standing on its own (画を, 画の, 画は).
_NOUN_PARTICLES = frozenset(["を", "に", "が", "は", "の", "も", "や", "と", "で", "へ", "なり"])


def e_picture(tokens: list[Token], i: int) -> str | None:
    """画 standing on its own before a particle is え, a picture (画を見ても, 孔雀の画を, 画の
    やうに), as older prose writes 絵; the dictionary reads が, which 画 is in compounds (洋画,
    画家). After a count it is a stroke, かく (三画の字)."""
    tok, nxt, prev = tokens[i], _next(tokens, i), _prev(tokens, i)
    if tok.surface != "画" or tok.reading != "が" or tok.pos[0] != "名詞":
        return None
    if nxt is None or nxt.surface not in _NOUN_PARTICLES or not _joined(tok, nxt):
        return None
    if prev is not None and prev.end == tok.start and (prev.has_kanji or prev.pos[1] == "数詞"):
        return None  # 日本画の, 三画の: a compound's end, a count
    return "え"




def kore(tokens: list[Token], i: int) -> str | None:
    """是 on its own before a particle or なり is これ (this): 我身是なり, 是は; the dictionary's
    ぜ is the 是 of 是非, 是正, words of their own."""
    tok, nxt = tokens[i], _next(tokens, i)
    if tok.surface != "是" or tok.reading != "ぜ" or not _joined(tok, nxt):
        return None
    assert nxt is not None
    return "これ" if nxt.surface in _NOUN_PARTICLES or nxt.surface == "から" else None






#: Words before the epistolary 候 that are not verbs to the dictionary.
_BEFORE_SORO = frozenset(["申", "御座", "度", "宜しく", "有之", "存"])


def soro(tokens: list[Token], i: int) -> str | None:
    """候 after a verb, an adjective's く or an auxiliary closes a sentence of a letter:
    そうろう (考え申候, 相談いたしたく候, 御座候, 宜しく候); the dictionary reads こう, which 候 is
    in words (気候, 候補) and names (候官県)."""
    tok, prev = tokens[i], _prev(tokens, i)
    if tok.surface != "候" or tok.reading != "こう" or not _joined(prev, tok):
        return None
    assert prev is not None
    if prev.pos[0] in ("動詞", "形容詞", "助動詞") or prev.surface in _BEFORE_SORO:
        return "そうろう"
    return None




def nasu(tokens: list[Token], i: int) -> str | None:
    """作 with する's forms after an object is 作す なす (to make, to form: 断層を作し, 群を作して,
    声を作すに), as JMdict spells it; the dictionary reads the noun さく and する after it."""
    tok, nxt, prev = tokens[i], _next(tokens, i), _prev(tokens, i)
    if tok.surface != "作" or tok.reading != "さく" or not _joined(tok, nxt):
        return None
    assert nxt is not None
    if prev is None or prev.surface != "を" or nxt.lemma != "する":
        return None
    return "な" if nxt.surface[:1] in ("し", "す", "さ", "せ") else None




def arazu(tokens: list[Token], i: int) -> str | None:
    """非 before ず, ざる, ざれ (非ず, 被害地区に非ざる): the verb 非ず あらず, which the
    dictionary reads as the prefix 非 ひ and a noun ざる."""
    tok, nxt = tokens[i], _next(tokens, i)
    if tok.surface != "非" or nxt is None or not _joined(tok, nxt):
        return None
    return "あら" if nxt.surface[:1] in ("ず", "ざ") else None


#: What one tells or heaves, with 吐く read つく: 嘘を吐く, 溜息を吐く, 一息吐く.
_TSUKU = frozenset(["嘘", "うそ", "虚言", "溜息", "ため息", "吐息", "一息", "息"])


def tsuku(tokens: list[Token], i: int) -> str | None:
    """吐く is つく after a lie or a sigh (嘘を吐いた, 溜息を吐いた, 一息吐く); the dictionary reads
    はく (to spit, to vomit), which it is elsewhere (血を吐く)."""
    tok = tokens[i]
    if tok.lemma not in ("吐く", "吐ける") or not tok.reading.startswith("は"):
        return None  # (嘘を吐け, the imperative, the dictionary took for 吐ける)
    prev = _prev(tokens, i)
    object_marked = prev is not None and prev.surface == "を" and i > 1
    if object_marked:
        prev = tokens[i - 2]
    if prev is None or prev.surface not in _TSUKU:
        return None
    if prev.surface == "息" and object_marked:
        return None  # 息を吐く: to breathe out, はく
    return "つ" + tok.reading[1:]






def hitokata(tokens: list[Token], i: int) -> str | None:
    """一方ならぬ, 一と方ならず is ひとかたならぬ (no ordinary): the dictionary reads 一方 いっぽう
    (one side), or 方 ほう after 一と."""
    tok, nxt = tokens[i], _next(tokens, i)
    if nxt is None or nxt.surface != "なら" or not _joined(tok, nxt):
        return None
    if tok.surface == "一方" and tok.reading == "いっぽう":
        return "ひとかた"
    prev = _prev(tokens, i)
    if tok.surface == "方" and prev is not None and prev.surface in ("と", "一"):
        first = tokens[i - 2] if prev.surface == "と" and i > 1 else prev
        return "かた" if first.surface == "一" else None
    return None


def uru(tokens: list[Token], i: int) -> str | None:
    """得る after a verb's stem is the auxiliary うる (can: 愛し得る人, 説明され得る) in older
    prose, as its rubies print it (registered for the literary register: modern prose says both,
    and a careful reader of the seeds keeps える); the dictionary's える is the verb on its own
    (得ない, 得た, 地位を得る)."""
    tok, prev = tokens[i], _prev(tokens, i)
    if tok.surface != "得る" or tok.reading != "える" or not _joined(prev, tok):
        return None
    assert prev is not None
    if prev.pos[0] in ("動詞", "助動詞") and prev.pos[5].startswith("連用形"):
        return "うる"
    return None


def toutou(tokens: list[Token], i: int) -> str | None:
    """遂々 is とうとう (at last), the older spelling of 到頭: 遂々私は切り出した. The dictionary's
    ついつい (unintentionally) is written in kana."""
    tok = tokens[i]
    return "とうとう" if tok.surface == "遂々" and tok.reading == "ついつい" else None


#: Kanji older prose spells a word with, read by the word after it: the kanji (as the dictionary
#: cuts it) -> (the dictionary's reading it corrects, "" for any; what the next word is, or
#: starts with when the entry ends in "…"; the reading).
_BEFORE: dict[str, tuple[str, tuple[str, ...], str]] = {
    "却": ("", ("て…",), "かえっ"),  # 却て かえって, the small っ unwritten; 却 alone has no reading
    "頻": ("ひん", ("に",), "しきり"),  # 頻に しきりに; the dictionary's prefix ひん
    "漸": ("", ("っと…",), "や"),  # 漸っと やっと; the dictionary's given name すすむ
    "於": ("", ("て…",), "おい"),  # 於て おいて (此点に於て); the dictionary knows 於いて only
    "左": ("ひだり", ("程",), "さ"),  # 左程 さほど, an older spelling of 然程
    "頓": ("", ("と",), "とん"),  # 頓と とんと (not at all); 頓に とみに is the dictionary's
    "成": ("せい", ("丈", "可く", "可"), "なる"),  # 成丈 なるたけ, 成可く なるべく
    "号": ("", ("づけ…",), "な"),  # 号づける なづける, as 名づける
    "毎": ("", ("も", "もの"), "いつ"),  # 毎も いつも (not the suffix ごと, the prefix まい)
    "申": ("", ("候",), "もうし"),  # 申候 (not the zodiac's さる); 候 is そうろう, below
    "打っ": ("うっ", ("つか…", "つけ…", "たお…", "とば…"), "ぶっ"),  # 打っつかる; 打って うって
    "夫": ("おっと", ("れ…",), "そ"),  # 夫れ それ, 夫れから, 夫れぞれ (not husband)
    "饒舌": ("", ("る", "り", "れ", "ら", "ろ…", "っ"), "しゃべ"),  # 饒舌る しゃべる; 饒舌な stays
    "有": ("ゆう", ("ゆる",), "あら"),  # 有ゆる あらゆる; the dictionary's prefix ゆう
    "斯": ("かく", ("んな…",), "こ"),  # 斯んな こんな (斯う こう is the dictionary's own)
    "和": ("", ("ら",), "やわ"),  # 和らかな やわらか (柔らか); the dictionary's given name かず
}


def spelled_before(tokens: list[Token], i: int) -> str | None:
    """A kanji older prose spells a word with that today's text writes in kana, read by the word
    after it (``_BEFORE``): 却て かえって, 頻に しきりに, 於て おいて, 夫れ それ, 毎も いつも…
    The dictionary knows the kanji only in another word, or not at all."""
    tok = tokens[i]
    entry = _BEFORE.get(tok.surface)
    if entry is None or (entry[0] and tok.reading != entry[0]):
        return None
    nxt = _next(tokens, i)
    if not _joined(tok, nxt):
        return None
    assert nxt is not None
    for after in entry[1]:
        if nxt.surface == after or (after.endswith("…") and nxt.surface.startswith(after[:-1])):
            return entry[2]
    return None


#: How 有難い goes on after 難有, its older spelling in the order of classical Chinese: 難有い,
#: 難有く, 難有う, 難有かった, 難有さ, 難有がる, 難有み.
_ARIGATA_AFTER = ("い", "く", "う", "か", "け", "さ", "が", "み")


def arigata(tokens: list[Token], i: int) -> str | None:
    """難有 before the endings of an adjective is 有難 written in the order of classical Chinese:
    ありがたい (別段難有いとも思わなかった, 難有く頂戴), ありがとう (難有う). The dictionary cut it into
    難 なん and 有 う; the two are read as one word."""
    tok, nxt = tokens[i], _next(tokens, i)
    if tok.surface != "難" or nxt is None or nxt.surface != "有" or not _joined(tok, nxt):
        return None
    after = _next(tokens, i, 2)
    if not _joined(nxt, after) or after is None or not after.surface.startswith(_ARIGATA_AFTER):
        return None
    nxt.absorbed = True
    tok.end = nxt.end
    tok.surface += nxt.surface
    return "ありがと" if after.surface.startswith("う") else "ありがた"  # 難有う ありがとう


#: What follows 忽 when it is a word of its own: 忽ち (たちまち, the dictionary's), 忽然, 忽焉, 忽如.
_NOT_TACHIMACHI = ("ち", "然", "焉", "如", "諸", "と", "せ", "に")


def tachimachi(tokens: list[Token], i: int) -> str | None:
    """忽 standing alone is たちまち with its ち unwritten (山は、忽一時の騒擾から): the dictionary
    reads こつ, the 忽 of 忽然 and 粗忽, which never stands alone."""
    tok = tokens[i]
    if tok.surface != "忽" or tok.reading != "こつ":
        return None
    prev, nxt = _prev(tokens, i), _next(tokens, i)
    if _joined(prev, tok) and prev is not None and prev.has_kanji:
        return None  # 粗|忽: the end of a word the dictionary cut
    if _joined(tok, nxt) and nxt is not None and nxt.surface.startswith(_NOT_TACHIMACHI):
        return None
    return "たちまち"


#: What is bent when 反って is 反る's (to bend back): 身を反って, 体が反って.
_BENT = frozenset(["を", "が", "も"])


def kaette(tokens: list[Token], i: int) -> str | None:
    """反って with nothing bent before it is かえって (on the contrary), an older spelling of
    却って: その結果は反ってよくなかった, 反って二人して僕に詰問した. The dictionary reads 反る
    (to bend back), which takes what is bent: 身を反って, 背が反って keep そって."""
    tok, nxt, prev = tokens[i], _next(tokens, i), _prev(tokens, i)
    if tok.surface != "反っ" or tok.reading != "そっ" or not _joined(tok, nxt):
        return None
    assert nxt is not None
    if nxt.surface != "て" or (prev is not None and prev.surface in _BENT):
        return None
    return "かえっ"


def chikazuku(tokens: list[Token], i: int) -> str | None:
    """近いた, 近いて is 近づいた with its づ unwritten (洋杖を鳴し乍ら近いた, 大人に近いたのである):
    the adjective 近い, as the dictionary reads it, never goes on with た or て (近かった, 近くて)."""
    tok, nxt = tokens[i], _next(tokens, i)
    if tok.surface != "近い" or tok.pos[0] != "形容詞" or not _joined(tok, nxt):
        return None
    assert nxt is not None
    return "ちかづい" if nxt.surface in ("た", "て", "たら", "ても", "ては") else None


#: What follows 有 (the dictionary's あり) when it spells 持つ: 有ち, 有たない, 有てる, 有とう.
_MOTSU_AFTER = frozenset(["ち", "た", "て", "と"])


def motsu(tokens: list[Token], i: int) -> str | None:
    """有 spelling 持つ, as older prose writes it (意味を有つ, 力を有っている, 有ちながら): も.
    The dictionary reads it ある, which 有つ, 有ち, 有たない cannot be; 有って is もって only
    before いる or おる (力を有って居る; 金が有って is あって), and so is 有つて in older kana
    (よし有つたにしろ is あった)."""
    tok = tokens[i]
    nxt = _next(tokens, i)
    joined = _joined(tok, nxt)
    if tok.surface == "有" and joined and tok.pos[0] == "動詞":
        assert nxt is not None
        return "も" if nxt.surface in _MOTSU_AFTER else None
    if tok.surface not in ("有つ", "有っ"):
        return None
    if not joined or nxt is None or nxt.surface not in ("た", "て"):
        return "もつ" if tok.surface == "有つ" else None
    after = _next(tokens, i + 1)
    if (
        nxt.surface == "て"
        and _joined(nxt, after)
        and after is not None
        and after.surface[:1] in ("い", "居", "お", "ゐ")
    ):
        return "も" + tok.reading[1:]
    return None


#: The copula's one-kana forms, which follow nouns whose readings may end in the same kana.
_COPULA = frozenset(["だ", "な", "で", "に"])


def written_tail(tokens: list[Token], i: int) -> str | None:
    """A word the dictionary spells without its last kana, written here with it, which the
    dictionary then cut off as an auxiliary (or, after an adverb or a conjunction, as a particle):
    可成り is 可成 かなり + り, read かなり|り; so 夜る, 錘り, 金鎖り, 只だ, 扨て. The word keeps
    the reading without the kana written after it (可成 かな)."""
    # Runs on every word the other rules left: the cheapest test that rules most out comes first.
    if i + 1 >= len(tokens):
        return None
    tok, nxt = tokens[i], tokens[i + 1]
    reading = tok.reading
    if nxt.surface != reading[-1:] or len(reading) < 2 or not _joined(tok, nxt):
        return None
    if tok.pos[0] not in ("形状詞", "副詞", "名詞", "接続詞") or not is_kanji(tok.surface[-1]):
        return None
    if nxt.pos[0] != "助動詞" and tok.pos[0] not in ("接続詞", "副詞"):
        return None  # (扨て さて + て, 尚お なお + お: a conjunction's own kana, cut off)
    if nxt.surface in _COPULA and tok.pos[0] != "副詞":
        return None  # 無駄だ, 女なんで, 門出で: the copula after a word that ends in its sound
    return reading[:-1]


#: What follows a verb's は-row stem (言はない, 言はず, 言はれ): は as the topic particle after a
#: noun (会は, 戦は) is followed by anything else.
_AFTER_WA = tuple("なずぬんれせざ")
#: What follows a verb's へ (整へて, 応へ得る, 加へた, 与へ、): へ the particle after a noun
#: (次の代へ, 家へ帰る) is followed by a verb, の, と, は, も.
_AFTER_E = tuple("てたるられずぬなまばしよ得、。")


def historical_okurigana(tokens: list[Token], i: int) -> str | None:
    """A verb the older spelling conjugates in the は-row (整へて, 応へ得る, 言はない, 従ひ, 吸はう) is
    one the dictionary cannot find when its kanji alone is a word too: it reads that word (整
    せい, 言 げん, 従 じゅ) and takes the kana for particles. Read the kanji as the stem of the
    verb the same words spell today (整えて: ととの), when today's spelling is that verb."""
    tok = tokens[i]
    if tok.pos[0] in ("動詞", "形容詞") or not tok.from_sudachi:
        return None
    nxt = _next(tokens, i)
    if nxt is None or not _joined(tok, nxt):
        return None
    kana = nxt.surface[:1]
    said = OLD_KANA_SAID.get(kana)
    if said is None:
        return None
    after = nxt.surface[1:] + "".join(t.surface for t in tokens[i + 2 : i + 4])
    if kana == "は" and after.startswith("う"):
        said = "お"  # 吸はう, 歌はう: the older spelling of the volitional 吸おう
    elif kana == "は" and not after.startswith(_AFTER_WA):
        return None
    if kana == "へ":
        prev = _prev(tokens, i)
        if not after.startswith(_AFTER_E) or (prev is not None and prev.surface == "の"):
            return None
    return _modern_stem(tok.surface, said + after[:3])


@lru_cache(maxsize=4096)
def _modern_stem(kanji: str, tail: str) -> str | None:
    """The reading of ``kanji`` as the stem of the verb or adjective that ``kanji`` + ``tail``
    spells today, when the dictionary reads it so (整えて: ととの), else None."""
    from store.japanese.tokens import sudachi_tokens

    words = sudachi_tokens(kanji + tail)
    first = words[0] if words else None
    if first is None or first.oov or first.pos[0] not in ("動詞", "形容詞"):
        return None
    okurigana = first.surface[len(kanji) :]
    if not first.surface.startswith(kanji + tail[:1]) or not okurigana:
        return None
    reading = first.reading
    if not reading.endswith(okurigana) or len(reading) <= len(okurigana):
        return None
    return reading[: -len(okurigana)]
