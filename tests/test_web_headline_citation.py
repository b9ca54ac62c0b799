"""A news headline with a full-width space (``拡充へ　中小企業``, the usual way): the citation
names it once, as printed — the title (from ``og:title``) lost its 　, so it no longer
matched the page's heading and the headline was cited twice, once as the section."""

from __future__ import annotations

from pathlib import Path

from store.citation import Passage, cite, source_meta
from store.importer import import_file
from store.library import DocMeta

HEADLINE = "政府、賃上げ促進税制を拡充へ　中小企業の負担軽減"
PAGE = f"""<!doctype html><html lang="ja"><head><meta charset="utf-8">
<title>{HEADLINE} | 東都新聞デジタル</title>
<meta property="og:title" content="{HEADLINE}">
<meta property="og:site_name" content="東都新聞デジタル">
<meta property="article:published_time" content="2025-06-12T09:30:00+09:00">
</head><body><nav><a href="/">トップ</a></nav><article><h1>{HEADLINE}</h1>
<p>政府は12日、賃上げ促進税制の拡充を決めた。財源の確保が焦点となる。</p></article></body></html>
"""


def test_a_headline_with_a_full_width_space_is_cited_once_as_printed(tmp_path: Path) -> None:
    path = tmp_path / "news.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = import_file(path)
    assert doc.title == HEADLINE
    start = doc.base_text.index("財源")
    passage = Passage.in_document(doc, start, start + len("財源の確保が焦点となる"))
    meta = source_meta(DocMeta(), "x", doc.title, doc.metadata)
    assert cite(meta, passage, "ja", source_only=True) == (
        f"「{HEADLINE}」東都新聞デジタル、2025年6月12日。"
    )


def test_a_title_spaced_otherwise_than_its_heading_is_not_cited_as_a_section() -> None:
    from store.citation import Locator

    spaced = HEADLINE.replace("\u3000", " ")
    assert Locator.from_section([HEADLINE, "第1節"], title=spaced).section == ("第1節",)
    assert Locator.from_section([spaced], title=HEADLINE).section == ()
