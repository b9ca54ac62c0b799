"""Measure whether JMdict's other readings of a kanji spelling would mend literary misses.

A developer's measurement, not a build step: ``python tools/measure_jmdict_alternates.py
JAMDICT_DB NAME=DIR ...`` (JAMDICT_DB is the SQLite database the ``jamdict-data`` package ships,
as for ``tools/build_*_table.py``; each DIR a folder of Aozora texts with ruby, as the shared
evaluator reads them, e.g. ``aozora=../shared/bench/aozora arch=/tmp/ev/arch``). The first two
sets are the ones a table would be chosen on, the others only checked.

Literary prose prints a native word over a Sino-Japanese spelling (生命 いのち, 背後 うしろ, 理由
わけ). The question is whether a table from JMdict — spellings of two or more kanji whose JMdict
entries give another reading besides the one Shiori prints — applied in the literary register
would read more of them right than it reads wrong. For every ruby whose base is such a spelling,
this prints what Shiori reads now against what each candidate table would read, per set:

- ``gikun-like misses``: misses where the base is two or more kanji, Shiori's reading is made of
  the kanji's on-readings (KANJIDIC) and the printed one is not; how many of them print a reading
  JMdict has for that spelling at all (the most any JMdict table could mend);
- one line per criterion (a dictionary fact choosing the other reading): right → wrong (``lose``)
  and wrong → right (``gain``), counting only spellings where exactly one other reading meets it;
- ``oracle``: for each spelling, the JMdict reading printed most often in the first two sets —
  a table fitted to them, the ceiling of any rule chosen there — and what it does on the others.

Nothing here is kept in the project: the texts are read where they lie.
"""

from __future__ import annotations

import sqlite3
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GIKUN = "gikun (meaning as reading) or jukujikun (special kanji reading)"
#: JMdict's kana notes that a reading is out of use or irregular, and kanji notes alike.
_RARE = ("out-dated", "irregular", "rarely", "obsolete")

Reading = dict[str, Any]


def _is_kanji(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or ch == "々"


def _is_hiragana(text: str) -> bool:
    return bool(text) and all("\u3041" <= ch <= "\u3096" or ch == "ー" for ch in text)


def _hira(text: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text)


def jmdict_readings(db: sqlite3.Connection) -> dict[str, list[Reading]]:
    """Spelling (two or more kanji) -> every reading JMdict gives it, with the facts about it."""
    forms: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for kid, idseq, text in db.execute("SELECT ID, idseq, text FROM Kanji"):
        forms[idseq].append((kid, text))
    facts: dict[str, dict[int, set[str]]] = {}
    for table in ("KJI", "KJP", "KNR", "KNI", "KNP"):
        found: dict[int, set[str]] = defaultdict(set)
        for kid, text in db.execute(f"SELECT kid, text FROM {table}"):  # noqa: S608 (fixed names)
            found[kid].add(text)
        facts[table] = found
    pos: dict[int, set[str]] = defaultdict(set)
    for idseq, text in db.execute("SELECT s.idseq, p.text FROM Sense s JOIN pos p ON p.sid = s.ID"):
        pos[idseq].add(text)
    fields: dict[int, set[str]] = defaultdict(set)
    for idseq, text in db.execute(
        "SELECT s.idseq, f.text FROM Sense s JOIN field f ON f.sid = s.ID"
    ):
        fields[idseq].add(text)
    out: dict[str, list[Reading]] = defaultdict(list)
    for kana_id, idseq, kana, nokanji in db.execute("SELECT ID, idseq, text, nokanji FROM Kana"):
        if nokanji:
            continue
        spellings = forms.get(idseq, [])
        first = min(spellings)[1] if spellings else ""
        for kid, text in spellings:
            restricted = facts["KNR"].get(kana_id)
            if restricted and text not in restricted:
                continue
            if len(text) < 2 or not all(_is_kanji(ch) for ch in text):
                continue
            out[text].append(
                {
                    "reading": kana,
                    "entry": idseq,
                    "primary": text == first,
                    "kanji_info": facts["KJI"].get(kid, set()),
                    "kanji_priority": facts["KJP"].get(kid, set()),
                    "kana_info": facts["KNI"].get(kana_id, set()),
                    "kana_priority": facts["KNP"].get(kana_id, set()),
                    "fields": fields[idseq],
                    "pos": pos[idseq],
                }
            )
    return out


def kanji_readings(db: sqlite3.Connection) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """KANJIDIC2's on- and kun-readings per kanji (kun without okurigana), in hiragana."""
    on: dict[str, set[str]] = defaultdict(set)
    kun: dict[str, set[str]] = defaultdict(set)
    for literal, kind, value in db.execute(
        "SELECT c.literal, r.r_type, r.value FROM character c JOIN rm_group g ON g.cid = c.ID "
        "JOIN reading r ON r.gid = g.ID"
    ):
        if kind == "ja_on":
            on[literal].add(_hira(value).replace("-", ""))
        elif kind == "ja_kun":
            kun[literal].add(value.split(".")[0].replace("-", ""))
    return on, kun


_VOICED = str.maketrans(
    "かきくけこさしすせそたちつてとはひふへほ", "がぎぐげござじずぜぞだぢづでどばびぶべぼ"
)
_HALF = str.maketrans("はひふへほ", "ぱぴぷぺぽ")


def made_of(base: str, reading: str, readings: dict[str, set[str]]) -> bool:
    """``reading`` is the kanji of ``base`` read one after another from ``readings`` (voiced,
    half-voiced or geminated as compounds do)."""

    @cache
    def rest(i: int, j: int) -> bool:
        if i == len(base):
            return j == len(reading)
        ch = base[i - 1] if base[i] == "々" and i else base[i]
        for r in readings.get(ch, ()):
            forms = {r, r.translate(_VOICED), r.translate(_HALF)}
            if len(r) >= 2 and r[-1] in "つちくき":
                forms |= {f[:-1] + "っ" for f in list(forms)}
            if any(f and reading.startswith(f, j) and rest(i + 1, j + len(f)) for f in forms):
                return True
        return False

    return rest(0, 0)


def _rare(r: Reading) -> bool:
    return any(any(word in note for word in _RARE) for note in r["kanji_info"] | r["kana_info"])


def _priority(r: Reading) -> bool:
    return bool(r["kanji_priority"] or r["kana_priority"])


#: A dictionary fact that would choose the other reading ``y`` of a spelling over Shiori's ``x``.
CRITERIA: dict[str, Callable[[list[Reading], list[Reading]], bool]] = {
    # the naive table: any other reading that is not the kanji's on-readings (a native word)
    "other is native": lambda xs, ys: (
        all(y["native"] for y in ys) and not any(x["native"] for x in xs)
    ),
    # JMdict marks the other reading gikun/jukujikun and not Shiori's
    "other is gikun": lambda xs, ys: (
        any(GIKUN in y["kana_info"] for y in ys) and not any(GIKUN in x["kana_info"] for x in xs)
    ),
    # Shiori's reading is marked out of use, rare or irregular
    "printed one rare": lambda xs, ys: all(_rare(x) for x in xs) and not all(_rare(y) for y in ys),
    # only the other reading carries a frequency mark (ichi1, news1, nfXX…)
    "only other common": lambda xs, ys: (
        not any(_priority(x) for x in xs) and any(_priority(y) for y in ys)
    ),
    # Shiori's reading is a term of a field (Buddhism, mathematics…), the other not
    "printed one technical": lambda xs, ys: (
        all(x["fields"] for x in xs) and not all(y["fields"] for y in ys)
    ),
    # the spelling is another (non-first) kanji form of the native word's own entry, and the
    # first form of the entry Shiori reads: 住居 すまい (entry 住まい) against 住居 じゅうきょ
    "another form of the other's entry": lambda xs, ys: (
        all(not y["primary"] for y in ys) and any(x["primary"] for x in xs)
    ),
    "… and JMdict marks that form (ateji, iK, rK)": lambda xs, ys: (
        all(not y["primary"] and y["kanji_info"] for y in ys) and any(x["primary"] for x in xs)
    ),
}


def shiori_rubies(directory: str) -> list[tuple[str, str, str, str]]:
    """(base, printed reading, Shiori's reading, register) for every ruby of the texts there."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT.parent / "shared" / "bench"))
    import furigana_eval as fe  # the shared evaluator: its parsing and alignment

    from store.japanese.readings import Annotator, segments_from_readings
    from store.japanese.rules import detect_style

    rows = []
    for work in fe.load_works(directory):
        text = work.text
        style = detect_style(text[:20000])
        annotator = Annotator(style=style)
        segments: list[list[Any]] = []
        start = 0
        while start < len(text):  # pieces cut at line ends, as the command reads a text
            end = text.find("\n", start + 8000)
            end = len(text) if end < 0 else end + 1
            piece = text[start:end]
            segments.extend(
                list(s) for s in segments_from_readings(piece, annotator.readings(piece))
            )
            start = end
        rubies = [(s, e, fe.hira(r)) for s, e, r, _explicit, bad in work.all_rubies if not bad]
        for (s, e, printed), (_aligned, got) in zip(
            rubies, fe.score_work(text, rubies, segments), strict=True
        ):
            rows.append((text[s:e], printed, str(got), style))
    return rows


def main(argv: list[str]) -> int:
    db = sqlite3.connect(argv[0])
    sets = [arg.split("=", 1) for arg in argv[1:]]
    table = jmdict_readings(db)
    on, _kun = kanji_readings(db)
    for spelling, readings in table.items():
        for r in readings:
            r["native"] = not made_of(spelling, r["reading"], on)
    rubies = {name: shiori_rubies(directory) for name, directory in sets}
    chosen_on = [name for name, _ in sets[:2]]

    for name, rows in rubies.items():
        misses = [
            (b, p)
            for b, p, got, _style in rows
            if p != got
            and len(b) >= 2
            and all(_is_kanji(ch) for ch in b)
            and made_of(b, got, on)
            and not made_of(b, p, on)
        ]
        known = sum(any(r["reading"] == p for r in table.get(b, [])) for b, p in misses)
        spelled = sum(
            1 for b, *_ in rows if b in table and len({r["reading"] for r in table[b]}) > 1
        )
        print(
            f"{name}: {len(rows)} ruby, {spelled} on spellings JMdict reads two ways or more; "
            f"gikun-like misses {len(misses)}, printed reading in JMdict {known}"
        )

    for criterion, test in CRITERIA.items():
        score: Counter[tuple[str, str]] = Counter()
        examples: Counter[str] = Counter()
        for name, rows in rubies.items():
            for base, printed, got, style in rows:
                readings = table.get(base)
                if style != "literary" or not readings:
                    continue
                xs = [r for r in readings if r["reading"] == got]
                others = {r["reading"] for r in readings} - {got}
                picks = [
                    y
                    for y in others
                    if _is_hiragana(y)
                    and xs
                    and test(xs, [r for r in readings if r["reading"] == y])
                ]
                if len(picks) != 1:
                    continue
                y = picks[0]
                if printed == y:
                    score[name, "gain"] += 1
                    examples[f"{base} {y} +"] += 1
                elif printed == got:
                    score[name, "lose"] += 1
                    examples[f"{base} {y} -"] += 1
        figures = ", ".join(f"{n} +{score[n, 'gain']}/-{score[n, 'lose']}" for n in rubies)
        print(f"{criterion}: {figures}; {', '.join(e for e, _ in examples.most_common(10))}")

    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for name in chosen_on:
        for base, printed, got, style in rubies[name]:
            if style == "literary" and base in table:
                votes[base][printed] += 1
                votes[base]["\0now"] += printed == got
    fitted = {}
    for base, count in votes.items():
        readings = {r["reading"] for r in table[base]}
        best = max(readings, key=lambda r: count[r])
        if count[best] > count["\0now"]:
            fitted[base] = best
    score = Counter()
    for name, rows in rubies.items():
        for base, printed, got, style in rows:
            if style == "literary" and base in fitted and fitted[base] != got:
                score[name] += (printed == fitted[base]) - (printed == got)
    print(
        f"oracle fitted on {'+'.join(chosen_on)} ({len(fitted)} spellings): "
        + ", ".join(f"{n} {-score[n]:+d} misses" for n in rubies)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
