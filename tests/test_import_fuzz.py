"""Any bytes, any name: import gives a Document or ImportFailed (one line), never anything else,
and what it gives carries no character that would act on a terminal."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from hostile import sample_pdf
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from store.importer import ImportFailed, import_file, import_text
from store.model import Document

#: What import removes: escape sequences and controls (tab and newline stay).
_RAW = [chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]]
_RAW += ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]

_japanese = st.text(
    alphabet=st.sampled_from(
        list("日本語の文章である。「」、（）《》｜［＃］*#-[]!\n\t\x1b\x07\x9b")
    ),
    max_size=300,
)
_bytes = st.one_of(
    st.binary(max_size=3000),
    _japanese.map(lambda t: t.encode("utf-8")),
    _japanese.map(lambda t: t.encode("cp932", "replace")),
    _japanese.map(lambda t: t.encode("euc_jp", "replace")),
    _japanese.map(lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le")),
    _japanese.map(lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
    st.tuples(_japanese, st.binary(max_size=40)).map(lambda p: p[0].encode() + p[1]),
    # web pages with any text in their title, metadata and body; PDFs cut anywhere
    st.tuples(_japanese, _japanese).map(
        lambda p: (
            f"<!DOCTYPE html><html><head><title>{p[0]}</title><meta name=author "
            f'content="{p[1]}"></head><body><h1>{p[0]}</h1><p>{p[1]}</p></body></html>'
        ).encode()
    ),
    st.floats(min_value=0, max_value=1).map(lambda f: sample_pdf()[: int(len(sample_pdf()) * f)]),
)
_names = st.one_of(
    st.sampled_from(["doc.txt", "doc.md", "doc.markdown", "doc", "x\x1b]52;c;SGk=\x07.txt"]),
    st.sampled_from(["doc.html", "doc.pdf", "doc.epub", "doc.zip", "x\x1b]52;c;SGk=\x07.html"]),
    st.binary(min_size=1, max_size=12)
    .filter(lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b".."))
    .map(lambda b: os.fsdecode(b) + ".txt"),
)


def _assert_terminal_safe(doc: Document) -> None:
    texts = [doc.title, *(b.text for b in doc.blocks), *(n.text for n in doc.footnotes)]
    texts += [str(value) for value in doc.metadata.values()]
    texts += [cell for b in doc.blocks for row in b.rows for cell in row]
    for text in texts:
        assert not any(ch in text for ch in _RAW), repr(text[:80])
    assert not any("\ud800" <= ch <= "\udfff" for ch in doc.title)  # a name's bad bytes: �


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=_bytes, name=_names)
# a line break before any text of a web page (a TypeError escaped the importer)
@example(data=b"<!DOCTYPE html><a>\n\x00", name="doc.txt")
# a damaged PDF whose name holds a line break (its message was two lines)
@example(data=b"%PDF-\n0\t0\tobj\n", name="\n.txt")
def test_any_file_is_a_document_or_one_line_of_refusal(
    tmp_path_factory, data: bytes, name: str
) -> None:
    folder: Path = tmp_path_factory.mktemp("doc")
    path = folder / name
    try:
        path.write_bytes(data)
    except (OSError, UnicodeEncodeError):
        return
    try:
        doc = import_file(path)
    except ImportFailed as exc:
        assert "\n" not in str(exc) and str(exc)
        return
    assert isinstance(doc, Document)
    _assert_terminal_safe(doc)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=500), markdown=st.booleans())
def test_any_text_imports(text: str, markdown: bool) -> None:
    doc = import_text(text, suffix=".md" if markdown else ".txt")
    assert isinstance(doc, Document)
    for block in doc.blocks:
        assert not any(ch in block.text for ch in _RAW), repr(block.text[:80])
