"""Escape sequences and control characters in a document never reach the terminal raw."""

from __future__ import annotations

from store.importer import import_text
from store.importer.sanitize import sanitize

OSC52 = "\x1b]52;c;ZXZpbCBjbGlwYm9hcmQ=\x07"


def test_osc52_clipboard_write_is_removed_and_counted() -> None:
    doc = import_text(f"本文の途中に{OSC52}隠された命令がある文章である。")
    assert doc.base_text == "本文の途中に隠された命令がある文章である。"
    assert "\x1b" not in doc.base_text
    assert any("removed 1" in n for n in doc.notices)


def test_csi_c1_and_bare_controls_are_removed_tabs_kept() -> None:
    clean, removed = sanitize("a\x1b[31mb\x1b[0m\x9b2Jc\x07d\x00e\tf\x7f")
    assert clean == "abcde\tf"
    assert removed == 6


def test_osc_with_string_terminator_and_unterminated() -> None:
    assert sanitize("x\x1b]0;title\x1b\\y")[0] == "xy"
    assert sanitize("x\x1b]8;;http://evil")[0] == "x"


def test_form_feed_is_a_line_break() -> None:
    assert sanitize("一頁目\x0c二頁目")[0] == "一頁目\n二頁目"


def test_bidi_overrides_and_stray_bom_are_removed() -> None:
    assert sanitize("右\u202e左\u2066中\u2069\ufeff終")[0] == "右左中終"


def test_invisible_formatting_is_read_out_of_the_text() -> None:
    """A web page's zero-width spaces and soft hyphens were kept and drawn as ⍰ in the reader
    (``ゼロ幅⍰空白``); an emoji's zero-width joiner and a kanji's variation selector stay."""
    doc = import_text("ゼロ幅\u200b空白と\u00adソフト\u2060ハイフン\u200eの文。家族👨\u200d👩と葛\U000e0100城。")
    assert doc.base_text == "ゼロ幅空白とソフトハイフンの文。家族👨\u200d👩と葛\U000e0100城。"
    assert not any("removed" in n for n in doc.notices)
