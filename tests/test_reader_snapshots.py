"""What the reading pane looks like: SVG snapshots at 80x24 and 200x60 (no cursor blink to
freeze: the reader's cursor is a static reverse cell, and no Input is on screen): compact
ruby in each reading style, the reading measure centred, the selection among highlights, and
the popups beside their line."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App, ComposeResult

from store.japanese import DocumentReadings, Reading
from store.model import Block, Document, Emphasis, Footnote, Ref, Ruby
from tui.screens.reader_popups import OpensReaderPopups
from tui.widgets.reader import ReaderView

P1 = (
    "現在、国際社会は歴史の転換点にあるといえる。中東情勢の緊迫化などをめぐり、"
    "国際社会の分断と対立は深まっている。各国は協調に取り組み、立場の収斂を目指す。"
)
P2 = "大陸間弾道ミサイル（ICBM）級を含む発射が続いた。"
NOTE = (
    "ICBM：Intercontinental Ballistic Missile。射程五千五百キロ以上の弾道ミサイル。"
    "北朝鮮は、2017年以降、米国本土を射程に収めうるとされる弾道ミサイルの発射を繰り返し、"
    "国連安全保障理事会は累次の決議で発射の停止を求めてきた。日本は、関係国と緊密に連携し、"
    "警戒監視に万全を期している。"
)
WORDS = {"転換点": "てんかんてん", "緊迫化": "きんぱくか", "弾道": "だんどう", "射程": "しゃてい"}


def _readings(text: str, guess: str = "") -> list[Reading]:
    out = []
    for word, reading in WORDS.items():
        at = text.find(word)
        if at >= 0:
            out.append(Reading(at, at + len(word), reading, "dict"))
    if guess and guess in text:
        at = text.index(guess)
        out.append(Reading(at, at + len(guess), "ぶんだん", "guess"))
    return out


def sample() -> tuple[Document, DocumentReadings]:
    blocks = [
        Block("heading", "第1節 北米", level=1),
        Block(
            "paragraph",
            P1,
            ruby=[Ruby(P1.index("収斂"), P1.index("収斂") + 2, "しゅうれん")],
            emphasis=[Emphasis(0, 2, "bold")],
        ),
        Block("paragraph", P2, refs=[Ref(P2.index("）") + 1, "1")]),
        Block("heading", "(1) 米国", level=2),
        Block("list_item", "日米同盟の抑止力の強化"),
        Block("list_item", "経済安全保障の協力"),
        Block("quote", "「自由で開かれたインド太平洋」の実現に向けて協力する。"),
        Block("meta", "図表1　日米首脳会談（2025年2月）"),
        Block(
            "table",
            "国名\t人口\n米国\t3億3000万\n日本\t1億2400万",
            rows=[["国名", "人口"], ["米国", "3億3000万"], ["日本", "1億2400万"]],
        ),
    ]
    doc = Document("snapshot", blocks, footnotes=[Footnote("1", NOTE)])
    readings = DocumentReadings(
        [_readings(b.text, guess="分断") for b in blocks],
        {"1": _readings(NOTE)},
        [b.text for b in blocks],
        [b.kind == "heading" for b in blocks],
        {"1": NOTE},
    )
    return doc, readings


class SnapApp(OpensReaderPopups, App[None]):
    def __init__(
        self, mode: str = "all", style: str = "auto", measure: int = 40, make: Any = None
    ) -> None:
        super().__init__()
        self.mode, self.style, self.measure = mode, style, measure
        self.make = make or sample

    def get_theme_variable_defaults(self) -> dict[str, str]:
        from tui.annotation_chips import highlight_variables

        return {**super().get_theme_variable_defaults(), **highlight_variables()}

    CSS_PATH = "../tui/styles/annotations.tcss"

    def compose(self) -> ComposeResult:
        yield ReaderView()

    def on_mount(self) -> None:
        doc, readings = self.make()
        reader = self.query_one(ReaderView)
        reader.furigana_mode = self.mode
        reader.furigana_style = self.style
        reader.measure = self.measure
        reader.show(doc, readings=readings)
        reader.focus()


SIZES = [(80, 24), (200, 60)]


def test_reader_page_80x24(snap_compare: Any) -> None:
    assert snap_compare(SnapApp(), terminal_size=(80, 24))


def test_reader_page_200x60_measure_centred(snap_compare: Any) -> None:
    assert snap_compare(SnapApp(), terminal_size=(200, 60))


@pytest.mark.parametrize("size", SIZES)
def test_reader_kana_readings(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(SnapApp(mode="all", style="kana"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_reader_above_grade_auto(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(SnapApp(mode="above-grade"), terminal_size=size)


def test_footnote_popup_60x20(snap_compare: Any) -> None:
    assert snap_compare(SnapApp(), terminal_size=(60, 20), press=["right_square_bracket", "enter"])


@pytest.mark.parametrize("size", SIZES)
def test_footnote_popup(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(SnapApp(), terminal_size=size, press=["right_square_bracket", "enter"])


@pytest.mark.parametrize("size", SIZES)
def test_word_popup(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(SnapApp(), terminal_size=size, press=["w", "w", "w", "K"])


async def select_among_highlights(pilot: Any) -> None:
    reader = pilot.app.query_one(ReaderView)
    start = reader.document.base_text.index("国際社会の分断")
    reader.highlights = [(start, start + 4, "blue"), (start + 5, start + 7, "yellow")]
    reader.goto_offset(start + 2)
    await pilot.press("v", *["l"] * 6)


@pytest.mark.parametrize("size", SIZES)
def test_selection_among_highlights(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(SnapApp(), terminal_size=size, run_before=select_among_highlights)


PARIS = (
    "淀嶋新吉は滞在邦人の中でも追放人の方である。だが自分でそう呼ぶことすらもう月並の嫌味を"
    "感じるくらい巴里の水になずんでしまった。"
)
DIALOGUE = "――六月三十日より前に巴里を去るのも阿呆、六月三十日より後に巴里に居残るのも阿呆。」"


def paris() -> tuple[Document, DocumentReadings]:
    """巴里祭's first screen as a user saw it: a line ended after 淀嶋新吉は, and the
    dialogue's hanging indent (改行天付き、折り返して２字下げ) was not applied."""
    at = PARIS.index("追放人")
    blocks = [
        Block("paragraph", DIALOGUE, indent=0, hanging=2),
        Block("paragraph", PARIS, ruby=[Ruby(at, at + 3, "エキスパトリエ")]),
    ]
    words = [("淀嶋", "よどじま"), ("新吉", "しんきち"), ("滞在", "たいざい"), ("邦人", "ほうじん"),
             ("月並", "つきなみ"), ("嫌味", "いやみ"), ("巴里", "ぱり")]  # fmt: skip
    per_block = [
        [Reading(b.text.index(w), b.text.index(w) + len(w), r, "dict") for w, r in words if w in b.text]
        for b in blocks
    ]
    texts = [b.text for b in blocks]
    return Document("巴里祭", blocks), DocumentReadings(per_block, {}, texts, [False, False], {})


def test_reader_fills_the_measure_and_hangs_the_indent(snap_compare: Any) -> None:
    assert snap_compare(SnapApp(mode="above-grade", make=paris), terminal_size=(80, 24))
