"""Web pages, Markdown and Aozora Bunko: debris dropped, duplicates shown once, marks kept."""

from __future__ import annotations

from store.importer import import_text

PAGE = """\
首脳会談の結果について

10.28 (火) 21:40
0
0
令和7年10月28日
握手する両首脳 (写真提供:内閣広報室)

 本日、両首脳は会談を行い、同盟の一層の強化で一致しました。
 また、経済分野での協力を進めていくことを確認しました。

1 安全保障

 両首脳は、地域の安全保障環境について意見交換を行いました。

(参考)

  1. 共同声明(英文(PDF)別ウィンドウで開く和文(PDF)別ウィンドウで開く)
  2. ファクトシート別ウィンドウで開く

令和7年10月28日
握手する両首脳 (写真提供:内閣広報室)

 本日、両首脳は会談を行い、同盟の一層の強化で一致しました。
 また、経済分野での協力を進めていくことを確認しました。

1 安全保障

 両首脳は、地域の安全保障環境について意見交換を行いました。

コメント

ログインしてコメントを書く。

ランキング

News Thumbnail
1

別の記事の見出し

News Thumbnail
2

さらに別の記事

HP YouTube Twitter Facebook Instagram
Copyright © Example since 2023.
"""


def test_web_debris_is_dropped_and_the_duplicated_body_shown_once() -> None:
    doc = import_text(PAGE)
    texts = [b.text for b in doc.blocks]
    assert "0" not in texts
    for debris in ("コメント", "News Thumbnail", "別の記事の見出し", "Copyright", "YouTube"):
        assert not any(debris in t for t in texts), debris
    assert texts.count("本日、両首脳は会談を行い、同盟の一層の強化で一致しました。") == 1
    assert "別ウィンドウで開く" not in doc.base_text


def test_photo_captions_are_meta_and_the_dateline_is_metadata() -> None:
    doc = import_text(PAGE)
    meta = [b.text for b in doc.blocks if b.kind == "meta"]
    assert "握手する両首脳 (写真提供:内閣広報室)" in meta
    assert "令和7年10月28日" not in meta and doc.metadata["date"] == "令和7年10月28日"


def test_numbered_list_items_stay_list_items() -> None:
    doc = import_text(PAGE)
    items = [b.text for b in doc.blocks if b.kind == "list_item"]
    assert items == ["1. 共同声明(英文(PDF)和文(PDF))", "2. ファクトシート"]


def test_a_paragraph_a_page_broke_in_two_is_mended() -> None:
    text = (
        "見出しの行\n\n"
        "確認事項の中で、「核を含むあらゆる能力を用い\n\n"
        "た日本防衛へのコミットメント」が改めて明確にされた。\n"
    )
    doc = import_text(text)
    assert (
        doc.blocks[-1].text
        == "確認事項の中で、「核を含むあらゆる能力を用いた日本防衛へのコミットメント」が改めて明確にされた。"
    )


def test_markdown_marks_lists_quotes_and_tables() -> None:
    md = """\
# 報告

本文には**重要な語**と*強調*がある。
次の行も同じ段落に続く。

- ・**戦略的自律性**：基盤を強化すること
- ①法の支配
1. 番号付きの項目

> 引用された一文である。

目的\t期間\t税率
交渉\t数週間\t25%
保護\t数年間\t10%
"""
    doc = import_text(md, suffix=".md")
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds[1] == ("paragraph", "本文には重要な語と強調がある。次の行も同じ段落に続く。")
    para = doc.blocks[1]
    assert [(para.text[e.start : e.end], e.kind) for e in para.emphasis] == [
        ("重要な語", "bold"),
        ("強調", "italic"),
    ]
    assert ("list_item", "戦略的自律性：基盤を強化すること") in kinds
    assert ("list_item", "①法の支配") in kinds
    assert ("list_item", "1. 番号付きの項目") in kinds
    assert ("quote", "引用された一文である。") in kinds
    (table,) = [b for b in doc.blocks if b.kind == "table"]
    assert table.rows == [
        ["目的", "期間", "税率"],
        ["交渉", "数週間", "25%"],
        ["保護", "数年間", "10%"],
    ]


def test_bibliography_entry_with_its_url_on_the_next_line_is_one_item() -> None:
    text = "■参考文献\n\n- 外務省「日米首脳会談」 2025 年 2 月 7 日。\nhttps://www.mofa.go.jp/a.html\n- 二つ目の文献。\n"
    doc = import_text(text)
    items = [b.text for b in doc.blocks if b.kind == "list_item"]
    assert items == [
        "外務省「日米首脳会談」 2025 年 2 月 7 日。 https://www.mofa.go.jp/a.html",
        "二つ目の文献。",
    ]


AOZORA = """\
羅生門
芥川龍之介

-------------------------------------------------------
【テキスト中に現れる記号について】

《》：ルビ
（例）下人《げにん》
-------------------------------------------------------

［＃５字下げ］一［＃「一」は中見出し］

　ある日の暮方の事である。一人の｜下人《げにん》が、羅生門《らしょうもん》の下で雨やみを待っていた。
　広い門の下には、この男のほかに誰もいない。［＃「誰もいない」に傍点］

底本：「芥川龍之介全集1」ちくま文庫、筑摩書房
入力：（入力者）
"""


def test_aozora_ruby_annotations_header_and_footer() -> None:
    doc = import_text(AOZORA)
    assert doc.title == "羅生門"
    assert [(b.kind, b.text) for b in doc.blocks][:3] == [
        ("heading", "羅生門"),
        ("meta", "芥川龍之介"),
        ("heading", "一"),
    ]
    para = doc.blocks[3]
    assert para.text == "ある日の暮方の事である。一人の下人が、羅生門の下で雨やみを待っていた。"
    assert [(para.text[r.start : r.end], r.reading) for r in para.ruby] == [
        ("下人", "げにん"),
        ("羅生門", "らしょうもん"),
    ]
    assert doc.blocks[4].text == "広い門の下には、この男のほかに誰もいない。"
    assert [(e.start, e.end, e.kind) for e in doc.blocks[4].emphasis] == [(15, 20, "bold")]
    assert doc.blocks[-1].kind == "meta" and doc.blocks[-1].text.startswith("底本：")
    assert doc.blocks[-1].text.endswith("入力：（入力者）")
    assert "記号について" not in doc.base_text


def test_markdown_pipe_table_and_a_dated_list_item() -> None:
    md = "| 国 | 税率 |\n|---|---:|\n| 中国 | 10% |\n| カナダ | 25% |\n\n- 外務省「日米首脳会談」（2025年2月7日）\n"
    doc = import_text(md, suffix=".md")
    assert doc.blocks[0].kind == "table"
    assert doc.blocks[0].rows == [["国", "税率"], ["中国", "10%"], ["カナダ", "25%"]]
    assert (doc.blocks[1].kind, doc.blocks[1].text) == (
        "list_item",
        "外務省「日米首脳会談」（2025年2月7日）",
    )


def test_news_page_share_buttons_related_articles_and_copyright_are_dropped() -> None:
    page = (
        "外相が電話会談\n\n2025年3月1日 18:30\n\nシェア\nツイート\nLINEで送る\n\n"
        "外務大臣は1日、米国務長官と電話会談を行い、同盟の強化に向けて連携していくことで一致した。\n\n"
        "写真＝電話会談に臨む外務大臣（外務省提供）\n\n■関連記事\n・日米首脳が会談\n・外相、G7会合へ\n\n"
        "無断転載・複製を禁じます\nCopyright © 2025 Example News. All rights reserved.\n"
    )
    doc = import_text(page)
    assert doc.metadata == {"date": "2025年3月1日"}  # the dateline is the page's statement
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "外相が電話会談"),
        (
            "paragraph",
            "外務大臣は1日、米国務長官と電話会談を行い、同盟の強化に向けて連携していくことで一致した。",
        ),
        ("meta", "写真＝電話会談に臨む外務大臣（外務省提供）"),
    ]


def test_markdown_links_read_as_their_text_and_images_are_dropped() -> None:
    doc = import_text(
        "詳しくは[外務省の発表](https://www.mofa.go.jp/a.html)を参照。![図](a.png)\n", suffix=".md"
    )
    assert doc.base_text == "詳しくは外務省の発表を参照。"


def test_a_web_paragraph_cut_inside_a_word_is_mended_but_a_list_item_is_not() -> None:
    text = (
        "見出しの行\n\n"
        "外交は内政の延長とされる。その考え方に立てば、新政権の動向が日米関係に与える影響は2024年大統領\n\n"
        "選挙での勝利を経て、一層大きくなっていると考えられる。\n\n"
        "- 参考文献の一つ目\n\n"
        "なかばやし・みえこ 教授\n"
    )
    doc = import_text(text)
    texts = [b.text for b in doc.blocks]
    assert texts[1].endswith("2024年大統領選挙での勝利を経て、一層大きくなっていると考えられる。")
    assert texts[2] == "参考文献の一つ目"
    assert texts[3] == "なかばやし・みえこ 教授"


def test_an_unnumbered_web_subheading_between_paragraphs_is_a_heading() -> None:
    text = (
        "日米首脳会談の意義\n\n"
        "首脳会談では、同盟の強化と地域の平和に向けた協力を確認した。両国の連携は一層深まった。\n\n"
        "今後の展望\n\n"
        "今後は、経済安全保障の分野での協力を具体化していくことが課題となるであろうと考えられる。\n\n"
        "前衆議院議員\n\n山本太郎\n"
    )
    doc = import_text(text)
    assert [(b.kind, b.level, b.text[:6]) for b in doc.blocks] == [
        ("heading", 1, "日米首脳会談"),
        ("paragraph", 0, "首脳会談では"),
        ("heading", 2, "今後の展望"),
        ("paragraph", 0, "今後は、経済"),
        ("meta", 0, "前衆議院議員"),
        ("meta", 0, "山本太郎"),
    ]


def test_a_paragraph_right_after_a_list_item_is_not_swallowed_by_it() -> None:
    doc = import_text(
        "まとめ\n\n・第一の論点\n・第二の論点\n以上の二点について、以下で詳しく検討する。\n"
    )
    assert [(b.kind, b.text) for b in doc.blocks][1:] == [
        ("list_item", "第一の論点"),
        ("list_item", "第二の論点"),
        ("paragraph", "以上の二点について、以下で詳しく検討する。"),
    ]


def test_a_word_under_the_title_is_not_taken_for_the_author() -> None:
    """目次 under a title was read as the author's name, and the date kept the word after it."""
    doc = import_text(
        "経済安全保障の論点\n\n2025年1月24日　更新\n\n目次\n\nはじめに\n\n"
        "本稿では、経済安全保障の論点を整理する。政府の方針を概観する。\n"
    )
    assert "author" not in doc.metadata
    assert doc.metadata["date"] == "2025年1月24日"
    assert ("heading", "はじめに") in [(b.kind, b.text) for b in doc.blocks]


def test_a_news_article_copied_from_its_page_keeps_its_dateline_and_drops_the_paywall() -> None:
    doc = import_text(
        "日米首脳、同盟強化で一致　関税協議も継続\n\n"
        "2025年2月8日 10:32 (2025年2月8日 11:05更新)\n\n"
        "【ワシントン＝山田太郎】石破茂首相は7日午後、トランプ米大統領と初めて会談した。\n\n"
        "会談は約1時間行われた。\n\n"
        "この記事は有料会員限定です。\n\n"
        "続きは会員登録（無料）でお読みいただけます\n\n"
        "残り1234文字\n"
    )
    assert doc.metadata["date"] == "2025年2月8日"  # a dateline longer than a byline
    assert [b.text for b in doc.blocks if b.kind == "paragraph"] == [
        "【ワシントン＝山田太郎】石破茂首相は7日午後、トランプ米大統領と初めて会談した。",
        "会談は約1時間行われた。",
    ]


def test_a_dateline_with_its_time_and_the_writer_s_desk_gives_the_author() -> None:
    """The time and the desk (政治部) between the date and the name hid the writer."""
    doc = import_text(
        "再エネ新方針を決定\n\n2025年6月12日 18:30　政治部　山田太郎\n\n"
        "政府は12日、再生可能エネルギーの導入を加速する新たな方針を決定した。\n"
    )
    assert doc.metadata["author"] == "山田太郎"
    assert doc.metadata["date"] == "2025年6月12日"
    assert [b.text for b in doc.blocks if b.kind != "heading"] == [
        "政府は12日、再生可能エネルギーの導入を加速する新たな方針を決定した。"
    ]
