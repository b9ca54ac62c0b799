"""Numbers and counters: 三百 さんびゃく, 一本 いっぽん, 三本 さんぼん, 4月 しがつ, 20日 はつか.

Sudachi is run without its number-joining plugin, so a number arrives as one token per
numeral; these rules read the run as a whole (kanji numerals get their sound changes) and pick
the counter's reading from the number's last spoken element. Digits themselves carry no reading,
except that a date or a count of days whose reading cannot be cut (1日 ついたち, 20日 はつか) is
kept as one segment by the caller.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.japanese.rules import Token

KANJI_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10**4, "億": 10**8, "兆": 10**12}
_FULLWIDTH = str.maketrans("０１２３４５６７８９，", "0123456789,")

DIGIT_READING = {
    0: "ぜろ",
    1: "いち",
    2: "に",
    3: "さん",
    4: "よん",
    5: "ご",
    6: "ろく",
    7: "なな",
    8: "はち",
    9: "きゅう",
}
UNIT_READING = {
    10: "じゅう",
    100: "ひゃく",
    1000: "せん",
    10**4: "まん",
    10**8: "おく",
    10**12: "ちょう",
}

#: Sound changes of a unit after a digit: (digit, unit) -> (digit reading, unit reading).
_UNIT_CHANGES = {
    (3, 100): ("さん", "びゃく"),
    (6, 100): ("ろっ", "ぴゃく"),
    (8, 100): ("はっ", "ぴゃく"),
    (1, 1000): ("いっ", "せん"),  # 一千 いっせん (一千万, 一千兆)
    (3, 1000): ("さん", "ぜん"),
    (8, 1000): ("はっ", "せん"),
    (1, 10**12): ("いっ", "ちょう"),
    (8, 10**12): ("はっ", "ちょう"),
}

#: Last spoken element of a number that geminates before k/s/t/h counters.
_GEMINATE = {1: "いっ", 6: "ろっ", 8: "はっ", 10: "じゅっ", 100: "ひゃっ"}
_GEMINATE_ST = {1: "いっ", 8: "はっ", 10: "じゅっ"}

#: Counters whose first consonant changes: reading, family, reading after 3 / 何 (if different).
#: family "h": p after a geminate; "k": geminate before it; "st": geminate after 1, 8, 10.
COUNTERS: dict[str, tuple[str, str, str | None]] = {
    "本": ("ほん", "h", "ぼん"),
    "杯": ("はい", "h", "ばい"),
    "盃": ("はい", "h", "ばい"),  # the older spelling of 杯 (一盃 いっぱい, 三盃): cupfuls
    "匹": ("ひき", "h", "びき"),
    "発": ("はつ", "h", "ぱつ"),
    "泊": ("はく", "h", "ぱく"),
    "拍": ("はく", "h", "ぱく"),
    "票": ("ひょう", "h", "びょう"),  # 三票 さんびょう (万票 まんぴょう: _counter_reading)
    "歩": ("ほ", "h", "ぽ"),  # 三歩 さんぽ, 十歩 じゅっぽ (一歩 いっぽ is the dictionary's)
    "分": ("ふん", "h", "ぷん"),
    "分間": ("ふんかん", "h", "ぷんかん"),
    "編": ("へん", "h", "ぺん"),
    "敗": ("はい", "h", "ぱい"),
    "品": ("ひん", "h", None),
    "遍": ("へん", "h", "べん"),
    "返": ("へん", "h", "べん"),  # an older spelling of 遍 (もう一返, 二返): times
    "疋": ("ひき", "h", "びき"),
    "俵": ("ひょう", "h", "びょう"),
    "服": ("ふく", "h", "ぷく"),
    "貫": ("かん", "k", None),
    "斤": ("きん", "k", None),
    "尺": ("しゃく", "st", None),
    "寸": ("すん", "st", None),
    "銭": ("せん", "st", None),
    "升": ("しょう", "st", None),
    "艘": ("そう", "st", None),
    "束": ("そく", "st", "ぞく"),
    "回": ("かい", "k", None),
    "回戦": ("かいせん", "k", None),
    "個": ("こ", "k", None),
    "階": ("かい", "k", "がい"),
    "曲": ("きょく", "k", None),
    "件": ("けん", "k", None),
    "巻": ("かん", "k", None),
    "期": ("き", "k", None),
    "基": ("き", "k", None),
    "校": ("こう", "k", None),
    "軒": ("けん", "k", "げん"),
    "箇所": ("かしょ", "k", None),
    "ヶ所": ("かしょ", "k", None),
    "カ所": ("かしょ", "k", None),
    "か所": ("かしょ", "k", None),
    "ヵ所": ("かしょ", "k", None),
    "ヶ月": ("かげつ", "k", None),
    "カ月": ("かげつ", "k", None),
    "か月": ("かげつ", "k", None),
    "ヵ月": ("かげつ", "k", None),
    "箇条": ("かじょう", "k", None),
    "か条": ("かじょう", "k", None),
    "ヶ条": ("かじょう", "k", None),
    "カ条": ("かじょう", "k", None),
    "ヵ条": ("かじょう", "k", None),
    "周忌": ("しゅうき", "st", None),  # memorials: 一周忌 いっしゅうき
    "回忌": ("かいき", "k", None),  # 三回忌 さんかいき, 七回忌 しちかいき
    "ヶ国": ("かこく", "k", None),
    "カ国": ("かこく", "k", None),
    "か国": ("かこく", "k", None),
    "局": ("きょく", "k", None),
    "頁": ("ぺーじ", "", None),  # pages: 二五頁 にじゅうご·ぺーじ (a citation's)
    "項": ("こう", "k", None),  # paragraphs: 第一項 だいいっこう
    "景": ("けい", "k", None),  # views of a series: 近江八景 はっけい, 富嶽三十六景 ろっけい
    "画": ("かく", "k", None),
    "学期": ("がっき", "", None),  # voiced: 一学期 いちがっき, not a geminate
    "歳": ("さい", "st", None),
    "才": ("さい", "st", None),
    "冊": ("さつ", "st", None),
    "週": ("しゅう", "st", None),
    "週間": ("しゅうかん", "st", None),
    "足": ("そく", "st", "ぞく"),
    "隻": ("せき", "st", None),
    "席": ("せき", "st", None),
    "節": ("せつ", "st", None),
    "社": ("しゃ", "st", None),
    "種": ("しゅ", "st", None),
    "種類": ("しゅるい", "st", None),
    "周": ("しゅう", "st", None),
    "周年": ("しゅうねん", "st", None),
    "章": ("しょう", "st", None),
    "相": ("そう", "st", None),  # a trial's or a current's phases: 第3相 そう (not 首相's しょう)
    "勝": ("しょう", "st", None),
    "世紀": ("せいき", "st", None),
    "通": ("つう", "st", None),
    "頭": ("とう", "st", None),
    "点": ("てん", "st", None),
    "着": ("ちゃく", "st", None),
    "棟": ("とう", "st", None),
    "丁目": ("ちょうめ", "st", None),
    "等": ("とう", "st", None),
    "年": ("ねん", "", None),
    "円": ("えん", "", None),
    "度": ("ど", "", None),
    "枚": ("まい", "", None),
    "台": ("だい", "", None),
    "番": ("ばん", "", None),
    "秒": ("びょう", "", None),
    "月": ("がつ", "", None),
    "時": ("じ", "", None),
    "時間": ("じかん", "", None),
    "日": ("にち", "", None),
    "日間": ("にちかん", "", None),
    "人": ("にん", "", None),
    "名": ("めい", "", None),
    "位": ("い", "", None),
    "部": ("ぶ", "", None),
    "号": ("ごう", "", None),
    "代": ("だい", "", None),
    "倍": ("ばい", "", None),
    "割": ("わり", "", None),
    "億": ("おく", "", None),
    "畳": ("じょう", "", None),
    "字": ("じ", "", None),
    "箱": ("はこ", "", None),
    "羽": ("わ", "", "ば"),  # birds: 三羽 さんば, 千羽 せんば (二羽 にわ, 十羽 じゅうわ)
    "話": ("わ", "", None),  # episodes, tales: 一話 いちわ, 百話 ひゃくわ
    "晩": ("ばん", "", None),  # 四晩 よばん (一晩 ひとばん, 二晩 ふたばん are native counts)
    "万": ("まん", "", None),
}

COUNTER_CHARS = "".join(sorted({ch for word in COUNTERS for ch in word if ch >= "\u3400"}))

#: Days of the month and counts of days with their own word (1 only as a date, see below).
DAY_READINGS = {
    1: "ついたち",
    2: "ふつか",
    3: "みっか",
    4: "よっか",
    5: "いつか",
    6: "むいか",
    7: "なのか",
    8: "ようか",
    9: "ここのか",
    10: "とおか",
    14: "じゅうよっか",
    20: "はつか",
    24: "にじゅうよっか",
}
PEOPLE_READINGS = {1: "ひとり", 2: "ふたり", 4: "よにん"}
#: Digits read differently before some counters (4月 しがつ, 7時 しちじ, 9月 くがつ, 4年 よねん).
SPECIAL_DIGIT = {
    "日": {7: "しち", 9: "く"},  # 十七日 じゅうしちにち, 十九日 じゅうくにち (七日, 九日 alone: なのか, ここのか)
    "回忌": {7: "しち"},  # 七回忌 しちかいき
    "番": {4: "よ"},  # 四番打者 よばん
    "か月": {4: "よん"},  # 計四か月: the dictionary's し after a prefix
    "ヶ月": {4: "よん"},
    "カ月": {4: "よん"},
    "ヵ月": {4: "よん"},
    "月": {4: "し", 7: "しち", 9: "く"},
    "時": {4: "よ", 7: "しち", 9: "く"},
    "時間": {4: "よ"},
    "年": {4: "よ"},
    "人": {4: "よ", 7: "しち"},
    "畳": {4: "よ"},
    "字": {4: "よ"},
    "円": {4: "よ"},
    "晩": {4: "よ"},
}


#: Counters that voice after 千 and 万 too (千本 せんぼん, 万匹 まんびき).
_B_AFTER_THOUSANDS = frozenset("本杯匹足階軒羽歩")


#: Characters that trigger the numeral and counter rules (see store.japanese.rules).
NUMERAL_CHARS = "".join(KANJI_DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)


def idiom_of_numbers(word: str) -> bool:
    """A four-character idiom of two numbers, each with its word (一石二鳥, 二束三文, 十人十色,
    七転八倒): a saying, not two counts, though each half reads like one (一石 いっこく, a
    measure of rice; 三文 さんぶん, three sentences). Not a date: 十月十日 is the tenth of
    October (じゅうがつとおか) far more often than JMdict's とつきとおか."""
    return (
        len(word) == 4
        and word[1::2] != "月日"
        and word[0] in NUMERAL_CHARS
        and word[2] in NUMERAL_CHARS
        and word[1] not in NUMERAL_CHARS
        and word[3] not in NUMERAL_CHARS
    )


def is_numeral(tok: Token) -> bool:
    # (〇 is a numeral whatever the dictionary calls it: 二〇〇七 was cut 二|〇|〇 (a symbol)|七)
    return (tok.pos[1] == "数詞" and tok.surface != "何") or tok.surface == "〇"


def number_run(tokens: list[Token], end: int) -> int:
    """Index of the first token of the numeral run ending just before ``end``."""
    i = end
    while i > 0 and (
        is_numeral(tokens[i - 1])
        or (tokens[i - 1].surface in ",，" and i > 1 and is_numeral(tokens[i - 2]))
    ):
        i -= 1
    return i


def number_value(text: str) -> int | None:
    """The value of a numeral string: 1,230 / 二十三 / 1億5千万; None if it cannot be read."""
    text = text.translate(_FULLWIDTH).replace(",", "")
    if not text:
        return None
    if text.isdigit():
        return int(text)
    total = section = 0
    digits = ""
    for ch in text:
        if ch.isdigit():
            digits += ch
        elif ch in KANJI_DIGITS:
            digits += str(KANJI_DIGITS[ch])
        elif ch in SMALL_UNITS:
            section += (int(digits) if digits else 1) * SMALL_UNITS[ch]
            digits = ""
        elif ch in BIG_UNITS:
            section += int(digits) if digits else 0
            total += (section or 1) * BIG_UNITS[ch]
            section, digits = 0, ""
        else:
            return None
    return total + section + (int(digits) if digits else 0)


def last_element(value: int) -> int:
    """The last spoken element: 23 → 3, 30 → 10, 200 → 100, 5000 → 1000, 1e4 → 1e4, 0 → 0."""
    if value == 0:
        return 0
    for unit in (10**12, 10**8, 10**4):
        if value % unit == 0:
            return unit
    rest = value % 10**4
    for unit in (1000, 100, 10):
        if rest % unit == 0:
            return unit
    return rest % 10


def read_kanji_number(chars: str) -> list[str] | None:
    """Per-character readings of a kanji numeral run (三百 → さん, びゃく), or None."""
    out: list[str] = []
    prev_digit: int | None = None
    for ch in chars:
        if ch in KANJI_DIGITS:
            d = KANJI_DIGITS[ch]
            out.append("れい" if d == 0 else DIGIT_READING[d])
            prev_digit = d
        elif ch in SMALL_UNITS or ch in BIG_UNITS:
            unit = SMALL_UNITS.get(ch) or BIG_UNITS[ch]
            change = _UNIT_CHANGES.get((prev_digit, unit)) if prev_digit is not None else None
            if change:
                out[-1], reading = change
            else:
                reading = UNIT_READING[unit]
            out.append(reading)
            prev_digit = None
        else:
            return None
    return out


_DIGIT_CHARS = {value: ch for ch, value in KANJI_DIGITS.items() if ch != "零"}


def _with_units(value: int) -> str:
    """``value`` written with units, as it is said: 1945 → 千九百四十五, 2024 → 二千二十四."""
    out = ""
    for big, mark in ((10**12, "兆"), (10**8, "億"), (10**4, "万")):
        if value >= big:
            out += _below_ten_thousand(value // big, keep_one=True) + mark
            value %= big
    return out + _below_ten_thousand(value)


def _below_ten_thousand(value: int, keep_one: bool = False) -> str:
    out = ""
    for unit, mark in ((1000, "千"), (100, "百"), (10, "十")):
        digit, value = divmod(value, unit)
        if digit:
            out += ("" if digit == 1 else _DIGIT_CHARS[digit]) + mark
    if value:
        out += _DIGIT_CHARS[value]
    return out or ("一" if keep_one else "")


def positional(chars: str) -> bool:
    """Kanji digits written place by place, as vertical text writes figures (一九四五年,
    二〇二四年, 三〇〇人): three or more, or two with a 〇 — never two alone, which are
    "one or two" (一二度, 二三日, 四五人) — and not starting with 〇 (〇三, a telephone number)."""
    return (
        (len(chars) >= 3 or (len(chars) == 2 and "〇" in chars))
        and chars[0] != "〇"
        and all(ch in _DIGIT_CHARS.values() or ch == "〇" for ch in chars)
    )


def _page_figure(tokens: list[Token], start: int, end: int, chars: str) -> bool:
    """Two kanji digits written place by place before 頁 or after 第 are one figure (二五頁 page
    25, 第二五号 issue 25), not "two or five" (二三日, 四五人 stay so)."""
    if len(chars) != 2 or not all(ch in _DIGIT_CHARS.values() for ch in chars):
        return False
    after = tokens[end] if end < len(tokens) else None
    before = tokens[start - 1] if start > 0 else None
    return (after is not None and after.surface.startswith("頁")) or (
        before is not None and before.surface == "第" and before.end == tokens[start].start
    )


def _counted_after(tokens: list[Token], end: int) -> bool:
    """Whether a counter follows the number ending before ``end`` (一九四五|年, 三〇〇|人): a run
    of digits with no 〇 and no counter is a word (七五三, the festival; 四五六 a name)."""
    if end >= len(tokens) or tokens[end].start != tokens[end - 1].end:
        return False
    after = tokens[end]
    if after.surface in _RANGE_MARKS and end + 1 < len(tokens):
        # 一四五―一四八頁: a range's first number is counted as its last is
        k = end + 1
        while k < len(tokens) and is_numeral(tokens[k]):
            k += 1
        return k > end + 1 and _counted_after(tokens, k)
    return after.surface in COUNTERS or after.pos[2] in ("助数詞", "助数詞可能")


#: What stands between the two numbers of a range (一四五―一四八頁, 三〜五日).
_RANGE_MARKS = frozenset(["―", "－", "-", "‐", "–", "—", "〜", "～"])


def _read_positional(tokens: list[Token], start: int, end: int, i: int) -> str | None:
    """The run's whole reading on its last token, the others dropped into it (二〇二四
    にせんにじゅうよん: a 〇 has no reading of its own to show)."""
    if i != end - 1:
        return None  # the last digit takes the run
    chars = "".join(t.surface for t in tokens[start:end])
    per_char = read_kanji_number(_with_units(int("".join(str(KANJI_DIGITS[c]) for c in chars))))
    if per_char is None:
        return None
    return absorb_number(tokens, start, i, "".join(per_char))


def numeral_rule(tokens: list[Token], i: int) -> str | None:
    """Kanji numerals read as a whole number: 三百 さん·びゃく, 六百 ろっ·ぴゃく, 3千 ぜん;
    digits written place by place as the number they spell (一九四五 せんきゅうひゃくよんじゅうご,
    read digit by digit before 2026-12-07)."""
    tok = tokens[i]
    if not is_numeral(tok) or not tok.has_kanji:
        return None
    unit = SMALL_UNITS.get(tok.surface)
    if unit is not None and i > 0:
        digit = tokens[i - 1].surface.translate(_FULLWIDTH)
        if len(digit) == 1 and digit.isdigit():
            change = _UNIT_CHANGES.get((int(digit), unit))
            return change[1] if change else None
    start = number_run(tokens, i)
    end = i + 1
    while end < len(tokens) and is_numeral(tokens[end]):
        end += 1
    chars = "".join(t.surface for t in tokens[start:end])
    if chars == "七五三" and not _counted_after(tokens, end):
        return {"七": "しち", "五": "ご", "三": "さん"}[tok.surface]  # the festival, しちごさん
    if positional(chars) and ("〇" in chars or _counted_after(tokens, end)):
        return _read_positional(tokens, start, end, i)
    if _page_figure(tokens, start, end, chars):
        return _read_positional(tokens, start, end, i)  # 二五頁, 第二五号: a page, an issue
    if len(chars) < 2 or not all(
        c in KANJI_DIGITS or c in SMALL_UNITS or c in BIG_UNITS for c in chars
    ):
        return None
    per_char = read_kanji_number(chars)
    if per_char is None:
        return None
    pos = sum(len(t.surface) for t in tokens[start:i])
    return "".join(per_char[pos : pos + len(tok.surface)])


def counter_rule(tokens: list[Token], i: int) -> str | None:
    """A counter after a number: 三本 さんぼん, 1本 いっぽん (the numeral's reading too); and
    one the dictionary wrote with its 半 (四|時半 よじはん, 二|年半 にねんはん: was よん·じはん)."""
    if i == 0:
        return None
    counter = tokens[i].surface
    if " " in counter or "\u3000" in counter:  # 日 間: a gap extraction left inside the word
        counter = counter.replace(" ", "").replace("\u3000", "")
    if counter not in COUNTERS and counter.endswith("半") and counter[:-1] in COUNTERS:
        reading = _counter_reading(tokens, i, counter[:-1])
        return reading + "はん" if reading is not None else None
    return _counter_reading(tokens, i, counter)


def _counter_reading(tokens: list[Token], i: int, counter: str) -> str | None:
    prev = tokens[i - 1]
    if prev.surface == "何":
        info = COUNTERS.get(counter)
        if info is None:
            return None
        prev.reading = "なん"
        return info[2] or info[0]
    if (counter in COUNTERS or counter == "条") and _ordinal(prev):
        return _after_ordinal(prev, counter)
    if counter not in COUNTERS or not is_numeral(prev):
        return None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if (
        counter == "分"
        and nxt is not None
        and (nxt.lemma in ("する", "為る") or nxt.surface in "論法")
    ):
        return None  # 二分する, 二分法: にぶん, not minutes
    if counter == "分" and _is_fraction(tokens, i):
        return "ぶん"  # 三分の一, 3分の1: a fraction, not minutes; the numeral unchanged
    start = number_run(tokens, i)
    text = "".join(t.surface for t in tokens[start:i])
    if counter == "月" and prev.surface in _KANA_MONTH_COUNTS:
        return "つき"  # ひと月, ふた月: a count of months, never a month's name
    value = number_value(text[1:] if text[:1] == "何" and len(text) > 1 else text)
    if value is None:
        return None  # 何十回: read as 十回 (なんじゅっかい)
    if counter == "月" and value in MONTH_COUNTS and prev.has_kanji and _lasts(tokens, start, i):
        return absorb_number(tokens, start, i, MONTH_COUNTS[value])
    reading, family, after3 = COUNTERS[counter]
    last = last_element(value)
    numeral = prev if prev.has_kanji else None
    if numeral is not None and numeral.reading in _NATIVE_DIGITS and _counts_sino(counter, family):
        # Sudachi read the digit natively (一 ひと after a line break, 三 みっ and 五 いつ before
        # 羽): a Sino-Japanese counter counts in Sino-Japanese (一盃 いっぱい, 三羽 さんば)
        numeral.reading = "".join(read_kanji_number(numeral.surface) or [numeral.reading])
    if start > 0 and tokens[start - 1].surface.strip() in (".", "．") and counter in ("人", "日"):
        return reading  # 262.1 人: a decimal's last digit, not one person (ひとり)
    if counter == "日" and value in DAY_READINGS:
        if value == 1 and not _is_date(tokens, start, i):
            return "にち"
        if numeral is None and value not in (1, 20):
            return "か"  # 3日: the digit is unread, 日 alone is か
        return absorb_number(tokens, start, i, DAY_READINGS[value])
    if counter == "日間" and value in DAY_READINGS and value != 1:
        if numeral is None and value != 20:
            return "かかん"  # 3日間 みっかかん: the digit is unread
        return absorb_number(tokens, start, i, DAY_READINGS[value] + "かん")
    if counter == "人" and value in PEOPLE_READINGS and value < 4:
        return absorb_number(tokens, start, i, PEOPLE_READINGS[value])
    special = SPECIAL_DIGIT.get(counter, {})
    if numeral is not None and last in special and last == value % 10 and last != 0:
        said = DIGIT_READING[last]
        if len(numeral.surface) > 1 and numeral.reading.endswith(said):  # 二〇二四|年
            numeral.reading = numeral.reading[: -len(said)] + special[last]
        else:
            numeral.reading = special[last]
        return reading
    geminated = _geminated(numeral, family, last, reading)
    if geminated is not None:
        return geminated
    if counter == "票" and last in (1000, 10**4):
        return "ぴょう"  # 千票, 万票 せんぴょう, まんぴょう (三票 さんびょう)
    if after3 and (last == 3 or (last in (1000, 10**4) and counter in _B_AFTER_THOUSANDS)):
        return after3
    if family == "h" and counter in ("分", "分間") and last == 4:
        return after3
    return reading


def ordinal_before_number(tokens: list[Token], i: int) -> str | None:
    """第 and a digit written as one word, before more of the number, is that number's start:
    第九十六条 だい·きゅう·じゅうろく (the dictionary's 第九 is the Ninth, だいく)."""
    tok = tokens[i]
    if not _ordinal(tok) or i + 1 >= len(tokens):
        return None
    nxt = tokens[i + 1]
    if not is_numeral(nxt) or nxt.start != tok.end:
        return None
    reading = _ordinal_reading(tok)
    return reading if reading != tok.reading else None


def article(tokens: list[Token], i: int) -> str | None:
    """An article of a law after 第 is counted: 第四条 だい·よんじょう, 第九条 (the dictionary's
    四条 しじょう is Kyoto's street, which 四条の大橋 keeps)."""
    tok = tokens[i]
    if not tok.surface.endswith("条") or len(tok.surface) < 2 or i == 0:
        return None
    prev = tokens[i - 1]
    if prev.surface != "第" or prev.end != tok.start:
        return None
    numerals = read_kanji_number(tok.surface[:-1])
    return "".join(numerals) + "じょう" if numerals is not None else None


def _ordinal(tok: Token) -> bool:
    """Whether ``tok`` is one word of 第 and a kanji number (第一, 第二十: the dictionary's)."""
    return (
        len(tok.surface) > 1
        and tok.surface[0] == "第"
        and tok.reading.startswith("だい")
        and all(ch in KANJI_DIGITS or ch in SMALL_UNITS for ch in tok.surface[1:])
    )


def _after_ordinal(ordinal: Token, counter: str) -> str | None:
    """A counter after 第 and a number written as one word: 第一話 だいいち·わ (the dictionary's
    はなし, a story), 第一章 だいいっ·しょう, 第三巻 だいさん·かん."""
    value = number_value(ordinal.surface[1:])
    counted = _ordinal_reading(ordinal)
    if value is None or counted is None:
        return None
    ordinal.reading = counted  # 第九条 だいきゅう, not 第九 だいく (the Ninth)
    reading, family, after3 = COUNTERS.get(counter, ("じょう", "", None))  # (条: articles)
    last = last_element(value)
    geminated = _geminated(ordinal, family, last, reading)
    if geminated is not None:
        return geminated
    if after3 and last == 3:
        return after3
    return reading


def _ordinal_reading(ordinal: Token) -> str | None:
    """第 and its number read as a count: 第九 だいきゅう (the dictionary's だいく is the Ninth)."""
    numerals = read_kanji_number(ordinal.surface[1:])
    return "だい" + "".join(numerals) if numerals is not None else None


def _geminated(numeral: Token | None, family: str, last: int, reading: str) -> str | None:
    """The counter's reading where the number's last element geminates before it (一本 いっぽん,
    六個 ろっこ, 第一章 だいいっしょう), the number's reading made so too; None where it does not."""
    table = _GEMINATE_ST if family == "st" else _GEMINATE
    if not family or last not in table:
        return None
    if numeral is not None:
        numeral.reading = _geminate(numeral.reading, table[last])
    return "ぱぴぷぺぽ"["はひふへほ".index(reading[0])] + reading[1:] if family == "h" else reading


def _is_fraction(tokens: list[Token], i: int) -> bool:
    """分 between two numbers joined by の is a fraction (三分の一 さんぶんのいち, 3分の2), where
    分 is ぶん and the first number keeps its reading (十分の一 じゅうぶん, not じゅっぷん)."""
    if i + 2 >= len(tokens):
        return False
    no, numeral = tokens[i + 1], tokens[i + 2]
    return (
        no.surface == "の"
        and no.start == tokens[i].end + len(no.gap)  # (a space extraction left: 3 分 の 1)
        and numeral.start == no.end + len(numeral.gap)
        and is_numeral(numeral)
    )


def _geminate(reading: str, target: str) -> str:
    """Replace the tail of a numeral's reading with its geminate (いち → いっ)."""
    for plain in ("いち", "ろく", "はち", "じゅう", "ひゃく"):
        if reading.endswith(plain):
            return reading[: -len(plain)] + target
    for voiced in ("びゃく", "ぴゃく"):  # 三百, 六百 and 何百 keep their voicing: なんびゃっぽん
        if reading.endswith(voiced) and target == "ひゃっ":
            return reading[: -len(voiced)] + voiced[0] + "ゃっ"
    return reading


def absorb_number(tokens: list[Token], start: int, i: int, whole: str) -> str:
    """Read number + counter as one word (1日 ついたち, 二人 ふたり): the counter token takes
    the number's span and the whole reading, the number tokens are dropped."""
    for t in tokens[start:i]:
        t.absorbed = True
    tokens[i].start = tokens[start].start
    tokens[i].surface = tokens[start].surface + "".join(
        t.gap + t.surface for t in tokens[start + 1 : i + 1]
    )
    tokens[i].has_kanji = True
    return whole


#: The native readings Sudachi gives a lone kanji digit (三 みっ, 五 いつ, 八 よう, 十 とう).
_NATIVE_DIGITS = frozenset(
    ["ひと", "ふた", "み", "みっ", "よ", "よっ", "いつ", "むい", "むっ", "よう", "やっ", "ここの", "とう", "とお"]
)


def _counts_sino(counter: str, family: str) -> bool:
    """Whether ``counter`` counts with Sino-Japanese numerals only: one with a sound change, or
    one no native count exists for (一箱 ひとはこ, 一晩, 一巻 ひとまき can be native)."""
    if family:
        return True
    from store.japanese.native_units import unit  # native_units imports this module

    return unit(counter) is None


#: The native counts of one to four before a word they count (ひと·つき, ふた·くみ, み·つき, よ·つき).
NATIVE_NUMBERS = {1: "ひと", 2: "ふた", 3: "み", 4: "よ"}
#: A few months, counted the native way: 一月ほど ひとつき, 二月ばかり ふたつき, 三月余り みつき.
MONTH_COUNTS = {value: native + "つき" for value, native in NATIVE_NUMBERS.items()}
_KANA_MONTH_COUNTS = frozenset(NATIVE_NUMBERS.values())
_OR = frozenset(["か", "や", "から", "乃至", "ないし", "、"])
#: What makes 一月 a length of time rather than January when it follows: a measure or a span.
#: How often, after a length of time and に: 一月に一度, ふた月に一回.
_HOW_OFTEN = frozenset(["一度", "一回", "二度", "二回", "三度", "三回", "数回", "何度", "何回", "一遍"])
_LENGTH_AFTER = (
    "ほど", "程", "ばかり", "許", "余", "あまり", "ぶり", "振", "前", "後", "経", "以上",
    "以内", "近く", "ぐらい", "くらい", "位", "足らず", "半", "間", "目", "未満", "以下",
)  # fmt: skip


def _lasts(tokens: list[Token], start: int, i: int) -> bool:
    """True when the month after a number is a length of time: a measure follows (一月ほど,
    二月ばかり前, 三月余り) and no year comes before (明治十年一月 is January)."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None:
        return False
    if nxt.surface in _OR and i + 4 < len(tokens):
        # 三月か四月ぐらい: the first count is as long as the second
        number, month, after = tokens[i + 2 : i + 5]
        nxt = after if is_numeral(number) and month.surface == "月" else nxt
    if nxt.surface == "に" and i + 2 < len(tokens) and tokens[i + 2].surface in _HOW_OFTEN:
        return True  # 一月に一度: once a month
    verb = tokens[i + 2] if i + 2 < len(tokens) else None
    if nxt.surface == "を" and verb is not None and verb.surface.startswith(("超", "経", "過")):
        return start == 0 or not tokens[start - 1].surface.endswith("年")  # 三月を経過した日
    if not nxt.surface.startswith(_LENGTH_AFTER):
        return False
    return start == 0 or not tokens[start - 1].surface.endswith("年")


#: A time of day, after which 1日 is a date: 1日午前, 1日の定例記者会見, 1日の夜.
_TIMES_OF_DAY = frozenset(
    ["午前", "午後", "未明", "朝", "夜", "夕方", "深夜", "早朝", "夕刻", "昼", "定例", "記者会見",
     "会見", "閣議", "会合", "夜明け"]
)  # fmt: skip


def _is_date(tokens: list[Token], start: int, end: int) -> bool:
    """1日 is ついたち after a month (3月1日) or where news names the day without its month
    (知事は1日の定例記者会見で, 政府は1日、…を発表した, 1日午前), いちにち otherwise (1日に3回,
    1日の平均)."""
    if start > 0 and tokens[start - 1].surface in ("月", "毎月", "翌月", "同月", "来月", "先月"):
        return True
    if end + 1 >= len(tokens):
        return False
    nxt, after = tokens[end + 1], tokens[end + 2] if end + 2 < len(tokens) else None
    if nxt.surface in _TIMES_OF_DAY or (
        nxt.surface == "の" and after is not None and after.surface in _TIMES_OF_DAY
    ):
        return True
    before = tokens[start - 1] if start > 0 else None
    return nxt.surface == "、" and before is not None and before.surface in ("は", "が", "も")


#: What follows a place's name and never a count: a river's, a mountain's, a town's word.
_PLACE_WORDS = frozenset("川山岳湖島郷市町村郡県駅")


def number_word_rule(tokens: list[Token], i: int) -> str | None:
    """A kanji number (+ counter) the dictionary took for a name (三百 みつお, 三本 みもと) is
    read as a number: さんびゃく, さんぼん — unless a place's word follows the name of a place
    (千曲川 ちくまがわ, not せんきょく; 三代目 is still a count, さんだいめ)."""
    tok = tokens[i]
    if tok.pos[1] != "固有名詞":
        return None
    if tok.pos[2] != "人名" and i + 1 < len(tokens):
        nxt = tokens[i + 1]
        if nxt.start == tok.end and nxt.surface[:1] in _PLACE_WORDS:
            return None
    split = _number_and_counter(tok.surface)
    if split is None:
        return None
    return _count_reading(*split)


def unsounded_count(tokens: list[Token], i: int) -> str | None:
    """A number and its counter that the dictionary holds as one word but reads without the
    counter's sound change is read with it: 一回 いちかい (SudachiDict's only entry) いっかい. Only
    a reading that is the bare sum of the parts is mended: 一杯 いっぱい, 一時 いちじ, 一足 ひとあし,
    一分 いちぶ keep the dictionary's."""
    tok = tokens[i]
    if tok.pos[1] != "普通名詞":
        return None
    split = _number_and_counter(tok.surface)
    if split is None or not split[1]:
        return None
    number, counter = split
    numerals = read_kanji_number(number)
    if numerals is None or tok.reading != "".join(numerals) + COUNTERS[counter][0]:
        return None
    reading = _count_reading(number, counter)
    return reading if reading != tok.reading else None


def _number_and_counter(surface: str) -> tuple[str, str] | None:
    """``surface`` as kanji number + counter ("" when there is none), else None."""
    k = 0
    while k < len(surface) and (
        surface[k] in KANJI_DIGITS or surface[k] in SMALL_UNITS or surface[k] in BIG_UNITS
    ):
        k += 1
    if k == 0 or (surface[k:] and surface[k:] not in COUNTERS):
        return None
    return surface[:k], surface[k:]


def _count_reading(number: str, counter: str) -> str | None:
    """The reading of a kanji number and counter said together (三本 さんぼん, 一回 いっかい)."""
    numerals = read_kanji_number(number)
    value = number_value(number)
    if numerals is None or value is None:
        return None
    if not counter:
        return "".join(numerals)
    reading, family, after3 = COUNTERS[counter]
    last = last_element(value)
    table = _GEMINATE_ST if family == "st" else _GEMINATE
    if family and last in table:
        numerals[-1] = _geminate(numerals[-1], table[last])
        if family == "h":
            reading = "ぱぴぷぺぽ"["はひふへほ".index(reading[0])] + reading[1:]
    elif after3 and (last == 3 or (last in (1000, 10**4) and counter in _B_AFTER_THOUSANDS)):
        reading = after3
    return "".join(numerals) + reading


def _after_numeral(tokens: list[Token], i: int) -> bool:
    """Whether a numeral stands right before ``tokens[i]`` (二十四節気: 四 ends a number)."""
    return i > 0 and is_numeral(tokens[i - 1]) and tokens[i - 1].end == tokens[i].start


def shi_hachi(tokens: list[Token], i: int) -> str | None:
    """四 and 八 opening a Sino-Japanese compound: 四法印 し, 四柱推命 し, 八正道 はっ."""
    tok = tokens[i]
    if tok.surface not in ("四", "八") or not is_numeral(tok):
        return None
    if i > 0 and is_numeral(tokens[i - 1]) and tok.surface == "八":
        return None
    if i > 0 and tokens[i - 1].surface == "第":
        return None  # 第四水曜日 だいよん: an ordinal counts, it opens no compound
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None or not nxt.has_kanji or is_numeral(nxt) or nxt.pos[0] not in ("名詞", "接尾辞"):
        return None
    if nxt.surface in COUNTERS or "助数詞" in nxt.pos[2]:
        return None
    if nxt.surface[0] in COUNTERS and len(nxt.surface) == 1:
        return None  # 四時, 八本: a count (a longer noun such as 節気 is not: 二十四節気 し)
    if nxt.surface[0] in SMALL_UNITS or nxt.surface[0] in BIG_UNITS:
        return None  # 二百四|十人: 四 begins the next place of a larger number, 四十 よんじゅう
    if tok.surface == "四" and nxt.surface == "次元":
        return "よ"  # 四次元 よじげん
    if nxt.surface == "対":
        return None  # 四対三: a score, counted (よん たい さん)
    if tok.surface == "四" and len(nxt.surface) > 1 and not _after_numeral(tokens, i):
        return None  # 四試合, 四文字, 四団体: a count of a word of its own (四諦, 四向 し)
    if tok.surface == "四":
        return "し"
    return "はっ" if nxt.reading[:1] in "かきくけこさしすせそたちつてと" else None


_VOICELESS_START = frozenset("かきくけこさしすせそたちつてとはひふへほ")
_SINO_ENDINGS = frozenset("くきつんうい")
_SMALL_KANA = frozenset("ゃゅょぁぃぅぇぉ")


def _sino_syllable(reading: str) -> bool:
    """True for a one-kanji Sino-Japanese reading that takes a geminate after 一: こう, せん,
    か, しょく (one or two morae, the second one of く き つ ん う い)."""
    morae = [ch for ch in reading if ch not in _SMALL_KANA]
    if not morae or morae[0] not in _VOICELESS_START:
        return False
    return len(morae) == 1 or (len(morae) == 2 and morae[1] in _SINO_ENDINGS)


def ichi_geminate(tokens: list[Token], i: int) -> str | None:
    """一 before a one-kanji Sino-Japanese word geminates: 第一項 いっこう, 一国 いっこく,
    一戦 いっせん, 一票 いっぴょう, 一対 いっつい (native counts such as 一箱 ひとはこ are left
    alone)."""
    tok = tokens[i]
    if tok.surface != "一" or tok.reading != "いち" or not is_numeral(tok):
        return None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if (
        nxt is None
        or len(nxt.surface) != 1
        or not nxt.has_kanji
        or nxt.surface in COUNTERS
        or nxt.surface in KANJI_DIGITS
        or nxt.surface in SMALL_UNITS
        or nxt.surface in BIG_UNITS
        or nxt.pos[0] not in ("名詞", "接尾辞")
        or not _sino_syllable(nxt.reading)
    ):
        return None
    after = tokens[i + 2] if i + 2 < len(tokens) else None
    if nxt.surface == "対" and (after is None or not is_numeral(after)):
        nxt.reading = "つい"  # 一対の男女 a pair (一対一 one-to-one keeps たい)
    if nxt.reading[0] in "はひふへほ":
        nxt.reading = "ぱぴぷぺぽ"["はひふへほ".index(nxt.reading[0])] + nxt.reading[1:]
    return "いっ"



#: A tenth of the unit before it, 分 read ぶ by its digit: 41度1分 いちぶ, 三割五分 ごぶ.
_TENTHS = {
    1: "いちぶ", 2: "にぶ", 3: "さんぶ", 4: "よんぶ", 5: "ごぶ",
    6: "ろくぶ", 7: "ななぶ", 8: "はちぶ", 9: "きゅうぶ",
}  # fmt: skip
#: The units whose tenth is 分: degrees (a temperature), 割 (tenths), 寸 (a length).
_TENTH_OF = ("度", "割", "寸")


def tenth(tokens: list[Token], i: int) -> str | None:
    """分 after a count of degrees, 割 or 寸 and one digit is a tenth of it, ぶ (最高気温41度1分
    よんじゅういちど·いちぶ, 三割五分 ごぶ, 一寸五分), and after 年 alone a rate a year (年3分の
    利息 ねん·さんぶ, three per cent); the counter rule read minutes, ぷん/ふん."""
    tok = tokens[i]
    if not tok.surface.endswith("分"):
        return None
    k = i - 1
    if tok.surface == "分":  # the digit a word of its own (its reading on it, or none: 1)
        if k < 0 or tokens[k].end != tok.start:
            return None
        value = number_value(tokens[k].surface)
        k -= 1
    else:  # the digit taken into the counter: 一分
        value = number_value(tok.surface[:-1])
    while k >= 0 and tokens[k].absorbed:
        k -= 1
    if value not in _TENTHS or k < 0:
        return None
    unit = tokens[k]
    if unit.surface == "年" and unit.end == tokens[k + 1].start and not (
        k > 0 and is_numeral(tokens[k - 1]) and tokens[k - 1].end == unit.start
    ):
        if tok.surface == "分":
            _plain_digit(tokens[i - 1])
        return _TENTHS[value] if tok.surface != "分" else "ぶ"  # 年3分: a rate a year (3%)
    if not unit.surface.endswith(_TENTH_OF):
        return None
    if not _counted(tokens, k):
        return None  # 何度, 度々: no count before
    if tok.surface == "分":
        _plain_digit(tokens[i - 1])
    return _TENTHS[value] if tok.surface != "分" else "ぶ"


def _plain_digit(tok: Token) -> None:
    """A kanji digit before a tenth ぶ takes its plain reading back (三割一分 いち·ぶ: the counter
    rule made it いっ, for minutes, いっぷん)."""
    numerals = read_kanji_number(tok.surface) if tok.has_kanji else None
    if numerals is not None:
        tok.reading = "".join(numerals)


def tens_of_minutes(tokens: list[Token], i: int) -> str | None:
    """十分 after a number or an hour is ten minutes, じゅっぷん (三十分 さんじゅっぷん, 一時十分):
    the dictionary cut 三|十分 and read "enough", じゅうぶん."""
    tok = tokens[i]
    if tok.surface != "十分" or tok.reading != "じゅうぶん" or i == 0:
        return None
    prev = tokens[i - 1]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is not None and nxt.start == tok.end and nxt.surface in _ABOUT_A_TIME:
        return "じゅっぷん"  # 十分ほど, 十分以内: a length of time
    if prev.end != tok.start and prev.surface not in _BEFORE_A_TIME:
        return None
    if is_numeral(prev) or (prev.surface.endswith("時") and _counted(tokens, i - 1)):
        return "じゅっぷん"
    return "じゅっぷん" if prev.surface in _BEFORE_A_TIME else None


#: Words a length of time follows: 徒歩十分, 約十分, 所要十分, 片道十分.
_BEFORE_A_TIME = frozenset(["徒歩", "約", "所要", "片道", "往復", "残り", "あと"])
#: Words that follow a length of time: 十分ほど, 十分程度, 十分以内, 十分おき.
_ABOUT_A_TIME = frozenset(["ほど", "程", "くらい", "ぐらい", "位", "程度", "以内", "以上", "おき", "間", "前後", "後"])


def ten_millions(tokens: list[Token], i: int) -> str | None:
    """千万 after a number is ten millions, せんまん (二千万円, 三千万人): the dictionary cut
    二|千万 and read "exceedingly", せんばん (千万かたじけない)."""
    tok = tokens[i]
    if tok.surface != "千万" or tok.reading == "せんまん" or i == 0:
        return None
    prev = tokens[i - 1]
    return "せんまん" if is_numeral(prev) and prev.end == tok.start else None


def _counted(tokens: list[Token], i: int) -> bool:
    """Whether ``tokens[i]`` is a counter with its number (一時, 2時, or 時 after a number)."""
    tok = tokens[i]
    if any(ch.isdigit() or ch in NUMERAL_CHARS for ch in tok.surface[:-1]):
        return True
    return i > 0 and is_numeral(tokens[i - 1]) and tokens[i - 1].end == tok.start


#: A count of one or two people as servings before 前 (二人前 ににん, 1人前): the Sino-Japanese
#: count, not the people (ふたり).
_SERVINGS = {"一人": "いちにん", "二人": "ににん", "1人": "いちにん", "2人": "ににん"}
#: What follows a count of servings: a particle or the end (二人前を, 二人前の, 二人前です).
_AFTER_SERVINGS = frozenset(["を", "の", "は", "が", "で", "も", "です", "だ", "、", "。"])


def servings(tokens: list[Token], i: int) -> str | None:
    """前 after a count of one or two people is servings: 二人前を作る ににんまえ (the
    dictionary's 二人 ふたり, two people, and 前, before). 二人前に出た stays ambiguous: left."""
    tok = tokens[i]
    if tok.surface != "前" or i == 0 or i + 1 >= len(tokens):
        return None
    prev, nxt = tokens[i - 1], tokens[i + 1]
    count = _SERVINGS.get(prev.surface.translate(_FULLWIDTH))
    if count is None or prev.end != tok.start or nxt.start != tok.end:
        return None
    if nxt.surface not in _AFTER_SERVINGS and nxt.pos[0] != "動詞":
        return None  # (二人前作る: a verb after the count)
    prev.reading = count
    return None


#: What a rate a year is counted in after its number (年3分, 年5％, 年1割).
_RATE_UNITS = ("分", "割", "％", "%", "パーセント")


def rate_a_year(tokens: list[Token], i: int) -> str | None:
    """年 before a number and a rate is a year's, ねん (支払済みまで年3分の割合, 年5％): the
    dictionary read とし, a year of age, after まで."""
    tok = tokens[i]
    if tok.surface != "年" or tok.reading != "とし" or i + 2 >= len(tokens):
        return None
    k = i + 1
    while k < len(tokens) and is_numeral(tokens[k]) and tokens[k].start == tokens[k - 1].end:
        k += 1
    if k == i + 1 or k >= len(tokens) or tokens[k].start != tokens[k - 1].end:
        return None
    return "ねん" if tokens[k].surface.startswith(_RATE_UNITS) else None


#: A decimal's last digit and its counter, which the dictionary holds as a count of its own
#: (1人 ひとり, 2人 ふたり, 1日 ついたち): read as a digit and the counter, いち·にん.
_DECIMAL_COUNTS = {"人": "にん", "日": "にち"}


def decimal_count(tokens: list[Token], i: int) -> str | None:
    """A count the dictionary holds as one word right after a decimal point is a decimal's last
    digit and its counter (262.1人 …てんいちにん, 平均2.1人): not one person, ひとり."""
    tok = tokens[i]
    surface = tok.surface.replace(" ", "")  # 1 人: a gap extraction left
    if i == 0 or len(surface) != 2 or surface[1] not in _DECIMAL_COUNTS:
        return None
    digit = number_value(surface[0])
    k = i - 1
    while k > 0 and tokens[k].surface.isspace():
        k -= 1  # 2 6 2 . 1 人: the spaces of a PDF's spaced figures
    if digit is None or not 0 <= digit <= 9 or tokens[k].surface not in (".", "．"):
        return None
    return _DIGIT_READINGS[digit] + _DECIMAL_COUNTS[surface[1]]


_DIGIT_READINGS = ["れい", "いち", "に", "さん", "よん", "ご", "ろく", "なな", "はち", "きゅう"]
