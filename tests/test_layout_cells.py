"""Cell widths and safe display of characters (tui.layout.cells)."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from tui.layout.cells import char_width, display_char, drawn_text, text_width


@pytest.mark.parametrize(
    ("ch", "width"),
    [
        ("漢", 2),
        ("か", 2),
        ("カ", 2),
        ("　", 2),  # ideographic space
        ("Ａ", 2),  # fullwidth Latin
        ("a", 1),
        ("ｱ", 1),  # half-width katakana
        ("①", 1),  # East Asian Ambiguous = 1
        ("※", 1),
        ("―", 1),
        ("…", 1),
        ("\u3099", 0),  # combining dakuten rides on the previous cell
        ("\u0301", 0),
    ],
)
def test_char_width(ch: str, width: int) -> None:
    assert char_width(ch) == width


def test_widths_agree_with_what_rich_draws() -> None:
    sample = "漢字かなカナ、。「」（）ー々ａＡ１abc123 .,!?①※―…‥ｱｲｳ·é→"
    for ch in sample:
        assert char_width(ch) == cell_len(display_char(ch)), ch
    # sequences Rich measures as one glyph: what we draw measures the same both ways
    for text in [
        "❤️",
        "👍🏽",
        "👨\u200d👩\u200d👧",
        "🇯🇵",
        "か\u3099",
        "e\u0301",
        "⁉️",
        "葛\U000e0100",
    ]:
        assert text_width(text) == cell_len(drawn_text(text)), text


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b", "␛"),
        ("\x07", "␇"),
        ("\t", "␉"),
        ("\x7f", "␡"),
        ("\x9b", "⍰"),  # C1 CSI
        ("\x85", "⍰"),  # NEL
        ("\u202e", "⍰"),  # right-to-left override
        ("\u2028", "⍰"),  # line separator
        ("\ue000", "⍰"),  # private use
    ],
)
def test_control_characters_become_visible_symbols(raw: str, shown: str) -> None:
    assert display_char(raw) == shown
    assert char_width(raw) == 1


def test_escape_sequence_is_measured_and_shown_harmlessly() -> None:
    text = "前\x1b[31m後"
    shown = drawn_text(text)
    assert "\x1b" not in shown
    assert shown == "前␛[31m後"
    assert text_width(text) == 2 + 5 + 2
