"""EPUB books, Aozora Bunko ``.zip`` archives, and telling every kind by its content."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from render_formats import golden_to_epub, golden_to_pdf

from store.importer import ImportFailed, import_file
from store.importer.sniff import named_for_kind, sniff
from store.model import Ruby

CONTAINER = (
    '<?xml version="1.0"?><container version="1.0" '
    'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
    '<rootfile full-path="item/standard.opf" media-type="application/oebps-package+xml"/>'
    "</rootfiles></container>"
)
XHTML = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
    '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">'
    '<head><title>t</title><link rel="stylesheet" href="../style/book-style.css"/></head>'
    '<body class="vrtl">{}</body></html>'
)


def _epub(path: Path, chapters: dict[str, str], *, nav: str = "", ncx: str = "") -> Path:
    manifest = "".join(
        f'<item id="c{i}" href="xhtml/{name}" media-type="application/xhtml+xml"/>'
        for i, name in enumerate(chapters)
    )
    if nav:
        manifest += '<item id="nav" href="navigation-documents.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
    if ncx:
        manifest += '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>'
    spine = "".join(f'<itemref idref="c{i}"/>' for i in range(len(chapters)))
    opf = (
        '<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" '
        'version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<dc:title>吾輩は猫である</dc:title><dc:creator>夏目漱石</dc:creator>"
        "<dc:creator>校訂者</dc:creator><dc:publisher>青空文庫</dc:publisher>"
        "<dc:date>1905-01-01T00:00:00Z</dc:date><dc:language>ja</dc:language></metadata>"
        f'<manifest>{manifest}</manifest><spine toc="ncx" page-progression-direction="rtl">'
        f"{spine}</spine></package>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/container.xml", CONTAINER)
        zf.writestr("item/standard.opf", opf)
        if nav:
            zf.writestr("item/navigation-documents.xhtml", XHTML.format(nav))
        if ncx:
            zf.writestr("item/toc.ncx", ncx)
        for name, body in chapters.items():
            zf.writestr(f"item/xhtml/{name}", XHTML.format(body))
    return path


def test_a_vertical_epub_in_spine_order_with_its_toc_as_the_outline(tmp_path: Path) -> None:
    nav = (
        '<nav epub:type="toc"><ol><li><a href="xhtml/p-001.xhtml">一</a><ol>'
        '<li><a href="xhtml/p-002.xhtml#s1">猫の話</a></li></ol></li>'
        '<li><a href="xhtml/p-003.xhtml">二</a></li></ol></nav>'
    )
    path = _epub(
        tmp_path / "neko.epub",
        {
            "p-001.xhtml": '<div class="main"><h2 class="o-midashi">一</h2>'
            "<p>　吾輩は<ruby>猫<rt>ねこ</rt></ruby>である。名前はまだ無い。</p></div>",
            "p-002.xhtml": '<p>どこで生れたか見当がつかぬ。</p><p id="s1">何でも薄暗い所で泣いていた。</p>',
            "p-003.xhtml": "<p>　吾輩はここで始めて人間というものを見た。</p>",
        },
        nav=nav,
    )
    doc = import_file(path)
    assert [(b.kind, b.level, b.text) for b in doc.blocks] == [
        ("heading", 1, "一"),
        ("paragraph", 0, "吾輩は猫である。名前はまだ無い。"),
        ("paragraph", 0, "どこで生れたか見当がつかぬ。"),
        ("heading", 2, "猫の話"),
        ("paragraph", 0, "何でも薄暗い所で泣いていた。"),
        ("heading", 1, "二"),
        ("paragraph", 0, "吾輩はここで始めて人間というものを見た。"),
    ]
    assert doc.blocks[1].ruby == [Ruby(3, 4, "ねこ")]
    assert doc.title == "吾輩は猫である"
    assert doc.metadata == {
        "title": "吾輩は猫である",
        "author": "夏目漱石、校訂者",
        "publisher": "青空文庫",
        "date": "1905-01-01",
        "language": "ja",
        "kind": "book",
    }
    # a book is cited as one: 『書名』, not 「…」 as an article (it was)
    from store.citation import Passage, cite, source_meta
    from store.library import DocMeta

    meta = source_meta(DocMeta(), "lib:neko.epub", doc.title, doc.metadata)
    assert cite(meta, Passage("猫"), "ja", source_only=True).startswith(
        "夏目漱石、校訂者『吾輩は猫である』青空文庫、1905年"
    )


def test_a_contents_page_in_the_spine_is_not_read_as_text(tmp_path: Path) -> None:
    """A printed book's 目次 page (links to the chapters) is what the outline shows already;
    a chapter that opens with a few links to its sections is still read."""
    path = _epub(
        tmp_path / "book.epub",
        {
            "p-000.xhtml": '<h1>目次</h1><p><a href="p-001.xhtml">第一章　波音</a></p>'
            '<p><a href="p-002.xhtml">第二章　灯台</a></p>',
            "p-001.xhtml": "<h2>第一章　波音</h2><p>　その夏、私は祖母の家で過ごした。</p>"
            '<p>（<a href="p-002.xhtml">灯台</a>と<a href="p-000.xhtml">目次</a>も見よ）</p>',
            "p-002.xhtml": "<h2>第二章　灯台</h2><p>　灯台は岬の先に立っていた。</p>",
        },
    )
    doc = import_file(path)
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "第一章　波音"),
        ("paragraph", "その夏、私は祖母の家で過ごした。"),
        ("paragraph", "（灯台と目次も見よ）"),
        ("heading", "第二章　灯台"),
        ("paragraph", "灯台は岬の先に立っていた。"),
    ]


def test_an_epub2_toc_ncx_and_notes_in_another_chapter(tmp_path: Path) -> None:
    ncx = (
        '<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/"><navMap>'
        '<navPoint id="a"><navLabel><text>本文</text></navLabel><content src="xhtml/body.xhtml"/>'
        "</navPoint></navMap></ncx>"
    )
    path = _epub(
        tmp_path / "notes.epub",
        {
            "body.xhtml": '<h1>本文</h1><p>注のある文<a epub:type="noteref" href="notes.xhtml#n1" '
            'id="r1">*1</a>である。</p><p>二つ目<a href="notes.xhtml#n2">（2）</a>。</p>',
            "notes.xhtml": '<aside epub:type="footnote" id="n1"><p><a href="body.xhtml#r1">*1</a> '
            '最初の注。</p></aside><p id="n2">（2）二つ目の注。</p>',
        },
        ncx=ncx,
    )
    doc = import_file(path)
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "本文"),
        ("paragraph", "注のある文である。"),
        ("paragraph", "二つ目。"),
    ]
    assert [(r.offset, r.footnote_id) for r in doc.blocks[1].refs] == [(5, "1")]
    assert [(r.offset, r.footnote_id) for r in doc.blocks[2].refs] == [(3, "2")]
    assert [(n.id, n.text) for n in doc.footnotes] == [("1", "最初の注。"), ("2", "二つ目の注。")]


def test_epub_of_a_seed_without_nav_reads_its_ncx(tmp_path: Path) -> None:
    import json

    golden = Path(__file__).parent / "golden" / "inspect" / "mofa-japan-us-summit-2025-10-28.json"
    model = json.loads(golden.read_text(encoding="utf-8"))
    path = tmp_path / "mofa.epub"
    golden_to_epub(model, path, ncx_only=True, vertical=True)
    doc = import_file(path).to_json()
    assert [(b["kind"], b.get("level"), b["text"]) for b in doc["blocks"]] == [
        (b["kind"], b.get("level"), b["text"]) for b in model["blocks"]
    ]


def test_an_epub_with_a_zip_bomb_or_a_member_leaving_the_archive_is_refused(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bomb.epub"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/container.xml", CONTAINER)
        zf.writestr("item/standard.opf", b"<" + b" " * (80 * 1024 * 1024) + b"/>")
    with pytest.raises(ImportFailed, match="zip bomb|would expand") as err:
        import_file(path)
    assert "\n" not in str(err.value)
    sneaky = tmp_path / "sneaky.epub"
    with zipfile.ZipFile(sneaky, "w") as zf:
        zf.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        zf.writestr(
            "META-INF/container.xml",
            CONTAINER.replace("item/standard.opf", "../../etc/standard.opf"),
        )
        zf.writestr("../../etc/standard.opf", "<package/>")
    with pytest.raises(ImportFailed):
        import_file(sneaky)


AOZORA = (
    "吾輩は猫である\n夏目漱石\n\n"
    "-------------------------------------------------------\n"
    "【テキスト中に現れる記号について】\n\n《》：ルビ\n"
    "-------------------------------------------------------\n\n"
    "　吾輩は猫である。名前はまだ無い。\n"
    "　どこで生れたかとんと見当《けんとう》がつかぬ。\n\n"
    "底本：「夏目漱石全集1」ちくま文庫、筑摩書房\n"
)


def test_an_aozora_zip_reads_as_its_shift_jis_text(tmp_path: Path) -> None:
    path = tmp_path / "789_ruby_5639.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("wagahaiwa_nekodearu.txt", AOZORA.replace("\n", "\r\n").encode("cp932"))
        zf.writestr("gaiji/1-01-01.png", b"\x89PNG fake")
    text = tmp_path / "wagahaiwa_nekodearu.txt"
    text.write_bytes(AOZORA.encode("cp932"))
    from_zip, from_text = import_file(path), import_file(text)
    assert from_zip.blocks == from_text.blocks
    assert from_zip.title == "吾輩は猫である"
    assert from_zip.encoding == from_text.encoding == "shift_jis"


def test_a_zip_bomb_or_a_zip_without_text_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("big.txt", b"a" * (70 * 1024 * 1024))
    with pytest.raises(ImportFailed, match="zip bomb|would expand"):
        import_file(bomb)
    empty = tmp_path / "pictures.zip"
    with zipfile.ZipFile(empty, "w") as zf:
        zf.writestr("a.png", b"\x89PNG")
    with pytest.raises(ImportFailed, match="no text"):
        import_file(empty)
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    with pytest.raises(ImportFailed):
        import_file(broken)


def test_kinds_are_told_by_content_not_by_name(tmp_path: Path) -> None:
    pdf = tmp_path / "report"
    golden = (
        Path(__file__).parent
        / "golden"
        / "inspect"
        / "yamamoto-sakon-japan-us-summit-2025-02-07.json"
    )
    import json

    golden_to_pdf(json.loads(golden.read_text(encoding="utf-8")), pdf)
    html = tmp_path / "page.txt"
    html.write_text("\ufeff  <!-- x -->\n<!DOCTYPE html><html><body><p>本文。</p></body></html>")
    php = tmp_path / "index.php"
    php.write_text("<html><body><p>本文。</p></body></html>")
    text = tmp_path / "notes.html"
    text.write_text("ただのテキストである。\n山かっこも記号もない。\n")
    epub = tmp_path / "book.zip"
    _epub(epub, {"a.xhtml": "<p>本文。</p>"})
    assert [sniff(p) for p in (pdf, html, php, text, epub)] == [
        "pdf",
        "html",
        "html",
        "text",
        "epub",
    ]
    assert import_file(pdf).title == "トランプ米大統領と会談 日米同盟を新たな高みへ"
    assert [b.text for b in import_file(html).blocks] == ["本文。"]
    assert named_for_kind(pdf) == "report.pdf" and named_for_kind(epub) == "book.zip.epub"
    assert named_for_kind(php) == "index.php.html" and named_for_kind(text) == "notes.html"
