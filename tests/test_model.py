"""The document model's additions to the inspect contract: code blocks, pages, metadata."""

from __future__ import annotations

from store.document_cache import decode, encode
from store.model import Block, Document, PageStart


def _doc() -> Document:
    return Document(
        "白書",
        [
            Block("heading", "第1章 概観", level=1),
            Block("paragraph", "本文の一段落目。二文目。"),
            Block("code", "# not a heading\nprint(1)"),
        ],
        metadata={"title": "白書", "author": "外務省", "date": "2025"},
        pages=[PageStart(0, 0, "135"), PageStart(1, 5, "136")],
    )


def test_inspect_json_has_pages_and_metadata_beside_the_old_keys() -> None:
    data = _doc().to_json()
    assert list(data) == ["title", "blocks", "footnotes", "pages", "metadata"]
    assert data["pages"] == [[0, 0, "135"], [1, 5, "136"]]
    assert data["metadata"] == {"title": "白書", "author": "外務省", "date": "2025"}
    assert data["blocks"][2] == {
        "kind": "code",
        "text": "# not a heading\nprint(1)",
        "ruby": [],
        "refs": [],
        "emphasis": [],
    }


def test_page_at_gives_the_printed_page_of_a_position() -> None:
    doc = _doc()
    assert doc.page_at(0) == "135"
    assert doc.page_at(1, 4) == "135"
    assert doc.page_at(1, 5) == "136"
    assert doc.page_at(2) == "136"
    assert Document("t", [Block("paragraph", "x")]).page_at(0) is None


def test_the_import_cache_keeps_pages_and_metadata() -> None:
    doc = decode(encode(_doc()))
    assert doc.pages == _doc().pages
    assert doc.metadata == _doc().metadata
    assert doc.blocks[2].kind == "code"
