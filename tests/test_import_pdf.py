"""PDF-extracted text: wrapped lines joined, page furniture dropped, ruby lines folded back."""

from __future__ import annotations

from store.importer import import_text

# A hard-wrapped page, 20 characters a line, as a PDF extractor gives it.
WRAPPED = """\
（1）概況
本年の地域情勢は大きく動いた。各国は対話
を重ねつつも、相互の不信を解消するには至
らなかった。こうした中で、我が国は関係国
と緊密に連携し、地域の平和と安定に向けた

外交努力を続けている。

また、経済面では貿易と投資の拡大が続き、
Supply Chain Resilience
Initiativeの下で協力が進んだ。各国の首脳
は、その成果を高く評価した。

12

一方で、安全保障環境は厳しさを増してお
り、各国が防衛力の強化を急いでいる。
"""


def _texts(doc):
    return [(b.kind, b.text) for b in doc.blocks]


def test_wrapped_lines_become_paragraphs_and_artifact_blank_lines_are_ignored() -> None:
    doc = import_text(WRAPPED)
    assert _texts(doc)[:2] == [
        ("heading", "（1）概況"),
        (
            "paragraph",
            "本年の地域情勢は大きく動いた。各国は対話を重ねつつも、相互の不信を解消するには至"
            "らなかった。こうした中で、我が国は関係国と緊密に連携し、地域の平和と安定に向けた"
            "外交努力を続けている。",
        ),
    ]


def test_latin_words_keep_their_space_japanese_gets_none() -> None:
    doc = import_text(WRAPPED)
    para = doc.blocks[2].text
    assert "Supply Chain Resilience Initiativeの下で協力が進んだ。" in para
    assert "続き、Supply" in para


def test_page_number_is_dropped_and_the_paragraph_after_it_is_whole() -> None:
    doc = import_text(WRAPPED)
    assert "12" not in [b.text for b in doc.blocks]
    assert (
        doc.blocks[-1].text
        == "一方で、安全保障環境は厳しさを増しており、各国が防衛力の強化を急いでいる。"
    )


RUBY = """\
両国の首脳は、中国をめぐる諸課題や北朝鮮
への対応について意見交換を行い、引き続き毅

き
然として対応することを確認した。さらに、
両首脳は、人と人との絆
きずな

を一層深めていくことで一致した。今後も各
分野で協力を進めていくことを確認した。以
上のように、今年は二国間関係が大きく進展
した一年となった。
"""


def test_ruby_on_its_own_line_becomes_a_span_and_the_sentence_is_whole() -> None:
    doc = import_text(RUBY)
    (para,) = doc.blocks
    assert "引き続き毅然として対応することを確認した。" in para.text
    assert "人と人との絆を一層深めていく" in para.text
    spans = [(para.text[r.start : r.end], r.reading) for r in para.ruby]
    assert spans == [("毅", "き"), ("絆", "きずな")]


CAPTION = """\
両首脳は、法の支配に基づく国際秩序の重要性
を確認し、地域の平和と安定のために協力して

日米首脳会談（4月10日、ワシントンD.C.　写真提供：内閣広報室）
 いくことで一致した。さらに、両首脳は経済
面での協力を一層強化することを確認した。
また、人的交流の拡大に向けて取り組むこと
でも一致し、若者の交流を進めることとした。
"""


def test_photo_caption_is_meta_and_never_glued_into_the_paragraph() -> None:
    doc = import_text(CAPTION)
    kinds = _texts(doc)
    assert ("meta", "日米首脳会談（4月10日、ワシントンD.C.　写真提供：内閣広報室）") in kinds
    para = doc.blocks[0].text
    assert "協力していくことで一致した。" in para
    assert "写真" not in para


FOOT = """\
両国は、大陸間弾道ミサイル（ICBM）(1)級
の発射に強い懸念を示し、国際社会と連携し
(1)\t ICBM：Intercontinental Ballistic Missile
(2)\t WPS：Women, Peace and Security

て対応することで一致した。また、女性・平
和・安全保障（WPS）(2)の分野での協力を進
めることを確認した。両国は今後も様々な分
野で緊密に連携していくことを改めて確認し
た。
"""


def test_paragraph_continues_after_a_footnote_block_and_markers_link() -> None:
    doc = import_text(FOOT)
    (para,) = [b for b in doc.blocks if b.kind == "paragraph"]
    assert para.text.startswith("両国は、大陸間弾道ミサイル（ICBM）級の発射に強い懸念を示し、")
    assert "国際社会と連携して対応することで一致した。" in para.text
    assert [(para.text[: r.offset][-6:], r.footnote_id) for r in para.refs] == [
        ("（ICBM）", "1"),
        ("障（WPS）", "2"),
    ]
    assert [(f.id, f.text) for f in doc.footnotes] == [
        ("1", "ICBM：Intercontinental Ballistic Missile"),
        ("2", "WPS：Women, Peace and Security"),
    ]


REPORT = """\
トランプ政権の通商政策と日本

外交防衛委員会調査室　山田 太郎

１．はじめに

 2025年は、米国第一主義を掲げるトランプ大統領の再登場を受けて、日本が展開しよう

とする外交の在り方が問われる一年となる。本稿では、2025年の国際情勢を概観・展望す

るとともに、日米関係、日中関係、ウクライナ情勢と日露関係について論ずる。なお、肩

書はいずれも当時のものである。

２．日米関係

（１）第２次トランプ政権

2024年11月、米国大統領選挙の一般投票が行われ、共和党候補のトランプ前大統領が、民

主党候補のハリス副大統領を破り、2025年１月に第47代大統領に就任した。
"""


def test_a_report_title_and_byline_before_the_numbered_sections() -> None:
    doc = import_text(REPORT)
    assert doc.title == "トランプ政権の通商政策と日本"
    assert [(b.kind, b.level, b.text[:8]) for b in doc.blocks] == [
        ("heading", 1, "トランプ政権の通"),
        ("meta", 0, "外交防衛委員会調"),
        ("heading", 2, "１．はじめに"),
        ("paragraph", 0, "2025年は、米"),
        ("heading", 2, "２．日米関係"),
        ("heading", 3, "（１）第２次トラ"),
        ("paragraph", 0, "2024年11月"),
    ]
    assert doc.blocks[3].text.endswith("論ずる。なお、肩書はいずれも当時のものである。")


CIRCLED = """\
両国は、次の三点で協力することで一致した。
すなわち、地域の平和と安定の確保のための
①防衛協力の強化、②経済安全保障の推進、
③人的交流の拡大である。両国はこれらの分
野での協力を一層進めていくことを確認し、
今後も緊密に連携していくことで一致した。
"""


def test_a_wrapped_line_starting_with_a_circled_number_stays_in_its_paragraph() -> None:
    doc = import_text(CIRCLED)
    assert [b.kind for b in doc.blocks] == ["paragraph"]
    assert (
        "確保のための①防衛協力の強化、②経済安全保障の推進、③人的交流の拡大である。"
        in doc.blocks[0].text
    )


def test_running_header_dropped_but_the_chapter_title_it_repeats_kept_once() -> None:
    page = (
        "第2章 地球儀を俯瞰する外交\n"
        "両国の関係は、本年も様々な分野で大きく進\n"
        "展した。首脳間の往来も活発に行われ、各分\n"
        "野での協力が一層深まった一年となった。\n"
        "\n12\n\n"
        "第2章 地球儀を俯瞰する外交\n"
        "また、経済分野では、投資と貿易の拡大が続\n"
        "き、両国の経済関係は一層緊密になった。\n"
        "\n13\n\n"
        "第2章 地球儀を俯瞰する外交\n"
        "さらに、人的交流の面でも、若者の交流事業\n"
        "が各地で実施され、相互理解が深まった。\n"
    )
    doc = import_text(page)
    assert [(b.kind, b.text[:8]) for b in doc.blocks] == [
        ("heading", "第2章 地球儀を"),
        ("paragraph", "両国の関係は、本"),
        ("paragraph", "また、経済分野で"),
        ("paragraph", "さらに、人的交流"),
    ]


COLUMN = """\
本文の段落では、両国の関係について述べる
こととし、その経緯を順に説明していく予定
である。まず、経済面での協力が進んだ。

コラムでは、ニューヨークで毎年開かれるパレードの様子を紹介しま
す。日本文化を紹介する多くの団体が参加し、沿道には大勢の観客が
集まりました。その模様は多くのメディアでも取り上げられ、話題と

3 カナダ
カナダとの関係では、首脳間の往来が続き、
両国の協力が様々な分野で一層強化された。
 なりました。今後もこのような交流が続くことが期待されます。
日本とカナダは、長い間、多くの分野で協力し、助け合ってきまし
た。この交流が、将来の一層の関係強化につながることが期待されま
す。
また、安全保障の分野でも両国の連携が進
み、共同訓練などが実施された。引き続き、
両国は緊密に連携していくことで一致した。
"""


def test_a_column_wider_than_the_body_is_kept_together_across_a_page_break() -> None:
    doc = import_text(COLUMN)
    texts = [(b.kind, b.text[:6]) for b in doc.blocks]
    assert texts == [
        ("paragraph", "本文の段落で"),
        ("paragraph", "コラムでは、"),
        ("paragraph", "日本とカナダ"),
        ("heading", "3 カナダ"),
        ("paragraph", "カナダとの関"),
        ("paragraph", "また、安全保"),
    ]
    assert doc.blocks[1].text.endswith(
        "話題となりました。今後もこのような交流が続くことが期待されます。"
    )


WHITE_PAPER = """\
第2節　北米

 \t1\t\t1\t 概観

(10)\t NATO：North Atlantic Treaty Organization

〈同盟の強化〉
北大西洋条約機構（NATO）(10)との連携を
強化しつつ、日本は同盟国・同志国との協力
を進めている。こうした中で、両国の関係は
いわゆる「収斂
しゅうれん

」の傾向を示しつつある。各国の首脳は、
様々な機会を通じて意思疎通を重ねてきた。

(11)\t G7：Group of Seven
 \t2\t\t2\t 米国

（1）米国情勢
ア\t政治
2024年の米国内政は、11月の大統領選挙を
中心に展開した。G7(11)の枠組みにおいても
日米は緊密に連携した。
"""


def test_a_white_paper_page_with_short_headings_notes_and_ruby() -> None:
    doc = import_text(WHITE_PAPER)
    assert [(b.kind, b.level, b.text[:10]) for b in doc.blocks] == [
        ("heading", 1, "第2節　北米"),
        ("heading", 2, "1 概観"),
        ("heading", 3, "〈同盟の強化〉"),
        ("paragraph", 0, "北大西洋条約機構（N"),
        ("heading", 2, "2 米国"),
        ("heading", 3, "（1）米国情勢"),
        ("heading", 4, "ア 政治"),
        ("paragraph", 0, "2024年の米国内政"),
    ]
    para = doc.blocks[3]
    assert "いわゆる「収斂」の傾向を示しつつある。各国の首脳は、様々な機会" in para.text
    assert [(para.text[r.start : r.end], r.reading) for r in para.ruby] == [("収斂", "しゅうれん")]
    assert [r.footnote_id for b in doc.blocks for r in b.refs] == ["10", "11"]


# Paragraph starts are set one character in; the extraction dropped the indent. The first
# paragraph's last line ends at full width with a sentence and a footnote marker.
INDENTED = """\
各国は対話を重ねつつも、相互の不信を解消す
るには至らなかった。こうした中で、我が国は
関係国と緊密に連携し、地域の平和と安定に向
けた外交努力を続けていると見なされている1。
日本と台湾は、実務関係2を維持しながらも、
自然災害の発生に際して相互に協力し、良好な
関係を築いてきた。総理は「対話を重ねたい。
こうした努力を続ける」旨述べ、各国の首脳は
その成果を高く評価した。今後の課題は多い。
1 一つ目の注である。
2 二つ目の注である。
"""


def test_a_line_one_character_short_after_a_full_sentence_line_starts_a_paragraph() -> None:
    doc = import_text(INDENTED)
    paragraphs = [b for b in doc.blocks if b.kind == "paragraph"]
    assert [p.text for p in paragraphs] == [
        "各国は対話を重ねつつも、相互の不信を解消するには至らなかった。こうした中で、我が国は"
        "関係国と緊密に連携し、地域の平和と安定に向けた外交努力を続けていると見なされている。",
        # inside an open quotation a short line is not a new paragraph
        "日本と台湾は、実務関係を維持しながらも、自然災害の発生に際して相互に協力し、良好な"
        "関係を築いてきた。総理は「対話を重ねたい。こうした努力を続ける」旨述べ、各国の首脳は"
        "その成果を高く評価した。今後の課題は多い。",
    ]
    assert [r.footnote_id for p in paragraphs for r in p.refs] == ["1", "2"]


def test_a_line_set_one_space_in_after_a_full_sentence_line_starts_a_paragraph() -> None:
    text = INDENTED.replace("\n日本と台湾は、実務関係2を", "\n 日本と台湾は、実務関係2を").replace(
        "を維持しながらも、\n", "を維持し、\n"
    )
    paragraphs = [b.text for b in import_text(text).blocks if b.kind == "paragraph"]
    assert len(paragraphs) == 2
    assert paragraphs[1].startswith("日本と台湾は、実務関係を維持し、自然災害の発生に")
