"""Document readings: blocks and footnotes, the cache, and the display levels."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from store import paths
from store.japanese import (
    DEFAULT_GRADE,
    DEFAULT_LEVEL,
    LEVELS,
    DocumentReadings,
    Level,
    ShownReadings,
    document_readings,
    select_readings,
    tokenize,
)
from store.japanese.kanji_grades import GRADE_KANJI, JOYO_KANJI, kanji_grade, word_grade
from store.model import Block, Document, Footnote, Ruby


def _doc() -> Document:
    return Document(
        title="試験",
        blocks=[
            Block("heading", "第一章 齟齬（そご）の研究", level=1),
            Block(
                "paragraph",
                "両者の齟齬は大きい。私は今日、東京へ行く。",
                ruby=[Ruby(12, 14, "こんにち")],
            ),
            Block("paragraph", "東京の齟齬。"),
            Block("heading", "第二章 東京", level=1),
            Block("paragraph", "東京の齟齬。"),
        ],
        footnotes=[Footnote("1", "齟齬とは食い違いのこと。")],
    )


def _shown(doc: Document, readings, i: int) -> list[tuple[str, str]]:
    text = doc.blocks[i].text
    return [(text[r.start : r.end], r.reading) for r in readings.block(i)]


def test_blocks_and_footnotes_get_readings_with_their_sources() -> None:
    doc = _doc()
    readings = document_readings(doc)
    text = doc.blocks[1].text
    got = {text[r.start : r.end]: (r.reading, r.source) for r in readings.block(1)}
    assert got["齟齬"] == ("そご", "gloss")  # glossed in the heading, reused in the body
    assert got["今日"] == ("こんにち", "source")  # the import's ruby wins
    assert got["東京"] == ("とうきょう", "dict")
    note = doc.footnotes[0].text
    assert [(note[r.start : r.end], r.reading, r.source) for r in readings.footnote("1")][0] == (
        "齟齬",
        "そご",
        "gloss",
    )
    assert readings.footnote("missing") == [] and readings.block(99) == []


def _piece_files(tmp_path: Path) -> list[Path]:
    return sorted((paths.cache_dir() / "readings").glob("*/*.json"))


def test_cache_is_used_on_reopen_and_rebuilt_when_damaged(tmp_path: Path) -> None:
    doc = _doc()
    first = document_readings(doc)
    files = _piece_files(tmp_path)
    assert [f.name for f in files] == ["0.json", "1.json"]  # the blocks, then the footnotes
    again = document_readings(_doc())
    assert again.blocks == first.blocks and again.footnotes == first.footnotes
    # a damaged cache file is ignored, rebuilt, and never fatal
    files[0].write_text("{not json", encoding="utf-8")
    rebuilt = document_readings(_doc())
    assert rebuilt.blocks == first.blocks
    assert json.loads(files[0].read_text(encoding="utf-8"))["blocks"]
    # a cache file that lies (offsets past the text) is rejected too
    data = json.loads(files[0].read_text(encoding="utf-8"))
    data["blocks"][2] = [[0, 999, "うそ", "dict"]]
    files[0].write_text(json.dumps(data), encoding="utf-8")
    assert document_readings(_doc()).blocks == first.blocks


def test_a_cached_piece_is_read_without_loading_the_analyser() -> None:
    """The reader reads the cache before its first paint: the analyser's modules and tables
    (a tenth of a second and more to import) must not stand in front of that paint."""
    make = "Document(title='試験', blocks=[Block('paragraph', '両者の齟齬は大きい。')])"
    document_readings(eval(make))  # fills the cache
    script = (
        "import sys\n"
        "from store.model import Block, Document\n"
        "from store.japanese.document import DocumentAnalysis\n"
        f"analysis = DocumentAnalysis({make})\n"
        "assert analysis.load_cached(0), 'the cached piece was not read'\n"
        "print(analysis.readings.blocks[0][0].reading)\n"
        "print(sorted(m for m in sys.modules if m.startswith('store.japanese.')))\n"
    )
    env = dict(os.environ, SHIORI_CACHE_DIR=str(paths.cache_dir()))
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out[0] == "りょうしゃ"
    assert out[1] == "['store.japanese.document', 'store.japanese.reading_record']"


def test_the_cache_key_names_the_installed_dictionary() -> None:
    from importlib.metadata import version

    from store.japanese.document import _dictionary_version

    assert _dictionary_version() == version("sudachidict_core")


def test_changed_text_does_not_reuse_the_old_cache() -> None:
    doc = _doc()
    document_readings(doc)
    changed = _doc()
    changed.blocks[2] = Block("paragraph", "大阪の齟齬。")
    got = _shown(changed, document_readings(changed), 2)
    assert got[0] == ("大阪", "おおさか")


def test_unwritable_cache_is_not_fatal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    import store.japanese.document as document

    monkeypatch.setattr(document, "_cache_dir", lambda key: blocker / "sub" / key)
    assert document_readings(_doc()).block(2)


def _long_doc(paragraphs: int = 60) -> Document:
    blocks = [Block("paragraph", "尹錫悦（ユン・ソンニョル）大統領が来日した。")]
    blocks += [
        Block("paragraph", f"第{k}回の会議で尹大統領は東京の齟齬を語った。" * 40)
        for k in range(paragraphs)
    ]
    return Document(title="長い", blocks=blocks)


def test_pieces_are_analysed_nearest_first_and_cached_as_they_go(tmp_path: Path) -> None:
    from store.japanese.document import DocumentAnalysis

    doc = _long_doc()
    analysis = DocumentAnalysis(doc, piece_chars=5_000)
    assert len(analysis.pieces) > 5
    middle = len(doc.blocks) // 2
    k = analysis.next_piece(middle)
    assert analysis.pieces[k][0] <= middle < analysis.pieces[k][1]
    assert analysis.run_piece(k)
    assert analysis.readings.has_block(middle) and not analysis.readings.has_block(0)
    # a piece read far from the gloss still reads the glossed name as the document taught it
    text = doc.blocks[middle].text
    assert ("尹", "ゆん") in [
        (text[r.start : r.end], r.reading) for r in analysis.readings.block(middle)
    ]
    assert len(_piece_files(tmp_path)) == 1  # written at once: quitting now loses nothing
    # a reader who comes back finds that piece in the cache and analyses only the rest
    again = DocumentAnalysis(_long_doc(), piece_chars=5_000)
    assert again._load(k) is not None and again._load(k + 1) is None
    assert again.next_piece(middle) == k and again.run_piece(k)
    assert again.readings.block(middle) == analysis.readings.block(middle)


def test_a_cancelled_piece_stops_at_once_and_keeps_nothing(tmp_path: Path) -> None:
    from store.japanese.document import DocumentAnalysis

    analysis = DocumentAnalysis(_long_doc(), piece_chars=5_000)
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2  # cancel after two paragraphs

    assert analysis.run_piece(0, cancelled) is False
    assert not analysis.done[0] and _piece_files(tmp_path) == []
    assert analysis.next_piece(0) == 0


def test_a_gloss_applies_after_it_not_before() -> None:
    doc = Document(
        title="t",
        blocks=[
            Block("paragraph", "尹大統領が来た。"),
            Block("paragraph", "尹錫悦（ユン・ソンニョル）大統領。"),
            Block("paragraph", "尹大統領が去った。"),
        ],
    )
    readings = document_readings(doc, use_cache=False)
    assert ("尹", "ゆん") not in _shown(doc, readings, 0)
    assert ("尹", "ゆん") in _shown(doc, readings, 2)


def test_level_off_and_all() -> None:
    doc = _doc()
    readings = document_readings(doc)
    assert all(not b for b in select_readings(readings, "off").blocks)
    assert select_readings(readings, "all").blocks == readings.blocks


def test_level_above_grade_keeps_only_harder_kanji() -> None:
    doc = _doc()
    readings = document_readings(doc)
    shown = _shown(doc, select_readings(readings, "above-grade", grade=6), 1)
    assert ("齟齬", "そご") in shown  # beyond jōyō
    assert ("東京", "とうきょう") not in shown  # grade 2 kanji
    assert ("今日", "こんにち") in shown  # the source's own ruby always shows
    shown4 = _shown(doc, select_readings(readings, "above-grade", grade=1), 1)
    assert ("東京", "とうきょう") in shown4


def test_level_first_shows_a_word_once_per_section() -> None:
    doc = _doc()
    shown = select_readings(document_readings(doc), "first")
    assert ("東京", "とうきょう") in _shown(doc, shown, 1)
    assert ("東京", "とうきょう") not in _shown(doc, shown, 2)  # same section: already shown
    assert ("東京", "とうきょう") in _shown(doc, shown, 3)  # a new heading starts a section


@pytest.mark.parametrize("level", LEVELS)
def test_chosen_block_by_block_in_any_order_as_for_the_whole_document(level: Level) -> None:
    """The reader asks for blocks as it lays them out, from the middle first when it opens
    at a saved position: the choice (``first`` included) is the whole document's."""
    doc = _doc()
    readings = document_readings(doc)
    whole = select_readings(readings, level)
    shown = ShownReadings(readings, level)
    for i in (4, 2, 0, 3, 1):
        assert shown.block(i) == whole.block(i), i
    assert shown.footnote("1") == whole.footnote("1")


@pytest.mark.parametrize("level", ["all", "first"])
def test_blocks_whose_readings_arrive_later_are_chosen_again(level: Level) -> None:
    """An analysis in pieces: blocks asked for before their readings came show them once
    ``forget`` is told (``first`` chooses again from the start)."""
    doc = _doc()
    full = document_readings(doc)
    partial = DocumentReadings([None] * len(doc.blocks), dict(full.footnotes), full.texts,
                               full.headings, full.footnote_texts)  # fmt: skip
    shown = ShownReadings(partial, level)
    assert shown.block(2) == []
    for i in range(len(doc.blocks)):
        partial.blocks[i] = full.blocks[i]
    assert shown.block(2) == []  # still the old choice
    shown.forget(0, len(doc.blocks))
    whole = select_readings(full, level)
    assert [shown.block(i) for i in range(5)] == [whole.block(i) for i in range(5)]
    assert shown.block(2) or level == "first"


def test_known_words_suppress_readings() -> None:
    doc = _doc()
    readings = document_readings(doc)
    shown = _shown(doc, select_readings(readings, "all", known_words={"齟齬", "行く"}), 1)
    assert not any(s == "齟齬" for s, _ in shown)
    assert not any(s == "行" for s, _ in shown)  # 行 of the known word 行く
    assert ("東京", "とうきょう") in shown


def test_unknown_level_is_refused() -> None:
    with pytest.raises(ValueError):
        select_readings(document_readings(_doc()), "some")  # type: ignore[arg-type]  # on purpose


def test_default_level_is_documented_and_valid() -> None:
    assert DEFAULT_LEVEL == "above-grade" and 1 <= DEFAULT_GRADE <= 7


def test_kanji_grades() -> None:
    assert [len(GRADE_KANJI[g]) for g in range(1, 7)] == [80, 160, 200, 202, 193, 191]
    assert len(JOYO_KANJI - {"叱"}) == 2136
    assert kanji_grade("一") == 1 and kanji_grade("茨") == 4 and kanji_grade("憂") == 7
    assert kanji_grade("齟") == 8 and kanji_grade("あ") == 0 and kanji_grade("々") == 0
    assert word_grade("東京") == 2 and word_grade("ひらがな") == 0


def test_tokenize_gives_words_with_offsets_and_forms() -> None:
    text = "本を読んだ。東京に行きました"
    words = tokenize(text)
    assert "".join(w.surface for w in words) == text
    assert all(text[w.start : w.end] == w.surface for w in words)
    yonda = next(w for w in words if w.surface == "読ん")
    assert yonda.dictionary_form == "読む" and yonda.reading == "よん" and yonda.pos[0] == "動詞"
    assert next(w for w in words if w.surface == "。").reading == ""


def test_tokenize_handles_text_beyond_sudachis_limit() -> None:
    text = "漢字の読みを調べる。" * 6000  # ~180 KB of UTF-8 in one line
    words = tokenize(text)
    assert "".join(w.surface for w in words) == text
    assert words[-1].end == len(text)


def test_long_text_without_any_break_is_cut_safely() -> None:
    from store.japanese.analyzer import MAX_CHUNK_BYTES, chunks

    text = "漢字" * 40000 + "\U00020b9f" * 5000  # no newline, no 。, some 4-byte characters
    pieces = list(chunks(text))
    assert "".join(p for _, p in pieces) == text
    assert all(len(p.encode("utf-8")) <= MAX_CHUNK_BYTES for _, p in pieces)
    assert [o for o, _ in pieces] == [
        sum(len(p) for _, p in pieces[:k]) for k in range(len(pieces))
    ]


def test_tokenize_from_several_threads() -> None:
    results: list[list[str]] = []

    def work() -> None:
        results.append([w.surface for w in tokenize("東京都の図書館で本を読む")])

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4 and all(r == results[0] for r in results)


def test_a_document_that_writes_no_small_kana_gets_readings_in_large_kana() -> None:
    """Older orthography (言つて, 行つた) and its printed ruby write no small kana: the readings
    over such a document are written as its text is (折角 せつかく, not せっかく)."""
    old = Document(
        title="破戒",
        blocks=[
            Block("paragraph", "折角皆さんが言つて下さるのに、私は思つた通りに行つた。"),
            Block("paragraph", "尤も誰が嫉妬で噂するともなく立つて居た。"),
        ],
    )
    readings = document_readings(old)
    assert ("折角", "せつかく") in _shown(old, readings, 0)
    assert ("嫉妬", "しつと") in _shown(old, readings, 1)
    modern = Document(
        title="今",
        blocks=[Block("paragraph", "折角皆さんが言って下さるのに、思った通りに行った。")],
    )
    assert ("折角", "せっかく") in _shown(modern, document_readings(modern), 0)


def test_a_short_older_work_is_judged_on_its_own_text_not_its_colophon() -> None:
    """A short pre-war work's Aozora colophon (dates, a URL, today's kana) decided its kana:
    small, as the colophon writes them."""
    story = "時々彼はパリに行つてゐた。掘つても掘つても岩だ。思つてゐると錯覚とつながつてゐる。"
    colophon = (
        "底本：「燈火節」月曜社\n2004（平成16）年11月30日第1刷発行\n"
        "このファイルは、インターネットの図書館、青空文庫（https://www.aozora.gr.jp/）で作られました。"
        "入力、校正、制作にあたったのは、ボランティアの皆さんです。" * 3
    )
    doc = Document(title="アラン島", blocks=[Block("paragraph", story), Block("meta", colophon)])
    assert ("錯覚", "さつかく") in _shown(doc, document_readings(doc), 0)
