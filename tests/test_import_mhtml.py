"""Web pages saved as one file (MHTML, Chrome's and Edge's "Webpage, Single File")."""

from __future__ import annotations

import quopri
from pathlib import Path

import pytest

from store.importer import ImportFailed, import_file
from store.importer.sniff import MHTML, named_for_kind, sniff
from store.library import is_document

PAGE = (
    '<!DOCTYPE html><html lang="ja"><head><title>日米首脳会談 | 外務省</title></head><body>'
    '<nav><a href="/">ホーム</a></nav><main><h1>日米首脳会談</h1>'
    "<p>両首脳は<ruby>同盟<rt>どうめい</rt></ruby>の強化を確認した"
    '<sup><a href="#fn1" id="r1">1</a></sup>。</p>'
    '<ol class="notes"><li id="fn1">外務省発表による。<a href="#r1">^</a></li></ol>'
    "</main><footer>Copyright (c) 外務省</footer></body></html>"
)


def _mhtml(path: Path, page: str, *, charset: str = "utf-8", declare: bool = True) -> Path:
    """As Chrome writes it: MIME headers, the page quoted-printable, then an image part."""
    body = quopri.encodestring(page.encode(charset)).decode("ascii")
    ctype = f'text/html; charset="{charset}"' if declare else "text/html"
    text = (
        "From: <Saved by Blink>\r\n"
        "Snapshot-Content-Location: https://www.mofa.go.jp/mofaj/na/page1.html\r\n"
        "Subject: =?utf-8?Q?=E6=97=A5=E7=B1=B3?=\r\n"
        "Date: Sat, 6 Dec 2026 05:00:00 -0000\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: multipart/related;\r\n"
        '\ttype="text/html";\r\n'
        '\tboundary="----MultipartBoundary--abc----"\r\n'
        "\r\n\r\n"
        "------MultipartBoundary--abc----\r\n"
        f"Content-Type: {ctype}\r\n"
        "Content-ID: <frame-1@mhtml.blink>\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: https://www.mofa.go.jp/mofaj/na/page1.html\r\n"
        "\r\n"
        f"{body}\r\n"
        "------MultipartBoundary--abc----\r\n"
        "Content-Type: image/png\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "Content-Location: https://www.mofa.go.jp/img/logo.png\r\n"
        "\r\n"
        "iVBORw0KGgo=\r\n"
        "------MultipartBoundary--abc------\r\n"
    )
    path.write_bytes(text.encode("ascii"))
    return path


@pytest.mark.parametrize(("charset", "declare"), [("utf-8", True), ("cp932", True), ("cp932", False)])
def test_a_page_saved_as_one_file_reads_as_the_page(tmp_path: Path, charset: str, declare: bool) -> None:
    page = PAGE if declare else PAGE.replace("<head>", '<head><meta charset="Shift_JIS">')
    path = _mhtml(tmp_path / "page.mhtml", page, charset=charset, declare=declare)
    assert sniff(path) == MHTML
    doc = import_file(path)
    assert doc.title == "日米首脳会談"
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "日米首脳会談"),
        ("paragraph", "両首脳は同盟の強化を確認した。"),
    ]
    assert doc.blocks[1].ruby[0].reading == "どうめい"
    assert [n.text for n in doc.footnotes] == ["外務省発表による。"]
    assert doc.metadata["url"] == "https://www.mofa.go.jp/mofaj/na/page1.html"
    assert doc.encoding == ("utf-8" if charset == "utf-8" else "cp932")


def test_a_saved_page_is_known_by_its_content_and_listed_by_the_library(tmp_path: Path) -> None:
    path = _mhtml(tmp_path / "download", PAGE)
    assert sniff(path) == MHTML and named_for_kind(path) == "download.mhtml"
    assert is_document("記事.mhtml") and is_document("記事.MHT")
    assert import_file(path).title == "日米首脳会談"


def test_a_saved_page_without_a_page_in_it_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "empty.mhtml"
    path.write_bytes(
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n"
        b"--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n"
    )
    with pytest.raises(ImportFailed) as err:
        import_file(path)
    assert "holds no HTML page" in str(err.value) and "\n" not in str(err.value)
