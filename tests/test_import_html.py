"""Web pages: the article out of the site around it, its structure, notes and metadata."""

from __future__ import annotations

from pathlib import Path

from store.citation import Passage, cite, source_meta
from store.importer import import_file
from store.library import DocMeta
from store.model import Document, Emphasis, Ruby


def _page(tmp_path: Path, html: str, name: str = "page.html", encoding: str = "utf-8") -> Document:
    path = tmp_path / name
    path.write_bytes(html.encode(encoding))
    return import_file(path)


def _texts(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in doc.blocks]


SAVED = """<!DOCTYPE html>
<!-- saved from url=(0047)https://www.mofa.go.jp/mofaj/na/na1/page1.html -->
<html lang="ja"><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">
<title>日米首脳会談 | 外務省</title>
<link rel="stylesheet" href="./日米首脳会談_files/style.css">
<script src="./日米首脳会談_files/app.js"></script>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "日米首脳会談", "author": {"@type": "Organization", "name": "外務省"},
 "datePublished": "2025-02-07T18:00:00+09:00", "publisher": {"name": "外務省"}}</script>
</head><body>
<div id="header"><ul class="gnav"><li><a href="/">ホーム</a></li><li>外交政策</li></ul></div>
<ol class="topicpath"><li>ホーム</li><li>国・地域</li></ol>
<div id="contents"><div class="main-contents">
<h1>日米首脳会談</h1>
<p class="rightalign">令和7年2月7日</p>
<p><img src="./日米首脳会談_files/photo.jpg" alt="会談の様子"></p>
<p>2月7日、石破総理はトランプ大統領と会談を行いました。両首脳は日米同盟の
抑止力・対処力を強化することで一致しました。</p>
<h2>1 冒頭</h2>
<p>石破総理から、大統領の就任に祝意を述べました。</p>
<p class="pagetop"><a href="#top">このページのトップへ戻る</a></p>
</div>
<div class="sidebar"><h3>関連リンク</h3><ul><li><a href="/x">日米関係</a></li></ul></div>
</div>
<div id="footer"><p>Copyright (C) Ministry of Foreign Affairs of Japan</p></div>
</body></html>"""


def test_a_page_saved_from_a_browser_reads_as_its_article(tmp_path: Path) -> None:
    folder = tmp_path / "日米首脳会談_files"
    folder.mkdir()
    (folder / "style.css").write_text("body{}")
    doc = _page(tmp_path, SAVED, "日米首脳会談.html", encoding="cp932")
    # the dateline under the title is the page's statement of its date: metadata, as the
    # text importer takes it (the page's own metadata names the date first)
    assert _texts(doc) == [
        ("heading", "日米首脳会談"),
        (
            "paragraph",
            "2月7日、石破総理はトランプ大統領と会談を行いました。"
            "両首脳は日米同盟の抑止力・対処力を強化することで一致しました。",
        ),
        ("heading", "1 冒頭"),
        ("paragraph", "石破総理から、大統領の就任に祝意を述べました。"),
    ]
    assert doc.metadata == {
        "title": "日米首脳会談",
        "author": "外務省",
        "publisher": "外務省",
        "date": "2025-02-07",
        "url": "https://www.mofa.go.jp/mofaj/na/na1/page1.html",
        "language": "ja",
    }
    assert doc.encoding == "cp932"


def test_the_same_page_without_its_files_folder_reads_the_same(tmp_path: Path) -> None:
    with_folder = tmp_path / "a"
    alone = tmp_path / "b"
    for place in (with_folder, alone):
        place.mkdir()
    (with_folder / "日米首脳会談_files").mkdir()
    one = _page(with_folder, SAVED, encoding="cp932")
    two = _page(alone, SAVED, encoding="cp932")
    assert one.to_json() == two.to_json()


def test_ruby_with_rb_rt_rp_and_bare_bases(tmp_path: Path) -> None:
    doc = _page(
        tmp_path,
        "<html><body><p>議論が<ruby>収斂<rp>（</rp><rt>しゅうれん</rt><rp>）</rp></ruby>し、"
        "<ruby><rb>祇</rb><rt>ぎ</rt><rb>園</rb><rt>おん</rt></ruby>へ行く。</p></body></html>",
    )
    assert doc.blocks[0].text == "議論が収斂し、祇園へ行く。"
    assert doc.blocks[0].ruby == [Ruby(3, 5, "しゅうれん"), Ruby(7, 8, "ぎ"), Ruby(8, 9, "おん")]


def test_ruby_with_several_rb_then_as_many_rt_reads_each_base(tmp_path: Path) -> None:
    """``<rb>東</rb><rb>京</rb><rt>とう</rt><rt>きょう</rt>`` (HTML's ruby model) gave 東京 the
    reading とう and dropped きょう; one rt after several rb still reads them all."""
    doc = _page(
        tmp_path,
        "<html><body><p><ruby><rb>東</rb><rb>京</rb><rt>とう</rt><rt>きょう</rt></ruby>と"
        "<ruby><rb>大</rb><rb>阪</rb><rp>(</rp><rt>おおさか</rt><rp>)</rp></ruby>へ行く。</p></body></html>",
    )
    assert doc.blocks[0].text == "東京と大阪へ行く。"
    assert doc.blocks[0].ruby == [Ruby(0, 1, "とう"), Ruby(1, 2, "きょう"), Ruby(3, 5, "おおさか")]


def test_footnotes_and_endnotes_are_linked_and_read_out_of_the_text(tmp_path: Path) -> None:
    doc = _page(
        tmp_path,
        """<html><body><article>
        <p>本文に注がある<sup><a href="#fn1" id="r1">1</a></sup>。別の形の注もある<a href="#n2">[2]</a>。
        参照<a href="#sec">1</a>は注ではない。</p>
        <h2 id="sec">1 節</h2><p>節の本文である。</p>
        <div class="footnotes"><ol>
        <li id="fn1"><p>最初の注である。 <a href="#r1">↩</a></p></li>
        <li id="n2">[2] 二つ目の注である。</li></ol></div>
        <aside epub:type="footnote" id="n3"><p>参照されない注である。</p></aside>
        </article></body></html>""",
    )
    assert _texts(doc)[0] == ("paragraph", "本文に注がある。別の形の注もある。参照1は注ではない。")
    assert [(r.offset, r.footnote_id) for r in doc.blocks[0].refs] == [(7, "1"), (16, "2")]
    assert [(n.id, n.text) for n in doc.footnotes] == [
        ("1", "最初の注である。"),
        ("2", "二つ目の注である。"),
        ("*", "参照されない注である。"),
    ]
    assert any("without a marker" in n for n in doc.notices)


def test_lists_tables_quotes_code_and_emphasis(tmp_path: Path) -> None:
    doc = _page(
        tmp_path,
        """<html><body><main>
        <p>主な合意は<strong>次のとおり</strong>。</p>
        <ul><li>自由で開かれたインド太平洋</li><li><p>経済安全保障の</p><p>強化</p></li></ul>
        <table><caption>第1表 関税の概要</caption>
        <tr><th>目的</th><th>税率</th></tr><tr><td>交渉</td><td>25%</td></tr></table>
        <blockquote><p>引用された言葉である。</p></blockquote>
        <pre>line 1
  line 2</pre>
        </main></body></html>""",
    )
    assert _texts(doc) == [
        ("paragraph", "主な合意は次のとおり。"),
        ("list_item", "自由で開かれたインド太平洋"),
        ("list_item", "経済安全保障の強化"),
        ("meta", "第1表 関税の概要"),
        ("table", "目的\t税率\n交渉\t25%"),
        ("quote", "引用された言葉である。"),
        ("code", "line 1\n  line 2"),
    ]
    assert doc.blocks[0].emphasis == [Emphasis(5, 10, "bold")]
    assert doc.blocks[4].rows == [["目的", "税率"], ["交渉", "25%"]]


def test_line_breaks_join_japanese_without_spaces_and_br_after_a_sentence_splits(
    tmp_path: Path,
) -> None:
    doc = _page(
        tmp_path,
        "<html><body><p>一行目が\n続く。<br>二つ目の段落。<br><br>三つ目は English\nwords で終わる。</p>"
        "</body></html>",
    )
    assert [b.text for b in doc.blocks] == [
        "一行目が続く。",
        "二つ目の段落。",
        "三つ目は English words で終わる。",
    ]


def test_a_layout_table_is_read_as_text(tmp_path: Path) -> None:
    doc = _page(
        tmp_path,
        "<html><body><table><tr><td><h1>表で組まれたページ</h1><p>"
        + "本文の段落である。" * 30
        + "</p></td><td><p>右の欄。</p></td></tr></table></body></html>",
    )
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "paragraph"]


def test_control_characters_in_a_page_never_reach_the_text(tmp_path: Path) -> None:
    doc = _page(
        tmp_path, "<html><body><p>危険な\x1b]52;c;ZXZpbA==\x07文字列である。</p></body></html>"
    )
    assert doc.blocks[0].text == "危険な文字列である。"
    assert any("control" in n for n in doc.notices)


def test_no_network_access_is_needed_for_remote_references(tmp_path: Path) -> None:
    # a page full of remote resources imports from the file alone
    doc = _page(
        tmp_path,
        '<html><head><link rel="stylesheet" href="https://example.invalid/a.css">'
        '<script src="https://example.invalid/a.js"></script></head><body>'
        '<iframe src="https://example.invalid/frame"></iframe><p>本文。</p></body></html>',
    )
    assert _texts(doc) == [("paragraph", "本文。")]


def test_an_empty_page_gives_an_empty_document_with_a_notice(tmp_path: Path) -> None:
    doc = _page(tmp_path, "<!DOCTYPE html><html><head><title>空</title></head><body></body></html>")
    assert doc.blocks == [] and doc.title == "空"
    assert any("empty" in n for n in doc.notices)


def test_notes_under_a_notes_heading_without_links_are_found_by_number(tmp_path: Path) -> None:
    doc = _page(
        tmp_path,
        "<html><body><h1>報告</h1><p>本文に注がある1。もう一つの注2もある。</p>"
        "<p>2025年の数字は注ではない。</p>"
        "<h2>注</h2><ol><li>最初の注である。</li><li>二つ目の注である。</li></ol></body></html>",
    )
    assert _texts(doc) == [
        ("heading", "報告"),
        ("paragraph", "本文に注がある。もう一つの注もある。"),
        ("paragraph", "2025年の数字は注ではない。"),
    ]
    assert [(r.offset, r.footnote_id) for r in doc.blocks[1].refs] == [(7, "1"), (14, "2")]
    assert [n.text for n in doc.footnotes] == ["最初の注である。", "二つ目の注である。"]


def test_kome_notes_anywhere_link_their_marks(tmp_path: Path) -> None:
    doc = _page(
        tmp_path,
        "<html><body><p>対象は一部の品目※1に限られる。</p><p>※1 鉄鋼及びアルミニウム。</p>"
        "<p>次の段落である。</p></body></html>",
    )
    assert [b.text for b in doc.blocks] == ["対象は一部の品目に限られる。", "次の段落である。"]
    assert [(r.offset, r.footnote_id) for r in doc.blocks[0].refs] == [(8, "※1")]
    assert [(n.id, n.text) for n in doc.footnotes] == [("※1", "鉄鋼及びアルミニウム。")]


def test_the_title_tag_without_the_site_name_after_it(tmp_path: Path) -> None:
    page = (
        "<html><head><title>日米首脳会談 | 外務省</title></head><body><article>"
        "<h2>1 冒頭</h2><p>石破総理から、大統領の就任に祝意を述べました。</p></article></body></html>"
    )
    doc = _page(tmp_path, page)
    assert doc.title == doc.metadata["title"] == "日米首脳会談"


NEWS = """<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">{head}</head><body><article>
<h1>政府、再生可能エネルギー導入の新方針を決定</h1>
<p class="byline">{byline}</p>
<p>政府は12日、再生可能エネルギーの導入を加速する新たな方針を決定した。</p>
<p>経済産業省は、送電網の増強に向けた投資を支援する。</p></article></body></html>"""

SITE_TITLE = "再エネ新方針 | 日本経済ニュース"


def _cited(doc: Document, path: Path, quote: str) -> str:
    meta = source_meta(DocMeta(), str(path), doc.title, doc.metadata)
    start = doc.base_text.index(quote)
    return cite(meta, Passage.in_document(doc, start, start + len(quote)))


def test_every_title_a_page_states_is_without_the_site_name_after_it(tmp_path: Path) -> None:
    """og:title (and twitter:title, JSON-LD's headline) kept ``| 日本経済ニュース``: only the
    ``<title>`` lost it. One rule for each: the site's name after a bar, any separator before
    the named site, never down to nothing, and a bar before what is no site's name kept."""
    heads = {
        "og": f'<meta property="og:title" content="{SITE_TITLE}"><title>{SITE_TITLE}</title>',
        "twitter": f'<meta name="twitter:title" content="{SITE_TITLE}">',
        "json-ld": '<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
        f'"{SITE_TITLE}"}}</script>',
        "named site": '<meta property="og:title" content="再エネ新方針 - 日本経済ニュース">'
        '<meta property="og:site_name" content="日本経済ニュース">',
    }
    for name, head in heads.items():
        path = tmp_path / f"{name}.html"
        path.write_text(NEWS.format(head=head, byline=""), encoding="utf-8")
        doc = import_file(path)
        assert doc.title == doc.metadata["title"] == "再エネ新方針", name
        cited = _cited(doc, path, "送電網の増強")
        assert cited.startswith("「送電網の増強」\n「再エネ新方針」"), name
        assert "|" not in cited and " - " not in cited, name
    kept = {
        # what follows the bar is not the site the page names
        '<meta property="og:title" content="A | B"><meta property="og:site_name" content="C">': (
            "A | B"
        ),
        '<meta property="og:title" content="：日本経済ニュース">'  # nothing left before the site
        '<meta property="og:site_name" content="日本経済ニュース">': "：日本経済ニュース",
        '<meta name="citation_title" content="再エネ新方針 | 制度と課題">': "再エネ新方針 | 制度と課題",
    }
    for head, title in kept.items():
        doc = _page(tmp_path, NEWS.format(head=head, byline=""))
        assert doc.title == title, head


def test_a_byline_with_its_time_and_desk_gives_the_author(tmp_path: Path) -> None:
    """``2025年6月12日 18:30　政治部　山田太郎`` went from the text with only its date: the time
    and the newsroom's desk between the date and the name hid the name."""
    path = tmp_path / "news.html"
    head = f'<meta property="og:title" content="{SITE_TITLE}">'
    path.write_text(NEWS.format(head=head, byline="2025年6月12日 18:30　政治部　山田太郎"), "utf-8")
    doc = import_file(path)
    assert _texts(doc) == [
        ("heading", "政府、再生可能エネルギー導入の新方針を決定"),
        ("paragraph", "政府は12日、再生可能エネルギーの導入を加速する新たな方針を決定した。"),
        ("paragraph", "経済産業省は、送電網の増強に向けた投資を支援する。"),
    ]
    assert doc.metadata["author"] == "山田太郎"
    assert doc.metadata["date"] == "2025年6月12日"
    assert _cited(doc, path, "送電網の増強") == (
        "「送電網の増強」\n山田太郎「再エネ新方針」2025年6月12日、「政府、再生可能エネルギー導入の新方針を決定」。"
    )


def test_a_desk_or_credit_before_the_name_is_not_the_name(tmp_path: Path) -> None:
    bylines = {
        "ワシントン支局　佐藤花子": "佐藤花子",
        "経済部記者　鈴木一郎": "鈴木一郎",
        "文・写真：田中次郎": "田中次郎",
        "論説委員　高橋健": "高橋健",
        "2025年6月12日　特派員　伊藤誠": "伊藤誠",
        "2025年6月12日 18時30分　社会部・中村悠": "中村悠",
        "山田太郎": "山田太郎",  # a name alone, as before
        "長谷部　誠": "長谷部　誠",  # a name ending in 部 is no desk
        "北米局　北米第一課": "北米局　北米第一課",  # a bureau and its division: no one's desk
    }
    for i, (line, author) in enumerate(bylines.items()):
        doc = _page(tmp_path, NEWS.format(head="", byline=line), name=f"b{i}.html")
        assert doc.metadata.get("author") == author, line
        assert line not in [b.text for b in doc.blocks], line
    for i, line in enumerate(("2025年6月12日 18:30　更新", "2025年6月12日　目次")):
        doc = _page(tmp_path, NEWS.format(head="", byline=line), name=f"n{i}.html")
        assert "author" not in doc.metadata, line
        assert doc.metadata["date"] == "2025年6月12日", line


BLOG = """<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">
<title>日銀の利上げをどう読むか｜経済ブログ</title></head><body><div class="entry-content">
<h1>日銀の利上げをどう読むか</h1><div class="entry-meta">2025.01.24　投稿者：鈴木一郎</div>
{toc}
<h2 id="s1">利上げの背景</h2><p>日本銀行は政策金利を0.5%に引き上げた。</p>
<h2 id="s2">今後の見通し</h2><p>市場では年内にもう一段の利上げを予想する声が多い。<sup>
<a href="#fn1" id="r1">1</a></sup></p><ol class="notes"><li id="fn1">日本経済新聞による。
<a href="#r1">↩</a></li></ol></div></body></html>"""


def test_a_page_s_own_table_of_contents_and_its_byline_are_not_text(tmp_path: Path) -> None:
    """A blog's 目次 box (by its class, or by being links to the page's own headings) is what
    the outline shows already; its title was taken for the author's name, and the date line's
    author was kept in the date."""
    tocs = [
        '<div class="ez-toc-container"><p class="toc-title">目次</p><ul><li>'
        '<a href="#s1">利上げの背景</a></li><li><a href="#s2">今後の見通し</a></li></ul></div>',
        '<div class="box"><p>目次</p><ol><li><a href="#s1">利上げの背景</a></li><li>'
        '<a href="#s2">今後の見通し</a></li></ol></div>',
    ]
    for i, toc in enumerate(tocs):
        doc = _page(tmp_path, BLOG.format(toc=toc), name=f"blog{i}.html")
        assert [(b.kind, b.text) for b in doc.blocks] == [
            ("heading", "日銀の利上げをどう読むか"),
            ("heading", "利上げの背景"),
            ("paragraph", "日本銀行は政策金利を0.5%に引き上げた。"),
            ("heading", "今後の見通し"),
            ("paragraph", "市場では年内にもう一段の利上げを予想する声が多い。"),
        ], toc
        assert doc.metadata["author"] == "鈴木一郎"
        assert doc.metadata["date"].startswith("2025")
        assert "鈴木" not in doc.metadata["date"]
        assert [n.text for n in doc.footnotes] == ["日本経済新聞による。"]


WIKI = """<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>栞 - Wikipedia</title></head><body>
<div id="mw-navigation"><h2>案内メニュー</h2><ul><li><a href="/">メインページ</a></li></ul></div>
<main id="content" class="mw-body"><h1 id="firstHeading" class="firstHeading"><span class="mw-page-title-main">栞</span></h1>
<div id="siteSub">出典: フリー百科事典『ウィキペディア（Wikipedia）』</div>
<div id="mw-content-text"><div class="mw-parser-output">
<div class="hatnote">この項目では、本に挟むものについて説明しています。その他の用法については「栞 (曖昧さ回避)」をご覧ください。</div>
<table class="infobox"><tr><th>種類</th><td>文房具</td></tr></table>
<p><b>栞</b>（しおり）は、読みかけの本に挟んで目印とするもの<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup>。</p>
<div id="toc" class="toc"><div class="toctitle"><h2 id="mw-toc-heading">目次</h2></div><ul><li><a href="#歴史"><span class="tocnumber">1</span> <span class="toctext">歴史</span></a></li><li><a href="#脚注"><span class="tocnumber">2</span> <span class="toctext">脚注</span></a></li></ul></div>
<h2><span class="mw-headline" id="歴史">歴史</span><span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/edit">編集</a><span class="mw-editsection-bracket">]</span></span></h2>
<p>古くは<ruby>枝折<rp>（</rp><rt>しおり</rt><rp>）</rp></ruby>と書いた。</p>
<h2><span class="mw-headline" id="脚注">脚注</span></h2>
<ol class="references"><li id="cite_note-1"><span class="mw-cite-backlink"><a href="#cite_ref-1">^</a></span> <span class="reference-text">『広辞苑』第7版。</span></li></ol>
<div class="navbox"><table><tr><th>文房具</th><td><a href="/a">鉛筆</a>・<a href="/b">消しゴム</a></td></tr></table></div>
<div id="catlinks" class="catlinks"><a href="/cat">カテゴリ</a>: 文房具</div>
</div></div></main><div id="footer"><ul><li>最終更新 2024年1月1日</li></ul></div></body></html>
"""


def test_a_wiki_article_without_edit_links_navigation_boxes_or_its_contents(
    tmp_path: Path,
) -> None:
    doc = _page(tmp_path, WIKI)
    assert doc.title == "栞"  # the page's heading before " - Wikipedia"
    texts = _texts(doc)
    assert ("heading", "歴史") in texts  # was 歴史[編集]
    assert not any(
        word in text for _, text in texts for word in ("編集", "目次", "鉛筆", "カテゴリ")
    ), texts
    assert ("paragraph", "古くは枝折と書いた。") in texts
    assert [n.text for n in doc.footnotes] == ["『広辞苑』第7版。"]
