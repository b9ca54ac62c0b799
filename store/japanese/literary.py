"""Readings of older fiction that hold beyond one author (rules tagged ``literary``).

Each rule here was proposed from one set of Aozora works and confirmed on another (the eight
dev works and the forty of the archive, ``docs/furigana.md``): they follow the orthography of
Meiji–Shōwa prose (極める for 決める, お出で), not one writer's habit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.japanese.neighbours import next_token as _next
from store.japanese.neighbours import prev_token as _prev

if TYPE_CHECKING:
    from store.japanese.rules import Token


#: What one makes up one's mind about: 心を極める, 日取りを極めた are きめる (decide); an
#: extreme reached (贅沢を極める, 混乱を極めた, 道を極める) stays きわめる.
_DECIDED = frozenset(
    ["心", "腹", "度胸", "肚", "日取り", "日", "期日", "方針", "態度", "値", "値段", "相場", "順番"]
)
#: Before 極める/極まる without an object: 事に極めた, 曲者だと極めて, 相場が極まって, 独りで極めて.
_DECIDING_PARTICLES = frozenset(["に", "と", "が", "で"])


def kimeru(tokens: list[Token], i: int) -> str | None:
    """Older prose writes 決める/決まる as 極める/極まる: 行く事に極めた きめた, 来るに極まってる
    きまってる, 心を極めて きめて. 極めて before a word (極めて狭い) is the adverb きわめて, and
    an extreme reached (贅沢を極めた, 厳重を極めた) stays きわめる."""
    tok = tokens[i]
    if tok.pos[0] != "動詞" or tok.lemma not in ("極める", "極まる"):
        return None
    if not tok.reading.startswith("きわ"):
        return None
    prev = _prev(tokens, i)
    if prev is None or prev.surface in _DECIDING_PARTICLES or prev.pos[0] == "補助記号":
        return "き" + tok.reading[2:]
    if prev.surface == "を":
        obj = _prev(tokens, i, 2)
        if obj is not None and obj.surface in _DECIDED:
            return "き" + tok.reading[2:]
    return None


def oide(tokens: list[Token], i: int) -> str | None:
    """お出 after the honorific お is おいで (to come, to be): お出ですか, お出になった, 生きてお出
    のうちに, 持ってお出る; the dictionary reads で. お出かけ and お出し (出す) are other words."""
    tok = tokens[i]
    if not tok.surface.startswith("出") or not tok.reading.startswith("で"):
        return None
    prev = _prev(tokens, i)
    if prev is None or prev.surface != "お" or prev.pos[0] != "接頭辞":
        return None
    if tok.lemma not in ("出る", "出"):
        return None
    nxt = _next(tokens, i)
    if nxt is not None and nxt.surface.startswith(("か", "掛", "まし", "ま")):
        return None  # お出かけ, お出まし
    if tok.surface == "出" and nxt is not None and nxt.surface == "で":
        return "い"  # お出でた: the で is written out
    return "い" + tok.reading


def akuruhi(tokens: list[Token], i: int) -> str | None:
    """翌日 is あくるひ in fiction (翌日から, 縛られた翌日; the dictionary's よくじつ is the
    newspaper's word)."""
    tok = tokens[i]
    if tok.surface != "翌日" or tok.reading != "よくじつ":
        return None
    nxt = _next(tokens, i)
    if nxt is not None and nxt.has_kanji and nxt.pos[0] == "接尾辞":
        return None  # 翌日付
    return "あくるひ"


#: Seasons and times one enters (夜に入る, 冬に入る, 九月に入る): older prose reads 入る いる there.
_PERIODS = frozenset(["夜", "冬", "春", "夏", "秋", "梅雨", "暮", "晩", "年", "寒", "月"])


def iru(tokens: list[Token], i: int) -> str | None:
    """In older fiction entering a season or a time is 入る いる (夜に入って, 冬に入って, 九月に入って
    よにいって, ふゆにいって); entering a room (座敷に入って) is printed both ways and stays はいる."""
    tok = tokens[i]
    if tok.lemma != "入る" or not tok.reading.startswith("はい") or not tok.surface.startswith("入"):
        return None
    particle, period = _prev(tokens, i), _prev(tokens, i, 2)
    if particle is None or particle.surface != "に" or period is None:
        return None
    if period.surface in _PERIODS or (period.surface[-1:] == "月" and len(period.surface) <= 3):
        return "い" + tok.reading[2:]
    return None


def akuru(tokens: list[Token], i: int) -> str | None:
    """翌る is あくる, in any register (翌る朝, 翌る年, 翌る晩): the dictionary knows 翌る日 and
    reads the others as the prefix 翌 よく and a stray る."""
    tok = tokens[i]
    nxt = _next(tokens, i)
    if tok.surface != "翌" or nxt is None or nxt.surface != "る" or nxt.start != tok.end:
        return None
    return "あく"


#: The people of a house: 家の者, 家のもの, 家の人達 are うちのもの (the family, the household).
_HOUSEHOLD = frozenset(["者", "もの", "人", "人達", "人たち", "人々", "衆"])


def uchi(tokens: list[Token], i: int) -> str | None:
    """家 is うち, someone's home, before の and its people (家の者, 家のものの様子, 家の人を呼ぶ:
    the household), as the place one goes to at someone's (先生の家へ行った, 叔父の家へ), and
    before へ/に/で when nothing points at it (家に誰もいない, 家でも: home), where the rubies of
    the literary sets print うち; 家へ帰る, printed both ways, わが家 and この家 stay いえ."""
    tok = tokens[i]
    if tok.surface != "家" or tok.reading != "いえ":
        return None
    prev, nxt, nxt2 = _prev(tokens, i), _next(tokens, i), _next(tokens, i, 2)
    if nxt is not None and nxt.surface == "の" and nxt2 is not None and nxt2.surface in _HOUSEHOLD:
        return "うち"
    if prev is not None and prev.surface == "の" and nxt is not None and nxt.surface == "へ":
        return "うち"
    if nxt is not None and nxt.surface in ("へ", "に", "で") and not _owned_or_pointed(prev):
        if nxt2 is not None and nxt2.lemma in _RETURN:
            return None  # 家へ帰る: printed うち and いえ alike (Sōseki うち, 小川未明 いえ)
        return "うち"  # 家に誰もいなかった, 家でも, 家に残って: home
    return None


_RETURN = frozenset(["帰る", "還る", "戻る", "かえる", "歸る"])


#: What makes 家 a building, or a lineage, rather than someone's home: わが家, この家, 古い家.
_POINTING = frozenset(["わが", "我が", "吾が", "この", "その", "あの", "此の", "其の", "彼の"])


def _owned_or_pointed(prev: Token | None) -> bool:
    """True when the word before 家 makes it a house one points at or a family line (わが家,
    この家, 大きな家, 古い家) or a compound's end (農家), where printed rubies give いえ."""
    if prev is None:
        return False
    if prev.surface in _POINTING or prev.pos[0] in ("連体詞", "形容詞", "形状詞"):
        return True
    return prev.has_kanji and prev.pos[0] == "名詞" and prev.surface != "の"


def keshikaran(tokens: list[Token], i: int) -> str | None:
    """怪しからん, 怪しからぬ is けしからん (outrageous), not 怪しい's あやしから."""
    tok = tokens[i]
    if tok.surface == "怪しから" and tok.reading == "あやしから":
        nxt = _next(tokens, i)
        if nxt is not None and nxt.lemma == "ぬ":
            return "けしから"
    return None


def terasu(tokens: list[Token], i: int) -> str | None:
    """Older okurigana writes 照らす as 照す (照していた, 照された): the dictionary takes 照 for a
    noun read てらし and す for する, so 照 reads てらし before its own okurigana."""
    tok = tokens[i]
    if tok.surface != "照" or tok.reading != "てらし":
        return None
    nxt = _next(tokens, i)
    if nxt is not None and nxt.lemma in ("する", "す") and nxt.surface[:1] in "さしすせそ":
        return "てら"
    return None


#: What one does with bedding: 床へはいる, 床に就く (go to bed), 床を延べる, 床を上げる.
_INTO_BED = frozenset(["はいる", "入る", "就く", "つく", "着く", "臥す", "伏す"])
_BEDDING = frozenset(["上げる", "延べる", "敷く", "取る", "並べる", "離れる", "払う", "畳む"])


def toko(tokens: list[Token], i: int) -> str | None:
    """床 is とこ, bedding, where one gets into it or lays it out (床へはいる, 床に就く, 床の中で
    考える, 床を延べる, 床を上げさせる); the floor (床の上に置く) stays ゆか."""
    tok = tokens[i]
    if tok.surface != "床" or tok.reading != "ゆか":
        return None
    nxt, nxt2 = _next(tokens, i), _next(tokens, i, 2)
    if nxt is None or nxt2 is None:
        return None
    if nxt.surface in ("へ", "に") and nxt2.lemma in _INTO_BED:
        return "とこ"
    if nxt.surface == "を" and nxt2.lemma in _BEDDING:
        return "とこ"
    if nxt.surface == "の" and nxt2.surface == "中":
        return "とこ"
    return None


def tsukeru(tokens: list[Token], i: int) -> str | None:
    """灯ける (to light: 蝋燭を灯けた) is つける; the dictionary reads 灯 あかり and leaves the け."""
    tok = tokens[i]
    if tok.surface != "灯" or tok.reading != "あかり":
        return None
    nxt = _next(tokens, i)
    if nxt is not None and nxt.surface.startswith("け") and not nxt.has_kanji:
        return "つ"
    return None


def heya(tokens: list[Token], i: int) -> str | None:
    """室 standing alone as a room (汚い室へ通された, あの室は) is へや in any register; the
    dictionary's むろ (a cellar, a surname) is what a reader almost never means by it."""
    tok = tokens[i]
    if tok.surface != "室" or tok.reading != "むろ" or tok.pos[1] != "普通名詞":
        return None
    prev = _prev(tokens, i)
    if prev is not None and prev.has_kanji and prev.pos[0] in ("名詞", "接頭辞"):
        return None  # part of a compound
    return "へや"


def floor(tokens: list[Token], i: int) -> str | None:
    """階 standing alone in today's prose is a floor, かい (上の階に住む, この階は): the
    dictionary's きざはし, a flight of steps, is older fiction's word (裾を階の中に)."""
    tok = tokens[i]
    if tok.surface != "階" or tok.reading != "きざはし":
        return None
    prev = _prev(tokens, i)
    if prev is not None and prev.has_kanji and prev.pos[0] in ("名詞", "接頭辞"):
        return None  # part of a compound
    return "かい"


def kaeru(tokens: list[Token], i: int) -> str | None:
    """更える is かえる (to change: 向きを更えて, 気を更えて, 取り更えて); the dictionary reads 更
    さら and leaves the え over."""
    tok = tokens[i]
    if tok.surface != "更" or tok.reading != "さら":
        return None
    nxt = _next(tokens, i)
    if nxt is not None and nxt.surface.startswith("え"):
        return "か"
    return None


def minna(tokens: list[Token], i: int) -> str | None:
    """皆な is みんな (皆なの前に, 皆なお前にやる); the dictionary reads 皆 みな and takes the な
    for a copula. 皆なのだ (it is all) keeps みな."""
    tok = tokens[i]
    if tok.surface != "皆" or tok.reading != "みな":
        return None
    nxt, nxt2, nxt3 = _next(tokens, i), _next(tokens, i, 2), _next(tokens, i, 3)
    if nxt is None or nxt.surface != "な":
        return None
    if nxt2 is not None and nxt2.surface == "の" and (nxt3 is None or nxt3.pos[0] == "助動詞"):
        return None
    return "みん"


#: What one writes out: 手紙を認める, 返事を認めた are したためる (to write), not みとめる.
_WRITINGS = frozenset(
    ["手紙", "返事", "返書", "書面", "書状", "一筆", "文", "文句", "遺書", "端書", "葉書", "礼状"]
)


def shitatameru(tokens: list[Token], i: int) -> str | None:
    """認める is したためる, to write, with a letter as its object (手紙を認めた, 文句が認めて
    あった) and as 認めてある (written there); 認める otherwise stays みとめる."""
    tok = tokens[i]
    if tok.lemma != "認める" or not tok.reading.startswith("みとめ"):
        return None
    written = "したため" + tok.reading[3:]
    prev, prev2 = _prev(tokens, i), _prev(tokens, i, 2)
    if prev is not None and prev.surface in ("を", "が") and prev2 is not None and prev2.surface in _WRITINGS:
        return written
    nxt, nxt2 = _next(tokens, i), _next(tokens, i, 2)
    if nxt is not None and nxt.surface == "て" and nxt2 is not None and nxt2.lemma == "ある":
        return written
    return None


def michi(tokens: list[Token], i: int) -> str | None:
    """途 standing alone is みち in older prose (外に途はない, 偉大にする途ではあるまい), and 途々 is
    みちみち; 途に就く (set out) keeps と."""
    tok = tokens[i]
    if tok.surface != "途" or tok.reading != "と":
        return None
    prev, nxt, nxt2 = _prev(tokens, i), _next(tokens, i), _next(tokens, i, 2)
    if prev is not None and prev.has_kanji and prev.pos[0] in ("名詞", "接頭辞"):
        return None  # 帰国途 and the like
    if nxt is not None and nxt.surface in ("々", "〻"):
        return "みち"  # 途々 みちみち (all the way), 々 repeating it
    if nxt is not None and nxt.has_kanji:
        return None  # 途切れる, 途中: a word the dictionary did not join
    if nxt is not None and nxt.surface == "に" and nxt2 is not None and nxt2.lemma in ("就く", "つく", "上る"):
        return None
    return "みち"


def tsukiau(tokens: list[Token], i: int) -> str | None:
    """交際う, 交際って (to keep company) is つきあう; the dictionary reads the noun こうさい and
    leaves the verb's kana over."""
    tok = tokens[i]
    if tok.surface != "交際" or tok.reading != "こうさい":
        return None
    nxt = _next(tokens, i)
    if nxt is not None and nxt.surface[:1] in ("う", "っ", "わ", "お", "え"):
        return "つきあ"
    return None


def kusuburu(tokens: list[Token], i: int) -> str | None:
    """燻ぶる, 燻ぼる (to smoulder, to be sooted) is くすぶる; the dictionary gives the archaic
    ふすぶる."""
    tok = tokens[i]
    if tok.lemma in ("燻ぶる", "燻ぼる") and tok.reading.startswith("ふす"):
        return "くす" + tok.reading[2:]
    prev, obj = _prev(tokens, i), _prev(tokens, i, 2)
    if (
        tok.surface.startswith("燻ら")
        and prev is not None
        and prev.surface == "を"
        and obj is not None
        and obj.surface in _SMOKED
    ):
        return "くゆら" + tok.reading[len("くすぶら") :]  # 煙管を燻らせて: to puff, くゆらす
    return None


#: What one puffs (燻らす くゆらす) rather than smokes out (燻す いぶす, くすぶらす).
_SMOKED = frozenset(["煙管", "煙草", "たばこ", "タバコ", "葉巻", "パイプ", "紫煙", "香", "線香"])


#: Verbs and adjectives older prose writes with less okurigana, whose kanji the dictionary then
#: reads as a noun and whose kana it leaves over: kanji -> (its reading there, the kana that
#: follow it). 馳け出す かけだす, 尾いて行く ついて, 詫まる あやまる, 壮い わかい, 騎って のって,
#: 揮り向く ふりむく, 陽に焦けた やけた, 帽子を冠って かぶって, 晩くなって おそく.
_SHORT_OKURIGANA = {
    "馳": ("か", ("け",)),
    "尾": ("つ", ("いて", "いで")),
    "詫": ("あや", ("ま",)),
    "壮": ("わか", ("い", "く", "かっ", "き")),
    "騎": ("の", ("っ", "る", "ら", "り", "れ")),
    "揮": ("ふ", ("り",)),
    "焦": ("や", ("け",)),
    "冠": ("かぶ", ("っ", "る", "ら", "り", "れ")),
    "晩": ("おそ", ("く", "い", "かっ")),
}


def short_okurigana(tokens: list[Token], i: int) -> str | None:
    """The kanji of 馳け出す, 尾いて, 詫まる, 壮い, 騎って read as the verb or adjective it is
    (か, つ, あや, わか, の), not as the noun the dictionary took it for."""
    tok = tokens[i]
    entry = _SHORT_OKURIGANA.get(tok.surface)
    if entry is None or tok.pos[0] not in ("名詞", "接尾辞", "接頭辞", "形状詞"):
        return None
    reading, kana = entry
    following = "".join(t.surface for t in tokens[i + 1 : i + 3])
    if following.startswith(kana):
        return reading
    return None


def shiite(tokens: list[Token], i: int) -> str | None:
    """強いて (by force, against one's will) is しいて: the adjective 強い never takes て, so
    強い before て is the verb 強いる (私は強いても, 強いてＫを); the dictionary reads つよい."""
    tok = tokens[i]
    if tok.surface != "強い" or tok.reading != "つよい":
        return None
    nxt = _next(tokens, i)
    if nxt is not None and nxt.surface in ("て", "ては", "ても"):
        return "しい"
    return None


def tsumaranai(tokens: list[Token], i: int) -> str | None:
    """詰らない, 詰らん, 詰らなかった is つまらない (dull, worthless); the dictionary reads the
    verb 詰る (to rebuke) なじら. 詰る with an object (私を詰る) stays なじる."""
    tok = tokens[i]
    if tok.surface != "詰ら" or tok.reading != "なじら":
        return None
    nxt = _next(tokens, i)
    if nxt is not None and nxt.lemma in ("ない", "ぬ"):
        return "つまら"
    return None


#: Ends of words for a stretch of time: 一時間, 一週間, 五日, 数年, 一瞬間.
_SPAN_ENDS = ("間", "日", "年", "月", "週", "分", "秒", "刻")


def nochi(tokens: list[Token], i: int) -> str | None:
    """後 after a stretch of time and の is のち in older prose: 一時間の後, 一週間の後に, 一瞬間の
    後 (いっしゅんかんののち); その後 and 〜た後 keep their own readings."""
    tok = tokens[i]
    if tok.surface != "後" or tok.reading != "あと":
        return None
    prev, span = _prev(tokens, i), _prev(tokens, i, 2)
    if prev is None or prev.surface != "の" or span is None or not span.has_kanji:
        return None
    if not span.surface.endswith(_SPAN_ENDS):
        return None
    count = _prev(tokens, i, 3)
    counted = span.surface[0] in "一二三四五六七八九十百数幾半" or (
        count is not None and count.pos[1] == "数詞"
    )
    if counted or span.pos[0] == "接尾辞":  # 一時間, 三日, 一瞬間 (一瞬 + 間)
        return "のち"
    return None


#: What follows 未だ when it is いまだ even in older fiction: 未だに, 未だ嘗て (かつて).
_IMADA_BEFORE = frozenset(["に", "嘗て", "かつて", "曾て", "曽て"])


#: The classical negatives that answer 未だ in 未だ…ず, the construction of classical Chinese.
_CLASSICAL_NEGATIVES = frozenset(["ず", "ぬ", "ざる", "ざり", "ざれ", "ね"])
#: How far the clause of 未だ is looked at for one (words).
_CLAUSE = 12


def mada(tokens: list[Token], i: int) -> str | None:
    """未だ is まだ (still, yet) in older fiction: 私は未だ極道な青年だった, 未だ友達は同じところ;
    the dictionary's いまだ is the written word, kept in 未だに, 未だ嘗て and in 未だ…ず, where a
    classical negative closes the clause (未だ居屋敷も定まらず, 未だあの辺も開けぬ頃)."""
    tok = tokens[i]
    if tok.surface != "未だ" or tok.reading != "いまだ":
        return None
    nxt = _next(tokens, i)
    if nxt is not None and nxt.start == tok.end and nxt.surface in _IMADA_BEFORE:
        return None
    for k in range(i + 1, min(len(tokens), i + 1 + _CLAUSE)):
        word = tokens[k]
        if word.pos[0] == "補助記号" or "\n" in word.surface:
            break
        if word.surface in _CLASSICAL_NEGATIVES and word.pos[0] == "助動詞":
            return None
    return "まだ"


def itoma(tokens: list[Token], i: int) -> str | None:
    """暇を告げる, 暇を乞う (to take one's leave) is いとま; the dictionary reads ひま."""
    tok = tokens[i]
    if tok.surface != "暇" or tok.reading != "ひま":
        return None
    nxt, nxt2 = _next(tokens, i), _next(tokens, i, 2)
    if nxt is not None and nxt.surface == "を" and nxt2 is not None and nxt2.lemma in ("告げる", "乞う", "請う"):
        return "いとま"
    return None


def kowai(tokens: list[Token], i: int) -> str | None:
    """恐かない, 恐くって (恐い, afraid) read こわ; the dictionary took 恐 for the noun おそれ where
    the adjective's kana were split off."""
    tok = tokens[i]
    if tok.surface != "恐" or tok.reading != "おそれ":
        return None
    nxt = _next(tokens, i)
    if nxt is not None and nxt.surface[:1] in ("か", "く", "い"):
        return "こわ"
    return None


def kireru(tokens: list[Token], i: int) -> str | None:
    """In older prose 断れる is 切れる (the thread 断れました, 断れそうな), きれる; only its negative
    (断れない, cannot refuse) keeps the dictionary's ことわれる."""
    tok = tokens[i]
    if tok.lemma != "断れる" or not tok.reading.startswith("ことわれ"):
        return None
    nxt = _next(tokens, i)
    if nxt is not None and nxt.lemma in ("ない", "ぬ", "ず", "まい"):
        return None
    return "きれ" + tok.reading[4:]


def hiru(tokens: list[Token], i: int) -> str | None:
    """午 standing alone is ひる, noon, in older prose (午に近くなった, 課業が午で終える); the
    dictionary's うま is the zodiac's (午の刻, 午の年 keep it)."""
    tok = tokens[i]
    if tok.surface != "午" or tok.reading != "うま" or tok.pos[0] != "名詞":
        return None
    prev, nxt, nxt2 = _prev(tokens, i), _next(tokens, i), _next(tokens, i, 2)
    if prev is not None and prev.has_kanji and prev.pos[0] == "名詞":
        return None  # 甲午, 丙午
    if nxt is not None and nxt.surface == "の" and nxt2 is not None and nxt2.has_kanji:
        return None  # 午の刻, 午の年, 午の方
    return "ひる"


def hasu(tokens: list[Token], i: int) -> str | None:
    """蓮 before its flower or leaf (蓮の花, 蓮の葉, 蓮ッ葉) is the plant はす in any register; the
    dictionary may take it for the given name れん, and れん is for compounds (蓮華, 白蓮)."""
    tok = tokens[i]
    if tok.surface != "蓮" or tok.reading != "れん":
        return None
    prev, nxt, nxt2 = _prev(tokens, i), _next(tokens, i), _next(tokens, i, 2)
    if prev is not None and prev.has_kanji:
        return None
    if nxt is not None and nxt.surface in ("ッ", "っ"):
        return "はす"  # 蓮ッ葉 はすっぱ
    if nxt is not None and nxt.surface == "の" and nxt2 is not None and nxt2.surface in _PLANT_PARTS:
        return "はす"
    return None


_PLANT_PARTS = frozenset(["花", "葉", "実", "根", "池", "台", "糸", "茎", "葉っぱ"])


#: Pronouns and words for people that take the plural 等 ら: 奴等 やつら, 僕等 ぼくら, 俺等 おれら.
_PLURAL_RA = frozenset(["奴", "僕", "俺", "己", "吾", "我", "此奴", "其奴", "彼奴", "お前", "手前", "貴様"])
#: Words for people after which older prose's 等 is the plural ら too (子供等 こどもら); in
#: today's official prose 学生等 is "students and the like", とう, so these hold in literary
#: text only (``ra_people``).
_PEOPLE_RA = frozenset(
    ["子供", "小供", "子ども", "女", "男", "娘", "百姓", "兵隊", "兵士", "若者", "学生", "生徒",
     "職工", "人夫", "坑夫", "漁夫", "水夫", "友達", "仲間", "女房", "子"]
)


def ra(tokens: list[Token], i: int) -> str | None:
    """等 after a pronoun or 奴 is the plural ら (奴等 やつら, 僕等 ぼくら); the dictionary reads the
    suffix とう."""
    tok = tokens[i]
    if tok.surface != "等" or tok.reading != "とう" or tok.pos[0] != "接尾辞":
        return None
    prev = _prev(tokens, i)
    if prev is not None and prev.surface in _PLURAL_RA:
        return "ら"
    return None


def ra_people(tokens: list[Token], i: int) -> str | None:
    """等 after a word for people is the plural ら in older prose (子供等は, 百姓等が)."""
    tok = tokens[i]
    if tok.surface != "等" or tok.reading != "とう" or tok.pos[0] != "接尾辞":
        return None
    prev = _prev(tokens, i)
    if prev is not None and prev.end == tok.start and prev.surface in _PEOPLE_RA:
        return "ら"
    return None


def daibu(tokens: list[Token], i: int) -> str | None:
    """大分 before what it measures (大分日が永く, 大分趣が違う) is the adverb だいぶ in older prose;
    the dictionary reads the place おおいた, which stays in 大分県, 大分市 and the like."""
    tok = tokens[i]
    if tok.surface != "大分" or tok.reading != "おおいた":
        return None
    prev, nxt = _prev(tokens, i), _next(tokens, i)
    if prev is not None and prev.has_kanji and prev.pos[0] == "名詞":
        return None
    if nxt is not None and nxt.surface[:1] in "県市駅港城町郡湾線川藩大空" and nxt.pos[0] != "名詞":
        return None
    if nxt is not None and nxt.pos[0] in ("接尾辞", "助詞"):
        return None  # 大分県, 大分市, 大分へ行く: the place
    return "だいぶ"


def kenen(tokens: list[Token], i: int) -> str | None:
    """掛念 is older prose's 懸念, けねん; the dictionary splits it into 掛 かけ and 念."""
    tok = tokens[i]
    nxt = _next(tokens, i)
    if tok.surface == "掛" and tok.reading == "かけ" and nxt is not None and nxt.surface == "念":
        return "け"
    return None


#: The conjugations of 射す (さ, し, す, せ, そ): 射る (to shoot) is ichidan and never takes them.
_SASU_ENDINGS = ("さ", "し", "す", "せ", "そ")


def sasu(tokens: list[Token], i: int) -> str | None:
    """射し, 射す, 射さない are 射す (light falls: 日光が机の上に射していた), さす: 射る (to shoot) is
    ichidan (射て, 射た), so an s-row ending after 射 is never it; the dictionary reads the rare
    サ変 射する しゃする. The compounds (照射し, 反射する) are other words and stay."""
    tok = tokens[i]
    surface, reading = tok.surface, tok.reading
    if (
        len(surface) < 2
        or surface[0] != "射"
        or surface[1] not in _SASU_ENDINGS
        or not reading.startswith("しゃ")
        or tok.pos[0] != "動詞"
    ):
        return None
    return "さ" + reading[2:]


#: What follows 逆上 when it is the verb 逆上せる written short (逆上て, 逆上ちゃ, 逆上た): a noun
#: takes none of these without する in between.
_NOBOSERU_ENDINGS = ("て", "ちゃ", "ちまう", "た", "る", "れ")


def noboseru(tokens: list[Token], i: int) -> str | None:
    """逆上 followed by て, た, ちゃ is the verb 逆上せる (to lose one's head) with its せ left
    unwritten, のぼせ (あんまり逆上ちゃいけません, 酷く逆上て居た); the noun ぎゃくじょう takes
    する (逆上した, 逆上する) and keeps its reading."""
    tok = tokens[i]
    if tok.surface != "逆上" or tok.reading != "ぎゃくじょう":
        return None
    nxt = _next(tokens, i)
    if nxt is not None and nxt.surface.startswith(_NOBOSERU_ENDINGS):
        return "のぼせ"
    return None


def ateru(tokens: list[Token], i: int) -> str | None:
    """中て, 中てて, 中てられ are the verb 中てる (to hit, to guess: どこへ行ったか中ててみろ, 石に
    中て), あてる: the noun 中 never takes て without で or に between (中で, 中にて), and the
    dictionary, which knows 中る あたる, takes 中て for the noun and a stray て."""
    tok = tokens[i]
    if tok.surface != "中" or tok.reading not in ("なか", "うち") or tok.pos[0] != "名詞":
        return None
    nxt = _next(tokens, i)
    if nxt is not None and nxt.surface.startswith("て"):
        return "あ"
    return None


#: People one points at as "that one": after 彼の they make 彼 the demonstrative かの, not かれ.
_POINTED_AT = frozenset(
    ["人", "人々", "人達", "人たち", "女", "男", "子", "娘", "者", "婦人", "老人", "小僧", "子僧", "女房"]
)


def kano(tokens: list[Token], i: int) -> str | None:
    """彼の before a person is the demonstrative かの (that: 彼の人の眠り, 彼の子の行末, 彼の女は
    どうしても), as older prose writes あの/かの; the dictionary reads the pronoun かれ (his).
    彼の方 (his side, he) and 彼の顔 (his face) keep かれ."""
    tok = tokens[i]
    if tok.surface != "彼" or tok.reading != "かれ":
        return None
    nxt, person = _next(tokens, i), _next(tokens, i, 2)
    if nxt is None or nxt.surface != "の" or person is None or person.surface not in _POINTED_AT:
        return None
    return "か"


def kare(tokens: list[Token], i: int) -> str | None:
    """渠 standing on its own is the pronoun かれ (he) of older prose: 渠は露ほどの感情をも, 渠の
    荷に, 渠等 (かれら); the dictionary's きょ is a channel, in words (暗渠, 渠水) and names."""
    tok = tokens[i]
    if tok.surface != "渠" or tok.reading != "きょ":
        return None
    prev, nxt = _prev(tokens, i), _next(tokens, i)
    if prev is not None and prev.end == tok.start and prev.has_kanji:
        return None
    if nxt is not None and nxt.start == tok.end and nxt.has_kanji and nxt.surface != "等":
        return None
    return "かれ"


def uchini(tokens: list[Token], i: int) -> str | None:
    """中に after a negative or a verb still going on is うちに in older prose — before something
    happens, while it lasts: 笑声の終らぬ中に, 二人の来ない中に, 見る見る中に, 話している中に.
    After a past (静まりかえった中に) or a noun (部屋の中に) it is the inside, なか."""
    tok, nxt, prev = tokens[i], _next(tokens, i), _prev(tokens, i)
    if tok.surface != "中" or tok.reading != "なか" or nxt is None or nxt.surface != "に":
        return None
    if prev is None or prev.end != tok.start:
        return None
    if prev.lemma in ("ぬ", "ない", "ず", "ん") and prev.pos[0] == "助動詞":
        return "うち"
    if prev.surface in ("見る見る", "みるみる"):
        return "うち"
    if prev.pos[0] == "動詞" and prev.pos[5].startswith("連体形") and prev.surface[-1:] != "た":
        return "うち"
    return None


#: Who or what is beside when 傍 is はた: the bystanders (傍のもの), their eyes (傍の目).
_BYSTANDERS = frozenset(["もの", "者", "人", "人々", "目", "眼", "衆"])


def hata(tokens: list[Token], i: int) -> str | None:
    """傍 is はた, the people around, in 傍のもの, 傍の者, 傍の目 and when one watches from it
    (傍で見ていると, 傍から見ると): older prose prints it so (6 rubies of 傍のもの, 2 of 傍で見…);
    beside something (傍に坐る, 傍へ来て) it is そば."""
    tok = tokens[i]
    if tok.surface != "傍" or tok.reading not in ("そば", "かたわら", "ぼう"):
        return None
    nxt, nxt2, prev = _next(tokens, i), _next(tokens, i, 2), _prev(tokens, i)
    if nxt is None or nxt2 is None:
        return None
    if nxt.surface == "の" and nxt2.surface in _BYSTANDERS:
        return None if prev is not None and prev.surface == "の" else "はた"  # (私の傍の者 そば)
    if nxt.surface in ("で", "から") and nxt2.lemma in ("見る", "みる"):
        return "はた"
    return None


def tameshi(tokens: list[Token], i: int) -> str | None:
    """例 after what happened, denied (煩った例がない, 変った例がありませんでした), is ためし —
    it never happened — in older prose; where such a case exists (殺した例がある) or as a word
    of its own (例を挙げる) it stays れい."""
    tok, prev, nxt = tokens[i], _prev(tokens, i), _next(tokens, i)
    if tok.surface != "例" or tok.reading != "れい" or prev is None or nxt is None:
        return None
    if prev.end != tok.start or nxt.surface not in ("は", "が", "も"):
        return None
    if prev.lemma != "た" or prev.pos[0] != "助動詞":
        return None
    ahead = "".join(t.surface for t in tokens[i + 2 : i + 12]).split("。")[0]
    if any(word in ahead for word in ("ない", "なかっ", "無い", "無かっ", "ありませ", "なし")):
        return "ためし"  # 変った例がありませんでした: it never happened
    return None  # 殺した例がある: an example, れい


def kudan(tokens: list[Token], i: int) -> str | None:
    """件の standing at the head of a phrase is くだんの (the aforesaid: 件の虎狩人, 件の説) in
    older prose; after a word (処分の件, この件, 一件) it is the matter, けん."""
    tok, nxt, prev = tokens[i], _next(tokens, i), _prev(tokens, i)
    if tok.surface != "件" or tok.reading != "けん" or nxt is None or nxt.surface != "の":
        return None
    if (
        prev is not None
        and prev.end == tok.start
        and (prev.has_kanji or prev.surface in ("の", "この", "その", "あの", "どの", "本"))
    ):
        return None  # 処分の件, この件, 一件: the matter
    nxt2 = _next(tokens, i, 2)
    return "くだん" if nxt2 is not None and nxt2.has_kanji else None


def miyako(tokens: list[Token], i: int) -> str | None:
    """都 standing alone in older prose is the capital, みやこ (都へ上る, 月の都へ帰った): the
    dictionary's と is today's abbreviation of 東京都 (都の職員), which older prose has not; 都て
    is すべて (all)."""
    tok, prev = tokens[i], _prev(tokens, i)
    if tok.surface != "都" or tok.reading != "と":
        return None
    if prev is not None and prev.has_kanji and prev.end == tok.start:
        return None  # 京都, 首都: the end of a word
    nxt = _next(tokens, i)
    if nxt is not None and nxt.surface == "て" and nxt.start == tok.end:
        return "すべ"  # 都て, older prose's すべて (caught on the second held-out set)
    return "みやこ" if nxt is not None and nxt.pos[0] == "助詞" else None


#: What rises as smoke does, before 立ち上る and 上る: there it is のぼる (煙が立ち上る).
_RISING = frozenset(["煙", "烟", "湯気", "炎", "焔", "埃", "霧", "靄", "雲", "香", "匂", "陽炎", "土烟", "土煙"])


def agaru(tokens: list[Token], i: int) -> str | None:
    """Older prose writes 上がる as 上る: 立ち上る (stands up), もえ上る, 火が上って来た are
    あがる; the dictionary reads のぼる (climbs), which 坂を上る and 煙が立ち上る keep."""
    tok = tokens[i]
    if tok.lemma not in ("上る", "立ち上る", "立上る") or "のぼ" not in tok.reading:
        return None
    if tok.lemma == "上る":
        prev = _prev(tokens, i)
        if prev is None or prev.end != tok.start or prev.pos[0] != "動詞":
            return None  # 坂を上る, 上って行く: climbing; only a verb's stem before it rises
    for k in (1, 2):
        before = _prev(tokens, i, k)
        if before is not None and before.surface in _RISING:
            return None
    return tok.reading.replace("のぼ", "あが", 1)
