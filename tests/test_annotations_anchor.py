"""Re-anchoring after the document changed: same place, moved, or orphan — never dropped."""

from __future__ import annotations

from store.annotations.anchor import find_quote, make_anchor, resolve
from store.model import Block, Document, Ruby

P1 = "現在、国際社会は歴史の転換点にあるといえる。中東情勢の緊迫化などをめぐり、国際社会の分断と対立は深まっている。"
P2 = (
    "強固な日米同盟は、日本の外交及び安全保障の基軸であり、インド太平洋地域の平和と安定の礎である。"
)
P3 = "カナダは、G7のメンバーであり、普遍的価値を共有する重要なパートナーである。"
QUOTE = "日本の外交及び安全保障の基軸であり"


def doc(*paragraphs: str, heading: str = "概観") -> Document:
    blocks = [Block("heading", heading, level=1)]
    blocks += [Block("paragraph", p) for p in paragraphs]
    return Document("北米", blocks)


def anchor_on(document: Document, quote: str = QUOTE):
    start = document.base_text.index(quote)
    return make_anchor(document, start, start + len(quote))


def test_anchor_keeps_quote_context_block_and_hash() -> None:
    d = doc(P1, P2, P3)
    a = anchor_on(d)
    assert a.quote.exact == QUOTE
    assert a.quote.suffix == d.base_text[a.position.end : a.position.end + 32]
    assert len(a.quote.prefix) == 32 and d.base_text[: a.position.start].endswith(a.quote.prefix)
    assert d.blocks[a.block].text[a.block_offset :].startswith(QUOTE)
    assert a.content_hash == d.content_hash


def test_unchanged_document_keeps_the_position() -> None:
    d = doc(P1, P2, P3)
    a = anchor_on(d)
    r = resolve(a, doc(P1, P2, P3))
    assert (r.state, r.start, r.end) == ("anchored", a.position.start, a.position.end)


def test_edit_after_the_passage_stays_in_the_same_place() -> None:
    a = anchor_on(doc(P1, P2, P3))
    changed = doc(P1, P2, P3 + "また、北米との連携は一層重要になっている。")
    r = resolve(a, changed)
    assert r.state == "anchored"
    assert changed.base_text[r.start : r.end] == QUOTE


def test_edit_before_the_passage_moves_it() -> None:
    a = anchor_on(doc(P1, P2, P3))
    changed = doc("はじめに一文を加えた。" + P1, P2, P3)
    r = resolve(a, changed)
    assert r.state == "moved"
    assert r.start == a.position.start + len("はじめに一文を加えた。")
    assert changed.base_text[r.start : r.end] == QUOTE


def test_edit_inside_the_passage_is_found_fuzzily_and_marked_moved() -> None:
    a = anchor_on(doc(P1, P2, P3))
    edited = P2.replace("外交及び安全保障", "外交・安全保障")
    changed = doc(P1, edited, P3)
    r = resolve(a, changed)
    assert r.state == "moved"
    found = changed.base_text[r.start : r.end]
    assert "外交・安全保障の基軸" in found and len(found) <= len(QUOTE) + 2
    assert 0.72 <= r.score < 1.0


def test_a_word_edited_at_either_end_of_the_passage_stays_inside_it() -> None:
    """A typo fixed in a highlight's first or last word (からす → 烏) left the new word out:
    the passage was cut to what still matched, and its stored quote with it."""
    text = "夕日のさして山の端いと近うなりたるに、からすの寝どころへ行くとて、三つ四つ飛び急ぐさへあはれなり。"
    quote = "からすの寝どころへ行くとて"
    a = anchor_on(doc(P1, text), quote)
    for old, new in (("からす", "烏"), ("行くとて", "ゆくとて"), ("からす", "カラスたち")):
        changed = doc(P1, text.replace(old, new))
        r = resolve(a, changed)
        assert r.state == "moved"
        assert changed.base_text[r.start : r.end] == quote.replace(old, new), (old, new)
    # at the very start and end of the text, where there is no context to meet
    whole = Document("t", [Block("paragraph", "からすの寝どころへ行くとて")])
    b = make_anchor(whole, 0, len(whole.base_text))
    edited = Document("t", [Block("paragraph", "烏の寝どころへ行くとて")])
    r = resolve(b, edited)
    assert edited.base_text[r.start : r.end] == "烏の寝どころへ行くとて"


def test_paragraph_deleted_makes_an_orphan() -> None:
    a = anchor_on(doc(P1, P2, P3))
    r = resolve(a, doc(P1, P3))
    assert r.state == "orphan"


def test_passage_rewritten_beyond_recognition_is_an_orphan() -> None:
    a = anchor_on(doc(P1, P2, P3))
    r = resolve(a, doc(P1, "日米関係は新たな段階に入ったと言えよう。", P3))
    assert r.state == "orphan"


def test_ruby_added_does_not_touch_the_anchor() -> None:
    a = anchor_on(doc(P1, P2, P3))
    with_ruby = doc(P1, P2, P3)
    k = P2.index("基軸")
    with_ruby.blocks[2].ruby.append(Ruby(k, k + 2, "きじく"))
    r = resolve(a, with_ruby)
    assert (r.state, r.start) == ("anchored", a.position.start)


def test_rewrapped_text_with_a_stray_line_break_is_still_found() -> None:
    a = anchor_on(doc(P1, P2, P3))
    k = P2.index("安全保障")
    rewrapped = doc(P1, P2[:k] + "\n" + P2[k:], P3)  # an importer left one break in
    r = resolve(a, rewrapped)
    assert r.state == "anchored"  # only a line break moved: the same place
    assert rewrapped.base_text[r.start : r.end].replace("\n", "") == QUOTE


def test_rewrapped_source_file_stays_in_the_same_place() -> None:
    from store.importer import import_text

    def wrapped(width: int) -> str:
        lines = [P1[i : i + width] for i in range(0, len(P1), width)]
        lines2 = [P2[i : i + width] for i in range(0, len(P2), width)]
        return "# 概観\n\n" + "\n".join(lines) + "\n\n" + "\n".join(lines2) + "\n"

    before = import_text(wrapped(20), suffix=".md")
    a = anchor_on(before)
    for width in (25, 31, 40, 1000):
        after = import_text(wrapped(width), suffix=".md")
        r = resolve(a, after)
        assert r.state == "anchored", width
        assert after.base_text[r.start : r.end].replace("\n", "") == QUOTE


def test_the_annotated_occurrence_wins_over_an_identical_one() -> None:
    repeated = "国際社会の分断と対立は深まっている。"
    d = doc(P1, P2, "他方で、" + repeated, P3)
    second = d.base_text.rindex(repeated)
    a = make_anchor(d, second, second + len(repeated))
    changed = doc("冒頭に段落を加えた。", P1, P2, "他方で、" + repeated, P3)
    r = resolve(a, changed)
    assert r.state == "moved"
    assert r.start == changed.base_text.rindex(repeated)


def test_short_quote_does_not_jump_to_an_unrelated_occurrence() -> None:
    d = doc(P1, P2, P3)
    k = d.base_text.index("基軸")
    a = make_anchor(d, k, k + 2)
    changed = doc(P1, P3, "全く別の文脈で基軸という語が出てくる段落である。")
    assert resolve(a, changed).state == "orphan"


def test_find_quote_matches_across_wrapping_and_counts_occurrences() -> None:
    text = "日米同盟は、日本の外交及び安全保障の\n基軸であり、平和の礎である。平和の礎である。"
    k = text.index("安全保障")
    assert find_quote(text, "安全保障の基軸") == [(k, k + 8)]
    assert find_quote(text, "日米同盟は、\n  日本の外交") == [(0, 11)]
    assert len(find_quote(text, "平和の礎")) == 2
    assert find_quote(text, "存在しない文") == []


def test_deleted_sentence_does_not_attach_to_a_similar_one() -> None:
    d = doc(P1, "米国との連携を強化する。", "カナダとの連携も強化する。")
    a = anchor_on(d, "カナダとの連携も強化する")
    assert resolve(a, doc(P1, "米国との連携を強化する。")).state == "orphan"


def test_find_quote_copied_from_the_raw_source_or_typed_in_another_width() -> None:
    text = (
        "大陸間弾道ミサイル（ICBM）級を含む発射。議論が収斂する。令和７年１０月２８日、会談した。"
    )
    k = text.index("ミサイル")
    assert find_quote(text, "ミサイル（ICBM）(1)級") == [(k, k + len("ミサイル（ICBM）級"))]
    k = text.index("議論")
    assert find_quote(text, "議論が｜収斂《しゅうれん》する") == [(k, k + 7)]
    k = text.index("令和")
    assert find_quote(text, "令和7年10月28日") == [(k, k + 10)]
    assert text[k : k + 10] == "令和７年１０月２８日"
