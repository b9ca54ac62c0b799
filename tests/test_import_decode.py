"""Encodings are detected, never asked for; binary data is refused with one line naming the file."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from store.importer import ImportFailed, decode_bytes, import_file

TEXT = "日本語の文章です。\n漢字とかなが混じっている。\n"


@pytest.mark.parametrize(
    ("data", "label"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("cp932"), "shift_jis"),
        (TEXT.encode("euc_jp"), "euc-jp"),
        (TEXT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    ],
)
def test_each_encoding_is_detected(data: bytes, label: str) -> None:
    assert decode_bytes(data) == (TEXT, label)


def test_crlf_and_lone_cr_become_newlines() -> None:
    text, _ = decode_bytes("一行目\r\n二行目\r三行目".encode())
    assert text == "一行目\n二行目\n三行目"


def test_nul_bytes_are_binary() -> None:
    with pytest.raises(ValueError, match="binary"):
        decode_bytes(b"PK\x03\x04\x00\x00data")


def test_a_text_with_a_stray_nul_imports_and_says_what_it_removed(tmp_path: Path) -> None:
    """One NUL in a page of text (a bad copy) refused the whole file as binary."""
    path = tmp_path / "stray.txt"
    body = "本文である。これは長い段落の文章で、途中に迷い込んだ一つの空文字がある。" * 3
    path.write_bytes(f"題名\n\n{body}\x00続きの文章である。\n".encode())
    doc = import_file(path)
    assert doc.blocks[-1].text == body + "続きの文章である。"
    assert any("removed 1 control character" in n for n in doc.notices)


def test_file_in_shift_jis_imports_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "sjis.txt"
    path.write_bytes("見出し\n\n本文は Shift_JIS で書かれている。\n".encode("cp932"))
    doc = import_file(path)
    assert doc.encoding == "shift_jis"
    assert "decoded as shift_jis" in doc.notices
    assert doc.blocks[-1].text == "本文は Shift_JIS で書かれている。"


def test_large_file_streamed_in_chunks_keeps_crlf_pairs(tmp_path: Path) -> None:
    # 1 MB chunks: a CRLF split between two chunks must not produce an empty line.
    lines = [f"第{n}行の文章である。" + "あ" * 90 + "。" for n in range(12000)]
    path = tmp_path / "big.txt"
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    doc = import_file(path)
    assert [b.text for b in doc.blocks] == lines


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary"),
        (lambda p: p.mkdir(), "directory"),
        (lambda p: None, "no such file"),
    ],
)
def test_bad_input_fails_with_one_line_naming_the_file(tmp_path: Path, make, message) -> None:
    path = tmp_path / "doc.txt"
    make(path)
    with pytest.raises(ImportFailed) as info:
        import_file(path)
    text = str(info.value)
    assert "\n" not in text and str(path) in text and message in text


def test_encoding_that_only_shows_after_a_long_ascii_opening(tmp_path: Path) -> None:
    # More than the 1 MB sample of plain ASCII, then Shift_JIS: detected on the whole stream.
    opening = ("ascii line of a long preamble\n" * 40000).encode("ascii")
    path = tmp_path / "late.txt"
    path.write_bytes(opening + "\n本文は日本語で書かれている。\n".encode("cp932"))
    doc = import_file(path)
    assert doc.encoding == "shift_jis"
    assert doc.base_text.endswith("本文は日本語で書かれている。")
