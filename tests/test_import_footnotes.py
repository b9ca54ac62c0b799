"""Footnote definitions pulled out wherever they sit; markers linked in sequence, never numbers."""

from __future__ import annotations

from store.importer import import_text

# A page of a double-spaced report: body, the page's notes (wider), body continuing.
PAGE = """\
 2025年は、米国第一主義を掲げる大統領の再登場1を受けて、日本が展開しよう

とする「分断から協調に導く外交2」の在り方が問われる一年となる。本稿は、

2025年の情勢を概観し、日米関係、日中関係及び第217回国会の議論を論ずる3。

なお、総投票数約1億5,230万票のうち、肩書はいずれも当時のものである。

⎵
1 2021 年の大統領就任後も、日本の大使館、外務省、国家安全保障局が複数のルートを用いて同

陣営と人脈を維持した旨報じられている（『新聞』（2025.1.23））。
2 外務大臣が外交演説で言及している（第 217 回国会参議院本会議録第１号）。
3 本稿は 2025 年２月９日現在の情報に基づき執筆している。
 米国との関係では、同盟の強化が引き続き最重要の課題となっており、今後の

動向を注視していく必要がある。
""".replace("⎵", " ")  # ⎵: a line holding one space, the separator before a page's notes


def test_page_foot_notes_are_pulled_out_and_linked_at_their_markers() -> None:
    doc = import_text(PAGE)
    assert [f.id for f in doc.footnotes] == ["1", "2", "3"]
    assert doc.footnotes[0].text.startswith("2021 年の大統領就任後も、")
    assert doc.footnotes[0].text.endswith(
        "用いて同陣営と人脈を維持した旨報じられている（『新聞』（2025.1.23））。"
    )
    para = doc.blocks[0]
    at = {r.footnote_id: para.text[: r.offset][-4:] for r in para.refs}
    assert at == {"1": "の再登場", "2": "導く外交", "3": "を論ずる"}
    assert "再登場を受けて" in para.text and "外交」の在り方" in para.text


def test_years_quantities_and_session_numbers_are_never_markers() -> None:
    doc = import_text(PAGE)
    text = doc.base_text
    for kept in ("2025年は", "1億5,230万票", "第217回国会"):
        assert kept in text


def test_the_body_after_the_notes_is_a_new_paragraph_not_a_note() -> None:
    doc = import_text(PAGE)
    assert doc.blocks[-1].text == (
        "米国との関係では、同盟の強化が引き続き最重要の課題となっており、今後の動向を注視していく必要がある。"
    )
    assert all("米国との関係" not in f.text for f in doc.footnotes)


def test_a_marker_without_a_definition_stays_text() -> None:
    doc = import_text("地域の情勢5を論ずる。\n\n本文である。\n")
    assert "情勢5を論ずる。" in doc.base_text
    assert doc.footnotes == []


def test_markdown_footnotes() -> None:
    doc = import_text(
        "本文に注がある[^1]。さらに続く[^n2]。\n\n[^1]: 最初の注。\n[^n2]: 二つ目の注。\n",
        suffix=".md",
    )
    assert doc.base_text == "本文に注がある。さらに続く。"
    assert [(r.offset, r.footnote_id) for r in doc.blocks[0].refs] == [(7, "1"), (13, "n2")]
    assert [(f.id, f.text) for f in doc.footnotes] == [("1", "最初の注。"), ("n2", "二つ目の注。")]


def test_kome_notes_are_footnotes() -> None:
    doc = import_text("制度の概要を説明する。\n\n※数値は2024年末時点のもの。\n")
    assert [(f.id, f.text) for f in doc.footnotes] == [("※1", "数値は2024年末時点のもの。")]
    assert "※" not in doc.base_text


BOX = """\
本文では、国際協力機構（JICA）(1)を通じた支
援を実施しており、引き続き同機構と連携し
て取り組んでいく方針を確認した。
(1)\t JICA：Japan International Cooperation Agency

コラムでは、ジャパン・プラットフォーム（J
PF）1を通じた支援や、米日カウンシル（US
JC）2との連携によるプログラムが紹介され
ている。

1  JPF（Japan Platform）：2000年に設立されたNGO、経済界、政府が共同して設立した組織。
2  USJC（U.S.-Japan Council）：2009年に設立された教育的非営利団体。
"""


def test_a_box_with_its_own_numbering_keeps_its_own_notes() -> None:
    doc = import_text(BOX)
    ids = [f.id for f in doc.footnotes]
    assert ids == ["1", "2-1", "2-2"]
    refs = [(b.text[: r.offset], r.footnote_id) for b in doc.blocks for r in b.refs]
    assert [fid for _, fid in refs] == ["1", "2-1", "2-2"]
    assert [before.rsplit("（", 1)[-1] for before, _ in refs] == ["JICA）", "JPF）", "USJC）"]


def test_numbered_kome_notes_link_their_markers() -> None:
    doc = import_text("対象国※1は増えている。別の件※2もある。\n\n※1 2024年末時点。\n※2 参考値。\n")
    (para,) = doc.blocks
    assert para.text == "対象国は増えている。別の件もある。"
    assert [(r.offset, r.footnote_id) for r in para.refs] == [(3, "※1"), (13, "※2")]
    assert [(f.id, f.text) for f in doc.footnotes] == [("※1", "2024年末時点。"), ("※2", "参考値。")]


def test_endnotes_far_from_their_markers_are_linked() -> None:
    paras = [f"第{n}段落の本文である。" for n in range(60)]
    paras[3] = "ここで論じる問題は重要である1。"
    paras[45] = "さらに別の論点もある2。"
    notes = [
        "注",
        "1 この問題については多くの先行研究があり、詳しくは別稿で論じる予定である。",
        "2 別の論点についても、今後の研究で取り上げることとしたい。",
    ]
    doc = import_text("\n\n".join(paras + notes) + "\n")
    linked = {r.footnote_id: b.text for b in doc.blocks for r in b.refs}
    assert linked == {"1": "ここで論じる問題は重要である。", "2": "さらに別の論点もある。"}
