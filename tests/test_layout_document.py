"""A whole document laid out lazily: screen lines, positions across reflows, text navigation."""

from __future__ import annotations

from store.model import Block, Document, Ref, Ruby
from tui.layout.document import BASE, BLANK, RUBY, DocumentLayout
from tui.layout.lines import RubySpan
from tui.layout.textnav import find_literal, merge_spans, sentence_starts

TEXT = "日本の外交は、国際社会の平和と安定に貢献してきた。" * 4


def doc_of(n: int = 30) -> Document:
    blocks = [Block("heading", "第1章 外交", level=1)]
    blocks += [Block("paragraph", TEXT, refs=[Ref(5, "1")]) for _ in range(n)]
    blocks += [Block("list_item", "項目その一"), Block("list_item", "(2) 項目その二")]
    return Document("t", blocks)


def test_blocks_are_laid_out_only_when_needed() -> None:
    layout = DocumentLayout(doc_of(), 40)
    assert layout.pending == len(layout.layouts)
    layout.line(0)
    assert layout.layouts[0] is not None and layout.layouts[5] is None


def test_screen_lines_ruby_base_blank() -> None:
    doc = doc_of(2)
    at = TEXT.index("貢献")
    layout = DocumentLayout(
        doc, 40, readings=lambda i: [RubySpan(at, at + 2, "こうけん")] if i else []
    )
    kinds = [layout.line(y).kind for y in range(layout.line_count)]
    assert kinds[0] == BASE and kinds[1] == BLANK  # heading, no ruby line
    assert RUBY in kinds
    for y, kind in enumerate(kinds):
        if kind == RUBY:
            assert kinds[y + 1] == BASE and layout.line(y).row is layout.line(y + 1).row
    # consecutive list items have no blank line between them; the last block has none after it
    assert kinds[-2:] == [BASE, BASE]


def test_list_bullet_only_when_the_item_has_no_marker_of_its_own() -> None:
    layout = DocumentLayout(doc_of(1), 40)
    first = layout.block_rows(2)[0]
    second = layout.block_rows(3)[0]
    assert [d.text for d in first.decorations if d.kind == "bullet"] == ["・"]
    assert not [d for d in second.decorations if d.kind == "bullet"]


def test_position_survives_reflow_at_other_widths() -> None:
    doc = doc_of()
    narrow = DocumentLayout(doc, 24)
    y = narrow.y_of(17, 30)
    block, offset = narrow.position_at(y)
    assert block == 17 and offset <= 30
    for width in (10, 33, 80, 200):
        wide = DocumentLayout(doc, width)
        y2 = wide.y_of(block, offset)
        b2, o2 = wide.position_at(y2)
        assert b2 == 17
        row = wide.row_at(17, offset)
        assert row.start <= offset < max(row.end, row.start + 1)
        assert o2 == row.start


def test_table_columns_align_in_cells() -> None:
    rows = [["国名", "人口"], ["アメリカ合衆国", "3億"], ["日本", "1億2400万"]]
    text = "\n".join("\t".join(r) for r in rows)
    layout = DocumentLayout(Document("t", [Block("table", text, rows=rows)]), 60)
    table_rows = layout.block_rows(0)
    second_cols = []
    for r, row in zip(rows, table_rows, strict=True):
        at = text.index(r[1], row.start)
        second_cols.append(row.cols[at - row.start])
    assert len(set(second_cols)) == 1
    assert second_cols[0] == 14 + 3  # widest first cell + gap


def test_sentences_find_and_merge() -> None:
    text = "一つ目。「二つ目！」三つ目\n四つ目"
    starts = sentence_starts(text)
    assert [text[s] for s in starts] == ["一", "「", "三", "四"]
    assert find_literal("ICBM and icbm", "Icbm") == [(0, 4), (9, 13)]
    assert find_literal("ＩＣＢＭとｱｼﾞｱ", "icbm") == [(0, 4)]
    assert find_literal("アジアとｱｼﾞｱ", "アジア") == [(0, 3)]  # ｼﾞ is two code points: not folded
    # a variation selector picks a glyph: 葛飾 finds 葛󠄀飾, the selector inside the match
    assert find_literal("葛\U000e0100飾区と葛飾", "葛飾") == [(0, 3), (5, 7)]
    assert find_literal("葛飾区", "葛\U000e0100飾") == [(0, 2)]
    assert merge_spans([(0, 2), (5, 7)], [(1, 3)]) == [(0, 3), (5, 7)]


def test_script_runs_stand_in_for_words() -> None:
    from tui.layout.textnav import script_runs

    runs = [r.surface for r in script_runs("日本はICBMを、カナダと")]
    assert runs == ["日本", "は", "ICBM", "を", "、", "カナダ", "と"]


def test_a_huge_paragraph_is_laid_out_in_pieces() -> None:
    from tui.layout.document import PIECE_CHARS, piece_bounds

    sentence = "国際社会の平和と安定に貢献してきた。"
    text = sentence * (3 * PIECE_CHARS // len(sentence))
    at = text.index("貢献", 2 * PIECE_CHARS)
    block = Block("paragraph", text, ruby=[Ruby(at, at + 2, "こうけん")], refs=[Ref(at + 2, "9")])
    bounds = piece_bounds(block)
    assert len(bounds) >= 3
    assert all(text[e - 1] == "。" for _, e in bounds[:-1])  # cut after a sentence
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)

    layout = DocumentLayout(Document("t", [block, Block("paragraph", "終わり")]), 40)
    assert layout.line(0) is not None
    assert layout.layouts[1] is None  # the rest waits
    rows = layout.block_rows(0)
    assert rows[0].start == 0 and rows[-1].end == len(text)
    for a, b in zip(rows, rows[1:], strict=False):
        assert a.end == b.start
    # readings and markers of a later piece sit at the block's own offsets
    ruby = [r for row in rows for r in row.ruby]
    assert [(r.start, r.end, r.reading) for r in ruby] == [(at, at + 2, "こうけん")]
    markers = [d for row in rows for d in row.decorations if d.kind == "marker"]
    assert [(d.offset, d.key) for d in markers] == [(at + 2, "9")]
    # positions inside a later piece survive the round trip
    y = layout.y_of(0, at)
    block_index, offset = layout.position_at(y)
    assert block_index == 0 and offset <= at < layout.row_at(0, at).end
    # no blank line between the pieces of one block
    kinds = [layout.line(k).kind for k in range(layout.line_count)]
    assert kinds.count("blank") == 1


def test_an_entry_starting_with_an_abbreviation_keeps_its_bullet() -> None:
    # "U.S. Environmental…" looked like an enumerator "U." and lost its bullet
    doc = Document(
        "refs",
        [
            Block("list_item", "U.S. Environmental Protection Agency, “Climate Change,” 2025."),
            Block("list_item", "a) 項目の一つ目"),
        ],
    )
    layout = DocumentLayout(doc, 60)
    bullets = [
        [d.text for d in layout.block_rows(i)[0].decorations if d.kind == "bullet"] for i in (0, 1)
    ]
    assert bullets == [["・"], []]


def test_the_source_indent_sets_the_first_row_and_the_wrapped_rows() -> None:
    """巴里祭's hanging dialogue (天付き, 折り返して２字下げ) and a 3/4 indented quote: the
    first row starts N characters in, every wrapped row M, a later piece's first row too."""
    from tui.layout.document import layout_block

    text = "――六月三十日より前に巴里を去るのも阿呆、六月三十日より後に巴里に居残るのも阿呆。」"
    hanging = layout_block(Block("paragraph", text, indent=0, hanging=2), 0, 40)
    assert [row.cols[0] for row in hanging.rows] == [0, 4, 4]
    quote = layout_block(Block("quote", text, indent=3, hanging=4), 0, 40)
    assert [row.cols[0] for row in quote.rows] == [6, 8, 8]
    plain = layout_block(Block("paragraph", text), 0, 40)
    assert {row.cols[0] for row in plain.rows} == {0}
    long = Block("paragraph", text * 60, indent=0, hanging=2)  # laid out in pieces
    layout = DocumentLayout(Document("t", [long]), 40)
    rows = layout.block_rows(0)
    assert len(layout.pieces) > 1
    assert rows[0].cols[0] == 0 and {row.cols[0] for row in rows[1:]} == {4}
