"""Words today's prose reads by their context, where the dictionary takes the other reading
(rules for any register, or for modern text where older fiction means the other word). Found
by a careful reader's pass over everyday text the rules were never tuned on (2026-12-07).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from store.japanese.chars import to_hiragana
from store.japanese.neighbours import next_token as _next
from store.japanese.neighbours import prev_token as _prev

if TYPE_CHECKING:
    from store.japanese.rules import Token

#: What follows a question of the clock: 何時ですか, 何時でしょう, 何時何分, 何時半 (not だ, でし:
#: 何時だったか is いつ, when it was).
_CLOCK_AFTER = frozenset(["です", "でしょ", "何", "半"])


#: What follows 何時 when it is いつ even in today's prose: 何時の間にか, 何時までも, 何時迄,
#: 何時か, 何時でも, 何時も, 何時しか, 何時ぞや.
_ITSU_AFTER = ("の間", "まで", "迄")
_ITSU_PARTICLES = frozenset(["か", "でも", "も", "しか", "ぞや"])


def what_time_today(tokens: list[Token], i: int) -> str | None:
    """Today's prose writes when, いつ, in kana: 何時 there asks the clock, なんじ (何時からだっけ,
    何時に起きたの), except in the set phrases that keep the kanji (何時の間にか, 何時までも)."""
    tok = tokens[i]
    if tok.surface != "何時" or tok.reading == "なんじ":
        return None
    prev, nxt = _prev(tokens, i), _next(tokens, i)
    if prev is not None and prev.surface == "いつ":
        return None  # いつ何時 (what_time)
    if (
        nxt is not None
        and nxt.start == tok.end
        and (nxt.surface.startswith(_ITSU_AFTER) or nxt.surface in _ITSU_PARTICLES)
    ):
        after = _next(tokens, i, 2)
        if not (nxt.surface == "まで" and after is not None and after.surface == "に"):
            return "いつ" if tok.reading != "いつ" else None  # 何時しか, 何時の間にか
    if nxt is not None and nxt.surface[:1] in "だで":
        return None  # 何時だったか: when it was, or the hour: the dictionary's
    return "なんじ"


def what_time(tokens: list[Token], i: int) -> str | None:
    """何時 asking the clock is なんじ (今何時ですか, 何時何分, 何時までに): the dictionary's
    なんどき is いつ何時 (any moment), which it read いつ after いつ; 何時迄 and 何時までも are いつまで;
    何分 after it is minutes, なんぷん, not なにぶん (anyhow)."""
    tok = tokens[i]
    prev, nxt = _prev(tokens, i), _next(tokens, i)
    clock = (nxt is not None and nxt.surface in _CLOCK_AFTER) or (
        prev is not None and prev.surface == "今"
    )
    if tok.surface == "何時" and tok.reading == "なんどき" and clock:
        return "なんじ"
    if tok.surface == "何時" and prev is not None and prev.surface == "いつ":
        return "なんどき"  # いつ何時, at any moment (the dictionary read it いつ, as alone)
    if tok.surface == "何時" and tok.reading == "なんどき" and nxt is not None:
        if nxt.surface.startswith("迄"):
            return "いつ"  # 何時迄経っても, older prose's いつまで
        after = _next(tokens, i, 2)
        if nxt.surface == "まで" and after is not None and after.surface == "に":
            return "なんじ"  # 何時までに提出しますか: by what time
        if nxt.surface == "まで" and after is not None and after.surface == "も":
            return "いつ"  # 何時までも: for ever
    if tok.surface == "何分" and prev is not None and prev.surface in ("時", "何時"):
        return "なんぷん"
    return None


#: What a price does: 値が上がる, 値を下げた, 値がつく.
PRICE_VERBS = frozenset(
    ["上がる", "下がる", "上げる", "下げる", "付く", "つく", "付ける", "つける", "張る", "崩れる",
     "戻す", "戻る", "動く", "出る", "下落", "上昇"]
)  # fmt: skip


def _takes(tokens: list[Token], i: int, verbs: frozenset[str]) -> bool:
    """Whether the word at ``i`` is what one of ``verbs`` is done to or does, the verb right
    after its particle: 値が上がった, 米を炊く."""
    nxt, verb = _next(tokens, i), _next(tokens, i, 2)
    return (
        nxt is not None
        and nxt.surface in ("が", "を", "も", "は")
        and verb is not None
        and verb.lemma in verbs
    )


def price(tokens: list[Token], i: int) -> str | None:
    """値 that rises, falls or is put on something is a price, ね (野菜の値が上がった, 値を
    下げた, 百万円の値がつく); the dictionary's あたい is a value (値を求める)."""
    tok = tokens[i]
    if tok.surface == "値" and tok.reading == "あたい" and _takes(tokens, i, PRICE_VERBS):
        return "ね"
    return None


#: Verbs of rice being made ready: 米を炊く, 米を研ぐ, 米が炊ける.
RICE_VERBS = frozenset(["炊く", "研ぐ", "搗く", "炊ける", "蒸す", "とぐ"])


#: What rice has and America has not, after 米の: 米の需給, 米の収穫量, 米の作付け, 米の価格.
RICE_MATTERS = frozenset(
    ["需給", "収穫", "収穫量", "生産", "生産量", "生産者", "作付", "作付け", "品種", "値段", "価格",
     "消費", "消費量", "在庫", "備蓄", "供給", "出来", "味", "粒", "銘柄", "作況", "産地", "不足",
     "高騰", "流通", "石高", "増産", "減反", "先物", "相場"]
)  # fmt: skip


def rice(tokens: list[Token], i: int) -> str | None:
    """米 standing alone is べい (the United States) for the dictionary, as news writes it; when
    it is cooked or washed it is rice, こめ: 米を炊く, 米を研いで, 米が炊けた; and so is the 米 of
    a harvest, a price or a supply (米の需給, 米の収穫量, 米の価格; 米の大統領 stays べい)."""
    tok = tokens[i]
    if tok.surface != "米" or tok.reading != "べい":
        return None
    if _takes(tokens, i, RICE_VERBS):
        return "こめ"
    nxt, after = _next(tokens, i), _next(tokens, i, 2)
    if (
        nxt is not None
        and nxt.surface == "の"
        and after is not None
        and (after.surface in RICE_MATTERS or after.lemma in RICE_MATTERS)
    ):
        return "こめ"
    if nxt is not None and nxt.start == tok.end and _measured_as_rice(tokens, i + 1):
        return "こめ"  # 米二合, 米3合, 米一升: rice measured
    return None


#: What rice is measured in after its number: 合, 升, 俵, 粒, 斗, 石.
_RICE_MEASURES = ("合", "升", "俵", "粒", "斗", "カップ")


def _measured_as_rice(tokens: list[Token], i: int) -> bool:
    """Whether a number and a measure of rice start at ``tokens[i]`` (二合, 3合, 一升)."""
    k = i
    while k < len(tokens) and (tokens[k].pos[1] == "数詞" or tokens[k].surface.isdigit()):
        k += 1
    if k == i or k >= len(tokens):
        return (
            any(tokens[i].surface.endswith(m) for m in _RICE_MEASURES)
            and tokens[i].surface[:1] in "一二三四五六七八九十0123456789"
        )
    return tokens[k].surface.startswith(_RICE_MEASURES)


#: What money does or has done to it: 金に困る, 金を払う, 金が要る, 金を借りる.
MONEY_VERBS = frozenset(
    ["困る", "払う", "借りる", "貸す", "稼ぐ", "使う", "貯める", "ためる", "儲ける", "もうける",
     "掛かる", "かかる", "要る", "盗む", "返す", "渡す", "積む", "集める", "出す", "惜しむ",
     "無心", "せびる", "ばらまく", "ばら撒く", "工面", "くすねる", "横領", "振り込む"]
)  # fmt: skip


def money(tokens: list[Token], i: int) -> str | None:
    """金 standing alone that is paid, borrowed, earned or wanted is money, かね (金に困って,
    金を払った, 金が要る); the dictionary's きん, gold, stays where it is mined or worn (金が
    採れる, 金の指輪)."""
    tok = tokens[i]
    if tok.surface != "金" or tok.reading != "きん" or tok.pos[0] != "名詞":
        return None
    nxt, verb = _next(tokens, i), _next(tokens, i, 2)
    if (
        nxt is not None
        and nxt.surface in ("が", "を", "に", "も", "は")
        and verb is not None
        and verb.lemma in MONEY_VERBS
    ):
        return "かね"
    return None


def on_reading(tokens: list[Token], i: int) -> str | None:
    """音 beside 訓 is a kanji's Sino-Japanese reading, おん (漢字の音や訓, 音と訓, 訓と音); the
    dictionary's おと is a sound."""
    tok = tokens[i]
    if tok.surface != "音" or tok.reading != "おと":
        return None
    near = [_next(tokens, i, 2), _prev(tokens, i, 2)]
    return "おん" if any(t is not None and t.surface == "訓" for t in near) else None


def in_article(tokens: list[Token], i: int) -> str | None:
    """中 right after an article's number is ちゅう, "in" (第1条中「10万円」を改める, 第三条中の
    規定), as statutes amending a statute say it; the dictionary read なか."""
    tok, prev = tokens[i], _prev(tokens, i)
    if tok.surface != "中" or tok.reading == "ちゅう" or prev is None or prev.end != tok.start:
        return None
    return "ちゅう" if prev.surface.endswith(("条", "項", "号")) and prev.has_kanji else None


#: What goes with one's brow after 額の/に/を: 額の汗, 額に手を当てる, 額を寄せる, 額に皺.
_BROW = frozenset(
    ["汗", "皺", "しわ", "傷", "髪", "手", "拭う", "押さえる", "当てる", "寄せる", "擦る", "こする",
     "ぶつける", "打つ", "冷やす", "青筋", "脂汗"]
)  # fmt: skip


def brow(tokens: list[Token], i: int) -> str | None:
    """額 of a sweat, a wrinkle or a hand laid on it is the brow, ひたい (額の汗を拭う, 額に手を
    当てた, 額を寄せて); the dictionary's がく is an amount or a frame (その額は, 額に入れる)."""
    tok = tokens[i]
    if tok.surface != "額" or tok.reading != "がく" or tok.pos[0] != "名詞":
        return None
    nxt, after = _next(tokens, i), _next(tokens, i, 2)
    if nxt is None or nxt.surface not in ("の", "に", "を", "から") or after is None:
        return None
    return "ひたい" if after.surface in _BROW or after.lemma in _BROW else None


#: Those one is above: 目下の者, 目下の人に (めした, juniors).
_JUNIORS = frozenset(["者", "人", "人間", "相手", "部下", "人たち", "人達", "人々", "方"])


def at_present(tokens: list[Token], i: int) -> str | None:
    """目下 is もっか, at present (目下の課題, 目下のところ, 目下は), except of people
    (目下の者, 目下に対して: めした, juniors)."""
    tok = tokens[i]
    if tok.surface != "目下" or tok.reading != "めした":
        return None
    nxt, after = _next(tokens, i), _next(tokens, i, 2)
    if nxt is None:
        return None
    if nxt.surface == "の":
        return None if after is None or after.surface in _JUNIORS else "もっか"
    if nxt.surface in ("は", "、", "，"):
        return "もっか"
    return None


def windmill(tokens: list[Token], i: int) -> str | None:
    """風車 in today's prose is a windmill or a wind turbine, ふうしゃ (オランダの風車, 洋上
    風車); the dictionary's かざぐるま, a pinwheel, is older fiction's and children's."""
    tok = tokens[i]
    return "ふうしゃ" if tok.surface == "風車" and tok.reading == "かざぐるま" else None


#: Weather as a forecast names it: 晴れ後曇り, 曇り後雨.
WEATHER = frozenset(["晴れ", "晴", "曇り", "曇", "雨", "雪", "小雨", "大雨", "雷雨", "にわか雨"])


def weather_later(tokens: list[Token], i: int) -> str | None:
    """後 between two kinds of weather is a forecast's のち (晴れ後曇り), not あと."""
    tok = tokens[i]
    if tok.surface != "後" or tok.reading == "のち":
        return None
    prev, nxt = _prev(tokens, i), _next(tokens, i)
    if prev is not None and nxt is not None and prev.surface in WEATHER and nxt.surface in WEATHER:
        return "のち"
    return None


#: A field one can be a master of: 日本画の大家, 書の大家, その道の大家 (たいか, an authority).
_FIELD_ENDINGS = ("画", "学", "道", "界", "楽", "書", "術", "論", "芸", "壇", "曲", "劇")


def authority(tokens: list[Token], i: int) -> str | None:
    """大家 of a field is たいか, an authority (日本画の大家, その道の大家); the dictionary's
    おおや is a landlord (アパートの大家さん)."""
    tok = tokens[i]
    if tok.surface != "大家" or tok.reading != "おおや":
        return None
    prev, field = _prev(tokens, i), _prev(tokens, i, 2)
    nxt = _next(tokens, i)
    if nxt is not None and nxt.surface in ("さん", "様", "さま"):
        return None
    if (
        prev is not None
        and prev.surface == "の"
        and field is not None
        and field.surface.endswith(_FIELD_ENDINGS)
    ):
        return "たいか"
    return None


#: Places nobody is about in: 人気のない路地, 人気のない駅 (ひとけ, a sign of people).
_PLACES = frozenset(
    ["路地", "公園", "駅", "道", "夜道", "通り", "場所", "山道", "廊下", "部屋", "家", "屋敷",
     "町", "村", "浜", "海岸", "森", "林", "境内", "ホーム", "校舎", "ビル", "街", "裏通り",
     "路", "小道", "坂", "橋", "店", "店内", "建物", "空き家", "島", "野原"]
)  # fmt: skip


def sign_of_people(tokens: list[Token], i: int) -> str | None:
    """人気のない + a place is ひとけ, nobody about (人気のない路地); the dictionary's にんき,
    popularity, stays for 人気のない商品."""
    tok = tokens[i]
    if tok.surface != "人気" or tok.reading != "にんき":
        return None
    particle, none, place = _next(tokens, i), _next(tokens, i, 2), _next(tokens, i, 3)
    if (
        particle is not None
        and particle.surface in ("の", "が")
        and none is not None
        and none.lemma in ("ない", "無い")
        and place is not None
        and place.surface in _PLACES
    ):
        return "ひとけ"
    return None


#: What is said of one's years after 年の: 年のせい, 年の差, 年の割に, 年の功, 年の頃, 年の暮れ.
_OF_AGE = frozenset(
    ["せい", "差", "割", "功", "頃", "ころ", "暮れ", "暮", "初め", "始め", "はじめ", "離れ", "順"]
)


def years_of_age(tokens: list[Token], i: int) -> str | None:
    """年 standing alone before が, を, も, は, には or 年のせい/差/割 is とし, the year or one's
    age (年が明けた, 年を取った, 年のせいか, 年には勝てない); the dictionary's ねん is the
    counter's and a compound's (2024年, 年に一度, 年会費, 年末)."""
    tok = tokens[i]
    if tok.surface != "年" or tok.reading != "ねん" or tok.pos[0] != "名詞":
        return None
    prev, nxt, after = _prev(tokens, i), _next(tokens, i), _next(tokens, i, 2)
    if (
        prev is not None
        and (prev.end == tok.start or tok.gap)
        and (prev.has_kanji or any(ch.isdigit() for ch in prev.surface))
    ):
        return None  # a count or a compound: 2024年, 2021 年 (a PDF's gap), 何年, 平成元年
    if nxt is None:
        return None
    if nxt.surface in ("が", "を", "も", "は"):
        return "とし"
    if nxt.surface == "に" and after is not None and after.surface == "は":
        return "とし"
    if nxt.surface == "の" and after is not None and after.surface in _OF_AGE:
        return "とし"  # 年の途中 (mid-year) is printed ねん too: only what is said of age
    return None


def head_count(tokens: list[Token], i: int) -> str | None:
    """人数 after 外国 or a place is 人 of the people there and 数, じんすう (在留外国人数, 訪日
    外国人数), and after a word that makes a person's noun with 人 it is that person and 数
    (獲得選挙人数 せんきょにん·すう, 代理人数): Sudachi cut 外国|人数, 選挙|人数 and read the
    head count, にんずう (参加人数, 利用人数 keep it: no 参加人 is a word)."""
    tok, prev = tokens[i], _prev(tokens, i)
    if tok.surface != "人数" or prev is None or prev.end != tok.start:
        return None
    if prev.surface.endswith(("外国", "異国")) or prev.pos[2] == "地名":
        return "じんすう"
    person = _person_noun_reading(prev.surface + "人")
    if person is not None and person.startswith(prev.reading) and person.endswith(("にん", "じん")):
        return person[-2:] + "すう"
    return None


@lru_cache(maxsize=512)
def _person_noun_reading(word: str) -> str | None:
    """The dictionary's reading of ``word`` as a common noun (選挙人 せんきょにん), or None."""
    from store.japanese.alternatives import dictionary_entries

    for m in dictionary_entries(word):
        if m.surface() == word and m.part_of_speech()[:2] == ("名詞", "普通名詞"):
            return to_hiragana(m.reading_form())
    return None


def kokkai_gi(tokens: list[Token], i: int) -> str | None:
    """国会 before a 議 cut off alone is 国 + 会議, こく·かい (締約国会議, 加盟国会議: Sudachi cut
    締約|国会|議 and read the Diet, こっかい)."""
    tok, nxt = tokens[i], _next(tokens, i)
    if tok.surface != "国会" or nxt is None or nxt.surface != "議" or nxt.start != tok.end:
        return None
    return "こくかい"


def shoken(tokens: list[Token], i: int) -> str | None:
    """諸懸 before 案 is 諸 + 懸案, しょ·けん (諸懸案, the outstanding issues of diplomatic prose):
    Sudachi took 諸懸 for a name and read it もろがたの."""
    tok, nxt = tokens[i], _next(tokens, i)
    if tok.surface != "諸懸" or nxt is None or not nxt.surface.startswith("案"):
        return None
    return "しょけん" if nxt.start == tok.end else None


#: What follows くらい written 位: a particle, the copula, a comma or the sentence's end.
_AFTER_KURAI = frozenset(
    ["は", "の", "で", "に", "だ", "な", "も", "まで", "しか", "、", "。", "です"]
)


def kurai(tokens: list[Token], i: int) -> str | None:
    """位 after a count or a span of time is older prose's くらい, about (一月位は, 半時間位の
    道程, 百人位): the dictionary's い is a rank (第一位, 三位), which follows a bare number."""
    tok, prev, nxt = tokens[i], _prev(tokens, i), _next(tokens, i)
    if tok.surface != "位" or tok.reading != "い" or prev is None or nxt is None:
        return None
    if prev.end != tok.start or nxt.surface not in _AFTER_KURAI:
        return None
    counted = "助数詞" in prev.pos[2] or prev.surface.endswith(("時間", "月", "年", "日", "分"))
    return "くらい" if counted and prev.pos[1] != "数詞" else None


def what_time_ni(tokens: list[Token], i: int) -> str | None:
    """何時 before に and a verb asks the clock in today's prose, なんじ (何時に帰ってくるの); the
    dictionary's いつ stays in 何時になく and 何時にも (as always)."""
    tok, nxt, after = tokens[i], _next(tokens, i), _next(tokens, i, 2)
    if tok.surface != "何時" or tok.reading != "いつ" or nxt is None or nxt.surface != "に":
        return None
    if after is None or after.pos[0] != "動詞" or after.surface.startswith(("な", "無")):
        return None
    return "なんじ"


#: What one writes or reads a line of: 一行も書けずに, 一行を読む.
_LINE_VERBS = frozenset(["書く", "書ける", "読む", "読める", "写す", "記す", "削る", "足す"])


def one_line(tokens: list[Token], i: int) -> str | None:
    """一行 written or read is one line, いちぎょう (一行も書けずに); the dictionary's いっこう is a
    travelling party (一行は宿に着いた)."""
    tok, nxt, verb = tokens[i], _next(tokens, i), _next(tokens, i, 2)
    if tok.surface != "一行" or tok.reading != "いっこう" or nxt is None or verb is None:
        return None
    if nxt.surface in ("も", "を", "ずつ", "だけ") and verb.lemma in _LINE_VERBS:
        return "いちぎょう"
    return None


def venue(tokens: list[Token], i: int) -> str | None:
    """於 before a colon names where a meeting is held, おいて (於：外務省会見室, a record's
    heading); the dictionary's お is the preposition of classical Chinese read in a sentence."""
    tok, nxt = tokens[i], _next(tokens, i)
    if tok.surface != "於" or nxt is None or nxt.surface[:1] not in ("：", ":"):
        return None
    return "おいて"


def compass_point(tokens: list[Token], i: int) -> str | None:
    """北 or 南 cut off 東進/西進 is the compass point's first half, ほく/なん (対馬海峡を北東進した
    ほくとうしん, 南東進): the dictionary read the word north, きた."""
    tok, nxt = tokens[i], _next(tokens, i)
    if tok.surface not in ("北", "南") or nxt is None or nxt.start != tok.end:
        return None
    if nxt.surface not in ("東進", "西進"):
        return None
    return "ほく" if tok.surface == "北" else "なん"


def country_side(tokens: list[Token], i: int) -> str | None:
    """国側 after a noun is that country's side, こくがわ (相手国側, 加盟国側); alone it is the
    state's side in a suit, くにがわ (国側の主張)."""
    tok, prev = tokens[i], _prev(tokens, i)
    if tok.surface != "国側" or tok.reading != "くにがわ" or prev is None:
        return None
    return "こくがわ" if prev.end == tok.start and prev.has_kanji else None


def a_bit(tokens: list[Token], i: int) -> str | None:
    """狭め before だ or な is the adjective's め, a bit narrow, せまめ (店内は狭めだけど); the
    dictionary read the verb 狭める, せばめ."""
    tok, nxt = tokens[i], _next(tokens, i)
    if tok.surface != "狭め" or tok.reading != "せばめ" or nxt is None or tok.pos[0] != "名詞":
        return None
    return "せまめ" if nxt.surface in ("だ", "です", "な", "の", "に", "で", "、", "。") else None


def chicken(tokens: list[Token], i: int) -> str | None:
    """鶏 before a cut of its meat is とり (鶏もも肉, 鶏むね肉, 鶏ガラ); alone it is the bird,
    にわとり."""
    tok, nxt = tokens[i], _next(tokens, i)
    if tok.surface != "鶏" or tok.reading != "にわとり" or nxt is None or nxt.start != tok.end:
        return None
    return (
        "とり" if nxt.surface.startswith(("もも", "むね", "ささみ", "ガラ", "ひき", "挽")) else None
    )


def ato_kara(tokens: list[Token], i: int) -> str | None:
    """後 standing alone before から is later, あと (でも後から聞いたら, 後から来た): the dictionary
    took it for the suffix ご after a word (でも後). その後から, 午後から are words of their own."""
    tok, nxt, prev = tokens[i], _next(tokens, i), _prev(tokens, i)
    if tok.surface != "後" or tok.reading != "ご" or nxt is None or nxt.surface != "から":
        return None
    if prev is not None and prev.end == tok.start and (prev.has_kanji or prev.pos[0] == "名詞"):
        return None  # 三日後から, 試合後から: after a noun it is the suffix, ご
    return "あと"


def inning_top(tokens: list[Token], i: int) -> str | None:
    """表 after an inning's 回 is its top half, おもて (七回表: the dictionary's ひょう, a table;
    its 裏 is read うら already)."""
    tok, prev = tokens[i], _prev(tokens, i)
    if tok.surface != "表" or tok.reading == "おもて" or prev is None or prev.end != tok.start:
        return None
    if prev.surface.endswith("回") and (len(prev.surface) > 1 or _prev(tokens, i, 2) is not None):
        before = prev if len(prev.surface) > 1 else _prev(tokens, i, 2)
        if before is not None and (before.pos[1] == "数詞" or before.surface[:1].isdigit()):
            return "おもて"
    return None


def palace(tokens: list[Token], i: int) -> str | None:
    """宮 after a foreign name in katakana is a palace, きゅう (エリゼ宮, クレムリン宮): the
    dictionary's ぐう is a shrine's (八幡宮)."""
    tok, prev = tokens[i], _prev(tokens, i)
    if tok.surface != "宮" or tok.reading == "きゅう" or prev is None or prev.end != tok.start:
        return None
    katakana = all("ァ" <= ch <= "ヺ" or ch == "ー" for ch in prev.surface)
    return "きゅう" if katakana and prev.surface else None


#: What stands before 後に when it means later, のちに: a topic, a subject, a comma.
_BEFORE_LATER = frozenset(["は", "が", "も", "、", "。", "\n"])


def later_on(tokens: list[Token], i: int) -> str | None:
    """後に standing alone after a topic or a comma is later, のちに (彼は後に首相となった); after
    a noun and の or a verb it stays あと, after (食事の後に, 帰った後に)."""
    tok, nxt, prev = tokens[i], _next(tokens, i), _prev(tokens, i)
    if tok.surface != "後" or tok.reading != "あと" or nxt is None or nxt.surface != "に":
        return None
    verb = _next(tokens, i, 2)
    if verb is not None and verb.surface.startswith(_BEHIND_VERBS):
        return None  # 後に残る, 後にする, 後に続く: behind, あと
    if prev is None or prev.surface in _BEFORE_LATER:
        return "のち"
    return None


#: Verbs after 後に that mean behind, not later: 後に残る, 取り残される, 後にする, 後に続く.
_BEHIND_VERBS = ("残", "取", "し", "す", "置", "続", "従", "つ", "付")


#: What gold is bought, sold and weighed as: 金の価格, 金相場, 金先物, 金1グラム.
_GOLD_MATTERS = ("価格", "相場", "先物", "地金", "鉱", "埋蔵", "産出", "取引", "価", "保有", "準備")


def gold(tokens: list[Token], i: int) -> str | None:
    """金 priced, traded or mined is gold, きん (金の価格, 金相場, 金の埋蔵量); the dictionary's
    かね is money (お金, 金に困る)."""
    tok = tokens[i]
    if tok.surface != "金" or tok.reading != "かね":
        return None
    prev = _prev(tokens, i)
    if prev is not None and prev.surface in ("お", "御") and prev.end == tok.start:
        return None
    nxt = _next(tokens, i)
    if nxt is not None and nxt.surface == "の" and nxt.start == tok.end:
        nxt = _next(tokens, i, 2)
    if nxt is not None and nxt.surface.startswith(_GOLD_MATTERS):
        return "きん"
    return None


#: What the moon's 月 is written on to: 月着陸, 月探査, 月周回, 月軌道.
_LUNAR = ("着陸", "探査", "周回", "軌道", "裏側", "面", "齢")


def moon(tokens: list[Token], i: int) -> str | None:
    """月 before a word of space flight is the moon's, げつ (月着陸, 月探査): the dictionary read
    つき, the moon alone, or がつ."""
    tok, nxt = tokens[i], _next(tokens, i)
    if tok.surface != "月" or tok.reading == "げつ" or nxt is None or nxt.start != tok.end:
        return None
    prev = _prev(tokens, i)
    if (
        prev is not None
        and prev.end == tok.start
        and (prev.pos[1] == "数詞" or prev.surface[-1:].isdigit())
    ):
        return None  # 三月探査: a month
    return "げつ" if nxt.surface.startswith(_LUNAR) else None


def building_wing(tokens: list[Token], i: int) -> str | None:
    """棟 written on to a noun is a building, とう (実験棟, 研究棟, 管理棟): the dictionary's
    むね is a roof's ridge."""
    tok, prev = tokens[i], _prev(tokens, i)
    if tok.surface != "棟" or tok.reading != "むね" or prev is None or prev.end != tok.start:
        return None
    return "とう" if prev.has_kanji and prev.pos[0] == "名詞" and prev.pos[1] != "数詞" else None


def taipei(tokens: list[Token], i: int) -> str | None:
    """台北 in today's prose is Taipei, たいぺい, as the news reads it; the dictionary's たいほく is
    the colonial city's name (台北帝国大学), which older prose keeps (a rule of today's prose)."""
    tok = tokens[i]
    if tok.surface != "台北" or tok.reading == "たいぺい":
        return None
    nxt = _next(tokens, i)
    if nxt is not None and nxt.start == tok.end and nxt.surface.startswith("帝国"):
        return None
    return "たいぺい"
